"""Administrators manage staff accounts and teams."""

from __future__ import annotations

from datetime import timedelta

import pyotp
import pytest
import sqlalchemy as sa
from bs4 import BeautifulSoup

from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.auth.models import Team, User, UserSession
from rhi.auth.roles import Role
from rhi.database import utcnow
from rhi.extensions import db
from tests.auth_helpers import sign_in
from tests.factories import PASSWORD, create_team, create_user
from tests.pages import ClientRequest, banner_text, error_messages, normalise

NON_ADMIN_ROLES = [Role.RHI_WORKER, Role.TEAM_MANAGER, Role.PARTICIPATION_OFFICER]


@pytest.fixture
def admin(client_request: ClientRequest) -> User:
    user = create_user(Role.ADMIN, full_name="Avery Quinlan", email="avery.quinlan@example.org")
    sign_in(client_request, user)
    return user


def table_rows(page: BeautifulSoup) -> list[list[str]]:
    return [
        [normalise(cell.get_text()) for cell in row.select("th, td")]
        for row in page.select("table tbody tr")
    ]


def rows_by_name(page: BeautifulSoup) -> dict[str, list[str]]:
    return {row[0]: row[1:] for row in table_rows(page)}


def audit_events(action: AuditAction) -> list[AuditEvent]:
    query = sa.select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
    return list(db.session.scalars(query))


def the_event(action: AuditAction) -> AuditEvent:
    events = audit_events(action)
    assert len(events) == 1, f"expected one {action} event, found {len(events)}"
    return events[0]


def option_labels(page: BeautifulSoup, select_id: str) -> list[str]:
    return [normalise(option.get_text()) for option in page.select(f"#{select_id} option")]


def staff_with_email(email: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == email))


class TestStaffList:
    def test_lists_everyone_with_role_team_and_status(self, client_request, admin):
        team = create_team("Alder Vale RHI team")
        create_user(Role.RHI_WORKER, full_name="Bea Holloway", email="bea.h@example.org", team=team)
        create_user(
            Role.TEAM_MANAGER,
            full_name="Cal Dunmore",
            email="cal.d@example.org",
            team=team,
            active=False,
        )
        locked = create_user(
            Role.PARTICIPATION_OFFICER, full_name="Dee Farrant", email="dee.f@example.org"
        )
        locked.locked_until = utcnow() + timedelta(minutes=10)
        db.session.commit()

        page = client_request.get("/admin/staff")

        rows = rows_by_name(page)
        assert list(rows) == ["Avery Quinlan", "Bea Holloway", "Cal Dunmore", "Dee Farrant"]
        assert rows["Bea Holloway"] == [
            "bea.h@example.org",
            "RHI worker",
            "Alder Vale RHI team",
            "Active",
            "Never",
        ]
        assert rows["Cal Dunmore"][1:4] == ["Team manager", "Alder Vale RHI team", "Deactivated"]
        assert rows["Dee Farrant"][1:4] == ["Participation officer", "No team", "Active Locked"]
        assert rows["Avery Quinlan"][1] == "Administrator"
        assert rows["Avery Quinlan"][4] != "Never"  # they have just signed in
        assert page.select_one("a[href='/admin/staff/new']").get_text().strip() == (
            "Add a staff account"
        )

    def test_filters_by_role_team_and_status(self, client_request, admin):
        north = create_team("North Fen RHI team")
        south = create_team("South Fen RHI team")
        create_user(Role.RHI_WORKER, full_name="Bea Holloway", team=north)
        create_user(Role.RHI_WORKER, full_name="Cal Dunmore", team=south, active=False)
        create_user(Role.TEAM_MANAGER, full_name="Dee Farrant", team=south)

        def names(query: str) -> list[str]:
            return list(rows_by_name(client_request.get(f"/admin/staff?{query}")))

        assert names("role=rhi_worker") == ["Bea Holloway", "Cal Dunmore"]
        assert names(f"team={south.id}") == ["Cal Dunmore", "Dee Farrant"]
        assert names("status=deactivated") == ["Cal Dunmore"]
        assert names(f"role=rhi_worker&team={south.id}&status=active") == []
        assert names("role=&team=&status=") == [
            "Avery Quinlan",
            "Bea Holloway",
            "Cal Dunmore",
            "Dee Farrant",
        ]
        page = client_request.get(f"/admin/staff?team={south.id}")
        assert page.select_one("#team option[selected]").get_text().strip() == "South Fen RHI team"
        assert "2 staff accounts matching the filters" in page.select_one("caption").get_text()

    def test_a_filter_that_is_not_on_the_list_is_explained(self, client_request, admin):
        page = client_request.get("/admin/staff?role=chief_executive")
        assert error_messages(page) == ["Select a role from the list"]
        assert list(rows_by_name(page)) == ["Avery Quinlan"]


def test_administrators_find_staff_and_teams_in_the_menu(client_request, admin):
    page = client_request.get("/admin/teams")
    links = {
        normalise(link.get_text()): link for link in page.select(".govuk-service-navigation a")
    }
    assert links["Staff"]["href"] == "/admin/staff"
    assert links["Audit log"]["href"] == "/admin/audit-log"
    assert links["Teams"]["href"] == "/admin/teams"
    assert links["Teams"].get("aria-current") == "true"


class TestAddingStaff:
    def test_new_account_gets_a_temporary_password_shown_once(self, app, client_request, admin):
        team = create_team("Alder Vale RHI team")
        response = client_request.post_response(
            "/admin/staff/new",
            {
                "full_name": "Eli Marsh",
                "email": " Eli.Marsh@Example.org ",
                "role": "rhi_worker",
                "team": str(team.id),
            },
            expected_status=200,
        )
        assert "Location" not in response.headers
        page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
        assert page.h1.get_text().strip() == "Staff account added"
        password = page.select_one(".app-temporary-password").get_text()
        assert len(password) >= 12
        assert password not in response.headers.get("Set-Cookie", "")

        user = staff_with_email("eli.marsh@example.org")
        assert user is not None
        assert (user.full_name, user.role, user.team_id) == ("Eli Marsh", "rhi_worker", team.id)
        assert user.must_change_password
        assert user.totp_secret is None and not user.has_two_factor
        event = the_event(AuditAction.STAFF_CREATED)
        assert (event.object_type, event.object_id, event.actor_id) == (
            "staff_user",
            str(user.id),
            admin.id,
        )
        assert password not in str(event.detail)

        # The account page does not show the password again.
        account = client_request.get(f"/admin/staff/{user.id}")
        assert password not in str(account)
        assert "Temporary: they must change it" in account.get_text()

        # The temporary password works for the first step; then security codes, then a new password.
        newcomer = ClientRequest(app.test_client())
        response = newcomer.post_response(
            "/sign-in", {"email": "eli.marsh@example.org", "password": password}
        )
        assert response.headers["Location"] == "/sign-in/set-up-security-codes"
        set_up = newcomer.get("/sign-in/set-up-security-codes")
        secret = set_up.select_one(".app-totp-secret").get_text().replace(" ", "")
        response = newcomer.post_response(
            "/sign-in/set-up-security-codes", {"code": pyotp.TOTP(secret).now()}
        )
        assert response.headers["Location"] == "/"
        response = newcomer.get_response("/", expected_status=302)
        assert response.headers["Location"] == "/account/change-password"

    def test_the_form_explains_what_is_missing(self, client_request, admin):
        page = client_request.post("/admin/staff/new", {})
        assert error_messages(page) == [
            "Enter their full name",
            "Enter their email address",
            "Select a role",
        ]
        assert page.title.get_text().startswith("Error: ")

    def test_an_email_address_can_only_be_used_once(self, client_request, admin):
        create_user(email="fay.wren@example.org")
        page = client_request.post(
            "/admin/staff/new",
            {"full_name": "Fay Wren", "email": "FAY.WREN@example.org", "role": "admin"},
        )
        assert error_messages(page) == ["There is already a staff account with this email address"]
        assert db.session.scalar(sa.select(sa.func.count(User.id))) == 2

    @pytest.mark.parametrize("role", [Role.RHI_WORKER, Role.TEAM_MANAGER])
    def test_workers_and_managers_need_a_team(self, client_request, admin, role):
        create_team("Alder Vale RHI team")
        page = client_request.post(
            "/admin/staff/new",
            {"full_name": "Gus Renner", "email": "gus.r@example.org", "role": role, "team": ""},
        )
        assert error_messages(page) == [
            "Select a team. RHI workers and team managers must be in a team"
        ]
        assert staff_with_email("gus.r@example.org") is None
        assert audit_events(AuditAction.STAFF_CREATED) == []

    @pytest.mark.parametrize("role", [Role.ADMIN, Role.PARTICIPATION_OFFICER])
    def test_administrators_and_participation_officers_need_no_team(
        self, client_request, admin, role
    ):
        page = client_request.post(
            "/admin/staff/new",
            {"full_name": "Hal Penrose", "email": "hal.p@example.org", "role": role, "team": ""},
        )
        assert page.select_one(".app-temporary-password")
        user = staff_with_email("hal.p@example.org")
        assert user.role == role and user.team_id is None

    def test_deactivated_teams_are_not_offered(self, client_request, admin):
        create_team("Alder Vale RHI team")
        closed = create_team("Closed Fen RHI team")
        closed.active = False
        db.session.commit()
        page = client_request.get("/admin/staff/new")
        assert option_labels(page, "team") == ["No team", "Alder Vale RHI team"]
        assert [radio["value"] for radio in page.select("input[name=role]")] == [
            "rhi_worker",
            "team_manager",
            "participation_officer",
            "admin",
        ]
        page = client_request.post(
            "/admin/staff/new",
            {
                "full_name": "Ivy Stone",
                "email": "ivy.s@example.org",
                "role": "rhi_worker",
                "team": str(closed.id),
            },
        )
        assert error_messages(page) == ["Select a team from the list"]


class TestChangingStaff:
    def test_name_role_and_team_can_be_changed(self, client_request, admin):
        north = create_team("North Fen RHI team")
        south = create_team("South Fen RHI team")
        worker = create_user(Role.RHI_WORKER, full_name="Bea Holloway", team=north)
        url = f"/admin/staff/{worker.id}"
        page = client_request.get(url)
        assert page.h1.get_text().strip() == "Bea Holloway"
        assert page.select_one("#full_name")["value"] == "Bea Holloway"
        assert page.select_one("input[name=role][checked]")["value"] == "rhi_worker"
        assert page.select_one("#team option[selected]").get_text().strip() == "North Fen RHI team"

        response = client_request.post_response(
            url, {"full_name": "Bea Holloway-Marsh", "role": "team_manager", "team": south.id}
        )
        assert response.headers["Location"] == url
        assert "Changes saved." in banner_text(client_request.get(url))
        db.session.refresh(worker)
        assert (worker.full_name, worker.role, worker.team_id) == (
            "Bea Holloway-Marsh",
            "team_manager",
            south.id,
        )
        event = the_event(AuditAction.STAFF_UPDATED)
        assert (event.object_type, event.object_id) == ("staff_user", str(worker.id))
        assert event.detail == {
            "changed": ["full_name", "role", "team"],
            "role": {"from": "rhi_worker", "to": "team_manager"},
            "team_id": {"from": north.id, "to": south.id},
        }

    def test_a_worker_cannot_be_left_without_a_team(self, client_request, admin):
        team = create_team("North Fen RHI team")
        worker = create_user(Role.RHI_WORKER, full_name="Bea Holloway", team=team)
        page = client_request.post(
            f"/admin/staff/{worker.id}",
            {"full_name": "Bea Holloway", "role": "rhi_worker", "team": ""},
        )
        assert error_messages(page) == [
            "Select a team. RHI workers and team managers must be in a team"
        ]
        db.session.refresh(worker)
        assert worker.team_id == team.id
        assert audit_events(AuditAction.STAFF_UPDATED) == []

    def test_an_administrator_cannot_remove_their_own_admin_role(self, client_request, admin):
        url = f"/admin/staff/{admin.id}"
        page = client_request.post(
            url, {"full_name": "Avery Quinlan", "role": "participation_officer"}
        )
        assert error_messages(page) == ["You cannot remove your own administrator role"]
        assert page.select_one(".govuk-error-summary a")["href"] == "#role"
        db.session.refresh(admin)
        assert admin.role == "admin"

    def test_an_administrator_cannot_deactivate_themselves(self, client_request, admin):
        url = f"/admin/staff/{admin.id}"
        page = client_request.get(url)
        assert page.select_one("#deactivate-account").name == "p"  # no button offered
        page = client_request.post(f"{url}/deactivate", form_url=url)
        assert error_messages(page) == ["You cannot deactivate your own account"]
        assert page.select_one(".govuk-error-summary a")["href"] == "#deactivate-account"
        db.session.refresh(admin)
        assert admin.active
        assert audit_events(AuditAction.STAFF_DEACTIVATED) == []

    def test_unknown_staff_are_not_found(self, client_request, admin):
        client_request.get("/admin/staff/999999", expected_status=404)
        for action in ("deactivate", "reactivate", "unlock", "reset-security-codes"):
            client_request.post_response(
                f"/admin/staff/999999/{action}", form_url="/admin/staff", expected_status=404
            )


class TestAccountActions:
    def test_deactivating_ends_their_session_and_stops_sign_in(self, app, client_request, admin):
        team = create_team("North Fen RHI team")
        worker = create_user(Role.RHI_WORKER, full_name="Bea Holloway", team=team)
        theirs = ClientRequest(app.test_client())
        sign_in(theirs, worker)
        theirs.get("/")
        url = f"/admin/staff/{worker.id}"
        button = client_request.get(url).select_one("#deactivate-account")
        assert "govuk-button--warning" in button["class"]

        response = client_request.post_response(f"{url}/deactivate", form_url=url)
        assert response.headers["Location"] == url
        assert "Account deactivated" in banner_text(client_request.get(url))

        response = theirs.get_response("/", expected_status=302)
        assert response.headers["Location"].startswith("/sign-in")
        page = theirs.post("/sign-in", {"email": worker.email, "password": PASSWORD}, 403)
        assert page.h1.get_text().strip() == "Your account has been deactivated"
        db.session.refresh(worker)
        assert not worker.active
        event = the_event(AuditAction.STAFF_DEACTIVATED)
        assert (event.object_type, event.object_id, event.actor_id) == (
            "staff_user",
            str(worker.id),
            admin.id,
        )
        assert event.detail == {"sessions_ended": 1}
        reasons = db.session.scalars(
            sa.select(UserSession.revoked_reason).where(UserSession.user_id == worker.id)
        )
        assert list(reasons) == ["deactivated"]

        client_request.post_response(f"{url}/reactivate", form_url=url)
        db.session.refresh(worker)
        assert worker.active
        assert the_event(AuditAction.STAFF_REACTIVATED).object_id == str(worker.id)
        sign_in(theirs, worker)

    def test_unlocking_lets_them_sign_in_at_once(self, app, client_request, admin):
        worker = create_user(Role.PARTICIPATION_OFFICER, full_name="Dee Farrant")
        worker.locked_until = utcnow() + timedelta(minutes=10)
        worker.failed_sign_ins = 2
        db.session.commit()
        theirs = ClientRequest(app.test_client())
        page = theirs.post("/sign-in", {"email": worker.email, "password": PASSWORD})
        assert "Your account is locked" in error_messages(page)[0]

        url = f"/admin/staff/{worker.id}"
        assert "Locked" in client_request.get(url).select_one(".app-staff-summary").get_text()
        client_request.post_response(f"{url}/unlock", form_url=url)

        db.session.refresh(worker)
        assert (worker.locked_until, worker.failed_sign_ins) == (None, 0)
        assert the_event(AuditAction.STAFF_UNLOCKED).object_id == str(worker.id)
        assert client_request.get(url).select_one("#unlock-account") is None
        sign_in(theirs, worker)

    def test_resetting_security_codes_signs_them_out_and_asks_for_new_ones(
        self, app, client_request, admin
    ):
        worker = create_user(Role.PARTICIPATION_OFFICER, full_name="Dee Farrant")
        theirs = ClientRequest(app.test_client())
        sign_in(theirs, worker)
        url = f"/admin/staff/{worker.id}"

        client_request.post_response(f"{url}/reset-security-codes", form_url=url)

        db.session.refresh(worker)
        assert (worker.totp_secret, worker.totp_confirmed_at, worker.totp_last_step) == (
            None,
            None,
            None,
        )
        theirs.get("/", expected_status=302)
        response = theirs.post_response("/sign-in", {"email": worker.email, "password": PASSWORD})
        assert response.headers["Location"] == "/sign-in/set-up-security-codes"
        event = the_event(AuditAction.STAFF_TWO_FACTOR_RESET)
        assert (event.object_id, event.detail) == (str(worker.id), {"sessions_ended": 1})
        assert "Security codes reset" in banner_text(client_request.get(url))

    def test_resetting_a_password_shows_a_new_temporary_one_once(self, app, client_request, admin):
        worker = create_user(Role.PARTICIPATION_OFFICER, full_name="Dee Farrant")
        theirs = ClientRequest(app.test_client())
        sign_in(theirs, worker)
        url = f"/admin/staff/{worker.id}"

        page = client_request.post(f"{url}/reset-password", form_url=url)

        assert page.h1.get_text().strip() == "Password reset"
        password = page.select_one(".app-temporary-password").get_text()
        assert password not in str(client_request.get(url))
        db.session.refresh(worker)
        assert worker.must_change_password
        event = the_event(AuditAction.STAFF_PASSWORD_RESET)
        assert (event.object_id, event.detail) == (str(worker.id), {"sessions_ended": 1})
        # Their open session has ended; the old password no longer works; the new one does.
        theirs.get("/", expected_status=302)
        page = theirs.post("/sign-in", {"email": worker.email, "password": PASSWORD})
        assert error_messages(page) == ["Enter a correct email address and password"]
        sign_in(theirs, worker, password=password)
        response = theirs.get_response("/", expected_status=302)
        assert response.headers["Location"] == "/account/change-password"


class TestTeams:
    def test_list_shows_active_members_and_status(self, client_request, admin):
        alder = create_team("Alder Vale RHI team")
        birch = create_team("Birch Hollow RHI team")
        birch.active = False
        db.session.commit()
        create_user(team=alder)
        create_user(team=alder)
        create_user(team=alder, active=False)

        page = client_request.get("/admin/teams")

        assert table_rows(page) == [
            ["Alder Vale RHI team", "2", "Active"],
            ["Birch Hollow RHI team", "0", "Deactivated"],
        ]
        assert page.select_one(f"a[href='/admin/teams/{alder.id}']")

    def test_adding_a_team(self, client_request, admin):
        response = client_request.post_response(
            "/admin/teams/new", {"name": " Cedar Fold RHI team "}
        )
        assert response.headers["Location"] == "/admin/teams"
        page = client_request.get("/admin/teams")
        assert "Team Cedar Fold RHI team added." in banner_text(page)
        team = db.session.scalar(sa.select(Team))
        assert team.name == "Cedar Fold RHI team" and team.active
        event = the_event(AuditAction.TEAM_CREATED)
        assert (event.object_type, event.object_id, event.actor_id) == (
            "team",
            str(team.id),
            admin.id,
        )

    def test_team_names_must_be_given_and_unique(self, client_request, admin):
        create_team("Cedar Fold RHI team")
        page = client_request.post("/admin/teams/new", {"name": "  "})
        assert error_messages(page) == ["Enter a team name"]
        page = client_request.post("/admin/teams/new", {"name": "cedar fold RHI team"})
        assert error_messages(page) == ["There is already a team with this name"]
        assert db.session.scalar(sa.select(sa.func.count(Team.id))) == 1

    def test_renaming_a_team(self, client_request, admin):
        team = create_team("Cedar Fold RHI team")
        create_team("Dale End RHI team")
        url = f"/admin/teams/{team.id}"
        assert client_request.get(url).select_one("#name")["value"] == "Cedar Fold RHI team"

        page = client_request.post(url, {"name": "Dale End RHI team"})
        assert error_messages(page) == ["There is already a team with this name"]

        response = client_request.post_response(url, {"name": "Cedar Fold and Marsh RHI team"})
        assert response.headers["Location"] == url
        db.session.refresh(team)
        assert team.name == "Cedar Fold and Marsh RHI team"
        event = the_event(AuditAction.TEAM_UPDATED)
        assert (event.object_id, event.detail) == (str(team.id), {"changed": ["name"]})
        assert client_request.get(url).h1.get_text().strip() == "Cedar Fold and Marsh RHI team"

    def test_a_team_with_active_staff_cannot_be_deactivated(self, client_request, admin):
        team = create_team("Cedar Fold RHI team")
        worker = create_user(team=team)
        url = f"/admin/teams/{team.id}"

        page = client_request.post(f"{url}/deactivate", form_url=url)

        assert error_messages(page) == [
            "Move the 1 active member of staff in this team to another team "
            "before you deactivate it"
        ]
        assert page.select_one(".govuk-error-summary a")["href"] == "#deactivate-team"
        db.session.refresh(team)
        assert team.active
        worker.active = False
        db.session.commit()
        response = client_request.post_response(f"{url}/deactivate", form_url=url)
        assert response.headers["Location"] == url
        db.session.refresh(team)
        assert not team.active
        assert the_event(AuditAction.TEAM_DEACTIVATED).object_id == str(team.id)
        assert option_labels(client_request.get("/admin/staff/new"), "team") == ["No team"]

        client_request.post_response(f"{url}/reactivate", form_url=url)
        db.session.refresh(team)
        assert team.active
        assert the_event(AuditAction.TEAM_REACTIVATED).object_id == str(team.id)

    def test_unknown_teams_are_not_found(self, client_request, admin):
        client_request.get("/admin/teams/999999", expected_status=404)
        client_request.post_response(
            "/admin/teams/999999/deactivate", form_url="/admin/teams", expected_status=404
        )


@pytest.mark.parametrize("role", NON_ADMIN_ROLES)
def test_only_administrators_may_manage_staff_and_teams(client_request, role):
    team = create_team("Cedar Fold RHI team")
    other = create_user(Role.RHI_WORKER, team=team)
    user = create_user(role, team=team)
    sign_in(client_request, user)
    token = client_request.csrf_token("/account/change-password")
    gets = [
        "/admin/staff",
        "/admin/staff/new",
        f"/admin/staff/{other.id}",
        "/admin/teams",
        "/admin/teams/new",
        f"/admin/teams/{team.id}",
    ]
    posts = [
        "/admin/staff/new",
        f"/admin/staff/{other.id}",
        *(
            f"/admin/staff/{other.id}/{action}"
            for action in (
                "deactivate",
                "reactivate",
                "unlock",
                "reset-security-codes",
                "reset-password",
            )
        ),
        "/admin/teams/new",
        f"/admin/teams/{team.id}",
        f"/admin/teams/{team.id}/deactivate",
        f"/admin/teams/{team.id}/reactivate",
    ]
    statuses = {f"GET {url}": client_request.client.get(url).status_code for url in gets}
    for url in posts:
        data = {"csrf_token": token, "full_name": "Mallory", "role": "admin", "name": "Taken"}
        statuses[f"POST {url}"] = client_request.client.post(url, data=data).status_code
    assert {key: status for key, status in statuses.items() if status != 403} == {}
    db.session.refresh(other)
    assert other.active and other.role == "rhi_worker" and other.has_two_factor
    assert db.session.scalar(sa.select(sa.func.count(Team.id))) == 1
