"""Survey conversations: started by the RHI workflow, one question at a time.

A number has at most one survey waiting for replies; a second waits until the
first is finished. Replies are matched to that survey; an unclear answer gets
one polite re-ask, then is kept as it came and the survey moves on.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import sqlalchemy as sa

from feedback import messages
from feedback.contacts import why_not_texted
from feedback.languages import translate, wording
from feedback.models import (
    Contact,
    Conversation,
    SmsMessage,
    SurveyAnswer,
    SurveyQuestion,
    SurveyTemplate,
)
from feedback.outbox import queue
from feedback.vocabulary import (
    CHILDLINE,
    EMERGENCY,
    SERVICE_NAME,
    ConversationStatus,
    MessageKind,
    QuestionKind,
    Trigger,
)
from rhi.database import transactional, utcnow
from rhi.extensions import db
from rhi.interviews.models import ReturnInterview
from rhi.interviews.vocabulary import RhiStatus


def trigger_for(before: RhiStatus, to: RhiStatus) -> Trigger | None:
    """Which survey trigger an RHI status change fires (a resubmission fires none)."""
    if to is RhiStatus.COMPLETED and before is not RhiStatus.RETURNED_FOR_CHANGES:
        return Trigger.RHI_COMPLETED
    if to is RhiStatus.DECLINED:
        return Trigger.RHI_DECLINED
    return None


def on_rhi_status_changed(
    rhi: ReturnInterview, *, before: RhiStatus, to: RhiStatus, at: datetime, **_: object
) -> None:
    """Schedule the surveys this change triggers, in the RHI change's own transaction."""
    trigger = trigger_for(before, to)
    if trigger is not None:
        # No flush from here: the RHI service decides when its own change is
        # flushed (and turns a lost race into a clear message when it is).
        with db.session.no_autoflush:
            schedule_surveys(rhi, trigger, at)


def schedule_surveys(rhi: ReturnInterview, trigger: Trigger, at: datetime) -> list[Conversation]:
    templates = db.session.scalars(
        sa.select(SurveyTemplate)
        .where(SurveyTemplate.trigger == trigger, SurveyTemplate.active.is_(True))
        .order_by(SurveyTemplate.id)
    ).all()
    if not templates:
        return []
    contacts = db.session.scalars(
        sa.select(Contact).where(Contact.child_id == rhi.child_id).order_by(Contact.id)
    ).all()
    scheduled = []
    for template in templates:
        for contact in contacts:
            if contact.audience != template.audience or why_not_texted(contact) is not None:
                continue
            already = db.session.scalar(
                sa.select(Conversation.id).where(
                    Conversation.template_id == template.id,
                    Conversation.contact_id == contact.id,
                    Conversation.rhi_id == rhi.id,
                )
            )
            if already is not None:
                continue
            conversation = Conversation(
                phone=contact.phone,
                contact=contact,
                child_id=contact.child_id,
                template=template,
                rhi_id=rhi.id,
                audience=contact.audience,
                language=contact.language,
                status=ConversationStatus.SCHEDULED,
                start_at=at + timedelta(days=template.delay_days),
                last_message_at=at,
            )
            db.session.add(conversation)
            scheduled.append(conversation)
    for conversation in scheduled:
        if conversation.start_at <= at:
            start(conversation, at)
    return scheduled


def _busy(phone: str, besides: Conversation) -> bool:
    """Whether another survey is already waiting for this number's replies."""
    active = db.session.scalars(
        sa.select(Conversation).where(
            Conversation.phone == phone, Conversation.status == ConversationStatus.ACTIVE
        )
    ).all()
    unsaved = [
        other
        for other in db.session.new
        if isinstance(other, Conversation)
        and other.phone == phone
        and other.status == ConversationStatus.ACTIVE
    ]
    return any(other is not besides for other in [*active, *unsaved])


def question_text(question: SurveyQuestion, language: str) -> str:
    """The question as it is texted: the wording, then how to answer."""
    text = wording(question.text, language)
    kind = question.kind_enum
    if kind is QuestionKind.RATING:
        return f"{text} {say(messages.RATING_HINT, language)}"
    if kind is QuestionKind.YES_NO:
        return f"{text} {say(messages.YES_NO_HINT, language)}"
    if kind is QuestionKind.CHOICE:
        options = ", ".join(
            f"{number} {choice}" for number, choice in enumerate(choices_in(question, language), 1)
        )
        return f"{text} {say(messages.CHOICE_HINT, language)} {options}"
    return text


def choices_in(question: SurveyQuestion, language: str) -> list[str]:
    english = list((question.choices or {}).get("en") or [])
    own = list((question.choices or {}).get(language) or [])
    if len(own) == len(english) and own:
        return own
    return [translate(choice, language) for choice in english]


def say(message: str, language: str) -> str:
    """An automatic text (a message id from feedback.messages) in ``language``."""
    return translate(
        message,
        language,
        service=SERVICE_NAME,
        childline=CHILDLINE,
        emergency=EMERGENCY,
    )


def _question_at(conversation: Conversation, position: int | None) -> SurveyQuestion | None:
    if conversation.template is None or position is None:
        return None
    for question in conversation.template.questions:
        if question.position == position:
            return question
    return None


def _next_question(conversation: Conversation, after: int | None) -> SurveyQuestion | None:
    assert conversation.template is not None
    for question in conversation.template.questions:
        if after is None or question.position > after:
            return question
    return None


def start(conversation: Conversation, now: datetime) -> bool:
    """Send the greeting and the first question; False if it cannot start (yet)."""
    contact = conversation.contact
    if contact is None or conversation.template is None or why_not_texted(contact) is not None:
        conversation.status = ConversationStatus.CANCELLED
        conversation.finished_at = now
        return False
    if _busy(conversation.phone, conversation):
        return False  # another survey is waiting for this number's replies
    first = _next_question(conversation, None)
    if first is None:
        conversation.status = ConversationStatus.CANCELLED
        conversation.finished_at = now
        return False
    template = conversation.template
    language = conversation.language
    greeting = wording(template.greeting, language) or say(messages.GREETING, language)
    conversation.status = ConversationStatus.ACTIVE
    conversation.started_at = now
    conversation.expires_at = now + timedelta(hours=template.expires_after_hours)
    conversation.position = first.position
    conversation.reasked = False
    queue(
        conversation.phone,
        f"{greeting}\n\n{question_text(first, language)}",
        MessageKind.SURVEY,
        conversation=conversation,
        question_id=first.id,
        now=now,
    )
    return True


@transactional
def start_due(now: datetime | None = None) -> int:
    """Start scheduled surveys whose time has come. Returns how many started."""
    moment = now or utcnow()
    due = db.session.scalars(
        sa.select(Conversation)
        .where(
            Conversation.status == ConversationStatus.SCHEDULED,
            Conversation.start_at <= moment,
        )
        .order_by(Conversation.start_at, Conversation.id)
        .limit(200)
    ).all()
    return sum(1 for conversation in due if start(conversation, moment))


# --- Reading answers ---------------------------------------------------------

_WORD = re.compile(r"[^\w\s/]+", re.UNICODE)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def _normal(text: str) -> str:
    return " ".join(_WORD.sub(" ", text.lower()).split())


def parse_rating(text: str) -> int | None:
    """1-5 from "4", "4/5", "4 out of 5", "four", "4 it was ok"; None when unclear."""
    normal = _normal(text)
    normal = re.sub(r"\b(?:/\s*5|out of 5|outta 5)\b", " ", normal).replace("/5", " ")
    numbers = re.findall(r"\b\d+\b", normal)
    if len(numbers) == 1 and 1 <= int(numbers[0]) <= 5:
        return int(numbers[0])
    if not numbers:
        found = {_NUMBER_WORDS[word] for word in normal.split() if word in _NUMBER_WORDS}
        if len(found) == 1:
            return found.pop()
    return None


def _words(message: str, language: str) -> set[str]:
    listed = f"{say(message, 'en')},{say(message, language)}"
    return {_normal(word) for word in listed.split(",") if word.strip()}


def parse_yes_no(text: str, language: str) -> str | None:
    normal = _normal(text)
    if not normal:
        return None
    yes, no = _words(messages.YES_WORDS, language), _words(messages.NO_WORDS, language)
    first = normal.split()[0]
    if normal in no or first in no:
        return "no"
    if normal in yes or first in yes:
        return "yes"
    return None


def parse_choice(text: str, question: SurveyQuestion, language: str) -> str | None:
    """The English choice the reply picks, by its number or its words."""
    english = list((question.choices or {}).get("en") or [])
    normal = _normal(text)
    numbers = re.findall(r"\b\d+\b", normal)
    if len(numbers) == 1 and 1 <= int(numbers[0]) <= len(english):
        return english[int(numbers[0]) - 1]
    for index, choice in enumerate(choices_in(question, language)):
        if normal == _normal(choice) or (
            index < len(english) and normal == _normal(english[index])
        ):
            return english[index]
    return None


def _read(
    question: SurveyQuestion, text: str, language: str
) -> tuple[bool, int | None, str | None]:
    kind = question.kind_enum
    if kind is QuestionKind.RATING:
        rating = parse_rating(text)
        return rating is not None, rating, None
    if kind is QuestionKind.YES_NO:
        answer = parse_yes_no(text, language)
        return answer is not None, None, answer
    if kind is QuestionKind.CHOICE:
        choice = parse_choice(text, question, language)
        return choice is not None, None, choice
    return bool(text.strip()), None, None


def answer(conversation: Conversation, message: SmsMessage, now: datetime) -> None:
    """Take ``message`` as the reply to the waiting question, then ask the next one."""
    question = _question_at(conversation, conversation.position)
    if question is None:
        return
    language = conversation.language
    understood, rating, choice = _read(question, message.body, language)
    if not understood and not conversation.reasked:
        conversation.reasked = True
        queue(
            conversation.phone,
            f"{say(messages.REASK, language)} {question_text(question, language)}",
            MessageKind.REASK,
            conversation=conversation,
            question_id=question.id,
            now=now,
        )
        return
    db.session.add(
        SurveyAnswer(
            conversation=conversation,
            question_id=question.id,
            message_id=message.id,
            text=message.body,
            rating=rating,
            choice=choice,
            understood=understood,
            created_at=now,
        )
    )
    message.question_id = question.id
    if question.asks_for_callback and choice == "yes":
        conversation.callback_requested = True
    following = _next_question(conversation, question.position)
    conversation.reasked = False
    if following is None:
        conversation.status = ConversationStatus.COMPLETED
        conversation.position = None
        conversation.finished_at = now
        assert conversation.template is not None
        thanks = wording(conversation.template.thanks, language) or say(messages.THANKS, language)
        queue(conversation.phone, thanks, MessageKind.THANKS, conversation=conversation, now=now)
        return
    conversation.position = following.position
    queue(
        conversation.phone,
        question_text(following, language),
        MessageKind.SURVEY,
        conversation=conversation,
        question_id=following.id,
        now=now,
    )


@transactional
def remind_and_expire(now: datetime | None = None) -> tuple[int, int]:
    """Send one reminder where the template asks for it; close surveys past their expiry."""
    moment = now or utcnow()
    active = db.session.scalars(
        sa.select(Conversation)
        .where(Conversation.status == ConversationStatus.ACTIVE)
        .order_by(Conversation.id)
    ).all()
    reminded = expired = 0
    for conversation in active:
        template = conversation.template
        if conversation.expires_at is not None and conversation.expires_at <= moment:
            conversation.status = ConversationStatus.EXPIRED
            conversation.finished_at = moment
            expired += 1
            continue
        if template is None or template.reminder_after_hours is None or conversation.reminded_at:
            continue
        if conversation.last_message_at + timedelta(hours=template.reminder_after_hours) <= moment:
            conversation.reminded_at = moment
            queue(
                conversation.phone,
                say(messages.REMINDER, conversation.language),
                MessageKind.REMINDER,
                conversation=conversation,
                now=moment,
            )
            reminded += 1
    return reminded, expired
