"""Themes, sentiment and urgency for received texts: the app's one door into ``nlp``.

Runs in the worker, never in a request (the model takes a second to load).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from feedback.models import SmsMessage
from feedback.vocabulary import Direction
from rhi.database import transactional, utcnow
from rhi.extensions import db


def analyse(texts: list[str]) -> list[dict[str, Any]]:
    """The tagger's output for each text, as nlp.md defines it."""
    from nlp.tagger import tag_many  # loaded on first use, in the worker

    return [result.to_dict() for result in tag_many(texts)]


@transactional
def tag_pending(limit: int = 100) -> int:
    """Tag received texts not tagged yet."""
    pending = db.session.scalars(
        sa.select(SmsMessage)
        .where(SmsMessage.direction == Direction.INBOUND, SmsMessage.tagged_at.is_(None))
        .order_by(SmsMessage.id)
        .limit(limit)
    ).all()
    if not pending:
        return 0
    moment = utcnow()
    for message, result in zip(pending, analyse([m.body for m in pending]), strict=True):
        message.analysis = {key: value for key, value in result.items() if key != "id"}
        message.tagged_at = moment
    return len(pending)
