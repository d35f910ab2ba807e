"""Accessibility beyond the sign-in journey: small screens, public pages, every page.

axe-core runs on every page these tests load (see ``BrowserPage``); these
tests make sure the pages get loaded in the first place.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask

from rhi.auth.roles import Permission, Role, role_has
from tests.browser.helpers import BrowserPage, code_for, sign_in
from tests.factories import PASSWORD, create_team, create_user
from tests.rhi.test_access import url_values, url_with

pytestmark = pytest.mark.browser

SMALL_SCREEN = {"width": 320, "height": 640}

PUBLIC_PAGES = [
    pytest.param(path, status, heading, id=path)
    for path, status, heading in [
        ("/accessibility", 200, "Accessibility statement for Homeward"),
        ("/cookies", 200, None),
        ("/privacy", 200, None),
        ("/this-page-does-not-exist", 404, "Page not found"),
    ]
]

# GET pages the crawl leaves out: not HTML, not GET-able, or the sign-in
# journey itself (which the crawling admin has already been through).
NOT_CRAWLED = frozenset(
    {
        "static",
        "main.healthz",
        "auth.sign_out",
        "auth.sign_in",
        "auth.two_factor",
        "auth.set_up_two_factor",
    }
)


def assert_no_horizontal_scroll(browser: BrowserPage) -> None:
    width = browser.page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= SMALL_SCREEN["width"], f"{browser.path} scrolls sideways: {width}px wide"


def test_pages_fit_a_320_pixel_wide_screen(
    open_browser: Callable[..., BrowserPage], app_ctx: Flask
) -> None:
    user = create_user(Role.ADMIN, full_name="Pat Smallscreen")
    browser = open_browser(viewport=SMALL_SCREEN)
    page = browser.page

    browser.visit("/sign-in")
    assert_no_horizontal_scroll(browser)
    page.fill("#email", user.email)
    page.fill("#password", "not the right password")
    browser.press_button("Continue")
    assert page.locator(".govuk-error-summary").is_visible()
    assert_no_horizontal_scroll(browser)

    page.fill("#email", user.email)
    page.fill("#password", PASSWORD)
    browser.press_button("Continue")
    assert_no_horizontal_scroll(browser)
    page.fill("#code", code_for(user))
    browser.press_button("Sign in")
    assert browser.path == "/"
    assert_no_horizontal_scroll(browser)

    # With more than one section, the navigation folds away behind a Menu button.
    menu = page.get_by_role("button", name="Menu")
    sign_out = page.get_by_role("button", name="Sign out")
    if menu.count():
        assert not sign_out.is_visible()
        menu.click()
        assert menu.get_attribute("aria-expanded") == "true"
        assert_no_horizontal_scroll(browser)
        browser.check()  # again, with the menu open
    assert sign_out.is_visible()


@pytest.mark.parametrize(("path", "status", "heading"), PUBLIC_PAGES)
def test_public_pages_when_signed_out(
    open_browser: Callable[..., BrowserPage], path: str, status: int, heading: str | None
) -> None:
    for viewport in (None, SMALL_SCREEN):
        browser = open_browser(viewport=viewport) if viewport else open_browser()
        browser.visit(path, expected_status=status)

        if heading:
            assert browser.heading() == heading
        assert browser.page.title().startswith(browser.heading())
        assert not browser.page.get_by_role("button", name="Sign out").count()
        if viewport:
            assert_no_horizontal_scroll(browser)


def may_open(app: Flask, endpoint: str, role: Role) -> bool:
    """Whether ``role`` passes the view's access rule (the matrix test checks the rule)."""
    access = getattr(app.view_functions[endpoint], "access", None)
    return access == "public" or (access in Permission and role_has(role, Permission(access)))


def crawlable_paths(app: Flask, role: Role, values: dict[str, int | str]) -> list[str]:
    """Every GET page ``role`` may open, ids filled in: pages added later are crawled too."""
    paths = set()
    for rule in app.url_map.iter_rules():
        if (
            "GET" in (rule.methods or ())
            and rule.endpoint not in NOT_CRAWLED
            and not rule.rule.startswith("/api/")  # JSON, not pages
            and not rule.rule.endswith((".ics", ".csv", ".pdf"))  # downloads, not pages
            and may_open(app, rule.endpoint, role)
        ):
            paths.add(url_with(rule.rule, values))
    return sorted(paths)


@pytest.mark.parametrize("small_screen", [False, True], ids=["desktop", "320px"])
@pytest.mark.parametrize("role", list(Role), ids=str)
def test_every_page_each_role_can_reach(
    open_browser: Callable[..., BrowserPage],
    app_ctx: Flask,
    subtests: pytest.Subtests,
    small_screen: bool,
    role: Role,
) -> None:
    # Some rows, so list pages show their tables as they will look in use.
    team = create_team("North Nottinghamshire Return Home Interview team")
    for other in Role:
        create_user(
            other,
            email=f"{other}.example@nottinghamshire-children.example.org",
            full_name=f"Alexandra Example-{other.label.replace(' ', '')}",
            team=None if other is Role.ADMIN else team,
        )
    values = url_values(team, create_user(Role.RHI_WORKER, team=team))
    user = create_user(role, full_name="Casey Crawler", team=None if role is Role.ADMIN else team)
    browser = open_browser(viewport=SMALL_SCREEN) if small_screen else open_browser()
    sign_in(browser, user)
    paths = crawlable_paths(app_ctx, role, values)
    assert {"/", "/accessibility", "/account/change-password"} <= set(paths)

    for path in paths:
        with subtests.test(path=path):
            browser.visit(path)
            assert browser.path == path, f"{path} redirected to {browser.path}"
            if small_screen:
                assert_no_horizontal_scroll(browser)
