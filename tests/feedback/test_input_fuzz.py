"""Hostile input where people and Twilio type: phone numbers, texts, webhook bodies, form posts.

Hypothesis sends every kind of string (emoji, control characters, right-to-left
marks, great length) and, for forms, fields missing, doubled or oversized.
Nothing may give a 500; a number is either E.164 or refused with a sentence a
person can act on; a text Twilio delivers is stored once, whole. Examples are
derandomised so a run is repeatable, and no example database is kept.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from feedback.inbound import clean_body
from feedback.models import SmsMessage
from feedback.phones import parse_sender, to_e164
from rhi.auth.roles import Role
from rhi.domain import RuleBroken
from rhi.extensions import db
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.fake_twilio import signed_callback
from tests.feedback.test_webhooks import INBOUND, TOKEN, inbound_form, post_signed
from tests.pages import ClientRequest
from tests.workflow_factories import create_child, create_returned_episode

FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
E164 = re.compile(r"^\+[1-9]\d{7,14}$")
NASTY = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "nul\x00inside",
        "\x1b[31mred",
        "\u202eright-to-left",
        "\ufeffbom",
        "🌟" * 400,
        "👩‍👩‍👧‍👦",
        "x" * 5000,
        "Zoë O'Brien-Ñúñez",
        "<script>alert(1)</script>",
        "'; DROP TABLE child; --",
        "%s%n",
        "+44 7700 900123",
        "07700900123",
        "+447700900123" * 3,
        "٠٧٧٠٠٩٠٠١٢٣",  # Arabic-Indic digits
        "0800 123 4567",
        "999",
    ]
)
TEXT = NASTY | st.text(max_size=300) | st.text(alphabet="0123456789+ ()-", max_size=24)


@FUZZ
@given(raw=TEXT)
@example(raw="07700 900123")
def test_a_typed_number_is_e164_or_a_clear_refusal(raw: str) -> None:
    try:
        number = to_e164(raw)
    except RuleBroken as refused:
        assert refused.message.startswith("Enter"), refused.message
        return
    assert E164.match(number), number


@FUZZ
@given(raw=TEXT)
def test_any_sender_twilio_gives_is_kept_short(raw: str) -> None:
    sender = parse_sender(raw)
    assert isinstance(sender, str) and len(sender) <= 16


# Form-encoded bodies cannot carry unpaired surrogates; everything else goes.
BODIES = NASTY | st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=2000)


@FUZZ
@given(body=BODIES, sender=TEXT.filter(lambda s: "\ud800" not in s))
@example(body="", sender="")
def test_any_text_twilio_delivers_is_stored_once_whole(client, body: str, sender: str) -> None:
    sid = "SM" + uuid.uuid4().hex
    form = inbound_form(MessageSid=sid, Body=body, From=sender)
    for _attempt in range(2):  # Twilio retries: still one row
        response = post_signed(client, INBOUND, form)
        assert response.status_code < 500
    if response.status_code == 200:
        stored = db.session.scalars(sa.select(SmsMessage).where(SmsMessage.twilio_sid == sid)).all()
        assert len(stored) == 1
        assert stored[0].body == clean_body(body)
    else:
        assert response.status_code == 400 and response.mimetype == "application/json"
    db.session.rollback()


@FUZZ
@given(data=st.binary(max_size=400))
def test_bytes_that_are_not_a_form_never_fail_badly(client, data: bytes) -> None:
    _fields, headers = signed_callback(INBOUND, {}, TOKEN)
    response = client.post(
        "/sms/inbound",
        data=data,
        headers={**headers, "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code in {400, 403}


# --- Staff forms: fields missing, doubled or oversized --------------------------

INTERVIEW_FIELDS = (
    "method",
    "held_date",
    "held_time",
    "present",
    "push_factors",
    "pull_factors",
    "harm",
    "exploitation_indicators",
    "child_words",
    "worker_analysis",
    "referrals",
    "version",
    "save_draft",
    "submit_interview",
)
CONTACT_FIELDS = (
    "audience",
    "name",
    "phone",
    "language",
    "consent",
    "consent_given_by",
    "consent_method",
    "competence_note",
    "safe_to_text",
    "safe_to_text_reason",
    "active",
    "version",
)
VALUES = NASTY | st.text(max_size=40) | st.sampled_from(["0", "1", "y", "yes", "child", "en"])


def posted(fields: tuple[str, ...]) -> st.SearchStrategy[dict[str, Any]]:
    """Some of ``fields``, each once, twice (a list) or as a very long value."""
    value = VALUES | st.lists(VALUES, min_size=2, max_size=3) | st.just("z" * 20_000)
    return st.dictionaries(st.sampled_from(fields), value, max_size=len(fields))


def assert_refused_clearly(response: Any) -> None:
    """Saved (a redirect), or the form again with a GOV.UK error summary saying why."""
    assert response.status_code in {200, 302, 409, 413, 422}, response.status_code
    page = response.get_data(as_text=True)
    if response.status_code == 413:
        assert "What you sent is too large" in page
    elif response.status_code != 302:
        assert "govuk-error-summary" in page
    db.session.rollback()


@pytest.fixture
def worker_in(client_request: ClientRequest) -> tuple[ClientRequest, int, str]:
    team = create_team("Fuzz team")
    worker = create_user(Role.RHI_WORKER, team=team)
    child = create_child(team=team)
    _episode, rhi = create_returned_episode(child)
    rhi.allocated_to = worker
    db.session.commit()
    sign_in(client_request, worker)
    return client_request, rhi.id, child.case_ref


FORMS = settings(FUZZ, max_examples=25)
TOO_LARGE = {"harm": "z" * 1_100_000}  # over the 1 MB a request may carry


@FORMS
@given(fields=posted(INTERVIEW_FIELDS))
@example(fields=TOO_LARGE)
def test_the_interview_form_refuses_nonsense_clearly(worker_in, fields: dict[str, Any]) -> None:
    client_request, rhi_id, _case_ref = worker_in
    url = f"/returns/{rhi_id}/interview"
    token = client_request.csrf_token(url)
    response = client_request.client.post(url, data={"csrf_token": token, **fields})
    assert_refused_clearly(response)


@FORMS
@given(fields=posted(CONTACT_FIELDS))
@example(fields=TOO_LARGE)
def test_the_contact_form_refuses_nonsense_clearly(worker_in, fields: dict[str, Any]) -> None:
    client_request, _rhi_id, case_ref = worker_in
    url = f"/children/{case_ref}/text-contacts/add"
    token = client_request.csrf_token(url)
    response = client_request.client.post(url, data={"csrf_token": token, **fields})
    assert_refused_clearly(response)


@FUZZ
@given(sid=TEXT, status=TEXT)
@example(sid="SM\x00" + "1" * 30, status="delivered")
@example(sid="SM" + "1" * 32, status="deli\x00vered")
def test_any_delivery_receipt_is_stored_or_refused_clearly(client, sid: str, status: str) -> None:
    fields, headers = signed_callback(
        "http://localhost/sms/status", {"MessageSid": sid, "MessageStatus": status}, TOKEN
    )
    response = client.post("/sms/status", data=fields, headers=headers)
    assert response.status_code in {204, 400}
    if response.status_code == 400:
        assert response.mimetype == "application/json"
    db.session.rollback()


@FUZZ
@given(sid=TEXT)
@example(sid="SM\x00" + "1" * 30)
def test_any_message_id_is_stored_or_refused_clearly(client, sid: str) -> None:
    response = post_signed(client, INBOUND, inbound_form(MessageSid=sid))
    assert response.status_code in {200, 400}
    db.session.rollback()
