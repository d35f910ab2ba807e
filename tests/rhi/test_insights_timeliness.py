"""RHI timeliness and the FOI answer, against a small dataset whose answers are known.

The dataset (returns in March 2026, UK time; British Summer Time starts on
29 March, so the month ends at 22:59:59 UTC on 31 March):

====  ======  =========  =====================  ========================================
name  status  district   returned (UTC)         interview
====  ======  =========  =====================  ========================================
c1    home    mansfield  2 Mar 10:00            allocated; completed, held at exactly +72h
c2    lac     mansfield  3 Mar 10:00            completed, held at +72h 1 minute
c3    lac     ashfield   5 Mar 12:00            offered, declined
c4    home    ashfield   6 Mar 12:00            unable to contact (never offered)
c5    home    mansfield  31 Mar 22:59:59        requested (the last second of March in the UK)
c6    home    mansfield  31 Mar 23:00:00        1 April in the UK: not in March
c7    home    mansfield  28 Feb 23:59           before the range
c8    lac     mansfield  10 Mar 08:00           completed, held at +10h, signed off
====  ======  =========  =====================  ========================================
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from flask import Flask

from rhi.auth.models import Team, User
from rhi.auth.roles import Role
from rhi.children.models import Child
from rhi.episodes.models import Episode
from rhi.extensions import db
from rhi.insights.filters import InsightFilter
from rhi.insights.foi import foi_answer
from rhi.insights.timeliness import (
    Breakdown,
    Measure,
    UnknownFigure,
    breakdown_figures,
    drill,
    overall_figures,
    timeliness,
)
from rhi.interviews.models import ReturnInterview
from rhi.interviews.record import InterviewRecord
from rhi.interviews.services import allocate, change_status
from rhi.interviews.vocabulary import RhiStatus
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.pages import ClientRequest, error_messages, normalise
from tests.workflow_factories import create_child, create_returned_episode

MARCH = InsightFilter(returned_from=date(2026, 3, 1), returned_to=date(2026, 3, 31))
MARCH_ARGS = "returned_from=2026-03-01&returned_to=2026-03-31"
HOURS = timedelta(hours=1)


def at(day: int, hour: int = 0, minute: int = 0, second: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, second, tzinfo=UTC)


def returned(child: Child, when: datetime) -> tuple[Episode, ReturnInterview]:
    return create_returned_episode(child, started_at=when - 6 * HOURS, missing_for=6 * HOURS)


def move(rhi: ReturnInterview, *statuses: RhiStatus, when: datetime) -> None:
    for status in statuses:
        note = "Did not want to talk" if status is RhiStatus.DECLINED else None
        change_status(rhi, status, by=None, note=note, at=when)


def complete(rhi: ReturnInterview, held: datetime, *, sign_off: bool = False) -> None:
    move(
        rhi,
        RhiStatus.OFFERED,
        RhiStatus.ACCEPTED,
        RhiStatus.SCHEDULED,
        RhiStatus.COMPLETED,
        when=held + HOURS,
    )
    if sign_off:
        move(rhi, RhiStatus.SIGNED_OFF, when=held + 2 * HOURS)
    db.session.add(InterviewRecord(rhi_id=rhi.id, held_at=held))
    db.session.commit()


@dataclass
class Data:
    team: Team
    manager: User
    officer: User
    worker: User
    children: dict[str, Child]
    rhis: dict[str, ReturnInterview]


@pytest.fixture
def data(app_ctx: Flask) -> Data:
    team = create_team("Mansfield RHI team")
    manager = create_user(Role.TEAM_MANAGER, team=team)
    officer = create_user(Role.PARTICIPATION_OFFICER)
    worker = create_user(Role.RHI_WORKER, team=team, full_name="Robin Worker")
    details = {
        "c1": ("home", "mansfield", {}),
        # 10 on the day of the return: 11 the day after.
        "c2": ("lac", "mansfield", {"date_of_birth": date(2015, 3, 4)}),
        "c3": ("lac", "ashfield", {"gender": "male", "ethnicity": "White British"}),
        "c4": ("home", "ashfield", {"gender": "male"}),
        "c5": ("home", "mansfield", {}),
        "c6": ("home", "mansfield", {}),
        "c7": ("home", "mansfield", {}),
        # 17 on the day of the return (their birthday).
        "c8": ("lac", "mansfield", {"date_of_birth": date(2009, 3, 10)}),
    }
    children = {
        name: create_child(
            legal_status=status, district=district, team=team, given_name=name.upper(), **extra
        )
        for name, (status, district, extra) in details.items()
    }
    times = {
        "c1": at(2, 10),
        "c2": at(3, 10),
        "c3": at(5, 12),
        "c4": at(6, 12),
        "c5": at(31, 22, 59, 59),
        "c6": at(31, 23),
        "c7": at(28, 23, 59, month=2),
        "c8": at(10, 8),
    }
    rhis = {name: returned(children[name], when)[1] for name, when in times.items()}
    allocate(rhis["c1"], worker, by=manager)
    complete(rhis["c1"], times["c1"] + 72 * HOURS)
    complete(rhis["c2"], times["c2"] + 72 * HOURS + timedelta(minutes=1))
    move(rhis["c3"], RhiStatus.OFFERED, RhiStatus.DECLINED, when=times["c3"] + 5 * HOURS)
    move(rhis["c4"], RhiStatus.UNABLE_TO_CONTACT, when=times["c4"] + 5 * HOURS)
    complete(rhis["c8"], times["c8"] + 10 * HOURS, sign_off=True)
    return Data(team, manager, officer, worker, children, rhis)


def refs(data: Data, *names: str) -> set[str]:
    return {data.children[name].case_ref for name in names}


# The figures ---------------------------------------------------------------


def test_every_figure_for_the_whole_range(data: Data) -> None:
    overall = overall_figures(MARCH)
    assert overall.returns == 6  # c1-c5 and c8: c6 is April in the UK, c7 February
    assert overall.children == 6
    assert overall.offered == 4  # c1, c2, c3, c8 (c4 was never offered)
    assert overall.accepted == 3
    assert overall.declined == 1
    assert overall.unable_to_contact == 1
    assert overall.completed == 3  # c1, c2 completed; c8 signed off
    assert overall.within_72_hours == 2  # c1 at exactly 72h; c8; not c2 at 72h + 1 minute
    assert overall.timed == 3
    # 10, 72 and 72.0167 hours: the middle one.
    assert overall.median_hours == pytest.approx(72.0)


def test_the_return_on_the_last_second_of_the_range_counts(data: Data) -> None:
    last_day = InsightFilter(returned_from=date(2026, 3, 31), returned_to=date(2026, 3, 31))
    assert overall_figures(last_day).returns == 1  # c5 only
    first_of_april = InsightFilter(returned_from=date(2026, 4, 1), returned_to=date(2026, 4, 1))
    assert overall_figures(first_of_april).returns == 1  # c6 only


def test_exactly_72_hours_is_within_and_a_minute_more_is_not(data: Data) -> None:
    records = drill(MARCH, Measure.WITHIN_72_HOURS, None, "", data.manager)
    assert {row.case_ref for row in records.rows} == refs(data, "c1", "c8")
    completed = drill(MARCH, Measure.COMPLETED, None, "", data.manager)
    within = {row.case_ref: row.within_72_hours for row in completed.rows}
    assert within == {
        data.children["c1"].case_ref: True,
        data.children["c2"].case_ref: False,
        data.children["c8"].case_ref: True,
    }


def test_median_of_an_even_count_is_the_mean_of_the_middle_two(app_ctx: Flask) -> None:
    for hours in (10, 20, 30, 100):
        _episode, rhi = returned(create_child(), at(4, 9))
        complete(rhi, at(4, 9) + hours * HOURS)
    assert overall_figures(MARCH).median_hours == pytest.approx(25.0)


def test_breakdowns(data: Data) -> None:
    by_district = {row.label: row for row in breakdown_figures(MARCH, Breakdown.DISTRICT)}
    assert {name: row.returns for name, row in by_district.items()} == {
        "Ashfield": 2,
        "Mansfield": 4,
    }
    assert by_district["Mansfield"].within_72_hours == 2
    assert by_district["Ashfield"].median_hours is None

    home, care = breakdown_figures(MARCH, Breakdown.CARE)
    assert (home.key, home.returns, home.completed, home.within_72_hours) == ("home", 3, 1, 1)
    assert (care.key, care.returns, care.completed, care.within_72_hours) == ("care", 3, 2, 1)
    assert care.median_hours == pytest.approx((10 + 72 + 1 / 60) / 2)

    by_worker = {row.label: row.returns for row in breakdown_figures(MARCH, Breakdown.WORKER)}
    assert by_worker == {"Robin Worker": 1, "Not allocated": 5}

    (by_team,) = breakdown_figures(MARCH, Breakdown.TEAM)
    assert (by_team.label, by_team.returns) == ("Mansfield RHI team", 6)


def test_the_trend_has_every_month_in_the_range(data: Data) -> None:
    spring = InsightFilter(returned_from=date(2026, 2, 15), returned_to=date(2026, 4, 10))
    trend = timeliness(spring, Breakdown.DISTRICT).trend
    assert [(row.key, row.returns) for row in trend] == [
        ("2026-02", 1),
        ("2026-03", 6),
        ("2026-04", 1),
    ]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"district": "ashfield"}, {"c3", "c4"}),
        ({"legal_status": "lac"}, {"c2", "c3", "c8"}),
        ({"gender": "male"}, {"c3", "c4"}),
        ({"ethnicity": "White British"}, {"c3"}),
        ({"age_band": "16-17"}, {"c8"}),  # 17 on their birthday, the day of the return
        ({"age_band": "under-11"}, {"c2"}),  # 11 only the day after the return
        ({"age_band": "14-15"}, {"c1", "c3", "c4", "c5"}),
        ({"district": "ashfield", "gender": "female"}, set()),
    ],
)
def test_filters_narrow_the_returns(
    data: Data, changes: dict[str, str], expected: set[str]
) -> None:
    criteria = InsightFilter(returned_from=MARCH.returned_from, returned_to=MARCH.returned_to)
    criteria = InsightFilter(**{**criteria.__dict__, **changes})
    assert overall_figures(criteria).returns == len(expected)
    records = drill(criteria, Measure.RETURNS, None, "", data.manager)
    assert {row.case_ref for row in records.rows} == refs(data, *expected)


@pytest.mark.parametrize("measure", list(Measure))
@pytest.mark.parametrize(
    "breakdown", [None, Breakdown.DISTRICT, Breakdown.CARE, Breakdown.WORKER, Breakdown.MONTH]
)
def test_drill_down_lists_exactly_the_records_counted(
    data: Data, measure: Measure, breakdown: Breakdown | None
) -> None:
    groups = [overall_figures(MARCH)] if breakdown is None else breakdown_figures(MARCH, breakdown)
    for group in groups:
        records = drill(MARCH, measure, breakdown, group.key, data.manager)
        assert records.total == len(records.rows) == group.count(measure), (group.label, measure)
        assert len({row.episode_id for row in records.rows}) == len(records.rows)


def test_drill_down_refuses_unknown_groups(data: Data) -> None:
    for breakdown, group in [
        (Breakdown.DISTRICT, "999999"),
        (Breakdown.DISTRICT, "mansfield"),
        (Breakdown.CARE, "hospital"),
        (Breakdown.MONTH, "2027-01"),
    ]:
        with pytest.raises(UnknownFigure):
            drill(MARCH, Measure.RETURNS, breakdown, group, data.manager)


def test_foi_counts_episodes_that_started_in_the_financial_year(data: Data) -> None:
    answer = foi_answer(2025)
    assert (answer.start, answer.end) == (date(2025, 4, 1), date(2026, 3, 31))
    lines = {line.question: (line.home, line.care, line.total) for line in answer.lines}
    # c6 started on 31 March and came back on 1 April (UK): it is in 2025-26.
    assert lines["Missing episodes"] == ("5", "<5", "8")
    assert lines["Children who went missing"] == ("5", "<5", "8")
    assert lines["Episodes where a return home interview was offered"] == ("<5", "<5", "<5")
    assert lines["Episodes where a return home interview was completed"] == ("<5", "<5", "<5")
    next_year = {line.question: line.total for line in foi_answer(2026).lines}
    assert set(next_year.values()) == {"0"}


# The pages -----------------------------------------------------------------


def cells(page: BeautifulSoup, table: str) -> dict[tuple[str, str], str]:
    """(group key, measure) -> the text in the cell."""
    found = {}
    for row in page.select(f"table.{table} tbody tr"):
        for cell in row.select("td[data-measure]"):
            link = cell.find("a")
            text = link.contents[0] if link else cell.get_text()
            found[(row["data-group"], cell["data-measure"])] = normalise(str(text))
    return found


def headline(page: BeautifulSoup) -> dict[str, str]:
    found = {}
    for row in page.select(".app-headline .govuk-summary-list__row"):
        value = row.select_one("dd")
        link = value.find("a")
        found[row["data-measure"]] = normalise(str(link.contents[0] if link else value.get_text()))
    return found


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("manager", {"returns": "6", "accepted": "3", "within-72-hours": "2", "median": "72.0"}),
        ("officer", {"returns": "6", "accepted": "<5", "within-72-hours": "<5", "median": "<5"}),
    ],
)
def test_managers_see_exact_counts_and_officers_see_suppressed(
    data: Data, client_request: ClientRequest, role: str, expected: dict[str, str]
) -> None:
    sign_in(client_request, getattr(data, role))
    page = client_request.get(f"/insights/timeliness?{MARCH_ARGS}")
    figures = headline(page)
    assert {key: figures[key] for key in expected} == expected
    assert figures["share"] == ("33.3%" if role == "manager" else "<5")
    mansfield = str(data.children["c1"].district_id)
    by_district = cells(page, "app-breakdown-table")
    assert by_district[(mansfield, "returns")] == ("4" if role == "manager" else "<5")


def test_suppression_at_4_and_5(app_ctx: Flask, client_request: ClientRequest) -> None:
    officer = create_user(Role.PARTICIPATION_OFFICER)
    for day in range(1, 5):
        returned(create_child(), at(day, 12))
    sign_in(client_request, officer)
    assert headline(client_request.get(f"/insights/timeliness?{MARCH_ARGS}"))["returns"] == "<5"
    returned(create_child(), at(5, 12))
    assert headline(client_request.get(f"/insights/timeliness?{MARCH_ARGS}"))["returns"] == "5"
    assert headline(client_request.get(f"/insights/timeliness?{MARCH_ARGS}"))["offered"] == "0"


@pytest.mark.parametrize("by", ["district", "home-or-care", "worker", "team", "month"])
def test_the_csv_is_the_table_with_small_counts_suppressed(
    data: Data, client_request: ClientRequest, by: str
) -> None:
    sign_in(client_request, data.officer)
    page = client_request.get(f"/insights/timeliness?{MARCH_ARGS}&by={by}")
    response = client_request.get_response(f"/insights/timeliness.csv?{MARCH_ARGS}&by={by}")
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    header, body = rows[0], rows[1:]
    assert header[1:] == [
        "Returns",
        "Offered an interview",
        "Accepted",
        "Declined",
        "Unable to contact",
        "Interview completed",
        "Completed within 72 hours",
        "Share of returns completed within 72 hours",
        "Median hours to interview",
    ]
    table = page.select_one("table.app-breakdown-table")
    on_page = []
    for row in table.select("tbody tr"):
        label = normalise(row.select_one("th").get_text())
        values = []
        for cell in row.select("td[data-measure]"):
            link = cell.find("a")
            values.append(normalise(str(link.contents[0]) if link else cell.get_text()))
        on_page.append([label, *values])
    # No value: "-" on the page, an empty cell in the CSV.
    assert body == [[value if value != "-" else "" for value in row] for row in on_page]
    assert body[-1][:2] == ["All returns", "6"]
    assert "<5" in body[-1]


def test_the_csv_is_suppressed_for_managers_too(data: Data, client_request: ClientRequest) -> None:
    sign_in(client_request, data.manager)
    response = client_request.get_response(f"/insights/timeliness.csv?{MARCH_ARGS}")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[-1][:4] == ["All returns", "6", "<5", "<5"]


def test_every_number_links_to_its_records(data: Data, client_request: ClientRequest) -> None:
    sign_in(client_request, data.manager)
    page = client_request.get(f"/insights/timeliness?{MARCH_ARGS}&by=home-or-care")
    link = page.select_one(
        "table.app-breakdown-table tr[data-group=care] td[data-measure=returns] a"
    )
    assert link is not None
    records = client_request.get(link["href"])
    assert normalise(records.select_one("#drill-group").get_text()) == "Missing from care"
    listed = {
        normalise(row.select_one("td").get_text())
        for row in records.select("table.app-drill-table tbody tr")
    }
    assert listed == refs(data, "c2", "c3", "c8")
    # The manager may see the team's children: names, and links to the RHI.
    assert "C8 Testperson" in records.get_text()
    rhi_link = records.select_one(f"a[href='/returns/{data.rhis['c8'].id}']")
    assert rhi_link is not None

    month = page.select_one(
        "table.app-trend-table tr[data-group='2026-03'] td[data-measure=within-72-hours] a"
    )
    records = client_request.get(month["href"])
    rows = records.select("table.app-drill-table tbody tr")
    assert {normalise(row.select_one("td").get_text()) for row in rows} == refs(data, "c1", "c8")


def test_officers_cannot_open_the_records_behind_a_suppressed_number(
    data: Data, client_request: ClientRequest
) -> None:
    # A list of three children behind a "<5" would undo the suppression.
    sign_in(client_request, data.officer)
    page = client_request.get(f"/insights/timeliness?{MARCH_ARGS}")
    assert not page.select("a[href*='/insights/timeliness/records']")
    client_request.get_response(
        f"/insights/timeliness/records?measure=returns&{MARCH_ARGS}", expected_status=403
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("district=atlantis", "Select a district from the list"),
        ("legal_status=prison", "Select a legal status from the list"),
        ("age_band=100", "Select an age band from the list"),
        ("by=shoe-size", "Select how to break the figures down from the list"),
        ("returned_from=2026-02-31", "Returned from must be a real date"),
        (
            "returned_from=31&returned_from=&returned_from=2026",
            "Returned from must include a month",
        ),
        (
            "returned_from=2026-03-02&returned_to=2026-03-01",
            "Returned to must be the same as or after returned from",
        ),
        (
            "returned_from=1990-01-01&returned_to=2026-01-01",
            "The dates must be 10 years apart or less",
        ),
    ],
)
def test_bad_filters_are_a_gov_uk_error_not_a_500(
    data: Data, client_request: ClientRequest, query: str, message: str
) -> None:
    sign_in(client_request, data.manager)
    for url in ("/insights/timeliness", "/insights/timeliness/records?measure=returns&"):
        page = client_request.get(f"{url}{'&' if '?' in url else '?'}{query}", expected_status=400)
        assert error_messages(page) == [message]
        assert page.title.get_text().startswith("Error: ")
    client_request.get_response(f"/insights/timeliness.csv?{query}", expected_status=400)


@pytest.mark.parametrize(
    "query",
    [
        "measure=everything",
        "measure=",
        "measure=returns&group=district:99999",
        "measure=returns&group=colour:red",
    ],
)
def test_bad_drill_downs_are_a_400(data: Data, client_request: ClientRequest, query: str) -> None:
    sign_in(client_request, data.manager)
    page = client_request.get(f"/insights/timeliness/records?{query}", expected_status=400)
    assert page.select_one(".govuk-error-summary")


def test_the_default_view_and_a_bookmark(data: Data, client_request: ClientRequest) -> None:
    sign_in(client_request, data.manager)
    page = client_request.get("/insights/timeliness")
    assert page.select_one("svg[role=img] title")
    assert page.select_one("table.app-trend-table")
    # The GOV.UK date inputs work as well as ISO dates in links.
    page = client_request.get(
        "/insights/timeliness?returned_from=1&returned_from=3&returned_from=2026"
        "&returned_to=31&returned_to=3&returned_to=2026&district=mansfield&by=worker"
    )
    assert headline(page)["returns"] == "4"
    drill_link = page.select_one(".app-headline a")["href"]
    assert "district=mansfield" in drill_link and "returned_to=2026-03-31" in drill_link


def test_foi_page_and_csv(data: Data, client_request: ClientRequest) -> None:
    # FOI answers are published: suppressed on screen too, even for a manager.
    sign_in(client_request, data.manager)
    page = client_request.get("/insights/foi?year=2025")
    rows = [
        [normalise(cell.get_text()) for cell in row.select("th, td")]
        for row in page.select("table.app-foi-table tbody tr")
    ]
    assert rows[0] == ["Missing episodes", "5", "<5", "8"]
    response = client_request.get_response("/insights/foi.csv?year=2025")
    body = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert body[0] == ["Question", "Missing from home", "Missing from care", "Total"]
    assert body[1:] == rows
    page = client_request.get("/insights/foi?year=twenty", expected_status=400)
    assert error_messages(page) == ["Enter the year as 4 digits, like 2025"]
    client_request.get_response("/insights/foi.csv?year=1066", expected_status=400)
