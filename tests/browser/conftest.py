"""A live server, one Chromium for the session, and a fresh checked tab per test.

The live server serves the same session-scoped ``app`` as the rest of the
suite, so the browser tests run on SQLite and on PostgreSQL. Each test's data
is made with ``app_ctx`` (an empty database) before the browser signs in.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import Browser, sync_playwright

from tests.browser.axe import REPORT
from tests.browser.helpers import BrowserPage

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
TIMEOUT_MS = 10_000

_outcomes = pytest.StashKey[dict[str, pytest.TestReport]]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Keep each phase's report, so fixtures know whether the test already failed."""
    report = yield
    item.stash.setdefault(_outcomes, {})[report.when] = report
    return report


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not REPORT.browser_started:
        return
    terminalreporter.write_sep("-", "accessibility")
    for line in REPORT.summary_lines():
        terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium",
            pytrace=False,
        )
    REPORT.browser_started = True
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


def _passed(item: pytest.Item) -> bool:
    reports = item.stash.get(_outcomes, {})
    return all(report.passed for report in reports.values())


@pytest.fixture
def open_browser(
    request: pytest.FixtureRequest, chromium: Browser, live_server: str, app_ctx: Flask
) -> Iterator[Callable[..., BrowserPage]]:
    """Open a fresh browser (its own cookies) on the live server; ``viewport=`` etc. allowed.

    After the test, every page it loaded must have been checked with axe, and
    no page may have logged a console error or thrown.
    """
    opened = []

    def open_(**context_options: Any) -> BrowserPage:
        context = chromium.new_context(
            locale="en-GB", timezone_id="Europe/London", **context_options
        )
        context.set_default_timeout(TIMEOUT_MS)
        browser = BrowserPage(context.new_page(), live_server)
        opened.append((context, browser))
        return browser

    yield open_

    problems = []
    for context, browser in opened:
        if _passed(request.node):
            browser.page.title()  # a round trip, so pending events are delivered
            unchecked = browser.unchecked_pages()
            if unchecked:
                problems.append(f"pages loaded without an axe check: {unchecked}")
            if browser.console_errors:
                problems.append(f"console errors: {browser.console_errors}")
        context.close()
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.fixture
def browser(open_browser: Callable[..., BrowserPage]) -> BrowserPage:
    """A fresh desktop-sized browser on the live server."""
    return open_browser()
