"""Urgent texts: an alert for a person, a safe reply to the sender, a text to the duty contact."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from feedback import messages
from feedback.models import Conversation, DutyContact, SmsMessage, UrgentAlert
from feedback.outbox import opted_out, queue
from feedback.phones import to_e164
from feedback.surveys import say
from feedback.vocabulary import MessageKind
from nlp import urgent_model
from nlp.urgent import detect
from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.auth.models import User
from rhi.database import transactional, utcnow
from rhi.domain import Conflict, RuleBroken
from rhi.extensions import db


def urgent_reasons(text: str) -> list[str]:
    """Why ``text`` is urgent (the detector's cue kinds), or [] when it is not.

    The one place the app asks whether a text is urgent: the nlp package's
    detector, pure rules, so it runs in the webhook without loading a model.
    """
    urgent, spans = detect(text)
    if not urgent:
        return []
    return sorted({span.kind for span in spans})


def raise_alert(
    message: SmsMessage,
    conversation: Conversation,
    reasons: list[str],
    now: datetime,
    *,
    safe_reply: bool = True,
) -> UrgentAlert:
    """Open an alert, reply safely to the sender and text the duty contact, in one transaction.

    ``safe_reply=False`` when the sender already has a reply giving the same
    numbers (the HELP keyword's), so they are not sent two texts at once.
    """
    message.urgent = True
    alert = UrgentAlert(
        message=message,
        conversation=conversation,
        child_id=conversation.child_id,
        reasons=reasons,
        raised_at=now,
    )
    db.session.add(alert)
    if safe_reply and not opted_out(message.phone):
        queue(
            message.phone,
            say(messages.SAFE_REPLY, conversation.language),
            MessageKind.SAFE_REPLY,
            conversation=conversation,
            now=now,
        )
    duty = duty_contact()
    if duty is not None:
        queue(duty.phone, messages.DUTY_ALERT, MessageKind.DUTY_ALERT, now=now)
    db.session.flush()
    record(
        AuditAction.URGENT_ALERT_RAISED,
        object_type="urgent_alert",
        object_id=alert.id,
        detail={"conversation_id": conversation.id, "reasons": reasons},
        actor=None,
    )
    return alert


def raise_second_opinion(message_id: int, now: datetime | None = None) -> UrgentAlert | None:
    """Open an alert for a received text that the worker's tagger found urgent after
    the check on arrival (rules only) did not; None when it is urgent already.

    The tagger's trained second opinion (:mod:`nlp.urgent_model`) reads every
    reply seconds after it came; the alert's reason is its cue kind, ``model``.
    """
    message = db.session.get(SmsMessage, message_id)
    if message is None or message.urgent or message.conversation is None:
        return None
    return raise_alert(message, message.conversation, [urgent_model.KIND], now or utcnow())


def _alert_details() -> tuple[Any, ...]:
    """What the alert pages show of each alert, loaded in a few queries, not one per alert."""
    return (
        selectinload(UrgentAlert.message),
        selectinload(UrgentAlert.conversation).selectinload(Conversation.contact),
        selectinload(UrgentAlert.child),
        selectinload(UrgentAlert.acknowledged_by),
    )


def open_alerts() -> list[UrgentAlert]:
    return list(
        db.session.scalars(
            sa.select(UrgentAlert)
            .where(UrgentAlert.acknowledged_at.is_(None))
            .options(*_alert_details())
            .order_by(UrgentAlert.raised_at, UrgentAlert.id)
        )
    )


def recent_acknowledged(limit: int = 20) -> list[UrgentAlert]:
    return list(
        db.session.scalars(
            sa.select(UrgentAlert)
            .where(UrgentAlert.acknowledged_at.is_not(None))
            .options(*_alert_details())
            .order_by(UrgentAlert.acknowledged_at.desc(), UrgentAlert.id.desc())
            .limit(limit)
        )
    )


def open_alert_count() -> int:
    return int(
        db.session.scalar(
            sa.select(sa.func.count(UrgentAlert.id)).where(UrgentAlert.acknowledged_at.is_(None))
        )
        or 0
    )


@transactional
def acknowledge(alert_id: int, *, by: User, action_taken: str) -> UrgentAlert:
    """A person has picked the alert up and says what they are doing about it."""
    action = (action_taken or "").strip()
    if not action:
        raise RuleBroken(_("Say what you have done or will do"), "action_taken")
    # One conditional update: of two people acknowledging at once, one wins.
    taken = db.session.execute(
        sa.update(UrgentAlert)
        .where(UrgentAlert.id == alert_id, UrgentAlert.acknowledged_at.is_(None))
        .values(acknowledged_at=utcnow(), acknowledged_by_id=by.id, action_taken=action)
        .execution_options(synchronize_session=False)
    )
    alert = db.session.get(UrgentAlert, alert_id, populate_existing=True)
    if alert is None:
        raise RuleBroken(_("There is no such alert"))
    if taken.rowcount != 1:  # type: ignore[attr-defined]
        raise Conflict(_("Someone has already acknowledged this alert"))
    record(
        AuditAction.URGENT_ALERT_ACKNOWLEDGED,
        object_type="urgent_alert",
        object_id=alert.id,
        detail={"conversation_id": alert.conversation_id},
    )
    return alert


def duty_contact() -> DutyContact | None:
    return db.session.scalar(sa.select(DutyContact).order_by(DutyContact.id.desc()).limit(1))


@transactional
def set_duty_contact(name: str, phone: str, *, by: User) -> DutyContact:
    name = (name or "").strip()
    if not name:
        raise RuleBroken(_("Enter who is on duty"), "name")
    duty = DutyContact(name=name[:80], phone=to_e164(phone), set_by=by)
    db.session.add(duty)
    db.session.flush()
    record(AuditAction.DUTY_CONTACT_SET, object_type="duty_contact", object_id=duty.id)
    return duty
