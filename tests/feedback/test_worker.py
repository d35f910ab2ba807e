"""``flask --app wsgi worker --once``: every SMS job in one round."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from feedback.inbound import store_inbound
from feedback.models import SmsMessage
from feedback.outbox import queue
from feedback.vocabulary import INBOUND_GRACE, MessageKind, SendStatus
from rhi.database import utcnow
from rhi.extensions import db
from rhi.themes.models import TaggedText
from tests.feedback_factories import fresh_mobile


def test_one_round_sends_handles_and_tags(app, app_ctx, monkeypatch):
    # Daytime always, so the round sends whatever the clock says now.
    monkeypatch.setitem(app.config, "SMS_QUIET_HOURS", (utcnow().time(), utcnow().time()))
    waiting = queue(fresh_mobile(), "Hello from Homeward", MessageKind.MANUAL)
    db.session.commit()
    left, _new = store_inbound(
        "SM" + "9" * 32, fresh_mobile(), "STOP", now=utcnow() - INBOUND_GRACE - timedelta(seconds=1)
    )
    waiting_id, left_id = waiting.id, left.id
    result = app.test_cli_runner().invoke(args=["worker", "--once"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    assert db.session.get(SmsMessage, waiting_id).status == SendStatus.DELIVERED  # console
    received = db.session.get(SmsMessage, left_id)
    assert received.handled_at is not None
    tagged = db.session.scalar(
        sa.select(TaggedText).where(TaggedText.source == "sms", TaggedText.source_id == left_id)
    )
    assert tagged is not None and tagged.urgent is False and tagged.model_version
    replies = db.session.scalars(
        sa.select(SmsMessage).where(SmsMessage.kind == MessageKind.KEYWORD_REPLY)
    ).all()
    assert len(replies) == 1 and replies[0].status == SendStatus.DELIVERED
