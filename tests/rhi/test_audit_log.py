"""Administrators search the audit log; each search is itself audited."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import sqlalchemy as sa
from bs4 import BeautifulSoup

from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.audit.services import PAGE_SIZE, record
from rhi.auth.models import User
from rhi.auth.roles import Role
from rhi.extensions import db
from tests.auth_helpers import sign_in
from tests.factories import create_user
from tests.pages import ClientRequest, error_messages, normalise

URL = "/admin/audit-log"


@pytest.fixture
def admin(client_request: ClientRequest) -> User:
    user = create_user(Role.ADMIN, full_name="Avery Quinlan", email="avery.quinlan@example.org")
    sign_in(client_request, user)
    return user


def add_event(
    action: AuditAction,
    at: datetime,
    *,
    actor: User | None = None,
    object_type: str | None = None,
    object_id: int | str | None = None,
    ip_address: str | None = None,
) -> AuditEvent:
    event = record(action, object_type=object_type, object_id=object_id, actor=actor)
    event.occurred_at = at
    event.ip_address = ip_address
    db.session.commit()
    return event


def search(client_request: ClientRequest, params: list[tuple[str, str]] | None = None):
    return client_request.get(f"{URL}?{urlencode(params or [])}")


def result_rows(page: BeautifulSoup) -> list[list[str]]:
    return [
        [normalise(cell.get_text()) for cell in row.select("td")]
        for row in page.select(".app-audit-table tbody tr")
    ]


def date_params(name: str, day: str, month: str, year: str) -> list[tuple[str, str]]:
    return [(name, day), (name, month), (name, year)]


def searches() -> list[AuditEvent]:
    query = sa.select(AuditEvent).where(AuditEvent.action == AuditAction.AUDIT_SEARCHED)
    return list(db.session.scalars(query.order_by(AuditEvent.id)))


def test_events_are_listed_newest_first_in_uk_time(client_request, admin):
    worker = create_user(full_name="Bea Holloway", email="bea.holloway@example.org")
    add_event(  # summer: British Summer Time, an hour ahead of UTC
        AuditAction.STAFF_UPDATED,
        datetime(2024, 7, 1, 11, 30, 5, tzinfo=UTC),
        actor=admin,
        object_type="staff_user",
        object_id=worker.id,
        ip_address="192.0.2.10",
    )
    add_event(  # winter: Greenwich Mean Time
        AuditAction.SIGN_IN_FAILED, datetime(2024, 12, 2, 9, 0, 0, tzinfo=UTC), actor=worker
    )
    add_event(AuditAction.SIGN_IN_FAILED, datetime(2023, 1, 5, 8, 0, 0, tzinfo=UTC))

    page = search(client_request)

    rows = result_rows(page)
    assert rows[0][1:3] == ["Avery Quinlan avery.quinlan@example.org", "Signed in"]  # just now
    assert rows[1:] == [
        ["2 Dec 2024 09:00:00", "Bea Holloway bea.holloway@example.org", "Sign-in failed", "", ""],
        [
            "1 Jul 2024 12:30:05",
            "Avery Quinlan avery.quinlan@example.org",
            "Staff account changed",
            f"staff_user {worker.id}",
            "192.0.2.10",
        ],
        ["5 Jan 2023 08:00:00", "Nobody signed in", "Sign-in failed", "", ""],
    ]
    assert [h.get_text() for h in page.select(".app-audit-table thead th")] == [
        "When",
        "Who",
        "Action",
        "Object",
        "IP address",
    ]
    assert page.select_one(".govuk-pagination") is None


def test_searching_is_audited_by_filter_names_never_values(client_request, admin):
    search(client_request)
    search(
        client_request,
        [
            ("action", "sign_in"),
            ("actor_email", "quinlan"),
            ("object_id", ""),
            *date_params("date_from", "1", "1", "2024"),
        ],
    )

    first, second = searches()
    assert first.detail == {"filters": [], "page": 1}
    assert second.detail == {"filters": ["action", "actor_email", "date_from"], "page": 1}
    assert (second.actor_id, second.request_path) == (admin.id, URL)
    assert "quinlan" not in str(second.detail) and "2024" not in str(second.detail)
    # The search is recorded after it runs, so it is not among its own results.
    page = search(client_request, [("action", "audit_searched")])
    assert len(result_rows(page)) == 2


def test_filters_narrow_the_results(client_request, admin):
    bea = create_user(full_name="Bea Holloway", email="bea.holloway@example.org")
    cal = create_user(full_name="Cal Dunmore", email="cal.dunmore@example.org")
    summer = datetime(2024, 7, 1, 10, 0, tzinfo=UTC)
    add_event(AuditAction.STAFF_UPDATED, summer, actor=bea, object_type="staff_user", object_id=7)
    add_event(AuditAction.TEAM_UPDATED, summer, actor=cal, object_type="team", object_id=7)
    add_event(AuditAction.TEAM_CREATED, summer, actor=cal, object_type="team", object_id=8)
    # 00:30 on 1 July and 00:30 on 2 July in UK time (23:30 UTC the evening before).
    add_event(AuditAction.SIGN_IN, datetime(2024, 6, 30, 23, 30, tzinfo=UTC), actor=bea)
    add_event(AuditAction.SIGN_OUT, datetime(2024, 7, 1, 23, 30, tzinfo=UTC), actor=bea)

    def actions(params: list[tuple[str, str]]) -> list[str]:
        return [row[2] for row in result_rows(search(client_request, params))]

    assert actions([("action", "team_updated")]) == ["Team renamed"]
    assert actions([("actor_email", " BEA.HOLL ")]) == [
        "Signed out",
        "Staff account changed",
        "Signed in",
    ]
    assert actions([("object_type", "team")]) == ["Team added", "Team renamed"]
    assert actions([("object_type", "team"), ("object_id", "7")]) == ["Team renamed"]
    on_1_july = date_params("date_from", "1", "7", "2024") + date_params(
        "date_to", "1", "7", "2024"
    )
    assert actions(on_1_july) == [
        "Team added",
        "Team renamed",
        "Staff account changed",
        "Signed in",
    ]
    on_2_july = date_params("date_from", "02", "07", "2024") + date_params(
        "date_to", "2", "7", "2024"
    )
    assert actions(on_2_july) == ["Signed out"]
    page = search(client_request, [("actor_email", "nobody-here")])
    assert "No events match your search." in page.get_text()
    # The form shows the search it ran.
    page = search(client_request, [("action", "team_updated"), *on_1_july])
    assert page.select_one("#action option[selected]")["value"] == "team_updated"
    assert [page.select_one(f"#date_to-{part}")["value"] for part in ("day", "month", "year")] == [
        "1",
        "7",
        "2024",
    ]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (date_params("date_from", "31", "2", "2024"), "Date from must be a real date"),
        (date_params("date_from", "", "3", "2024"), "Date from must include a day"),
        (date_params("date_to", "1", "", "2024"), "Date to must include a month"),
        (date_params("date_to", "1", "3", ""), "Date to must include a year"),
        (date_params("date_from", "1", "3", "24"), "Date from must be a real date"),
        (date_params("date_from", "first", "3", "2024"), "Date from must be a real date"),
        (
            date_params("date_from", "2", "3", "2024") + date_params("date_to", "1", "3", "2024"),
            "Date to must be the same as or after date from",
        ),
        ([("date_from", "1")], "Date from must include a month"),
        ([("action", "delete_everything")], "Select an action from the list"),
        ([("object_id", "9" * 65)], "Object ID must be 64 characters or fewer"),
    ],
)
def test_a_search_that_does_not_make_sense_is_explained(client_request, admin, params, message):
    page = search(client_request, params)
    assert error_messages(page) == [message]
    assert page.title.get_text().startswith("Error: ")
    assert page.select_one(".app-audit-table") is None
    assert searches() == []


def test_a_date_error_links_to_the_day_box_and_keeps_what_was_typed(client_request, admin):
    page = search(client_request, date_params("date_to", "30", "2", "2025"))
    assert page.select_one(".govuk-error-summary a")["href"] == "#date_to-day"
    assert page.select_one("#date_to-day")["value"] == "30"
    assert page.select_one("#date_to-year")["value"] == "2025"
    assert "govuk-input--error" in page.select_one("#date_to-month")["class"]


def test_results_come_a_page_at_a_time_and_keep_the_filters(client_request, admin):
    for number in range(PAGE_SIZE + 10):
        add_event(
            AuditAction.STAFF_UPDATED,
            datetime(2024, 3, 1, 9, number % 60, number // 60, tzinfo=UTC),
            actor=admin,
            object_type="staff_user",
            object_id=number,
        )
    add_event(AuditAction.TEAM_CREATED, datetime(2024, 3, 2, tzinfo=UTC), object_type="team")
    filters = [("action", "staff_updated"), *date_params("date_from", "1", "3", "2024")]

    first = search(client_request, filters)

    rows = result_rows(first)
    assert len(rows) == PAGE_SIZE
    assert rows[0][3] == f"staff_user {PAGE_SIZE + 9}"  # the newest
    assert "Events 1 to 50" in first.select_one(".app-audit-table caption").get_text()
    assert first.select_one(".govuk-pagination__prev") is None
    next_link = first.select_one(".govuk-pagination__next a")["href"]
    assert urlsplit(next_link).path == URL
    assert parse_qs(urlsplit(next_link).query) == {
        "action": ["staff_updated"],
        "date_from": ["1", "3", "2024"],
        "page": ["2"],
    }

    second = client_request.get(next_link)

    rows = result_rows(second)
    assert [row[3] for row in rows] == [f"staff_user {n}" for n in range(9, -1, -1)]
    assert "Events 51 to 60" in second.select_one(".app-audit-table caption").get_text()
    assert second.select_one(".govuk-pagination__next") is None
    previous_link = second.select_one(".govuk-pagination__prev a")["href"]
    assert parse_qs(urlsplit(previous_link).query)["page"] == ["1"]
    assert [event.detail["page"] for event in searches()] == [1, 2]


@pytest.mark.parametrize("page", ["0", "-3", "many", "99999999999999999999"])
def test_odd_page_numbers_do_not_break_the_page(client_request, admin, page):
    result = search(client_request, [("page", page)])
    assert error_messages(result) == []


@pytest.mark.parametrize("role", [Role.RHI_WORKER, Role.TEAM_MANAGER, Role.PARTICIPATION_OFFICER])
def test_only_administrators_may_search_the_audit_log(client_request, role):
    user = create_user(role)
    sign_in(client_request, user)
    page = client_request.get(f"{URL}?action=sign_in", expected_status=403)
    assert page.h1.get_text().strip() == "You do not have permission to see this page"
    assert searches() == []
    denied = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.action == AuditAction.ACCESS_DENIED)
    ).one()
    assert (denied.actor_id, denied.detail) == (user.id, {"permission": "view_audit_log"})
