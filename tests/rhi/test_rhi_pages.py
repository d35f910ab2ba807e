"""The RHI pages: the due list, allocation, the caseload and the RHI's page with its actions."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from bs4 import BeautifulSoup

from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.auth.models import Team, User
from rhi.auth.roles import Role
from rhi.database import utcnow
from rhi.domain import RuleBroken
from rhi.extensions import db
from rhi.interviews.models import ReturnInterview, RhiTransition
from rhi.interviews.services import DUE_PAGE_SIZE, allocate, allocate_worker, change_status
from rhi.interviews.vocabulary import RhiStatus
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.pages import ClientRequest, banner_text, error_messages, normalise
from tests.workflow_factories import create_child, create_returned_episode

LONDON = ZoneInfo("Europe/London")


def table_rows(page: BeautifulSoup, selector: str = "table") -> list[list[str]]:
    table = page.select_one(selector)
    assert table is not None, f"no {selector} on the page"
    return [
        [normalise(cell.get_text()) for cell in row.select("th, td")]
        for row in table.select("tbody tr")
    ]


def summary(page: BeautifulSoup) -> dict[str, str]:
    """The RHI's summary list, key: value."""
    return {
        normalise(row.select_one(".govuk-summary-list__key").get_text()): normalise(
            row.select_one(".govuk-summary-list__value").get_text()
        )
        for row in page.select(".app-rhi-summary .govuk-summary-list__row")
    }


def rhi_returned(
    team: Team, hours_ago: float, *, given_name: str = "Jordan", family_name: str = "Testperson"
) -> ReturnInterview:
    """An RHI for a new child in ``team`` who came back ``hours_ago`` hours ago."""
    child = create_child(team=team, given_name=given_name, family_name=family_name)
    returned = utcnow() - timedelta(hours=hours_ago)
    _episode, rhi = create_returned_episode(child, started_at=returned - timedelta(hours=6))
    return rhi


def fresh(rhi: ReturnInterview) -> ReturnInterview:
    db.session.expire_all()
    found = db.session.get(ReturnInterview, rhi.id)
    assert found is not None
    return found


def history(page: BeautifulSoup) -> list[list[str]]:
    return table_rows(page, ".app-history-table")


def london_short(moment: datetime) -> str:
    local = moment.astimezone(LONDON)
    return f"{local:%a} {local.day} {local:%b %H:%M}"


@pytest.fixture
def team() -> Team:
    return create_team("Sherwood RHI team")


@pytest.fixture
def worker(team: Team) -> User:
    return create_user(Role.RHI_WORKER, full_name="Robin Ashdown", team=team)


@pytest.fixture
def manager(team: Team) -> User:
    return create_user(Role.TEAM_MANAGER, full_name="Morgan Ellery", team=team)


def url(rhi: ReturnInterview, action: str = "") -> str:
    return f"/returns/{rhi.id}" + (f"/{action}" if action else "")


def act(
    client_request: ClientRequest,
    rhi: ReturnInterview,
    action: str,
    prefix: str,
    data: dict[str, str] | None = None,
    *,
    version: int | None = None,
    expected_status: int = 302,
) -> BeautifulSoup:
    """Submit one action from the RHI's page, with the version the page showed."""
    seen = fresh(rhi).version if version is None else version
    payload = {
        f"{prefix}-version": str(seen),
        **{f"{prefix}-{k}": v for k, v in (data or {}).items()},
    }
    if expected_status == 302:
        response = client_request.post_response(
            url(rhi, action), payload, form_url=url(rhi), expected_status=302
        )
        assert response.headers["Location"] == url(rhi)
        return client_request.get(url(rhi))
    return client_request.post(
        url(rhi, action), payload, form_url=url(rhi), expected_status=expected_status
    )


class TestDueList:
    def test_running_clocks_soonest_first_with_time_left_and_rag(
        self, client_request, manager, worker, team
    ):
        green = rhi_returned(team, 9.5, given_name="Gale")
        red = rhi_returned(team, 75, given_name="Reese")
        amber = rhi_returned(team, 59.5, given_name="Ash")
        allocate(amber, worker, by=manager)
        declined = rhi_returned(team, 20, given_name="Dana")
        change_status(declined, RhiStatus.OFFERED, by=worker)
        change_status(declined, RhiStatus.DECLINED, by=worker, note="Did not want to talk")
        rhi_returned(create_team("Another team"), 30, given_name="Other")
        sign_in(client_request, manager)

        page = client_request.get("/returns/due")

        rows = table_rows(page)
        assert [row[0] for row in rows] == [
            f"Reese Testperson {red.child.case_ref}",
            f"Ash Testperson {amber.child.case_ref}",
            f"Gale Testperson {green.child.case_ref}",
        ]
        assert rows[0][1:] == [
            london_short(red.episodes[0].returned_at),
            london_short(red.due_at),
            "Overdue by 3 hours",
            "Requested",
            "Not allocated",
            "Overdue",
        ]
        assert rows[1][3:] == ["12 hours left", "Requested", "Robin Ashdown", "Due within 24 hours"]
        assert rows[2][3:] == ["62 hours left", "Requested", "Not allocated", "On track"]
        tags = [tag["class"] for tag in page.select("table .govuk-tag")]
        assert tags == [
            ["govuk-tag", "govuk-tag--red"],
            ["govuk-tag", "govuk-tag--orange"],
            ["govuk-tag", "govuk-tag--green"],
        ]
        link = page.select_one("table tbody tr a")
        assert link["href"] == f"/returns/{red.id}"
        counts = normalise(page.select_one("#due-counts").get_text())
        assert counts == "3 returns due 1 overdue 3 never offered 2 not allocated"

    def test_never_offered_and_not_allocated(self, client_request, manager, worker, team):
        offered = rhi_returned(team, 10, given_name="Olly")
        change_status(offered, RhiStatus.OFFERED, by=worker)
        allocated = rhi_returned(team, 12, given_name="Alex")
        allocate(allocated, worker, by=manager)
        rhi_returned(team, 14, given_name="Noor")
        sign_in(client_request, manager)

        def names(query: str) -> list[str]:
            page = client_request.get(f"/returns/due?{query}")
            return [row[0].split()[0] for row in table_rows(page)]

        assert names("show=all") == ["Noor", "Alex", "Olly"]
        assert names("show=never-offered") == ["Noor", "Alex"]
        assert names("show=not-allocated") == ["Noor", "Olly"]
        page = client_request.get("/returns/due?show=not-allocated")
        assert normalise(page.select_one("caption").get_text()) == "2 returns not allocated"

    def test_a_long_list_comes_a_page_at_a_time_soonest_due_first(
        self, client_request, manager, team
    ):
        count = DUE_PAGE_SIZE + 3
        for n in range(count):  # the first made came back longest ago: due soonest
            rhi_returned(team, 60 - n * 0.5, given_name=f"Kid{n:02d}")
        sign_in(client_request, manager)

        page = client_request.get("/returns/due")
        first = [row[0].split()[0] for row in table_rows(page)]
        assert first == [f"Kid{n:02d}" for n in range(DUE_PAGE_SIZE)]
        caption = normalise(page.select_one("caption").get_text())
        assert caption == f"{count} returns due Showing 1 to {DUE_PAGE_SIZE}, soonest due first"
        assert f"{count} returns due" in normalise(page.select_one("#due-counts").get_text())
        assert page.select_one(".govuk-pagination__prev") is None
        second = client_request.get(page.select_one(".govuk-pagination__next a")["href"])
        assert [row[0].split()[0] for row in table_rows(second)] == [
            f"Kid{n:02d}" for n in range(DUE_PAGE_SIZE, count)
        ]
        assert f"Showing {DUE_PAGE_SIZE + 1} to {count}" in normalise(
            second.select_one("caption").get_text()
        )
        assert second.select_one(".govuk-pagination__next") is None
        # The filter is kept from page to page.
        filtered = client_request.get("/returns/due?show=never-offered")
        assert "show=never-offered" in filtered.select_one(".govuk-pagination__next a")["href"]

    def test_a_manager_without_a_team_sees_no_returns(self, client_request, team):
        rhi_returned(team, 10)
        loner = create_user(Role.TEAM_MANAGER, team=None)
        sign_in(client_request, loner)
        page = client_request.get("/returns/due")
        assert page.select("table") == []
        assert "You are not in a team" in page.get_text()


class TestAllocation:
    def test_a_manager_allocates_a_worker_of_their_team(
        self, client_request, manager, worker, team
    ):
        create_user(Role.RHI_WORKER, full_name="Away Worker", team=create_team("Far team"))
        create_user(Role.RHI_WORKER, full_name="Gone Worker", team=team, active=False)
        rhi = rhi_returned(team, 5)
        sign_in(client_request, manager)
        page = client_request.get(url(rhi))
        options = [normalise(o.get_text()) for o in page.select("#allocate-worker option")]
        assert options == ["Robin Ashdown"]

        page = act(client_request, rhi, "allocate", "allocate", {"worker": str(worker.id)})

        assert "Interview allocated" in banner_text(page)
        assert fresh(rhi).allocated_to_id == worker.id
        assert summary(page)["Allocated to"] == "Robin Ashdown"
        assert history(page)[0][1:3] == ["Allocated to Robin Ashdown", "Morgan Ellery"]

    def test_someone_who_is_not_a_worker_of_the_team_is_refused(
        self, client_request, manager, worker, team
    ):
        outsider = create_user(Role.RHI_WORKER, team=create_team("Far team"))
        rhi = rhi_returned(team, 5)
        sign_in(client_request, manager)
        for person in (manager, outsider):
            page = act(
                client_request,
                rhi,
                "allocate",
                "allocate",
                {"worker": str(person.id)},
                expected_status=200,
            )
            assert error_messages(page) == ["Choose an RHI worker from the list"]
            assert page.title.get_text().startswith("Error: ")
        assert fresh(rhi).allocated_to_id is None

    def test_the_service_refuses_a_worker_of_another_team(self, app_ctx, manager, team):
        outsider = create_user(Role.RHI_WORKER, team=create_team("Far team"))
        rhi = rhi_returned(team, 5)
        with pytest.raises(RuleBroken, match="in this child's team"):
            allocate_worker(rhi, outsider.id, by=manager, expected_version=rhi.version)

    def test_workers_cannot_allocate(self, client_request, worker, team):
        rhi = rhi_returned(team, 5)
        sign_in(client_request, worker)
        page = client_request.get(url(rhi))
        assert page.select("#allocate-worker") == []
        token = client_request.csrf_token(url(rhi))
        response = client_request.client.post(
            url(rhi, "allocate"),
            data={"csrf_token": token, "allocate-worker": str(worker.id), "allocate-version": "1"},
        )
        assert response.status_code == 403


class TestCaseload:
    def test_shows_only_my_unfinished_interviews_soonest_first(
        self, client_request, manager, worker, team
    ):
        later = rhi_returned(team, 10, given_name="Lee")
        sooner = rhi_returned(team, 49.5, given_name="Sam")
        returned = rhi_returned(team, 30, given_name="Rae")
        done = rhi_returned(team, 40, given_name="Dee")
        someone_elses = rhi_returned(team, 60, given_name="Kim")
        for rhi in (later, sooner, returned, done):
            allocate(rhi, worker, by=manager)
        allocate(someone_elses, create_user(Role.RHI_WORKER, team=team), by=manager)
        for status in (RhiStatus.OFFERED, RhiStatus.ACCEPTED, RhiStatus.SCHEDULED):
            change_status(returned, status, by=worker)
            change_status(done, status, by=worker)
        change_status(returned, RhiStatus.COMPLETED, by=worker)
        change_status(done, RhiStatus.COMPLETED, by=worker)
        change_status(returned, RhiStatus.RETURNED_FOR_CHANGES, by=manager, note="Add the actions")
        change_status(done, RhiStatus.SIGNED_OFF, by=manager)
        sign_in(client_request, worker)

        page = client_request.get("/returns/caseload")

        assert table_rows(page, ".app-returned-table") == [
            [f"Rae Testperson {returned.child.case_ref}", "Add the actions", "Returned for changes"]
        ]
        rows = table_rows(page, ".app-caseload-table")
        assert [row[0].split()[0] for row in rows] == ["Sam", "Lee"]
        assert rows[0][2:] == ["22 hours left", "Requested", "Due within 24 hours"]
        assert "Kim" not in page.get_text() and "Dee" not in page.get_text()

    def test_an_empty_caseload(self, client_request, worker):
        sign_in(client_request, worker)
        page = client_request.get("/returns/caseload")
        assert "You have no interviews allocated to you." in page.get_text()


class TestRhiPage:
    def test_shows_the_child_episodes_clock_and_history(self, client_request, worker, team):
        child = create_child(team=team, given_name="Jamie", family_name="Rowntree")
        returned = utcnow() - timedelta(hours=60, minutes=-30)
        _episode, rhi = create_returned_episode(
            child, started_at=returned - timedelta(hours=6), found_location="Mansfield bus station"
        )
        sign_in(client_request, worker)

        page = client_request.get(url(rhi))

        assert page.h1.get_text(strip=True) == f"Return home interview: {child.case_ref}"
        facts = summary(page)
        assert facts["Child"] == f"Jamie Rowntree ({child.case_ref})"
        assert page.select_one(".app-rhi-summary a")["href"] == f"/children/{child.case_ref}"
        assert facts["Status"] == "Requested"
        assert facts["Due"].endswith("12 hours left Due within 24 hours")
        assert facts["Allocated to"] == "Not allocated"
        assert table_rows(page, ".app-episodes-table") == [
            [
                (returned - timedelta(hours=6)).astimezone(LONDON).strftime("%a %-d %b %Y %H:%M"),
                returned.astimezone(LONDON).strftime("%a %-d %b %Y %H:%M"),
                "Missing",
                "Medium",
                "Mansfield bus station",
            ]
        ]
        assert [row[1] for row in history(page)] == ["Return recorded: interview requested"]
        headings = [normalise(h.get_text()) for h in page.select("h3")]
        assert headings == [
            "The interview was offered",
            "Record a contact attempt",
            "Unable to contact the child",
        ]
        assert page.select_one("a[href$='/interview']") is None
        viewed = db.session.scalars(
            sa.select(AuditEvent)
            .where(AuditEvent.action == AuditAction.RHI_VIEWED)
            .order_by(AuditEvent.id)
        ).all()
        assert [(e.object_type, e.object_id, e.actor_id) for e in viewed] == [
            ("return_interview", str(rhi.id), worker.id)
        ]

    def test_a_worker_takes_an_interview_from_contact_to_scheduled(
        self, client_request, worker, team
    ):
        rhi = rhi_returned(team, 5)
        sign_in(client_request, worker)

        page = act(
            client_request,
            rhi,
            "contact-attempt",
            "contact",
            {"note": "Phoned carer at 10am, no answer"},
        )
        assert "Contact attempt recorded" in banner_text(page)
        assert history(page)[0][1:] == [
            "Contact attempt",
            "Robin Ashdown",
            "Phoned carer at 10am, no answer",
        ]
        assert fresh(rhi).status == RhiStatus.REQUESTED

        page = act(client_request, rhi, "offered", "offer", {"method": "phone", "note": ""})
        assert summary(page)["Status"] == "Offered"
        assert history(page)[0][1:] == [
            "From requested to offered",
            "Robin Ashdown",
            "Offered by: phone call",
        ]

        page = act(client_request, rhi, "accepted", "accept")
        assert summary(page)["Status"] == "Accepted"
        record_link = page.select_one(f"a[href='/returns/{rhi.id}/interview']")
        assert record_link is not None and record_link.get_text(strip=True) == (
            "Record the interview"
        )

        day = date.today() + timedelta(days=7)
        page = act(
            client_request,
            rhi,
            "schedule",
            "schedule",
            {
                "date": "",
                "time": "14:30",
                "place": "Oak Tree family hub",
                "present": "Jordan and their aunt",
            },
            expected_status=200,
        )
        assert error_messages(page) == ["Enter the date of the interview"]
        payload = {
            "time": "14:30",
            "place": "Oak Tree family hub",
            "present": "Jordan and their aunt",
        }
        version = fresh(rhi).version
        response = client_request.client.post(
            url(rhi, "schedule"),
            data={
                "csrf_token": client_request.csrf_token(url(rhi)),
                "schedule-version": str(version),
                "schedule-date": [str(day.day), str(day.month), str(day.year)],
                **{f"schedule-{k}": v for k, v in payload.items()},
            },
        )
        assert response.status_code == 302
        scheduled = fresh(rhi)
        assert scheduled.status == RhiStatus.SCHEDULED
        expected = datetime.combine(day, time(14, 30), tzinfo=LONDON)
        assert scheduled.scheduled_for == expected.astimezone(UTC)
        assert scheduled.scheduled_place == "Oak Tree family hub"
        page = client_request.get(url(rhi))
        assert "Oak Tree family hub" in summary(page)["Interview"]
        assert history(page)[0][3].endswith("Who will be present: Jordan and their aunt")
        assert page.select_one(f"a[href='/returns/{rhi.id}/interview.ics']") is not None
        assert page.select_one(f"a[href='/returns/{rhi.id}/interview']") is not None

    def test_declining_needs_a_reason(self, client_request, worker, team):
        rhi = rhi_returned(team, 5)
        change_status(rhi, RhiStatus.OFFERED, by=worker)
        sign_in(client_request, worker)

        page = act(
            client_request,
            rhi,
            "declined",
            "decline",
            {"reason": "  ", "parent_information": "Mum says she is settled"},
            expected_status=422,
        )
        assert error_messages(page) == ["Enter the reason the child gave for declining"]
        assert page.select_one("#decline-reason-error") is not None
        assert page.select_one("#decline-parent_information").get_text().strip() == (
            "Mum says she is settled"
        )
        assert fresh(rhi).status == RhiStatus.OFFERED

        page = act(
            client_request,
            rhi,
            "declined",
            "decline",
            {"reason": "Does not want to talk to anyone", "parent_information": "Mum agrees"},
        )
        declined = fresh(rhi)
        assert declined.status == RhiStatus.DECLINED
        assert declined.decline_reason == "Does not want to talk to anyone"
        note = page.select_one(".app-history-table tbody tr td:last-child")
        assert note.get_text("|") == (
            "Does not want to talk to anyone|Information from parent or carer: Mum agrees"
        )
        assert summary(page)["Why they declined"] == "Does not want to talk to anyone"

    def test_unable_to_contact_needs_a_note(self, client_request, worker, team):
        rhi = rhi_returned(team, 5)
        sign_in(client_request, worker)
        page = act(
            client_request, rhi, "unable-to-contact", "unable", {"note": ""}, expected_status=422
        )
        assert error_messages(page) == ["Enter what you tried to reach the child"]
        page = act(
            client_request, rhi, "unable-to-contact", "unable", {"note": "Three calls, two visits"}
        )
        assert summary(page)["Status"] == "Unable to contact"
        headings = [normalise(h.get_text()) for h in page.select("h3")]
        assert headings == ["The interview was offered", "Record a contact attempt"]

    def test_a_stale_page_is_refused_and_changes_nothing(self, client_request, worker, team):
        rhi = rhi_returned(team, 5)
        change_status(rhi, RhiStatus.OFFERED, by=worker)
        sign_in(client_request, worker)
        seen = fresh(rhi).version

        act(client_request, rhi, "accepted", "accept", version=seen)
        transitions = len(fresh(rhi).transitions)
        page = act(client_request, rhi, "accepted", "accept", version=seen, expected_status=409)

        assert error_messages(page) == [
            "Someone else changed this interview while you were working on it. "
            "Your changes have not been saved."
        ]
        assert page.select_one(".govuk-error-summary a")["href"] == "#current-status"
        assert page.select_one("#current-status") is not None
        after = fresh(rhi)
        assert after.status == RhiStatus.ACCEPTED
        assert len(after.transitions) == transitions

    def test_a_repeated_contact_attempt_is_recorded_once(self, client_request, worker, team):
        rhi = rhi_returned(team, 5)
        sign_in(client_request, worker)
        seen = fresh(rhi).version
        act(client_request, rhi, "contact-attempt", "contact", {"note": "Texted"}, version=seen)
        page = act(
            client_request,
            rhi,
            "contact-attempt",
            "contact",
            {"note": "Texted"},
            version=seen,
            expected_status=409,
        )
        assert error_messages(page)[0].startswith("Someone else changed this interview")
        assert page.select_one("#contact-note").get_text().strip() == "Texted"
        attempts = db.session.scalars(
            sa.select(AuditEvent)
            .where(AuditEvent.action == AuditAction.RHI_CONTACT_ATTEMPTED)
            .order_by(AuditEvent.id)
        ).all()
        assert [e.detail for e in attempts] == [{"note": "Texted"}]

    def test_an_action_the_workflow_forbids_is_refused_with_a_message(
        self, client_request, worker, team
    ):
        rhi = rhi_returned(team, 5)
        sign_in(client_request, worker)
        page = act(client_request, rhi, "accepted", "accept", expected_status=409)
        assert error_messages(page) == ["An interview that is requested cannot be marked accepted"]
        assert fresh(rhi).status == RhiStatus.REQUESTED
        assert len(fresh(rhi).transitions) == 1

    def test_a_form_without_its_version_is_refused(self, client_request, worker, team):
        rhi = rhi_returned(team, 5)
        sign_in(client_request, worker)
        page = client_request.post(
            url(rhi, "offered"), {"offer-method": "phone"}, form_url=url(rhi)
        )
        assert error_messages(page) == ["This page is out of date. Reload it and try again."]
        assert fresh(rhi).status == RhiStatus.REQUESTED

    def test_a_manager_returns_for_changes_then_signs_off(
        self, client_request, manager, worker, team
    ):
        rhi = rhi_returned(team, 5)
        for status in (
            RhiStatus.OFFERED,
            RhiStatus.ACCEPTED,
            RhiStatus.SCHEDULED,
            RhiStatus.COMPLETED,
        ):
            change_status(rhi, status, by=worker)
        sign_in(client_request, manager)
        page = client_request.get(url(rhi))
        assert [normalise(h.get_text()) for h in page.select("h3")] == [
            "Sign off",
            "Return for changes",
        ]

        page = act(
            client_request,
            rhi,
            "return-for-changes",
            "return",
            {"comments": ""},
            expected_status=422,
        )
        assert error_messages(page) == ["Enter what needs to change"]
        page = act(
            client_request,
            rhi,
            "return-for-changes",
            "return",
            {"comments": "Add what the child wants to happen"},
        )
        assert summary(page)["Status"] == "Returned for changes"
        assert summary(page)["Manager's comments"] == "Add what the child wants to happen"
        assert page.select_one(f"a[href='/returns/{rhi.id}/interview']") is not None

        change_status(fresh(rhi), RhiStatus.COMPLETED, by=worker)
        page = act(client_request, rhi, "sign-off", "sign-off", {"comments": "Thorough work"})
        signed = fresh(rhi)
        assert signed.status == RhiStatus.SIGNED_OFF
        assert signed.signed_off_by_id == manager.id
        assert "This interview is signed off" in page.get_text()
        assert page.select("form[action^='/returns/']") == []

    def test_workers_cannot_sign_off(self, client_request, worker, team):
        rhi = rhi_returned(team, 5)
        change_status(rhi, RhiStatus.UNABLE_TO_CONTACT, by=worker, note="No answer")
        sign_in(client_request, worker)
        page = client_request.get(url(rhi))
        assert page.select("form[action$='/sign-off']") == []
        token = client_request.csrf_token(url(rhi))
        response = client_request.client.post(
            url(rhi, "sign-off"),
            data={"csrf_token": token, "sign-off-version": str(fresh(rhi).version)},
        )
        assert response.status_code == 403
        assert fresh(rhi).status == RhiStatus.UNABLE_TO_CONTACT


class TestCalendar:
    def test_the_scheduled_interview_downloads_without_the_childs_name(
        self, client_request, worker, team
    ):
        rhi = rhi_returned(team, 5, given_name="Quinley", family_name="Zebedee")
        for status in (RhiStatus.OFFERED, RhiStatus.ACCEPTED):
            change_status(rhi, status, by=worker)
        day = date.today() + timedelta(days=10)
        when = datetime.combine(day, time(9, 15), tzinfo=LONDON)
        from rhi.interviews.services import schedule

        schedule(rhi, when, "Library, meeting room 2; side door", None, worker, None)
        sign_in(client_request, worker)

        response = client_request.get_response(f"/returns/{rhi.id}/interview.ics")

        assert response.mimetype == "text/calendar"
        assert "attachment" in response.headers["Content-Disposition"]
        text = response.get_data(as_text=True)
        assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
        lines = text.replace("\r\n ", "").split("\r\n")
        start = when.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        assert f"DTSTART:{start}" in lines
        end = (when + timedelta(hours=1)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        assert f"DTEND:{end}" in lines
        assert f"SUMMARY:Return home interview: {rhi.child.case_ref}" in lines
        assert "LOCATION:Library\\, meeting room 2\\; side door" in lines
        assert "Quinley" not in text and "Zebedee" not in text
        assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))

    def test_an_unscheduled_interview_has_no_calendar_entry(self, client_request, worker, team):
        rhi = rhi_returned(team, 5)
        sign_in(client_request, worker)
        response = client_request.get_response(f"/returns/{rhi.id}/interview.ics", 302)
        assert response.headers["Location"] == url(rhi)
        page = client_request.get(url(rhi))
        assert "has not been scheduled" in banner_text(page)


class TestAccess:
    def test_another_teams_interview_is_not_found(self, client_request, team):
        rhi = rhi_returned(team, 5)
        stranger = create_user(Role.RHI_WORKER, team=create_team("Far team"))
        sign_in(client_request, stranger)
        for path in (url(rhi), f"{url(rhi)}/interview.ics"):
            client_request.get(path, expected_status=404)
        token = client_request.csrf_token("/returns/caseload")
        response = client_request.client.post(
            url(rhi, "accepted"), data={"csrf_token": token, "accept-version": "1"}
        )
        assert response.status_code == 404
        client_request.get("/returns/999999", expected_status=404)

    def test_a_worker_of_another_team_sees_an_interview_allocated_to_them(
        self, client_request, manager, team
    ):
        rhi = rhi_returned(team, 5)
        helper = create_user(Role.RHI_WORKER, full_name="Helper", team=create_team("Far team"))
        rhi.allocated_to = helper
        db.session.commit()
        sign_in(client_request, helper)
        client_request.get(url(rhi))

    @pytest.mark.parametrize(
        "path", ["/returns/due", "/returns/caseload", "/meetings", "/children"]
    )
    def test_participation_officers_are_refused(self, client_request, path):
        officer = create_user(Role.PARTICIPATION_OFFICER)
        sign_in(client_request, officer)
        client_request.get(path, expected_status=403)

    def test_participation_officers_cannot_open_an_interview(self, client_request, team):
        rhi = rhi_returned(team, 5)
        sign_in(client_request, create_user(Role.PARTICIPATION_OFFICER))
        client_request.get(url(rhi), expected_status=403)
        client_request.get(f"/children/{rhi.child.case_ref}", expected_status=403)


def test_transitions_made_on_the_page_are_attributed(client_request, worker, team):
    rhi = rhi_returned(team, 5)
    sign_in(client_request, worker)
    act(client_request, rhi, "offered", "offer", {"method": "in_person"})
    last = db.session.scalars(
        sa.select(RhiTransition)
        .where(RhiTransition.rhi_id == rhi.id)
        .order_by(RhiTransition.id.desc())
    ).first()
    assert last is not None
    assert (last.from_status, last.to_status, last.by_id) == ("requested", "offered", worker.id)
    assert last.note == "Offered by: in person"


class TestCoveringAReturn:
    def test_a_manager_covers_a_second_return_with_the_open_interview(
        self, client_request, manager, team
    ):
        child = create_child(team=team)
        _e1, first = create_returned_episode(child, started_at=utcnow() - timedelta(hours=30))
        _e2, second = create_returned_episode(child, started_at=utcnow() - timedelta(hours=10))
        sign_in(client_request, manager)
        page = client_request.get(url(first))
        assert "Cover with another interview" in page.get_text()
        page = act(client_request, second, "cover", "cover", {"target": str(first.id)})
        assert "This return is now covered by the other interview" in banner_text(page)
        assert summary(page)["Status"].startswith("Covered by another interview")
        link = page.find("a", string=lambda text: text and "which covers this return" in text)
        assert link["href"] == url(first)
        covering = client_request.get(url(first))
        assert len(covering.select(".app-episodes-table tbody tr")) == 2
        assert "Cover with another interview" not in covering.get_text()
