"""Insight in a real browser: a manager opens RHI timeliness from the navigation,
finds the chart with its table alternative, filters, and follows a number to
the records behind it. Every page is checked with axe; the pages must fit a
320 px wide screen (wide tables scroll inside their own region)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask import Flask

from rhi.auth.roles import Role
from rhi.database import utcnow
from rhi.extensions import db
from rhi.interviews.models import ReturnInterview
from rhi.interviews.record import InterviewRecord
from rhi.interviews.services import change_status
from rhi.interviews.vocabulary import RhiStatus
from tests.browser.helpers import BrowserPage, sign_in
from tests.factories import create_team, create_user
from tests.workflow_factories import create_child, create_returned_episode

pytestmark = pytest.mark.browser


def completed(rhi: ReturnInterview, hours: int) -> None:
    returned = rhi.episodes[0].returned_at
    assert returned is not None
    held = returned + timedelta(hours=hours)
    for status in (
        RhiStatus.OFFERED,
        RhiStatus.ACCEPTED,
        RhiStatus.SCHEDULED,
        RhiStatus.COMPLETED,
    ):
        change_status(rhi, status, by=None, at=held)
    db.session.add(InterviewRecord(rhi_id=rhi.id, held_at=held))
    db.session.commit()


def some_returns() -> None:
    """Three returns in the last few days: two with an interview, one within 72 hours."""
    team = create_team("Mansfield RHI team")
    for index, (status, hours) in enumerate([("lac", 20), ("home", 80), ("home", None)]):
        child = create_child(team=team, legal_status=status, given_name=f"Child{index}")
        started = utcnow() - timedelta(days=6, hours=index)
        _episode, rhi = create_returned_episode(child, started_at=started)
        if hours is not None:
            completed(rhi, hours)
    db.session.commit()


def visible_rows(browser: BrowserPage, selector: str) -> int:
    return browser.page.locator(selector).count()


def figure(browser: BrowserPage, measure: str) -> str:
    """A headline number as shown (without the link's visually hidden context)."""
    value = browser.page.locator(f".app-headline [data-measure={measure}] dd")
    return str(
        value.evaluate(
            "el => (el.querySelector('a') ? el.querySelector('a').firstChild : el).textContent"
        )
    ).strip()


def test_a_manager_reads_timeliness_and_opens_the_records(
    open_browser, app_ctx: Flask, app: Flask
) -> None:
    some_returns()
    team = create_team()
    manager = create_user(Role.TEAM_MANAGER, team=team)
    db.session.rollback()

    browser = open_browser()
    sign_in(browser, manager)
    browser.follow(lambda: browser.page.get_by_role("link", name="Insight").first.click())
    assert browser.heading() == "RHI timeliness"

    chart = browser.page.locator("svg[role=img]")
    assert chart.count() == 1
    assert "by month" in (chart.locator("title").text_content() or "")
    labelled_by = chart.get_attribute("aria-labelledby") or ""
    assert "trend-chart-title" in labelled_by and "trend-chart-desc" in labelled_by
    # The table alternative, with the same months.
    trend = browser.page.locator("table.app-trend-table")
    assert trend.locator("caption").inner_text() == "Returns by month"
    assert trend.locator("tbody tr").count() == 13  # 12 months and the total

    assert figure(browser, "returns") == "3"
    assert figure(browser, "within-72-hours") == "1"

    # Filter to children in care, by the form.
    browser.page.select_option("#legal_status", "lac")
    browser.press_button("Show figures")
    assert "legal_status=lac" in browser.page.url
    assert figure(browser, "returns") == "1"

    # A number opens the records behind it.
    browser.page.select_option("#legal_status", "")
    browser.press_button("Show figures")
    link = browser.page.locator(".app-headline [data-measure=completed] a")
    browser.follow(link.click)
    assert browser.heading() == "Records behind a figure"
    assert visible_rows(browser, "table.app-drill-table tbody tr") == 2
    assert browser.page.locator("#drill-measure").inner_text() == "Interview completed"


def test_insight_fits_a_narrow_screen(open_browser, app_ctx: Flask, app: Flask) -> None:
    some_returns()
    manager = create_user(Role.TEAM_MANAGER)
    officer = create_user(Role.PARTICIPATION_OFFICER)
    db.session.rollback()

    browser = open_browser(viewport={"width": 320, "height": 640})
    sign_in(browser, manager)
    for path in (
        "/insights/timeliness",
        "/insights/timeliness/records?measure=returns",
        "/insights/foi",
    ):
        browser.visit(path)
        width = browser.page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 320, (path, width)
    browser = open_browser(viewport={"width": 320, "height": 640})  # a second person
    sign_in(browser, officer)
    browser.visit("/insights/timeliness")
    width = browser.page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 320, width
    # Small numbers are hidden from officers, in the chart as in the tables.
    assert figure(browser, "returns") == "<5"
