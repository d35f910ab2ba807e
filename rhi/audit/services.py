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
# Far beyond any real log, and small enough for every database's OFFSET.
MAX_PAGE = 1_000_000


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
        event.user_agent = printable(request.user_agent.string or "", 200) or None
        event.request_path = printable(request.path, 200)
    db.session.add(event)
    return event


def printable(text: str, limit: int) -> str:
    """``text`` without control characters (PostgreSQL refuses NUL), cut to ``limit``."""
    return "".join(ch if ch.isprintable() else "\ufffd" for ch in text)[:limit]


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
        query = query.where(
            User.email.contains(criteria.actor_email.strip().lower(), autoescape=True)
        )
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


@dataclass(frozen=True)
class AuditRow:
    """One event as the audit log page shows it: plain values, safe to use after a commit."""

    occurred_at: datetime
    action: str
    actor_name: str | None
    actor_email: str | None
    object_type: str | None
    object_id: str | None
    ip_address: str | None


@dataclass(frozen=True)
class AuditResults:
    rows: list[AuditRow]
    page: int
    has_next: bool

    @property
    def first_number(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1


def filters_used(criteria: AuditFilter) -> list[str]:
    """The names of the filters that are set (never their values)."""
    return [name for name, value in vars(criteria).items() if value]


@transactional
def search_and_record(criteria: AuditFilter, page: int = 1) -> AuditResults:
    """Search the log, and audit the search: who looked, with which filters, not their values.

    The search runs first, so the row recording it is not among the results.
    """
    found = search(criteria, min(page, MAX_PAGE))
    rows = [
        AuditRow(
            occurred_at=event.occurred_at,
            action=event.action,
            actor_name=actor.full_name if actor is not None else None,
            actor_email=actor.email if actor is not None else None,
            object_type=event.object_type,
            object_id=event.object_id,
            ip_address=event.ip_address,
        )
        for event, actor in found.events
    ]
    record(
        AuditAction.AUDIT_SEARCHED,
        detail={"filters": filters_used(criteria), "page": found.page},
    )
    return AuditResults(rows=rows, page=found.page, has_next=found.has_next)
