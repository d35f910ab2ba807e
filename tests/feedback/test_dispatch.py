"""The outbox dispatcher, through the real twilio client, against a fake Twilio on loopback."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from feedback.dispatch import Pace, dispatch, resolve_check, transport_for
from feedback.models import SmsMessage
from feedback.outbox import opted_out, queue
from feedback.transport import TwilioTransport
from feedback.vocabulary import MAX_SEND_ATTEMPTS, SEND_LEASE, MessageKind, SendStatus
from rhi.auth.roles import Role
from rhi.extensions import db
from tests.factories import create_user
from tests.fake_twilio import SERVICE_NUMBER, FakeTwilio
from tests.feedback.sms_helpers import DAYTIME
from tests.feedback_factories import fresh_mobile

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def twilio(app, app_ctx, monkeypatch):
    """The app sending through the real twilio client to a fake Twilio."""
    with FakeTwilio() as fake:
        for key, value in {
            "TWILIO_ACCOUNT_SID": fake.account_sid,
            "TWILIO_AUTH_TOKEN": fake.auth_token,
            "TWILIO_FROM": SERVICE_NUMBER,
            "TWILIO_API_BASE_URL": fake.base_url,
            "SMS_SEND_TIMEOUT": 1.0,
            "PUBLIC_BASE_URL": "https://homeward.example.org",
        }.items():
            monkeypatch.setitem(app.config, key, value)
        yield fake


def send(app, now: datetime = DAYTIME, worker: str = "test"):  # type: ignore[no-untyped-def]
    report = dispatch(transport_for(app), worker=worker, now=now, app=app)
    db.session.expire_all()
    return report


def pending(body: str = "Hello", kind: MessageKind = MessageKind.MANUAL, phone: str | None = None):
    message = queue(phone or fresh_mobile(), body, kind)
    db.session.commit()
    return message


def test_the_real_client_is_used_when_twilio_is_configured(app, twilio):
    assert isinstance(transport_for(app), TwilioTransport)


def test_a_pending_text_is_sent_once_with_its_sid_and_callback(app, twilio):
    message = pending("Your survey, question 1")
    report = send(app)
    assert (report.claimed, report.accepted) == (1, 1)
    [request] = twilio.requests
    assert (request.to, request.from_, request.body) == (
        message.phone,
        SERVICE_NUMBER,
        "Your survey, question 1",
    )
    assert request.status_callback == "https://homeward.example.org/sms/status"
    db.session.refresh(message)
    assert message.status == SendStatus.QUEUED
    assert message.twilio_sid == request.sid and message.attempts == 1
    assert send(app).claimed == 0
    assert len(twilio.requests) == 1


def at_london(hour: int, minute: int = 0) -> datetime:
    day = DAYTIME.astimezone(LONDON).date()
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON).astimezone(UTC)


def test_quiet_hours_hold_surveys_until_morning_but_not_safety_texts(app, twilio):
    survey = pending("Question 1", MessageKind.SURVEY)
    safe = pending("If you are in danger call 999", MessageKind.SAFE_REPLY)
    send(app, now=at_london(22, 30))
    assert [r.body for r in twilio.requests] == [safe.body]
    send(app, now=at_london(7, 59) + timedelta(days=1))
    assert len(twilio.requests) == 1
    send(app, now=at_london(8, 0) + timedelta(days=1))
    assert [r.body for r in twilio.requests] == [safe.body, survey.body]


def test_a_429_is_retried_later_with_backoff(app, twilio):
    message = pending()
    twilio.fail_next(1, status=429)
    report = send(app)
    assert report.retried == 1
    db.session.refresh(message)
    assert message.status == SendStatus.PENDING and message.attempts == 1
    retry_at = message.next_attempt_at
    assert retry_at > DAYTIME
    assert send(app, now=retry_at - timedelta(seconds=1)).claimed == 0
    assert send(app, now=retry_at).accepted == 1
    db.session.refresh(message)
    assert message.status == SendStatus.QUEUED and message.attempts == 2
    assert len(twilio.accepted) == 1


def test_server_errors_are_retried_a_bounded_number_of_times(app, twilio):
    message = pending()
    twilio.fail_next(MAX_SEND_ATTEMPTS + 2, status=500)
    moment = DAYTIME
    for _ in range(MAX_SEND_ATTEMPTS):
        send(app, now=moment)
        moment += timedelta(hours=2)
    db.session.refresh(message)
    assert message.status == SendStatus.FAILED
    assert message.attempts == MAX_SEND_ATTEMPTS
    send(app, now=moment)
    assert len(twilio.requests) == MAX_SEND_ATTEMPTS


def test_21610_marks_the_number_opted_out_and_stops_what_waits(app, twilio):
    phone = fresh_mobile()
    first = pending("one", phone=phone)
    second = pending("two", phone=phone)
    twilio.answer_error_for(phone, code=21610)
    send(app)
    db.session.refresh(first)
    db.session.refresh(second)
    assert (first.status, first.error_code) == (SendStatus.FAILED, 21610)
    assert second.status == SendStatus.CANCELLED
    assert opted_out(phone)
    assert len(twilio.requests) == 1


def test_an_invalid_number_fails_without_a_retry(app, twilio):
    message = pending()
    twilio.answer_error_for(message.phone, code=21211)
    send(app)
    send(app, now=DAYTIME + timedelta(hours=3))
    db.session.refresh(message)
    assert (message.status, message.error_code) == (SendStatus.FAILED, 21211)
    assert len(twilio.requests) == 1


def test_a_timeout_is_never_resent_but_marked_for_a_person_to_check(app, twilio):
    message = pending()
    twilio.delay_next(2.0)  # longer than SMS_SEND_TIMEOUT
    report = send(app)
    assert report.unknown == 1
    db.session.refresh(message)
    assert message.status == SendStatus.CHECK
    send(app, now=DAYTIME + timedelta(hours=1))
    assert len(twilio.requests) == 1  # Twilio did create it: a resend would be a duplicate
    manager = create_user(Role.TEAM_MANAGER)
    resolve_check(message.id, was_sent=True, by=manager)
    db.session.refresh(message)
    assert message.status == SendStatus.SENT and message.checked_by_id == manager.id


def test_a_person_may_send_a_checked_text_again(app, twilio):
    message = pending()
    twilio.drop_next(1)  # the connection drops after Twilio took it
    send(app)
    resolve_check(message.id, was_sent=False, by=create_user(Role.TEAM_MANAGER))
    send(app, now=DAYTIME + timedelta(minutes=5))
    db.session.refresh(message)
    assert message.status == SendStatus.QUEUED
    assert len(twilio.requests) == 2


def test_a_claim_whose_worker_died_becomes_a_check_not_a_resend(app, twilio):
    message = pending()
    message.status = SendStatus.SENDING
    message.claimed_at = DAYTIME - SEND_LEASE - timedelta(seconds=1)
    message.claimed_by = "dead-worker:123"
    db.session.commit()
    report = send(app)
    assert report.stale == 1 and report.claimed == 0
    db.session.refresh(message)
    assert message.status == SendStatus.CHECK
    assert twilio.requests == []


def test_two_workers_at_once_send_each_text_exactly_once(app, twilio):
    bodies = [f"message {n}" for n in range(60)]
    for body in bodies:
        queue(fresh_mobile(), body, MessageKind.MANUAL)
    db.session.commit()
    errors: list[BaseException] = []

    def work(name: str) -> None:
        try:
            with app.app_context():
                transport = transport_for(app)
                for _ in range(10):
                    dispatch(transport, worker=name, now=DAYTIME, limit=5, app=app)
                db.session.remove()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(f"w{n}",)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    sent = Counter(request.body for request in twilio.requests)
    # SQLite lets one writer in at a time: a worker that lost the race tries again next round.
    assert all(count == 1 for count in sent.values()), sent.most_common(3)
    db.session.expire_all()
    statuses = Counter(db.session.scalars(sa.select(SmsMessage.status)))
    assert statuses[SendStatus.QUEUED] == len(sent)
    if not errors:
        assert sorted(sent) == sorted(bodies)


def test_the_rate_is_kept(app, twilio):
    for n in range(12):
        queue(fresh_mobile(), f"rate {n}", MessageKind.MANUAL)
    db.session.commit()
    dispatch(transport_for(app), worker="test", now=DAYTIME, pace=Pace(20.0), app=app)
    assert len(twilio.requests) == 12
    assert twilio.max_requests_in(0.5) <= 11  # 20 a second: at most 10 (+1 at the edge)
    times = twilio.request_times()
    assert times[-1] - times[0] >= 11 / 20 - 0.05


def test_twilio_delivery_receipts_reach_the_app_signed_and_in_order(app, twilio, live_server):
    app.config["PUBLIC_BASE_URL"] = live_server  # restored by the twilio fixture
    message = pending("Your survey")
    send(app)
    [request] = twilio.requests
    assert request.status_callback == f"{live_server}/sms/status"
    assert twilio.send_status_callback(request.sid, "sent") == 204
    assert twilio.send_status_callback(request.sid, "delivered") == 204
    assert twilio.send_status_callback(request.sid, "sent") == 204  # late: ignored
    assert twilio.send_status_callback(request.sid, "failed", auth_token="not-ours") == 403
    db.session.expire_all()
    assert db.session.get(SmsMessage, message.id).status == SendStatus.DELIVERED
