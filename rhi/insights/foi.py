"""The yearly Freedom of Information answer, for a financial year (1 April to 31 March).

Councils are asked the same questions every year: how many missing episodes,
how many children, how many return home interviews offered, completed and
completed within 72 hours, for children missing from home and from care.

The year counts episodes that **started** in it (missing incidents, as the
police and the SSDA903 count them): an episode that starts on 31 March and
ends on 1 April belongs to the year it started, and so does its interview.
Home or care is the child's legal status now (children looked after: care).
Interview figures follow the timeliness definitions (rhi.insights.timeliness),
one per episode. Every count is suppressed (1 to 4 shown as "<5"): the answer
is published.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l

from rhi.episodes.models import Episode
from rhi.insights.filters import InsightFilter
from rhi.insights.suppression import suppress
from rhi.insights.timeliness import Breakdown, Figures, breakdown_figures, overall_figures

# (Figures attribute, the question as the answer words it)
QUESTIONS = [
    ("returns", _l("Missing episodes")),
    ("children", _l("Children who went missing")),
    ("offered", _l("Episodes where a return home interview was offered")),
    ("completed", _l("Episodes where a return home interview was completed")),
    (
        "within_72_hours",
        _l("Episodes where a return home interview was completed within 72 hours of return"),
    ),
]


@dataclass(frozen=True)
class FoiLine:
    question: str
    home: str
    care: str
    total: str


@dataclass(frozen=True)
class FoiAnswer:
    year: int
    start: date
    end: date
    lines: list[FoiLine]

    @property
    def label(self) -> str:
        return f"{self.year}-{str(self.year + 1)[-2:]}"


def financial_year(year: int) -> InsightFilter:
    return InsightFilter(returned_from=date(year, 4, 1), returned_to=date(year + 1, 3, 31))


def foi_answer(year: int) -> FoiAnswer:
    criteria = financial_year(year)
    home, care = breakdown_figures(criteria, Breakdown.CARE, moment=Episode.started_at)
    total: Figures = overall_figures(criteria, moment=Episode.started_at)
    lines = [
        FoiLine(
            question=str(question),
            home=suppress(getattr(home, name)),
            care=suppress(getattr(care, name)),
            total=suppress(getattr(total, name)),
        )
        for name, question in QUESTIONS
    ]
    return FoiAnswer(year=year, start=criteria.returned_from, end=criteria.returned_to, lines=lines)
