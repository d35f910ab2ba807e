"""RHI timeliness: how quickly children who came back were offered and given an interview.

Everything is counted in the database (one GROUP BY per table). The unit is
the **return**: an episode whose return falls in the filter's date range.
Each return is judged by the interview that covers it (``Episode.rhi_id``),
so an interview covering two returns counts once for each, each against its
own return time.

Definitions (each a condition on a return):

- *returns*: every episode returned in the range.
- *offered*: its interview was offered (``offered_at`` is set).
- *accepted*, *declined*, *unable to contact*: its interview was ever moved
  to that state (from the history of transitions). One interview can be in
  more than one: unable to contact, then offered and accepted.
- *completed*: the interview is completed or signed off after being
  completed (``completed_at`` set and status completed or signed off; one
  returned for changes counts again once resubmitted).
- *completed within 72 hours*: completed, and held no later than 72 hours
  (elapsed time) after this return. "Held" is ``InterviewRecord.held_at``,
  when the interview took place, not when its record was submitted; an
  interview with no held time falls back to ``completed_at``. Exactly 72
  hours counts as within.
- *median hours to interview*: the median of (held - returned) in hours over
  the completed returns. ``percentile_cont(0.5)`` on PostgreSQL; on SQLite
  the same median in SQL with window functions (the middle row, or the mean
  of the two middle rows).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from rhi.auth.models import Team, User
from rhi.auth.roles import Permission
from rhi.children.access import visible_children
from rhi.children.models import Child
from rhi.children.vocabulary import LegalStatus
from rhi.episodes.models import Episode
from rhi.extensions import db
from rhi.insights.filters import InsightFilter, Month, apply_filter, dialect_name
from rhi.interviews.models import ReturnInterview
from rhi.interviews.record import InterviewRecord
from rhi.interviews.vocabulary import DUE_AFTER, RhiStatus
from rhi.reference.models import District
from rhi.vocabulary import Labelled

WITHIN_SECONDS = DUE_AFTER.total_seconds()
# Drill-down lists stop here; the page says how many there are in all.
DRILL_LIMIT = 1000
NO_GROUP = "none"


class Measure(Labelled):
    RETURNS = "returns", _l("Returns")
    OFFERED = "offered", _l("Offered an interview")
    ACCEPTED = "accepted", _l("Accepted")
    DECLINED = "declined", _l("Declined")
    UNABLE_TO_CONTACT = "unable-to-contact", _l("Unable to contact")
    COMPLETED = "completed", _l("Interview completed")
    WITHIN_72_HOURS = "within-72-hours", _l("Completed within 72 hours")

    @property
    def attribute(self) -> str:
        return self.value.replace("-", "_")


class Breakdown(Labelled):
    DISTRICT = "district", _l("District")
    TEAM = "team", _l("Team")
    WORKER = "worker", _l("Worker")
    CARE = "home-or-care", _l("Home or care")
    MONTH = "month", _l("Month")


class Setting(Labelled):
    """Home vs care: children looked after are missing from care; all others from home."""

    HOME = "home", _l("Missing from home")
    CARE = "care", _l("Missing from care")


class UnknownFigure(ValueError):
    """A drill-down asked for a measure or group that does not exist."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Figures:
    key: str  # the group's value in a drill-down link ("" for the whole range)
    label: str
    returns: int = 0
    children: int = 0
    offered: int = 0
    accepted: int = 0
    declined: int = 0
    unable_to_contact: int = 0
    completed: int = 0
    within_72_hours: int = 0
    timed: int = 0  # completed returns with an interview time: the median's count
    median_hours: float | None = None

    def count(self, measure: Measure) -> int:
        return int(getattr(self, measure.attribute))


@dataclass(frozen=True)
class Timeliness:
    criteria: InsightFilter
    breakdown: Breakdown
    overall: Figures
    rows: list[Figures]
    trend: list[Figures]


# The pieces of SQL every figure is made of ---------------------------------


def seconds_between(later: Any, earlier: Any) -> Any:
    """Elapsed seconds from ``earlier`` to ``later`` (both UTC timestamps), in SQL."""
    if dialect_name() == "postgresql":
        return sa.extract("epoch", later - earlier)
    # julianday is a float of days: rounded to the millisecond so exactly 72
    # hours compares equal to 72 hours.
    return sa.func.round((sa.func.julianday(later) - sa.func.julianday(earlier)) * 86400.0, 3)


class _Parts:
    """The conditions every timeliness query is made of."""

    def __init__(self) -> None:
        rhi = ReturnInterview
        self.interview_at = sa.func.coalesce(InterviewRecord.held_at, rhi.completed_at)
        self.completed = sa.and_(
            rhi.completed_at.is_not(None),
            rhi.status.in_([RhiStatus.COMPLETED, RhiStatus.SIGNED_OFF]),
        )
        self.seconds = seconds_between(self.interview_at, Episode.returned_at)
        self.within = sa.and_(self.completed, self.seconds <= WITHIN_SECONDS)
        self.hours = sa.case((self.completed, self.seconds / 3600.0))
        self.care = sa.case(
            (Child.legal_status == LegalStatus.LOOKED_AFTER, Setting.CARE.value),
            else_=Setting.HOME.value,
        )
        self.conditions: dict[Measure, Any] = {
            Measure.RETURNS: sa.true(),
            Measure.OFFERED: rhi.offered_at.is_not(None),
            Measure.ACCEPTED: rhi.ever_accepted,
            Measure.DECLINED: rhi.ever_declined,
            Measure.UNABLE_TO_CONTACT: rhi.ever_unable_to_contact,
            Measure.COMPLETED: self.completed,
            Measure.WITHIN_72_HOURS: self.within,
        }

    def joined(self, query: Any) -> Any:
        return (
            query.select_from(Episode)
            .join(Child, Child.id == Episode.child_id)
            .join(District, District.id == Child.district_id)
            .outerjoin(Team, Team.id == Child.team_id)
            .outerjoin(ReturnInterview, ReturnInterview.id == Episode.rhi_id)
            .outerjoin(User, User.id == ReturnInterview.allocated_to_id)
            .outerjoin(InterviewRecord, InterviewRecord.rhi_id == ReturnInterview.id)
        )

    def group(self, breakdown: Breakdown | None, months: list[Month], moment: Any) -> list[Any]:
        """The GROUP BY columns: the key first, then its label (when it has one)."""
        if breakdown is None:
            return [sa.literal("").label("k")]
        if breakdown is Breakdown.DISTRICT:
            return [District.id.label("k"), District.name]
        if breakdown is Breakdown.TEAM:
            return [Team.id.label("k"), Team.name]
        if breakdown is Breakdown.WORKER:
            return [User.id.label("k"), User.full_name]
        if breakdown is Breakdown.CARE:
            return [self.care.label("k")]
        whens = [(moment < month.end, index) for index, month in enumerate(months)]
        return [sa.case(*whens, else_=len(months) - 1).label("k")]


def _sum(condition: Any) -> Any:
    return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)


def _aggregate(
    criteria: InsightFilter, breakdown: Breakdown | None, moment: Any
) -> list[tuple[Any, str | None, dict[str, Any]]]:
    """(key, label, counts) per group, in one GROUP BY."""
    parts = _Parts()
    months = criteria.months()
    group = parts.group(breakdown, months, moment)
    measures = [
        _sum(condition).label(measure.attribute) for measure, condition in parts.conditions.items()
    ]
    extra = [
        sa.func.count(sa.distinct(Episode.child_id)).label("children"),
        sa.func.count(parts.hours).label("timed"),
    ]
    postgres = dialect_name() == "postgresql"
    if postgres:
        extra.append(sa.func.percentile_cont(0.5).within_group(parts.hours).label("median"))
    query = parts.joined(sa.select(*group, *measures, *extra))
    query = apply_filter(query, criteria, moment)
    if breakdown is not None:
        query = query.group_by(*group)
    rows = db.session.execute(query).mappings().all()
    medians = {} if postgres else _sqlite_medians(criteria, breakdown, moment)
    result = []
    for row in rows:
        counts = dict(row)
        key = counts.pop("k")
        label = counts.pop(group[1].key, None) if len(group) > 1 else None
        if not postgres:
            counts["median"] = medians.get(key)
        result.append((key, label, counts))
    return result


def _sqlite_medians(
    criteria: InsightFilter, breakdown: Breakdown | None, moment: Any
) -> dict[Any, float]:
    """The median hours per group, in SQL with window functions (SQLite has no percentile_cont).

    Rows are numbered within each group in order of hours; the median is the
    middle row, or the mean of the two middle rows (those with n <= 2*rn <= n+2).
    """
    parts = _Parts()
    key = parts.group(breakdown, criteria.months(), moment)[0]
    inner = parts.joined(sa.select(key, parts.hours.label("h")))
    inner = apply_filter(inner, criteria, moment).where(parts.hours.is_not(None)).subquery()
    ranked = sa.select(
        inner.c.k,
        inner.c.h,
        sa.func.row_number().over(partition_by=inner.c.k, order_by=inner.c.h).label("rn"),
        sa.func.count().over(partition_by=inner.c.k).label("n"),
    ).subquery()
    query = (
        sa.select(ranked.c.k, sa.func.avg(ranked.c.h))
        .where(ranked.c.n <= 2 * ranked.c.rn, 2 * ranked.c.rn <= ranked.c.n + 2)
        .group_by(ranked.c.k)
    )
    return {k: float(median) for k, median in db.session.execute(query)}


def _figures(key: str, label: str, counts: dict[str, Any] | None) -> Figures:
    if counts is None:
        return Figures(key=key, label=label)
    median = counts.pop("median", None)
    return Figures(
        key=key,
        label=label,
        median_hours=float(median) if median is not None else None,
        **{name: int(value or 0) for name, value in counts.items()},
    )


def _labelled(
    breakdown: Breakdown, key: Any, label: str | None, months: list[Month]
) -> tuple[str, str]:
    """A group's key for links and its label for people."""
    if breakdown is Breakdown.CARE:
        return str(key), Setting(key).label
    if breakdown is Breakdown.MONTH:
        month = months[int(key)]
        return month.key, format_date(month.first_day, "MMMM yyyy")
    if key is None:
        words = {
            Breakdown.TEAM: _l("No team"),
            Breakdown.WORKER: _l("Not allocated"),
            Breakdown.DISTRICT: _l("No district"),
        }
        return NO_GROUP, str(words[breakdown])
    return str(key), str(label)


def breakdown_figures(
    criteria: InsightFilter, breakdown: Breakdown, moment: Any = Episode.returned_at
) -> list[Figures]:
    """The figures per group. Months and home/care list every group, even with no returns."""
    months = criteria.months()
    rows = [
        _figures(*_labelled(breakdown, key, label, months), counts)
        for key, label, counts in _aggregate(criteria, breakdown, moment)
    ]
    if breakdown is Breakdown.MONTH:
        found = {row.key: row for row in rows}
        return [
            found.get(month.key)
            or _figures(month.key, format_date(month.first_day, "MMMM yyyy"), None)
            for month in months
        ]
    if breakdown is Breakdown.CARE:
        found = {row.key: row for row in rows}
        return [
            found.get(setting.value) or _figures(setting.value, setting.label, None)
            for setting in Setting
        ]
    # Named groups in name order; "no team" and "not allocated" last.
    return sorted(rows, key=lambda row: (row.key == NO_GROUP, row.label.lower()))


def overall_figures(criteria: InsightFilter, moment: Any = Episode.returned_at) -> Figures:
    ((_key, _label, counts),) = _aggregate(criteria, None, moment)
    return _figures("", str(_l("All returns")), counts)


def timeliness(criteria: InsightFilter, breakdown: Breakdown) -> Timeliness:
    """The dashboard: the whole range, the chosen breakdown and the monthly trend."""
    return Timeliness(
        criteria=criteria,
        breakdown=breakdown,
        overall=overall_figures(criteria),
        rows=breakdown_figures(criteria, breakdown),
        trend=breakdown_figures(criteria, Breakdown.MONTH),
    )


# Drill-down: the records behind a number ------------------------------------


@dataclass(frozen=True)
class DrillRow:
    episode_id: int
    rhi_id: int | None
    case_ref: str
    name: str | None  # only for staff who may see this child
    district: str
    returned_at: datetime
    status: RhiStatus | None
    due_at: datetime | None
    interview_at: datetime | None  # when a completed interview was held
    within_72_hours: bool
    can_open: bool  # the viewer may open the RHI's page


@dataclass(frozen=True)
class Drill:
    measure: Measure
    breakdown: Breakdown | None
    group: str
    group_label: str
    total: int
    rows: list[DrillRow]


def parse_measure(value: str | None) -> Measure:
    try:
        return Measure(value or "")
    except ValueError:
        raise UnknownFigure(str(_l("Choose a figure from the dashboard"))) from None


def parse_breakdown(value: str | None) -> Breakdown | None:
    if not value:
        return None
    try:
        return Breakdown(value)
    except ValueError:
        raise UnknownFigure(str(_l("Choose a breakdown from the dashboard"))) from None


def _group_condition(
    parts: _Parts, criteria: InsightFilter, breakdown: Breakdown | None, group: str
) -> tuple[Any, str]:
    """The WHERE clause for one group, and the group's label."""
    unknown = UnknownFigure(str(_l("Choose a group from the dashboard")))
    if breakdown is None:
        return sa.true(), str(_l("All returns"))
    if breakdown is Breakdown.CARE:
        try:
            setting = Setting(group)
        except ValueError:
            raise unknown from None
        return parts.care == setting.value, setting.label
    if breakdown is Breakdown.MONTH:
        for month in criteria.months():
            if month.key == group:
                condition = sa.and_(
                    Episode.returned_at >= month.start, Episode.returned_at < month.end
                )
                return condition, format_date(month.first_day, "MMMM yyyy")
        raise unknown
    column, table_id, label_column, none_label = {
        Breakdown.DISTRICT: (Child.district_id, District.id, District.name, _l("No district")),
        Breakdown.TEAM: (Child.team_id, Team.id, Team.name, _l("No team")),
        Breakdown.WORKER: (
            ReturnInterview.allocated_to_id,
            User.id,
            User.full_name,
            _l("Not allocated"),
        ),
    }[breakdown]
    if group == NO_GROUP:
        return column.is_(None), str(none_label)
    if not group.isdigit() or len(group) > 12:
        raise unknown
    label = db.session.scalar(sa.select(label_column).where(table_id == int(group)))
    if label is None:
        raise unknown
    return column == int(group), str(label)


def drill(
    criteria: InsightFilter,
    measure: Measure,
    breakdown: Breakdown | None,
    group: str,
    viewer: User,
    limit: int = DRILL_LIMIT,
) -> Drill:
    """The returns behind one number, oldest return first (at most ``limit``)."""
    parts = _Parts()
    condition, group_label = _group_condition(parts, criteria, breakdown, group)
    visible = sa.case((visible_children(viewer), 1), else_=0)
    columns = [
        Episode.id,
        ReturnInterview.id,
        Child.case_ref,
        Child.given_name,
        Child.family_name,
        District.name,
        Episode.returned_at,
        ReturnInterview.status,
        ReturnInterview.due_at,
        sa.case((parts.completed, parts.interview_at)),
        sa.case((parts.within, 1), else_=0),
        visible,
    ]
    query = parts.joined(sa.select(*columns))
    query = apply_filter(query, criteria).where(parts.conditions[measure], condition)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(query.subquery())) or 0
    names = viewer.can(Permission.VIEW_CHILDREN)
    opens = viewer.can(Permission.RECORD_RHIS)
    rows = [
        DrillRow(
            episode_id=episode_id,
            rhi_id=rhi_id,
            case_ref=case_ref,
            name=f"{given} {family}" if names and seen else None,
            district=district,
            returned_at=returned_at,
            status=RhiStatus(status) if status else None,
            due_at=due_at,
            interview_at=_aware(interview_at),
            within_72_hours=bool(within),
            can_open=bool(opens and seen and rhi_id is not None),
        )
        for (
            episode_id,
            rhi_id,
            case_ref,
            given,
            family,
            district,
            returned_at,
            status,
            due_at,
            interview_at,
            within,
            seen,
        ) in db.session.execute(query.order_by(Episode.returned_at, Episode.id).limit(limit))
    ]
    return Drill(
        measure=measure,
        breakdown=breakdown,
        group=group,
        group_label=group_label,
        total=total,
        rows=rows,
    )


def _aware(moment: Any) -> datetime | None:
    """A time from a CASE expression: SQLite gives it back as text, naive UTC."""
    if moment is None:
        return None
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
