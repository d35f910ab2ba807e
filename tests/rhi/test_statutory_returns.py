"""Statutory returns: the SSDA903 Missing table, Annex A List 8, the annual appendix.

Each figure is checked against a small hand-built dataset with a known answer.
The collection (financial) year in these tests is 1 April 2024 to 31 March
2025. 31 March is always in British Summer Time (it starts on the last Sunday
of March), so 23:30 on 31 March UK time is 22:30 UTC.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from werkzeug.test import TestResponse

from rhi.api.auth import Scope
from rhi.auth.roles import Role
from rhi.children.models import Child
from rhi.episodes.models import Episode
from rhi.episodes.services import record_return
from rhi.extensions import db
from rhi.insights import annex_a, annual, ssda903
from rhi.insights.ssda903 import EpisodeFacts, YearBounds
from rhi.insights.suppression import SUPPRESSED
from rhi.interviews.models import ReturnInterview
from rhi.interviews.record import InterviewRecord
from rhi.interviews.services import change_status
from rhi.interviews.vocabulary import RhiStatus
from rhi.themes.models import TaggedText, ThemeSuggestion
from rhi.themes.vocabulary import Decision
from tests.auth_helpers import sign_in
from tests.factories import create_user
from tests.pages import ClientRequest
from tests.rhi.test_api import bearer, make_key
from tests.workflow_factories import create_child, create_episode

YEAR = 2024
HEADER = "CHILD,DOB,MISSING,MIS_START,MIS_END"


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def episode(
    *,
    start: datetime,
    end: datetime | None = None,
    legal_status: str = "lac",
    category: str = "M",
    district: str = "mansfield",
    child: Child | None = None,
) -> Episode:
    """An episode of its own child (so no two overlap), returned at ``end`` if given."""
    child = child or create_child(legal_status=legal_status, district=district)
    made = create_episode(child, started_at=start, category=category)
    if end is not None:
        record_return(made, returned_at=end)
    return made


def set_episode(made: Episode, **values: Any) -> None:
    """Bad data the services would refuse, put straight into the table."""
    db.session.execute(sa.update(Episode).where(Episode.id == made.id).values(**values))
    db.session.commit()


def rows_by_child(year: int = YEAR) -> dict[str, tuple[str, ...]]:
    return {row[0]: row for row in ssda903.missing_return(year).rows}


# SSDA903 ------------------------------------------------------------------------------


class TestSsda903:
    def test_the_year_and_its_uk_dates(self, app_ctx):
        spanning = episode(start=utc(2025, 3, 30, 10), end=utc(2025, 4, 2, 9))
        first_day = episode(start=utc(2024, 3, 31, 23))  # 00:00 on 1 April, BST
        before = episode(start=utc(2024, 3, 20), end=utc(2024, 3, 31, 22, 59))  # 23:59 31 Mar
        ends_last_evening = episode(start=utc(2025, 3, 30), end=utc(2025, 3, 31, 22, 30))
        ends_after_midnight = episode(start=utc(2025, 3, 29), end=utc(2025, 3, 31, 23, 30))
        winter = episode(start=utc(2024, 12, 31, 23, 30), end=utc(2025, 1, 1, 2))
        summer = episode(start=utc(2024, 6, 30, 23, 30), end=utc(2024, 7, 1, 2), category="A")
        still_open = episode(start=utc(2024, 10, 1, 12))
        from_home = episode(start=utc(2024, 10, 1, 12), legal_status="home")

        rows = rows_by_child()
        dob = "17/05/2011"
        assert rows[spanning.child.case_ref] == (
            spanning.child.case_ref,
            dob,
            "M",
            "30/03/2025",
            "",
        )
        assert rows[first_day.child.case_ref][3:] == ("01/04/2024", "")
        assert before.child.case_ref not in rows
        assert rows[ends_last_evening.child.case_ref][3:] == ("30/03/2025", "31/03/2025")
        assert rows[ends_after_midnight.child.case_ref][3:] == ("29/03/2025", "")
        assert rows[winter.child.case_ref][3:] == ("31/12/2024", "01/01/2025")
        assert rows[summer.child.case_ref][2:] == ("A", "01/07/2024", "01/07/2024")
        assert rows[still_open.child.case_ref][3:] == ("01/10/2024", "")
        assert from_home.child.case_ref not in rows
        assert len(rows) == 7

        # The episode starting at the first moment of 2024-25 is not in 2023-24; the one
        # ending a minute before it is.
        earlier = rows_by_child(YEAR - 1)
        assert first_day.child.case_ref not in earlier
        assert earlier[before.child.case_ref][3:] == ("20/03/2024", "31/03/2024")

    def test_each_rule_fails_on_its_own_and_is_listed(self, app_ctx):
        good = episode(start=utc(2024, 5, 1), end=utc(2024, 5, 2))
        bad_code = episode(start=utc(2024, 5, 1), end=utc(2024, 5, 2))
        set_episode(bad_code, category="X")
        backwards = episode(start=utc(2024, 6, 10), end=utc(2024, 6, 11))
        set_episode(backwards, returned_at=utc(2024, 6, 8))
        late = episode(start=utc(2025, 3, 1), end=utc(2025, 3, 2))
        set_episode(late, started_at=utc(2025, 4, 5))  # recorded as ending before it started

        table = ssda903.missing_return(YEAR)
        assert [row[0] for row in table.rows] == [good.child.case_ref]
        found = {(f.case_ref, f.rule.code, f.rule.field) for f in table.failures}
        assert found == {
            (bad_code.child.case_ref, "missing_code", "MISSING"),
            (backwards.child.case_ref, "end_before_start", "MIS_END"),
            (late.child.case_ref, "start_after_year", "MIS_START"),
            (late.child.case_ref, "end_before_start", "MIS_END"),
        }
        assert table.episodes == 4 and table.failed_episodes == 3

    def test_a_start_is_required_when_missing_is_given(self):
        # The database cannot hold an episode without a start; the rule is checked anyway.
        facts = EpisodeFacts(1, "T1", date(2011, 5, 17), "M", None, None)
        (failure,) = ssda903.check(facts, YearBounds(YEAR))
        assert (failure.rule.code, failure.rule.field) == ("start_required", "MIS_START")
        assert (
            ssda903.check(
                EpisodeFacts(1, "T1", date(2011, 5, 17), "A", date(2024, 5, 1), None),
                YearBounds(YEAR),
            )
            == []
        )

    @pytest.mark.parametrize(
        "value", ["", "abc", "1999", "2101", "20245", "\uff12\uff10\uff12\uff14", " "]
    )
    def test_bad_years(self, value):
        with pytest.raises(ssda903.BadYear):
            ssda903.parse_year(value)


# Annex A ------------------------------------------------------------------------------


def move(rhi: ReturnInterview, *steps: RhiStatus, at: datetime) -> None:
    for step in steps:
        note = "Did not want to talk" if step is RhiStatus.DECLINED else None
        change_status(rhi, step, by=None, note=note, at=at)
    db.session.commit()


def returned(child: Child, start: datetime, category: str = "M") -> ReturnInterview:
    made = episode(start=start, end=start + timedelta(hours=5), child=child, category=category)
    assert made.rhi is not None
    return made.rhi


class TestAnnexA:
    def test_counts_over_the_last_12_months_and_the_last_interview(self, app_ctx):
        accepted = create_child(legal_status="lac")
        returned(accepted, utc(2024, 3, 31, 17))  # 18:00 on 31 March 2024: before the window
        returned(accepted, utc(2024, 3, 31, 23))  # midnight starting 1 April: in
        returned(accepted, utc(2024, 9, 1))
        last = returned(accepted, utc(2025, 1, 10), category="A")
        move(last, RhiStatus.OFFERED, RhiStatus.ACCEPTED, RhiStatus.SCHEDULED, at=utc(2025, 1, 11))
        declined = create_child(legal_status="lac")
        rhi = returned(declined, utc(2024, 12, 1))
        move(rhi, RhiStatus.OFFERED, RhiStatus.DECLINED, RhiStatus.SIGNED_OFF, at=utc(2024, 12, 2))
        not_offered = create_child(legal_status="lac")
        returned(not_offered, utc(2025, 2, 1))
        offered_later = create_child(legal_status="lac")
        rhi = returned(offered_later, utc(2025, 3, 30))
        move(rhi, RhiStatus.OFFERED, RhiStatus.ACCEPTED, at=utc(2025, 4, 2))  # after as_of
        quiet = create_child(legal_status="lac")
        home = create_child(legal_status="home")
        returned(home, utc(2024, 6, 1))

        rows = {row.child: row.cells()[1:] for row in annex_a.annex_a(date(2025, 3, 31))}
        assert rows == {
            accepted.case_ref: (2, 1, "Y", "Y"),
            declined.case_ref: (1, 0, "Y", "N"),
            not_offered.case_ref: (1, 0, "N", "N"),
            offered_later.case_ref: (1, 0, "N", "N"),
            quiet.case_ref: (0, 0, "", ""),
        }
        later = {row.child: row.cells()[1:] for row in annex_a.annex_a(date(2025, 4, 5))}
        assert later[offered_later.case_ref] == (1, 0, "Y", "Y")
        assert later[accepted.case_ref] == (1, 1, "Y", "Y")  # 1 April 2024 has left the window

    def test_the_columns_are_ofsteds(self):
        assert len(annex_a.COLUMNS) == 5
        assert "offered a Return Interview after their last missing episode (Y/N)?" in str(
            annex_a.COLUMNS[3].header
        )

    def test_a_leap_day(self):
        assert annex_a.year_before(date(2024, 2, 29)) == date(2023, 3, 1)


# Annual appendix ------------------------------------------------------------------------


def flag_text(child: Child, theme: str, decision: Decision, written: datetime) -> None:
    text = TaggedText(
        source="sms",
        source_id=child.id,
        child_id=child.id,
        written_at=written,
        text_hash="0" * 64,
        model_version="test",
    )
    db.session.add(text)
    db.session.flush()
    db.session.add(ThemeSuggestion(text_id=text.id, theme=theme, decision=decision))
    db.session.commit()


def indicators(rhi: ReturnInterview, *found: str, held: datetime) -> None:
    db.session.add(
        InterviewRecord(
            rhi_id=rhi.id, exploitation_indicators=list(found), held_at=held, submitted_at=held
        )
    )
    db.session.commit()


def small_county() -> dict[str, Child]:
    """Mansfield: one child in care (2 episodes), one at home; Ashfield: one at home."""
    in_care = create_child(legal_status="lac", district="mansfield")
    episode(start=utc(2023, 6, 1), end=utc(2023, 6, 1, 2), child=in_care)  # the year before
    exactly = episode(start=utc(2024, 5, 1, 10), end=utc(2024, 5, 1, 14), child=in_care)
    episode(start=utc(2024, 6, 1, 10), end=utc(2024, 6, 1, 14, 0, 1), child=in_care)
    create_child(legal_status="lac", district="gedling")  # in care, never missing this year
    at_home = create_child(legal_status="home", district="mansfield")
    episode(start=utc(2024, 7, 1, 10), end=utc(2024, 7, 1, 13), child=at_home)
    open_case = create_child(legal_status="cin", district="ashfield")
    episode(start=utc(2025, 3, 31, 22), child=open_case)  # 23:00 31 March: in, still open
    assert exactly.rhi is not None
    indicators(exactly.rhi, "carrying", held=utc(2024, 5, 3))
    flag_text(in_care, "cce", Decision.PENDING, utc(2024, 5, 3))  # not reviewed: not counted
    flag_text(at_home, "cse", Decision.ACCEPTED, utc(2024, 7, 2))
    flag_text(open_case, "cce", Decision.ACCEPTED, utc(2023, 7, 2))  # the year before
    return {"in_care": in_care, "at_home": at_home, "open_case": open_case}


def table(report: annual.AnnualReport, key: str) -> dict[str, dict[str, int]]:
    (found,) = [t for t in report.tables if t.key == key]
    return {row.code: row.counts for row in [*found.rows, found.total]}


class TestAnnual:
    def test_incidents_and_individuals_from_home_and_care(self, app_ctx):
        small_county()
        missing = table(annual.annual_report(YEAR), "missing")
        assert missing["mansfield"] == {
            "home_incidents": 1,
            "home_individuals": 1,
            "care_incidents": 2,
            "care_individuals": 1,
            "incidents": 3,
            "individuals": 2,
        }
        assert missing["ashfield"]["home_incidents"] == 1
        assert missing["gedling"]["incidents"] == 0
        assert len(missing) == 8  # seven districts (data) and the total
        assert missing["total"]["incidents"] == 4 and missing["total"]["individuals"] == 3

    def test_exploitation_flags(self, app_ctx):
        small_county()
        flags = table(annual.annual_report(YEAR), "exploitation")
        assert flags["mansfield"] == {"cse": 1, "cce": 0, "indicators": 1, "any": 2}
        assert flags["ashfield"] == {"cse": 0, "cce": 0, "indicators": 0, "any": 0}

    def test_headline_rates_and_the_4_hour_boundary(self, app_ctx):
        small_county()
        rates = {r.key: r for r in annual.annual_report(YEAR).rates}
        assert (rates["care_missing"].numerator, rates["care_missing"].denominator) == (1, 2)
        at_risk = rates["missing_at_risk"]
        assert (at_risk.numerator, at_risk.denominator) == (2, 3)
        found = rates["found_within_4_hours"]
        # Exactly 4 hours counts; 4 hours and a second does not; the open one is not counted.
        assert (found.numerator, found.denominator) == (2, 3)
        assert found.percent == 66.7 and found.published == SUPPRESSED

    def test_suppression_at_4_and_5(self, app_ctx):
        for district, children in (("rushcliffe", 4), ("gedling", 5)):
            for _ in range(children):
                episode(
                    start=utc(2024, 8, 1),
                    end=utc(2024, 8, 1, 1),
                    legal_status="home",
                    district=district,
                )
        report = annual.annual_report(YEAR)
        (missing, _flags) = report.tables
        rows = {row.code: row for row in missing.rows}
        assert rows["rushcliffe"].published("home_incidents") == SUPPRESSED
        assert rows["gedling"].published("home_incidents") == "5"
        assert rows["mansfield"].published("home_incidents") == "0"
        body = annual.as_json(report)
        rushcliffe = next(r for r in body["tables"][0]["rows"] if r["district"] == "rushcliffe")
        assert rushcliffe["values"]["home_incidents"] == {"count": 4, "published": "<5"}
        published = {(d, m): v for _t, d, m, v in annual.csv_rows(report)}
        assert published[("Rushcliffe", "Missing from home: incidents")] == "<5"
        assert published[("Gedling", "Missing from home: incidents")] == "5"


# API ----------------------------------------------------------------------------------

API_URLS = (
    "/api/v1/exports/ssda903-missing.csv",
    "/api/v1/exports/ssda903-missing/errors",
    "/api/v1/reports/annual",
)


def check_schema(client: Any, schema: dict[str, Any], response: TestResponse) -> None:
    import jsonschema

    document = client.get("/api/v1/openapi.json").json
    root = {**schema, "components": document["components"]}
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    jsonschema.Draft202012Validator(root, format_checker=checker).validate(response.json)


class TestApi:
    @pytest.mark.parametrize("url", API_URLS)
    def test_needs_the_exports_scope(self, client, url):
        assert client.get(f"{url}?year=2024").status_code == 401
        key = make_key(Scope.EPISODES_READ, Scope.CHILDREN_WRITE)
        response = client.get(f"{url}?year=2024", headers=bearer(key))
        assert response.status_code == 403
        assert response.json["error"]["code"] == "forbidden"

    @pytest.mark.parametrize("url", API_URLS)
    @pytest.mark.parametrize("query", ["", "?year=", "?year=abc", "?year=1999", "?year=24"])
    def test_a_bad_or_missing_year_is_400_with_a_reason(self, client, url, query):
        response = client.get(url + query, headers=bearer(make_key(Scope.EXPORTS_READ)))
        assert response.status_code == 400
        assert response.mimetype == "application/json"
        assert "year" in response.json["error"]["message"].lower()
        assert "year" in response.json["error"]["fields"]

    @pytest.mark.parametrize("url", API_URLS)
    def test_unknown_or_repeated_query_parameters_are_400(self, client, url):
        key = bearer(make_key(Scope.EXPORTS_READ))
        assert client.get(f"{url}?year=2024&format=x", headers=key).status_code == 400
        assert client.get(f"{url}?year=2024&year=2025", headers=key).status_code == 400

    def test_the_csv_parses_back(self, client):
        spanning = episode(start=utc(2025, 3, 30, 10), end=utc(2025, 4, 2, 9))
        bad = episode(start=utc(2024, 5, 1), end=utc(2024, 5, 2))
        set_episode(bad, category="X")
        key = make_key(Scope.EXPORTS_READ)
        response = client.get("/api/v1/exports/ssda903-missing.csv?year=2024", headers=bearer(key))
        assert response.status_code == 200 and response.mimetype == "text/csv"
        text = response.get_data(as_text=True)
        assert text.splitlines()[0] == HEADER
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[1:] == [[spanning.child.case_ref, "17/05/2011", "M", "30/03/2025", ""]]

        errors = client.get("/api/v1/exports/ssda903-missing/errors?year=2024", headers=bearer(key))
        assert errors.status_code == 200
        assert [(e["child"], e["rule"], e["field"], e["value"]) for e in errors.json] == [
            (bad.child.case_ref, "missing_code", "MISSING", "X")
        ]
        check_schema(
            client,
            {"type": "array", "items": {"$ref": "#/components/schemas/Ssda903Failure"}},
            errors,
        )

    def test_the_annual_report_json(self, client):
        small_county()
        key = make_key(Scope.EXPORTS_READ)
        response = client.get("/api/v1/reports/annual?year=2024", headers=bearer(key))
        assert response.status_code == 200
        check_schema(client, {"$ref": "#/components/schemas/AnnualReport"}, response)
        body = response.json
        assert (body["year"], body["from"], body["to"]) == (2024, "2024-04-01", "2025-03-31")
        missing = body["tables"][0]
        mansfield = next(row for row in missing["rows"] if row["district"] == "mansfield")
        assert mansfield["values"]["care_incidents"] == {"count": 2, "published": "<5"}
        rates = {rate["key"]: rate for rate in body["rates"]}
        assert rates["found_within_4_hours"] == {
            "key": "found_within_4_hours",
            "label": "Episodes ended within 4 hours",
            "numerator": 2,
            "denominator": 3,
            "percent": 66.7,
            "published": "<5",
        }
        assert any("not recorded" in note for note in body["notes"])


# Pages --------------------------------------------------------------------------------

PAGES = (
    "/insights/returns",
    "/insights/returns/ssda903?year=2024",
    "/insights/returns/ssda903.csv?year=2024",
    "/insights/returns/annex-a?as_of=31&as_of=3&as_of=2025",
    "/insights/returns/annex-a.csv?as_of=31&as_of=3&as_of=2025",
    "/insights/returns/annual?year=2024",
    "/insights/returns/annual.csv?year=2024",
)


@pytest.mark.parametrize("role", [Role.RHI_WORKER, Role.PARTICIPATION_OFFICER])
def test_workers_and_participation_officers_are_refused(client_request, role):
    sign_in(client_request, create_user(role))
    for url in PAGES:
        client_request.get_response(url, expected_status=403)


@pytest.mark.parametrize("role", [Role.TEAM_MANAGER, Role.ADMIN])
def test_managers_and_admins_see_each_page(client_request, role):
    small_county()
    sign_in(client_request, create_user(role))
    for url in PAGES:
        client_request.get(url)


def test_the_ssda903_page_shows_the_failures(client_request: ClientRequest):
    good = episode(start=utc(2024, 5, 1), end=utc(2024, 5, 2))
    bad = episode(start=utc(2024, 6, 10), end=utc(2024, 6, 11))
    set_episode(bad, returned_at=utc(2024, 6, 8))
    sign_in(client_request, create_user(Role.TEAM_MANAGER))
    page = client_request.get("/insights/returns/ssda903?year=2024")
    assert page.select_one(".app-rows-passing").get_text(strip=True) == "1"
    (failure,) = page.select(".app-ssda903-failures tbody tr")
    cells = [cell.get_text(" ", strip=True) for cell in failure.find_all(["th", "td"])]
    assert cells[:2] == [bad.child.case_ref, "MIS_END"]
    assert [row.find("td").get_text() for row in page.select(".app-ssda903-rows tbody tr")] == [
        good.child.case_ref
    ]
    assert page.find("a", href="/insights/returns/ssda903.csv?year=2024")

    csv_body = client_request.get_response("/insights/returns/ssda903.csv?year=2024")
    lines = csv_body.get_data(as_text=True).removeprefix("\ufeff").splitlines()
    assert lines[0] == HEADER and len(lines) == 2


def test_the_annual_page_is_suppressed_as_published(client_request: ClientRequest):
    small_county()
    sign_in(client_request, create_user(Role.TEAM_MANAGER))
    page = client_request.get("/insights/returns/annual?year=2024")
    cell = page.select_one(
        '.app-annual-missing tr[data-district="mansfield"] td[data-column="incidents"]'
    )
    assert cell.get_text(strip=True) == "<5"
    assert (
        page.select_one(
            '.app-annual-missing tr[data-district="gedling"] td[data-column="incidents"]'
        ).get_text(strip=True)
        == "0"
    )
    for caption in page.select("table caption"):
        assert caption.get_text(strip=True)


def test_a_bad_year_on_a_page_is_400_with_an_error_summary(client_request: ClientRequest):
    sign_in(client_request, create_user(Role.TEAM_MANAGER))
    page = client_request.get("/insights/returns/annual?year=abc", expected_status=400)
    assert page.select_one(".govuk-error-summary")
    page = client_request.get(
        "/insights/returns/annex-a?as_of=31&as_of=2&as_of=2025", expected_status=400
    )
    assert page.select_one(".govuk-error-summary")
