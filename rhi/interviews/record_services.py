"""Recording the structured interview: drafts, submission, and concurrent edits.

A worker may save a draft at any point, and the record is kept whole. Submitting
checks the few things a manager needs before sign-off, then saves the record and
moves the RHI to *completed* in one transaction: both happen or neither does.

Two saves must never silently overwrite each other. The form carries the
record's ``version`` as it was when the worker opened it; a save from an older
version is refused (and SQLAlchemy's optimistic lock catches the race the
explicit check cannot see). A save that would change nothing, such as a double
click, is not a conflict: what the worker wanted is already stored.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from flask_babel import format_datetime
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from rhi.audit.actions import AuditAction
from rhi.audit.services import record as audit
from rhi.auth.models import User
from rhi.database import transactional, utcnow
from rhi.domain import Conflict, RuleBroken
from rhi.extensions import db
from rhi.interviews.models import ReturnInterview
from rhi.interviews.record import InterviewRecord
from rhi.interviews.record_vocabulary import (
    CHOICE_FIELDS,
    RECORDABLE,
    SUBMITTED,
    TEXT_FIELDS,
)
from rhi.interviews.services import change_status
from rhi.interviews.vocabulary import InterviewMethod, RhiStatus

# What the audit log calls the thing being recorded (the RHI, not the child).
OBJECT_TYPE = "return_interview"


class EditConflict(Conflict):
    """Someone else saved the record after this worker opened it."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Someone else saved this interview while you were working on it. "
                "Your changes have not been saved. Copy anything you want to keep, "
                "then reload the page to see their version."
            ),
            "version",
        )


class NotRecordable(Conflict):
    """The RHI is not in a state where the interview can be recorded."""


class AlreadySubmitted(Conflict):
    """The same interview was submitted already (a double click or a retry)."""


class IncompleteInterview(RuleBroken):
    """The interview cannot be submitted yet; ``problems`` says every reason at once."""

    def __init__(self, problems: list[RuleBroken]) -> None:
        super().__init__(problems[0].message, problems[0].field)
        self.problems = problems


@dataclass(frozen=True)
class InterviewAnswers:
    """What the worker recorded: the record's answers, without bookkeeping."""

    method: InterviewMethod | None = None
    held_at: datetime | None = None
    present: str | None = None
    push_factors: tuple[str, ...] = ()
    pull_factors: tuple[str, ...] = ()
    where_stayed: str | None = None
    stayed_with: str | None = None
    travel: str | None = None
    harm: str | None = None
    exploitation_indicators: tuple[str, ...] = ()
    substances: str | None = None
    school: str | None = None
    health: str | None = None
    child_wants: str | None = None
    child_words: str | None = None
    worker_analysis: str | None = None
    actions: str | None = None
    referrals: tuple[str, ...] = ()
    parent_information: str | None = None

    def answered(self) -> list[str]:
        """The names of the answers given (never their content: safe for the audit log)."""
        return [item.name for item in fields(self) if getattr(self, item.name)]


def is_recordable(rhi: ReturnInterview) -> bool:
    return rhi.status_enum in RECORDABLE


def why_not_recordable(rhi: ReturnInterview) -> str:
    """Why the interview cannot be recorded now, in words for the worker."""
    status = rhi.status_enum
    if status in (RhiStatus.REQUESTED, RhiStatus.OFFERED):
        return _(
            "The interview can be recorded once the child has accepted it. "
            "At the moment it is %(status)s.",
            status=status.label.lower(),
        )
    if status is RhiStatus.DECLINED:
        return _("The child declined the interview, so there is no interview to record.")
    if status is RhiStatus.UNABLE_TO_CONTACT:
        return _(
            "Nobody could contact the child, so there is no interview to record. "
            "If contact is made, offer the interview again first."
        )
    if status is RhiStatus.COMPLETED:
        return _(
            "This interview has been submitted for sign-off. "
            "If it needs changes, the team manager can return it to you."
        )
    if status is RhiStatus.SIGNED_OFF:
        return _("This interview has been signed off and can no longer be changed.")
    return _("This interview cannot be recorded now.")


def current_version(rhi: ReturnInterview) -> int:
    """The record's version, or 0 before the first save: what the form carries."""
    return rhi.record.version if rhi.record is not None else 0


def first_return(rhi: ReturnInterview) -> datetime | None:
    """When the child first came back, of all the episodes this RHI covers."""
    returns = [episode.returned_at for episode in rhi.episodes if episode.returned_at]
    return min(returns) if returns else None


def answers_of(rhi: ReturnInterview) -> InterviewAnswers:
    """What is saved so far (nothing, before the first save)."""
    saved = rhi.record
    if saved is None:
        return InterviewAnswers()
    values: dict[str, Any] = {name: getattr(saved, name) for name in TEXT_FIELDS}
    values.update({name: tuple(getattr(saved, name) or ()) for name in CHOICE_FIELDS})
    return InterviewAnswers(
        method=InterviewMethod(saved.method) if saved.method else None,
        held_at=saved.held_at,
        **values,
    )


def submission_problems(
    rhi: ReturnInterview, answers: InterviewAnswers, now: datetime | None = None
) -> list[RuleBroken]:
    """Everything that stops ``answers`` being submitted for sign-off (drafts need none)."""
    now = now or utcnow()
    problems = []
    if answers.method is None:
        problems.append(RuleBroken(_("Select how the interview was done"), "method"))
    if answers.held_at is None:
        problems.append(RuleBroken(_("Enter the date and time the interview was held"), "held_at"))
    elif answers.held_at > now:
        problems.append(
            RuleBroken(_("The date and time the interview was held must be in the past"), "held_at")
        )
    else:
        returned = first_return(rhi)
        # Times are entered to the minute: an interview in the minute of the return is fine.
        if returned is not None and answers.held_at < returned.replace(second=0, microsecond=0):
            problems.append(
                RuleBroken(
                    _(
                        "The interview must be held after the child returned, on %(returned)s",
                        returned=format_datetime(returned, "d MMMM yyyy 'at' HH:mm"),
                    ),
                    "held_at",
                )
            )
    if not (answers.child_words or answers.worker_analysis):
        problems.append(
            RuleBroken(_("Enter the child's own words or your analysis"), "child_words")
        )
    return problems


def _write(rhi: ReturnInterview, answers: InterviewAnswers, by: User | None) -> InterviewRecord:
    saved = rhi.record
    if saved is None:
        saved = InterviewRecord(rhi=rhi)
        db.session.add(saved)
    saved.method = str(answers.method) if answers.method else None
    saved.held_at = answers.held_at
    for name in TEXT_FIELDS:
        setattr(saved, name, getattr(answers, name))
    for name in CHOICE_FIELDS:
        setattr(saved, name, list(getattr(answers, name)))
    saved.updated_by_id = by.id if by is not None else None
    return saved


def _flush() -> None:
    """Write now, so a lost race shows up here as the conflict it is."""
    try:
        db.session.flush()
    except (StaleDataError, IntegrityError) as error:
        raise EditConflict() from error


def _already_stored(rhi: ReturnInterview, answers: InterviewAnswers) -> bool:
    return rhi.record is not None and answers_of(rhi) == answers


def _check_can_save(rhi: ReturnInterview, expected_version: int) -> None:
    if not is_recordable(rhi):
        raise NotRecordable(
            _("Your changes have not been saved. %(why)s", why=why_not_recordable(rhi)),
            "version",
        )
    if expected_version != current_version(rhi):
        raise EditConflict()


@transactional
def _save_draft(
    rhi: ReturnInterview, answers: InterviewAnswers, *, by: User | None, expected_version: int
) -> InterviewRecord:
    if rhi.record is not None and is_recordable(rhi) and _already_stored(rhi, answers):
        return rhi.record  # a double click: nothing to change, nothing to refuse
    _check_can_save(rhi, expected_version)
    saved = _write(rhi, answers, by)
    _flush()
    audit(
        AuditAction.INTERVIEW_SAVED,
        object_type=OBJECT_TYPE,
        object_id=rhi.id,
        detail={"version": saved.version, "answered": answers.answered()},
        actor=by,
    )
    return saved


def save_draft(
    rhi: ReturnInterview, answers: InterviewAnswers, *, by: User | None, expected_version: int
) -> InterviewRecord:
    """Save whatever the worker has recorded so far; nothing is required."""
    try:
        return _save_draft(rhi, answers, by=by, expected_version=expected_version)
    except EditConflict:
        # Rolled back: if the winner stored exactly this, the worker has lost nothing.
        if rhi.record is not None and _already_stored(rhi, answers):
            return rhi.record
        raise


def _submitted_already(rhi: ReturnInterview, answers: InterviewAnswers) -> bool:
    return (
        rhi.status_enum in SUBMITTED
        and rhi.record is not None
        and rhi.record.submitted_at is not None
        and _already_stored(rhi, answers)
    )


@transactional
def _submit(
    rhi: ReturnInterview,
    answers: InterviewAnswers,
    *,
    by: User | None,
    expected_version: int,
    now: datetime,
) -> InterviewRecord:
    _check_can_save(rhi, expected_version)
    problems = submission_problems(rhi, answers, now)
    if problems:
        raise IncompleteInterview(problems)
    saved = _write(rhi, answers, by)
    saved.submitted_at = now
    rhi.method = saved.method
    if rhi.status_enum is RhiStatus.ACCEPTED:
        # Held without a separate appointment: the workflow still passes through
        # "scheduled", so the RHI's history shows every step.
        if rhi.scheduled_for is None:
            rhi.scheduled_for = answers.held_at
        change_status(rhi, RhiStatus.SCHEDULED, by=by, at=now)
    change_status(rhi, RhiStatus.COMPLETED, by=by, at=now)
    _flush()
    audit(
        AuditAction.INTERVIEW_SUBMITTED,
        object_type=OBJECT_TYPE,
        object_id=rhi.id,
        detail={"version": saved.version, "answered": answers.answered()},
        actor=by,
    )
    return saved


def submit_interview(
    rhi: ReturnInterview,
    answers: InterviewAnswers,
    *,
    by: User | None,
    expected_version: int,
    now: datetime | None = None,
) -> InterviewRecord:
    """Save the record and mark the RHI completed, ready for a manager to sign off.

    Submitting the same answers twice (a double click, a retried request)
    raises ``AlreadySubmitted`` instead of a second change of state.
    """
    if _submitted_already(rhi, answers):
        raise AlreadySubmitted(_("This interview has already been submitted for sign-off"))
    try:
        return _submit(rhi, answers, by=by, expected_version=expected_version, now=now or utcnow())
    except EditConflict:
        # Rolled back. Lost the race to an identical submission: the same outcome.
        if _submitted_already(rhi, answers):
            raise AlreadySubmitted(
                _("This interview has already been submitted for sign-off")
            ) from None
        raise
