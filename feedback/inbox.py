"""The SMS inbox: which conversations a member of staff may read, and replying by hand.

Who may read what follows the child's record: workers and managers read the
conversations of children they can see (``rhi.children.access``) and those
with no child (unknown numbers); participation officers read every
conversation but pseudonymised: a case reference and a masked number, never
a name or a whole number. Rows are built here, already pseudonymised, so a
template cannot show what the reader may not see.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, time

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import aliased, selectinload

from feedback import phones
from feedback.contacts import why_not_texted
from feedback.dispatch import resolve_check as dispatch_resolve_check
from feedback.inbound import handle, store_inbound
from feedback.languages import wording
from feedback.models import Contact, Conversation, SmsMessage, SurveyAnswer, UrgentAlert
from feedback.outbox import in_quiet_hours, opted_out, queue
from feedback.vocabulary import (
    Audience,
    Direction,
    MessageKind,
    SendStatus,
)
from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.auth.models import User
from rhi.auth.roles import Permission
from rhi.children.access import visible_children
from rhi.children.models import Child
from rhi.database import transactional, utcnow
from rhi.domain import Conflict, NotFound, RuleBroken
from rhi.extensions import db
from rhi.vocabulary import Labelled

PAGE_SIZE = 50
# Twilio joins at most 10 segments: 1,600 characters.
MAX_REPLY = 1600
# An outbound text in one of these states needs a person to look at it.
PROBLEM_STATUSES = (SendStatus.CHECK, SendStatus.FAILED, SendStatus.UNDELIVERED)
ATTENTION_STATUSES = (SendStatus.CHECK, SendStatus.FAILED)


class InboxFilter(Labelled):
    ALL = "all", _l("All")
    ATTENTION = "attention", _l("Needs attention")
    SURVEYS = "surveys", _l("Surveys")
    TEXTS = "texts", _l("Texts outside a survey")


def shows_names(user: User) -> bool:
    """Only staff who may see children's records see names and whole numbers."""
    return user.can(Permission.VIEW_CHILDREN)


def readable(user: User) -> sa.ColumnElement[bool]:
    """A WHERE clause on ``Conversation`` for the conversations ``user`` may read."""
    if not shows_names(user):
        return sa.true()  # pseudonymised: every conversation
    reachable = Conversation.child_id.in_(sa.select(Child.id).where(visible_children(user)))
    return sa.or_(Conversation.child_id.is_(None), reachable)


def _open_alert() -> sa.Exists:
    return (
        sa.select(UrgentAlert.id)
        .where(
            UrgentAlert.conversation_id == Conversation.id,
            UrgentAlert.acknowledged_at.is_(None),
        )
        .exists()
    )


def _has_status(statuses: tuple[SendStatus, ...]) -> sa.Exists:
    return (
        sa.select(SmsMessage.id)
        .where(
            SmsMessage.conversation_id == Conversation.id,
            SmsMessage.status.in_([str(status) for status in statuses]),
        )
        .exists()
    )


def _needs_attention() -> sa.ColumnElement[bool]:
    """The last text came in with no staff reply since, a call back, or a delivery problem."""
    newest = aliased(SmsMessage)
    last_is_inbound = (
        sa.select(SmsMessage.direction)
        .where(SmsMessage.conversation_id == Conversation.id)
        .order_by(SmsMessage.id.desc())
        .limit(1)
        .correlate(Conversation)
        .scalar_subquery()
    ) == Direction.INBOUND
    staff = aliased(SmsMessage)
    last_staff = (
        sa.select(sa.func.coalesce(sa.func.max(staff.id), 0))
        .where(staff.conversation_id == Conversation.id, staff.kind == MessageKind.MANUAL)
        .correlate(Conversation)
        .scalar_subquery()
    )
    urgent_unanswered = (
        sa.select(newest.id)
        .where(
            newest.conversation_id == Conversation.id,
            newest.urgent.is_(True),
            newest.id > last_staff,
        )
        .correlate(Conversation)
        .exists()
    )
    return sa.or_(
        last_is_inbound,
        urgent_unanswered,
        sa.and_(Conversation.callback_requested.is_(True), Conversation.callback_done_at.is_(None)),
        _has_status(ATTENTION_STATUSES),
    )


@dataclass(frozen=True)
class Who:
    """Who a conversation is with, as this reader may see it."""

    contact_name: str | None
    child_name: str | None
    case_ref: str | None
    phone: str

    @classmethod
    def of(cls, conversation: Conversation, names: bool) -> Who:
        child = conversation.child
        if names:
            return cls(
                contact_name=conversation.contact.name if conversation.contact else None,
                child_name=child.full_name if child else None,
                case_ref=child.case_ref if child else None,
                phone=phones.display(conversation.phone),
            )
        return cls(
            contact_name=None,
            child_name=None,
            case_ref=child.case_ref if child else None,
            phone=phones.masked(conversation.phone),
        )


@dataclass(frozen=True)
class ConversationRow:
    id: int
    who: Who
    audience: str
    survey: str
    status: str
    last_message_at: datetime
    urgent: bool
    callback_requested: bool
    delivery_problem: bool


@dataclass(frozen=True)
class InboxPage:
    rows: list[ConversationRow]
    page: int
    has_next: bool


def _audience(conversation: Conversation) -> str:
    return str(Audience(conversation.audience).label) if conversation.audience else ""


def _survey(conversation: Conversation) -> str:
    if conversation.template is not None:
        return conversation.template.name
    return _("Texts outside a survey")


def inbox(user: User, which: InboxFilter = InboxFilter.ALL, page: int = 1) -> InboxPage:
    """Conversations ``user`` may read, newest activity first, one page of them."""
    page = max(page, 1)
    urgent = _open_alert().label("urgent")
    problem = _has_status(PROBLEM_STATUSES).label("problem")
    query = (
        sa.select(Conversation, urgent, problem)
        .where(readable(user))
        .options(
            selectinload(Conversation.child),
            selectinload(Conversation.contact),
            selectinload(Conversation.template),
        )
        .order_by(Conversation.last_message_at.desc(), Conversation.id.desc())
        .limit(PAGE_SIZE + 1)
        .offset((page - 1) * PAGE_SIZE)
    )
    if which is InboxFilter.ATTENTION:
        query = query.where(_needs_attention())
    elif which is InboxFilter.SURVEYS:
        query = query.where(Conversation.template_id.is_not(None))
    elif which is InboxFilter.TEXTS:
        query = query.where(Conversation.template_id.is_(None))
    found = db.session.execute(query).all()
    names = shows_names(user)
    rows = [
        ConversationRow(
            id=conversation.id,
            who=Who.of(conversation, names),
            audience=_audience(conversation),
            survey=_survey(conversation),
            status=str(conversation.status_enum.label),
            last_message_at=conversation.last_message_at,
            urgent=bool(is_urgent),
            callback_requested=conversation.callback_waiting,
            delivery_problem=bool(has_problem),
        )
        for conversation, is_urgent, has_problem in found[:PAGE_SIZE]
    ]
    return InboxPage(rows=rows, page=page, has_next=len(found) > PAGE_SIZE)


def _readable_conversation(user: User, conversation_id: int) -> Conversation | None:
    conversation = db.session.scalar(
        sa.select(Conversation).where(Conversation.id == conversation_id, readable(user))
    )
    if conversation is not None:
        return conversation
    # A duty worker must be able to act on an urgent text about any child.
    if user.can(Permission.HANDLE_ALERTS):
        return db.session.scalar(
            sa.select(Conversation).where(Conversation.id == conversation_id, _open_alert())
        )
    return None


@dataclass(frozen=True)
class AnswerRow:
    question: str
    reply: str
    rating: int | None
    choice: str | None
    understood: bool


@dataclass(frozen=True)
class ConversationView:
    conversation: Conversation
    who: Who
    audience: str
    survey: str
    status: str
    messages: list[SmsMessage]
    answers: list[AnswerRow]
    opted_out: bool
    why_not: str | None


@transactional
def view_conversation(user: User, conversation_id: int) -> ConversationView | None:
    """The conversation if ``user`` may read it (None otherwise); opening it is audited."""
    conversation = _readable_conversation(user, conversation_id)
    if conversation is None:
        return None
    if conversation.child_id is not None:
        record(
            AuditAction.SMS_CONVERSATION_VIEWED,
            object_type="child",
            object_id=conversation.child_id,
            detail={"conversation_id": conversation.id},
            actor=user,
        )
    else:
        record(
            AuditAction.SMS_CONVERSATION_VIEWED,
            object_type="sms_conversation",
            object_id=conversation.id,
            actor=user,
        )
    answers = db.session.scalars(
        sa.select(SurveyAnswer)
        .where(SurveyAnswer.conversation_id == conversation.id)
        .options(selectinload(SurveyAnswer.question))
        .order_by(SurveyAnswer.id)
    ).all()
    messages = db.session.scalars(
        sa.select(SmsMessage)
        .where(SmsMessage.conversation_id == conversation.id)
        .order_by(SmsMessage.created_at, SmsMessage.id)
    ).all()
    contact = conversation.contact
    return ConversationView(
        conversation=conversation,
        who=Who.of(conversation, shows_names(user)),
        audience=_audience(conversation),
        survey=_survey(conversation),
        status=str(conversation.status_enum.label),
        messages=list(messages),
        answers=[
            AnswerRow(
                question=wording(answer.question.text, "en"),
                reply=answer.text,
                rating=answer.rating,
                choice=answer.choice,
                understood=answer.understood,
            )
            for answer in answers
        ],
        opted_out=opted_out(conversation.phone),
        why_not=why_not_texted(contact) if contact is not None else None,
    )


def quiet_now(hours: tuple[time, time], now: datetime | None = None) -> bool:
    return in_quiet_hours(now or utcnow(), hours)


@transactional
def send_reply(user: User, conversation_id: int, body: str | None) -> SmsMessage:
    """Queue a text written by ``user`` in the conversation; refuse clearly when it may not go."""
    conversation = _readable_conversation(user, conversation_id)
    if conversation is None:
        raise NotFound(_("There is no such conversation"))
    text = (body or "").strip()
    if not text:
        raise RuleBroken(_("Enter your text"), "body")
    if len(text) > MAX_REPLY:
        raise RuleBroken(_("Your text must be 1,600 characters or fewer"), "body")
    if opted_out(conversation.phone):
        raise RuleBroken(
            _(
                "This number has opted out of texts (they texted STOP). "
                "Nothing can be sent until they text START."
            ),
            "body",
        )
    contact = conversation.contact
    if contact is not None and why_not_texted(contact) is not None:
        raise RuleBroken(
            _("You cannot text this contact: %(reason)s", reason=why_not_texted(contact)),
            "body",
        )
    message = queue(
        conversation.phone, text, MessageKind.MANUAL, conversation=conversation, by=user
    )
    db.session.flush()
    record(
        AuditAction.SMS_SENT_BY_STAFF,
        object_type="sms_conversation",
        object_id=conversation.id,
        detail={"message_id": message.id, "characters": len(text)},
        actor=user,
    )
    return message


@transactional
def mark_callback_done(user: User, conversation_id: int) -> Conversation:
    """Someone has contacted the person who asked for a call back."""
    conversation = _readable_conversation(user, conversation_id)
    if conversation is None:
        raise NotFound(_("There is no such conversation"))
    if not conversation.callback_requested:
        raise RuleBroken(_("Nobody asked for a call back in this conversation"))
    if conversation.callback_done_at is not None:
        raise Conflict(_("Someone has already marked this call back as done"))
    conversation.callback_done_at = utcnow()
    conversation.callback_done_by = user
    record(
        AuditAction.SMS_CALLBACK_DONE,
        object_type="sms_conversation",
        object_id=conversation.id,
        actor=user,
    )
    return conversation


@transactional
def resolve_check(user: User, message_id: int, *, was_sent: bool) -> SmsMessage:
    """A person's answer about a text whose outcome was unknown (if they may read it)."""
    message = db.session.get(SmsMessage, message_id)
    if message is None:
        raise NotFound(_("There is no such text"))
    if (
        message.conversation_id is not None
        and _readable_conversation(user, message.conversation_id) is None
    ):
        raise NotFound(_("There is no such text"))
    return dispatch_resolve_check(message_id, was_sent=was_sent, by=user)


def find_alert(alert_id: int) -> UrgentAlert | None:
    return db.session.get(UrgentAlert, alert_id)


# --- The SMS simulator's phone (feedback.views.simulator) -----------------------


def known_numbers() -> list[str]:
    """Every contact's number, for a tester to pick one."""
    return list(db.session.scalars(sa.select(Contact.phone).distinct().order_by(Contact.phone)))


def texts_to_and_from(phone: str) -> list[SmsMessage]:
    """Every text sent to and from ``phone``, oldest first: what its screen would show."""
    return list(
        db.session.scalars(
            sa.select(SmsMessage)
            .where(SmsMessage.phone == phone)
            .order_by(SmsMessage.created_at, SmsMessage.id)
        )
    )


def simulate_reply(phone: str, body: str) -> SmsMessage:
    """A text from ``phone`` through the very path a Twilio webhook takes: store, then handle."""
    message, _new = store_inbound("SMsim" + secrets.token_hex(16), phone, body)
    handle(message.id)
    return message
