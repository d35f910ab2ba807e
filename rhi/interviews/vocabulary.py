"""Return Home Interview states and the moves between them, defined once."""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum

from flask_babel import lazy_gettext as _l

from rhi.vocabulary import Labelled

# The statutory clock: an RHI is due this long (elapsed time) after the return.
DUE_AFTER = timedelta(hours=72)
# Amber when less than this is left on the clock.
AMBER_WITHIN = timedelta(hours=24)


class RhiStatus(Labelled):
    REQUESTED = "requested", _l("Requested")
    OFFERED = "offered", _l("Offered")
    ACCEPTED = "accepted", _l("Accepted")
    DECLINED = "declined", _l("Declined")
    UNABLE_TO_CONTACT = "unable_to_contact", _l("Unable to contact")
    SCHEDULED = "scheduled", _l("Scheduled")
    COMPLETED = "completed", _l("Completed")
    RETURNED_FOR_CHANGES = "returned_for_changes", _l("Returned for changes")
    SIGNED_OFF = "signed_off", _l("Signed off")
    # Its episodes are covered by another RHI open for the same child.
    COVERED = "covered", _l("Covered by another interview")

    @property
    def clock_running(self) -> bool:
        """Still waiting for an interview: the 72-hour clock matters."""
        return self in CLOCK_RUNNING


CLOCK_RUNNING = frozenset(
    {RhiStatus.REQUESTED, RhiStatus.OFFERED, RhiStatus.ACCEPTED, RhiStatus.SCHEDULED}
)

# Nothing more to do: off the caseload.
FINISHED = frozenset({RhiStatus.SIGNED_OFF, RhiStatus.COVERED})

# Where each state may go next. Anything else is refused.
TRANSITIONS: dict[RhiStatus, frozenset[RhiStatus]] = {
    RhiStatus.REQUESTED: frozenset({RhiStatus.OFFERED, RhiStatus.UNABLE_TO_CONTACT}),
    RhiStatus.OFFERED: frozenset(
        {RhiStatus.ACCEPTED, RhiStatus.DECLINED, RhiStatus.UNABLE_TO_CONTACT}
    ),
    RhiStatus.ACCEPTED: frozenset({RhiStatus.SCHEDULED}),
    RhiStatus.UNABLE_TO_CONTACT: frozenset({RhiStatus.OFFERED, RhiStatus.SIGNED_OFF}),
    RhiStatus.DECLINED: frozenset({RhiStatus.SIGNED_OFF}),
    RhiStatus.SCHEDULED: frozenset({RhiStatus.SCHEDULED, RhiStatus.COMPLETED}),
    RhiStatus.COMPLETED: frozenset({RhiStatus.SIGNED_OFF, RhiStatus.RETURNED_FOR_CHANGES}),
    RhiStatus.RETURNED_FOR_CHANGES: frozenset({RhiStatus.COMPLETED}),
    RhiStatus.SIGNED_OFF: frozenset(),
    RhiStatus.COVERED: frozenset(),
}


class Rag(StrEnum):
    """Red / amber / green for the 72-hour clock."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"


class InterviewMethod(Labelled):
    FACE_TO_FACE = "face_to_face", _l("Face to face")
    PHONE = "phone", _l("By phone")
    SMS = "sms", _l("By text message (short form)")


class ContactMethod(Labelled):
    """How the interview was offered to the child (kept in the history note)."""

    IN_PERSON = "in_person", _l("In person")
    PHONE = "phone", _l("Phone call")
    TEXT_MESSAGE = "text_message", _l("Text message")
    LETTER_OR_EMAIL = "letter_or_email", _l("Letter or email")
    PARENT_OR_CARER = "parent_or_carer", _l("Through a parent or carer")
