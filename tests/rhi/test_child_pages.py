"""Children's pages: searching for a child, and the child's record (every view audited)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.auth.models import Team, User
from rhi.auth.roles import Role
from rhi.children import viewing
from rhi.children.views import TIMELINE_SHOWN
from rhi.database import utcnow
from rhi.extensions import db
from rhi.interviews.services import allocate, change_status
from rhi.interviews.vocabulary import RhiStatus
from rhi.meetings.models import MeetingTask
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.pages import normalise
from tests.workflow_factories import create_child, create_returned_episode


@pytest.fixture
def team() -> Team:
    return create_team("Bassetlaw RHI team")


@pytest.fixture
def worker(team: Team) -> User:
    return create_user(Role.RHI_WORKER, full_name="Robin Ashdown", team=team)


def views_of(child_id: int) -> list[AuditEvent]:
    return list(
        db.session.scalars(
            sa.select(AuditEvent)
            .where(
                AuditEvent.action == AuditAction.CHILD_VIEWED,
                AuditEvent.object_id == str(child_id),
            )
            .order_by(AuditEvent.id)
        )
    )


def details(page) -> dict[str, str]:
    return {
        normalise(row.select_one(".govuk-summary-list__key").get_text()): normalise(
            row.select_one(".govuk-summary-list__value").get_text(" ")
        )
        for row in page.select(".app-child-summary .govuk-summary-list__row")
    }


def card_titles(page) -> list[str]:
    return [normalise(title.get_text()) for title in page.select(".govuk-summary-card__title")]


def age_today(born: date) -> int:
    today = date.today()
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


class TestChildPage:
    def test_shows_the_childs_details(self, client_request, worker, team):
        child = create_child(
            team=team,
            given_name="Kai",
            family_name="Underwood",
            date_of_birth=date(2010, 2, 3),
            legal_status="lac",
            district="bassetlaw",
            placement_type="Foster care",
            placement_provider="Meadow Fostering",
            school="Riverside Academy",
            vulnerabilities=["autism", "mental_health"],
        )
        sign_in(client_request, worker)

        page = client_request.get(f"/children/{child.case_ref}")

        assert page.h1.get_text(strip=True) == "Kai Underwood"
        assert details(page) == {
            "Case reference": child.case_ref,
            "Date of birth": f"3 February 2010 (age {age_today(date(2010, 2, 3))})",
            "Gender": "Female",
            "District": "Bassetlaw",
            "Team": "Bassetlaw RHI team",
            "Legal status": "Looked after (in care)",
            "Placement": "Foster care, Meadow Fostering",
            "School": "Riverside Academy",
            "Vulnerabilities": "Autism (neurodivergent) Mental health needs",
        }
        assert page.select_one("#neurodivergent").get_text(strip=True) == "Neurodivergent"
        assert "No missing episodes have been recorded" in page.get_text()

    def test_no_neurodivergent_tag_when_none_recorded(self, client_request, worker, team):
        child = create_child(team=team, vulnerabilities=["substance_misuse"])
        sign_in(client_request, worker)
        page = client_request.get(f"/children/{child.case_ref}")
        assert page.select_one("#neurodivergent") is None
        assert details(page)["Placement"] == "Not recorded"

    def test_timeline_of_episodes_and_meetings_newest_first(self, client_request, worker, team):
        child = create_child(team=team)
        start = utcnow() - timedelta(days=30)
        rhis = []
        for day in range(4):
            _episode, rhi = create_returned_episode(
                child,
                started_at=start + timedelta(days=day * 5),
                found_location="Titchfield Park" if day == 3 else None,
            )
            rhis.append(rhi)
        change_status(rhis[0], RhiStatus.OFFERED, by=worker)
        sign_in(client_request, worker)

        page = client_request.get(f"/children/{child.case_ref}")

        titles = card_titles(page)
        assert len(titles) == 5
        assert titles[0].startswith("Multi-agency meeting raised")
        assert all(title.startswith("Missing from") for title in titles[1:])
        cards = page.select(".govuk-summary-card")
        newest = normalise(cards[1].get_text(" "))
        assert "Titchfield Park" in newest and "Requested" in newest
        oldest = cards[-1]
        link = oldest.select_one("a")
        assert link["href"] == f"/returns/{rhis[0].id}"
        assert link.get_text(" ", strip=True).startswith("Offered")
        meeting = normalise(cards[0].get_text(" "))
        assert "4 episodes in the 90 days to" in meeting and "Not held yet" in meeting
        # Workers cannot record meetings, so there is no link to it.
        assert cards[0].select("a") == []

    def test_a_long_timeline_shows_the_most_recent_and_links_to_the_rest(
        self, client_request, worker, team
    ):
        child = create_child(team=team)
        start = utcnow() - timedelta(days=400)
        for n in range(32):  # plus the meetings the repeat rule raises
            create_returned_episode(child, started_at=start + timedelta(days=n * 12))
        total = len(viewing.child_timeline(child))
        sign_in(client_request, worker)

        page = client_request.get(f"/children/{child.case_ref}")
        assert len(card_titles(page)) == TIMELINE_SHOWN
        assert f"Showing the {TIMELINE_SHOWN} most recent of {total} entries." in normalise(
            page.get_text(" ")
        )
        link = page.find("a", string=f"Show all {total} entries")
        whole = client_request.get(link["href"])
        assert len(card_titles(whole)) == total
        assert "most recent of" not in whole.get_text(" ")

    def test_managers_get_a_link_to_record_the_meeting(self, client_request, team):
        manager = create_user(Role.TEAM_MANAGER, team=team)
        child = create_child(team=team)
        start = utcnow() - timedelta(days=30)
        for day in range(4):
            create_returned_episode(child, started_at=start + timedelta(days=day * 5))
        task = db.session.scalars(sa.select(MeetingTask)).one()
        sign_in(client_request, manager)
        page = client_request.get(f"/children/{child.case_ref}")
        link = page.select_one(".govuk-summary-card a")
        assert link["href"] == f"/meetings/{task.id}"

    def test_every_view_is_audited(self, client_request, worker, team):
        child = create_child(team=team)
        sign_in(client_request, worker)
        client_request.get(f"/children/{child.case_ref}")
        client_request.get(f"/children/{child.case_ref}")
        events = views_of(child.id)
        assert len(events) == 2
        assert {(e.object_type, e.actor_id) for e in events} == {("child", worker.id)}
        assert events[0].request_path == f"/children/{child.case_ref}"

    def test_another_teams_child_is_not_found_and_not_audited(self, client_request, worker):
        child = create_child(team=create_team("Far team"))
        sign_in(client_request, worker)
        client_request.get(f"/children/{child.case_ref}", expected_status=404)
        client_request.get("/children/NO-SUCH-REF", expected_status=404)
        assert views_of(child.id) == []

    def test_a_worker_sees_a_child_of_another_team_allocated_to_them(self, client_request, worker):
        far = create_team("Far team")
        child = create_child(team=far)
        _episode, rhi = create_returned_episode(child)
        allocate(rhi, worker, by=create_user(Role.TEAM_MANAGER, team=far))
        sign_in(client_request, worker)
        client_request.get(f"/children/{child.case_ref}")

    def test_administrators_see_any_child_but_no_interview_links(self, client_request, team):
        child = create_child(team=team)
        create_returned_episode(child)
        sign_in(client_request, create_user(Role.ADMIN))
        page = client_request.get(f"/children/{child.case_ref}")
        assert page.select(".govuk-summary-card a") == []
        assert "Requested" in page.select_one(".govuk-summary-card").get_text()


class TestSearch:
    def rows(self, page) -> list[list[str]]:
        return [
            [normalise(cell.get_text()) for cell in row.select("th, td")]
            for row in page.select("table tbody tr")
        ]

    def test_lists_the_children_i_may_see(self, client_request, worker, team):
        kai = create_child(team=team, given_name="Kai", family_name="Underwood", legal_status="cp")
        ash = create_child(team=team, given_name="Ash", family_name="Barton", district="gedling")
        create_child(team=create_team("Far team"), given_name="Far", family_name="Away")
        create_returned_episode(kai, started_at=utcnow() - timedelta(days=100))
        create_returned_episode(kai, started_at=utcnow() - timedelta(days=10))
        create_returned_episode(kai, started_at=utcnow() - timedelta(days=2))
        sign_in(client_request, worker)

        page = client_request.get("/children")

        assert self.rows(page) == [
            [ash.case_ref, "Ash Barton", "Gedling", "At home", "0"],
            [kai.case_ref, "Kai Underwood", "Mansfield", "Child protection", "2"],
        ]
        assert page.select_one("table tbody a")["href"] == f"/children/{ash.case_ref}"
        header = normalise(page.select("thead th")[-1].get_text())
        assert header == "Episodes in the last 90 days"
        assert normalise(page.select_one("caption").get_text()) == "2 children"

    def test_searches_by_reference_or_name(self, client_request, worker, team):
        kai = create_child(team=team, given_name="Kai", family_name="Underwood")
        ash = create_child(team=team, given_name="Ash", family_name="Barton")
        create_child(team=create_team("Far team"), given_name="Kai", family_name="Faraway")
        sign_in(client_request, worker)

        def found(text: str) -> list[str]:
            page = client_request.get("/children", query_string={"q": text})
            return [row[1] for row in self.rows(page)]

        assert found("kai") == ["Kai Underwood"]
        assert found("ai unDER") == ["Kai Underwood"]
        assert found(kai.case_ref.lower()) == ["Kai Underwood"]
        assert found(ash.case_ref) == ["Ash Barton"]
        assert found("Faraway") == []
        assert found("%") == []
        page = client_request.get("/children?q=nobody")
        assert "No children match your search." in page.get_text()

    def test_pages_through_many_children(self, client_request, worker, team):
        for number in range(27):
            create_child(team=team, given_name="Sam", family_name=f"Family{number:02d}")
        sign_in(client_request, worker)
        first = client_request.get("/children")
        assert len(self.rows(first)) == 25
        assert "27 children, showing 1 to 25" in normalise(first.select_one("caption").get_text())
        next_link = first.select_one(".govuk-pagination__next a")
        assert next_link["href"] == "/children?page=2"
        second = client_request.get("/children?page=2")
        assert [row[1] for row in self.rows(second)] == ["Sam Family25", "Sam Family26"]
        searched = client_request.get("/children?q=sam&page=2")
        assert searched.select_one(".govuk-pagination__prev a")["href"] == "/children?page=1&q=sam"

    def test_administrators_search_every_child(self, client_request, team):
        create_child(team=team, given_name="Kai", family_name="Underwood")
        create_child(team=create_team("Far team"), given_name="Far", family_name="Away")
        sign_in(client_request, create_user(Role.ADMIN))
        page = client_request.get("/children")
        assert [row[1] for row in self.rows(page)] == ["Far Away", "Kai Underwood"]
