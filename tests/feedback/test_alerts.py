"""Urgent texts: raised through the simulator, listed for every duty worker, acknowledged once."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from feedback.models import DutyContact, SmsMessage, UrgentAlert
from feedback.vocabulary import MessageKind, SendStatus
from rhi.auth.roles import Role
from rhi.extensions import db
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.feedback_factories import create_contact
from tests.pages import banner_text, error_messages, normalise
from tests.workflow_factories import create_child

URGENT = "hes outside my house again please help"


@pytest.fixture
def worker():
    return create_user(Role.RHI_WORKER, full_name="Dana Okafor", team=create_team("Duty team"))


@pytest.fixture
def contact(worker):
    # The child is in another team: duty workers still see every urgent text.
    child = create_child(team=create_team("Far team"), given_name="Skye", family_name="Marlow")
    return create_contact(child, worker, name="Skye")


def text_in(client_request, phone: str, body: str) -> None:
    client_request.post_response(f"/sms-simulator/{phone}", {"body": body})


def open_alerts() -> list[UrgentAlert]:
    db.session.expire_all()
    return list(
        db.session.scalars(sa.select(UrgentAlert).where(UrgentAlert.acknowledged_at.is_(None)))
    )


def test_an_urgent_text_is_listed_bannered_answered_and_acknowledged(
    client_request, worker, contact
):
    sign_in(client_request, worker)
    text_in(client_request, contact.phone, URGENT)

    [alert] = open_alerts()
    safe = db.session.scalars(
        sa.select(SmsMessage).where(SmsMessage.kind == MessageKind.SAFE_REPLY)
    ).one()
    assert safe.phone == contact.phone
    assert safe.status == SendStatus.PENDING

    page = client_request.get("/urgent")
    assert "1 urgent text needs a person now" in banner_text(page)
    card = normalise(page.select_one(".app-open-alert").get_text())
    assert URGENT in card
    assert "Skye Marlow" in card
    assert "07700 9" in card
    assert "Open for" in card
    link = page.select_one(f".app-open-alert a[href='/messages/{alert.conversation_id}']")
    assert link is not None
    # The banner is on every page, not only this one.
    assert "1 urgent text needs a person now" in banner_text(client_request.get("/"))

    client_request.post_response(
        f"/urgent/{alert.id}", {"action_taken": "Rang Skye back and told the police"}
    )

    assert open_alerts() == []
    db.session.refresh(alert)
    assert alert.acknowledged_by_id == worker.id
    assert alert.acknowledged_at is not None
    page = client_request.get("/urgent")
    assert page.select_one(".app-no-open-alerts") is not None
    assert "urgent text" not in banner_text(page)
    row = normalise(page.select_one(".app-acknowledged-alerts tbody tr").get_text())
    assert "Dana Okafor" in row
    assert "Rang Skye back and told the police" in row


def test_acknowledging_twice_is_refused(client_request, worker, contact):
    sign_in(client_request, worker)
    text_in(client_request, contact.phone, URGENT)
    [alert] = open_alerts()
    client_request.post_response(f"/urgent/{alert.id}", {"action_taken": "Called her"})

    response = client_request.post_response(
        f"/urgent/{alert.id}", {"action_taken": "Called her too"}
    )
    assert response.headers["Location"] == f"/urgent/{alert.id}"
    page = client_request.get(f"/urgent/{alert.id}")
    assert "Someone has already acknowledged this alert" in banner_text(page)
    assert page.find("textarea") is None
    db.session.refresh(alert)
    assert alert.action_taken == "Called her"


def test_acknowledging_needs_what_was_done(client_request, worker, contact):
    sign_in(client_request, worker)
    text_in(client_request, contact.phone, URGENT)
    [alert] = open_alerts()
    page = client_request.post(f"/urgent/{alert.id}", {"action_taken": "  "}, expected_status=422)
    assert error_messages(page) == ["Say what you have done or will do"]
    assert len(open_alerts()) == 1


def test_an_unknown_alert_is_not_found(client_request, worker):
    sign_in(client_request, worker)
    client_request.get("/urgent/999999", expected_status=404)


def test_setting_the_duty_contact(client_request, worker):
    sign_in(client_request, worker)
    page = client_request.post("/urgent/duty", {"name": "Duty desk", "phone": "0770"}, 422)
    assert error_messages(page) == ["Enter a real mobile phone number, like 07700 900123"]

    client_request.post_response("/urgent/duty", {"name": "Duty desk", "phone": "07700 900555"})

    duty = db.session.scalars(sa.select(DutyContact)).one()
    assert (duty.name, duty.phone, duty.set_by_id) == ("Duty desk", "+447700900555", worker.id)
    page = client_request.get("/urgent")
    assert "Duty desk on 07700 900555" in normalise(page.get_text())


def test_the_duty_contact_is_texted_about_an_urgent_text(client_request, worker, contact):
    sign_in(client_request, worker)
    client_request.post_response("/urgent/duty", {"name": "Duty desk", "phone": "07700 900556"})
    text_in(client_request, contact.phone, URGENT)
    duty_text = db.session.scalars(
        sa.select(SmsMessage).where(SmsMessage.kind == MessageKind.DUTY_ALERT)
    ).one()
    assert duty_text.phone == "+447700900556"
    assert URGENT not in duty_text.body


def test_no_banner_for_staff_who_do_not_handle_alerts(client_request, worker, contact):
    officer = create_user(Role.PARTICIPATION_OFFICER)
    sign_in(client_request, worker)
    text_in(client_request, contact.phone, URGENT)
    client_request.post_response("/sign-out", {}, form_url="/")
    sign_in(client_request, officer)
    assert "urgent text" not in banner_text(client_request.get("/"))
    client_request.get("/urgent", expected_status=403)
