"""Tagging texts with themes: the app's one door into the ``nlp`` package.

The worker calls ``tag_pending`` (never a request: the model takes a second to
load). Each source lists its new and changed texts; each gets one
``TaggedText`` and a ``ThemeSuggestion`` per theme the tagger raises, with
its evidence spans, score and the model's version. Re-tagging a changed text
keeps people's decisions and replaces only suggestions nobody has looked at;
so does a new model version chosen by an administrator (``rhi.themes.versions``),
in the background, batch by batch.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from rhi.database import transactional, utcnow
from rhi.extensions import db
from rhi.themes.models import TaggedText, ThemeSuggestion
from rhi.themes.sources import SOURCES, Source, SourceText
from rhi.themes.versions import SHIPPED, model_in_use, version_of
from rhi.themes.vocabulary import Decision, Origin


def analyse(texts: list[str], model_dir: Path | None = None) -> list[dict[str, Any]]:
    """The tagger's output for each text, in the shape nlp.md defines.

    ``model_dir``: another model version's directory (None: the shipped model).
    """
    from nlp.tagger import tag_many  # loaded on first use, in the worker

    return [result.to_dict() for result in tag_many(texts, model_dir=model_dir)]


def model_version() -> str:
    """Which rules and model tag texts now: the pipeline version and the model's build hash."""
    return version_of(model_in_use()[1])


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _spans(result: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    by_theme: dict[str, list[dict[str, Any]]] = {theme: [] for theme in result["themes"]}
    for evidence in result["evidence"]:
        if evidence["theme"] in by_theme:
            by_theme[evidence["theme"]].append(
                {"start": evidence["start"], "end": evidence["end"], "score": evidence["score"]}
            )
    return by_theme


def _store(item: SourceText, result: dict[str, Any], version: str) -> TaggedText:
    tagged = db.session.scalar(
        sa.select(TaggedText).where(
            TaggedText.source == item.source, TaggedText.source_id == item.source_id
        )
    )
    now = utcnow()
    if tagged is None:
        tagged = TaggedText(source=item.source, source_id=item.source_id)
        db.session.add(tagged)
    tagged.child_id = item.child_id
    tagged.written_at = item.written_at
    tagged.text_hash = text_hash(item.text)
    tagged.model_version = version
    tagged.tagged_at = now
    tagged.urgent = bool(result["urgent"])
    tagged.sentiment_label = result["sentiment"]["label"]
    tagged.sentiment_polarity = result["sentiment"]["polarity"]
    found = _spans(result)
    existing = {suggestion.theme: suggestion for suggestion in tagged.suggestions}
    for theme, old in existing.items():
        untouched = old.decision == Decision.PENDING and old.origin == Origin.TAGGER
        if theme not in found and untouched:
            tagged.suggestions.remove(old)
    for theme, spans in found.items():
        suggestion = existing.get(theme) or ThemeSuggestion(theme=theme, origin=Origin.TAGGER)
        if theme not in existing:
            tagged.suggestions.append(suggestion)
            tagged.reviewed_at = None
        suggestion.spans = spans
        suggestion.score = max((span["score"] for span in spans), default=0.0)
        suggestion.model_version = version
    return tagged


def _older_versions(source: Source, version: str, limit: int) -> list[SourceText]:
    """Texts this source gave that an older model tagged: tagged again with this one.

    Tags on a text that no longer exists (deleted, or past retention) go too.
    """
    stale = db.session.scalars(
        sa.select(TaggedText)
        .where(TaggedText.source == source.kind, TaggedText.model_version != version)
        .order_by(TaggedText.id)
        .limit(limit)
    ).all()
    found = source.fetch([tagged.source_id for tagged in stale]) if stale else {}
    for tagged in stale:
        if tagged.source_id not in found:
            db.session.delete(tagged)
    return list(found.values())


@transactional
def tag_pending(limit: int = 200) -> int:
    """Tag what each source has new or changed, then what an older model tagged.

    Returns how many texts were tagged (0 when there is nothing left to do).
    """
    count = 0
    version = model_version()
    name, path = model_in_use()
    model_dir = None if name == SHIPPED else path
    for source in SOURCES.values():
        fresh = source.pending(limit)
        items = fresh or _older_versions(source, version, limit)
        if not items:
            continue
        texts = [i.text for i in items]
        for item, result in zip(items, analyse(texts, model_dir), strict=True):
            _store(item, result, version)
            # Only new texts: tagging again under another model version raises no alarm.
            if fresh and result["urgent"] and source.on_urgent is not None:
                source.on_urgent(item.source_id)
        db.session.flush()
        count += len(items)
    return count
