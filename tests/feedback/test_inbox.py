"""The inbox: who may read which conversation, replying by hand, and unknown sends."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from feedback.dispatch import dispatch
from feedback.inbound import handle, store_inbound
from feedback.models import Conversation, SmsMessage
from feedback.transport import SendOutcome, SendResult
from feedback.vocabulary import MessageKind, SendStatus
from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.auth.roles import Role
from rhi.extensions import db
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.feedback_factories import create_contact
from tests.pages import banner_text, error_messages, normalise
from tests.workflow_factories import create_child

_sids = iter(range(10**6))

pytestmark = pytest.mark.usefixtures("no_quiet_hours")


@pytest.fixture
def team():
    return create_team("Bassetlaw RHI team")


@pytest.fixture
def worker(team):
    return create_user(Role.RHI_WORKER, full_name="Ash Penrose", team=team)


@pytest.fixture
def contact(worker, team):
    child = create_child(team=team, given_name="Marnie", family_name="Holloway")
    return create_contact(child, worker, name="Marnie's own phone")


def text_in(phone: str, body: str) -> Conversation:
    message, _new = store_inbound(f"SMtest{next(_sids):032d}", phone, body)
    handle(message.id)
    db.session.expire_all()
    conversation = db.session.get(SmsMessage, message.id).conversation
    assert conversation is not None
    return conversation


def audits(action: AuditAction) -> list[AuditEvent]:
    return list(db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == action)))


def test_the_inbox_lists_conversations_newest_first(client_request, worker, contact):
    older = text_in("+447700900901", "Who is this?")
    newer = text_in(contact.phone, "can we talk on friday")
    sign_in(client_request, worker)

    page = client_request.get("/messages")

    rows = [normalise(row.get_text()) for row in page.select(".app-inbox-table tbody tr")]
    assert len(rows) == 2
    assert rows[0].startswith(
        f"Marnie's own phone, about Marnie Holloway ({contact.child.case_ref}) 07700 900"
    )
    assert "Young person" in rows[0] and "Texts outside a survey" in rows[0]
    assert rows[1].startswith("Unknown number 07700 900901")
    links = [a["href"] for a in page.select(".app-inbox-table tbody a")]
    assert links == [f"/messages/{newer.id}", f"/messages/{older.id}"]


def test_needs_attention_until_staff_reply(client_request, worker, contact):
    conversation = text_in(contact.phone, "can we talk on friday")
    sign_in(client_request, worker)
    page = client_request.get("/messages?show=attention")
    assert len(page.select(".app-inbox-table tbody tr")) == 1

    client_request.post_response(
        f"/messages/{conversation.id}/reply",
        {"body": "Yes, I will ring at 4"},
        form_url=f"/messages/{conversation.id}",
    )

    page = client_request.get("/messages?show=attention")
    assert page.select_one(".app-no-conversations") is not None
    assert len(client_request.get("/messages?show=texts").select(".app-inbox-table tbody tr")) == 1
    assert client_request.get("/messages?show=surveys").select_one(".app-no-conversations")


def test_a_reply_is_queued_and_audited_without_its_words(client_request, worker, contact):
    conversation = text_in(contact.phone, "can we talk on friday")
    sign_in(client_request, worker)
    url = f"/messages/{conversation.id}"

    page = client_request.get(url)
    [viewed] = audits(AuditAction.SMS_CONVERSATION_VIEWED)
    assert (viewed.object_type, viewed.object_id, viewed.actor_id) == (
        "child",
        str(contact.child_id),
        worker.id,
    )
    assert "can we talk on friday" in normalise(page.select_one(".app-sms-message--in").get_text())

    response = client_request.post_response(
        f"{url}/reply", {"body": "Yes.\nI will ring at 4"}, form_url=url
    )
    assert response.headers["Location"] == url

    reply = db.session.scalars(
        sa.select(SmsMessage).where(SmsMessage.kind == MessageKind.MANUAL)
    ).one()
    assert (reply.phone, reply.body, reply.status) == (
        contact.phone,
        "Yes.\nI will ring at 4",
        SendStatus.PENDING,
    )
    assert reply.created_by_id == worker.id and reply.conversation_id == conversation.id
    [sent] = audits(AuditAction.SMS_SENT_BY_STAFF)
    assert sent.actor_id == worker.id
    assert "ring" not in str(sent.detail)
    page = client_request.get(url)
    assert "Your text is on its way" in banner_text(page)
    card = page.select(".app-sms-message--out")[-1]
    assert "Yes.<br/>I will ring at 4" in str(card)
    assert "Waiting to be sent" in normalise(card.get_text())


def test_empty_and_long_replies_are_refused(client_request, worker, contact):
    conversation = text_in(contact.phone, "hello")
    sign_in(client_request, worker)
    url = f"/messages/{conversation.id}"
    page = client_request.post(f"{url}/reply", {"body": "  "}, expected_status=422, form_url=url)
    assert error_messages(page) == ["Enter your text"]
    page = client_request.post(
        f"{url}/reply", {"body": "x" * 1601}, expected_status=422, form_url=url
    )
    assert error_messages(page) == ["Your text must be 1,600 characters or fewer"]
    assert (
        db.session.scalars(sa.select(SmsMessage).where(SmsMessage.kind == MessageKind.MANUAL)).all()
        == []
    )


def test_an_opted_out_number_is_refused(client_request, worker, contact):
    conversation = text_in(contact.phone, "STOP")
    sign_in(client_request, worker)
    url = f"/messages/{conversation.id}"
    assert "opted out" in normalise(client_request.get(url).get_text())

    page = client_request.post(
        f"{url}/reply", {"body": "Are you ok?"}, expected_status=422, form_url=url
    )

    assert error_messages(page) == [
        "This number has opted out of texts (they texted STOP). "
        "Nothing can be sent until they text START."
    ]
    assert (
        db.session.scalars(sa.select(SmsMessage).where(SmsMessage.kind == MessageKind.MANUAL)).all()
        == []
    )


def test_a_participation_officer_sees_no_names_or_numbers(client_request, contact):
    conversation = text_in(contact.phone, "it was fine thanks")
    officer = create_user(Role.PARTICIPATION_OFFICER, full_name="Pat Officer")
    sign_in(client_request, officer)
    national = "07700 " + contact.phone[-6:]

    for url in ("/messages", f"/messages/{conversation.id}"):
        html = client_request.get_response(url).get_data(as_text=True)
        assert contact.child.case_ref in html
        assert "•••• ••" + contact.phone[-3:] in html
        for secret in ("Marnie", "Holloway", contact.phone, national, contact.phone[-6:]):
            assert secret not in html, (url, secret)

    [viewed] = audits(AuditAction.SMS_CONVERSATION_VIEWED)
    assert viewed.actor_id == officer.id and viewed.object_type == "child"


def test_a_child_out_of_reach_is_not_found(client_request, contact):
    conversation = text_in(contact.phone, "hello")
    unknown = text_in("+447700900902", "hello")
    stranger = create_user(Role.RHI_WORKER, team=create_team("Other team"))
    sign_in(client_request, stranger)

    client_request.get(f"/messages/{conversation.id}", expected_status=404)
    client_request.post(
        f"/messages/{conversation.id}/reply",
        {"body": "hi"},
        expected_status=404,
        form_url="/messages",
    )
    rows = client_request.get("/messages").select(".app-inbox-table tbody a")
    assert [a["href"] for a in rows] == [f"/messages/{unknown.id}"]
    client_request.get(f"/messages/{unknown.id}")


class UnknownOutcome:
    name = "unknown"

    def send(self, *, to: str, body: str, status_callback: str | None = None) -> SendResult:
        return SendResult(SendOutcome.UNKNOWN, error_message="timed out")


def test_a_text_of_unknown_outcome_is_checked_by_a_person(app, client_request, worker, contact):
    conversation = text_in(contact.phone, "hello")
    sign_in(client_request, worker)
    url = f"/messages/{conversation.id}"
    client_request.post_response(f"{url}/reply", {"body": "Hi, it's Ash"}, form_url=url)
    dispatch(UnknownOutcome(), worker="test", app=app)
    reply = db.session.scalars(
        sa.select(SmsMessage).where(SmsMessage.kind == MessageKind.MANUAL)
    ).one()
    assert reply.status == SendStatus.CHECK

    page = client_request.get(url)
    assert "We do not know if this text was sent" in normalise(page.get_text())
    assert page.select_one(".app-inbox-table") is None
    assert len(page.select(f"form[action='/messages/sent/{reply.id}/check']")) == 2
    assert "Delivery problem" in normalise(client_request.get("/messages").get_text())

    client_request.post_response(
        f"/messages/sent/{reply.id}/check", {"was_sent": "no"}, form_url=url
    )

    db.session.refresh(reply)
    assert reply.status == SendStatus.PENDING and reply.checked_by_id == worker.id
    response = client_request.post_response(
        f"/messages/sent/{reply.id}/check", {"was_sent": "yes"}, form_url=url
    )
    assert "This message is not waiting for a check" in banner_text(
        client_request.get(response.headers["Location"])
    )


def test_a_call_back_request_stays_in_needs_attention_until_someone_marks_it_done(
    client_request, worker, contact
):
    conversation = text_in(contact.phone, "can someone phone me")
    conversation.callback_requested = True
    db.session.commit()
    sign_in(client_request, worker)
    url = f"/messages/{conversation.id}"
    client_request.post_response(f"{url}/reply", {"body": "Will ring at 4"}, form_url=url)
    attention = client_request.get("/messages?show=attention")
    assert "Call back requested" in normalise(attention.get_text())

    page = client_request.get(f"/messages/{conversation.id}")
    assert page.find("button", string=lambda s: s and "Mark the call back as done" in s)
    client_request.post_response(f"{url}/callback-done", {}, form_url=url)
    done = client_request.get(url)
    assert "Call back marked as done" in banner_text(done)
    assert "Done by Ash Penrose" in normalise(done.get_text())
    assert done.find("button", string=lambda s: s and "Mark the call back as done" in s) is None
    attention = client_request.get("/messages?show=attention")
    assert "Call back requested" not in normalise(attention.get_text())
    assert len(audits(AuditAction.SMS_CALLBACK_DONE)) == 1
    client_request.post_response(f"{url}/callback-done", {}, form_url=url)
    assert "already marked" in banner_text(client_request.get(url))
