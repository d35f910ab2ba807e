"""Twilio's webhooks: signed or refused, stored once, never a 500."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from feedback.models import SmsMessage, StatusEvent
from feedback.outbox import queue
from feedback.vocabulary import MessageKind, SendStatus
from rhi.extensions import db
from tests.fake_twilio import signed_callback
from tests.feedback_factories import fresh_mobile

TOKEN = "test-twilio-auth-token"  # tests/conftest.py sets it on the app
INBOUND = "http://localhost/sms/inbound"
STATUS = "http://localhost/sms/status"


def inbound_form(**changes: str) -> dict[str, str]:
    form = {
        "MessageSid": "SM" + "1" * 32,
        "AccountSid": "AC" + "0" * 32,
        "From": "07700 900123",
        "To": "+447700900000",
        "Body": "hiya",
        "NumSegments": "1",
    }
    form.update(changes)
    return {name: value for name, value in form.items() if value is not None}


def post_signed(client, url: str, form: dict[str, str], *, signed_url: str | None = None):
    fields, headers = signed_callback(signed_url or url, form, TOKEN)
    return client.post(url.removeprefix("http://localhost"), data=fields, headers=headers)


def stored() -> list[SmsMessage]:
    return list(
        db.session.scalars(
            sa.select(SmsMessage).where(SmsMessage.direction == "in").order_by(SmsMessage.id)
        )
    )


def test_a_signed_text_is_stored_and_answered_with_twiml(client):
    response = post_signed(client, INBOUND, inbound_form())
    assert response.status_code == 200
    assert response.mimetype == "text/xml"
    assert response.get_data(as_text=True).endswith("<Response></Response>")
    [message] = stored()
    assert (message.phone, message.body) == ("+447700900123", "hiya")
    assert message.handled_at is not None


def test_the_same_webhook_twice_is_stored_once(client):
    assert post_signed(client, INBOUND, inbound_form(Body="STOP")).status_code == 200
    assert post_signed(client, INBOUND, inbound_form(Body="STOP")).status_code == 200
    assert len(stored()) == 1
    replies = db.session.scalars(sa.select(SmsMessage).where(SmsMessage.direction == "out")).all()
    assert len(replies) == 1  # one STOP confirmation, not two


@pytest.mark.parametrize(
    "headers",
    [{}, {"X-Twilio-Signature": ""}, {"X-Twilio-Signature": "bm90IGEgc2lnbmF0dXJl"}],
)
def test_a_missing_or_wrong_signature_is_403_and_nothing_is_stored(client, headers):
    response = client.post("/sms/inbound", data=inbound_form(), headers=headers)
    assert response.status_code == 403
    assert stored() == []


def test_a_signature_made_with_another_token_is_refused(client):
    fields, headers = signed_callback(INBOUND, inbound_form(), "someone-elses-token")
    assert client.post("/sms/inbound", data=fields, headers=headers).status_code == 403
    assert stored() == []


def test_a_changed_field_after_signing_is_refused(client):
    fields, headers = signed_callback(INBOUND, inbound_form(), TOKEN)
    fields["Body"] = "something else"
    assert client.post("/sms/inbound", data=fields, headers=headers).status_code == 403
    assert stored() == []


def test_extra_parameters_are_signed_too_and_accepted(client):
    form = inbound_form(FromCity="NOTTINGHAM", FromCountry="GB", SmsMessageSid="SM" + "1" * 32)
    assert post_signed(client, INBOUND, form).status_code == 200
    assert len(stored()) == 1


def test_behind_a_proxy_the_public_url_is_the_one_checked(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "PUBLIC_BASE_URL", "https://homeward.example.org")
    public = "https://homeward.example.org/sms/inbound"
    # Signed for the internal URL the app sees: refused.
    assert post_signed(client, INBOUND, inbound_form()).status_code == 403
    assert stored() == []
    # Signed for the public URL Twilio used: accepted.
    assert post_signed(client, INBOUND, inbound_form(), signed_url=public).status_code == 200
    assert len(stored()) == 1


def test_with_no_auth_token_configured_every_webhook_is_refused(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "TWILIO_AUTH_TOKEN", "")
    assert post_signed(client, INBOUND, inbound_form()).status_code == 403
    assert stored() == []


@pytest.mark.parametrize("missing", ["MessageSid", "From"])
def test_a_signed_request_with_missing_fields_is_400_with_a_reason(client, missing):
    response = post_signed(client, INBOUND, inbound_form(**{missing: ""}))
    assert response.status_code == 400
    assert missing in response.json["error"]["message"]
    assert stored() == []


def test_an_empty_body_is_a_text_too(client):
    assert post_signed(client, INBOUND, inbound_form(Body="")).status_code == 200
    assert [m.body for m in stored()] == [""]


def test_status_callbacks_move_forward_only(app_ctx, client):
    message = queue(fresh_mobile(), "hello", MessageKind.MANUAL)
    message.status = SendStatus.QUEUED
    message.twilio_sid = "SM" + "2" * 32
    db.session.commit()

    def callback(status: str, **extra: str) -> int:
        form = {"MessageSid": message.twilio_sid, "MessageStatus": status, **extra}
        return post_signed(client, STATUS, form).status_code

    assert callback("sent") == 204
    assert callback("delivered") == 204
    assert callback("sent") == 204  # late and out of order: ignored
    db.session.refresh(message)
    assert message.status == SendStatus.DELIVERED
    assert callback("delivered") == 204  # the same receipt twice: kept once
    events = db.session.scalars(sa.select(StatusEvent.status).order_by(StatusEvent.id)).all()
    assert events == ["sent", "delivered"]


def test_a_receipt_that_arrives_before_the_sid_is_recorded_is_applied_later(app_ctx, client):
    sid = "SM" + "3" * 32
    form = {"MessageSid": sid, "MessageStatus": "delivered"}
    assert post_signed(client, STATUS, form).status_code == 204
    message = queue(fresh_mobile(), "hello", MessageKind.MANUAL)
    message.status = SendStatus.QUEUED
    message.twilio_sid = sid
    db.session.commit()
    from feedback.inbound import apply_status_events

    assert apply_status_events() == 1
    db.session.refresh(message)
    assert message.status == SendStatus.DELIVERED


def test_an_unsubscribed_error_in_a_receipt_opts_the_number_out(app_ctx, client):
    phone = fresh_mobile()
    message = queue(phone, "hello", MessageKind.MANUAL)
    message.status = SendStatus.QUEUED
    message.twilio_sid = "SM" + "4" * 32
    db.session.commit()
    form = {"MessageSid": message.twilio_sid, "MessageStatus": "failed", "ErrorCode": "21610"}
    assert post_signed(client, STATUS, form).status_code == 204
    db.session.refresh(message)
    assert (message.status, message.error_code) == (SendStatus.FAILED, 21610)
    from feedback.outbox import opted_out

    assert opted_out(phone)


@pytest.mark.parametrize("missing", ["MessageSid", "MessageStatus"])
def test_a_receipt_missing_fields_is_400(client, missing):
    form = {"MessageSid": "SM" + "5" * 32, "MessageStatus": "sent", missing: ""}
    response = post_signed(client, STATUS, form)
    assert response.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count(StatusEvent.id))) == 0
