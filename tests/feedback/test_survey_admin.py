"""Survey templates for administrators: surveys, their questions, their length in texts."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from feedback import languages
from feedback.models import Conversation, SurveyQuestion, SurveyTemplate
from feedback.vocabulary import ConversationStatus
from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.auth.models import User
from rhi.auth.roles import Role
from rhi.extensions import db
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.feedback_factories import fresh_mobile, shipped_templates
from tests.pages import banner_text, error_messages, normalise

LIST = "/admin/surveys"
ADD = "/admin/surveys/add"

TEMPLATE = {
    "name": "Six weeks on: young person",
    "audience": "child",
    "trigger": "rhi_completed",
    "delay_days": "42",
    "reminder_after_hours": "",
    "expires_after_hours": "96",
    "active": "y",
    "greeting_en": "",
    "greeting_pl": "",
    "thanks_en": "Thanks from all of us.",
    "thanks_pl": "",
}


@pytest.fixture(autouse=True)
def polish(monkeypatch: pytest.MonkeyPatch) -> None:
    """English and Polish, whichever catalogues this checkout has."""
    monkeypatch.setattr(languages, "available", lambda: ["en", "pl"])


@pytest.fixture
def admin() -> User:
    return create_user(Role.ADMIN, full_name="Ada Admin")


def template_url(template: SurveyTemplate) -> str:
    return f"/admin/surveys/{template.id}"


def question_url(template: SurveyTemplate, question: SurveyQuestion, action: str = "") -> str:
    return f"/admin/surveys/{template.id}/questions/{question.id}{action}"


def templates() -> list[SurveyTemplate]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(SurveyTemplate).order_by(SurveyTemplate.id)))


def keys(template: SurveyTemplate) -> list[tuple[int, str]]:
    db.session.expire_all()
    return [
        (q.position, q.key)
        for q in db.session.scalars(
            sa.select(SurveyQuestion)
            .where(SurveyQuestion.template_id == template.id)
            .order_by(SurveyQuestion.position)
        )
    ]


def lengths(page: Any) -> list[str]:
    return [normalise(span.get_text()) for span in page.select(".app-sms-length")]


def question_data(**overrides: str) -> dict[str, str]:
    return {
        "kind": "yes_no",
        "key": "safe_now",
        "text_en": "Do you feel safe at home now?",
        "text_pl": "Czy czujesz się teraz bezpiecznie w domu? Proszę odpowiedz, to ważne dla nas.",
        "choices_en": "",
        "choices_pl": "",
        **overrides,
    }


def add_template(client_request: Any) -> SurveyTemplate:
    client_request.post_response(ADD, TEMPLATE)
    (template,) = templates()
    return template


def activate_conversation(template: SurveyTemplate) -> None:
    db.session.add(
        Conversation(
            phone=fresh_mobile(),
            template_id=template.id,
            status=ConversationStatus.ACTIVE,
            position=1,
        )
    )
    db.session.commit()


class TestTemplates:
    def test_an_administrator_adds_a_survey_and_a_question(self, client_request, admin):
        sign_in(client_request, admin)
        form = client_request.get(ADD)
        assert form.select_one("textarea[name=greeting_pl]") is not None

        response = client_request.post_response(ADD, TEMPLATE)
        (template,) = templates()
        assert response.headers["Location"] == template_url(template)
        assert (template.name, template.audience, template.trigger) == (
            "Six weeks on: young person",
            "child",
            "rhi_completed",
        )
        assert (template.delay_days, template.reminder_after_hours) == (42, None)
        assert template.expires_after_hours == 96 and template.active
        # Blank wording is not stored: the catalogue's is used.
        assert template.greeting == {} and template.thanks == {"en": "Thanks from all of us."}

        page = client_request.get(template_url(template))
        assert "Survey added" in banner_text(page)
        assert page.select_one("#no-questions") is not None

        add = f"/admin/surveys/{template.id}/questions/add"
        client_request.post_response(add, question_data())
        (question,) = template.questions
        assert question.position == 1 and question.kind == "yes_no"
        assert set(question.text) == {"en", "pl"}

        page = client_request.get(template_url(template))
        card = page.select_one(f"#question-{question.id}")
        text = normalise(card.get_text(" "))
        assert "Do you feel safe at home now? Reply YES or NO." in text
        found = lengths(card)
        english, polish = found
        assert english.startswith("1 text message (GSM-7, ")
        # "ę" and "ż" are not in the GSM alphabet: the Polish question goes as UCS-2, in two.
        assert polish.startswith("2 text messages (UCS-2, ")
        assert card.select_one(".app-sms-length-hint") is not None
        # The first text is the greeting and the first question together.
        first = lengths(page.select_one(".app-first-text"))
        assert len(first) == 2 and all("text messages" in item for item in first)

        page = client_request.get(LIST)
        (row,) = page.select(".app-survey-table tbody tr")
        cells = [normalise(cell.get_text()) for cell in row.select("th, td")]
        assert cells == [
            "Six weeks on: young person",
            "Young person",
            "When an interview is completed, after 42 days",
            "1",
            "Active",
        ]

        events = db.session.scalars(
            sa.select(AuditEvent).where(AuditEvent.action == AuditAction.SURVEY_TEMPLATE_SAVED)
        ).all()
        assert [e.detail["change"] for e in events] == ["template_added", "question_added"]
        assert {e.actor_id for e in events} == {admin.id}

    def test_a_question_with_a_polish_letter_goes_as_ucs2(self, client_request, admin):
        sign_in(client_request, admin)
        template = add_template(client_request)
        client_request.post_response(
            f"/admin/surveys/{template.id}/questions/add",
            question_data(kind="free_text", text_pl="Co ą?"),
        )
        english, polish = lengths(
            client_request.get(template_url(template)).select(".app-question")[0]
        )
        assert english.startswith("1 text message (GSM-7")
        assert polish == "1 text message (UCS-2, 5 characters)"

    def test_the_name_must_be_new(self, client_request, admin):
        sign_in(client_request, admin)
        add_template(client_request)
        page = client_request.post(ADD, TEMPLATE, expected_status=422)
        assert error_messages(page) == ["There is already a survey with this name"]
        assert len(templates()) == 1

    def test_numbers_are_checked(self, client_request, admin):
        sign_in(client_request, admin)
        page = client_request.post(
            ADD, {**TEMPLATE, "delay_days": "soon", "expires_after_hours": ""}
        )
        assert error_messages(page) == [
            "Enter a number of days, like 0 or 28",
            "Enter a number of hours, like 72",
        ]
        page = client_request.post(
            ADD, {**TEMPLATE, "reminder_after_hours": "100"}, expected_status=422
        )
        assert error_messages(page) == [
            "The reminder must come at least 1 hour in, and before the survey expires"
        ]
        assert templates() == []

    def test_the_shipped_surveys_are_added_once(self, client_request, admin):
        sign_in(client_request, admin)
        page = client_request.get(LIST)
        assert page.select_one("#no-surveys") is not None
        client_request.post_response("/admin/surveys/add-shipped", form_url=LIST)
        first = [t.name for t in templates()]
        assert len(first) == 4
        page = client_request.get(LIST)
        assert page.select_one("#add-shipped") is None
        assert len(page.select(".app-survey-table tbody tr")) == 4
        # A second post (a double click, an old tab) adds nothing.
        client_request.post_response("/admin/surveys/add-shipped", form_url=ADD)
        assert [t.name for t in templates()] == first

    def test_a_shipped_survey_shows_its_lengths(self, client_request, admin):
        shipped = shipped_templates()["Four weeks on: young person"]
        sign_in(client_request, admin)
        page = client_request.get(template_url(shipped))
        assert len(page.select(".app-question")) == 2
        text = normalise(page.select(".app-question")[0].get_text(" "))
        assert "Reply with a number: 1 Yes, 2 A bit, 3 No, 4 Not sure" in text


class TestQuestions:
    def test_choice_lines_must_match_the_english(self, client_request, admin):
        sign_in(client_request, admin)
        template = add_template(client_request)
        add = f"/admin/surveys/{template.id}/questions/add"
        page = client_request.post(
            add,
            question_data(kind="choice", choices_en="Yes\nA bit\nNo", choices_pl="Tak\nNie"),
            expected_status=422,
        )
        (message,) = error_messages(page)
        assert message.startswith("Enter 3 choices, one on each line")
        assert page.select_one("#choices_pl-error") is not None
        page = client_request.post(add, question_data(kind="choice"), expected_status=422)
        assert error_messages(page) == ["Enter at least 2 choices in English, one on each line"]
        assert keys(template) == []

        client_request.post_response(
            add,
            question_data(kind="choice", choices_en="Yes\nA bit\n\nNo\n", choices_pl=""),
        )
        (question,) = templates()[0].questions
        assert question.choices == {"en": ["Yes", "A bit", "No"]}

    def test_english_and_a_good_key_are_needed(self, client_request, admin):
        sign_in(client_request, admin)
        template = add_template(client_request)
        add = f"/admin/surveys/{template.id}/questions/add"
        page = client_request.post(add, question_data(text_en=""), expected_status=422)
        assert error_messages(page) == ["Enter the question in English"]
        page = client_request.post(add, question_data(key="safe now!"), expected_status=422)
        assert error_messages(page)[0].startswith("The short name can only use letters")
        page = client_request.post(
            add, question_data(kind="rating", asks_for_callback="y"), expected_status=422
        )
        assert error_messages(page) == [
            "Only a yes or no question can ask whether they want a call back"
        ]
        assert keys(template) == []

    def test_a_question_is_changed(self, client_request, admin):
        template = shipped_templates()["After an interview: young person"]
        question = template.questions[1]
        sign_in(client_request, admin)
        form = client_request.get(question_url(template, question))
        assert form.select_one("textarea[name=text_en]").get_text().strip() == (
            "Did you feel listened to?"
        )
        client_request.post_response(
            question_url(template, question),
            question_data(key="listened", text_en="Did we listen to you?", asks_for_callback=""),
        )
        db.session.expire_all()
        changed = db.session.get(SurveyQuestion, question.id)
        assert changed is not None and changed.text["en"] == "Did we listen to you?"

    def test_questions_move_and_are_deleted(self, client_request, admin):
        template = shipped_templates()["After an interview: young person"]
        first, _second, third, fourth = template.questions
        sign_in(client_request, admin)
        page = client_request.get(template_url(template))
        client_request.post_response(
            question_url(template, third, "/move"),
            {"direction": "up"},
            form_url=template_url(template),
        )
        assert keys(template) == [(1, "helpful"), (2, "say"), (3, "listened"), (4, "callback")]
        client_request.post_response(
            question_url(template, first, "/move"),
            {"direction": "down"},
            form_url=template_url(template),
        )
        assert keys(template) == [(1, "say"), (2, "helpful"), (3, "listened"), (4, "callback")]
        # Moving the last question down changes nothing.
        client_request.post_response(
            question_url(template, fourth, "/move"),
            {"direction": "down"},
            form_url=template_url(template),
        )
        client_request.post_response(
            question_url(template, first, "/delete"), form_url=template_url(template)
        )
        assert keys(template) == [(1, "say"), (2, "listened"), (3, "callback")]
        assert page.select_one("#active-conversations") is None

    def test_no_moving_or_deleting_while_a_survey_waits_for_replies(self, client_request, admin):
        template = shipped_templates()["After an interview: young person"]
        first, second = template.questions[:2]
        activate_conversation(template)
        sign_in(client_request, admin)
        page = client_request.get(template_url(template))
        assert page.select_one("#active-conversations") is not None
        assert page.select("button[type=submit]") and not any(
            "Move" in b.get_text() or "Delete" in b.get_text()
            for b in page.select("button[type=submit]")
        )
        page = client_request.post(
            question_url(template, second, "/move"),
            {"direction": "up"},
            expected_status=409,
            form_url=LIST,
        )
        (message,) = error_messages(page)
        assert "waiting for replies" in message
        page = client_request.post(
            question_url(template, first, "/delete"), expected_status=409, form_url=LIST
        )
        assert "waiting for replies" in error_messages(page)[0]
        assert keys(template) == [(1, "helpful"), (2, "listened"), (3, "say"), (4, "callback")]
        # Adding a question at the end is safe.
        client_request.post_response(
            f"/admin/surveys/{template.id}/questions/add", question_data(key="more")
        )
        assert keys(template)[-1] == (5, "more")

    def test_a_question_of_another_template_is_not_found(self, client_request, admin):
        shipped = shipped_templates()
        one = shipped["After an interview: young person"]
        other = shipped["After an interview: parent or carer"]
        sign_in(client_request, admin)
        client_request.get(question_url(one, other.questions[0]), expected_status=404)
        client_request.get("/admin/surveys/999999", expected_status=404)


class TestAccess:
    @pytest.mark.parametrize(
        "role", [Role.RHI_WORKER, Role.TEAM_MANAGER, Role.PARTICIPATION_OFFICER]
    )
    def test_only_administrators_manage_surveys(self, client_request, role):
        template = shipped_templates()["After an interview: young person"]
        team = create_team() if role in {Role.RHI_WORKER, Role.TEAM_MANAGER} else None
        sign_in(client_request, create_user(role, team=team))
        client_request.get(LIST, expected_status=403)
        client_request.get(ADD, expected_status=403)
        client_request.get(template_url(template), expected_status=403)
        client_request.get(question_url(template, template.questions[0]), expected_status=403)
