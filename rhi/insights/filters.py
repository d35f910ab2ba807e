"""The Insight filters: which returns a figure counts, kept in the URL so a view can be shared.

Dates are UK calendar days (Europe/London): "to 31 March" means up to the last
second of 31 March in the UK, whatever the clocks are doing, turned into UTC
bounds for the database. Legal status, home or care, gender and ethnicity are
the child's details as they are now (the record keeps only the current ones);
age is the child's age on the day of the return.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from rhi.children.models import Child
from rhi.episodes.models import Episode
from rhi.extensions import db
from rhi.reference.models import District
from rhi.vocabulary import Labelled

S = TypeVar("S", bound="sa.Select[Any]")

UK = ZoneInfo("Europe/London")
# The default range: this month and the eleven before it.
DEFAULT_MONTHS = 12


class AgeBand(Labelled):
    """Age on the day of the return."""

    UNDER_11 = "under-11", _l("Under 11")
    AGE_11_TO_13 = "11-13", _l("11 to 13")
    AGE_14_TO_15 = "14-15", _l("14 to 15")
    AGE_16_TO_17 = "16-17", _l("16 to 17")
    AGE_18_AND_OVER = "18-and-over", _l("18 and over")

    @property
    def ages(self) -> tuple[int, int | None]:
        """The youngest and oldest age in the band (None: no upper limit)."""
        return _AGES[self]


_AGES: dict[AgeBand, tuple[int, int | None]] = {
    AgeBand.UNDER_11: (0, 10),
    AgeBand.AGE_11_TO_13: (11, 13),
    AgeBand.AGE_14_TO_15: (14, 15),
    AgeBand.AGE_16_TO_17: (16, 17),
    AgeBand.AGE_18_AND_OVER: (18, None),
}


def uk_today() -> date:
    return datetime.now(UK).date()


def uk_midnight(day: date) -> datetime:
    """The start of ``day`` in the UK, as an aware UTC datetime."""
    return datetime.combine(day, time(0), tzinfo=UK).astimezone(UTC)


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """The first of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def default_range(today: date | None = None) -> tuple[date, date]:
    today = today or uk_today()
    return add_months(first_of_month(today), -(DEFAULT_MONTHS - 1)), today


@dataclass(frozen=True)
class Month:
    first_day: date
    start: datetime  # UTC, inclusive (clipped to the filter's range)
    end: datetime  # UTC, exclusive

    @property
    def key(self) -> str:
        return self.first_day.strftime("%Y-%m")


def months_between(first_day: date, last_day: date) -> list[Month]:
    """The UK calendar months from ``first_day`` to ``last_day`` (both counted), each clipped."""
    start, end = uk_midnight(first_day), uk_midnight(last_day + timedelta(days=1))
    months = []
    first = first_of_month(first_day)
    while first <= last_day:
        following = add_months(first, 1)
        months.append(
            Month(
                first_day=first,
                start=max(uk_midnight(first), start),
                end=min(uk_midnight(following), end),
            )
        )
        first = following
    return months


@dataclass(frozen=True)
class InsightFilter:
    """Which returns count. ``None`` means any."""

    returned_from: date
    returned_to: date
    district: str | None = None  # District.code
    legal_status: str | None = None  # LegalStatus value
    age_band: str | None = None  # AgeBand value
    gender: str | None = None  # Gender value
    ethnicity: str | None = None  # as recorded on the child

    @classmethod
    def default(cls) -> InsightFilter:
        start, end = default_range()
        return cls(returned_from=start, returned_to=end)

    @property
    def start(self) -> datetime:
        """The first moment counted (UTC)."""
        return uk_midnight(self.returned_from)

    @property
    def end(self) -> datetime:
        """The first moment no longer counted (UTC): midnight after ``returned_to``."""
        return uk_midnight(self.returned_to + timedelta(days=1))

    def months(self) -> list[Month]:
        """The calendar months (UK) the range covers, each clipped to the range."""
        return months_between(self.returned_from, self.returned_to)

    def query_args(self) -> dict[str, Any]:
        """The filter as URL query values (dates as ISO 8601), for links and bookmarks."""
        args: dict[str, Any] = {
            "returned_from": self.returned_from.isoformat(),
            "returned_to": self.returned_to.isoformat(),
        }
        for name in ("district", "legal_status", "age_band", "gender", "ethnicity"):
            value = getattr(self, name)
            if value:
                args[name] = value
        return args

    def narrowed(self) -> bool:
        """Whether anything other than the dates narrows the figures."""
        return any((self.district, self.legal_status, self.age_band, self.gender, self.ethnicity))

    def with_range(self, start: date, end: date) -> InsightFilter:
        return replace(self, returned_from=start, returned_to=end)


def dialect_name() -> str:
    return db.session.get_bind().dialect.name


def age_at(moment: Any, born: Any) -> sa.ColumnElement[int]:
    """Whole years between ``born`` (a date) and ``moment`` (a UTC timestamp), in SQL."""
    if dialect_name() == "postgresql":
        day = sa.cast(sa.func.timezone("UTC", moment), sa.Date)
        return sa.cast(sa.func.date_part("year", sa.func.age(day, born)), sa.Integer)
    years = sa.cast(sa.func.strftime("%Y", moment), sa.Integer) - sa.cast(
        sa.func.strftime("%Y", born), sa.Integer
    )
    before_birthday = sa.func.strftime("%m-%d", moment) < sa.func.strftime("%m-%d", born)
    return years - sa.case((before_birthday, 1), else_=0)


def apply_filter(query: S, criteria: InsightFilter, moment: Any = Episode.returned_at) -> S:
    """Narrow ``query`` (episodes joined to their child) to the filter.

    ``moment`` is the episode time the date range applies to: the return for
    timeliness, the start of the episode for the yearly figures.
    """
    query = query.where(moment >= criteria.start, moment < criteria.end)
    if criteria.district:
        query = query.where(
            Child.district_id
            == sa.select(District.id).where(District.code == criteria.district).scalar_subquery()
        )
    if criteria.legal_status:
        query = query.where(Child.legal_status == criteria.legal_status)
    if criteria.gender:
        query = query.where(Child.gender == criteria.gender)
    if criteria.ethnicity:
        query = query.where(Child.ethnicity == criteria.ethnicity)
    if criteria.age_band:
        youngest, oldest = AgeBand(criteria.age_band).ages
        age = age_at(moment, Child.date_of_birth)
        query = query.where(age >= youngest)
        if oldest is not None:
            query = query.where(age <= oldest)
    return query


def district_choices() -> list[tuple[str, str]]:
    """(code, name) of every district, for the filter."""
    rows = db.session.execute(sa.select(District.code, District.name).order_by(District.name))
    return [(code, name) for code, name in rows]


def ethnicity_choices() -> list[str]:
    """Every ethnicity recorded on a child, for the filter."""
    return list(
        db.session.scalars(
            sa.select(Child.ethnicity)
            .where(Child.ethnicity.is_not(None), Child.ethnicity != "")
            .distinct()
            .order_by(Child.ethnicity)
        )
    )
