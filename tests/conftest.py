"""Fixtures shared by the whole suite.

Every test that uses the database runs twice: on SQLite and on PostgreSQL
(``make test`` starts a throwaway server and sets HOMEWARD_TEST_POSTGRES_URL).
``HOMEWARD_TEST_DATABASES=sqlite`` narrows a quick local run to SQLite.
"""

from __future__ import annotations

import os
import re
import threading
import uuid
from collections.abc import Iterator
from datetime import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade
from werkzeug.serving import WSGIRequestHandler, make_server
from werkzeug.test import TestResponse

from rhi import create_app
from rhi.extensions import db, limiter
from tests.pages import ClientRequest

DATABASES = [
    name
    for name in os.environ.get("HOMEWARD_TEST_DATABASES", "sqlite,postgresql").split(",")
    if name
]


def _postgres_database() -> Iterator[str]:
    """A fresh database on the throwaway server, dropped afterwards."""
    server = os.environ.get("HOMEWARD_TEST_POSTGRES_URL")
    if not server:
        pytest.fail(
            "PostgreSQL tests need HOMEWARD_TEST_POSTGRES_URL: run `make test` "
            "(or HOMEWARD_TEST_DATABASES=sqlite for a SQLite-only run)"
        )
    name = f"homeward_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield sa.make_url(server).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def blank_database_url(database_url: str, tmp_path: Path) -> Iterator[str]:
    """Another, empty database of the same kind as ``database_url``."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'blank.db'}"
    else:
        yield from _postgres_database()


@pytest.fixture(scope="session", params=DATABASES)
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'homeward.db'}"
    elif request.param == "postgresql":
        yield from _postgres_database()
    else:
        pytest.fail(f"unknown test database {request.param!r}")


def app_config(database_url: str, **overrides: object) -> dict[str, object]:
    return {
        "TESTING": True,
        "HOMEWARD_ENV": "test",
        "HOMEWARD_DEMO": False,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SERVER_NAME": "localhost",
        # Every request counts afresh (tests/rhi/test_insight_cache.py turns it on).
        "INSIGHT_CACHE_SECONDS": 0,
        # Webhooks are signed with this; no TWILIO_FROM, so texts go to the console
        # transport unless a test points the app at tests/fake_twilio.py.
        "TWILIO_ACCOUNT_SID": "AC" + "0" * 32,
        "TWILIO_AUTH_TOKEN": "test-twilio-auth-token",
        **overrides,
    }


class FreshContextClient(FlaskClient):
    """A test client whose every request gets its own app context.

    A test holds an app context for its factories and queries; without this,
    requests would share its ``g`` and database session, which no real request
    ever does.
    """

    def open(self, *args: Any, **kwargs: Any) -> TestResponse:
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture(scope="session")
def app(database_url: str) -> Iterator[Flask]:
    """One app per database, its schema built by the real migrations."""
    app = create_app(app_config(database_url))
    app.test_client_class = FreshContextClient
    with app.app_context():
        upgrade()
    yield app
    with app.app_context():
        db.engine.dispose()


def empty_database(app: Flask) -> None:
    """Delete every row (Core deletes: the audit log's ORM guard does not apply)."""
    with app.app_context():
        db.session.remove()
        with db.engine.begin() as connection:
            for table in reversed(db.metadata.sorted_tables):
                connection.execute(table.delete())
        limiter.reset()


class QuietRequestHandler(WSGIRequestHandler):
    """No access log: a failing test's output should show its own problem."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


@pytest.fixture
def live_server(app: Flask) -> Iterator[str]:
    """Serve ``app`` on a free loopback port for one test; yield its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietRequestHandler)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def no_quiet_hours(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    """Texts go whatever the time the tests run (quiet hours from midnight to midnight)."""
    monkeypatch.setitem(app.config, "SMS_QUIET_HOURS", (time(0, 0), time(0, 0)))


@pytest.fixture
def app_ctx(app: Flask) -> Iterator[Flask]:
    """An app context on an empty database, for service-level tests."""
    empty_database(app)
    with app.app_context():
        yield app
        db.session.remove()


@pytest.fixture
def client(app_ctx: Flask) -> FlaskClient:
    return app_ctx.test_client()


@pytest.fixture
def client_request(client: FlaskClient) -> ClientRequest:
    """A browser-like client that checks the house rules on every page it reads."""
    return ClientRequest(client)


_results: dict[str, dict[str, int]] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Count outcomes per database (and browser tests), for the summary below."""
    if report.when != "call" and not (report.when == "setup" and report.outcome != "passed"):
        return
    match = re.search(r"\[(sqlite|postgresql)\b", report.nodeid)
    counts = _results.setdefault(match.group(1) if match else "no database", {})
    counts[report.outcome] = counts.get(report.outcome, 0) + 1
    if "/browser/" in report.nodeid:
        key = f"of them {report.outcome} in Chromium"
        counts[key] = counts.get(key, 0) + 1


def _plain_first(item: tuple[str, int]) -> tuple[bool, str]:
    return (item[0].startswith("of them"), item[0])


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _results:
        return
    terminalreporter.section("tests per database")
    for database, counts in sorted(_results.items()):
        parts = ", ".join(f"{n} {label}" for label, n in sorted(counts.items(), key=_plain_first))
        terminalreporter.write_line(f"{database}: {parts}")
