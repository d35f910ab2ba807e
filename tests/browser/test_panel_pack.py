"""The panel packs in a real browser: a manager opens Insight, follows "Panel packs",
chooses the Multiple Missing and Hotspots panel for October 2026 and reads the
pack; a bad month is an error they can correct; the PDF link answers with a
PDF. Every page is checked with axe and must fit a 320 px wide screen."""

from __future__ import annotations

import pytest
from flask import Flask

from rhi.extensions import db
from rhi.insights.panel import last_complete_month
from tests.browser.helpers import BrowserPage, sign_in
from tests.rhi.test_panel_packs import PACK, october

pytestmark = pytest.mark.browser

SMALL_SCREEN = {"width": 320, "height": 640}


def page_width(browser: BrowserPage) -> int:
    return int(browser.page.evaluate("() => document.documentElement.scrollWidth"))


def test_a_manager_reads_the_mmh_pack_and_downloads_the_pdf(
    open_browser, app_ctx: Flask, app: Flask
) -> None:
    data = october(app_ctx)
    manager = data.manager
    db.session.rollback()

    browser = open_browser()
    sign_in(browser, manager)
    browser.follow(lambda: browser.page.get_by_role("link", name="Insight").first.click())
    browser.follow(lambda: browser.page.get_by_role("link", name="Panel packs").click())
    assert browser.heading() == "Panel packs"

    assert browser.page.locator("#month").input_value() == last_complete_month().key

    # A month that does not exist (as the form would send it): the error summary says
    # so, and the choices are kept to correct.
    browser.visit("/insights/panels?panel=mmh&month=2026-13", expected_status=400)
    summary = browser.page.locator(".govuk-error-summary")
    assert "Enter a real month" in summary.inner_text()
    assert browser.page.get_by_label("Multiple Missing and Hotspots panel", exact=True).is_checked()

    browser.page.fill("#month", "2026-10")
    browser.press_button("Show the pack")
    assert browser.path == PACK
    assert browser.heading() == "Multiple Missing and Hotspots panel: October 2026"
    captions = browser.page.locator("caption").all_inner_texts()
    assert captions[0] == "2 children"
    assert captions[-3:] == [
        "2 places, most returns first",
        "5 new flags",
        "8 interviews went overdue",
    ]
    # Each table sits in a region named for it, which scrolls on a narrow screen.
    regions = browser.page.locator("[role=region][aria-label]")
    assert regions.count() == len(captions)
    children = browser.page.locator("table.app-panel-children tbody th").all_inner_texts()
    assert children == ["Sam Spanning", "Zoë Łukasiewicz"]

    # The PDF link answers with a PDF (fetched with the browser's own session).
    link = browser.page.get_by_role("link", name="Download this pack as a PDF")
    href = link.get_attribute("href")
    assert href == "/insights/panels/mmh.pdf?month=2026-10"
    response = browser.page.request.get(browser.url(href))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")


def test_the_packs_fit_a_narrow_screen(open_browser, app_ctx: Flask, app: Flask) -> None:
    data = october(app_ctx)
    manager = data.manager
    db.session.rollback()

    browser = open_browser(viewport=SMALL_SCREEN)
    sign_in(browser, manager)
    for path in (
        "/insights/panels",
        PACK,
        "/insights/panels/ccep?month=2026-10",
        "/insights/panels/mase?month=2026-10",
    ):
        browser.visit(path)
        assert page_width(browser) <= SMALL_SCREEN["width"], path
    browser.visit("/insights/panels/mmh?month=2026-13", expected_status=400)
    assert page_width(browser) <= SMALL_SCREEN["width"]
