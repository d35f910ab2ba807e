"""The outbox dispatcher: sends pending texts through the transport, once each.

A send is three steps, each safe to be killed after:
1. **claim** (committed): pending -> sending, stamped with the worker and time;
2. **send**: one HTTP request to Twilio, outside any transaction;
3. **record** (committed): the SID and "queued", or a retry time, or "failed",
   or "check" when the outcome is unknown.

A worker killed between 1 and 3 leaves the message "sending"; after
``SEND_LEASE`` it becomes "check", for a person to look at, and is never sent
again by itself: Twilio has no idempotency key, so a resend could be a
duplicate. Claims use ``FOR UPDATE SKIP LOCKED`` on PostgreSQL so several
workers share the outbox; SQLite allows one writer at a time anyway.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime
from datetime import time as clock
from typing import Any

import sqlalchemy as sa
from flask import Flask, current_app
from flask_babel import gettext as _

from feedback.contacts import why_not_texted
from feedback.inbound import apply_status_events, set_opted_out
from feedback.models import SmsMessage
from feedback.outbox import in_quiet_hours, opted_out
from feedback.transport import ConsoleTransport, SendOutcome, SendResult, Transport, TwilioTransport
from feedback.vocabulary import (
    MAX_SEND_ATTEMPTS,
    RETRY_BASE,
    SEND_LEASE,
    TWILIO_STATUSES,
    MessageKind,
    OptOutSource,
    SendStatus,
)
from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.auth.models import User
from rhi.database import transactional, utcnow
from rhi.domain import Conflict
from rhi.extensions import db

log = logging.getLogger(__name__)

# Kinds that go even in quiet hours.
_ANY_HOUR = [kind.value for kind in MessageKind if kind.ignores_quiet_hours]
# Survey texts are only sent while the contact may still be texted.
_SURVEY_KINDS = {MessageKind.SURVEY, MessageKind.REASK, MessageKind.REMINDER, MessageKind.THANKS}


def transport_for(app: Flask) -> Transport:
    """Twilio when credentials are configured, else the console transport."""
    config = app.config
    if config["TWILIO_ACCOUNT_SID"] and config["TWILIO_AUTH_TOKEN"] and config["TWILIO_FROM"]:
        return TwilioTransport(
            account_sid=config["TWILIO_ACCOUNT_SID"],
            auth_token=config["TWILIO_AUTH_TOKEN"],
            sender=config["TWILIO_FROM"],
            base_url=config["TWILIO_API_BASE_URL"] or None,
            timeout=config["SMS_SEND_TIMEOUT"],
        )
    return ConsoleTransport()


def status_callback_url(app: Flask) -> str | None:
    base = app.config["PUBLIC_BASE_URL"]
    return f"{base}/sms/status" if base else None


# How many due messages a claim looks at to find one still wanted.
CLAIM_LOOKAHEAD = 20


@dataclass(frozen=True)
class Claim:
    message_id: int | None
    cancelled: int


@dataclass
class DispatchReport:
    claimed: int = 0
    accepted: int = 0
    retried: int = 0
    failed: int = 0
    unknown: int = 0
    cancelled: int = 0
    stale: int = 0


@transactional
def recover_stale(now: datetime) -> int:
    """Claims older than the lease: the worker died mid-send, so the outcome is unknown."""
    result = db.session.execute(
        sa.update(SmsMessage)
        .where(SmsMessage.status == SendStatus.SENDING, SmsMessage.claimed_at < now - SEND_LEASE)
        .values(status=SendStatus.CHECK, status_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _still_wanted(message: SmsMessage) -> bool:
    kind = message.kind_enum
    if not kind.ignores_opt_out and opted_out(message.phone):
        return False
    if kind in _SURVEY_KINDS and message.conversation is not None:
        contact = message.conversation.contact
        if contact is None or why_not_texted(contact) is not None:
            return False
    return True


@transactional
def claim(worker: str, now: datetime, quiet_hours: tuple[clock, clock]) -> Claim:
    """Take the next due message for this worker; cancel those ahead of it no longer wanted.

    One message at a time, claimed just before it is sent: a worker killed
    mid-send strands at most that one message for a person to check.
    """
    query = (
        sa.select(SmsMessage)
        .where(SmsMessage.status == SendStatus.PENDING, SmsMessage.next_attempt_at <= now)
        .order_by(SmsMessage.id)
        .limit(CLAIM_LOOKAHEAD)
        .with_for_update(skip_locked=True)
    )
    if in_quiet_hours(now, quiet_hours):
        query = query.where(SmsMessage.kind.in_(_ANY_HOUR))
    cancelled = 0
    for message in db.session.scalars(query).all():
        if not _still_wanted(message):
            message.status = SendStatus.CANCELLED
            message.status_at = now
            cancelled += 1
            continue
        taken = db.session.execute(
            sa.update(SmsMessage)
            .where(SmsMessage.id == message.id, SmsMessage.status == SendStatus.PENDING)
            .values(status=SendStatus.SENDING, claimed_at=now, claimed_by=worker[:64])
            .execution_options(synchronize_session=False)
        )
        if taken.rowcount == 1:  # type: ignore[attr-defined]
            return Claim(message.id, cancelled)
    return Claim(None, cancelled)


@transactional
def record_result(message_id: int, result: SendResult, now: datetime) -> str:
    """Write down what the transport said. Returns the message's new status."""
    message = db.session.get(SmsMessage, message_id, populate_existing=True)
    assert message is not None
    if message.status != SendStatus.SENDING:
        return str(message.status)  # the lease ran out and a person has it now
    message.attempts += 1
    message.status_at = now
    if result.outcome is SendOutcome.ACCEPTED:
        message.twilio_sid = result.sid
        message.sent_at = now
        message.status = TWILIO_STATUSES.get(result.status or "queued", SendStatus.QUEUED)
    elif result.outcome is SendOutcome.RETRY and message.attempts < MAX_SEND_ATTEMPTS:
        message.status = SendStatus.PENDING
        message.error_code = result.error_code
        message.next_attempt_at = now + RETRY_BASE * 2 ** (message.attempts - 1)
    elif result.outcome is SendOutcome.UNKNOWN:
        message.status = SendStatus.CHECK
        message.error_code = result.error_code
    else:
        message.status = SendStatus.FAILED
        message.error_code = result.error_code
        if result.opted_out:
            set_opted_out(message.phone, True, OptOutSource.TWILIO, now)
    return str(message.status)


class Pace:
    """Keeps sends at or under ``rate`` a second (per worker process)."""

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / rate
        self.next_at = time.monotonic()

    def wait(self) -> None:
        now = time.monotonic()
        if self.next_at > now:
            time.sleep(self.next_at - now)
        self.next_at = max(now, self.next_at) + self.interval


def dispatch(
    transport: Transport,
    *,
    worker: str,
    now: datetime | None = None,
    limit: int = 50,
    pace: Pace | None = None,
    app: Any = None,
) -> DispatchReport:
    """Send what is due, once. Returns what happened, for the worker's log and the tests."""
    app = app or current_app
    report = DispatchReport(stale=recover_stale(now or utcnow()))
    callback = status_callback_url(app)
    while report.claimed < limit:
        taken = claim(worker, now or utcnow(), app.config["SMS_QUIET_HOURS"])
        report.cancelled += taken.cancelled
        if taken.message_id is None:
            if taken.cancelled:
                continue  # those were cancelled; look again behind them
            break
        report.claimed += 1
        message_id = taken.message_id
        message = db.session.get(SmsMessage, message_id)
        assert message is not None
        phone, body = message.phone, message.body
        db.session.rollback()  # hold no transaction open while Twilio answers
        if pace is not None:
            pace.wait()
        result = transport.send(to=phone, body=body, status_callback=callback)
        status = record_result(message_id, result, now or utcnow())
        if result.outcome is SendOutcome.ACCEPTED:
            report.accepted += 1
            apply_status_events(sid=result.sid, now=now)
        elif result.outcome is SendOutcome.UNKNOWN:
            report.unknown += 1
            log.warning("SMS %s: outcome unknown, marked for a person to check", message_id)
        elif status == SendStatus.PENDING:
            report.retried += 1
        else:
            report.failed += 1
    return report


@transactional
def resolve_check(message_id: int, *, was_sent: bool, by: User) -> SmsMessage:
    """A person has checked a message whose outcome was unknown: sent, or send it again."""
    message = db.session.get(SmsMessage, message_id)
    if message is None or message.status != SendStatus.CHECK:
        raise Conflict(_("This message is not waiting for a check"))
    moment = utcnow()
    if was_sent:
        message.status = SendStatus.SENT
    else:
        message.status = SendStatus.PENDING
        message.next_attempt_at = moment
    message.status_at = moment
    message.checked_by_id = by.id
    record(
        AuditAction.SMS_SEND_CHECKED,
        object_type="sms_message",
        object_id=message.id,
        detail={"was_sent": was_sent},
    )
    return message
