"""Reasons for missing in a real browser: a participation officer opens it from the
Insight pages, finds the trend chart with its table alternative, and follows a
count to the pseudonymised texts behind it. Every page is checked with axe and
must fit a 320 px wide screen (wide tables and charts scroll in their own region)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask import Flask

from rhi.auth.roles import Role
from rhi.database import utcnow
from rhi.extensions import db
from rhi.interviews.record import InterviewRecord
from rhi.themes.models import TaggedText, ThemeSuggestion
from rhi.themes.sources import interview_text
from rhi.themes.tagging import text_hash
from tests.browser.helpers import BrowserPage, sign_in
from tests.factories import create_team, create_user
from tests.workflow_factories import create_child, create_returned_episode

pytestmark = pytest.mark.browser

NOTES = "{name} said there was a row with mum about coming home late"


def some_texts() -> None:
    """Three interviews in the last week, each with an accepted family conflict theme."""
    team = create_team("Mansfield RHI team")
    for index, (given, status) in enumerate([("Skye", "home"), ("Rowan", "lac"), ("Tam", "home")]):
        child = create_child(team=team, legal_status=status, given_name=given, family_name="Quill")
        written = utcnow() - timedelta(days=3 + index)
        _episode, rhi = create_returned_episode(child, started_at=written - timedelta(hours=30))
        record = InterviewRecord(
            rhi_id=rhi.id,
            held_at=written,
            submitted_at=written,
            child_words=NOTES.format(name=given),
        )
        db.session.add(record)
        db.session.commit()
        text = interview_text(record)
        start = text.index("row with mum")
        tagged = TaggedText(
            source="interview",
            source_id=record.id,
            child_id=child.id,
            written_at=written,
            text_hash=text_hash(text),
            model_version="test",
        )
        tagged.suggestions.append(
            ThemeSuggestion(
                theme="family_conflict",
                decision="accepted",
                spans=[{"start": start, "end": start + len("row with mum"), "score": 0.9}],
                score=0.9,
            )
        )
        db.session.add(tagged)
    db.session.commit()


def page_width(browser: BrowserPage) -> int:
    return int(browser.page.evaluate("() => document.documentElement.scrollWidth"))


def test_an_officer_reads_reasons_and_the_texts_behind_a_count(
    open_browser, app_ctx: Flask, app: Flask
) -> None:
    some_texts()
    officer = create_user(Role.PARTICIPATION_OFFICER)
    db.session.rollback()

    browser = open_browser()
    sign_in(browser, officer)
    browser.follow(lambda: browser.page.get_by_role("link", name="Insight").first.click())
    insight_pages = browser.page.get_by_role("navigation", name="Insight pages")
    browser.follow(insight_pages.get_by_role("link", name="Reasons for missing").click)
    assert browser.heading() == "Reasons for missing"

    # One small chart per theme, each named, and the table alternative after them.
    charts = browser.page.locator("svg[role=img]")
    assert charts.count() == 12
    first = charts.first
    labelled_by = (first.get_attribute("aria-labelledby") or "").split()
    assert len(labelled_by) == 2
    assert "episodes by month" in (first.locator("title").text_content() or "")
    trend = browser.page.locator("table.app-trend-table")
    assert trend.locator("caption").inner_text() == "Episodes with accepted themes by month"
    assert trend.locator("tbody tr").count() == 12  # this month and the eleven before

    # Three children: hidden as "<5" from an officer, but it still opens the texts.
    cell = browser.page.locator(
        "table.app-themes-table tr[data-theme=family_conflict] td[data-count=children] a"
    )
    assert cell.inner_text().startswith("<5")
    browser.follow(cell.click)
    assert browser.heading() == "Texts behind a figure"
    texts = browser.page.locator("section.app-reasons-text")
    assert texts.count() == 3
    main = browser.page.locator("main").inner_text()
    for name in ("Skye", "Rowan", "Tam", "Quill"):
        assert name not in main
    assert "S. said there was a row with mum" in main
    marks = browser.page.locator("section.app-reasons-text mark")
    assert marks.count() == 3 and marks.first.inner_text() == "row with mum"


def test_reasons_fits_a_narrow_screen(open_browser, app_ctx: Flask, app: Flask) -> None:
    some_texts()
    officer = create_user(Role.PARTICIPATION_OFFICER)
    db.session.rollback()

    browser = open_browser(viewport={"width": 320, "height": 640})
    sign_in(browser, officer)
    for path in (
        "/insights/reasons",
        "/insights/reasons/texts?theme=family_conflict",
        "/insights/reasons/texts?theme=family_conflict&decision=pending",
    ):
        browser.visit(path)
        assert page_width(browser) <= 320, (path, page_width(browser))
