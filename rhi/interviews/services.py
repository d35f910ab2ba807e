"""The Return Home Interview workflow: requesting, allocating and moving through states.

Every change of state is checked against ``TRANSITIONS``, timed, attributed,
kept as an ``RhiTransition`` and written to the audit log, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask_babel import format_datetime
from flask_babel import gettext as _
from sqlalchemy.orm import joinedload

from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.audit.services import record
from rhi.auth.models import User
from rhi.auth.roles import Role
from rhi.children.access import can_see
from rhi.children.models import Child
from rhi.database import transactional, utcnow
from rhi.domain import Conflict, RuleBroken
from rhi.episodes.models import Episode
from rhi.events import rhi_status_changed
from rhi.extensions import db
from rhi.interviews.models import ReturnInterview, RhiTransition
from rhi.interviews.record_vocabulary import RECORDABLE
from rhi.interviews.vocabulary import (
    AMBER_WITHIN,
    CLOCK_RUNNING,
    DUE_AFTER,
    FINISHED,
    TRANSITIONS,
    ContactMethod,
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


# The states an interview keeps a mark of having reached (see ReturnInterview).
EVER_FLAGS = {
    RhiStatus.ACCEPTED: "ever_accepted",
    RhiStatus.DECLINED: "ever_declined",
    RhiStatus.UNABLE_TO_CONTACT: "ever_unable_to_contact",
}


def _log(
    rhi: ReturnInterview,
    before: str | None,
    by: User | None,
    note: str | None,
    at: datetime | None = None,
) -> None:
    flag = EVER_FLAGS.get(RhiStatus(rhi.status))
    if flag is not None:
        setattr(rhi, flag, True)
    db.session.add(
        RhiTransition(
            rhi=rhi, from_status=before, to_status=rhi.status, by=by, note=note, at=at or utcnow()
        )
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
    _log(rhi, before, by, note, moment)
    rhi_status_changed.send(rhi, before=RhiStatus(before), to=to, at=moment)
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


# Pages: finding RHIs, the lists, and the actions on the RHI's page -----------

# Before the interview, a worker may still be trying to reach the child.
CONTACTABLE = CLOCK_RUNNING | {RhiStatus.UNABLE_TO_CONTACT}
# How long the calendar entry for an interview lasts.
INTERVIEW_LENGTH = timedelta(hours=1)
# A time this little in the past still counts as "now" when scheduling.
SCHEDULE_GRACE = timedelta(minutes=5)
PLACE_MAX = 200
OBJECT_TYPE = "return_interview"


class RhiAction(StrEnum):
    """What someone can do on the RHI's page; ``available_actions`` says which, when."""

    ALLOCATE = "allocate"
    CONTACT_ATTEMPT = "contact_attempt"
    OFFER = "offer"
    ACCEPT = "accept"
    DECLINE = "decline"
    UNABLE_TO_CONTACT = "unable_to_contact"
    SCHEDULE = "schedule"
    RECORD_INTERVIEW = "record_interview"
    SIGN_OFF = "sign_off"
    RETURN_FOR_CHANGES = "return_for_changes"
    COVER = "cover"


# The moves a worker makes with a form on the RHI's page (completing the
# interview is the structured form's job; sign-off is a manager's).
_ACTION_FOR_MOVE = {
    RhiStatus.OFFERED: RhiAction.OFFER,
    RhiStatus.ACCEPTED: RhiAction.ACCEPT,
    RhiStatus.DECLINED: RhiAction.DECLINE,
    RhiStatus.UNABLE_TO_CONTACT: RhiAction.UNABLE_TO_CONTACT,
    RhiStatus.SCHEDULED: RhiAction.SCHEDULE,
}
_MANAGER_ACTION_FOR_MOVE = {
    RhiStatus.SIGNED_OFF: RhiAction.SIGN_OFF,
    RhiStatus.RETURNED_FOR_CHANGES: RhiAction.RETURN_FOR_CHANGES,
}


def can_allocate(rhi: ReturnInterview) -> bool:
    """The rule ``allocate`` enforces: only while the interview is still to be done."""
    return rhi.status_enum.clock_running or rhi.status_enum is RhiStatus.UNABLE_TO_CONTACT


def available_actions(rhi: ReturnInterview, *, manager: bool) -> list[RhiAction]:
    """The actions the RHI's current state allows (from ``TRANSITIONS``), in page order."""
    status = rhi.status_enum
    moves = TRANSITIONS[status]
    actions = [action for move, action in _ACTION_FOR_MOVE.items() if move in moves]
    if status in RECORDABLE:
        actions.append(RhiAction.RECORD_INTERVIEW)
    if status in CONTACTABLE:
        actions.insert(0, RhiAction.CONTACT_ATTEMPT)
    if manager:
        actions += [action for move, action in _MANAGER_ACTION_FOR_MOVE.items() if move in moves]
        if can_allocate(rhi):
            actions.append(RhiAction.ALLOCATE)
        if status is RhiStatus.REQUESTED and other_open_rhis(rhi):
            actions.append(RhiAction.COVER)
    return actions


def other_open_rhis(rhi: ReturnInterview) -> list[ReturnInterview]:
    """Other RHIs of the same child whose clock is still running, oldest first."""
    return list(
        db.session.scalars(
            sa.select(ReturnInterview)
            .where(
                ReturnInterview.child_id == rhi.child_id,
                ReturnInterview.id != rhi.id,
                ReturnInterview.status.in_([str(s) for s in CLOCK_RUNNING]),
            )
            .order_by(ReturnInterview.due_at)
        )
    )


@transactional
def cover_with(
    rhi: ReturnInterview, target_id: int, *, by: User, expected_version: int | None = None
) -> ReturnInterview:
    """Let another RHI open for the child cover this one's episodes (a manager's call).

    Several short episodes close together can be covered by one interview; the
    covered RHI keeps its history and says which interview covers it, so no
    episode is left without an offer or a recorded reason.
    """
    _check_version(rhi, expected_version)
    if rhi.status_enum is not RhiStatus.REQUESTED:
        raise Conflict(_("Only an interview not yet offered can be covered by another"), "target")
    target = next((other for other in other_open_rhis(rhi) if other.id == target_id), None)
    if target is None:
        raise RuleBroken(_("Choose another interview open for this child"), "target")
    for episode in list(rhi.episodes):
        episode.rhi = target
    before = rhi.status
    rhi.status = RhiStatus.COVERED
    rhi.covered_by_id = target.id
    _log(rhi, before, by, _("Covered by interview %(id)s", id=target.id))
    record(
        AuditAction.RHI_COVERED,
        object_type="return_interview",
        object_id=target.id,
        detail={"covers": rhi.id},
        actor=by,
    )
    return target


def find_rhi(rhi_id: int) -> ReturnInterview | None:
    return db.session.get(ReturnInterview, rhi_id)


def rhi_for(user: User, rhi_id: int) -> ReturnInterview | None:
    """The RHI if ``user`` may see its child; None alike when missing or out of reach."""
    rhi = find_rhi(rhi_id)
    if rhi is None or not can_see(user, rhi.child):
        return None
    return rhi


@transactional
def view_rhi(user: User, rhi_id: int) -> ReturnInterview | None:
    """``rhi_for``, and the view is audited: the page shows the child's details."""
    rhi = rhi_for(user, rhi_id)
    if rhi is not None:
        record(AuditAction.RHI_VIEWED, object_type=OBJECT_TYPE, object_id=rhi.id, actor=user)
    return rhi


class DueFilter(StrEnum):
    ALL = "all"
    NEVER_OFFERED = "never-offered"
    NOT_ALLOCATED = "not-allocated"


# Returns due shown a page at a time: a team with a backlog of hundreds is still quick.
DUE_PAGE_SIZE = 50


@dataclass(frozen=True)
class TeamDueList:
    rows: list[DueRow]  # this page of the returns the filter keeps
    matching: int  # every return the filter keeps
    page: int
    has_next: bool
    running: int  # every return whose clock is running, before the filter
    overdue: int
    never_offered: int
    not_allocated: int
    returned_at: dict[int, datetime]  # RHI id: the first return it covers

    @property
    def first_shown(self) -> int:
        """The place of this page's first row among all the filter keeps (from 1)."""
        return (self.page - 1) * DUE_PAGE_SIZE + 1


def _never_offered(rhi: ReturnInterview) -> bool:
    return rhi.status_enum is RhiStatus.REQUESTED


def _not_allocated(rhi: ReturnInterview) -> bool:
    return rhi.allocated_to_id is None


def first_returns(rhi_ids: list[int]) -> dict[int, datetime]:
    """When each RHI's child first came back (the return that started its clock)."""
    if not rhi_ids:
        return {}
    query = (
        sa.select(Episode.rhi_id, sa.func.min(Episode.returned_at))
        .where(Episode.rhi_id.in_(rhi_ids), Episode.returned_at.is_not(None))
        .group_by(Episode.rhi_id)
    )
    return {
        rhi_id: returned
        for rhi_id, returned in db.session.execute(query)
        if rhi_id is not None and returned is not None
    }


def team_due_list(
    team_id: int | None,
    show: DueFilter = DueFilter.ALL,
    now: datetime | None = None,
    page: int = 1,
) -> TeamDueList:
    """The team's running clocks, soonest due first, filtered as ``show`` says: ``page``
    of them (:data:`DUE_PAGE_SIZE` a page), with counts over all of them."""
    rows = due_list(team_id, now) if team_id is not None else []
    keep = {
        DueFilter.ALL: lambda rhi: True,
        DueFilter.NEVER_OFFERED: _never_offered,
        DueFilter.NOT_ALLOCATED: _not_allocated,
    }[show]
    shown = [row for row in rows if keep(row.rhi)]
    page = max(page, 1)
    on_page = shown[(page - 1) * DUE_PAGE_SIZE : page * DUE_PAGE_SIZE]
    return TeamDueList(
        rows=on_page,
        matching=len(shown),
        page=page,
        has_next=len(shown) > page * DUE_PAGE_SIZE,
        running=len(rows),
        overdue=sum(1 for row in rows if row.rag is Rag.RED),
        never_offered=sum(1 for row in rows if _never_offered(row.rhi)),
        not_allocated=sum(1 for row in rows if _not_allocated(row.rhi)),
        returned_at=first_returns([row.rhi.id for row in on_page]),
    )


def caseload(worker: User, now: datetime | None = None) -> list[DueRow]:
    """The RHIs allocated to ``worker`` that are not finished, soonest due first."""
    now = now or utcnow()
    query = (
        sa.select(ReturnInterview)
        .where(
            ReturnInterview.allocated_to_id == worker.id,
            ReturnInterview.status.notin_([str(s) for s in FINISHED]),
        )
        .options(joinedload(ReturnInterview.child))
        .order_by(ReturnInterview.due_at, ReturnInterview.id)
    )
    return [DueRow(rhi, rag(rhi, now), rhi.due_at - now) for rhi in db.session.scalars(query)]


def team_workers(team_id: int | None) -> list[User]:
    """Active RHI workers in the team: who a manager may allocate to."""
    if team_id is None:
        return []
    query = (
        sa.select(User)
        .where(User.team_id == team_id, User.role == str(Role.RHI_WORKER), User.active)
        .order_by(User.full_name, User.id)
    )
    return list(db.session.scalars(query))


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    what: str
    by: str | None
    note: str | None


def _transition_text(transition: RhiTransition) -> str:
    to = RhiStatus(transition.to_status)
    if transition.from_status is None:
        return _("Return recorded: interview %(to)s", to=to.label.lower())
    before = RhiStatus(transition.from_status)
    if before is to:
        return _("%(status)s again", status=to.label)
    return _("From %(before)s to %(to)s", before=before.label.lower(), to=to.label.lower())


def rhi_history(rhi: ReturnInterview) -> list[HistoryEntry]:
    """Every change of state, allocation and contact attempt, newest first."""
    entries = [
        HistoryEntry(t.at, _transition_text(t), t.by.full_name if t.by else None, t.note)
        for t in rhi.transitions
    ]
    events = db.session.execute(
        sa.select(AuditEvent, User)
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .where(
            AuditEvent.object_type == OBJECT_TYPE,
            AuditEvent.object_id == str(rhi.id),
            AuditEvent.action.in_(
                [str(AuditAction.RHI_ALLOCATED), str(AuditAction.RHI_CONTACT_ATTEMPTED)]
            ),
        )
    ).all()
    worker_ids = {
        int(event.detail["worker_id"])
        for event, _actor in events
        if event.action == AuditAction.RHI_ALLOCATED and event.detail
    }
    workers = {
        user.id: user.full_name
        for user in db.session.scalars(sa.select(User).where(User.id.in_(worker_ids)))
    }
    for event, actor in events:
        detail = event.detail or {}
        if event.action == AuditAction.RHI_ALLOCATED:
            name = workers.get(int(detail.get("worker_id", 0)), _("a worker"))
            what, note = _("Allocated to %(name)s", name=name), None
        else:
            what, note = _("Contact attempt"), detail.get("note")
        entries.append(
            HistoryEntry(event.occurred_at, what, actor.full_name if actor else None, note)
        )
    return sorted(entries, key=lambda entry: entry.at, reverse=True)


def _clean(text: str | None) -> str | None:
    """Text with its outer whitespace trimmed; None when nothing is left."""
    text = (text or "").strip()
    return text or None


@transactional
def allocate_worker(
    rhi: ReturnInterview, worker_id: int, *, by: User, expected_version: int | None
) -> ReturnInterview:
    """Allocate to a worker of the child's team, refusing a stale page."""
    _check_version(rhi, expected_version)
    worker = db.session.get(User, worker_id)
    if worker is None or worker.team_id is None or worker.team_id != rhi.child.team_id:
        raise RuleBroken(_("Choose an RHI worker in this child's team"), "worker")
    return allocate(rhi, worker, by=by)


@transactional
def record_contact_attempt(
    rhi: ReturnInterview, note: str | None, *, by: User, expected_version: int | None
) -> ReturnInterview:
    """Log an attempt to reach the child (audited; the RHI's state stays as it is).

    The RHI's version moves on too, so a repeated submission of the same page
    is refused rather than logging the attempt twice.
    """
    _check_version(rhi, expected_version)
    if rhi.status_enum not in CONTACTABLE:
        raise Conflict(
            _(
                "Contact attempts cannot be recorded for an interview that is %(status)s",
                status=rhi.status_enum.label.lower(),
            )
        )
    text = _clean(note)
    if text is None:
        raise RuleBroken(_("Enter what you tried and what happened"), "note")
    rhi.updated_at = utcnow()
    record(
        AuditAction.RHI_CONTACT_ATTEMPTED,
        object_type=OBJECT_TYPE,
        object_id=rhi.id,
        detail={"note": text},
        actor=by,
    )
    db.session.flush()
    return rhi


@transactional
def record_offer(
    rhi: ReturnInterview,
    method: ContactMethod,
    note: str | None = None,
    *,
    by: User,
    expected_version: int | None,
) -> ReturnInterview:
    """The interview was offered to the child; how is kept in the history."""
    how = _("Offered by: %(method)s", method=method.label.lower())
    text = _clean(note)
    return change_status(
        rhi,
        RhiStatus.OFFERED,
        by=by,
        note=f"{how}\n{text}" if text else how,
        expected_version=expected_version,
    )


@transactional
def record_declined(
    rhi: ReturnInterview,
    reason: str | None,
    parent_information: str | None = None,
    *,
    by: User,
    expected_version: int | None,
) -> ReturnInterview:
    """The child declined: their reason is required, a parent's view is optional."""
    _check_version(rhi, expected_version)
    text = _clean(reason)
    if text is None:
        raise RuleBroken(_("Enter the reason the child gave for declining"), "reason")
    parent = _clean(parent_information)
    note = text
    if parent:
        note = f"{text}\n{_('Information from parent or carer: %(text)s', text=parent)}"
    change_status(rhi, RhiStatus.DECLINED, by=by, note=note, expected_version=expected_version)
    rhi.decline_reason = text
    return rhi


@transactional
def record_unable_to_contact(
    rhi: ReturnInterview, note: str | None, *, by: User, expected_version: int | None
) -> ReturnInterview:
    _check_version(rhi, expected_version)
    text = _clean(note)
    if text is None:
        raise RuleBroken(_("Enter what you tried to reach the child"), "note")
    return change_status(
        rhi, RhiStatus.UNABLE_TO_CONTACT, by=by, note=text, expected_version=expected_version
    )


@transactional
def schedule(
    rhi: ReturnInterview,
    when: datetime,
    place: str | None,
    present: str | None,
    by: User,
    expected_version: int | None,
) -> ReturnInterview:
    """Book the interview (or move it): when, where and who will be there."""
    _check_version(rhi, expected_version)
    where = _clean(place)
    if where is None:
        raise RuleBroken(_("Enter where the interview will be"), "place")
    if len(where) > PLACE_MAX:
        raise RuleBroken(
            _("Where the interview will be must be %(n)s characters or fewer", n=PLACE_MAX),
            "place",
        )
    if when < utcnow() - SCHEDULE_GRACE:
        raise RuleBroken(_("The date and time of the interview must be in the future"), "date")
    note = _(
        "For %(when)s at %(place)s",
        when=format_datetime(when, "EEE d MMM yyyy HH:mm"),
        place=where,
    )
    who = _clean(present)
    if who:
        note = f"{note}\n{_('Who will be present: %(who)s', who=who)}"
    change_status(rhi, RhiStatus.SCHEDULED, by=by, note=note, expected_version=expected_version)
    rhi.scheduled_for = when
    rhi.scheduled_place = where
    return rhi


@transactional
def sign_off(
    rhi: ReturnInterview, comments: str | None, *, by: User, expected_version: int | None
) -> ReturnInterview:
    """A manager signs the RHI off, with optional comments."""
    text = _clean(comments)
    change_status(rhi, RhiStatus.SIGNED_OFF, by=by, note=text, expected_version=expected_version)
    if text:
        rhi.manager_comments = text
    return rhi


@transactional
def return_for_changes(
    rhi: ReturnInterview, comments: str | None, *, by: User, expected_version: int | None
) -> ReturnInterview:
    """A manager sends the interview back to the worker, saying what needs to change."""
    _check_version(rhi, expected_version)
    text = _clean(comments)
    if text is None:
        raise RuleBroken(_("Enter what needs to change"), "comments")
    return change_status(
        rhi, RhiStatus.RETURNED_FOR_CHANGES, by=by, note=text, expected_version=expected_version
    )


def _ics_text(value: str) -> str:
    """Escape text for an iCalendar property value (RFC 5545, 3.3.11)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n")


def _ics_fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character."""
    parts: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # continuation lines start with a space
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _ics_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def interview_calendar(rhi: ReturnInterview, link: str) -> str:
    """The scheduled interview as an iCalendar file.

    Calendars sync to phones, so the entry names the case reference, never the child.
    """
    if rhi.status_enum is not RhiStatus.SCHEDULED or rhi.scheduled_for is None:
        raise Conflict(_("This interview has not been scheduled, so there is no time to add"))
    host = urlsplit(link).hostname or "homeward"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Homeward//Return Home Interviews//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:return-home-interview-{rhi.id}@{host}",
        f"SEQUENCE:{rhi.version}",
        f"DTSTAMP:{_ics_time(utcnow())}",
        f"DTSTART:{_ics_time(rhi.scheduled_for)}",
        f"DTEND:{_ics_time(rhi.scheduled_for + INTERVIEW_LENGTH)}",
        "SUMMARY:"
        + _ics_text(_("Return home interview: %(case_ref)s", case_ref=rhi.child.case_ref)),
        "LOCATION:" + _ics_text(rhi.scheduled_place or ""),
        "DESCRIPTION:" + _ics_text(_("Details in Homeward: %(link)s", link=link)),
        f"URL:{link}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(f"{_ics_fold(line)}\r\n" for line in lines)
