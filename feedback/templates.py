"""Survey templates an administrator writes: who gets them, when, and their questions.

Conversations in progress point at a question by its *position* in the
template, so while a template has surveys waiting for replies its questions
may not be deleted or reordered (adding one at the end and rewording are safe).
A question that has been answered is never deleted: its answers would go too.

Positions are unique per template; renumbering goes through negative
temporary positions so no two questions ever share one, on any database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

import sqlalchemy as sa
from flask_babel import gettext as _

from feedback import languages, messages
from feedback.models import (
    Conversation,
    SmsMessage,
    SurveyAnswer,
    SurveyQuestion,
    SurveyTemplate,
)
from feedback.seed import ensure_shipped_templates
from feedback.segments import Encoding, segments
from feedback.surveys import question_text, say
from feedback.vocabulary import Audience, ConversationStatus, QuestionKind, Trigger
from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.auth.models import User
from rhi.database import transactional
from rhi.domain import Conflict, RuleBroken
from rhi.extensions import db

OBJECT_TYPE = "survey_template"
NAME_MAX = 120
KEY_MAX = 40
TEXT_MAX = 600
MAX_DELAY_DAYS = 365
MAX_HOURS = 24 * 60
KEY_PATTERN = re.compile(r"^[A-Za-z0-9_]+$")


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"


@dataclass(frozen=True)
class TemplateDetails:
    name: str
    audience: Audience
    trigger: Trigger
    delay_days: int = 0
    reminder_after_hours: int | None = None
    expires_after_hours: int = 72
    active: bool = True
    # Per language code; a blank one uses the shipped wording from the catalogue.
    greeting: dict[str, str] = field(default_factory=dict)
    thanks: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class QuestionDetails:
    kind: QuestionKind
    key: str
    text: dict[str, str]
    choices: dict[str, list[str]] = field(default_factory=dict)
    asks_for_callback: bool = False


@dataclass(frozen=True)
class TemplateSummary:
    template: SurveyTemplate
    questions: int
    active_conversations: int


@dataclass(frozen=True)
class Length:
    """A message as it is texted, and what it costs to send."""

    body: str
    encoding: Encoding
    parts: int

    @property
    def characters(self) -> int:
        return len(self.body)

    @property
    def over_one(self) -> bool:
        return self.parts > 1


def length_of(body: str) -> Length:
    encoding, parts = segments(body)
    return Length(body=body, encoding=encoding, parts=parts)


# --- Reading -----------------------------------------------------------------


def list_templates() -> list[TemplateSummary]:
    questions = (
        sa.select(sa.func.count(SurveyQuestion.id))
        .where(SurveyQuestion.template_id == SurveyTemplate.id)
        .correlate(SurveyTemplate)
        .scalar_subquery()
    )
    active = (
        sa.select(sa.func.count(Conversation.id))
        .where(
            Conversation.template_id == SurveyTemplate.id,
            Conversation.status == ConversationStatus.ACTIVE,
        )
        .correlate(SurveyTemplate)
        .scalar_subquery()
    )
    rows = db.session.execute(
        sa.select(SurveyTemplate, questions, active).order_by(
            SurveyTemplate.trigger, SurveyTemplate.delay_days, SurveyTemplate.name
        )
    ).all()
    return [TemplateSummary(t, int(q or 0), int(a or 0)) for t, q, a in rows]


def find_template(template_id: int) -> SurveyTemplate | None:
    return db.session.get(SurveyTemplate, template_id)


def find_question(template: SurveyTemplate, question_id: int) -> SurveyQuestion | None:
    """The question, only if it belongs to ``template``."""
    return next((q for q in template.questions if q.id == question_id), None)


def active_conversations(template: SurveyTemplate) -> int:
    """How many surveys using ``template`` are waiting for replies."""
    return (
        db.session.scalar(
            sa.select(sa.func.count(Conversation.id)).where(
                Conversation.template_id == template.id,
                Conversation.status == ConversationStatus.ACTIVE,
            )
        )
        or 0
    )


def greeting_length(template: SurveyTemplate, language: str) -> Length:
    """The first text as sent: the greeting, then the first question."""
    greeting = languages.wording(template.greeting, language) or say(messages.GREETING, language)
    if template.questions:
        return length_of(f"{greeting}\n\n{question_text(template.questions[0], language)}")
    return length_of(greeting)


def thanks_length(template: SurveyTemplate, language: str) -> Length:
    return length_of(languages.wording(template.thanks, language) or say(messages.THANKS, language))


def question_length(question: SurveyQuestion, language: str) -> Length:
    return length_of(question_text(question, language))


# --- Templates -----------------------------------------------------------------


def _texts(texts: dict[str, str], what: str) -> dict[str, str]:
    kept = {}
    for code in languages.available():
        text = (texts.get(code) or "").strip()
        if len(text) > TEXT_MAX:
            raise RuleBroken(_("Enter %(max)s characters or fewer", max=TEXT_MAX), f"{what}_{code}")
        if text:
            kept[code] = text
    return kept


def _check_template(details: TemplateDetails, template: SurveyTemplate | None) -> str:
    name = " ".join(details.name.split())
    if not name:
        raise RuleBroken(_("Enter a name for the survey"), "name")
    if len(name) > NAME_MAX:
        raise RuleBroken(_("Name must be %(max)s characters or fewer", max=NAME_MAX), "name")
    taken = db.session.scalar(
        sa.select(SurveyTemplate.id).where(
            sa.func.lower(SurveyTemplate.name) == name.lower(),
            SurveyTemplate.id != (template.id if template is not None else -1),
        )
    )
    if taken is not None:
        raise RuleBroken(_("There is already a survey with this name"), "name")
    if not 0 <= details.delay_days <= MAX_DELAY_DAYS:
        raise RuleBroken(
            _("Enter a number of days from 0 to %(max)s", max=MAX_DELAY_DAYS), "delay_days"
        )
    if not 1 <= details.expires_after_hours <= MAX_HOURS:
        raise RuleBroken(
            _("Enter a number of hours from 1 to %(max)s", max=MAX_HOURS), "expires_after_hours"
        )
    reminder = details.reminder_after_hours
    if reminder is not None and not 1 <= reminder < details.expires_after_hours:
        raise RuleBroken(
            _("The reminder must come at least 1 hour in, and before the survey expires"),
            "reminder_after_hours",
        )
    return name


@transactional
def save_template(
    details: TemplateDetails, *, by: User, template: SurveyTemplate | None = None
) -> SurveyTemplate:
    """Add a template, or change ``template``."""
    name = _check_template(details, template)
    greeting = _texts(details.greeting, "greeting")
    thanks = _texts(details.thanks, "thanks")
    created = template is None
    if template is None:
        template = SurveyTemplate()
        db.session.add(template)
    template.name = name
    template.audience = details.audience
    template.trigger = details.trigger
    template.delay_days = details.delay_days
    template.reminder_after_hours = details.reminder_after_hours
    template.expires_after_hours = details.expires_after_hours
    template.active = details.active
    template.greeting = greeting
    template.thanks = thanks
    db.session.flush()
    _audit(template, "template_added" if created else "template_changed", by)
    return template


@transactional
def add_shipped_templates(*, by: User) -> int:
    """Add the surveys Homeward ships with (those missing by name)."""
    added = ensure_shipped_templates()
    if added:
        record(
            AuditAction.SURVEY_TEMPLATE_SAVED,
            object_type=OBJECT_TYPE,
            detail={"change": "shipped_added", "added": added},
            actor=by,
        )
    return added


def _audit(template: SurveyTemplate, change: str, by: User, **detail: object) -> None:
    record(
        AuditAction.SURVEY_TEMPLATE_SAVED,
        object_type=OBJECT_TYPE,
        object_id=template.id,
        detail={"change": change, **detail},
        actor=by,
    )


# --- Questions -----------------------------------------------------------------


def _lines(values: list[str]) -> list[str]:
    return [line.strip() for line in values if line.strip()]


def _check_question(
    template: SurveyTemplate, details: QuestionDetails, question: SurveyQuestion | None
) -> tuple[str, dict[str, str], dict[str, list[str]]]:
    key = details.key.strip()
    if not key:
        raise RuleBroken(_("Enter a short name for reports"), "key")
    if len(key) > KEY_MAX or not KEY_PATTERN.match(key):
        raise RuleBroken(
            _(
                "The short name can only use letters, numbers and underscores, "
                "up to %(max)s characters",
                max=KEY_MAX,
            ),
            "key",
        )
    for other in template.questions:
        if other is not question and other.key.lower() == key.lower():
            raise RuleBroken(_("Another question in this survey has this short name"), "key")
    texts = _texts(details.text, "text")
    if not texts.get(languages.DEFAULT_LANGUAGE):
        raise RuleBroken(_("Enter the question in English"), f"text_{languages.DEFAULT_LANGUAGE}")
    choices: dict[str, list[str]] = {}
    if details.kind is QuestionKind.CHOICE:
        english = _lines(details.choices.get(languages.DEFAULT_LANGUAGE, []))
        if len(english) < 2:
            raise RuleBroken(
                _("Enter at least 2 choices in English, one on each line"),
                f"choices_{languages.DEFAULT_LANGUAGE}",
            )
        choices[languages.DEFAULT_LANGUAGE] = english
        for code in languages.available():
            if code == languages.DEFAULT_LANGUAGE:
                continue
            own = _lines(details.choices.get(code, []))
            if own and len(own) != len(english):
                raise RuleBroken(
                    _(
                        "Enter %(count)s choices, one on each line, in the same order as the "
                        "English, or leave this blank to use the English choices translated",
                        count=len(english),
                    ),
                    f"choices_{code}",
                )
            if own:
                choices[code] = own
    if details.asks_for_callback and details.kind is not QuestionKind.YES_NO:
        raise RuleBroken(
            _("Only a yes or no question can ask whether they want a call back"),
            "asks_for_callback",
        )
    return key, texts, choices


@transactional
def save_question(
    template: SurveyTemplate,
    details: QuestionDetails,
    *,
    by: User,
    question: SurveyQuestion | None = None,
) -> SurveyQuestion:
    """Add a question at the end of ``template``, or change ``question``."""
    key, texts, choices = _check_question(template, details, question)
    created = question is None
    if question is None:
        last = max((q.position for q in template.questions), default=0)
        question = SurveyQuestion(position=last + 1)
        template.questions.append(question)
    question.kind = details.kind
    question.key = key
    question.text = texts
    question.choices = choices
    question.asks_for_callback = details.asks_for_callback
    db.session.flush()
    _audit(
        template,
        "question_added" if created else "question_changed",
        by,
        question_id=question.id,
    )
    return question


def _refuse_while_active(template: SurveyTemplate, message: str) -> None:
    if active_conversations(template):
        raise Conflict(message)


def _renumber(questions: list[SurveyQuestion]) -> None:
    """Give ``questions`` positions 1, 2, 3... in this order, never two at once."""
    for index, question in enumerate(questions, 1):
        question.position = -index
    db.session.flush()
    for index, question in enumerate(questions, 1):
        question.position = index
    db.session.flush()


@transactional
def delete_question(template: SurveyTemplate, question: SurveyQuestion, *, by: User) -> None:
    _refuse_while_active(
        template,
        _(
            "Surveys using this template are waiting for replies: you cannot delete a "
            "question until they finish"
        ),
    )
    answered = db.session.scalar(
        sa.select(SurveyAnswer.id).where(SurveyAnswer.question_id == question.id).limit(1)
    ) or db.session.scalar(
        sa.select(SmsMessage.id).where(SmsMessage.question_id == question.id).limit(1)
    )
    if answered is not None:
        raise Conflict(
            _(
                "This question has already been sent, so it cannot be deleted: its answers "
                "would be lost. You can change its wording, or stop using the template and "
                "write a new one."
            )
        )
    question_id = question.id
    remaining = [q for q in template.questions if q is not question]
    template.questions.remove(question)
    db.session.flush()
    _renumber(remaining)
    _audit(template, "question_deleted", by, question_id=question_id)


@transactional
def move_question(
    template: SurveyTemplate, question: SurveyQuestion, direction: Direction, *, by: User
) -> None:
    _refuse_while_active(
        template,
        _(
            "Surveys using this template are waiting for replies: you cannot change the "
            "order of the questions until they finish"
        ),
    )
    ordered = list(template.questions)
    index = ordered.index(question)
    other = index - 1 if direction is Direction.UP else index + 1
    if not 0 <= other < len(ordered):
        return  # already first or last: nothing to do
    ordered[index], ordered[other] = ordered[other], ordered[index]
    _renumber(ordered)
    _audit(template, "question_moved", by, question_id=question.id, direction=str(direction))
