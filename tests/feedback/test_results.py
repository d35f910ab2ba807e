"""Response rates and ratings: counts by survey, language and audience, never names."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from feedback.dispatch import dispatch, transport_for
from feedback.seed import ensure_shipped_templates
from feedback.vocabulary import Audience
from rhi.auth.roles import Role
from rhi.database import utcnow
from rhi.interviews.services import change_status
from rhi.interviews.vocabulary import RhiStatus
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.feedback_factories import create_contact
from tests.pages import error_messages, normalise
from tests.workflow_factories import create_child, create_returned_episode

pytestmark = pytest.mark.usefixtures("no_quiet_hours")


@pytest.fixture
def team():
    return create_team("Newark RHI team")


@pytest.fixture
def worker(team):
    return create_user(Role.RHI_WORKER, team=team)


def complete_an_interview(child) -> None:
    ensure_shipped_templates()
    _episode, rhi = create_returned_episode(child)
    for step in (RhiStatus.OFFERED, RhiStatus.ACCEPTED, RhiStatus.SCHEDULED, RhiStatus.COMPLETED):
        change_status(rhi, step, by=None, note="a reason")


def table(page, selector: str) -> list[list[str]]:
    return [
        [normalise(cell.get_text()) for cell in row.select("th, td")]
        for row in page.select(f"{selector} tbody tr")
    ]


def test_a_survey_answered_through_the_simulator_shows_in_the_rates(
    app, client_request, worker, team
):
    child = create_child(team=team, given_name="Tamsin", family_name="Oakes")
    young = create_contact(child, worker, name="Tamsin")
    create_contact(child, worker, audience=Audience.PARENT, name="Mum")
    complete_an_interview(child)
    dispatch(transport_for(app), worker="test")
    sign_in(client_request, worker)
    client_request.post_response(f"/sms-simulator/{young.phone}", {"body": "4 out of 5"})

    manager = create_user(Role.TEAM_MANAGER, team=team)
    client_request.post_response("/sign-out", {}, form_url="/")
    sign_in(client_request, manager)
    page = client_request.get("/surveys/results")

    assert table(page, ".app-rates-by-audience") == [
        ["Young person", "Young person", "1", "1", "1", "0", "0", "100.0%"],
        ["Parent or carer", "Parent or carer", "1", "1", "0", "0", "0", "0.0%"],
    ] or table(page, ".app-rates-by-audience") == [
        ["Parent or carer", "Parent or carer", "1", "1", "0", "0", "0", "0.0%"],
        ["Young person", "Young person", "1", "1", "1", "0", "0", "100.0%"],
    ]
    by_survey = table(page, ".app-rates-by-survey")
    assert [
        "After an interview: young person",
        "Young person",
        "1",
        "1",
        "1",
        "0",
        "0",
        "100.0%",
    ] in by_survey
    assert [
        "After an interview: parent or carer",
        "Parent or carer",
        "1",
        "1",
        "0",
        "0",
        "0",
        "0.0%",
    ] in by_survey
    assert table(page, ".app-rates-by-language")[0][0] == "English"
    [rating] = table(page, ".app-ratings-table")
    assert rating[1:] == [
        "After an interview: young person (Young person)",
        "1",
        "4.0",
        "0",
        "0",
        "0",
        "1",
        "0",
    ]
    html = str(page)
    assert "Tamsin" not in html and "Oakes" not in html and "Mum" not in html


def test_the_date_range_filters_by_when_surveys_started(client_request, worker, team):
    child = create_child(team=team)
    create_contact(child, worker)
    complete_an_interview(child)
    sign_in(client_request, create_user(Role.PARTICIPATION_OFFICER))
    today = utcnow().astimezone(ZoneInfo("Europe/London")).date()
    later = today + timedelta(days=3)

    def dates(start, end) -> str:
        return (
            f"started_from={start.day}&started_from={start.month}&started_from={start.year}"
            f"&started_to={end.day}&started_to={end.month}&started_to={end.year}"
        )

    page = client_request.get(f"/surveys/results?{dates(later, later)}")
    assert page.select_one(".app-no-results") is not None
    page = client_request.get(f"/surveys/results?{dates(today - timedelta(days=1), later)}")
    assert table(page, ".app-rates-by-audience")[0][:3] == ["Young person", "Young person", "1"]

    page = client_request.get(f"/surveys/results?{dates(later, today)}", expected_status=400)
    assert error_messages(page) == ["Started to must be the same as or after started from"]


def test_workers_may_not_see_results(client_request, worker):
    sign_in(client_request, worker)
    client_request.get("/surveys/results", expected_status=403)
