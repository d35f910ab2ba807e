"""Finding and viewing children's records on staff pages.

Staff only ever find the children they may see (``rhi.children.access``), and
every view of a child's page is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import selectinload

from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.auth.models import User
from rhi.children.access import visible_children
from rhi.children.models import Child
from rhi.database import transactional, utcnow
from rhi.episodes.models import Episode
from rhi.extensions import db
from rhi.meetings.models import MeetingTask

PAGE_SIZE = 25
SEARCH_MAX = 80


@dataclass(frozen=True)
class ChildRow:
    child: Child
    recent_episodes: int


@dataclass(frozen=True)
class ChildSearchResults:
    rows: list[ChildRow]
    total: int
    page: int
    has_next: bool

    @property
    def first_number(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1


def _matching(text: str) -> sa.ColumnElement[bool]:
    """Case reference or name containing ``text``, ignoring case."""
    term = " ".join(text.split()).lower()
    name = sa.func.lower(Child.given_name + " " + Child.family_name)
    return sa.or_(
        sa.func.lower(Child.case_ref).contains(term, autoescape=True),
        name.contains(term, autoescape=True),
    )


def search_children(user: User, text: str | None, page: int = 1) -> ChildSearchResults:
    """The children ``user`` may see whose reference or name matches, a page at a time.

    Each comes with their number of episodes in the repeat-missing window.
    """
    since = utcnow() - current_app.config["REPEAT_WINDOW"]
    recent = (
        sa.select(sa.func.count(Episode.id))
        .where(Episode.child_id == Child.id, Episode.started_at > since)
        .correlate(Child)
        .scalar_subquery()
    )
    where = [visible_children(user)]
    if text and text.strip():
        where.append(_matching(text))
    total = db.session.scalar(sa.select(sa.func.count(Child.id)).where(*where)) or 0
    page = max(page, 1)
    query = (
        sa.select(Child, recent)
        .where(*where)
        .options(selectinload(Child.district))
        .order_by(Child.family_name, Child.given_name, Child.case_ref)
        .limit(PAGE_SIZE + 1)
        .offset((page - 1) * PAGE_SIZE)
    )
    found = db.session.execute(query).all()
    rows = [ChildRow(child, int(count or 0)) for child, count in found[:PAGE_SIZE]]
    return ChildSearchResults(rows=rows, total=total, page=page, has_next=len(found) > PAGE_SIZE)


@transactional
def view_child(user: User, case_ref: str) -> Child | None:
    """The child with ``case_ref`` if ``user`` may see them; the view is audited.

    None alike for a reference that does not exist and a child out of reach.
    """
    child = db.session.scalar(
        sa.select(Child).where(Child.case_ref == case_ref, visible_children(user))
    )
    if child is not None:
        record(AuditAction.CHILD_VIEWED, object_type="child", object_id=child.id, actor=user)
    return child


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    episode: Episode | None = None
    meeting: MeetingTask | None = None


def child_timeline(child: Child) -> list[TimelineEntry]:
    """The child's episodes (with their RHIs) and meeting tasks, newest first."""
    episodes = db.session.scalars(
        sa.select(Episode)
        .where(Episode.child_id == child.id)
        .options(selectinload(Episode.rhi), selectinload(Episode.found_place))
    )
    meetings = db.session.scalars(sa.select(MeetingTask).where(MeetingTask.child_id == child.id))
    entries = [TimelineEntry(at=episode.started_at, episode=episode) for episode in episodes]
    entries += [TimelineEntry(at=task.raised_at, meeting=task) for task in meetings]
    return sorted(entries, key=lambda entry: entry.at, reverse=True)
