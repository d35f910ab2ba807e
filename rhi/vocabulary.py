"""The base for every vocabulary: stable string values, each with a label people read.

    class LegalStatus(Labelled):
        HOME = "home", _l("At home")

``LegalStatus("home")`` looks a member up by its value; ``.label`` is the
translated label. Members are ``str``, so they compare and store as their value.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class Labelled(StrEnum):
    _label: Any

    def __new__(cls, value: str, label: Any = None) -> Labelled:
        member = str.__new__(cls, value)
        member._value_ = value
        member._label = label if label is not None else value
        return member

    @property
    def label(self) -> str:
        return str(self._label)

    @property
    def lazy_label(self) -> Any:
        """The label still untranslated, for choices built when a module loads."""
        return self._label
