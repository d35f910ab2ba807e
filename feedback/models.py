"""Tables for the voice of the child: contacts, surveys, conversations, messages, alerts.

Every SMS, in or out, is one ``SmsMessage`` row. Outbound rows *are* the
outbox: they are written in the same transaction as whatever caused them and
the worker sends them (``feedback.dispatch``). Inbound rows are committed
before anything else happens to them (``feedback.inbound``).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.vocabulary import (
    Audience,
    ConversationStatus,
    Direction,
    MessageKind,
    QuestionKind,
    SendStatus,
)
from rhi.database import UTCDateTime, utcnow
from rhi.extensions import Base

if TYPE_CHECKING:
    from rhi.auth.models import User
    from rhi.children.models import Child


class Contact(Base):
    """A mobile number the service may text about a child: the young person's or a parent's."""

    __tablename__ = "sms_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"), index=True)
    audience: Mapped[str] = mapped_column(String(8))
    # Who this is, for staff: "Mum", "Foster carer", or the young person.
    name: Mapped[str] = mapped_column(String(80))
    phone: Mapped[str] = mapped_column(String(16), index=True)  # E.164
    language: Mapped[str] = mapped_column(String(8), default="en")
    consent: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_given_by: Mapped[str | None] = mapped_column(String(16))
    consent_method: Mapped[str | None] = mapped_column(String(16))
    consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # For a young person under 16 consenting for themselves: the worker's
    # judgement that they understand what they agree to (competence).
    competence_note: Mapped[str | None] = mapped_column(Text)
    safe_to_text: Mapped[bool] = mapped_column(Boolean, default=False)
    safe_to_text_reason: Mapped[str | None] = mapped_column(Text)
    safe_to_text_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))

    child: Mapped[Child] = relationship()
    updated_by: Mapped[User | None] = relationship()

    __mapper_args__ = {"version_id_col": version}

    @property
    def audience_enum(self) -> Audience:
        return Audience(self.audience)


class NumberStatus(Base):
    """Whether a number has opted out. Opting out is per number, not per contact."""

    __tablename__ = "sms_number"

    id: Mapped[int] = mapped_column(primary_key=True)
    phone: Mapped[str] = mapped_column(String(16), unique=True)
    opted_out: Mapped[bool] = mapped_column(Boolean, default=False)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    source: Mapped[str] = mapped_column(String(16))  # OptOutSource


class SurveyTemplate(Base):
    """A survey an administrator wrote: who gets it, when, and its questions."""

    __tablename__ = "survey_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    audience: Mapped[str] = mapped_column(String(8))
    trigger: Mapped[str] = mapped_column(String(32))
    delay_days: Mapped[int] = mapped_column(Integer, default=0)
    # Texts keyed by language code: {"en": "...", "pl": "..."}. A language
    # without its own text falls back to the catalogue, then to English.
    greeting: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    thanks: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    reminder_after_hours: Mapped[int | None] = mapped_column(Integer)
    expires_after_hours: Mapped[int] = mapped_column(Integer, default=72)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    questions: Mapped[list[SurveyQuestion]] = relationship(
        back_populates="template", order_by="SurveyQuestion.position", cascade="all, delete-orphan"
    )


class SurveyQuestion(Base):
    __tablename__ = "survey_question"
    __table_args__ = (UniqueConstraint("template_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("survey_template.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    # A short stable name for reports, e.g. "helpful", "callback".
    key: Mapped[str] = mapped_column(String(40))
    text: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    # For choice questions: {"en": ["Yes", "No", "Not sure"], "pl": [...]}.
    choices: Mapped[dict[str, list[str]]] = mapped_column(JSON, default=dict)
    # A "yes" here means the person asked to be contacted by a worker.
    asks_for_callback: Mapped[bool] = mapped_column(Boolean, default=False)

    template: Mapped[SurveyTemplate] = relationship(back_populates="questions")

    @property
    def kind_enum(self) -> QuestionKind:
        return QuestionKind(self.kind)


class Conversation(Base):
    """One survey sent to one contact, or the running thread with a number outside surveys."""

    __tablename__ = "sms_conversation"

    id: Mapped[int] = mapped_column(primary_key=True)
    phone: Mapped[str] = mapped_column(String(16), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("sms_contact.id"), index=True)
    child_id: Mapped[int | None] = mapped_column(ForeignKey("child.id"), index=True)
    template_id: Mapped[int | None] = mapped_column(ForeignKey("survey_template.id"), index=True)
    # The interview whose completion (or decline) started this survey.
    rhi_id: Mapped[int | None] = mapped_column(ForeignKey("return_interview.id"), index=True)
    audience: Mapped[str | None] = mapped_column(String(8))
    language: Mapped[str] = mapped_column(String(8), default="en")
    status: Mapped[str] = mapped_column(String(16), index=True)
    # The question waiting for an answer (its position), and whether it was re-asked.
    position: Mapped[int | None] = mapped_column(Integer)
    reasked: Mapped[bool] = mapped_column(Boolean, default=False)
    start_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    callback_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    callback_done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    callback_done_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    last_message_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    contact: Mapped[Contact | None] = relationship()
    child: Mapped[Child | None] = relationship()
    template: Mapped[SurveyTemplate | None] = relationship()
    callback_done_by: Mapped[User | None] = relationship()
    messages: Mapped[list[SmsMessage]] = relationship(
        back_populates="conversation", order_by="SmsMessage.id"
    )
    answers: Mapped[list[SurveyAnswer]] = relationship(
        back_populates="conversation", order_by="SurveyAnswer.id"
    )

    @property
    def status_enum(self) -> ConversationStatus:
        return ConversationStatus(self.status)

    @property
    def callback_waiting(self) -> bool:
        """The person asked to be contacted and nobody has said they have been."""
        return self.callback_requested and self.callback_done_at is None


class SmsMessage(Base):
    """One text message, received or to be sent (the outbox)."""

    __tablename__ = "sms_message"
    __table_args__ = (
        # What the dispatcher looks for: pending messages that are due.
        Index("ix_sms_message_outbox", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("sms_conversation.id"), index=True
    )
    direction: Mapped[str] = mapped_column(String(4))
    kind: Mapped[str] = mapped_column(String(16))
    phone: Mapped[str] = mapped_column(String(16), index=True)  # the other party, E.164
    body: Mapped[str] = mapped_column(Text)
    question_id: Mapped[int | None] = mapped_column(ForeignKey("survey_question.id"))
    # Twilio's MessageSid: unique, so a webhook delivered twice is stored once.
    twilio_sid: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))

    # Outbound only.
    status: Mapped[str | None] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    status_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    error_code: Mapped[int | None] = mapped_column(Integer)
    checked_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))

    # Inbound only: when it was handled (keywords, answers, alerts); themes are in rhi.themes.
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)

    conversation: Mapped[Conversation | None] = relationship(back_populates="messages")
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])

    @property
    def inbound(self) -> bool:
        return self.direction == Direction.INBOUND

    @property
    def kind_enum(self) -> MessageKind:
        return MessageKind(self.kind)

    @property
    def status_enum(self) -> SendStatus | None:
        return SendStatus(self.status) if self.status else None


class StatusEvent(Base):
    """A delivery receipt from Twilio, kept as it came (it may arrive before we know the SID)."""

    __tablename__ = "sms_status_event"
    __table_args__ = (UniqueConstraint("twilio_sid", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    twilio_sid: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(16))
    error_code: Mapped[int | None] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    applied: Mapped[bool] = mapped_column(Boolean, default=False, index=True)


class SurveyAnswer(Base):
    __tablename__ = "survey_answer"
    __table_args__ = (UniqueConstraint("conversation_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("sms_conversation.id"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("survey_question.id"), index=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("sms_message.id"))
    text: Mapped[str] = mapped_column(Text)  # the reply, whole
    rating: Mapped[int | None] = mapped_column(Integer)
    choice: Mapped[str | None] = mapped_column(String(120))  # "yes"/"no" or the English choice
    understood: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    conversation: Mapped[Conversation] = relationship(back_populates="answers")
    question: Mapped[SurveyQuestion] = relationship()


class UrgentAlert(Base):
    """An urgent text waiting for a person. Open until someone acknowledges it."""

    __tablename__ = "urgent_alert"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("sms_message.id"), unique=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("sms_conversation.id"), index=True)
    child_id: Mapped[int | None] = mapped_column(ForeignKey("child.id"), index=True)
    # What made it urgent (the detector's cue categories), never the text itself.
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    action_taken: Mapped[str | None] = mapped_column(Text)

    message: Mapped[SmsMessage] = relationship()
    conversation: Mapped[Conversation] = relationship()
    child: Mapped[Child | None] = relationship()
    acknowledged_by: Mapped[User | None] = relationship()


class DutyContact(Base):
    """Who is on duty for urgent texts. The newest row is the one in force."""

    __tablename__ = "duty_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    phone: Mapped[str] = mapped_column(String(16))
    set_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))

    set_by: Mapped[User | None] = relationship()


__all__ = [
    "Contact",
    "Conversation",
    "DutyContact",
    "NumberStatus",
    "SmsMessage",
    "StatusEvent",
    "SurveyAnswer",
    "SurveyQuestion",
    "SurveyTemplate",
    "UrgentAlert",
]
