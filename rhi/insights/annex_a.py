"""Ofsted ILACS Annex A, List 8 (children looked after): the missing columns.

One line per child looked after on our records (current legal status ``lac``:
Homeward keeps no history of legal status), in case reference order, so the
council can join the columns to its List 8 by child. As of a chosen date:

- the "last 12 months" are the UK dates from the day after the same date a
  year earlier up to and including the chosen date; an episode counts when it
  *started* in them. "Missing" is category M, "Absent" category A (away from
  placement without authorisation);
- the last missing episode is the latest of those (by start); the Y/N columns
  are blank when there is none;
- **offered**: the last episode's Return Home Interview was offered by the
  chosen date (it has a move to "offered" in its history);
- **accepted**: the interview was accepted by then: it moved to accepted,
  scheduled or completed. "Signed off" alone is not acceptance, because a
  declined interview, or one where the child could not be contacted, is signed
  off too. An episode whose interview another covers counts with that one.

The column set is ``COLUMNS``, the one place to follow Ofsted's template.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from rhi.children.models import Child
from rhi.children.vocabulary import LegalStatus
from rhi.episodes.models import Episode
from rhi.episodes.vocabulary import Category
from rhi.extensions import db
from rhi.insights.ssda903 import uk_midnight
from rhi.interviews.models import RhiTransition
from rhi.interviews.vocabulary import RhiStatus


@dataclass(frozen=True)
class Column:
    key: str
    header: LazyString


# Ofsted's column headings, in the template's order.
COLUMNS: tuple[Column, ...] = (
    Column("child", _l("Child unique ID")),
    Column("missing", _l("Number of episodes the child has been Missing in the last 12 months")),
    Column("absent", _l("Number of episodes the child has been Absent in the last 12 months")),
    Column(
        "offered",
        _l("Was the child offered a Return Interview after their last missing episode (Y/N)?"),
    ),
    Column(
        "accepted",
        _l("Did the child accept a Return Interview after their last missing episode (Y/N)?"),
    ),
)
ACCEPTED = (RhiStatus.ACCEPTED.value, RhiStatus.SCHEDULED.value, RhiStatus.COMPLETED.value)


@dataclass(frozen=True)
class AnnexARow:
    child: str
    missing: int
    absent: int
    offered: str  # "Y", "N" or "" (no episode in the 12 months)
    accepted: str

    def cells(self) -> tuple[str, int, int, str, str]:
        return (self.child, self.missing, self.absent, self.offered, self.accepted)


def year_before(as_of: date) -> date:
    """The first day of the 12 months up to and including ``as_of``."""
    try:
        earlier = as_of.replace(year=as_of.year - 1)
    except ValueError:  # 29 February
        earlier = date(as_of.year - 1, 2, 28)
    return earlier + timedelta(days=1)


def _yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return "Y" if value else "N"


def annex_a(as_of: date) -> list[AnnexARow]:
    start = uk_midnight(year_before(as_of))
    end = uk_midnight(as_of + timedelta(days=1))
    in_window = sa.and_(Episode.started_at >= start, Episode.started_at < end)
    counts = (
        sa.select(
            Episode.child_id,
            sa.func.count(sa.case((Episode.category == Category.MISSING.value, Episode.id))).label(
                "missing"
            ),
            sa.func.count(sa.case((Episode.category == Category.AWAY.value, Episode.id))).label(
                "absent"
            ),
        )
        .where(in_window)
        .group_by(Episode.child_id)
        .subquery()
    )
    ranked = (
        sa.select(
            Episode.child_id,
            Episode.rhi_id,
            sa.func.row_number()
            .over(
                partition_by=Episode.child_id,
                order_by=(Episode.started_at.desc(), Episode.id.desc()),
            )
            .label("position"),
        )
        .where(in_window)
        .subquery()
    )

    def reached(*statuses: str) -> sa.Exists:
        return sa.exists().where(
            RhiTransition.rhi_id == ranked.c.rhi_id,
            RhiTransition.to_status.in_(statuses),
            RhiTransition.at < end,
        )

    query = (
        sa.select(
            Child.case_ref,
            sa.func.coalesce(counts.c.missing, 0),
            sa.func.coalesce(counts.c.absent, 0),
            ranked.c.child_id.is_not(None),
            reached(RhiStatus.OFFERED.value),
            reached(*ACCEPTED),
        )
        .select_from(Child)
        .outerjoin(counts, counts.c.child_id == Child.id)
        .outerjoin(ranked, sa.and_(ranked.c.child_id == Child.id, ranked.c.position == 1))
        .where(Child.legal_status == LegalStatus.LOOKED_AFTER.value)
        .order_by(Child.case_ref)
    )
    return [
        AnnexARow(
            child=case_ref,
            missing=missing,
            absent=absent,
            offered=_yes_no(bool(offered) if has_episode else None),
            accepted=_yes_no(bool(accepted) if has_episode else None),
        )
        for case_ref, missing, absent, has_episode, offered, accepted in db.session.execute(query)
    ]


def header() -> list[str]:
    return [str(column.header) for column in COLUMNS]


def csv_filename(as_of: date) -> str:
    return f"annex-a-list-8-missing-{as_of.isoformat()}.csv"
