"""Signing in and out in a real browser: mouse, keyboard, first-time set-up, errors."""

from __future__ import annotations

import pyotp
import pytest
from flask import Flask
from playwright.sync_api import Locator

from rhi.auth.roles import Role
from rhi.extensions import db
from rhi.navigation import NAV_ITEMS
from tests.browser.helpers import BrowserPage, code_for, sign_in
from tests.factories import PASSWORD, create_user

pytestmark = pytest.mark.browser

ADMIN_LINKS = ("Staff", "Teams", "Audit log")


def menu(browser: BrowserPage) -> Locator:
    """The service navigation."""
    return browser.page.get_by_role("navigation", name="Menu")


def menu_links(browser: BrowserPage) -> list[str]:
    return [" ".join(text.split()) for text in menu(browser).get_by_role("link").all_inner_texts()]


def focused(browser: BrowserPage, expression: str) -> str:
    return str(browser.page.evaluate(f"() => document.activeElement.{expression}"))


def tab_until(browser: BrowserPage, element_id: str, limit: int = 10) -> int:
    """Press Tab until the element with ``element_id`` has focus; return how many presses."""
    for presses in range(1, limit + 1):
        browser.page.keyboard.press("Tab")
        if focused(browser, "id") == element_id:
            return presses
    raise AssertionError(f"#{element_id} not reached in {limit} presses of Tab")


@pytest.mark.parametrize("role", list(Role), ids=str)
def test_each_role_signs_in_and_sees_what_it_may_use(
    browser: BrowserPage, app_ctx: Flask, role: Role
) -> None:
    name = f"Sam {role.label}"
    user = create_user(role, full_name=name)

    sign_in(browser, user)

    assert browser.heading() == f"Welcome, {name}"
    assert role.label in browser.page.locator(".govuk-summary-list").inner_text()
    assert browser.page.get_by_role("button", name="Sign out").is_visible()
    links = menu_links(browser)
    assert "Home" in links
    if role is Role.ADMIN:
        missing = [link for link in ADMIN_LINKS if link not in links]
        unbuilt = [
            item.endpoint for item in NAV_ITEMS if item.endpoint not in app_ctx.view_functions
        ]
        assert not missing, (
            f"admin navigation lacks {missing} (menu: {links}); "
            f"navigation endpoints not registered yet: {unbuilt}"
        )
        for link in ADMIN_LINKS:
            browser.follow(menu(browser).get_by_role("link", name=link, exact=True).click)
            current = menu(browser).locator("[aria-current]").inner_text().strip()
            assert current == link, f"on the {link} page, the menu marks {current!r} as current"
    else:
        assert not set(ADMIN_LINKS) & set(links), f"{role} sees admin links: {links}"


def test_wrong_password_moves_focus_to_the_error_summary(
    browser: BrowserPage, app_ctx: Flask
) -> None:
    user = create_user()
    browser.visit("/sign-in")
    # The nonced inline script in the GOV.UK template ran under the CSP.
    assert browser.page.evaluate(
        "() => document.body.classList.contains('govuk-frontend-supported')"
    )

    browser.page.fill("#email", user.email)
    browser.page.fill("#password", "not the right password")
    browser.press_button("Continue")

    assert browser.path == "/sign-in"
    assert browser.page.title().startswith("Error: ")
    summary = browser.page.locator(".govuk-error-summary")
    assert "Enter a correct email address and password" in summary.inner_text()
    # GOV.UK Frontend's JavaScript (a module, loaded under the CSP) focuses the summary.
    assert browser.page.evaluate(
        "() => document.activeElement === document.querySelector('.govuk-error-summary')"
    )
    summary.get_by_role("link").click()
    assert focused(browser, "id") == "email"
    assert browser.console_errors == []


def test_first_sign_in_sets_up_security_codes(browser: BrowserPage, app_ctx: Flask) -> None:
    user = create_user(two_factor=False, full_name="Alex Newcomer")
    browser.visit("/sign-in")
    browser.page.fill("#email", user.email)
    browser.page.fill("#password", PASSWORD)
    browser.press_button("Continue")

    assert browser.path == "/sign-in/set-up-security-codes"
    qr_code = browser.page.locator(".app-qr-code svg")
    assert qr_code.is_visible()
    box = qr_code.bounding_box()
    assert box is not None and box["width"] > 100, box
    browser.page.get_by_text("I cannot scan the QR code").click()
    key = browser.page.locator(".app-totp-secret").inner_text()
    browser.check()  # again, with the details open
    browser.page.fill("#code", pyotp.TOTP(key.replace(" ", "")).now())
    browser.press_button("Confirm and sign in")

    assert browser.path == "/"
    assert browser.heading() == "Welcome, Alex Newcomer"
    db.session.refresh(user)
    assert user.has_two_factor
    db.session.rollback()


def test_sign_in_with_the_keyboard_alone(browser: BrowserPage, app_ctx: Flask) -> None:
    user = create_user(full_name="Kim Keyboard")
    keyboard = browser.page.keyboard
    browser.visit("/sign-in")

    keyboard.press("Tab")
    assert focused(browser, "textContent.trim()") == "Skip to main content"
    tabs_to_email = tab_until(browser, "email")
    keyboard.type(user.email)
    keyboard.press("Tab")
    assert focused(browser, "id") == "password"
    keyboard.type(PASSWORD)
    browser.follow(lambda: keyboard.press("Enter"))

    assert browser.path == "/sign-in/security-code"
    keyboard.press("Tab")
    assert focused(browser, "textContent.trim()") == "Skip to main content"
    keyboard.press("Enter")  # the skip link takes focus to the main content
    assert focused(browser, "id") == "main-content"
    keyboard.press("Tab")
    assert focused(browser, "id") == "code"
    keyboard.type(code_for(user))
    browser.follow(lambda: keyboard.press("Enter"))

    assert browser.path == "/"
    assert browser.heading() == "Welcome, Kim Keyboard"
    assert tabs_to_email <= 5, f"{tabs_to_email} presses of Tab to reach the email address"


def test_sign_out_from_the_header(browser: BrowserPage, app_ctx: Flask) -> None:
    user = create_user()
    sign_in(browser, user)

    browser.press_button("Sign out")

    assert browser.path == "/sign-in"
    banner = browser.page.locator(".govuk-notification-banner")
    assert "You have signed out." in banner.inner_text()
    assert not browser.page.get_by_role("button", name="Sign out").count()

    browser.back()  # to the home page, which is no longer there for you
    assert browser.path.startswith("/sign-in?next=")
    assert browser.heading() == "Sign in to Homeward"

    browser.visit("/")
    assert browser.path.startswith("/sign-in?next=")
    assert browser.heading() == "Sign in to Homeward"
