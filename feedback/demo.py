"""Invented SMS history for the demo: contacts, surveys and replies, an urgent text,
a few quotes approved for sharing and two published "you said, we did" entries.

Every number is in Ofcom's drama range (07700 900000-900999), so none can
reach a real phone; every reply is invented. Built through the real services
(the same paths as live texts), with the clock each step would have had.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import sqlalchemy as sa

from feedback import voice
from feedback.alerts import set_duty_contact
from feedback.contacts import ContactDetails, add_contact
from feedback.inbound import handle, store_inbound
from feedback.models import Contact, SmsMessage
from feedback.seed import ensure_shipped_templates
from feedback.surveys import remind_and_expire, schedule_surveys
from feedback.vocabulary import (
    Audience,
    ConsentGivenBy,
    ConsentMethod,
    Direction,
    SendStatus,
    Trigger,
)
from feedback.voice_models import ServiceChange, SharedQuote
from rhi.auth.models import User
from rhi.auth.roles import Role
from rhi.children.models import Child
from rhi.database import transactional, utcnow
from rhi.extensions import db
from rhi.insights.filters import uk_today
from rhi.interviews.models import ReturnInterview
from rhi.interviews.vocabulary import RhiStatus

SEED = 20261125
DUTY_PHONE = "+447700900001"
_FIRST_NUMBER = 900100  # 07700 900100 onwards for contacts

_RATINGS = ["5", "4", "4", "3", "5/5", "2", "4 it was ok", "five", "1", "3"]
_YES_NO = ["yes", "Yeah", "no", "yh", "nah", "Yes", "not really", "y"]
_WORDS = [
    "the worker actually listened for once",
    "it was ok but i dont see the point, nothing changes at home",
    "can you stop asking me the same questions every time",
    "she was nice, i liked that we went for food instead of sitting in the office",
    "i just want to move placement, ive said it loads",
    "thanks for checking on me",
    "my mum and me are still arguing but its a bit better",
    "i dont want police there next time",
    "why does everyone need to know where i was",
    "it helped talking about school",
]
_PARENT_WORDS = [
    "She seemed calmer after the visit, thank you.",
    "We still dont know where he goes at night. Worried sick.",
    "Can the worker phone me about the curfew, its not working.",
    "Fine thanks",
]
_URGENT = "hes outside my house again and wont go away please help"


COUNT_KEYS = ("text contacts", "surveys", "texts received", "shared quotes", "you said we did")

# Invented words approved for sharing: (a demo reply they come from, if it was sent,
# the shared copy, who said it, theme). The copies are shortened, as an officer would.
_QUOTES = (
    (
        "she was nice, i liked that we went for food instead of sitting in the office",
        "i liked that we went for food instead of sitting in the office",
        Audience.CHILD,
        None,
    ),
    (
        "Can the worker phone me about the curfew, its not working.",
        "Can the worker phone me about the curfew, its not working.",
        Audience.PARENT,
        "boundaries",
    ),
    (
        "i dont want police there next time",
        "i dont want police there next time",
        Audience.CHILD,
        None,
    ),
)
# Two published entries: (you said, we did, days ago, team, theme, quotes by index in _QUOTES).
_CHANGES = (
    (
        "Meeting in an office felt like being in trouble.",
        "You can now choose where we meet: a cafe, a walk, or somewhere else you feel okay.",
        75,
        "Return Home Interview team",
        None,
        (0,),
    ),
    (
        "Parents did not know who to call about curfews and house rules.",
        "After an interview, parents now get one number to call about rules at home, "
        "answered in the day by the family support team.",
        20,
        "Family support service",
        "boundaries",
        (1,),
    ),
)


def _number(index: int) -> str:
    return f"+447700{_FIRST_NUMBER + index:06d}"


def _demo_staff() -> User | None:
    return db.session.scalar(
        sa.select(User).where(User.role == Role.RHI_WORKER).order_by(User.id).limit(1)
    )


def _language(rng: random.Random) -> str:
    return rng.choices(["en", "pl", "ro", "ur"], weights=[82, 7, 6, 5])[0]


def _contacts_for(rng: random.Random, child: Child, index: int, by: User) -> int:
    """A young person's number for most children, a parent's for many. Returns numbers used."""
    used = 0
    language = _language(rng)
    if rng.random() < 0.85:
        safe = rng.random() < 0.9
        add_contact(
            child,
            ContactDetails(
                audience=Audience.CHILD,
                name=child.given_name,
                phone=_number(index + used),
                language=language,
                consent=rng.random() < 0.9,
                consent_given_by=ConsentGivenBy.YOUNG_PERSON,
                consent_method=rng.choice(list(ConsentMethod)),
                competence_note="Understood what we send, who reads it and how to stop it",
                safe_to_text=safe,
                safe_to_text_reason="Confirmed with the young person on their own"
                if safe
                else None,
            ),
            by=by,
        )
        used += 1
    if rng.random() < 0.6:
        add_contact(
            child,
            ContactDetails(
                audience=Audience.PARENT,
                name=rng.choice(["Mum", "Dad", "Nan", "Foster carer", "Stepmum"]),
                phone=_number(index + used),
                language=language,
                consent=True,
                consent_given_by=ConsentGivenBy.PARENT,
                consent_method=ConsentMethod.VERBAL,
                safe_to_text=True,
                safe_to_text_reason="Their own phone, confirmed at the home visit",
            ),
            by=by,
        )
        used += 1
    return used


def _reply(rng: random.Random, phone: str, body: str, at: datetime, serial: list[int]) -> None:
    serial[0] += 1
    message, _new = store_inbound(f"SMdemo{serial[0]:026d}", phone, body, now=at)
    handle(message.id, now=at)


def _answer_survey(
    rng: random.Random, contact: Contact, start: datetime, serial: list[int]
) -> None:
    """Reply to some or all of the questions, the way people do."""
    replies = [rng.choice(_RATINGS), rng.choice(_YES_NO)]
    words = _PARENT_WORDS if contact.audience == Audience.PARENT else _WORDS
    replies.insert(1 if contact.audience == Audience.PARENT else 2, rng.choice(words))
    replies.append(rng.choice(["no", "yes please", "no thanks"]))
    stop_after = rng.choice([1, 2, 3, 4, 4, 4])
    at = start
    latest = utcnow() - timedelta(minutes=30)
    for body in replies[:stop_after]:
        at = min(at + timedelta(minutes=rng.randint(2, 240)), latest)
        _reply(rng, contact.phone, body, at, serial)


@transactional
def _mark_sent(before: datetime) -> None:
    """What the console transport would have done long ago: delivered."""
    for message in db.session.scalars(
        sa.select(SmsMessage).where(
            SmsMessage.direction == Direction.OUTBOUND,
            SmsMessage.status == SendStatus.PENDING,
            SmsMessage.created_at < before,
        )
    ):
        message.status = SendStatus.DELIVERED
        message.twilio_sid = f"SMdemoout{message.id:023d}"
        message.sent_at = message.created_at + timedelta(seconds=5)
        message.status_at = message.created_at + timedelta(seconds=20)
        message.attempts = 1


def load_sms_demo() -> dict[str, int]:
    """Add the demo SMS history once; return what was added."""
    if db.session.scalar(sa.select(Contact.id).limit(1)) is not None:
        return dict.fromkeys(COUNT_KEYS, 0)
    staff = _demo_staff()
    if staff is None:
        return dict.fromkeys(COUNT_KEYS, 0)
    rng = random.Random(SEED)  # noqa: S311 - invented demo data, not security
    ensure_shipped_templates()
    manager = db.session.scalar(sa.select(User).where(User.role == Role.TEAM_MANAGER).limit(1))
    set_duty_contact("Duty desk (demo)", DUTY_PHONE, by=manager or staff)
    now = utcnow()
    children = db.session.scalars(sa.select(Child).order_by(Child.id)).all()
    used = 0
    for child in children:
        if used > 800:
            break
        used += _contacts_for(rng, child, used, staff)
    recent = db.session.scalars(
        sa.select(ReturnInterview)
        .where(
            ReturnInterview.completed_at.is_not(None),
            ReturnInterview.completed_at > now - timedelta(days=45),
            ReturnInterview.status.in_([RhiStatus.COMPLETED, RhiStatus.SIGNED_OFF]),
        )
        .order_by(ReturnInterview.completed_at)
    ).all()
    serial = [0]
    surveys = 0
    for rhi in recent:
        assert rhi.completed_at is not None
        started = _schedule(rhi, rhi.completed_at)
        surveys += len(started)
        _mark_sent(now)
        for contact in started:
            if rng.random() < 0.6:
                _answer_survey(rng, contact, rhi.completed_at, serial)
                _mark_sent(now)
    remind_and_expire(now)
    _mark_sent(now - timedelta(minutes=1))
    young = db.session.scalars(
        sa.select(Contact).where(Contact.audience == Audience.CHILD).order_by(Contact.id)
    ).all()
    if young:
        _reply(rng, young[len(young) // 2].phone, _URGENT, now - timedelta(minutes=12), serial)
        _reply(rng, young[3].phone, "is my worker in today? need to ask something", now, serial)
    _reply(rng, "+447700900999", "who is this? got a text from this number", now, serial)
    _mark_sent(now - timedelta(minutes=5))
    quotes, changes = _load_voice_demo()
    return {
        "text contacts": used,
        "surveys": surveys,
        "texts received": serial[0],
        "shared quotes": quotes,
        "you said we did": changes,
    }


def _load_voice_demo() -> tuple[int, int]:
    """Approve the invented quotes and publish the two entries, through the real services."""
    if db.session.scalar(sa.select(ServiceChange.id).limit(1)) is not None:
        return 0, 0
    officer = (
        db.session.scalar(
            sa.select(User)
            .where(User.role == Role.PARTICIPATION_OFFICER)
            .order_by(User.id)
            .limit(1)
        )
        or _demo_staff()
    )
    if officer is None:
        return 0, 0
    quotes = []
    for body, words, audience, theme in _QUOTES:
        source = db.session.scalar(
            sa.select(SmsMessage)
            .where(SmsMessage.body == body, SmsMessage.direction == Direction.INBOUND)
            .order_by(SmsMessage.id)
            .limit(1)
        )
        if source is not None and not source.urgent:
            details = voice.QuoteDetails(text=words, audience=audience, theme=theme, checked=True)
            quotes.append(voice.approve_quote(source.id, details, by=officer))
        else:  # the demo's dice never sent it: an approved copy whose text is gone
            quote = SharedQuote(
                text=words,
                audience=audience,
                theme=theme,
                approved_at=utcnow(),
                approved_by=officer,
            )
            db.session.add(quote)
            quotes.append(quote)
    db.session.flush()
    today = uk_today()
    for you_said, we_did, days_ago, team, theme, chosen in _CHANGES:
        change = voice.add_change(
            voice.ChangeDetails(
                you_said=you_said,
                we_did=we_did,
                changed_on=today - timedelta(days=days_ago),
                responsible=team,
                theme=theme,
                quote_ids=tuple(quotes[index].id for index in chosen),
            ),
            by=officer,
        )
        voice.set_published(change.id, True, by=officer, expected_version=change.version)
    return len(quotes), len(_CHANGES)


@transactional
def _schedule(rhi: ReturnInterview, at: datetime) -> list[Contact]:
    conversations = schedule_surveys(rhi, Trigger.RHI_COMPLETED, at)
    return [c.contact for c in conversations if c.contact is not None and c.started_at]
