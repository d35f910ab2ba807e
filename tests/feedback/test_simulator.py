"""The SMS simulator: a tester plays a phone through the same inbound path as Twilio."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from feedback.models import Conversation, NumberStatus, SmsMessage
from feedback.seed import ensure_shipped_templates
from feedback.vocabulary import ConversationStatus, Direction, MessageKind, SendStatus
from rhi.auth.roles import Role
from rhi.extensions import db
from rhi.interviews.services import change_status
from rhi.interviews.vocabulary import RhiStatus
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.feedback_factories import create_contact
from tests.pages import banner_text, error_messages, normalise
from tests.workflow_factories import create_child, create_returned_episode

pytestmark = pytest.mark.usefixtures("no_quiet_hours")


@pytest.fixture
def team():
    return create_team("Ashfield RHI team")


@pytest.fixture
def worker(team):
    return create_user(Role.RHI_WORKER, full_name="Remi Castell", team=team)


def complete_an_interview(child) -> None:
    """Completing an RHI starts the survey (feedback.surveys.on_rhi_status_changed)."""
    ensure_shipped_templates()
    _episode, rhi = create_returned_episode(child)
    for step in (RhiStatus.OFFERED, RhiStatus.ACCEPTED, RhiStatus.SCHEDULED, RhiStatus.COMPLETED):
        change_status(rhi, step, by=None, note="a reason")


def texts(phone: str) -> list[SmsMessage]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(SmsMessage).where(SmsMessage.phone == phone).order_by(SmsMessage.id)
        )
    )


def test_choosing_a_phone_opens_its_screen(client_request, worker, team):
    contact = create_contact(create_child(team=team), worker)
    sign_in(client_request, worker)
    page = client_request.get("/sms-simulator")
    assert page.select_one(f"a[href='/sms-simulator/{contact.phone}']") is not None

    response = client_request.post_response("/sms-simulator", {"phone": "07700 900777"})
    assert response.headers["Location"] == "/sms-simulator/+447700900777"
    page = client_request.post("/sms-simulator", {"phone": "not a number"}, expected_status=422)
    assert error_messages(page) == ["Enter a mobile phone number, like 07700 900123"]
    client_request.get("/sms-simulator/12", expected_status=404)


def test_texts_appear_once_sent_and_a_reply_goes_the_twilio_way(client_request, worker, team):
    child = create_child(team=team)
    contact = create_contact(child, worker)
    complete_an_interview(child)
    sign_in(client_request, worker)
    url = f"/sms-simulator/{contact.phone}"

    [survey] = texts(contact.phone)
    assert survey.status == SendStatus.PENDING
    response = client_request.post_response(
        "/sms-simulator/send-now", {"phone": contact.phone}, form_url=url
    )
    assert response.headers["Location"] == url
    page = client_request.get(url)
    assert "1 text sent" in banner_text(page)
    [card] = page.select(".app-simulated-text--out")
    assert survey.body.split("\n")[0] in normalise(card.get_text())
    assert "Delivered" in normalise(card.get_text())

    client_request.post_response(url, {"body": "4"})

    (inbound,) = [m for m in texts(contact.phone) if m.direction == Direction.INBOUND]
    assert inbound.twilio_sid.startswith("SMsim") and len(inbound.twilio_sid) == 37
    assert inbound.handled_at is not None
    assert inbound.conversation_id == survey.conversation_id
    page = client_request.get(url)
    assert [
        normalise(c.select_one(".govuk-summary-list__value").get_text())
        for c in page.select(".app-simulated-text--in")
    ] == ["4"]


def test_stop_cancels_the_texts_waiting_to_go(client_request, worker, team):
    child = create_child(team=team)
    contact = create_contact(child, worker)
    complete_an_interview(child)
    sign_in(client_request, worker)

    client_request.post_response(f"/sms-simulator/{contact.phone}", {"body": "Stop"})

    survey, stop, reply = texts(contact.phone)
    assert survey.kind == MessageKind.SURVEY and survey.status == SendStatus.CANCELLED
    assert stop.direction == Direction.INBOUND
    assert reply.kind == MessageKind.KEYWORD_REPLY and reply.status == SendStatus.PENDING
    conversation = db.session.get(Conversation, survey.conversation_id)
    assert conversation.status == ConversationStatus.CANCELLED
    assert db.session.scalars(sa.select(NumberStatus)).one().opted_out


def test_an_empty_reply_is_refused(client_request, worker):
    sign_in(client_request, worker)
    page = client_request.post("/sms-simulator/+447700900778", {"body": " "}, expected_status=422)
    assert error_messages(page) == ["Enter the text to send"]
    assert texts("+447700900778") == []


def test_a_participation_officer_may_use_it_but_sees_no_numbers_listed(
    client_request, worker, team
):
    contact = create_contact(create_child(team=team), worker)
    sign_in(client_request, create_user(Role.PARTICIPATION_OFFICER))
    page = client_request.get("/sms-simulator")
    assert contact.phone not in str(page)


@pytest.mark.parametrize(
    ("overrides", "status"),
    [
        (
            {"TWILIO_FROM": "+447700900999", "HOMEWARD_DEMO": False, "HOMEWARD_ENV": "production"},
            404,
        ),
        ({"TWILIO_FROM": "+447700900999", "HOMEWARD_DEMO": True, "HOMEWARD_ENV": "test"}, 404),
        ({"TWILIO_FROM": "", "HOMEWARD_DEMO": False, "HOMEWARD_ENV": "production"}, 404),
        ({"TWILIO_FROM": "", "HOMEWARD_DEMO": True, "HOMEWARD_ENV": "production"}, 200),
    ],
)
def test_only_without_twilio_in_a_demo_or_local_app(app, client_request, worker, overrides, status):
    sign_in(client_request, worker)
    saved = {key: app.config[key] for key in overrides}
    app.config.update(overrides)
    try:
        client_request.get("/sms-simulator", expected_status=status)
        client_request.get("/sms-simulator/+447700900779", expected_status=status)
    finally:
        app.config.update(saved)
    client_request.get("/sms-simulator")
