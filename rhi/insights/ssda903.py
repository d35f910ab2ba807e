"""The SSDA903 "Missing" table: one row per missing or away episode of a looked-after child.

The collection year runs from 1 April to 31 March (UK dates). An episode is in
the return when it overlaps the year; ``MIS_END`` is blank when it was still
open at the end of 31 March. Dates are UK local dates (``dd/mm/yyyy``): an
episode ending at 23:30 on 31 March British Summer Time ends on 31 March,
although it is already 1 April nowhere else in the data (it is 22:30 UTC).

Known limitation: "looked after" is the child's *current* legal status
(``Child.legal_status``); Homeward does not keep a history of legal status,
so a child who has left care since an episode is left out, and a child who
came into care since is included for episodes from before they did.

Episodes that break a validation rule are left out of the CSV and reported
with the rule and the field, so they can be put right before the return is
submitted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from rhi.children.models import Child
from rhi.children.vocabulary import LegalStatus
from rhi.episodes.models import Episode
from rhi.episodes.vocabulary import Category
from rhi.extensions import db

LONDON = ZoneInfo("Europe/London")
# The DfE's column names, in the DfE's order: the header of the CSV and of the page's table.
COLUMNS: tuple[str, ...] = ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END")
DATE_FORMAT = "%d/%m/%Y"
# Years a return can be asked for: before the first, there is nothing; after the last, nonsense.
FIRST_YEAR = 2000
LAST_YEAR = 2100


class BadYear(ValueError):
    """A collection or financial year that is missing or not a year we can report on."""


def parse_year(value: str | None) -> int:
    """``"2024"`` -> 2024, the year the collection (or financial) year starts; else ``BadYear``."""
    text = (value or "").strip()
    if not text:
        raise BadYear(f"Give the year the return starts in, e.g. year={FIRST_YEAR + 24}")
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        raise BadYear("The year must be four digits, e.g. 2024 for April 2024 to March 2025")
    year = int(text)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise BadYear(f"The year must be from {FIRST_YEAR} to {LAST_YEAR}")
    return year


def uk_midnight(day: date) -> datetime:
    """The start of ``day`` in the UK, as a UTC time (what the database compares with)."""
    return datetime.combine(day, time(0), tzinfo=LONDON).astimezone(UTC)


def uk_date(moment: datetime) -> date:
    return moment.astimezone(LONDON).date()


@dataclass(frozen=True)
class YearBounds:
    """1 April ``year`` to 31 March ``year + 1``, as UK dates and as UTC instants."""

    year: int

    @property
    def first_day(self) -> date:
        return date(self.year, 4, 1)

    @property
    def last_day(self) -> date:
        return date(self.year + 1, 3, 31)

    @property
    def start(self) -> datetime:
        """The first instant of the year (UTC)."""
        return uk_midnight(self.first_day)

    @property
    def end(self) -> datetime:
        """The first instant after the year (UTC): midnight starting 1 April ``year + 1``."""
        return uk_midnight(date(self.year + 1, 4, 1))

    @property
    def label(self) -> str:
        return f"{self.year} to {self.year + 1}"


@dataclass(frozen=True)
class Rule:
    code: str
    field: str
    message: LazyString


# The DfE's checks on the Missing table, each with the column it is about.
RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule("missing_code", "MISSING", _l("MISSING must be M (missing) or A (away)")),
        Rule("start_required", "MIS_START", _l("MIS_START is required when MISSING is given")),
        Rule("end_before_start", "MIS_END", _l("MIS_END must not be before MIS_START")),
        Rule("start_after_year", "MIS_START", _l("MIS_START must not be after 31 March")),
    )
}
VALID_CODES = frozenset(category.value for category in Category)


@dataclass(frozen=True)
class EpisodeFacts:
    """One episode as the return sees it: UK dates, with ``end`` None when open at year end."""

    episode_id: int
    case_ref: str
    date_of_birth: date
    category: str | None
    start: date | None
    end: date | None

    def row(self) -> tuple[str, str, str, str, str]:
        return (
            self.case_ref,
            self.date_of_birth.strftime(DATE_FORMAT),
            self.category or "",
            self.start.strftime(DATE_FORMAT) if self.start else "",
            self.end.strftime(DATE_FORMAT) if self.end else "",
        )


@dataclass(frozen=True)
class Failure:
    episode_id: int
    case_ref: str
    rule: Rule
    value: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "episode_id": self.episode_id,
            "child": self.case_ref,
            "rule": self.rule.code,
            "field": self.rule.field,
            "message": str(self.rule.message),
            "value": self.value,
        }


def check(facts: EpisodeFacts, bounds: YearBounds) -> list[Failure]:
    """Every rule ``facts`` breaks (none when it may go in the return)."""
    broken: list[tuple[str, str]] = []
    if facts.category is not None and facts.category not in VALID_CODES:
        broken.append(("missing_code", facts.category))
    if facts.category and facts.start is None:
        broken.append(("start_required", ""))
    if facts.start is not None and facts.end is not None and facts.end < facts.start:
        broken.append(("end_before_start", facts.end.strftime(DATE_FORMAT)))
    if facts.start is not None and facts.start > bounds.last_day:
        broken.append(("start_after_year", facts.start.strftime(DATE_FORMAT)))
    return [Failure(facts.episode_id, facts.case_ref, RULES[code], value) for code, value in broken]


@dataclass(frozen=True)
class MissingReturn:
    bounds: YearBounds
    rows: list[tuple[str, str, str, str, str]]
    failures: list[Failure]
    episodes: int  # episodes considered, passing or not

    @property
    def failed_episodes(self) -> int:
        return len({failure.episode_id for failure in self.failures})


def _facts(bounds: YearBounds) -> list[EpisodeFacts]:
    """Episodes of looked-after children touching the year, oldest first.

    Also picked up: an episode recorded as ending in the year but starting after
    it (bad data the ``start_after_year`` rule then reports).
    """
    ended_in_year = sa.and_(Episode.returned_at >= bounds.start, Episode.returned_at < bounds.end)
    query = (
        sa.select(
            Episode.id,
            Child.case_ref,
            Child.date_of_birth,
            Episode.category,
            Episode.started_at,
            Episode.returned_at,
        )
        .join(Child, Child.id == Episode.child_id)
        .where(
            Child.legal_status == LegalStatus.LOOKED_AFTER.value,
            sa.or_(Episode.started_at < bounds.end, ended_in_year),
            sa.or_(Episode.returned_at.is_(None), Episode.returned_at >= bounds.start),
        )
        .order_by(Episode.started_at, Child.case_ref, Episode.id)
    )
    facts = []
    for episode_id, case_ref, born, category, started, returned in db.session.execute(query):
        # Open at the end of 31 March (or still open now): MIS_END is left blank.
        end = uk_date(returned) if returned is not None and returned < bounds.end else None
        facts.append(
            EpisodeFacts(
                episode_id=episode_id,
                case_ref=case_ref,
                date_of_birth=born,
                category=category,
                start=uk_date(started) if started is not None else None,
                end=end,
            )
        )
    return facts


def missing_return(year: int) -> MissingReturn:
    """The Missing table for the collection year starting 1 April ``year``, checked."""
    bounds = YearBounds(year)
    rows: list[tuple[str, str, str, str, str]] = []
    failures: list[Failure] = []
    facts = _facts(bounds)
    for episode in facts:
        broken = check(episode, bounds)
        if broken:
            failures.extend(broken)
        else:
            rows.append(episode.row())
    return MissingReturn(bounds=bounds, rows=rows, failures=failures, episodes=len(facts))


def csv_filename(year: int) -> str:
    return f"ssda903-missing-{year}-{year + 1}.csv"
