"""The Return Home Interview workflow: requesting, allocating and moving through states.

Every change of state is checked against ``TRANSITIONS``, timed, attributed,
kept as an ``RhiTransition`` and written to the audit log, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import joinedload

from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.auth.models import User
from rhi.auth.roles import Role
from rhi.children.models import Child
from rhi.database import transactional, utcnow
from rhi.domain import Conflict, RuleBroken
from rhi.episodes.models import Episode
from rhi.extensions import db
from rhi.interviews.models import ReturnInterview, RhiTransition
from rhi.interviews.vocabulary import (
    AMBER_WITHIN,
    CLOCK_RUNNING,
    DUE_AFTER,
    TRANSITIONS,
    Rag,
    RhiStatus,
)


class IllegalTransition(Conflict):
    """The RHI cannot move to that state from where it is."""


def due_time(returned_at: datetime) -> datetime:
    """72 hours of elapsed time after the return (stored UTC: clock changes cannot bend it)."""
    return returned_at + DUE_AFTER


def rag(rhi: ReturnInterview, now: datetime | None = None) -> Rag | None:
    """Red when overdue, amber within 24 hours of due, green otherwise; None once done."""
    if not rhi.status_enum.clock_running:
        return None
    left = rhi.due_at - (now or utcnow())
    if left <= timedelta(0):
        return Rag.RED
    return Rag.AMBER if left <= AMBER_WITHIN else Rag.GREEN


def _log(rhi: ReturnInterview, before: str | None, by: User | None, note: str | None) -> None:
    db.session.add(
        RhiTransition(rhi=rhi, from_status=before, to_status=rhi.status, by=by, note=note)
    )
    record(
        AuditAction.RHI_STATUS_CHANGED,
        object_type="return_interview",
        object_id=rhi.id,
        detail={"from": before, "to": rhi.status},
        actor=by,
    )


def request_interview(episode: Episode, by: User | None = None) -> ReturnInterview:
    """Open the RHI for a returned episode (the caller's transaction commits it)."""
    assert episode.returned_at is not None
    rhi = ReturnInterview(
        child=episode.child,
        status=RhiStatus.REQUESTED,
        due_at=due_time(episode.returned_at),
    )
    rhi.episodes.append(episode)
    db.session.add(rhi)
    db.session.flush()
    _log(rhi, None, by, None)
    return rhi


def _check_version(rhi: ReturnInterview, expected_version: int | None) -> None:
    if expected_version is not None and expected_version != rhi.version:
        raise Conflict(
            _(
                "Someone else changed this interview while you were working on it. "
                "Your changes have not been saved."
            )
        )


@transactional
def change_status(
    rhi: ReturnInterview,
    to: RhiStatus,
    *,
    by: User | None,
    note: str | None = None,
    expected_version: int | None = None,
    at: datetime | None = None,
) -> ReturnInterview:
    """Move ``rhi`` to ``to`` if the workflow allows it; refuse clearly if not."""
    _check_version(rhi, expected_version)
    current = rhi.status_enum
    if to not in TRANSITIONS[current]:
        raise IllegalTransition(
            _(
                "An interview that is %(current)s cannot be marked %(to)s",
                current=current.label.lower(),
                to=to.label.lower(),
            ),
            "status",
        )
    if to is RhiStatus.DECLINED and not (note and note.strip()):
        raise RuleBroken(_("Enter the reason the child gave for declining"), "note")
    if to is RhiStatus.RETURNED_FOR_CHANGES and not (note and note.strip()):
        raise RuleBroken(_("Enter what needs to change"), "note")
    moment = at or utcnow()
    before = rhi.status
    rhi.status = to
    if to is RhiStatus.OFFERED:
        rhi.offered_at = moment
    elif to is RhiStatus.DECLINED:
        rhi.decline_reason = note
    elif to is RhiStatus.COMPLETED:
        rhi.completed_at = moment
    elif to is RhiStatus.SIGNED_OFF:
        rhi.signed_off_at = moment
        rhi.signed_off_by_id = by.id if by else None
    elif to is RhiStatus.RETURNED_FOR_CHANGES:
        rhi.manager_comments = note
    _log(rhi, before, by, note)
    return rhi


@transactional
def allocate(rhi: ReturnInterview, worker: User, *, by: User) -> ReturnInterview:
    """Give the RHI to an RHI worker (or take it back and give it to another)."""
    if worker.role_enum is not Role.RHI_WORKER or not worker.active:
        raise RuleBroken(_("Choose an active RHI worker"), "worker")
    if not rhi.status_enum.clock_running and rhi.status_enum is not RhiStatus.UNABLE_TO_CONTACT:
        raise Conflict(_("This interview is finished and cannot be reallocated"), "worker")
    rhi.allocated_to = worker
    rhi.allocated_at = utcnow()
    record(
        AuditAction.RHI_ALLOCATED,
        object_type="return_interview",
        object_id=rhi.id,
        detail={"worker_id": worker.id},
        actor=by,
    )
    return rhi


@dataclass(frozen=True)
class DueRow:
    rhi: ReturnInterview
    rag: Rag | None
    time_left: timedelta


def due_list(team_id: int | None = None, now: datetime | None = None) -> list[DueRow]:
    """Returns whose 72-hour clock is running, soonest due first."""
    now = now or utcnow()
    query = (
        sa.select(ReturnInterview)
        .where(ReturnInterview.status.in_([str(s) for s in CLOCK_RUNNING]))
        .options(joinedload(ReturnInterview.child), joinedload(ReturnInterview.allocated_to))
        .order_by(ReturnInterview.due_at, ReturnInterview.id)
    )
    if team_id is not None:
        query = query.join(ReturnInterview.child).where(Child.team_id == team_id)
    return [DueRow(rhi, rag(rhi, now), rhi.due_at - now) for rhi in db.session.scalars(query)]
