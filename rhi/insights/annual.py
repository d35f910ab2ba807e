"""The annual report appendix, for a financial year (1 April to 31 March, UK dates).

What is counted, and from what:

- **Incidents** are missing or away episodes that *started* in the year;
  **individuals** are the children with at least one. "From care" means the
  child is looked after (legal status ``lac``), "from home" any other status.
  Both use the child's *current* legal status and district: Homeward keeps no
  history of either, so a child who moved into care during the year is
  counted under care for the whole year.
- **Exploitation flags**: a child has a CSE (or CCE) flag when a ``cse`` (or
  ``cce``) theme was *accepted* by a reviewer on a text about them written in
  the year. Suggestions not yet reviewed do not count. **Indicators at
  interview**: a submitted Return Home Interview record held in the year
  names at least one exploitation indicator. A child is **at risk of
  exploitation** when they have any of the three.
- **Exploitation risk assessments** (the council's CSE/CCE risk assessment
  tool) are not recorded in Homeward yet; the indicators recorded at interview
  are the nearest thing we hold and are shown in their own column.
- **Headline rates**: children in care reported missing, out of the children in
  care *on our records* (Homeward holds the children known to the missing
  service, not the whole care population: the official rate uses the SSDA903
  count); missing children at risk of exploitation, out of the individuals; and
  episodes that ended within 4 hours (returned at most 4 hours after going
  missing), out of the episodes started in the year that have ended.

Every count is made in the database (GROUP BY). Each count carries its exact
value and its published form ("<5" for 1 to 4, see ``suppression``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from rhi.children.models import Child
from rhi.children.vocabulary import LegalStatus
from rhi.episodes.models import Episode
from rhi.extensions import db
from rhi.insights.ssda903 import YearBounds
from rhi.insights.suppression import rate, suppress
from rhi.interviews.models import ReturnInterview
from rhi.interviews.record import InterviewRecord
from rhi.reference.models import District
from rhi.themes.models import TaggedText, ThemeSuggestion
from rhi.themes.vocabulary import Decision

FOUND_WITHIN = timedelta(hours=4)
# The taxonomy's theme ids (nlp/taxonomy.py) that are exploitation flags.
CSE_THEME = "cse"
CCE_THEME = "cce"
CARE = LegalStatus.LOOKED_AFTER.value


@dataclass(frozen=True)
class Column:
    key: str
    label: LazyString


@dataclass(frozen=True)
class Row:
    code: str  # the district's code; "total" for the total row
    name: str
    counts: dict[str, int]

    def published(self, key: str) -> str:
        return suppress(self.counts[key])


@dataclass(frozen=True)
class Table:
    key: str
    title: LazyString
    columns: tuple[Column, ...]
    rows: list[Row]
    total: Row


@dataclass(frozen=True)
class Rate:
    key: str
    label: LazyString
    numerator: int
    denominator: int

    @property
    def percent(self) -> float | None:
        if not self.denominator:
            return None
        return round(100 * self.numerator / self.denominator, 1)

    @property
    def published(self) -> str:
        return rate(self.numerator, self.denominator)


@dataclass(frozen=True)
class AnnualReport:
    bounds: YearBounds
    tables: list[Table]
    rates: list[Rate]


MISSING_COLUMNS = (
    Column("home_incidents", _l("Missing from home: incidents")),
    Column("home_individuals", _l("Missing from home: individuals")),
    Column("care_incidents", _l("Missing from care: incidents")),
    Column("care_individuals", _l("Missing from care: individuals")),
    Column("incidents", _l("All incidents")),
    Column("individuals", _l("All individuals")),
)
EXPLOITATION_COLUMNS = (
    Column("cse", _l("Children with a CSE flag")),
    Column("cce", _l("Children with a CCE flag")),
    Column("indicators", _l("Children with exploitation indicators at interview")),
    Column("any", _l("Children with any exploitation flag or indicator")),
)
NOTES: tuple[LazyString, ...] = (
    _l(
        "Incidents are episodes that started in the year; individuals are the children "
        "with at least one. Home or care, and the district, are the child's current ones."
    ),
    _l(
        "CSE and CCE flags are themes a reviewer accepted on a text about the child written "
        "in the year. Indicators at interview come from Return Home Interview records held "
        "in the year."
    ),
    _l(
        "Exploitation risk assessments are not recorded in Homeward yet: the indicators "
        "recorded at interview are the nearest measure held."
    ),
    _l(
        "Children in care reported missing are counted out of the children in care on "
        "Homeward's records, not the whole care population."
    ),
    _l("Counts from 1 to 4 are published as <5; a rate over such a count is withheld."),
)


def _started_in(bounds: YearBounds) -> sa.ColumnElement[bool]:
    return sa.and_(Episode.started_at >= bounds.start, Episode.started_at < bounds.end)


def _districts() -> list[tuple[int, str, str]]:
    query = sa.select(District.id, District.code, District.name).order_by(District.name)
    return [(row.id, row.code, row.name) for row in db.session.execute(query)]


def _table(
    key: str,
    title: LazyString,
    columns: tuple[Column, ...],
    by_district: dict[int, dict[str, int]],
) -> Table:
    rows = []
    for district_id, code, name in _districts():
        counts = by_district.get(district_id, {})
        rows.append(Row(code, name, {column.key: counts.get(column.key, 0) for column in columns}))
    # Each child has one district, so the districts add up to the total.
    total = Row(
        "total",
        str(_l("Total")),
        {column.key: sum(row.counts[column.key] for row in rows) for column in columns},
    )
    return Table(key, title, columns, rows, total)


def _missing_by_district(bounds: YearBounds) -> dict[int, dict[str, int]]:
    in_care = Child.legal_status == CARE
    query = (
        sa.select(
            Child.district_id,
            in_care.label("in_care"),
            sa.func.count(Episode.id).label("incidents"),
            sa.func.count(sa.distinct(Child.id)).label("individuals"),
        )
        .join(Child, Child.id == Episode.child_id)
        .where(_started_in(bounds))
        .group_by(Child.district_id, in_care)
    )
    result: dict[int, dict[str, int]] = {}
    for district_id, care, incidents, individuals in db.session.execute(query):
        counts = result.setdefault(district_id, {})
        where = "care" if care else "home"
        counts[f"{where}_incidents"] = incidents
        counts[f"{where}_individuals"] = individuals
        counts["incidents"] = counts.get("incidents", 0) + incidents
        counts["individuals"] = counts.get("individuals", 0) + individuals
    return result


def accepted_flag(theme: str) -> sa.ColumnElement[bool]:
    """A CSE or CCE flag: ``theme`` accepted by a reviewer on a text about a child.

    A condition on ``ThemeSuggestion`` joined to its ``TaggedText`` (the panel packs use it too).
    """
    return sa.and_(
        ThemeSuggestion.theme == theme,
        ThemeSuggestion.decision == Decision.ACCEPTED.value,
        TaggedText.child_id.is_not(None),
    )


def interview_held() -> sa.ColumnElement[Any]:
    """When an interview record was held (its submission time when no time was given)."""
    return sa.func.coalesce(InterviewRecord.held_at, InterviewRecord.submitted_at)


def indicators_recorded() -> sa.ColumnElement[bool]:
    """A submitted interview record that names at least one exploitation indicator."""
    return sa.and_(
        InterviewRecord.submitted_at.is_not(None),
        sa.func.coalesce(sa.func.json_array_length(InterviewRecord.exploitation_indicators), 0) > 0,
    )


def _theme_children(theme: str, bounds: YearBounds) -> sa.Select[Any]:
    return (
        sa.select(TaggedText.child_id)
        .join(ThemeSuggestion, ThemeSuggestion.text_id == TaggedText.id)
        .where(
            accepted_flag(theme),
            TaggedText.written_at >= bounds.start,
            TaggedText.written_at < bounds.end,
        )
    )


def _indicator_children(bounds: YearBounds) -> sa.Select[Any]:
    held = interview_held()
    return (
        sa.select(ReturnInterview.child_id)
        .join(InterviewRecord, InterviewRecord.rhi_id == ReturnInterview.id)
        .where(indicators_recorded(), held >= bounds.start, held < bounds.end)
    )


def _flag_sets(bounds: YearBounds) -> dict[str, sa.Select[Any]]:
    cse = _theme_children(CSE_THEME, bounds)
    cce = _theme_children(CCE_THEME, bounds)
    indicators = _indicator_children(bounds)
    return {
        "cse": cse,
        "cce": cce,
        "indicators": indicators,
        "any": sa.union(cse, cce, indicators).subquery().select(),
    }


def _exploitation_by_district(bounds: YearBounds) -> dict[int, dict[str, int]]:
    flags = _flag_sets(bounds)
    counts = [
        sa.func.count(sa.case((Child.id.in_(children), Child.id))).label(key)
        for key, children in flags.items()
    ]
    query = sa.select(Child.district_id, *counts).group_by(Child.district_id)
    return {
        row.district_id: {key: getattr(row, key) for key in flags}
        for row in db.session.execute(query)
    }


def _within(limit: timedelta) -> sa.ColumnElement[bool]:
    """The episode ended no more than ``limit`` after it began (to the second)."""
    if db.engine.dialect.name == "sqlite":
        seconds = sa.cast(sa.func.strftime("%s", Episode.returned_at), sa.Integer) - sa.cast(
            sa.func.strftime("%s", Episode.started_at), sa.Integer
        )
        return seconds <= int(limit.total_seconds())
    return (Episode.returned_at - Episode.started_at) <= sa.literal(limit, sa.Interval())


def _rates(bounds: YearBounds, missing: Table) -> list[Rate]:
    in_care = db.session.scalar(
        sa.select(sa.func.count(Child.id)).where(Child.legal_status == CARE)
    )
    any_flag = _flag_sets(bounds)["any"]
    at_risk = db.session.scalar(
        sa.select(sa.func.count(sa.distinct(Episode.child_id))).where(
            _started_in(bounds), Episode.child_id.in_(any_flag)
        )
    )
    ended = Episode.returned_at.is_not(None)
    found = db.session.execute(
        sa.select(
            sa.func.count(Episode.id),
            sa.func.count(sa.case((_within(FOUND_WITHIN), Episode.id))),
        ).where(_started_in(bounds), ended)
    ).one()
    return [
        Rate(
            "care_missing",
            _l("Children in care who were reported missing"),
            missing.total.counts["care_individuals"],
            in_care or 0,
        ),
        Rate(
            "missing_at_risk",
            _l("Missing children at risk of exploitation"),
            at_risk or 0,
            missing.total.counts["individuals"],
        ),
        Rate("found_within_4_hours", _l("Episodes ended within 4 hours"), found[1], found[0]),
    ]


def annual_report(year: int) -> AnnualReport:
    """The appendix tables for the financial year starting 1 April ``year``."""
    bounds = YearBounds(year)
    missing = _table(
        "missing",
        _l("Missing incidents and individuals by district"),
        MISSING_COLUMNS,
        _missing_by_district(bounds),
    )
    exploitation = _table(
        "exploitation",
        _l("Children with exploitation flags by district"),
        EXPLOITATION_COLUMNS,
        _exploitation_by_district(bounds),
    )
    return AnnualReport(bounds, [missing, exploitation], _rates(bounds, missing))


def _count(value: int) -> dict[str, Any]:
    return {"count": value, "published": suppress(value)}


def _row(row: Row) -> dict[str, Any]:
    return {
        "district": row.code,
        "name": row.name,
        "values": {key: _count(value) for key, value in row.counts.items()},
    }


def as_json(report: AnnualReport) -> dict[str, Any]:
    """The report for the API: exact counts, each with its published form beside it."""
    return {
        "year": report.bounds.year,
        "from": report.bounds.first_day.isoformat(),
        "to": report.bounds.last_day.isoformat(),
        "tables": [
            {
                "key": table.key,
                "title": str(table.title),
                "columns": [{"key": c.key, "label": str(c.label)} for c in table.columns],
                "rows": [_row(row) for row in table.rows],
                "total": _row(table.total),
            }
            for table in report.tables
        ],
        "rates": [
            {
                "key": item.key,
                "label": str(item.label),
                "numerator": item.numerator,
                "denominator": item.denominator,
                "percent": item.percent,
                "published": item.published,
            }
            for item in report.rates
        ],
        "notes": [str(note) for note in NOTES],
    }


CSV_HEADER = ("Table", "District", "Measure", "Value")


def csv_rows(report: AnnualReport) -> list[tuple[str, str, str, str]]:
    """The report as published: one line per figure, counts of 1 to 4 as "<5"."""
    rows = []
    for table in report.tables:
        for row in [*table.rows, table.total]:
            for column in table.columns:
                rows.append(
                    (str(table.title), row.name, str(column.label), row.published(column.key))
                )
    for item in report.rates:
        rows.append((str(_l("Headline rates")), str(_l("All")), str(item.label), item.published))
    return rows
