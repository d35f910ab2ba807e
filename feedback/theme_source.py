"""Received texts as a source for theme tagging and review (see rhi.themes.sources)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from feedback.alerts import raise_second_opinion
from feedback.models import Conversation, SmsMessage
from feedback.vocabulary import Direction
from rhi.extensions import db
from rhi.themes.models import TaggedText
from rhi.themes.sources import Source, SourceText, register
from rhi.themes.vocabulary import TextSource


def _text(message: SmsMessage) -> SourceText:
    conversation = message.conversation
    private: list[str] = [message.phone]
    child_id = district_id = None
    if conversation is not None:
        child_id = conversation.child_id
        if conversation.contact is not None:
            private.append(conversation.contact.name)
        if conversation.child is not None:
            private += [conversation.child.given_name, conversation.child.family_name]
            district_id = conversation.child.district_id
    return SourceText(
        source=TextSource.SMS,
        source_id=message.id,
        text=message.body,
        written_at=message.created_at,
        child_id=child_id,
        district_id=district_id,
        private=tuple(private),
    )


def _received() -> sa.Select[Any]:
    return (
        sa.select(SmsMessage)
        .where(SmsMessage.direction == Direction.INBOUND)
        .options(
            selectinload(SmsMessage.conversation).selectinload(Conversation.contact),
            selectinload(SmsMessage.conversation).selectinload(Conversation.child),
        )
    )


def _pending(limit: int) -> list[SourceText]:
    tagged = sa.select(TaggedText.id).where(
        TaggedText.source == TextSource.SMS, TaggedText.source_id == SmsMessage.id
    )
    # Only once handled: by then the text knows its conversation (and child).
    messages = db.session.scalars(
        _received()
        .where(SmsMessage.handled_at.is_not(None), ~tagged.exists())
        .order_by(SmsMessage.id)
        .limit(limit)
    ).all()
    return [_text(message) for message in messages]


def _fetch(ids: list[int]) -> dict[int, SourceText]:
    messages = db.session.scalars(_received().where(SmsMessage.id.in_(ids))).all()
    return {message.id: _text(message) for message in messages}


def _rhi_links() -> sa.Select[Any]:
    """A received text belongs to its conversation; a survey conversation names its RHI."""
    columns: list[Any] = [SmsMessage.id.label("source_id"), Conversation.rhi_id.label("rhi_id")]
    return (
        sa.select(*columns)
        .join(Conversation, Conversation.id == SmsMessage.conversation_id)
        .where(Conversation.rhi_id.is_not(None))
    )


def register_source() -> None:
    from rhi.insights.reasons import RHI_LINKS

    register(Source(TextSource.SMS, _pending, _fetch, on_urgent=raise_second_opinion))
    RHI_LINKS[TextSource.SMS] = _rhi_links
