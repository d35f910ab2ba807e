"""The app as a whole: configuration, health, error pages, headers, demo mode."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from rhi import create_app
from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.auth.models import User
from rhi.config import DEVELOPMENT_SECRET_KEY, ConfigError, load_settings
from rhi.demo import DEMO_PASSWORD, DEMO_USERS, demo_email, load_demo_data
from rhi.extensions import db
from rhi.reference.models import District
from tests.auth_helpers import sign_in
from tests.conftest import app_config
from tests.factories import create_user
from tests.pages import ClientRequest


class TestConfiguration:
    def test_development_has_safe_defaults(self):
        settings = load_settings({})
        assert settings.env == "development"
        assert settings.database_url.startswith("sqlite:///")
        assert settings.as_flask_config()["SESSION_COOKIE_SECURE"] is False

    @pytest.mark.parametrize("key", ["", DEVELOPMENT_SECRET_KEY, "too-short"])
    def test_production_refuses_to_start_without_a_real_secret_key(self, key):
        with pytest.raises(ConfigError, match="SECRET_KEY"):
            load_settings({"HOMEWARD_ENV": "production", "SECRET_KEY": key})

    def test_production_cookies_are_secure(self):
        config = load_settings(
            {"HOMEWARD_ENV": "production", "SECRET_KEY": "x" * 40}
        ).as_flask_config()
        assert config["SESSION_COOKIE_SECURE"] is True
        assert config["SESSION_COOKIE_HTTPONLY"] is True
        assert config["SESSION_COOKIE_SAMESITE"] == "Lax"
        assert config["SESSION_COOKIE_NAME"].startswith("__Host-")

    def test_demo_mode_is_refused_in_production(self):
        with pytest.raises(ConfigError, match="HOMEWARD_DEMO"):
            load_settings(
                {"HOMEWARD_ENV": "production", "SECRET_KEY": "x" * 40, "HOMEWARD_DEMO": "1"}
            )

    def test_unknown_environment_and_bad_numbers_are_explained(self):
        with pytest.raises(ConfigError, match="HOMEWARD_ENV"):
            load_settings({"HOMEWARD_ENV": "staging"})
        with pytest.raises(ConfigError, match="SESSION_IDLE_MINUTES"):
            load_settings({"SESSION_IDLE_MINUTES": "half an hour"})

    def test_dashboards_keep_figures_a_minute_except_in_tests(self):
        assert load_settings({}).as_flask_config()["INSIGHT_CACHE_SECONDS"] == 60
        assert load_settings({"HOMEWARD_ENV": "test"}).insight_cache_seconds == 0
        assert load_settings({"INSIGHT_CACHE_SECONDS": "0"}).insight_cache_seconds == 0
        with pytest.raises(ConfigError, match="INSIGHT_CACHE_SECONDS"):
            load_settings({"INSIGHT_CACHE_SECONDS": "-1"})


class TestHealth:
    def test_healthy(self, client):
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json == {"status": "ok", "database": "ok"}

    def test_database_unreachable_is_503_with_a_reason(self, database_url):
        unreachable = (
            "postgresql+psycopg://postgres@127.0.0.1:1/nowhere?connect_timeout=2"
            if database_url.startswith("postgresql")
            else "sqlite:////nonexistent-directory/homeward.db"
        )
        app = create_app(app_config(unreachable))
        response = app.test_client().get("/healthz")
        assert response.status_code == 503
        assert response.json["status"] == "unavailable"
        assert response.json["database"] == "unreachable"
        assert response.json["reason"]


class TestErrors:
    def test_unknown_page_is_a_gov_uk_404(self, client_request):
        page = client_request.get("/no-such-page", expected_status=404)
        assert page.h1.get_text().strip() == "Page not found"
        assert page.select_one(".govuk-footer")

    def test_api_errors_are_json(self, client):
        response = client.get("/api/v1/no-such-thing")
        assert response.status_code == 404
        assert response.json["error"]["code"] == "not_found"
        assert "not found" in response.json["error"]["message"].lower()

    def test_wrong_method_is_explained(self, client_request):
        page = client_request.get("/sign-out", expected_status=405)
        assert "cannot be used in that way" in page.get_text()

    def test_too_large_a_request_is_413(self, client):
        response = client.post("/sign-in", data={"email": "x" * (2 * 1024 * 1024)})
        assert response.status_code == 413

    def test_a_crash_shows_a_calm_500_and_rolls_back(self, database_url, app_ctx):
        app = create_app(app_config(database_url, PROPAGATE_EXCEPTIONS=False))

        @app.route("/explode")
        def explode():
            db.session.add(create_user_object())
            db.session.flush()
            raise RuntimeError("boom")

        explode.access = "public"
        response = app.test_client().get("/explode")
        assert response.status_code == 500
        assert "Sorry, there is a problem with the service" in response.get_data(as_text=True)
        assert db.session.scalar(sa.select(sa.func.count(User.id))) == 0
        with app.app_context():
            db.engine.dispose()


def create_user_object() -> User:
    return User(email="crash@example.org", full_name="Crash Test", role="admin", password_hash="x")


class TestSecurityHeaders:
    def test_every_page_has_a_strict_policy_with_a_fresh_nonce(self, client):
        first = client.get("/sign-in")
        second = client.get("/sign-in")
        policy = first.headers["Content-Security-Policy"]
        for directive in (
            "default-src 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "object-src 'none'",
        ):
            assert directive in policy
        nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
        scripts = re.findall(r"<script[^>]*>", first.get_data(as_text=True))
        assert scripts and all(f'nonce="{nonce}"' in tag for tag in scripts)
        assert second.headers["Content-Security-Policy"] != policy
        assert "unsafe-inline" not in policy
        assert first.headers["X-Content-Type-Options"] == "nosniff"
        assert first.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert first.headers["Cache-Control"] == "no-store"

    def test_session_cookie_flags(self, database_url, app_ctx):
        app = create_app(app_config(database_url, SESSION_COOKIE_SECURE=True))
        response = app.test_client().get("/sign-in")
        cookie = response.headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie
        with app.app_context():
            db.engine.dispose()


class TestPages:
    @pytest.mark.parametrize("path", ["/sign-in", "/accessibility", "/cookies", "/privacy"])
    def test_public_pages_have_the_gov_uk_frame(self, client_request, path):
        page = client_request.get(path)
        assert page.select_one("a.govuk-skip-link")["href"] == "#main-content"
        assert page.select_one(".govuk-phase-banner")
        footer = page.select_one(".govuk-footer").get_text()
        for link in ("Accessibility statement", "Cookies", "Privacy notice"):
            assert link in footer

    def test_worker_opening_an_admin_page_is_refused_and_audited(self, client_request):
        worker = create_user()
        sign_in(client_request, worker)
        page = client_request.get("/admin/staff", expected_status=403)
        assert page.h1.get_text().strip() == "You do not have permission to see this page"
        event = db.session.scalars(
            sa.select(AuditEvent).where(AuditEvent.action == AuditAction.ACCESS_DENIED)
        ).one()
        assert event.actor_id == worker.id
        assert event.request_path == "/admin/staff"


class TestDemoMode:
    def test_demo_staff_and_districts_are_idempotent(self, app_ctx):
        # The children and their histories: tests/rhi/test_demo_records.py.
        first = load_demo_data(records=False)
        second = load_demo_data(records=False)
        assert first == {"districts": 7, "teams": 2, "staff": len(DEMO_USERS)}
        assert second == {"districts": 0, "teams": 0, "staff": 0}
        names = set(db.session.scalars(sa.select(District.name)))
        assert {"Ashfield", "Bassetlaw", "Newark and Sherwood", "Rushcliffe"} <= names

    def test_demo_command_refuses_outside_demo_mode(self, app):
        result = app.test_cli_runner().invoke(args=["demo-data"])
        assert result.exit_code != 0
        assert "HOMEWARD_DEMO=1" in result.output

    def test_demo_banner_and_codes_only_in_demo_mode(self, app, app_ctx):
        load_demo_data(records=False)
        plain = ClientRequest(app.test_client()).get("/sign-in")
        assert plain.select_one(".app-demo-banner") is None
        assert plain.select_one(".app-demo-code") is None
        app.config["HOMEWARD_DEMO"] = True
        try:
            demo = ClientRequest(app.test_client())
            page = demo.get("/sign-in")
            assert "every child, family, worker and message here is invented" in page.get_text()
            codes = [cell.get_text() for cell in page.select(".app-demo-code")]
            assert len(codes) == len(DEMO_USERS) and all(re.fullmatch(r"\d{6}", c) for c in codes)
            # The shown code really signs the demo manager in.
            demo.post_response(
                "/sign-in", {"email": demo_email("manager"), "password": DEMO_PASSWORD}
            )
            code = demo.get("/sign-in/security-code").select_one(".app-demo-code").get_text()
            response = demo.post_response("/sign-in/security-code", {"code": code})
            assert response.headers["Location"] == "/"
        finally:
            app.config["HOMEWARD_DEMO"] = False


def test_behind_a_trusted_proxy_the_audit_log_records_the_real_client(database_url, app_ctx):
    app = create_app(app_config(database_url, TRUSTED_PROXIES=1))
    app.test_client().post(
        "/sign-in",
        data={"email": "someone@example.org"},
        headers={"X-Forwarded-For": "203.0.113.9"},
    )
    event = db.session.scalars(sa.select(AuditEvent)).one()
    assert event.action == AuditAction.CSRF_FAILED
    assert event.ip_address == "203.0.113.9"
    with app.app_context():
        db.engine.dispose()


def test_wrong_method_keeps_the_allow_header(client):
    response = client.get("/sign-out")
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"] and "GET" not in response.headers["Allow"]


def test_audit_rows_never_carry_control_characters(app_ctx):
    from rhi.audit.services import record

    with app_ctx.test_request_context("/children/AB\x00CD", headers={"User-Agent": "x\x00y"}):
        record(AuditAction.ACCESS_DENIED)
        db.session.commit()
    event = db.session.scalars(sa.select(AuditEvent)).one()
    assert "\x00" not in event.request_path and "\x00" not in event.user_agent
    assert event.request_path.startswith("/children/AB")


def test_an_unreachable_database_is_a_clear_503_not_a_500(tmp_path):
    """A database restart or failover: the request is refused with 503 and a reason."""
    unreachable = f"sqlite:///{tmp_path / 'no-such-directory' / 'homeward.db'}"
    app = create_app(app_config(unreachable))
    client = app.test_client()
    response = client.get("/api/v1/episodes/1", headers={"Authorization": "Bearer some-key"})
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert response.json["error"]["code"] == "service_unavailable"
    assert "database is unavailable" in response.json["error"]["message"]
    health = client.get("/healthz")
    assert health.status_code == 503
