"""No personal data in the logs: a canary name, number and text go through every
path (API, webhook, urgent alert, sending, tagging, a failing page and a failing
webhook), and the captured logs are searched for them."""

from __future__ import annotations

import logging

import pytest

from feedback.dispatch import dispatch, transport_for
from feedback.worker import run_once
from rhi.auth.models import User
from rhi.auth.roles import Role
from rhi.extensions import db
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.fake_twilio import signed_callback
from tests.feedback_factories import create_contact
from tests.rhi.test_api import bearer, child_body, make_key
from tests.workflow_factories import create_child, ensure_districts

CANARY_NAME = "Zephyrine"
CANARY_FAMILY = "Quillfeather"
CANARY_PHONE = "+447700900777"
CANARY_DIGITS = "900777"
CANARY_TEXT = "canary-body-7f3a hes outside my house again please help"
INBOUND = "http://localhost/sms/inbound"
TOKEN = "test-twilio-auth-token"  # tests/conftest.py
CANARIES = (CANARY_NAME, CANARY_FAMILY, CANARY_DIGITS, "canary-body-7f3a")


def assert_clean(caplog: pytest.LogCaptureFixture) -> None:
    text = caplog.text + "\n".join(str(record.args) for record in caplog.records)
    found = [canary for canary in CANARIES if canary.lower() in text.lower()]
    assert found == [], f"personal data in the logs: {found}"
    assert caplog.records, "nothing was logged at all: the test did not look"


def test_a_canary_leaves_no_trace_in_the_logs(
    app, client, client_request, caplog, monkeypatch, no_quiet_hours
):
    caplog.set_level(logging.DEBUG)
    team = create_team()
    ensure_districts(team)
    worker = create_user(Role.RHI_WORKER, team=team)

    # The case system sends the child by API.
    body = child_body(given_name=CANARY_NAME, family_name=CANARY_FAMILY)
    answer = client.put("/api/v1/children/NC777777", json=body, headers=bearer(make_key()))
    assert answer.status_code == 201

    # Their number is recorded, they text in (urgent), replies and alerts are sent.
    child = create_child(team=team, given_name=CANARY_NAME, family_name=CANARY_FAMILY)
    create_contact(child, worker, phone=CANARY_PHONE, name=f"{CANARY_NAME}'s phone")
    form = {"MessageSid": "SM" + "7" * 32, "From": CANARY_PHONE, "Body": CANARY_TEXT}
    fields, headers = signed_callback(INBOUND, form, TOKEN)
    assert client.post("/sms/inbound", data=fields, headers=headers).status_code == 200
    dispatch(transport_for(app), worker="test", app=app)
    worker_id = worker.id
    run_once(transport_for(app))  # the worker: handling, tagging, sending

    # A webhook whose handling fails, quoting its input in the error.
    def failing(message_id: int) -> None:
        raise ValueError(f"could not handle {CANARY_TEXT} from {CANARY_PHONE}")

    monkeypatch.setattr("feedback.webhooks.handle", failing)
    form = {"MessageSid": "SM" + "8" * 32, "From": CANARY_PHONE, "Body": CANARY_TEXT}
    fields, headers = signed_callback(INBOUND, form, TOKEN)
    assert client.post("/sms/inbound", data=fields, headers=headers).status_code == 200

    # A page that fails, with the number in its address and in the error.
    def broken(phone: str) -> list[object]:
        raise RuntimeError(f"no texts for {phone} ({CANARY_NAME})")

    monkeypatch.setattr("feedback.inbox.texts_to_and_from", broken)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)  # a 500, as in production
    sign_in(client_request, db.session.get(User, worker_id))
    assert client.get(f"/sms-simulator/{CANARY_PHONE}").status_code == 500

    assert_clean(caplog)
