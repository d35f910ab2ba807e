"""The theme review pages: the queue, one text, and decisions, as a participation officer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import pytest
import sqlalchemy as sa
from bs4 import BeautifulSoup
from flask import Flask

from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.auth.models import User
from rhi.auth.roles import Role
from rhi.children.models import Child
from rhi.extensions import db
from rhi.interviews.record_services import InterviewAnswers, submit_interview
from rhi.interviews.services import change_status
from rhi.interviews.vocabulary import InterviewMethod, RhiStatus
from rhi.themes.models import TaggedText, ThemeSuggestion
from rhi.themes.tagging import tag_pending
from rhi.themes.vocabulary import STRONG_SCORE, Decision, TextSource
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.feedback.sms_helpers import text_in
from tests.feedback_factories import create_contact
from tests.pages import ClientRequest, banner_text, error_messages, normalise
from tests.workflow_factories import create_child, create_returned_episode

QUEUE = "/themes/review"
PHONE = "+447700900123"
CALLED = "07700 900987"  # a number written in a text: hidden on the page too

# The days each text was written (UTC noon), so date filters can pick them.
GROOMING = (
    "Jordan here. met a man off snapchat who is 24 and he gave me a phone, my new number is "
    + CALLED
)
COUNTY = "went country with some olders, had to hold a package"
ROW = "had a row with mum and stayed at my mates"
URGENT = "i took loads of tablets after the row with mum"


@pytest.fixture
def officer(app_ctx: Flask, client_request: ClientRequest) -> User:
    user = create_user(Role.PARTICIPATION_OFFICER, full_name="Pat Officer")
    sign_in(client_request, user)
    return user


def noon(day: int) -> datetime:
    return datetime(2026, 3, day, 12, 0, tzinfo=UTC)


def make_texts() -> tuple[Child, dict[str, int]]:
    """Four texts from Jordan's phone, handled and tagged as the worker would."""
    team = create_team()
    worker = create_user(Role.RHI_WORKER, team=team)
    child = create_child(team=team, given_name="Jordan", family_name="Testperson")
    create_contact(child, worker, phone=PHONE, name="Jordan")
    sent = {}
    for day, body in ((2, GROOMING), (3, COUNTY), (4, ROW), (1, URGENT)):
        sent[body] = text_in(PHONE, body, now=noon(day)).id
    assert tag_pending() == 4
    db.session.commit()
    by_message = {
        t.source_id: t.id
        for t in db.session.scalars(sa.select(TaggedText).where(TaggedText.source == "sms"))
    }
    return child, {body: by_message[message_id] for body, message_id in sent.items()}


def item_ids(page: BeautifulSoup) -> list[int]:
    return [
        int(str(section["id"]).removeprefix("text-"))
        for section in page.select("section.app-review-item")
    ]


def suggestions(text_id: int) -> dict[str, ThemeSuggestion]:
    db.session.expire_all()
    return {
        s.theme: s
        for s in db.session.scalars(
            sa.select(ThemeSuggestion).where(ThemeSuggestion.text_id == text_id)
        )
    }


def decided_audits() -> list[AuditEvent]:
    return list(
        db.session.scalars(
            sa.select(AuditEvent)
            .where(AuditEvent.action == AuditAction.THEME_DECIDED)
            .order_by(AuditEvent.id)
        )
    )


def test_queue_puts_urgent_then_safety_first_and_shows_no_names(officer, client_request):
    child, ids = make_texts()
    page = client_request.get(QUEUE)
    assert item_ids(page) == [ids[URGENT], ids[COUNTY], ids[GROOMING], ids[ROW]]
    main = page.select_one("main")
    assert main is not None
    words = normalise(main.get_text())
    assert "4 texts waiting for review" in words
    # Pseudonymised: initials for the name, no phone numbers (the sender's or in the text).
    html = str(main)
    for secret in ("Jordan", "Testperson", "07700", "900123", "+4477", CALLED):
        assert secret not in html, secret
    assert "J. here" in words and "[phone number]" in words
    assert child.case_ref in words
    urgent = page.select_one(f"#text-{ids[URGENT]}")
    assert urgent is not None and "Urgent" in urgent.select_one("h2").get_text()
    assert "Urgent" not in page.select_one(f"#text-{ids[ROW]}").select_one("h2").get_text()


def test_evidence_is_highlighted_in_place_with_its_theme_named(officer, client_request):
    _child, ids = make_texts()
    page = client_request.get(QUEUE)
    section = page.select_one(f"#text-{ids[COUNTY]}")
    assert section is not None
    marks = "".join(mark.get_text() for mark in section.select("mark"))
    evidence = [
        COUNTY[span["start"] : span["end"]]
        for suggestion in suggestions(ids[COUNTY]).values()
        for span in suggestion.spans
    ]
    assert "went country" in evidence and "hold a package" in evidence
    assert all(words in marks for words in evidence), (evidence, marks)
    first = section.select("mark")[0]
    hidden = first.find_next_sibling("span")
    assert "govuk-visually-hidden" in hidden["class"]
    assert normalise(hidden.get_text()) == "(evidence for Child criminal exploitation)"
    # The text reads whole around the marks.
    text = normalise(section.select_one(".app-review-text").get_text())
    assert text.startswith("went country (evidence for Child criminal exploitation) with some")


def test_buttons_say_which_theme_and_which_text(officer, client_request):
    _child, ids = make_texts()
    page = client_request.get(QUEUE)
    section = page.select_one(f"#text-{ids[COUNTY]}")
    names = [normalise(button.get_text()) for button in section.select("button")]
    text_id = ids[COUNTY]
    assert f"Accept Child criminal exploitation for text {text_id}" in names
    assert f"Reject Risky adults for text {text_id}" in names
    assert f"Add theme to text {text_id}" in names
    options = [o["value"] for o in section.select(f"#add-theme-{text_id} option")]
    assert "cce" not in options and "risky_adults" not in options and "school" in options


def decide(client_request: ClientRequest, suggestion: ThemeSuggestion, decision: str, back: str):
    return client_request.post_response(
        f"/themes/suggestions/{suggestion.id}",
        {"decision": decision, "back": back},
        form_url=back,
    )


def test_accept_and_reject_record_the_decision_and_audit_it(officer, client_request):
    _child, ids = make_texts()
    text_id = ids[COUNTY]
    back = f"{QUEUE}?theme=cce"
    themes = suggestions(text_id)
    response = decide(client_request, themes["cce"], "accepted", back)
    assert response.headers["Location"] == back
    page = client_request.get(back)
    assert f"Accepted Child criminal exploitation for text {text_id}" in banner_text(page), (
        banner_text(page)
    )
    decide(client_request, themes["risky_adults"], "rejected", back)
    after = suggestions(text_id)
    assert after["cce"].decision == Decision.ACCEPTED
    assert after["risky_adults"].decision == Decision.REJECTED
    assert after["cce"].decided_by_id == officer.id
    audits = decided_audits()
    assert [(a.object_id, a.detail["theme"], a.detail["decision"]) for a in audits] == [
        (str(text_id), "cce", "accepted"),
        (str(text_id), "risky_adults", "rejected"),
    ]
    assert all(a.actor_id == officer.id for a in audits)


def test_a_rejected_theme_is_no_longer_highlighted(officer, client_request):
    _child, ids = make_texts()
    text_id = ids[COUNTY]
    themes = suggestions(text_id)
    decide(client_request, themes["risky_adults"], "rejected", QUEUE)
    page = client_request.get(f"/themes/review/{text_id}")
    kept = sorted((span["start"], span["end"]) for span in themes["cce"].spans)
    assert [normalise(m.get_text()) for m in page.select("mark")] == [
        COUNTY[start:end] for start, end in kept
    ]
    assert "(evidence for Risky adults)" not in normalise(page.get_text())


def test_a_decision_without_accept_or_reject_is_refused_clearly(officer, client_request):
    _child, ids = make_texts()
    suggestion = suggestions(ids[ROW])["peers"]
    response = decide(client_request, suggestion, "maybe", QUEUE)
    assert response.headers["Location"] == QUEUE
    assert "Choose accept or reject" in banner_text(client_request.get(QUEUE))
    assert suggestions(ids[ROW])["peers"].decision == Decision.PENDING


def test_a_missing_suggestion_is_not_found(officer, client_request):
    make_texts()
    client_request.post_response(
        "/themes/suggestions/999999", {"decision": "accepted"}, expected_status=404, form_url=QUEUE
    )


def test_back_never_leads_off_the_review_pages(officer, client_request):
    _child, ids = make_texts()
    suggestion = suggestions(ids[ROW])["peers"]
    for back in ("https://evil.example/", "//evil.example/themes/review", "/children"):
        response = client_request.post_response(
            f"/themes/suggestions/{suggestion.id}",
            {"decision": "accepted", "back": back},
            form_url=QUEUE,
        )
        assert response.headers["Location"] == QUEUE, back


def test_add_a_theme_and_duplicates_are_refused_clearly(officer, client_request):
    _child, ids = make_texts()
    text_id = ids[ROW]
    item = f"/themes/review/{text_id}"
    response = client_request.post_response(
        f"{item}/add", {"theme": "school", "back": item}, form_url=item
    )
    assert response.headers["Location"] == item
    page = client_request.get(item)
    assert f"Added School to text {text_id} as accepted" in banner_text(page)
    added = suggestions(text_id)["school"]
    assert added.decision == Decision.ACCEPTED and added.origin == "reviewer"
    assert decided_audits()[-1].detail == {"theme": "school", "decision": "accepted"}
    # Now School is on the text: the list no longer offers it ...
    assert "school" not in [o["value"] for o in page.select(f"#add-theme-{text_id} option")]
    # ... and adding it again (an old page, a second tab) says why not.
    page = client_request.post(
        f"{item}/add", {"theme": "school", "back": item}, expected_status=409, form_url=item
    )
    assert error_messages(page) == ["This text already has that theme: accept or reject it instead"]
    link = page.select_one(".govuk-error-summary__list a")
    assert link["href"] == f"#add-theme-{text_id}" and page.select_one(link["href"])
    page = client_request.post(
        f"{item}/add", {"theme": "ufo", "back": item}, expected_status=422, form_url=item
    )
    assert error_messages(page) == ["Choose a theme from the list"]
    page = client_request.post(f"{item}/add", {"back": item}, expected_status=400, form_url=item)
    assert error_messages(page) == ["Choose a theme to add"]
    assert page.title is not None and page.title.get_text().startswith("Error: ")
    client_request.post_response(
        "/themes/review/999999/add", {"theme": "school"}, expected_status=404, form_url=item
    )


def test_accept_strong_accepts_only_strong_suggestions(officer, client_request):
    _child, ids = make_texts()
    page = client_request.get(QUEUE)
    form = page.select_one("form.app-accept-strong")
    assert form is not None
    assert f"{round(STRONG_SCORE * 100)}% or more" in normalise(form.get_text())
    sent = [int(i["value"]) for i in form.select("input[name=text_id]")]
    assert sorted(sent) == sorted(ids.values())
    before = {text_id: suggestions(text_id) for text_id in ids.values()}
    strong = sum(
        1 for themes in before.values() for s in themes.values() if s.score >= STRONG_SCORE
    )
    weak = sum(1 for themes in before.values() for s in themes.values() if s.score < STRONG_SCORE)
    assert strong and weak
    response = client_request.client.post(
        "/themes/review/accept-strong",
        data={"csrf_token": _token(page), "text_id": sent, "back": QUEUE},
    )
    assert response.status_code == 302
    page = client_request.get(QUEUE)
    assert f"Accepted {strong} strong suggestions" in banner_text(page)
    for text_id in ids.values():
        for s in suggestions(text_id).values():
            expected = Decision.ACCEPTED if s.score >= STRONG_SCORE else Decision.PENDING
            assert s.decision == expected, (s.theme, s.score)
    assert len(decided_audits()) == strong


def _token(page: BeautifulSoup) -> str:
    token = page.find("input", attrs={"name": "csrf_token"})
    assert token is not None
    return str(token["value"])


def test_filters_narrow_the_queue(officer, client_request):
    child, ids = make_texts()
    # The confidence filter is about scores, not the tagger: one text sure, one not.
    for text_id, score in ((ids[COUNTY], 0.99), (ids[ROW], 0.3)):
        for suggestion in suggestions(text_id).values():
            suggestion.score = score
    db.session.commit()

    def listed(**args: str) -> list[int]:
        return item_ids(client_request.get(f"{QUEUE}?{urlencode(args)}"))

    assert listed(theme="cce") == [ids[COUNTY]]
    assert listed(theme="family_conflict") == [ids[URGENT], ids[ROW]]
    assert listed(source="sms") == listed()
    assert listed(source="interview") == []
    scores = {text_id: [s.score for s in suggestions(text_id).values()] for text_id in ids.values()}
    high = [i for i in listed() if any(score >= STRONG_SCORE for score in scores[i])]
    low = [i for i in listed() if any(score < STRONG_SCORE for score in scores[i])]
    assert listed(confidence="high") == high and listed(confidence="low") == low
    assert high and low and (len(high) < 4 or len(low) < 4)
    district = str(child.district_id)
    assert len(listed(district=district)) == 4
    # GOV.UK date inputs: day, month and year under one name.
    dated = client_request.get(
        f"{QUEUE}?written_from=2&written_from=3&written_from=2026"
        "&written_to=3&written_to=3&written_to=2026"
    )
    assert item_ids(dated) == [ids[COUNTY], ids[GROOMING]]
    assert "matching your filters" in normalise(dated.select_one("main").get_text())


def test_bad_filters_give_clear_errors(officer, client_request):
    make_texts()
    page = client_request.get(
        f"{QUEUE}?written_from=31&written_from=2&written_from=2026", expected_status=400
    )
    assert error_messages(page) == ["Written from must be a real date"]
    assert page.title is not None and page.title.get_text().startswith("Error: ")
    page = client_request.get(f"{QUEUE}?written_to=1&written_to=&written_to=2026", 400)
    assert error_messages(page) == ["Written to must include a month"]
    page = client_request.get(
        f"{QUEUE}?written_from=5&written_from=3&written_from=2026"
        "&written_to=1&written_to=3&written_to=2026",
        400,
    )
    assert error_messages(page) == ["Written to must be the same as or after written from"]
    page = client_request.get(f"{QUEUE}?theme=ufo", 400)
    assert error_messages(page) == ["Select a theme from the list"]
    page = client_request.get(f"{QUEUE}?district=nowhere", 400)
    assert error_messages(page) == ["Select a district from the list"]
    assert item_ids(page) == []


def test_a_text_reviewed_fully_leaves_the_queue_and_shows_under_reviewed(officer, client_request):
    _child, ids = make_texts()
    text_id = ids[ROW]
    item = f"/themes/review/{text_id}?back={QUEUE}"
    for suggestion in suggestions(text_id).values():
        response = decide(client_request, suggestion, "accepted", item)
        assert response.headers["Location"] == item
    assert text_id not in item_ids(client_request.get(QUEUE))
    reviewed = client_request.get(f"{QUEUE}?reviewed=yes")
    assert item_ids(reviewed) == [text_id]
    assert "Family conflict: accepted by Pat Officer" in normalise(reviewed.get_text())
    page = client_request.get(item)
    assert "Every theme on this text has been reviewed" in normalise(page.get_text())
    rows = [normalise(row.get_text(" ")) for row in page.select(".app-decisions-table tbody tr")]
    assert rows and all("Accepted" in row and "Pat Officer" in row for row in rows)
    back = page.select_one(".govuk-back-link")
    assert back is not None and back["href"] == QUEUE


def test_a_text_that_changed_or_went_shows_no_stale_highlights(officer, client_request):
    _child, ids = make_texts()
    tagged = db.session.get(TaggedText, ids[ROW])
    assert tagged is not None
    tagged.text_hash = "0" * 64  # as if the text changed after tagging
    db.session.commit()
    page = client_request.get(f"/themes/review/{ids[ROW]}")
    assert "has changed since it was tagged" in normalise(page.get_text())
    assert page.select("mark") == []
    tagged.source_id = 999999  # as if deleted at the end of its retention period
    db.session.commit()
    page = client_request.get(f"/themes/review/{ids[ROW]}")
    assert "no longer exists" in normalise(page.get_text())
    assert page.select("mark") == []


def test_an_unknown_text_is_not_found(officer, client_request):
    client_request.get("/themes/review/999999", expected_status=404)


def test_interview_notes_are_reviewed_too(officer, client_request):
    team = create_team()
    child = create_child(team=team, given_name="Kai", family_name="Brookfield")
    _episode, rhi = create_returned_episode(child)
    for step in (RhiStatus.OFFERED, RhiStatus.ACCEPTED, RhiStatus.SCHEDULED):
        change_status(rhi, step, by=None)
    submit_interview(
        rhi,
        InterviewAnswers(
            method=InterviewMethod.PHONE,
            held_at=datetime.now(UTC) - timedelta(hours=2),
            child_words="Kai said Brookfield family rules are too strict; went country with olders",
        ),
        by=None,
        expected_version=0,
    )
    assert tag_pending() == 1
    db.session.commit()
    page = client_request.get(f"{QUEUE}?source=interview")
    section = page.select_one("section.app-review-item")
    assert section is not None
    words = normalise(section.get_text())
    assert "Interview notes" in words and child.case_ref in words
    assert "Kai" not in words and "Brookfield" not in words and "K. said B." in words


@pytest.mark.parametrize("role", [Role.RHI_WORKER, Role.TEAM_MANAGER, Role.ADMIN])
def test_only_participation_officers_may_review(app_ctx, client_request, role):
    _child, ids = make_texts()
    user = create_user(role, team=create_team())
    sign_in(client_request, user)
    text_id = ids[ROW]
    suggestion = suggestions(text_id)["peers"]
    client_request.get(QUEUE, expected_status=403)
    client_request.get(f"/themes/review/{text_id}", expected_status=403)
    token = client_request.csrf_token("/account/change-password")
    for url, data in (
        (f"/themes/suggestions/{suggestion.id}", {"decision": "accepted"}),
        (f"/themes/review/{text_id}/add", {"theme": "school"}),
        ("/themes/review/accept-strong", {"text_id": str(text_id)}),
    ):
        response = client_request.client.post(url, data={"csrf_token": token, **data})
        assert response.status_code == 403, url
    assert all(s.decision == Decision.PENDING for s in suggestions(text_id).values())
    assert decided_audits() == []


def test_sources_are_labelled(officer, client_request):
    make_texts()
    page = client_request.get(QUEUE)
    assert (
        normalise(page.select_one("section.app-review-item").get_text()).count(TextSource.SMS.label)
        == 1
    )
