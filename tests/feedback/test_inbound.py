"""Texts coming in: kept once, STOP/START/HELP, urgent texts, and texts from anyone."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask import current_app

from feedback.alerts import acknowledge, open_alerts, set_duty_contact
from feedback.inbound import handle, handle_pending, keyword, store_inbound
from feedback.models import NumberStatus, SmsMessage, UrgentAlert
from feedback.outbox import queue
from feedback.vocabulary import INBOUND_GRACE, ConversationStatus, MessageKind, SendStatus
from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.auth.roles import Role
from rhi.database import utcnow
from rhi.domain import Conflict
from rhi.extensions import db
from rhi.themes.tagging import tag_pending
from tests.factories import create_team, create_user
from tests.feedback.sms_helpers import complete, conversations, outbox, send_all, text_in
from tests.feedback_factories import create_contact, fresh_mobile, shipped_templates
from tests.workflow_factories import create_child, create_returned_episode


def received() -> list[SmsMessage]:
    return list(
        db.session.scalars(
            sa.select(SmsMessage).where(SmsMessage.direction == "in").order_by(SmsMessage.id)
        )
    )


@pytest.fixture
def contact(app_ctx):
    team = create_team()
    worker = create_user(Role.RHI_WORKER, team=team)
    child = create_child(team=team)
    shipped_templates()
    return create_contact(child, worker)


@pytest.fixture
def duty_phone(app_ctx) -> str:
    """The duty contact's number, set by a manager."""
    phone = fresh_mobile()
    set_duty_contact("Duty desk", phone, by=create_user(Role.TEAM_MANAGER))
    return phone


def test_the_same_message_sid_is_stored_once_and_handled_once(contact):
    first, new = store_inbound("SM" + "a" * 32, contact.phone, "hello")
    again, new_again = store_inbound("SM" + "a" * 32, contact.phone, "hello")
    assert (new, new_again) == (True, False) and first.id == again.id
    assert handle(first.id) is True
    assert handle(first.id) is False
    assert len(received()) == 1


def test_a_text_left_unhandled_is_handled_by_the_worker_after_the_grace(contact):
    message, _ = store_inbound("SM" + "b" * 32, contact.phone, "STOP")
    assert handle_pending(utcnow()) == 0  # the webhook may still be on it
    assert handle_pending(utcnow() + INBOUND_GRACE) == 1
    assert db.session.get(SmsMessage, message.id).handled_at is not None
    assert [m.kind for m in outbox(contact.phone)] == [MessageKind.KEYWORD_REPLY]


@pytest.mark.parametrize(
    ("body", "word"),
    [
        ("STOP", "stop"),
        ("stop", "stop"),
        (" Stop. ", "stop"),
        ("STOPALL", "stop"),
        ("unsubscribe", "stop"),
        ("Cancel", "stop"),
        ("END", "stop"),
        ("quit", "stop"),
        ("START", "start"),
        ("help", "help"),
        ("stop texting my son", None),
        ("please help me", None),
        ("the end", None),
    ],
)
def test_keywords_are_the_whole_text_in_any_case(body, word):
    assert keyword(body) == word


def test_stop_stops_everything_at_once_and_start_resumes(contact):
    phone = contact.phone
    _episode, rhi = create_returned_episode(contact.child)
    complete(rhi)  # a survey waiting to go
    waiting = outbox(phone)[0]
    text_in(phone, "Stop")
    db.session.refresh(waiting)
    assert waiting.status == SendStatus.CANCELLED
    assert all(c.status != ConversationStatus.ACTIVE for c in conversations(phone))
    reply = outbox(phone)[-1]
    assert reply.kind == MessageKind.KEYWORD_REPLY
    assert reply.body == "You will get no more texts from Homeward. Text START to start again."
    status = db.session.scalar(sa.select(NumberStatus).where(NumberStatus.phone == phone))
    assert status.opted_out is True
    text_in(phone, "START")
    db.session.refresh(status)
    assert status.opted_out is False
    assert outbox(phone)[-1].body.startswith("You will get texts from Homeward again.")
    actions = db.session.scalars(
        sa.select(AuditEvent.action)
        .where(AuditEvent.object_type == "sms_number")
        .order_by(AuditEvent.id)
    ).all()
    assert actions == [AuditAction.SMS_OPTED_OUT, AuditAction.SMS_OPTED_IN]


def test_help_says_who_is_texting_and_how_to_stop_in_the_contacts_language(app_ctx):
    team = create_team()
    worker = create_user(Role.RHI_WORKER, team=team)
    contact = create_contact(create_child(team=team), worker, language="ro")
    text_in(contact.phone, "HELP")
    reply = outbox(contact.phone)[-1].body
    assert reply.startswith("Aici este Homeward") and "STOP" in reply and "0800 1111" in reply


def test_a_bare_help_gets_the_keyword_reply_and_reaches_the_duty_worker(contact, duty_phone):
    message = text_in(contact.phone, "Help!")
    [alert] = open_alerts()
    assert alert.message_id == message.id and alert.reasons == ["help"]
    [reply] = outbox(contact.phone)
    assert reply.kind == MessageKind.KEYWORD_REPLY  # one text back, already giving 999
    assert "999" in reply.body and "STOP" in reply.body
    [to_duty] = outbox(duty_phone)
    assert to_duty.kind == MessageKind.DUTY_ALERT


def test_a_reply_only_the_trained_second_opinion_finds_urgent_reaches_duty_when_tagged(
    contact, duty_phone
):
    neglect = "they make me sleep in the shed and i havent eaten"
    message = text_in(contact.phone, neglect)
    assert open_alerts() == []  # the rules on arrival see no cue in it
    assert tag_pending() >= 1  # the worker's next round
    [alert] = open_alerts()
    assert alert.message_id == message.id and alert.reasons == ["model"]
    assert outbox(contact.phone)[-1].kind == MessageKind.SAFE_REPLY
    assert [m.kind for m in outbox(duty_phone)] == [MessageKind.DUTY_ALERT]
    assert tag_pending() == 0 and len(open_alerts()) == 1  # raised once


def test_an_urgent_text_raises_an_alert_replies_safely_and_texts_the_duty_contact(
    contact, duty_phone
):
    manager = create_user(Role.TEAM_MANAGER)
    message = text_in(contact.phone, "hes outside my house again please help")
    [alert] = open_alerts()
    assert alert.message_id == message.id and alert.child_id == contact.child_id
    assert alert.reasons  # what kind of cue, never the text
    safe = outbox(contact.phone)[-1]
    assert safe.kind == MessageKind.SAFE_REPLY
    assert "999" in safe.body and "0800 1111" in safe.body
    [to_duty] = outbox(duty_phone)
    assert to_duty.kind == MessageKind.DUTY_ALERT
    assert "outside" not in to_duty.body and contact.child.given_name not in to_duty.body
    raised = db.session.scalar(
        sa.select(AuditEvent).where(AuditEvent.action == AuditAction.URGENT_ALERT_RAISED)
    )
    assert raised is not None and "outside" not in str(raised.detail)

    acknowledge(alert.id, by=manager, action_taken="Rang her; police informed")
    assert open_alerts() == []
    done = db.session.get(UrgentAlert, alert.id)
    assert done.acknowledged_by_id == manager.id and done.acknowledged_at is not None
    with pytest.raises(Conflict):
        acknowledge(alert.id, by=manager, action_taken="again")


@pytest.mark.parametrize(
    "body",
    [
        "killing it at school now lol",
        "the interview was pointless",
        "my mum will kill me if im late",
    ],
)
def test_idioms_and_complaints_raise_no_alert(contact, body):
    text_in(contact.phone, body)
    assert open_alerts() == []
    assert outbox(contact.phone) == []


def test_an_urgent_answer_to_a_survey_question_is_both_an_answer_and_an_alert(contact):
    _episode, rhi = create_returned_episode(contact.child)
    complete(rhi)
    text_in(contact.phone, "1")
    text_in(contact.phone, "no")
    text_in(contact.phone, "ive taken loads of tablets")
    assert len(open_alerts()) == 1
    kinds = [m.kind for m in outbox(contact.phone)]
    assert MessageKind.SAFE_REPLY in kinds
    assert kinds[-1] == MessageKind.SURVEY  # the survey still moves on


def test_anyone_may_text_in_and_it_is_kept(app_ctx):
    stranger = fresh_mobile()
    text_in(stranger, "who is this? got a missed call")
    [thread] = conversations(stranger)
    assert thread.status == ConversationStatus.THREAD and thread.child_id is None
    assert [m.body for m in received()] == ["who is this? got a missed call"]
    assert outbox(stranger) == []


def test_control_characters_are_kept_visible_and_stored(app_ctx):
    text_in(fresh_mobile(), "a\x00b\x07c 🙂 " + "x" * 3000)
    [message] = received()
    assert message.body.startswith("a\ufffdb\ufffdc 🙂 ") and len(message.body) == 3008


def test_a_reply_written_to_a_stopped_number_is_cancelled_before_sending(contact):
    text_in(contact.phone, "STOP")
    queue(contact.phone, "Hello from your worker", MessageKind.MANUAL)
    db.session.commit()
    send_all(current_app)
    statuses = {m.kind: m.status for m in outbox(contact.phone)}
    assert statuses[MessageKind.MANUAL] == SendStatus.CANCELLED
    assert statuses[MessageKind.KEYWORD_REPLY] == SendStatus.DELIVERED  # the console transport
