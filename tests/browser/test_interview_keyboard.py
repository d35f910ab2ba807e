"""Recording an interview with the keyboard alone: Tab, Space, arrows, typing and Enter.

A worker with an interview scheduled opens the form from their caseload by
keyboard, makes a mistake (no way of holding the interview chosen), follows
the error summary's link, puts it right and submits. axe checks every page.
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from flask import Flask

from rhi.auth.roles import Role
from rhi.database import utcnow
from rhi.extensions import db
from rhi.interviews.models import ReturnInterview
from rhi.interviews.services import change_status
from rhi.interviews.vocabulary import RhiStatus
from tests.browser.helpers import BrowserPage, sign_in
from tests.factories import create_team, create_user
from tests.workflow_factories import create_child, create_returned_episode

pytestmark = pytest.mark.browser

LONDON = ZoneInfo("Europe/London")
MOST_TABS = 150
FOCUSED = "() => document.activeElement ? document.activeElement.id : ''"
FOCUSED_TEXT = "() => (document.activeElement.textContent || '').replace(/\\s+/g, ' ').trim()"


def tab_to_id(browser: BrowserPage, element_id: str) -> None:
    for _ in range(MOST_TABS):
        browser.page.keyboard.press("Tab")
        if browser.page.evaluate(FOCUSED) == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


def tab_to_text(browser: BrowserPage, text: str) -> None:
    for _ in range(MOST_TABS):
        browser.page.keyboard.press("Tab")
        if browser.page.evaluate(FOCUSED_TEXT) == text:
            return
    raise AssertionError(f"Tab never reached {text!r}")


def scheduled_interview() -> tuple[object, ReturnInterview]:
    team = create_team("Keyboard team")
    worker = create_user(Role.RHI_WORKER, team=team)
    child = create_child(team=team, given_name="Robin", family_name="Keyside")
    _episode, rhi = create_returned_episode(child, started_at=utcnow() - timedelta(hours=20))
    rhi.allocated_to = worker
    for step in (RhiStatus.OFFERED, RhiStatus.ACCEPTED, RhiStatus.SCHEDULED):
        change_status(rhi, step, by=None)
    db.session.commit()
    return worker, rhi


def test_an_interview_recorded_and_submitted_with_the_keyboard_only(
    open_browser, app_ctx: Flask
) -> None:
    worker, rhi = scheduled_interview()
    browser = open_browser()
    sign_in(browser, worker)
    page = browser.page
    browser.visit(f"/returns/{rhi.id}/interview")

    held = (utcnow() - timedelta(hours=2)).astimezone(LONDON)
    tab_to_id(browser, "held_date-day")
    page.keyboard.type(str(held.day))
    page.keyboard.press("Tab")
    page.keyboard.type(str(held.month))
    page.keyboard.press("Tab")
    page.keyboard.type(str(held.year))
    tab_to_id(browser, "held_time")
    page.keyboard.type(held.strftime("%H:%M"))
    tab_to_id(browser, "child_words")
    page.keyboard.type("I needed some space from home (invented).")
    tab_to_text(browser, "Submit interview")
    browser.follow(lambda: page.keyboard.press("Enter"))

    # The error summary takes focus; its link leads to the question.
    summary = page.locator(".govuk-error-summary")
    assert "Select how the interview was done" in summary.inner_text()
    assert page.evaluate("() => document.activeElement.className").find("govuk-error-summary") >= 0
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate(FOCUSED) == "method"
    page.keyboard.press("Space")  # the first way: face to face
    assert page.locator("#method").is_checked()
    tab_to_text(browser, "Submit interview")
    browser.follow(lambda: page.keyboard.press("Enter"))

    assert browser.path == f"/returns/{rhi.id}"
    assert (
        "Interview submitted for sign-off"
        in page.locator(".govuk-notification-banner").inner_text()
    )
    db.session.rollback()
    assert db.session.get(ReturnInterview, rhi.id).status == RhiStatus.COMPLETED
