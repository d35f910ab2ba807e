"""A client that reads pages like a person would, and checks our house rules.

Every HTML page fetched through ``ClientRequest`` must have exactly one <h1>,
a <title> that starts with it, no duplicate ids, and a CSRF token in every
POST form.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from bs4 import BeautifulSoup
from flask.testing import FlaskClient
from werkzeug.test import TestResponse


def normalise(text: str) -> str:
    return " ".join(text.split())


def check_house_rules(page: BeautifulSoup) -> None:
    headings = page.find_all("h1")
    assert len(headings) == 1, f"expected one <h1>, found {len(headings)}"
    heading = normalise(headings[0].get_text())
    title = normalise(page.title.get_text()) if page.title else ""
    title = title.removeprefix("Error: ")
    assert title.startswith(heading), f"title {title!r} should start with <h1> {heading!r}"
    ids = Counter(tag["id"] for tag in page.find_all(id=True))
    duplicates = [name for name, count in ids.items() if count > 1]
    assert not duplicates, f"duplicate ids: {duplicates}"
    for form in page.find_all("form"):
        if (form.get("method") or "get").lower() == "post":
            assert form.find("input", attrs={"name": "csrf_token"}), "POST form without CSRF token"


class ClientRequest:
    def __init__(self, client: FlaskClient) -> None:
        self.client = client

    def get_response(self, url: str, expected_status: int = 200, **kwargs: Any) -> TestResponse:
        response = self.client.get(url, **kwargs)
        assert response.status_code == expected_status, (
            f"GET {url}: {response.status_code}, expected {expected_status}"
        )
        return response

    def get(self, url: str, expected_status: int = 200, **kwargs: Any) -> BeautifulSoup:
        response = self.get_response(url, expected_status, **kwargs)
        page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
        if response.mimetype == "text/html":
            check_house_rules(page)
        return page

    def csrf_token(self, url: str) -> str:
        page = self.get(url)
        token = page.find("input", attrs={"name": "csrf_token"})
        assert token is not None, f"no CSRF token on {url}"
        return str(token["value"])

    def post_response(
        self,
        url: str,
        data: dict[str, Any] | None = None,
        expected_status: int = 302,
        form_url: str | None = None,
        **kwargs: Any,
    ) -> TestResponse:
        """POST ``data`` to ``url`` with the CSRF token from ``form_url`` (default ``url``)."""
        payload = {"csrf_token": self.csrf_token(form_url or url), **(data or {})}
        response = self.client.post(url, data=payload, **kwargs)
        assert response.status_code == expected_status, (
            f"POST {url}: {response.status_code}, expected {expected_status}"
        )
        return response

    def post(
        self,
        url: str,
        data: dict[str, Any] | None = None,
        expected_status: int = 200,
        **kwargs: Any,
    ) -> BeautifulSoup:
        response = self.post_response(url, data, expected_status, **kwargs)
        page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
        if response.mimetype == "text/html":
            check_house_rules(page)
        return page


def error_messages(page: BeautifulSoup) -> list[str]:
    """The messages in the GOV.UK error summary."""
    summary = page.select_one(".govuk-error-summary")
    if summary is None:
        return []
    return [normalise(item.get_text()) for item in summary.select(".govuk-error-summary__list li")]


def banner_text(page: BeautifulSoup) -> str:
    return " ".join(normalise(b.get_text()) for b in page.select(".govuk-notification-banner"))
