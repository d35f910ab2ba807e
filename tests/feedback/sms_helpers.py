"""Shared set-up for the SMS tests: a child with contacts, an RHI to complete, a daytime clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from feedback.dispatch import dispatch, transport_for
from feedback.inbound import handle, store_inbound
from feedback.models import Conversation, SmsMessage
from feedback.vocabulary import Direction
from rhi.extensions import db
from rhi.interviews.models import ReturnInterview
from rhi.interviews.services import change_status
from rhi.interviews.vocabulary import RhiStatus

# Tomorrow at 10:00 UTC (10 or 11 in London): after anything a test queues now,
# and outside quiet hours.
DAYTIME = (datetime.now(UTC) + timedelta(days=1)).replace(
    hour=10, minute=0, second=0, microsecond=0
)
_sids = iter(range(1, 10**9))


def complete(rhi: ReturnInterview) -> None:
    for step in (RhiStatus.OFFERED, RhiStatus.ACCEPTED, RhiStatus.SCHEDULED, RhiStatus.COMPLETED):
        change_status(rhi, step, by=None, note="a reason")


def decline(rhi: ReturnInterview) -> None:
    change_status(rhi, RhiStatus.OFFERED, by=None)
    change_status(rhi, RhiStatus.DECLINED, by=None, note="Did not want to talk")


def text_in(phone: str, body: str, now: datetime | None = None) -> SmsMessage:
    """A text from ``phone``, through the same path as Twilio's webhook."""
    message, _new = store_inbound(f"SMtest{next(_sids):026d}", phone, body, now=now)
    handle(message.id, now=now)
    db.session.expire_all()
    return message


def outbox(phone: str | None = None) -> list[SmsMessage]:
    query = sa.select(SmsMessage).where(SmsMessage.direction == Direction.OUTBOUND)
    if phone is not None:
        query = query.where(SmsMessage.phone == phone)
    return list(db.session.scalars(query.order_by(SmsMessage.id)))


def conversations(phone: str | None = None) -> list[Conversation]:
    query = sa.select(Conversation)
    if phone is not None:
        query = query.where(Conversation.phone == phone)
    return list(db.session.scalars(query.order_by(Conversation.id)))


def send_all(app, now: datetime = DAYTIME):  # type: ignore[no-untyped-def]
    report = dispatch(transport_for(app), worker="test", now=now, app=app)
    db.session.expire_all()
    return report
