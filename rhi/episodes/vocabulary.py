"""The words used about missing episodes, defined once."""

from __future__ import annotations

from enum import StrEnum

from flask_babel import lazy_gettext as _l


class Category(StrEnum):
    """SSDA903 codes: M missing; A away from placement without authorisation."""

    MISSING = "M"
    AWAY = "A"

    @property
    def label(self) -> str:
        return str(CATEGORY_LABELS[self])


CATEGORY_LABELS = {
    Category.MISSING: _l("Missing"),
    Category.AWAY: _l("Away from placement without authorisation"),
}


class RiskGrade(StrEnum):
    """The police risk grade. "No apparent risk" is the older name for very low."""

    VERY_LOW = "very_low"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def label(self) -> str:
        return str(RISK_GRADE_LABELS[self])

    @classmethod
    def parse(cls, value: str) -> RiskGrade:
        """Read a grade, accepting the older "no apparent risk" for very low."""
        key = value.strip().lower().replace(" ", "_").replace("-", "_")
        return cls(RISK_GRADE_ALIASES.get(key, key))


RISK_GRADE_LABELS = {
    RiskGrade.VERY_LOW: _l("Very low (no apparent risk)"),
    RiskGrade.LOW: _l("Low"),
    RiskGrade.MEDIUM: _l("Medium"),
    RiskGrade.HIGH: _l("High"),
}
RISK_GRADE_ALIASES = {"no_apparent_risk": "very_low", "nar": "very_low"}
