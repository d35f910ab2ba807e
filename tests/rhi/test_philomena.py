"""The Philomena profile: a printable page for the police, kept current by the team.

Every view is audited; saves never silently overwrite each other.
"""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.auth.models import Team, User
from rhi.auth.roles import Role
from rhi.children.models import Child
from rhi.children.philomena import PhilomenaProfile
from rhi.children.philomena_services import NotInCare, ProfileAnswers, save_profile
from rhi.extensions import db
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.pages import banner_text, error_messages, normalise
from tests.workflow_factories import create_child

# All invented.
FILLED = {
    "description": "Slim, about 160cm, short dyed red hair.\nUsually wears a grey hoodie.",
    "associates": "Sam (17), a friend from the skate park",
    "places": "Titchfield Park; the bus station in Sutton",
    "phone_numbers": "07700 900123",
    "other_information": "Has asthma and carries an inhaler",
}


@pytest.fixture
def team() -> Team:
    return create_team("Ashfield RHI team")


@pytest.fixture
def worker(team: Team) -> User:
    return create_user(Role.RHI_WORKER, full_name="Robin Ashdown", team=team)


@pytest.fixture
def child(team: Team) -> Child:
    return create_child(
        team=team,
        legal_status="lac",
        given_name="Kai",
        family_name="Underwood",
        placement_type="Residential children's home",
        placement_provider="Oakfield House",
    )


def profile_url(child: Child) -> str:
    return f"/children/{child.case_ref}/philomena"


def edit_url(child: Child) -> str:
    return f"/children/{child.case_ref}/philomena/edit"


def stored(child: Child) -> PhilomenaProfile | None:
    db.session.expire_all()
    return db.session.scalar(
        sa.select(PhilomenaProfile).where(PhilomenaProfile.child_id == child.id)
    )


def audit_rows(action: AuditAction) -> list[AuditEvent]:
    return list(
        db.session.scalars(
            sa.select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
        )
    )


def sections(page: Any) -> dict[str, str]:
    return {
        normalise(row.select_one(".govuk-summary-list__key").get_text()): normalise(
            row.select_one(".govuk-summary-list__value").get_text(" ")
        )
        for row in page.select(".app-philomena-sections .govuk-summary-list__row")
    }


def textarea(page: Any, name: str) -> str:
    return page.select_one(f"textarea[name={name}]").get_text().strip()


def post_form(client_request: Any, child: Child, version: str, **data: str) -> Any:
    return client_request.post_response(
        edit_url(child), {"version": version, **FILLED, **data}, expected_status=302
    )


class TestCreatingAndViewing:
    def test_a_worker_creates_the_profile(self, client_request, worker, child):
        sign_in(client_request, worker)
        page = client_request.get(profile_url(child))
        assert "No Philomena profile has been recorded" in page.get_text()

        form = client_request.get(edit_url(child))
        assert form.select_one("input[name=version]")["value"] == "0"
        assert form.select(".govuk-character-count") and len(form.select("textarea")) == 5

        response = post_form(client_request, child, "0")
        assert response.headers["Location"] == profile_url(child)

        saved = stored(child)
        assert saved is not None and saved.version == 1
        assert saved.description == FILLED["description"]
        assert saved.updated_by_id == worker.id
        (event,) = audit_rows(AuditAction.PHILOMENA_UPDATED)
        assert (event.object_type, event.object_id, event.actor_id) == (
            "child",
            str(child.id),
            worker.id,
        )
        assert event.detail["created"] is True
        # The audit log names the sections filled in, never what they say.
        assert "Sam" not in str(event.detail) and "07700" not in str(event.detail)

    def test_the_printable_page_shows_the_child_and_every_section(
        self, client_request, worker, child
    ):
        sign_in(client_request, worker)
        post_form(client_request, child, "0", associates="<b>Sam</b> & friends")

        page = client_request.get(profile_url(child))

        assert page.h1.get_text(strip=True) == "Philomena profile: Kai Underwood"
        assert "Philomena profile saved" in banner_text(page)
        summary = normalise(page.select_one(".app-philomena-child").get_text(" "))
        assert child.case_ref in summary
        assert "17 May 2011 (age" in summary
        assert "Residential children's home, Oakfield House" in summary
        assert sections(page) == {
            "Description": FILLED["description"].replace("\n", " "),
            "Associates": "<b>Sam</b> & friends",
            "Places they go": FILLED["places"],
            "Phone numbers": FILLED["phone_numbers"],
            "Other information": FILLED["other_information"],
        }
        # Lines kept apart, and typed markup shown as text.
        value = page.select(".app-philomena-sections .govuk-summary-list__value")[0]
        assert len(value.select("br")) == 1
        assert page.select(".app-philomena-sections b") == []
        updated = normalise(page.select_one("#last-updated").get_text())
        assert updated.startswith("Last updated ") and updated.endswith(" by Robin Ashdown")
        assert "print" in page.get_text()
        assert page.select_one(f"a[href='{edit_url(child)}']") is not None

    def test_every_view_is_audited(self, client_request, worker, child):
        sign_in(client_request, worker)
        client_request.get(profile_url(child))
        client_request.get(profile_url(child))
        events = audit_rows(AuditAction.PHILOMENA_VIEWED)
        assert len(events) == 2
        assert {(e.object_type, e.object_id, e.actor_id) for e in events} == {
            ("child", str(child.id), worker.id)
        }
        assert events[0].request_path == profile_url(child)

    def test_the_childs_page_links_to_the_profile(self, client_request, worker, child, team):
        at_home = create_child(team=team)
        sign_in(client_request, worker)
        page = client_request.get(f"/children/{child.case_ref}")
        assert page.select_one(f"a[href='{profile_url(child)}']") is not None
        page = client_request.get(f"/children/{at_home.case_ref}")
        assert page.select_one("#philomena") is None

    def test_administrators_see_it_but_cannot_change_it(self, client_request, worker, child):
        save_profile(child, ProfileAnswers(description="Tall"), by=worker, expected_version=0)
        admin = create_user(Role.ADMIN)
        sign_in(client_request, admin)
        page = client_request.get(profile_url(child))
        assert sections(page)["Description"] == "Tall"
        assert page.select_one(f"a[href='{edit_url(child)}']") is None
        client_request.get(edit_url(child), expected_status=403)


class TestUpdating:
    def test_a_manager_updates_the_profile(self, client_request, worker, child, team):
        save_profile(child, ProfileAnswers(**FILLED), by=worker, expected_version=0)
        manager = create_user(Role.TEAM_MANAGER, full_name="Alex Morley", team=team)
        sign_in(client_request, manager)

        form = client_request.get(edit_url(child))
        assert form.select_one("input[name=version]")["value"] == "1"
        assert textarea(form, "places") == FILLED["places"]

        post_form(client_request, child, "1", places="Kings Mill retail park", phone_numbers="")

        saved = stored(child)
        assert saved is not None and saved.version == 2
        assert saved.places == "Kings Mill retail park"
        assert saved.phone_numbers is None
        assert saved.updated_by_id == manager.id
        page = client_request.get(profile_url(child))
        assert sections(page)["Phone numbers"] == "Not recorded"
        assert normalise(page.select_one("#last-updated").get_text()).endswith("by Alex Morley")
        events = audit_rows(AuditAction.PHILOMENA_UPDATED)
        assert [e.detail["version"] for e in events] == [1, 2]

    def test_a_stale_version_is_refused_and_the_typed_text_kept(
        self, client_request, worker, child, team
    ):
        save_profile(child, ProfileAnswers(**FILLED), by=worker, expected_version=0)
        colleague = create_user(Role.RHI_WORKER, team=team)
        save_profile(
            child, ProfileAnswers(places="Newstead Abbey park"), by=colleague, expected_version=1
        )
        sign_in(client_request, worker)

        page = client_request.post(
            edit_url(child),
            {"version": "1", **FILLED, "associates": "Jamie, an older man with a car"},
            expected_status=409,
        )

        (message,) = error_messages(page)
        assert message.startswith("Someone else saved this Philomena profile")
        assert page.select_one(".govuk-error-summary a")["href"] == "#version"
        assert textarea(page, "associates") == "Jamie, an older man with a car"
        saved = stored(child)
        assert saved is not None and saved.version == 2
        assert saved.places == "Newstead Abbey park" and saved.associates is None
        assert len(audit_rows(AuditAction.PHILOMENA_UPDATED)) == 2

    def test_saving_the_same_text_twice_is_not_a_conflict(self, client_request, worker, child):
        sign_in(client_request, worker)
        post_form(client_request, child, "0")
        post_form(client_request, child, "0")  # a double click
        saved = stored(child)
        assert saved is not None and saved.version == 1
        assert len(audit_rows(AuditAction.PHILOMENA_UPDATED)) == 1

    def test_too_long_text_is_refused(self, client_request, worker, child):
        sign_in(client_request, worker)
        too_long = "x" * 5_001
        page = client_request.post(edit_url(child), {"version": "0", "description": too_long})
        assert error_messages(page) == ["The description must be 5,000 characters or fewer"]
        assert textarea(page, "description") == too_long
        assert stored(child) is None

        post_form(client_request, child, "0", description="y" * 5_000)
        saved = stored(child)
        assert saved is not None and saved.description == "y" * 5_000


class TestWhoAndWhich:
    def test_a_child_not_in_care_has_no_profile(self, client_request, worker, team):
        at_home = create_child(team=team, legal_status="cin")
        sign_in(client_request, worker)

        page = client_request.get(profile_url(at_home))
        assert "Philomena profiles are for children in care" in page.select_one(
            "#not-in-care"
        ).get_text(" ")
        assert page.select_one(f"a[href='{edit_url(at_home)}']") is None

        response = client_request.get_response(edit_url(at_home), expected_status=302)
        assert response.headers["Location"] == profile_url(at_home)
        response = client_request.post_response(
            edit_url(at_home),
            {"version": "0", **FILLED},
            form_url="/account/change-password",
        )
        assert response.headers["Location"] == profile_url(at_home)
        assert stored(at_home) is None

    def test_the_service_refuses_a_child_not_in_care(self, app_ctx, worker, team):
        at_home = create_child(team=team)
        with pytest.raises(NotInCare):
            save_profile(at_home, ProfileAnswers(description="Tall"), by=worker, expected_version=0)
        assert stored(at_home) is None

    def test_another_teams_child_is_not_found_and_not_audited(self, client_request, worker):
        far = create_child(team=create_team("Far team"), legal_status="lac")
        sign_in(client_request, worker)
        client_request.get(profile_url(far), expected_status=404)
        client_request.get(edit_url(far), expected_status=404)
        client_request.get("/children/NO-SUCH-REF/philomena", expected_status=404)
        client_request.client.post(edit_url(far), data={"version": "0", **FILLED})
        assert stored(far) is None
        assert audit_rows(AuditAction.PHILOMENA_VIEWED) == []

    def test_participation_officers_are_refused(self, client_request, child):
        officer = create_user(Role.PARTICIPATION_OFFICER)
        sign_in(client_request, officer)
        client_request.get(profile_url(child), expected_status=403)
        client_request.get(edit_url(child), expected_status=403)
        assert audit_rows(AuditAction.PHILOMENA_VIEWED) == []
