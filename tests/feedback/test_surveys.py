"""Surveys started by the RHI workflow: who gets one, in which language, how replies advance."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from feedback.models import SurveyAnswer
from feedback.surveys import parse_choice, parse_rating, parse_yes_no, remind_and_expire, start_due
from feedback.vocabulary import Audience, ConversationStatus, MessageKind, SendStatus
from rhi.auth.roles import Role
from rhi.extensions import db
from rhi.interviews.services import change_status
from rhi.interviews.vocabulary import RhiStatus
from tests.factories import create_team, create_user
from tests.feedback.sms_helpers import complete, conversations, decline, outbox, text_in
from tests.feedback_factories import create_contact, shipped_templates
from tests.workflow_factories import create_child, create_returned_episode


@pytest.fixture
def family(app_ctx):
    """A child with a consented young person's number and a parent's, and the shipped surveys."""
    team = create_team()
    worker = create_user(Role.RHI_WORKER, team=team)
    child = create_child(team=team)
    young = create_contact(child, worker, audience=Audience.CHILD)
    parent = create_contact(child, worker, audience=Audience.PARENT)
    shipped_templates()
    _episode, rhi = create_returned_episode(child)
    return {"child": child, "worker": worker, "young": young, "parent": parent, "rhi": rhi}


def test_completing_an_rhi_texts_the_young_person_and_the_parent_separately(family):
    complete(family["rhi"])
    young, parent = family["young"], family["parent"]
    [to_young] = outbox(young.phone)
    [to_parent] = outbox(parent.phone)
    assert to_young.status == to_parent.status == SendStatus.PENDING
    assert "This is Homeward" not in to_young.body and "Homeward" in to_young.body
    assert "How helpful was talking to us" in to_young.body
    assert "Reply with a number from 1 (bad) to 5 (good)." in to_young.body
    assert to_young.conversation.audience == Audience.CHILD
    assert to_parent.conversation.audience == Audience.PARENT
    assert to_young.conversation_id != to_parent.conversation_id
    # The four-week survey is scheduled, not sent.
    later = [c for c in conversations(young.phone) if c.status == ConversationStatus.SCHEDULED]
    assert len(later) == 1 and later[0].start_at - to_young.created_at >= timedelta(days=27)


def test_the_greeting_never_mentions_the_missing_episode(family):
    complete(family["rhi"])
    body = outbox(family["young"].phone)[0].body.lower()
    for word in ("missing", "police", "return home", "episode", family["child"].given_name.lower()):
        assert word not in body


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"consent": False}, "no consent"),
        ({"safe_to_text": False}, "not safe to text"),
    ],
)
def test_no_survey_without_consent_or_safe_to_text(app_ctx, change, reason):
    team = create_team()
    worker = create_user(Role.RHI_WORKER, team=team)
    child = create_child(team=team)
    contact = create_contact(child, worker, **change)
    shipped_templates()
    _episode, rhi = create_returned_episode(child)
    complete(rhi)
    assert outbox(contact.phone) == [], reason
    assert conversations(contact.phone) == []


def test_no_survey_to_a_number_that_texted_stop(family):
    text_in(family["young"].phone, "STOP")
    complete(family["rhi"])
    kinds = [m.kind for m in outbox(family["young"].phone)]
    assert kinds == [MessageKind.KEYWORD_REPLY]


def test_a_polish_contact_gets_polish_questions(app_ctx):
    team = create_team()
    worker = create_user(Role.RHI_WORKER, team=team)
    child = create_child(team=team)
    contact = create_contact(child, worker, language="pl")
    shipped_templates()
    _episode, rhi = create_returned_episode(child)
    complete(rhi)
    [first] = outbox(contact.phone)
    assert "Jak bardzo pomogła Ci rozmowa z nami" in first.body
    assert "Odpowiedz cyfrą od 1 (źle) do 5 (dobrze)." in first.body
    text_in(contact.phone, "5")
    assert "Odpowiedz TAK lub NIE." in outbox(contact.phone)[-1].body
    text_in(contact.phone, "tak")
    answers = db.session.scalars(sa.select(SurveyAnswer).order_by(SurveyAnswer.id)).all()
    assert [(a.rating, a.choice) for a in answers] == [(5, None), (None, "yes")]


def test_replies_advance_the_survey_with_one_reask_and_free_text_kept_whole(family):
    complete(family["rhi"])
    phone = family["young"].phone
    text_in(phone, "4 - it was ok")
    assert "Did you feel listened to? Reply YES or NO." in outbox(phone)[-1].body
    text_in(phone, "maybe?")
    reask = outbox(phone)[-1]
    assert reask.kind == MessageKind.REASK
    assert reask.body.startswith("Sorry, we did not understand that.")
    text_in(phone, "kind of")  # still unclear: kept as it came, and the survey moves on
    assert "Is there anything you want to tell us?" in outbox(phone)[-1].body
    words = "the worker was sound\nbut nobody asked about my mum's boyfriend, he's the problem"
    text_in(phone, words)
    assert "Would you like someone to contact you?" in outbox(phone)[-1].body
    text_in(phone, "yes please")
    thanks = outbox(phone)[-1]
    assert thanks.kind == MessageKind.THANKS and "Childline is free on 0800 1111" in thanks.body
    conversation = thanks.conversation
    db.session.refresh(conversation)
    assert conversation.status == ConversationStatus.COMPLETED
    assert conversation.callback_requested is True
    answers = conversation.answers
    assert [(a.question.key, a.rating, a.choice, a.understood) for a in answers] == [
        ("helpful", 4, None, True),
        ("listened", None, None, False),
        ("say", None, None, True),
        ("callback", None, "yes", True),
    ]
    assert answers[1].text == "kind of"
    assert answers[2].text == words


def test_a_resubmitted_interview_does_not_send_the_survey_again(family):
    rhi = family["rhi"]
    complete(rhi)
    change_status(rhi, RhiStatus.RETURNED_FOR_CHANGES, by=None, note="Add the school")
    change_status(rhi, RhiStatus.COMPLETED, by=None)
    assert len(outbox(family["young"].phone)) == 1
    assert len(outbox(family["parent"].phone)) == 1


def test_a_decline_sends_the_parent_survey_only(family):
    decline(family["rhi"])
    assert outbox(family["young"].phone) == []
    [to_parent] = outbox(family["parent"].phone)
    assert "Is there anything you want to tell us?" in to_parent.body


def test_a_second_survey_waits_until_the_first_is_finished(family):
    complete(family["rhi"])
    phone = family["young"].phone
    in_four_weeks = outbox(phone)[0].created_at + timedelta(days=28, minutes=1)
    first, later = conversations(phone)[0], conversations(phone)[1]
    first.status = ConversationStatus.ACTIVE
    first.expires_at = in_four_weeks + timedelta(days=1)
    db.session.commit()
    assert start_due(in_four_weeks) == 0
    assert later.status == ConversationStatus.SCHEDULED
    first.status = ConversationStatus.COMPLETED
    db.session.commit()
    assert start_due(in_four_weeks) == 1
    db.session.refresh(later)
    assert later.status == ConversationStatus.ACTIVE
    assert "Has anything got better since we spoke?" in outbox(phone)[-1].body
    assert "1 Yes, 2 A bit, 3 No, 4 Not sure" in outbox(phone)[-1].body


def test_one_reminder_then_expiry(family):
    complete(family["rhi"])
    phone = family["young"].phone
    sent_at = outbox(phone)[0].created_at
    assert remind_and_expire(sent_at + timedelta(hours=23)) == (0, 0)
    assert remind_and_expire(sent_at + timedelta(hours=24, minutes=1)) == (2, 0)  # child, parent
    assert outbox(phone)[-1].kind == MessageKind.REMINDER
    assert remind_and_expire(sent_at + timedelta(hours=48)) == (0, 0)
    assert remind_and_expire(sent_at + timedelta(hours=72, minutes=1)) == (0, 2)
    statuses = {c.status for c in conversations(phone)}
    assert ConversationStatus.EXPIRED in statuses
    text_in(phone, "sorry only just saw this, 5")  # after expiry: kept in the running thread
    assert conversations(phone)[-1].status == ConversationStatus.THREAD


class TestReadingAnswers:
    @pytest.mark.parametrize(
        ("text", "rating"),
        [("4", 4), (" 5 ", 5), ("4/5", 4), ("3 out of 5", 3), ("five", 5), ("2 it was meh", 2)],
    )
    def test_ratings(self, text, rating):
        assert parse_rating(text) == rating

    @pytest.mark.parametrize("text", ["", "6", "0", "3 or 4", "good", "10/10", "1 2"])
    def test_unclear_ratings(self, text):
        assert parse_rating(text) is None

    @pytest.mark.parametrize(
        ("text", "language", "answer"),
        [
            ("Yes", "en", "yes"),
            ("yeah def", "en", "yes"),
            ("nah", "en", "no"),
            ("NO THANKS", "en", "no"),
            ("tak", "pl", "yes"),
            ("nie", "pl", "no"),
            ("da", "ro", "yes"),
            ("nu", "ro", "no"),
            ("جی ہاں", "ur", "yes"),
            ("nahi", "ur", "no"),
            ("yes", "pl", "yes"),
        ],
    )
    def test_yes_and_no_in_each_language(self, app_ctx, text, language, answer):
        assert parse_yes_no(text, language) == answer

    @pytest.mark.parametrize("text", ["", "maybe", "dunno", "tak", "?"])
    def test_unclear_yes_no_in_english(self, app_ctx, text):
        assert parse_yes_no(text, "en") is None

    def test_choices_by_number_or_words(self, family):
        templates = shipped_templates()
        question = templates["Four weeks on: young person"].questions[0]
        assert parse_choice("2", question, "en") == "A bit"
        assert parse_choice("not sure", question, "en") == "Not sure"
        assert parse_choice("Trochę", question, "pl") == "A bit"
        assert parse_choice("5", question, "en") is None
