"""The words used about missing episodes, defined once."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from rhi.vocabulary import Labelled


class Category(Labelled):
    """SSDA903 codes: M missing; A away from placement without authorisation."""

    MISSING = "M", _l("Missing")
    AWAY = "A", _l("Away from placement without authorisation")


class RiskGrade(Labelled):
    """The police risk grade. "No apparent risk" is the older name for very low."""

    VERY_LOW = "very_low", _l("Very low (no apparent risk)")
    LOW = "low", _l("Low")
    MEDIUM = "medium", _l("Medium")
    HIGH = "high", _l("High")

    @classmethod
    def parse(cls, value: str) -> RiskGrade:
        """Read a grade, accepting the older "no apparent risk" for very low."""
        key = value.strip().lower().replace(" ", "_").replace("-", "_")
        return cls(RISK_GRADE_ALIASES.get(key, key))


RISK_GRADE_ALIASES = {"no_apparent_risk": "very_low", "nar": "very_low"}
