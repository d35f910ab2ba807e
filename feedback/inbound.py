"""Texts coming in, and delivery receipts: stored first, then acted on.

``store_inbound`` commits the message before anything else (a duplicate
webhook, same MessageSid, is stored once). ``handle`` then does the rest in
its own transaction: STOP/START/HELP, the urgent check, the survey answer. If
the process dies in between, the worker's ``handle_pending`` finishes the job;
``handle`` claims the message first so it is never handled twice.
"""

from __future__ import annotations

import contextlib
import re
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from feedback import messages
from feedback.alerts import raise_alert, urgent_reasons
from feedback.models import Contact, Conversation, NumberStatus, SmsMessage, StatusEvent
from feedback.outbox import queue
from feedback.surveys import answer, say
from feedback.vocabulary import (
    HELP_WORDS,
    INBOUND_GRACE,
    START_WORDS,
    STOP_WORDS,
    TWILIO_STATUSES,
    TWILIO_UNSUBSCRIBED,
    ConversationStatus,
    Direction,
    MessageKind,
    OptOutSource,
    SendStatus,
)
from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.database import transactional, utcnow
from rhi.extensions import db

# No real text is this long (Twilio joins at most 10 segments, 1,600 characters).
MAX_BODY = 10_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_body(body: str) -> str:
    """The text as received, with control characters (which PostgreSQL may refuse) replaced."""
    return _CONTROL.sub("\ufffd", body)


@transactional
def _insert(message: SmsMessage) -> SmsMessage:
    db.session.add(message)
    db.session.flush()
    return message


def store_inbound(
    sid: str, sender: str, body: str, now: datetime | None = None
) -> tuple[SmsMessage, bool]:
    """Commit a received text; ``(message, False)`` when this MessageSid was already stored."""
    existing = _by_sid(sid)
    if existing is not None:
        return existing, False
    message = SmsMessage(
        direction=Direction.INBOUND,
        kind=MessageKind.RECEIVED,
        phone=sender,
        body=clean_body(body),
        twilio_sid=sid,
        created_at=now or utcnow(),
    )
    try:
        return _insert(message), True
    except IntegrityError:
        # The same webhook, delivered again at the same moment, won the insert.
        stored = _by_sid(sid)
        if stored is None:
            raise
        return stored, False


def _by_sid(sid: str) -> SmsMessage | None:
    return db.session.scalar(sa.select(SmsMessage).where(SmsMessage.twilio_sid == sid))


def _claim(message_id: int, now: datetime) -> bool:
    claimed = db.session.execute(
        sa.update(SmsMessage)
        .where(SmsMessage.id == message_id, SmsMessage.handled_at.is_(None))
        .values(handled_at=now)
        .execution_options(synchronize_session=False)
    )
    return claimed.rowcount == 1  # type: ignore[attr-defined]


def _conversation_for(phone: str, now: datetime) -> Conversation:
    """The survey waiting for this number's reply, else its running thread (made if new)."""
    active = db.session.scalar(
        sa.select(Conversation)
        .where(Conversation.phone == phone, Conversation.status == ConversationStatus.ACTIVE)
        .order_by(Conversation.id.desc())
        .limit(1)
    )
    if active is not None:
        return active
    thread = db.session.scalar(
        sa.select(Conversation)
        .where(Conversation.phone == phone, Conversation.status == ConversationStatus.THREAD)
        .limit(1)
    )
    if thread is not None:
        return thread
    contacts = db.session.scalars(
        sa.select(Contact).where(Contact.phone == phone).order_by(Contact.id)
    ).all()
    # A number shared by two children's records is not guessed at.
    only = contacts[0] if len({contact.child_id for contact in contacts}) == 1 else None
    thread = Conversation(
        phone=phone,
        contact=only,
        child_id=only.child_id if only else None,
        audience=only.audience if only else None,
        language=only.language if only else "en",
        status=ConversationStatus.THREAD,
        created_at=now,
        last_message_at=now,
    )
    db.session.add(thread)
    db.session.flush()
    return thread


def keyword(body: str) -> str | None:
    """ "stop", "start" or "help" when the whole text is one of those words (any case)."""
    word = re.sub(r"[^\w]", "", body.strip().lower())
    if word in STOP_WORDS:
        return "stop"
    if word in START_WORDS:
        return "start"
    if word in HELP_WORDS:
        return "help"
    return None


def set_opted_out(phone: str, opted_out: bool, source: OptOutSource, now: datetime) -> None:
    """Stop (or resume) every text to ``phone``; stopping cancels what is waiting to go."""
    status = db.session.scalar(sa.select(NumberStatus).where(NumberStatus.phone == phone))
    if status is None:
        status = NumberStatus(phone=phone, opted_out=False, source=source)
        db.session.add(status)
    if status.opted_out == opted_out:
        return
    status.opted_out = opted_out
    status.source = source
    status.changed_at = now
    db.session.flush()
    if opted_out:
        db.session.execute(
            sa.update(SmsMessage)
            .where(
                SmsMessage.phone == phone,
                SmsMessage.status == SendStatus.PENDING,
                SmsMessage.kind != MessageKind.KEYWORD_REPLY,
            )
            .values(status=SendStatus.CANCELLED, status_at=now)
            .execution_options(synchronize_session=False)
        )
        for conversation in db.session.scalars(
            sa.select(Conversation).where(
                Conversation.phone == phone,
                Conversation.status.in_([ConversationStatus.ACTIVE, ConversationStatus.SCHEDULED]),
            )
        ):
            conversation.status = ConversationStatus.CANCELLED
            conversation.finished_at = now
    record(
        AuditAction.SMS_OPTED_OUT if opted_out else AuditAction.SMS_OPTED_IN,
        object_type="sms_number",
        object_id=status.id,
        detail={"source": str(source)},
        actor=None,
    )


@transactional
def handle(message_id: int, now: datetime | None = None) -> bool:
    """Act on a stored text, once. False if it was already handled."""
    moment = now or utcnow()
    if not _claim(message_id, moment):
        return False
    message = db.session.get(SmsMessage, message_id)
    assert message is not None
    conversation = _conversation_for(message.phone, moment)
    message.conversation = conversation
    conversation.last_message_at = max(conversation.last_message_at, message.created_at)
    language = conversation.language
    word = keyword(message.body)
    if word in ("stop", "start"):
        stop = word == "stop"
        set_opted_out(
            message.phone, stop, OptOutSource.KEYWORD if stop else OptOutSource.RESUMED, moment
        )
        reply = say(messages.STOPPED if stop else messages.STARTED, language)
        queue(
            message.phone, reply, MessageKind.KEYWORD_REPLY, conversation=conversation, now=moment
        )
        return True
    if word == "help":
        reply = say(messages.HELP, language)
        queue(
            message.phone, reply, MessageKind.KEYWORD_REPLY, conversation=conversation, now=moment
        )
    reasons = urgent_reasons(message.body)
    if reasons:
        # A bare HELP is both the carriers' keyword and, from a child who has
        # been missing, maybe a call for help: it gets the keyword's reply
        # (who is texting, 999, Childline) and a duty worker is told too.
        raise_alert(message, conversation, reasons, moment, safe_reply=word is None)
    if word is None and conversation.status == ConversationStatus.ACTIVE:
        answer(conversation, message, moment)
    return True


def handle_pending(now: datetime | None = None, limit: int = 100) -> int:
    """Handle texts stored but left unhandled (the web process died in between)."""
    moment = now or utcnow()
    ids = db.session.scalars(
        sa.select(SmsMessage.id)
        .where(
            SmsMessage.direction == Direction.INBOUND,
            SmsMessage.handled_at.is_(None),
            SmsMessage.created_at <= moment - INBOUND_GRACE,
        )
        .order_by(SmsMessage.id)
        .limit(limit)
    ).all()
    db.session.rollback()  # end the read so each handle() is its own transaction
    return sum(1 for message_id in ids if handle(message_id, moment))


# --- Delivery receipts ---------------------------------------------------------


@transactional
def _insert_event(event: StatusEvent) -> None:
    db.session.add(event)
    db.session.flush()


def store_status(
    sid: str, status: str, error_code: int | None, now: datetime | None = None
) -> None:
    """Keep a delivery receipt (once per sid and status), then apply what can be applied."""
    exists = db.session.scalar(
        sa.select(StatusEvent.id).where(StatusEvent.twilio_sid == sid, StatusEvent.status == status)
    )
    if exists is None:
        # The same receipt delivered twice at once is kept once (the unique key).
        with contextlib.suppress(IntegrityError):
            _insert_event(
                StatusEvent(
                    twilio_sid=sid,
                    status=status,
                    error_code=error_code,
                    received_at=now or utcnow(),
                )
            )
    apply_status_events(sid=sid, now=now)


def advance(message: SmsMessage, status: SendStatus, now: datetime) -> bool:
    """Move a sent message forward to ``status``; never back from a later or final one."""
    current = message.status_enum
    if current is None or current.final or status.rank <= current.rank:
        return False
    message.status = status
    message.status_at = now
    return True


@transactional
def apply_status_events(sid: str | None = None, now: datetime | None = None) -> int:
    """Apply stored receipts to the messages they are about (those whose SID we know)."""
    moment = now or utcnow()
    query = (
        sa.select(StatusEvent, SmsMessage)
        .join(SmsMessage, SmsMessage.twilio_sid == StatusEvent.twilio_sid)
        .where(StatusEvent.applied.is_(False))
        .order_by(StatusEvent.id)
    )
    if sid is not None:
        query = query.where(StatusEvent.twilio_sid == sid)
    applied = 0
    for event, message in db.session.execute(query.limit(500)).all():
        event.applied = True
        applied += 1
        status = TWILIO_STATUSES.get(event.status)
        if status is None or message.direction != Direction.OUTBOUND:
            continue
        if advance(message, status, moment) and event.error_code:
            message.error_code = event.error_code
        if event.error_code == TWILIO_UNSUBSCRIBED:
            set_opted_out(message.phone, True, OptOutSource.TWILIO, moment)
    return applied
