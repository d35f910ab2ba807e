"""Hotspots: places by the returns found there and by children, filtered, suppressed in CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, timedelta

import pytest
from flask import Flask

from rhi.auth.roles import Role
from rhi.database import utcnow
from rhi.insights.filters import InsightFilter
from rhi.insights.hotspots import Hotspot, hotspots
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.pages import ClientRequest, error_messages, normalise
from tests.workflow_factories import create_child, create_returned_episode


@pytest.fixture
def places(app_ctx: Flask) -> None:
    """Bus station: 6 returns of 2 children in Mansfield; the park: 1 return in Ashfield."""
    team = create_team("Mansfield RHI team")
    start = utcnow() - timedelta(days=60)
    first = create_child(team=team, district="mansfield", legal_status="lac")
    second = create_child(team=team, district="mansfield")
    for n in range(6):
        child = first if n < 4 else second
        create_returned_episode(
            child,
            started_at=start + timedelta(days=n * 5),
            found_location="Mansfield Bus Station" if n % 2 else "mansfield bus station ",
        )
    park = create_child(team=team, district="ashfield")
    create_returned_episode(park, started_at=start, found_location="The Park")
    create_returned_episode(park, started_at=start + timedelta(days=3))  # found nowhere recorded


def test_places_are_counted_by_returns_and_children_most_first(places: None) -> None:
    found = hotspots(InsightFilter.default())
    # Typed two ways, the bus station is one place; the return found nowhere is not counted.
    assert [(h.district, h.episodes, h.children) for h in found] == [
        ("Mansfield", 6, 2),
        ("Ashfield", 1, 1),
    ]
    assert found[0].place.strip().lower() == "mansfield bus station"
    assert found[1] == Hotspot("The Park", "Ashfield", 1, 1)


def test_filters_narrow_the_places(places: None) -> None:
    criteria = InsightFilter.default()
    assert [h.episodes for h in hotspots(replace(criteria, district="ashfield"))] == [1]
    assert [h.episodes for h in hotspots(replace(criteria, legal_status="lac"))] == [4]
    long_ago = replace(criteria, returned_from=date(2020, 1, 1), returned_to=date(2020, 12, 31))
    assert hotspots(long_ago) == []


def test_the_page_shows_exact_counts_to_managers_and_the_csv_suppresses(
    places: None, client_request: ClientRequest
) -> None:
    sign_in(client_request, create_user(Role.TEAM_MANAGER))
    page = client_request.get("/insights/hotspots")
    rows = [
        [normalise(cell.get_text()) for cell in row.select("th, td")]
        for row in page.select("table.app-hotspots-table tbody tr")
    ]
    assert [row[1:] for row in rows] == [["Mansfield", "6", "2"], ["Ashfield", "1", "1"]]
    response = client_request.get_response(page.select_one("a[download]")["href"])
    body = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert body[0] == ["Place", "District", "Episodes", "Children"]
    assert [row[1:] for row in body[1:]] == [["Mansfield", "6", "<5"], ["Ashfield", "<5", "<5"]]


def test_figures_are_kept_a_short_while_and_say_when_they_were_counted(
    places: None, app: Flask, client_request: ClientRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.config, "INSIGHT_CACHE_SECONDS", 60)
    clock = [1000.0]
    monkeypatch.setattr("rhi.insights.cache.time.monotonic", lambda: clock[0])
    sign_in(client_request, create_user(Role.TEAM_MANAGER))

    def ashfield_returns() -> str:
        page = client_request.get("/insights/hotspots")
        assert "Counted at" in normalise(page.select_one(".app-counted-at").get_text())
        rows = page.select("table.app-hotspots-table tbody tr")
        cells = [[normalise(c.get_text()) for c in row.select("th, td")] for row in rows]
        return next(row[2] for row in cells if row[1] == "Ashfield")

    assert ashfield_returns() == "1"
    park = create_child(team=create_team("Ashfield RHI team"), district="ashfield")
    create_returned_episode(
        park, started_at=utcnow() - timedelta(days=9), found_location="The Park"
    )
    clock[0] += 59
    assert ashfield_returns() == "1"  # counted less than a minute ago: kept
    clock[0] += 2
    assert ashfield_returns() == "2"  # a minute on: counted afresh


def test_participation_officers_see_small_numbers_suppressed(
    places: None, client_request: ClientRequest
) -> None:
    sign_in(client_request, create_user(Role.PARTICIPATION_OFFICER))
    page = client_request.get("/insights/hotspots")
    cells = [normalise(cell.get_text()) for cell in page.select("table tbody td")]
    assert cells == ["Mansfield", "6", "<5", "Ashfield", "<5", "<5"]


def test_bad_filters_are_a_clear_error(places: None, client_request: ClientRequest) -> None:
    sign_in(client_request, create_user(Role.TEAM_MANAGER))
    page = client_request.get("/insights/hotspots?district=atlantis", expected_status=400)
    assert error_messages(page) == ["Select a district from the list"]
