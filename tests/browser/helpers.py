"""A Chromium tab on the live server that checks every page it lands on.

Tests navigate only through ``BrowserPage``: ``visit`` for a typed address,
``follow`` for anything that loads a new page (a click, Enter in a form, Back).
Each new page is checked with axe-core before the test sees it, and the
fixture fails a test that let a page load without a check, or whose pages
logged a console error (a CSP violation shows up there too).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from playwright.sync_api import ConsoleMessage, Error, Page, Response

from rhi.auth.models import User
from rhi.extensions import db
from tests.browser.axe import assert_accessible, path_of, was_checked
from tests.factories import PASSWORD, fresh_code


class BrowserPage:
    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.loaded: list[str] = []
        self.checked: list[str] = []
        self.console_errors: list[str] = []
        # Error pages visited on purpose: Chromium logs their status as a console error.
        self._expected_error_urls: set[str] = set()
        page.on("load", self._on_load)
        page.on("console", self._on_console)
        page.on("pageerror", self._on_page_error)

    def _on_load(self, page: Page) -> None:
        if page.url.startswith(self.base_url):
            self.loaded.append(path_of(page.url))

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        url = message.location.get("url", "")
        if url in self._expected_error_urls and message.text.startswith("Failed to load resource"):
            return
        self.console_errors.append(f"{message.text} ({url})")

    def _on_page_error(self, error: Error) -> None:
        self.console_errors.append(f"uncaught {error.name}: {error.message}")

    @property
    def path(self) -> str:
        return path_of(self.page.url)

    def url(self, path: str) -> str:
        return self.base_url + path

    def check(self) -> None:
        """Check the page as it is now with axe (again, after it changes, if need be)."""
        if not was_checked(self.page):
            self.checked.append(self.path)
        assert_accessible(self.page)

    def _arrived(self, response: Response | None, expected_status: int) -> Response:
        assert response is not None, f"no page loaded (now at {self.path})"
        assert response.status == expected_status, (
            f"{path_of(response.url)}: status {response.status}, expected {expected_status}"
        )
        self.check()
        return response

    def visit(self, path: str, expected_status: int = 200) -> Response:
        """Go to ``path`` as if typed in the address bar (following redirects)."""
        if expected_status >= 400:
            self._expected_error_urls.add(self.url(path))
        return self._arrived(self.page.goto(self.url(path)), expected_status)

    def follow(self, action: Callable[[], object], expected_status: int = 200) -> Response:
        """Do something that loads a new page (click, Enter, Back) and check where it lands."""
        with self.page.expect_navigation() as navigation:
            action()
        return self._arrived(navigation.value, expected_status)

    def back(self, expected_status: int = 200) -> Response:
        """The browser's Back button (pages are no-store, so it asks the server again)."""
        return self._arrived(self.page.go_back(), expected_status)

    def press_button(self, name: str, expected_status: int = 200) -> Response:
        """Click the button called ``name`` (exactly) and check the page it leads to."""
        button = self.page.get_by_role("button", name=name, exact=True)
        return self.follow(button.click, expected_status)

    def heading(self) -> str:
        return " ".join(self.page.locator("h1").inner_text().split())

    def unchecked_pages(self) -> list[str]:
        """Pages that loaded but never went through axe (should be none)."""
        return list((Counter(self.loaded) - Counter(self.checked)).elements())


def code_for(user: User) -> str:
    """A fresh security code, leaving no transaction open while the server writes."""
    code = fresh_code(user)
    db.session.rollback()
    return code


def sign_in(browser: BrowserPage, user: User, password: str = PASSWORD) -> None:
    """Sign in through the real pages: password, then a security code."""
    browser.visit("/sign-in")
    browser.page.fill("#email", user.email)
    browser.page.fill("#password", password)
    browser.press_button("Continue")
    assert browser.path == "/sign-in/security-code", browser.path
    browser.page.fill("#code", code_for(user))
    browser.press_button("Sign in")
    assert browser.path == "/", browser.path
