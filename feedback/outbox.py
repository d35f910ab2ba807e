"""Writing to the outbox, and the rules every outbound text obeys.

``queue`` is the only way a text is sent: it adds a pending row in the
caller's transaction, so the text exists if and only if its cause committed.
The dispatcher (``feedback.dispatch``) sends it later, checking again that the
number has not opted out and that it is not quiet hours.
"""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from feedback.models import Conversation, NumberStatus, SmsMessage
from feedback.vocabulary import Direction, MessageKind, SendStatus
from rhi.auth.models import User
from rhi.database import utcnow
from rhi.extensions import db

UK = ZoneInfo("Europe/London")


def queue(
    phone: str,
    body: str,
    kind: MessageKind,
    *,
    conversation: Conversation | None = None,
    question_id: int | None = None,
    by: User | None = None,
    now: datetime | None = None,
) -> SmsMessage:
    """Add a text to the outbox, in the caller's transaction."""
    moment = now or utcnow()
    message = SmsMessage(
        conversation=conversation,
        direction=Direction.OUTBOUND,
        kind=kind,
        phone=phone,
        body=body,
        question_id=question_id,
        created_by=by,
        created_at=moment,
        status=SendStatus.PENDING,
        next_attempt_at=moment,
    )
    db.session.add(message)
    if conversation is not None:
        conversation.last_message_at = moment
    return message


def opted_out(phone: str) -> bool:
    return bool(
        db.session.scalar(sa.select(NumberStatus.opted_out).where(NumberStatus.phone == phone))
    )


def in_quiet_hours(moment: datetime, hours: tuple[time, time]) -> bool:
    """Whether ``moment`` (UTC) falls in the quiet hours, read in UK local time."""
    start, end = hours
    local = moment.astimezone(UK).time()
    if start <= end:
        return start <= local < end
    return local >= start or local < end
