"""Return Home Interview states and the moves between them, defined once."""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum

from flask_babel import lazy_gettext as _l

# The statutory clock: an RHI is due this long (elapsed time) after the return.
DUE_AFTER = timedelta(hours=72)
# Amber when less than this is left on the clock.
AMBER_WITHIN = timedelta(hours=24)


class RhiStatus(StrEnum):
    REQUESTED = "requested"
    OFFERED = "offered"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    UNABLE_TO_CONTACT = "unable_to_contact"
    SCHEDULED = "scheduled"
    COMPLETED = "completed"
    RETURNED_FOR_CHANGES = "returned_for_changes"
    SIGNED_OFF = "signed_off"

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self])

    @property
    def clock_running(self) -> bool:
        """Still waiting for an interview: the 72-hour clock matters."""
        return self in CLOCK_RUNNING


STATUS_LABELS = {
    RhiStatus.REQUESTED: _l("Requested"),
    RhiStatus.OFFERED: _l("Offered"),
    RhiStatus.ACCEPTED: _l("Accepted"),
    RhiStatus.DECLINED: _l("Declined"),
    RhiStatus.UNABLE_TO_CONTACT: _l("Unable to contact"),
    RhiStatus.SCHEDULED: _l("Scheduled"),
    RhiStatus.COMPLETED: _l("Completed"),
    RhiStatus.RETURNED_FOR_CHANGES: _l("Returned for changes"),
    RhiStatus.SIGNED_OFF: _l("Signed off"),
}

CLOCK_RUNNING = frozenset(
    {RhiStatus.REQUESTED, RhiStatus.OFFERED, RhiStatus.ACCEPTED, RhiStatus.SCHEDULED}
)

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
}


class Rag(StrEnum):
    """Red / amber / green for the 72-hour clock."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"


class InterviewMethod(StrEnum):
    FACE_TO_FACE = "face_to_face"
    PHONE = "phone"
    SMS = "sms"

    @property
    def label(self) -> str:
        return str(METHOD_LABELS[self])


METHOD_LABELS = {
    InterviewMethod.FACE_TO_FACE: _l("Face to face"),
    InterviewMethod.PHONE: _l("By phone"),
    InterviewMethod.SMS: _l("By text message (short form)"),
}
