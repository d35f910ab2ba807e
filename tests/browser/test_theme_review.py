"""Theme review in a real browser, with the keyboard only: a participation officer
opens the queue, accepts one suggestion and rejects another. Every page is
checked with axe; the queue must also fit a 320 px wide screen."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask import Flask

from rhi.auth.roles import Role
from rhi.extensions import db
from rhi.themes.models import TaggedText, ThemeSuggestion
from rhi.themes.tagging import tag_pending
from rhi.themes.vocabulary import Decision
from tests.browser.helpers import BrowserPage, sign_in
from tests.factories import create_team, create_user
from tests.feedback.sms_helpers import text_in
from tests.feedback_factories import create_contact
from tests.workflow_factories import create_child

pytestmark = pytest.mark.browser

PHONE = "+447700900321"
MOST_TABS = 200

FOCUSED_NAME = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "";
  return (el.getAttribute("aria-label") || el.textContent || "").replace(/\\s+/g, " ").trim();
}"""


def tab_to(browser: BrowserPage, name: str) -> None:
    """Press Tab until the element called ``name`` has focus (and show it is visible)."""
    for _ in range(MOST_TABS):
        browser.page.keyboard.press("Tab")
        if browser.page.evaluate(FOCUSED_NAME) == name:
            return
    raise AssertionError(f"Tab never reached {name!r}")


def focused_tag() -> str:
    return "() => document.activeElement.tagName + '.' + document.activeElement.className"


def county_lines_text() -> TaggedText:
    team = create_team()
    worker = create_user(Role.RHI_WORKER, team=team)
    child = create_child(team=team, given_name="Jordan", family_name="Testperson")
    create_contact(child, worker, phone=PHONE, name="Jordan")
    text_in(PHONE, "Jordan here, went country with some olders, had to hold a package")
    tag_pending()
    db.session.commit()
    return db.session.scalars(sa.select(TaggedText)).one()


def decisions(text_id: int) -> dict[str, str]:
    db.session.rollback()
    return {
        s.theme: s.decision
        for s in db.session.scalars(
            sa.select(ThemeSuggestion).where(ThemeSuggestion.text_id == text_id)
        )
    }


def test_accept_and_reject_with_the_keyboard_only(open_browser, app_ctx: Flask) -> None:
    tagged = county_lines_text()
    assert set(decisions(tagged.id)) == {"cce", "risky_adults"}
    officer = create_user(Role.PARTICIPATION_OFFICER, full_name="Pat Officer")

    browser = open_browser()
    page = browser.page
    sign_in(browser, officer)

    tab_to(browser, "Theme review")
    browser.follow(lambda: page.keyboard.press("Enter"))
    assert browser.heading() == "Theme review"
    main = page.locator("main").inner_text()
    assert "Jordan" not in main and "J. here" in main

    accept = f"Accept Child criminal exploitation for text {tagged.id}"
    tab_to(browser, accept)
    # Focus is visible: a GOV.UK button turns yellow when focused.
    colour = page.evaluate("() => getComputedStyle(document.activeElement).backgroundColor")
    assert colour == "rgb(255, 221, 0)", colour
    browser.follow(lambda: page.keyboard.press("Enter"))
    # The success banner takes focus, so a screen reader reads it first.
    focused = page.evaluate(focused_tag())
    assert "govuk-notification-banner" in focused, focused
    banner = page.locator(".govuk-notification-banner").inner_text()
    assert f"Accepted Child criminal exploitation for text {tagged.id}" in banner

    tab_to(browser, f"Reject Risky adults for text {tagged.id}")
    browser.follow(lambda: page.keyboard.press("Enter"))
    banner = page.locator(".govuk-notification-banner").inner_text()
    assert f"Rejected Risky adults for text {tagged.id}" in banner
    # Nothing is left to decide: the text has left the queue.
    assert "There are no texts waiting for review" in page.locator("main").inner_text()

    assert decisions(tagged.id) == {"cce": Decision.ACCEPTED, "risky_adults": Decision.REJECTED}
    db.session.refresh(tagged)
    assert tagged.reviewed_by_id == officer.id


def test_the_queue_and_a_text_fit_a_narrow_screen(open_browser, app_ctx: Flask) -> None:
    tagged = county_lines_text()
    officer = create_user(Role.PARTICIPATION_OFFICER)
    browser = open_browser(viewport={"width": 320, "height": 640})
    sign_in(browser, officer)
    for path in ("/themes/review", f"/themes/review/{tagged.id}"):
        browser.visit(path)
        width = browser.page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 320, (path, width)
