"""The languages texts are sent in.

English plus every language with a message catalogue in rhi/translations:
adding a language is adding a catalogue (``make babel-init LOCALE=xx``), no
code. Survey wording an administrator writes is kept per language on the
template; where a language has none, the catalogue's translation of the
English wording is used, then the English.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from babel import Locale
from babel.support import NullTranslations, Translations

from rhi.config import PROJECT_ROOT

DEFAULT_LANGUAGE = "en"
CATALOGUES = PROJECT_ROOT / "rhi" / "translations"


def available() -> list[str]:
    """Language codes texts can be sent in: English first, then each catalogue."""
    found = sorted(path.parent.parent.name for path in CATALOGUES.glob("*/LC_MESSAGES/messages.po"))
    return [DEFAULT_LANGUAGE, *[code for code in found if code != DEFAULT_LANGUAGE]]


def name_of(code: str) -> str:
    """The language's own name and its English name: "polski (Polish)"."""
    try:
        locale = Locale.parse(code)
    except (ValueError, TypeError):
        return code
    own = locale.get_display_name(code) or code
    english = locale.get_display_name("en") or code
    return own if own == english else f"{own} ({english})"


def choices() -> list[tuple[str, str]]:
    return [(code, name_of(code)) for code in available()]


@lru_cache(maxsize=32)
def _catalogue(language: str) -> NullTranslations:
    return Translations.load(str(CATALOGUES), [language])


def translate(message: str, language: str, **values: Any) -> str:
    """``message`` (an English msgid) in ``language``, from its compiled catalogue.

    Read straight from the catalogue rather than through Flask-Babel, so the
    worker (no request, no signed-in user) sends the same words as a page.
    """
    text = _catalogue(language).gettext(message)
    return text % values if values else text


def wording(texts: dict[str, str] | None, language: str) -> str:
    """The administrator's wording in ``language``, else the catalogue's, else English."""
    texts = texts or {}
    own = (texts.get(language) or "").strip()
    if own:
        return own
    english = (texts.get(DEFAULT_LANGUAGE) or "").strip()
    if not english or language == DEFAULT_LANGUAGE:
        return english
    return translate(english, language)
