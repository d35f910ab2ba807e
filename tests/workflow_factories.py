"""Factories for children, episodes and RHIs, built through the real services."""

from __future__ import annotations

import itertools
import re
from datetime import date, datetime, timedelta

import sqlalchemy as sa

from rhi.auth.models import Team, User
from rhi.children.models import Child
from rhi.children.services import save_child
from rhi.database import utcnow
from rhi.episodes.models import Episode
from rhi.episodes.services import record_episode, record_return
from rhi.extensions import db
from rhi.interviews.models import ReturnInterview
from rhi.meetings.models import MeetingTask
from rhi.reference.models import District
from rhi.reference.services import load_districts

_refs = itertools.count(1)


def ensure_districts(team: Team | None = None) -> None:
    """The seven districts, all covered by ``team`` when one is given."""
    load_districts()
    if team is not None:
        for district in db.session.scalars(sa.select(District)):
            district.team_id = team.id
        db.session.commit()


def create_child(
    *,
    legal_status: str = "home",
    district: str = "mansfield",
    team: Team | None = None,
    given_name: str = "Jordan",
    family_name: str = "Testperson",
    date_of_birth: date = date(2011, 5, 17),
    **extra: object,
) -> Child:
    ensure_districts(team)
    child, _created = save_child(
        f"T{next(_refs):06d}",
        {
            "given_name": given_name,
            "family_name": family_name,
            "date_of_birth": date_of_birth.isoformat(),
            "gender": "female",
            "district": district,
            "legal_status": legal_status,
            **extra,
        },
    )
    return child


def create_episode(
    child: Child,
    *,
    started_at: datetime | None = None,
    category: str = "M",
    risk_grade: str = "medium",
) -> Episode:
    return record_episode(
        child,
        started_at=started_at or utcnow() - timedelta(hours=30),
        category=category,
        risk_grade=risk_grade,
    )


def create_returned_episode(
    child: Child,
    *,
    started_at: datetime | None = None,
    missing_for: timedelta = timedelta(hours=6),
    found_location: str | None = None,
) -> tuple[Episode, ReturnInterview]:
    episode = create_episode(child, started_at=started_at)
    rhi = record_return(
        episode, returned_at=episode.started_at + missing_for, found_location=found_location
    )
    return episode, rhi


def url_values(team: Team, other: User) -> dict[str, int | str]:
    """Real objects in ``team`` for every kind of id a route can take.

    The child is in care, so pages only for children in care (Philomena) open too.
    """
    child = create_child(team=team, legal_status="lac")
    start = utcnow() - timedelta(days=20)
    for day in range(4):  # four episodes in 90 days: a meeting task is raised
        episode, rhi = create_returned_episode(child, started_at=start + timedelta(days=day * 4))
    task = db.session.scalars(sa.select(MeetingTask)).one()
    return {
        "user_id": other.id,
        "team_id": team.id,
        "case_ref": child.case_ref,
        "episode_id": episode.id,
        "rhi_id": rhi.id,
        "meeting_id": task.id,
        "name": "shipped",  # the tagger's model version
        **sms_url_values(child, other),
    }


def sms_url_values(child: Child, worker: User) -> dict[str, int | str]:
    """A contact who sent an urgent text, and a survey template in use."""
    from feedback import voice
    from feedback.inbound import handle, store_inbound
    from feedback.models import Conversation, SmsMessage, UrgentAlert
    from feedback.vocabulary import ConversationStatus
    from rhi.themes.models import ThemeSuggestion
    from rhi.themes.tagging import tag_pending
    from tests.feedback_factories import create_contact, fresh_mobile, shipped_templates

    contact = create_contact(child, worker)
    stored, _new = store_inbound("SM" + "0" * 32, contact.phone, "hes outside my house again")
    handle(stored.id)
    tagged, _new = store_inbound("SM" + "1" * 32, contact.phone, "went country with some olders")
    handle(tagged.id)
    tag_pending()
    # Words approved for sharing (from the text that is not urgent) and a "you said, we did".
    quote = voice.approve_quote(
        tagged.id,
        voice.QuoteDetails(text="went country", audience="child", theme=None, checked=True),
        by=worker,
    )
    change = voice.add_change(
        voice.ChangeDetails(
            you_said="Said",
            we_did="Did",
            changed_on=date(2026, 1, 1),
            responsible="RHI team",
            quote_ids=(quote.id,),
        ),
        by=worker,
    )
    suggestion = db.session.scalars(sa.select(ThemeSuggestion).order_by(ThemeSuggestion.id)).first()
    assert suggestion is not None
    message = db.session.get(SmsMessage, stored.id)
    assert message is not None
    alert = db.session.scalars(sa.select(UrgentAlert)).one()
    template = shipped_templates()["After an interview: young person"]
    # In use, so deleting or moving its questions is refused (409) rather than done.
    db.session.add(
        Conversation(
            phone=fresh_mobile(),
            template_id=template.id,
            status=ConversationStatus.ACTIVE,
            position=1,
        )
    )
    db.session.commit()
    return {
        "contact_id": contact.id,
        "template_id": template.id,
        "question_id": template.questions[0].id,
        "conversation_id": message.conversation_id or 0,
        "alert_id": alert.id,
        "message_id": message.id,
        "phone": contact.phone,
        "text_id": suggestion.text_id,
        "suggestion_id": suggestion.id,
        "reply_id": tagged.id,
        "quote_id": quote.id,
        "change_id": change.id,
    }


def url_with(rule: str, values: dict[str, int | str]) -> str:
    return re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), rule)
