"""Theme tagging of interview notes and texts, the review decisions, and their export."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import sqlalchemy as sa

from nlp.taxonomy import SAFETY_THEMES
from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.auth.roles import Role
from rhi.database import utcnow
from rhi.domain import Conflict, RuleBroken
from rhi.extensions import db
from rhi.interviews.record_services import InterviewAnswers, save_draft
from rhi.interviews.services import change_status
from rhi.interviews.vocabulary import InterviewMethod, RhiStatus
from rhi.themes.models import TaggedText, ThemeSuggestion
from rhi.themes.review import (
    QueueFilter,
    accept_strong,
    add_theme,
    decide,
    export_corrections,
    pseudonymise,
    review_item,
    review_queue,
)
from rhi.themes.sources import interview_text
from rhi.themes.tagging import tag_pending
from rhi.themes.vocabulary import STRONG_SCORE, Decision, Origin, TextSource
from tests.factories import create_team, create_user
from tests.feedback.sms_helpers import text_in
from tests.feedback_factories import create_contact
from tests.workflow_factories import create_child, create_returned_episode

WORDS = "Kai said he went country with some olders and had to hold a package for them."


@pytest.fixture
def team():
    return create_team("North team")


@pytest.fixture
def reviewer():
    return create_user(Role.PARTICIPATION_OFFICER, full_name="Sasha Reviewer")


def submitted_interview(team, **answers):  # type: ignore[no-untyped-def]
    child = create_child(team=team, given_name="Kai", family_name="Brookfield")
    _episode, rhi = create_returned_episode(child)
    for step in (RhiStatus.OFFERED, RhiStatus.ACCEPTED, RhiStatus.SCHEDULED):
        change_status(rhi, step, by=None)
    record = save_draft(
        rhi,
        InterviewAnswers(
            method=InterviewMethod.FACE_TO_FACE, held_at=utcnow() - timedelta(hours=3), **answers
        ),
        by=None,
        expected_version=0,
    )
    record.submitted_at = utcnow()
    db.session.commit()
    return record


def tagged_texts() -> list[TaggedText]:
    return list(db.session.scalars(sa.select(TaggedText).order_by(TaggedText.id)))


def test_a_submitted_interview_is_tagged_with_evidence_and_the_model_version(app_ctx, team):
    record = submitted_interview(team, child_words=WORDS, school="Attending, no concerns.")
    assert tag_pending() == 1
    [tagged] = tagged_texts()
    assert (tagged.source, tagged.source_id) == (TextSource.INTERVIEW, record.id)
    themes = {s.theme: s for s in tagged.suggestions}
    assert "cce" in themes and "risky_adults" in themes
    text = interview_text(record)
    cce = themes["cce"]
    assert cce.decision == Decision.PENDING and cce.origin == Origin.TAGGER
    assert any("country" in text[span["start"] : span["end"]] for span in cce.spans)
    assert cce.model_version == tagged.model_version and "+" in tagged.model_version
    assert tag_pending() == 0  # nothing new


def test_drafts_are_not_tagged_until_submitted(app_ctx, team):
    record = submitted_interview(team, child_words=WORDS)
    record.submitted_at = None
    db.session.commit()
    assert tag_pending() == 0


def test_a_changed_interview_is_tagged_again_keeping_decisions(app_ctx, team, reviewer):
    record = submitted_interview(team, child_words=WORDS)
    tag_pending()
    [tagged] = tagged_texts()
    cce = next(s for s in tagged.suggestions if s.theme == "cce")
    decide(cce.id, Decision.ACCEPTED, by=reviewer)
    record.child_words = WORDS + " He is also being bullied at school."
    record.updated_at = utcnow() + timedelta(seconds=5)
    db.session.commit()
    assert tag_pending() == 1
    db.session.refresh(tagged)
    themes = {s.theme: s for s in tagged.suggestions}
    assert themes["cce"].decision == Decision.ACCEPTED
    assert themes["school"].decision == Decision.PENDING
    assert tagged.reviewed_at is None


def test_received_texts_are_tagged_once_handled(app_ctx, team):
    worker = create_user(Role.RHI_WORKER, team=team)
    child = create_child(team=team, given_name="Rhianna", family_name="Oakes")
    contact = create_contact(child, worker)
    text_in(contact.phone, "met a man off snapchat hes 24 and he bought me a phone")
    assert tag_pending() == 1
    [tagged] = tagged_texts()
    assert tagged.source == TextSource.SMS and tagged.child_id == child.id
    assert "risky_adults" in {s.theme for s in tagged.suggestions}


def test_the_reviewer_sees_initials_not_names_numbers_or_emails(app_ctx, team):
    worker = create_user(Role.RHI_WORKER, team=team)
    child = create_child(team=team, given_name="Rhianna", family_name="Oakes")
    contact = create_contact(child, worker, name="Auntie Bev")
    text_in(
        contact.phone,
        "its rhianna, auntie bev says ring her on 07700 900321 or bev@example.org, "
        "a man keeps giving me lifts",
    )
    tag_pending()
    [tagged] = tagged_texts()
    item = review_item(tagged.id)
    shown = "".join(segment.text for segment in item.segments)
    for secret in ("rhianna", "Rhianna", "bev", "Bev", "900321", "example.org"):
        assert secret not in shown
    assert shown.startswith("its R.") and "[phone number]" in shown and "[email]" in shown
    highlighted = [s.text for s in item.segments if s.themes]
    assert highlighted and all(h in "a man keeps giving me lifts" for h in highlighted)


def test_pseudonymise_leaves_other_words_alone():
    assert pseudonymise("Kai and Kaitlyn met KAI", ("Kai",)) == "K. and Kaitlyn met K."


def test_the_queue_puts_urgent_then_safety_themes_first(app_ctx, team):
    worker = create_user(Role.RHI_WORKER, team=team)
    child = create_child(team=team)
    contact = create_contact(child, worker)
    text_in(contact.phone, "argued with my mum about my curfew again")
    text_in(contact.phone, "went country with some olders")
    text_in(contact.phone, "hes outside my house again, he got me drunk before")
    tag_pending()
    page = review_queue(QueueFilter())
    assert page.total == 3
    first, second, third = page.items
    assert first.tagged.urgent
    assert second.safety and not second.tagged.urgent
    assert not third.safety and not third.tagged.urgent


def test_filters_narrow_the_queue(app_ctx, team):
    worker = create_user(Role.RHI_WORKER, team=team)
    contact = create_contact(create_child(team=team), worker)
    text_in(contact.phone, "went country with some olders")
    text_in(contact.phone, "got excluded from school today")
    submitted_interview(team, child_words="Kai says he was at a party at a mates house.")
    tag_pending()
    assert review_queue(QueueFilter()).total == 3
    assert review_queue(QueueFilter(theme="cce")).total == 1
    assert review_queue(QueueFilter(source=TextSource.INTERVIEW)).total == 1
    tomorrow = (utcnow() + timedelta(days=1)).date()
    assert review_queue(QueueFilter(written_from=tomorrow)).total == 0
    assert review_queue(QueueFilter(written_to=tomorrow)).total == 3


def test_decisions_are_audited_and_a_fully_decided_text_leaves_the_queue(app_ctx, team, reviewer):
    worker = create_user(Role.RHI_WORKER, team=team)
    contact = create_contact(create_child(team=team), worker)
    text_in(contact.phone, "went country with some olders")
    tag_pending()
    [tagged] = tagged_texts()
    for suggestion in list(tagged.suggestions):
        decide(
            suggestion.id,
            Decision.REJECTED if suggestion.theme != "cce" else Decision.ACCEPTED,
            by=reviewer,
        )
    db.session.refresh(tagged)
    assert tagged.reviewed_at is not None and tagged.reviewed_by_id == reviewer.id
    assert review_queue(QueueFilter()).total == 0
    assert review_queue(QueueFilter(reviewed=True)).total == 1
    audits = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.action == AuditAction.THEME_DECIDED)
    ).all()
    assert len(audits) == len(tagged.suggestions)
    assert all(event.actor_id == reviewer.id for event in audits)
    with pytest.raises(RuleBroken):
        decide(tagged.suggestions[0].id, Decision.PENDING, by=reviewer)


def test_queue_marks_follow_every_decision(app_ctx, team, reviewer):
    """The queue reads marks kept on each text: they must follow the suggestions."""
    worker = create_user(Role.RHI_WORKER, team=team)
    contact = create_contact(create_child(team=team), worker)
    text_in(contact.phone, "went country with some olders, got excluded from school")
    tag_pending()
    [tagged] = tagged_texts()

    def marks() -> tuple[bool, bool]:
        db.session.expire_all()
        text = db.session.get(TaggedText, tagged.id)
        assert text is not None
        return text.awaiting_review, text.awaiting_safety_review

    assert marks() == (True, True)
    by_theme = {s.theme: s.id for s in tagged.suggestions}
    assert {"cce", "school"} <= set(by_theme)
    for theme, suggestion_id in by_theme.items():
        if theme in SAFETY_THEMES:
            decide(suggestion_id, Decision.REJECTED, by=reviewer)
    assert marks() == (True, False)  # school still waits, but no safety theme does
    assert review_queue(QueueFilter()).items[0].tagged.id == tagged.id
    for theme, suggestion_id in by_theme.items():
        if theme not in SAFETY_THEMES:
            decide(suggestion_id, Decision.ACCEPTED, by=reviewer)
    assert marks() == (False, False)
    assert review_queue(QueueFilter()).total == 0
    # Another text with a safety theme waits, marked as such.
    text_in(contact.phone, "the olders made me go country again to sell for them")
    tag_pending()
    assert sorted(t.awaiting_safety_review for t in tagged_texts()) == [False, True]


def test_a_reviewer_adds_a_missed_theme_once(app_ctx, team, reviewer):
    worker = create_user(Role.RHI_WORKER, team=team)
    contact = create_contact(create_child(team=team), worker)
    text_in(contact.phone, "went country with some olders")
    tag_pending()
    [tagged] = tagged_texts()
    added = add_theme(tagged.id, "offending", by=reviewer)
    assert (added.decision, added.origin) == (Decision.ACCEPTED, Origin.REVIEWER)
    with pytest.raises(Conflict):
        add_theme(tagged.id, "offending", by=reviewer)
    with pytest.raises(RuleBroken):
        add_theme(tagged.id, "not_a_theme", by=reviewer)


def test_accept_strong_accepts_only_strong_suggestions(app_ctx, team, reviewer):
    worker = create_user(Role.RHI_WORKER, team=team)
    contact = create_contact(create_child(team=team), worker)
    text_in(contact.phone, "went country with some olders")
    tag_pending()
    [tagged] = tagged_texts()
    weak = tagged.suggestions[0]
    weak.score = STRONG_SCORE - 0.2
    for strong in tagged.suggestions[1:]:
        strong.score = STRONG_SCORE
    db.session.commit()
    assert accept_strong([tagged.id], by=reviewer) == len(tagged.suggestions) - 1
    db.session.refresh(weak)
    assert weak.decision == Decision.PENDING


def test_reviewed_texts_export_pseudonymised_for_training(app_ctx, team, reviewer, tmp_path):
    worker = create_user(Role.RHI_WORKER, team=team)
    child = create_child(team=team, given_name="Rhianna", family_name="Oakes")
    contact = create_contact(child, worker)
    text_in(contact.phone, "rhianna here, went country with some olders")
    text_in(contact.phone, "got excluded from school today")  # not reviewed: left out
    tag_pending()
    first = tagged_texts()[0]
    for suggestion in list(first.suggestions):
        decide(
            suggestion.id,
            Decision.ACCEPTED if suggestion.theme == "cce" else Decision.REJECTED,
            by=reviewer,
        )
    add_theme(first.id, "peers", by=reviewer)
    path = tmp_path / "corrections.jsonl"
    assert export_corrections(path) == 1
    [row] = [json.loads(line) for line in path.read_text().splitlines()]
    assert row["labels"] == ["cce", "peers"]
    assert row["text"] == "R. here, went country with some olders"
    assert row["voice"] == "sms" and row["id"] == f"sms-{first.source_id}"


def test_suggestions_go_with_their_text(app_ctx, team):
    submitted_interview(team, child_words=WORDS)
    tag_pending()
    [tagged] = tagged_texts()
    db.session.delete(tagged)
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count(ThemeSuggestion.id))) == 0


def test_a_new_model_version_tags_everything_again_keeping_decisions(
    app_ctx, team, reviewer, monkeypatch
):
    submitted_interview(team, child_words=WORDS)
    tag_pending()
    [tagged] = tagged_texts()
    cce = next(s for s in tagged.suggestions if s.theme == "cce")
    decide(cce.id, Decision.ACCEPTED, by=reviewer)
    assert tag_pending() == 0
    monkeypatch.setattr("rhi.themes.tagging.model_version", lambda: "rules-2+retrained")
    assert tag_pending() == 1
    assert tag_pending() == 0
    db.session.refresh(tagged)
    assert tagged.model_version == "rules-2+retrained"
    assert next(s for s in tagged.suggestions if s.theme == "cce").decision == Decision.ACCEPTED
