"""You said, we did, in a real browser: a participation officer approves words from a young
person's reply, adds an entry with them and publishes it; signed out, the page for young people
shows it, with no name. Every page is checked with axe; the pages fit a 320 px wide screen."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from flask import Flask

from feedback.voice_models import ServiceChange, SharedQuote
from rhi.auth.roles import Role
from rhi.extensions import db
from tests.browser.helpers import BrowserPage, sign_in
from tests.factories import create_team, create_user
from tests.feedback.sms_helpers import text_in
from tests.feedback_factories import create_contact
from tests.workflow_factories import create_child

pytestmark = pytest.mark.browser

PHONE = "+447700900654"
SMALL_SCREEN = {"width": 320, "height": 640}


def fits_small_screen(browser: BrowserPage) -> None:
    width = browser.page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= SMALL_SCREEN["width"], f"{browser.path} scrolls sideways: {width}px wide"


def test_an_officer_shares_a_reply_and_young_people_see_what_changed(
    open_browser, app_ctx: Flask
) -> None:
    team = create_team("Newark RHI team")
    worker = create_user(Role.RHI_WORKER, team=team)
    child = create_child(team=team, given_name="Jordan", family_name="Testperson")
    create_contact(child, worker, phone=PHONE, name="Jordan")
    reply = text_in(PHONE, "Jordan here. the cafe was so much better than sitting in the office")
    officer = create_user(Role.PARTICIPATION_OFFICER, full_name="Pat Officer")
    db.session.commit()

    browser = open_browser(viewport=SMALL_SCREEN)
    page = browser.page
    sign_in(browser, officer)

    # The reply, pseudonymised, in the survey results' free-text list.
    browser.visit("/surveys/results")
    fits_small_screen(browser)
    item = page.locator(".app-free-text-reply").first
    assert "J. here." in item.inner_text() and "Jordan" not in item.inner_text()
    browser.follow(item.get_by_role("link", name=re.compile("^Approve words for sharing")).click)
    assert browser.heading() == "Approve words for sharing"
    fits_small_screen(browser)
    words = page.get_by_label("Words to share")
    assert words.input_value().startswith("J. here.")
    words.fill("the cafe was so much better than sitting in the office")
    page.get_by_label("I have checked this names no one").check()
    browser.press_button("Approve for sharing")
    assert browser.heading() == "Quotes approved for sharing"
    fits_small_screen(browser)

    # An entry in the log, with the quote, then published.
    browser.visit("/voice")
    browser.follow(page.get_by_role("button", name="Add an entry").click)
    page.get_by_label("You said").fill("Meeting in an office felt like being in trouble")
    page.get_by_label("We did").fill("You can choose where we meet: a cafe, a walk, or at home")
    page.locator("#changed_on-day").fill("14")
    page.locator("#changed_on-month").fill("3")
    page.locator("#changed_on-year").fill("2026")
    page.get_by_label("Team or service responsible").fill("Return Home Interview team")
    page.get_by_label(re.compile("the cafe was so much better")).check()
    browser.press_button("Save entry")
    assert browser.heading() == "You said, we did"
    fits_small_screen(browser)
    browser.follow(page.get_by_role("button", name=re.compile("^Publish")).click)
    assert "young people can see it now" in page.locator(".govuk-notification-banner").inner_text()

    db.session.rollback()
    quote = db.session.scalars(sa.select(SharedQuote)).one()
    assert quote.message_id == reply.id and quote.approved_by_id == officer.id
    change = db.session.scalars(sa.select(ServiceChange)).one()
    assert change.published and [q.id for q in change.quotes] == [quote.id]

    # Signed out, anyone can read it: no sign-in, no names, no staff.
    menu = page.get_by_role("button", name="Menu")
    if menu.count():  # on a small screen the menu folds away the sign-out button
        menu.click()
    browser.press_button("Sign out")
    for viewport in (None, SMALL_SCREEN):
        visitor = open_browser(viewport=viewport) if viewport else open_browser()
        visitor.visit("/you-said-we-did")
        assert visitor.heading() == "You said, we did"
        main = visitor.page.locator("main").inner_text()
        assert "You can choose where we meet" in main
        assert "the cafe was so much better than sitting in the office" in main
        assert "A young person" in main
        for private in ("Jordan", "Testperson", child.case_ref, "Pat Officer"):
            assert private not in main
        assert not visitor.page.get_by_role("button", name="Sign out").count()
        if viewport:
            fits_small_screen(visitor)
