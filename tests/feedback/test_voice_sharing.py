"""Quotes approved for sharing, the "you said, we did" log, and the public page for young people."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from feedback import voice
from feedback.models import SmsMessage
from feedback.voice_models import ServiceChange, SharedQuote
from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.auth.models import User
from rhi.auth.roles import Role
from rhi.children.models import Child
from rhi.domain import Conflict, RuleBroken
from rhi.extensions import db
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.feedback.sms_helpers import text_in
from tests.feedback_factories import create_contact
from tests.pages import ClientRequest, banner_text, error_messages, normalise
from tests.workflow_factories import create_child

PHONE = "+447700900345"
# Not urgent (a young person asking to be rung now is, and urgent texts are never shared).
SAID = "Jordan here. i want to move placement, text me on 07700 900123 thanks"


@pytest.fixture
def child(app_ctx: Flask) -> Child:
    team = create_team("Newark RHI team")
    worker = create_user(Role.RHI_WORKER, team=team, full_name="Robin Worker")
    child = create_child(team=team, given_name="Jordan", family_name="Testperson")
    create_contact(child, worker, phone=PHONE, name="Jordan")
    return child


@pytest.fixture
def reply(child: Child) -> SmsMessage:
    return text_in(PHONE, SAID)


@pytest.fixture
def officer(app_ctx: Flask) -> User:
    return create_user(Role.PARTICIPATION_OFFICER, full_name="Pat Officer")


def audit(action: AuditAction) -> list[AuditEvent]:
    db.session.rollback()
    return list(
        db.session.scalars(
            sa.select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
        )
    )


def approve_url(message: SmsMessage) -> str:
    return f"/voice/quotes/approve/{message.id}"


# --- Approving and withdrawing quotes ----------------------------------------------


def test_the_form_is_filled_with_the_reply_pseudonymised(
    client_request: ClientRequest, reply: SmsMessage, officer: User
) -> None:
    sign_in(client_request, officer)
    page = client_request.get(approve_url(reply))
    prefilled = page.select_one("textarea#text").get_text()
    assert prefilled.startswith("J. here. i want to move placement")
    assert "[phone number]" in prefilled
    main = str(page.select_one("main"))
    assert "Jordan" not in main and "Testperson" not in main and "07700" not in main
    assert page.select_one("input#audience[value=child]").has_attr("checked")


def test_approving_needs_the_check_that_it_names_no_one(
    client_request: ClientRequest, reply: SmsMessage, officer: User
) -> None:
    sign_in(client_request, officer)
    page = client_request.post(
        approve_url(reply),
        {"text": "I want to move placement", "audience": "child"},
        expected_status=422,
    )
    assert error_messages(page) == [
        "Confirm you have checked the words name no one and could not identify anyone"
    ]
    assert db.session.scalars(sa.select(SharedQuote)).all() == []


def test_the_edited_copy_is_stored_pseudonymised_and_audited(
    client_request: ClientRequest, reply: SmsMessage, officer: User
) -> None:
    sign_in(client_request, officer)
    response = client_request.post_response(
        approve_url(reply),
        {
            # Shortened by the officer, who typed the name back in by mistake.
            "text": "Jordan: i want to move placement",
            "audience": "child",
            "theme": "placement",
            "checked": "y",
        },
    )
    assert response.headers["Location"] == "/voice/quotes"
    quote = db.session.scalars(sa.select(SharedQuote)).one()
    assert quote.text == "J.: i want to move placement"
    assert (quote.message_id, quote.audience, quote.theme) == (reply.id, "child", "placement")
    assert quote.approved_by_id == officer.id and quote.withdrawn_at is None
    [event] = audit(AuditAction.QUOTE_APPROVED)
    assert event.actor_id == officer.id and event.object_id == str(quote.id)
    assert "Jordan" not in str(event.detail) and "move" not in str(event.detail)
    # Approving the same text again is refused: one quote, not two.
    page = client_request.post(
        approve_url(reply),
        {"text": "again", "audience": "child", "checked": "y"},
        expected_status=409,
    )
    assert error_messages(page) == ["Words from this text are already approved for sharing"]
    page = client_request.get("/voice/quotes")
    assert "J.: i want to move placement" in page.select_one("main").get_text()


def test_urgent_texts_are_never_shared(
    client_request: ClientRequest, child: Child, officer: User
) -> None:
    urgent = text_in(PHONE, "hes outside my house again please help")
    assert db.session.get(SmsMessage, urgent.id).urgent
    sign_in(client_request, officer)
    page = client_request.get(approve_url(urgent))
    assert page.select_one("form textarea") is None
    with pytest.raises(RuleBroken):
        voice.approve_quote(
            urgent.id,
            voice.QuoteDetails(text="help", audience="child", theme=None, checked=True),
            by=officer,
        )


def test_withdrawing_a_quote_is_audited_and_takes_it_off_the_public_page(
    client_request: ClientRequest, reply: SmsMessage, officer: User
) -> None:
    quote = voice.approve_quote(
        reply.id,
        voice.QuoteDetails(text="i want to move", audience="child", theme=None, checked=True),
        by=officer,
    )
    change = voice.add_change(details(quote_ids=(quote.id,)), by=officer)
    voice.set_published(change.id, True, by=officer, expected_version=change.version)
    assert "i want to move" in client_request.client.get("/you-said-we-did").get_data(as_text=True)

    sign_in(client_request, officer)
    page = client_request.post(
        f"/voice/quotes/{quote.id}/withdraw", {"reason": ""}, expected_status=422
    )
    assert error_messages(page) == ["Enter why you are withdrawing this quote"]
    client_request.post_response(
        f"/voice/quotes/{quote.id}/withdraw", {"reason": "They asked us not to use it"}
    )
    db.session.rollback()
    withdrawn = db.session.get(SharedQuote, quote.id)
    assert withdrawn.withdrawn_by_id == officer.id
    assert withdrawn.withdrawn_reason == "They asked us not to use it"
    [event] = audit(AuditAction.QUOTE_WITHDRAWN)
    assert event.actor_id == officer.id
    client_request.post_response("/sign-out", {}, form_url="/")
    public = client_request.get("/you-said-we-did")
    assert "i want to move" not in public.get_text()
    assert "We moved interviews out of the office" in public.get_text()
    with pytest.raises(Conflict):
        voice.withdraw_quote(quote.id, "again", by=officer)


def test_a_quote_outlives_the_text_it_came_from(reply: SmsMessage, officer: User) -> None:
    quote = voice.approve_quote(
        reply.id,
        voice.QuoteDetails(text="i want to move", audience="child", theme=None, checked=True),
        by=officer,
    )
    # Retention deletes the text (and its conversation's other rows stay as they are).
    db.session.execute(sa.delete(SmsMessage).where(SmsMessage.id == reply.id))
    db.session.commit()
    db.session.expire_all()
    kept = db.session.get(SharedQuote, quote.id)
    assert kept.message_id is None and kept.text == "i want to move"


# --- The log -----------------------------------------------------------------------


def details(**changes: Any) -> voice.ChangeDetails:
    return dataclasses.replace(
        voice.ChangeDetails(
            you_said="Meeting in the office felt like being in trouble",
            we_did="We moved interviews out of the office, to a cafe or a walk if you like",
            changed_on=date(2026, 3, 14),
            responsible="The RHI team",
        ),
        **changes,
    )


def form_data(change_details: voice.ChangeDetails, version: int | None = None) -> dict[str, object]:
    data: dict[str, object] = {
        "you_said": change_details.you_said,
        "we_did": change_details.we_did,
        "changed_on": [
            str(change_details.changed_on.day),
            str(change_details.changed_on.month),
            str(change_details.changed_on.year),
        ]
        if change_details.changed_on
        else ["", "", ""],
        "responsible": change_details.responsible,
        "theme": change_details.theme or "",
        "quotes": [str(q) for q in change_details.quote_ids],
    }
    if version is not None:
        data["version"] = str(version)
    return data


def test_add_edit_publish_and_unpublish_an_entry(
    client_request: ClientRequest, reply: SmsMessage, officer: User
) -> None:
    quote = voice.approve_quote(
        reply.id,
        voice.QuoteDetails(
            text="J. wants to move placement", audience="child", theme="placement", checked=True
        ),
        by=officer,
    )
    sign_in(client_request, officer)
    page = client_request.post(
        "/voice/changes/add", form_data(details(you_said="")), expected_status=422
    )
    assert error_messages(page) == ["Enter what young people or parents said"]

    client_request.post_response(
        "/voice/changes/add", form_data(details(theme="placement", quote_ids=(quote.id,)))
    )
    change = db.session.scalars(sa.select(ServiceChange)).one()
    assert not change.published and [q.id for q in change.quotes] == [quote.id]
    assert "We moved interviews" not in client_request.client.get("/you-said-we-did").get_data(
        as_text=True
    )

    page = client_request.get(f"/voice/changes/{change.id}")
    assert page.select_one("input#loaded-version")["value"] == "1"
    client_request.post_response(
        f"/voice/changes/{change.id}",
        form_data(
            details(we_did="We meet you where you feel safe", quote_ids=(quote.id,)), version=1
        ),
    )
    client_request.post_response(
        f"/voice/changes/{change.id}/publish", {"version": "2"}, form_url="/voice"
    )
    db.session.rollback()
    change = db.session.get(ServiceChange, change.id)
    assert change.published and change.version == 3
    assert [e.object_id for e in audit(AuditAction.SERVICE_CHANGE_ADDED)] == [str(change.id)]
    assert len(audit(AuditAction.SERVICE_CHANGE_CHANGED)) == 1
    assert len(audit(AuditAction.SERVICE_CHANGE_PUBLISHED)) == 1

    public = client_request.client.get("/you-said-we-did").get_data(as_text=True)
    assert "We meet you where you feel safe" in public and "J. wants to move placement" in public

    client_request.post_response(
        f"/voice/changes/{change.id}/unpublish", {"version": "3"}, form_url="/voice"
    )
    assert len(audit(AuditAction.SERVICE_CHANGE_UNPUBLISHED)) == 1
    public = client_request.client.get("/you-said-we-did").get_data(as_text=True)
    assert "We meet you where you feel safe" not in public


def test_a_stale_edit_is_refused_and_nothing_is_overwritten(
    client_request: ClientRequest, officer: User
) -> None:
    change = voice.add_change(details(), by=officer)
    other = create_user(Role.PARTICIPATION_OFFICER, full_name="Sam Other")
    voice.change_change(change.id, details(we_did="Sam's words"), by=other, expected_version=1)

    sign_in(client_request, officer)
    page = client_request.post(
        f"/voice/changes/{change.id}",
        form_data(details(we_did="Pat's words"), version=1),
        expected_status=409,
    )
    assert error_messages(page) == [
        "Someone else changed this entry while you were working on it. "
        "Your changes have not been saved."
    ]
    db.session.rollback()
    assert db.session.get(ServiceChange, change.id).we_did == "Sam's words"
    # Publishing what you have not seen is refused the same way.
    client_request.post_response(
        f"/voice/changes/{change.id}/publish", {"version": "1"}, form_url="/voice"
    )
    db.session.rollback()
    assert not db.session.get(ServiceChange, change.id).published
    assert audit(AuditAction.SERVICE_CHANGE_PUBLISHED) == []


def test_the_date_of_a_change_cannot_be_in_the_future(officer: User) -> None:
    with pytest.raises(RuleBroken) as refused:
        voice.add_change(details(changed_on=date(2999, 1, 1)), by=officer)
    assert refused.value.field == "changed_on"


# --- The public page ---------------------------------------------------------------


def test_the_public_page_shows_only_published_entries_newest_first_and_no_names(
    client: FlaskClient, child: Child, reply: SmsMessage, officer: User
) -> None:
    quote = voice.approve_quote(
        reply.id,
        voice.QuoteDetails(text=SAID, audience="child", theme=None, checked=True),
        by=officer,
    )
    older = voice.add_change(details(we_did="Older change", quote_ids=(quote.id,)), by=officer)
    newer = voice.add_change(
        details(we_did="Newer change", changed_on=date(2026, 5, 2), responsible="Participation"),
        by=officer,
    )
    voice.add_change(details(we_did="Draft change"), by=officer)
    for change in (older, newer):
        voice.set_published(change.id, True, by=officer, expected_version=change.version)

    client_request = ClientRequest(client)
    response = client_request.get_response("/you-said-we-did")
    page = client_request.get("/you-said-we-did")
    text = normalise(page.get_text())
    assert text.index("Newer change") < text.index("Older change")
    assert "Draft change" not in text
    assert "A young person" in text and "J. here." in text
    for private in ("Jordan", "Testperson", child.case_ref, "Pat Officer", "07700", "Robin"):
        assert private not in response.get_data(as_text=True), private
    # Nothing on it needs JavaScript: no GOV.UK component that a script brings to life.
    assert page.select("main [data-module]") == []
    # Signed out: it may be cached briefly, with no cookie set.
    assert response.headers["Cache-Control"] in ("public, max-age=300", "max-age=300, public")
    assert "Set-Cookie" not in response.headers


def test_the_public_page_is_not_cached_for_signed_in_staff(
    client_request: ClientRequest, officer: User
) -> None:
    sign_in(client_request, officer)
    response = client_request.get_response("/you-said-we-did")
    assert response.headers["Cache-Control"] == "no-store"
    page = client_request.get("/you-said-we-did")
    assert "There is nothing here yet" in page.get_text()
    # No staff menu on the young people's page, even for staff.
    assert page.select_one(".govuk-service-navigation__list") is None


# --- Who may do what -----------------------------------------------------------------


def test_workers_may_not_open_the_staff_pages(
    client_request: ClientRequest, child: Child, reply: SmsMessage
) -> None:
    quote = voice.approve_quote(
        reply.id,
        voice.QuoteDetails(text="words", audience="child", theme=None, checked=True),
        by=create_user(Role.ADMIN),
    )
    change = voice.add_change(details(), by=create_user(Role.ADMIN))
    worker = create_user(Role.RHI_WORKER, team=create_team())
    sign_in(client_request, worker)
    for path in (
        "/voice",
        "/voice/quotes",
        "/voice/changes/add",
        f"/voice/changes/{change.id}",
        approve_url(reply),
        f"/voice/quotes/{quote.id}/withdraw",
    ):
        client_request.get_response(path, expected_status=403)
    client_request.get("/you-said-we-did")


def test_signed_out_visitors_see_the_public_page_and_are_sent_to_sign_in_for_the_rest(
    client: FlaskClient, app_ctx: Flask
) -> None:
    response = client.get("/you-said-we-did")
    assert response.status_code == 200
    response = client.get("/voice")
    assert response.status_code == 302 and response.headers["Location"].startswith("/sign-in")


def test_officers_choose_replies_from_the_results_page_and_the_conversation(
    client_request: ClientRequest, reply: SmsMessage, officer: User
) -> None:
    sign_in(client_request, officer)
    page = client_request.get("/surveys/results")
    [item] = page.select(".app-free-text-reply")
    assert "J. here." in item.get_text() and "Jordan" not in item.get_text()
    link = item.select_one("a")
    assert link["href"] == approve_url(reply)
    conversation = client_request.get(f"/messages/{reply.conversation_id}")
    links = [a["href"] for a in conversation.select("main a")]
    assert approve_url(reply) in links
    approve = client_request.get(approve_url(reply))
    assert approve.select_one(".govuk-back-link")["href"] == f"/messages/{reply.conversation_id}"
    assert "Quote approved" not in banner_text(approve)
