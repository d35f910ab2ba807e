"""Repeat missing: the team's multi-agency meeting tasks, and recording each meeting."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.auth.models import Team, User
from rhi.auth.roles import Role
from rhi.children.models import Child
from rhi.database import utcnow
from rhi.extensions import db
from rhi.meetings.models import MeetingStatus, MeetingTask
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.pages import banner_text, error_messages, normalise
from tests.workflow_factories import create_child, create_returned_episode

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def team() -> Team:
    return create_team("Gedling RHI team")


@pytest.fixture
def manager(team: Team) -> User:
    return create_user(Role.TEAM_MANAGER, full_name="Morgan Ellery", team=team)


def repeat_missing(child: Child, episodes: int = 4, days_ago: int = 40) -> MeetingTask:
    """Enough episodes in the window to raise a meeting task for ``child``."""
    start = utcnow() - timedelta(days=days_ago)
    for number in range(episodes):
        create_returned_episode(child, started_at=start + timedelta(days=number * 3))
    task = db.session.scalars(sa.select(MeetingTask).where(MeetingTask.child_id == child.id)).one()
    return task


def rows(page, selector: str) -> list[list[str]]:
    return [
        [normalise(cell.get_text()) for cell in row.select("th, td")]
        for row in page.select(f"{selector} tbody tr")
    ]


def date_parts(day: date) -> list[str]:
    return [str(day.day), str(day.month), str(day.year)]


def london_date(moment) -> str:
    local = moment.astimezone(LONDON)
    return f"{local.day} {local:%b %Y}"


class TestList:
    def test_shows_the_teams_open_meetings(self, client_request, manager, team):
        child = create_child(team=team, given_name="Rowan", family_name="Pike")
        task = repeat_missing(child)
        repeat_missing(create_child(team=create_team("Far team"), given_name="Far"))
        sign_in(client_request, manager)

        page = client_request.get("/meetings")

        window_end = task.window_start + timedelta(days=90)
        assert rows(page, ".app-meetings-table") == [
            [
                f"Rowan Pike {child.case_ref}",
                "4",
                f"{london_date(task.window_start)} to {london_date(window_end)}",
                london_date(task.raised_at),
            ]
        ]
        link = page.select_one(".app-meetings-table a[href^='/meetings/']")
        assert link["href"] == f"/meetings/{task.id}"
        assert page.select_one(".app-held-meetings-table") is None

    def test_nothing_to_hold(self, client_request, manager):
        sign_in(client_request, manager)
        page = client_request.get("/meetings")
        assert "There are no meetings to hold." in page.get_text()


class TestRecording:
    def test_records_the_date_and_outcome(self, client_request, manager, team):
        child = create_child(team=team, given_name="Rowan", family_name="Pike")
        task = repeat_missing(child)
        sign_in(client_request, manager)
        held = utcnow().astimezone(LONDON).date()
        page = client_request.get(f"/meetings/{task.id}")
        assert page.h1.get_text(strip=True) == f"Multi-agency meeting: {child.case_ref}"

        response = client_request.post_response(
            f"/meetings/{task.id}",
            {"held_on": date_parts(held), "outcome": "Safety plan agreed; school to check in"},
        )

        assert response.headers["Location"] == "/meetings"
        db.session.expire_all()
        saved = db.session.get(MeetingTask, task.id)
        assert (saved.status, saved.held_on, saved.outcome) == (
            MeetingStatus.HELD,
            held,
            "Safety plan agreed; school to check in",
        )
        event = db.session.scalars(
            sa.select(AuditEvent).where(AuditEvent.action == AuditAction.MEETING_RECORDED)
        ).one()
        assert (event.object_type, event.object_id, event.actor_id) == (
            "meeting_task",
            str(task.id),
            manager.id,
        )
        page = client_request.get("/meetings")
        assert "Meeting outcome saved" in banner_text(page)
        assert rows(page, ".app-held-meetings-table") == [
            [
                f"Rowan Pike {child.case_ref}",
                f"{held.day} {held:%b %Y}",
                "Safety plan agreed; school to check in",
            ]
        ]
        page = client_request.get(f"/meetings/{task.id}")
        assert page.select("form[method='post'][action^='/meetings/']") == []
        assert "Safety plan agreed" in page.get_text()

    def test_refuses_missing_and_impossible_answers(self, client_request, manager, team):
        task = repeat_missing(create_child(team=team))
        sign_in(client_request, manager)
        url = f"/meetings/{task.id}"

        page = client_request.post(url, {"held_on": ["", "", ""], "outcome": ""}, 422)
        assert error_messages(page) == ["Enter the date of the meeting"]
        page = client_request.post(url, {"held_on": ["31", "2", "2025"], "outcome": "x"})
        assert error_messages(page) == ["Date of the meeting must be a real date"]
        tomorrow = utcnow().astimezone(LONDON).date() + timedelta(days=1)
        page = client_request.post(url, {"held_on": date_parts(tomorrow), "outcome": "x"}, 422)
        assert error_messages(page) == ["The date of the meeting must be today or in the past"]
        today = utcnow().astimezone(LONDON).date()
        page = client_request.post(url, {"held_on": date_parts(today), "outcome": " "}, 422)
        assert error_messages(page) == ["Enter the outcome of the meeting"]
        assert page.select_one(".govuk-error-summary a")["href"] == "#outcome"
        db.session.expire_all()
        assert db.session.get(MeetingTask, task.id).status == MeetingStatus.OPEN

    def test_a_second_submission_changes_nothing(self, client_request, manager, team):
        task = repeat_missing(create_child(team=team))
        sign_in(client_request, manager)
        today = date_parts(utcnow().astimezone(LONDON).date())
        token = client_request.csrf_token(f"/meetings/{task.id}")
        first = {"csrf_token": token, "held_on": today, "outcome": "First"}
        second = {"csrf_token": token, "held_on": today, "outcome": "Second"}
        assert client_request.client.post(f"/meetings/{task.id}", data=first).status_code == 302
        response = client_request.client.post(f"/meetings/{task.id}", data=second)
        assert response.headers["Location"] == f"/meetings/{task.id}"
        page = client_request.get(f"/meetings/{task.id}")
        assert "This meeting has already been recorded" in banner_text(page)
        db.session.expire_all()
        assert db.session.get(MeetingTask, task.id).outcome == "First"
        recorded = db.session.scalars(
            sa.select(AuditEvent).where(AuditEvent.action == AuditAction.MEETING_RECORDED)
        ).all()
        assert len(recorded) == 1


class TestAccess:
    def test_another_teams_meeting_is_not_found(self, client_request, manager):
        task = repeat_missing(create_child(team=create_team("Far team")))
        sign_in(client_request, manager)
        client_request.get(f"/meetings/{task.id}", expected_status=404)
        client_request.get("/meetings/999999", expected_status=404)

    @pytest.mark.parametrize("role", [Role.RHI_WORKER, Role.PARTICIPATION_OFFICER, Role.ADMIN])
    def test_only_managers_may_open_meetings(self, client_request, team, role):
        task = repeat_missing(create_child(team=team))
        sign_in(client_request, create_user(role, team=team if role is Role.RHI_WORKER else None))
        client_request.get("/meetings", expected_status=403)
        client_request.get(f"/meetings/{task.id}", expected_status=403)
