"""Writing and searching the audit log.

``record`` is the one helper every feature calls for every view and change of
a child's record (and for security events). It adds the row to the current
transaction, so the audit row and the change it describes commit together.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import g, has_request_context, request

from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.auth.models import User
from rhi.database import transactional
from rhi.extensions import db

LONDON = ZoneInfo("Europe/London")
PAGE_SIZE = 50


def record(
    action: AuditAction,
    *,
    object_type: str | None = None,
    object_id: int | str | None = None,
    detail: dict[str, Any] | None = None,
    actor: User | None = None,
) -> AuditEvent:
    """Add an audit row to the current transaction (the caller commits)."""
    if actor is None and has_request_context():
        actor = getattr(g, "user", None)
    event = AuditEvent(
        action=str(action),
        actor_id=actor.id if actor is not None else None,
        object_type=object_type,
        object_id=None if object_id is None else str(object_id),
        detail=detail,
    )
    if has_request_context():
        event.ip_address = request.remote_addr
        event.user_agent = (request.user_agent.string or "")[:200] or None
        event.request_path = request.path[:200]
    db.session.add(event)
    return event


@transactional
def record_now(action: AuditAction, **kwargs: Any) -> AuditEvent:
    """Record an event that has no other change to commit with it."""
    return record(action, **kwargs)


@dataclass(frozen=True)
class AuditFilter:
    action: str | None = None
    actor_email: str | None = None
    object_type: str | None = None
    object_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def is_empty(self) -> bool:
        return not any(vars(self).values())


@dataclass(frozen=True)
class AuditPage:
    events: list[tuple[AuditEvent, User | None]]
    page: int
    has_next: bool


def _london_midnight_utc(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=LONDON)


def search(criteria: AuditFilter, page: int = 1) -> AuditPage:
    """Audit events matching ``criteria``, newest first, a page at a time."""
    query = sa.select(AuditEvent, User).outerjoin(User, User.id == AuditEvent.actor_id)
    if criteria.action:
        query = query.where(AuditEvent.action == criteria.action)
    if criteria.actor_email:
        query = query.where(User.email.contains(criteria.actor_email.strip().lower()))
    if criteria.object_type:
        query = query.where(AuditEvent.object_type == criteria.object_type)
    if criteria.object_id:
        query = query.where(AuditEvent.object_id == criteria.object_id.strip())
    if criteria.date_from:
        query = query.where(AuditEvent.occurred_at >= _london_midnight_utc(criteria.date_from))
    if criteria.date_to:
        end = _london_midnight_utc(criteria.date_to + timedelta(days=1))
        query = query.where(AuditEvent.occurred_at < end)
    page = max(page, 1)
    query = query.order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
    rows = db.session.execute(query.limit(PAGE_SIZE + 1).offset((page - 1) * PAGE_SIZE)).all()
    events: list[tuple[AuditEvent, User | None]] = [(row[0], row[1]) for row in rows[:PAGE_SIZE]]
    return AuditPage(events=events, page=page, has_next=len(rows) > PAGE_SIZE)
