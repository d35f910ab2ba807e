"""The voice of the child: every word the SMS side uses, defined once."""

from __future__ import annotations

from datetime import time, timedelta

from flask_babel import lazy_gettext as _l

from rhi.vocabulary import Labelled

# The service's name as it appears in texts: never the child's episode or
# anything sensitive, because someone else may read the phone.
SERVICE_NAME = "Homeward"

# Childline and the emergency number, given in every safe reply.
CHILDLINE = "0800 1111"
EMERGENCY = "999"

# Nothing is sent in these hours (UK local time) unless it must go at once.
DEFAULT_QUIET_START = time(21, 0)
DEFAULT_QUIET_END = time(8, 0)

# A send that failed for sure (429, 5xx) is retried this many times in all,
# waiting RETRY_BASE * 2**(attempt - 1) between tries.
MAX_SEND_ATTEMPTS = 5
RETRY_BASE = timedelta(seconds=30)

# A message claimed by a worker that has not reported back after this long is
# taken to have an unknown outcome (the worker died mid-send): a person checks.
SEND_LEASE = timedelta(minutes=2)

# An inbound message stored but not yet handled this long after it arrived is
# handled by the worker instead (the web process died after storing it).
INBOUND_GRACE = timedelta(seconds=30)

# The words that stop, restart and explain, in any case (sms.md).
STOP_WORDS = frozenset({"stop", "stopall", "unsubscribe", "cancel", "end", "quit"})
START_WORDS = frozenset({"start", "unstop"})
HELP_WORDS = frozenset({"help", "info"})

# Twilio's error for a recipient who has unsubscribed.
TWILIO_UNSUBSCRIBED = 21610


class Audience(Labelled):
    CHILD = "child", _l("Young person")
    PARENT = "parent", _l("Parent or carer")


class ConsentMethod(Labelled):
    VERBAL = "verbal", _l("Said so to a worker")
    WRITTEN = "written", _l("In writing")
    TEXT = "text", _l("By text message")


class ConsentGivenBy(Labelled):
    YOUNG_PERSON = "young_person", _l("The young person")
    PARENT = "parent", _l("A parent or carer with parental responsibility")
    CARER = "carer", _l("The placement or social worker for a child in care")


class Direction(Labelled):
    INBOUND = "in", _l("Received")
    OUTBOUND = "out", _l("Sent")


class MessageKind(Labelled):
    """Why a message exists. Some must go even in quiet hours."""

    SURVEY = "survey", _l("Survey question")
    REASK = "reask", _l("Survey question asked again")
    REMINDER = "reminder", _l("Survey reminder")
    THANKS = "thanks", _l("Survey thanks")
    MANUAL = "manual", _l("Written by staff")
    KEYWORD_REPLY = "keyword_reply", _l("Automatic reply to STOP, START or HELP")
    SAFE_REPLY = "safe_reply", _l("Safety reply to an urgent message")
    DUTY_ALERT = "duty_alert", _l("Alert to the duty contact")
    RECEIVED = "received", _l("Text from the person")

    @property
    def ignores_quiet_hours(self) -> bool:
        """Safety messages and answers to a keyword go at once, day or night."""
        return self in {MessageKind.SAFE_REPLY, MessageKind.DUTY_ALERT, MessageKind.KEYWORD_REPLY}

    @property
    def ignores_opt_out(self) -> bool:
        """Only the reply confirming a STOP or START goes to a stopped number."""
        return self is MessageKind.KEYWORD_REPLY


class SendStatus(Labelled):
    """Where an outbound message is. Later states never go back to earlier ones."""

    PENDING = "pending", _l("Waiting to be sent")
    SENDING = "sending", _l("Being sent")
    QUEUED = "queued", _l("Accepted by Twilio")
    SENT = "sent", _l("Sent")
    DELIVERED = "delivered", _l("Delivered")
    UNDELIVERED = "undelivered", _l("Not delivered")
    FAILED = "failed", _l("Failed")
    CHECK = "check", _l("Outcome unknown: check before resending")
    CANCELLED = "cancelled", _l("Not sent (stopped, no consent or not safe to text)")

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def final(self) -> bool:
        return self in FINAL_SEND_STATUSES


_RANK = {
    SendStatus.PENDING: 0,
    SendStatus.SENDING: 1,
    SendStatus.CHECK: 2,
    SendStatus.QUEUED: 3,
    SendStatus.SENT: 4,
    SendStatus.DELIVERED: 5,
    SendStatus.UNDELIVERED: 5,
    SendStatus.FAILED: 5,
    SendStatus.CANCELLED: 5,
}
FINAL_SEND_STATUSES = frozenset(
    {SendStatus.DELIVERED, SendStatus.UNDELIVERED, SendStatus.FAILED, SendStatus.CANCELLED}
)

# Twilio's callback statuses, mapped to ours ("accepted", "scheduled" and
# "sending" all mean Twilio has it but has not handed it on yet).
TWILIO_STATUSES = {
    "accepted": SendStatus.QUEUED,
    "scheduled": SendStatus.QUEUED,
    "queued": SendStatus.QUEUED,
    "sending": SendStatus.QUEUED,
    "sent": SendStatus.SENT,
    "delivered": SendStatus.DELIVERED,
    "read": SendStatus.DELIVERED,
    "undelivered": SendStatus.UNDELIVERED,
    "failed": SendStatus.FAILED,
    "canceled": SendStatus.CANCELLED,
}


class QuestionKind(Labelled):
    RATING = "rating", _l("Rating from 1 to 5")
    YES_NO = "yes_no", _l("Yes or no")
    CHOICE = "choice", _l("Choice from a list")
    FREE_TEXT = "free_text", _l("Free text")


class Trigger(Labelled):
    RHI_COMPLETED = "rhi_completed", _l("When an interview is completed")
    RHI_DECLINED = "rhi_declined", _l("When a young person declines an interview")


class ConversationStatus(Labelled):
    SCHEDULED = "scheduled", _l("Scheduled")
    ACTIVE = "active", _l("Waiting for a reply")
    COMPLETED = "completed", _l("Completed")
    EXPIRED = "expired", _l("Expired")
    CANCELLED = "cancelled", _l("Cancelled")
    THREAD = "thread", _l("Messages outside a survey")

    @property
    def open(self) -> bool:
        return self in {ConversationStatus.SCHEDULED, ConversationStatus.ACTIVE}


class OptOutSource(Labelled):
    KEYWORD = "keyword", _l("The person texted STOP")
    TWILIO = "twilio", _l("Twilio reported the number unsubscribed (21610)")
    RESUMED = "resumed", _l("The person texted START")
