"""Signing in with a password and a TOTP code, lockout, sessions, sign-out, password change."""

from __future__ import annotations

from datetime import timedelta

import pyotp
import sqlalchemy as sa

from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.auth.models import User, UserSession
from rhi.auth.roles import Role
from rhi.database import utcnow
from rhi.extensions import db
from tests.auth_helpers import sign_in
from tests.factories import PASSWORD, create_user, fresh_code
from tests.pages import ClientRequest, banner_text, error_messages


def audit_actions() -> list[str]:
    return list(db.session.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.id)))


def test_signing_in_with_password_and_code_reaches_home(client_request):
    user = create_user(Role.TEAM_MANAGER, full_name="Morgan Example")
    sign_in(client_request, user)
    page = client_request.get("/")
    assert "Welcome, Morgan Example" in page.h1.get_text()
    assert "Team manager" in page.select_one(".govuk-summary-list").get_text()
    assert "This is your first sign-in" in page.get_text()
    assert audit_actions() == [AuditAction.SIGN_IN]


def test_home_shows_when_you_last_signed_in(client_request):
    user = create_user()
    sign_in(client_request, user)
    client_request.post_response("/sign-out", {}, form_url="/")
    sign_in(client_request, user)
    page = client_request.get("/")
    assert "This is your first sign-in" not in page.get_text()
    assert "Signed in last" in page.get_text()


def test_pages_need_sign_in_and_come_back_after(client_request):
    user = create_user()
    response = client_request.get_response("/account/change-password", expected_status=302)
    assert response.headers["Location"] == "/sign-in?next=/account/change-password"
    client_request.post_response(
        "/sign-in?next=/account/change-password",
        {"email": user.email, "password": PASSWORD},
        form_url="/sign-in",
    )
    response = client_request.post_response("/sign-in/security-code", {"code": fresh_code(user)})
    assert response.headers["Location"] == "/account/change-password"


def test_next_url_cannot_send_you_to_another_site(client_request):
    user = create_user()
    client_request.post_response(
        "/sign-in?next=//evil.example/phish",
        {"email": user.email, "password": PASSWORD},
        form_url="/sign-in",
    )
    response = client_request.post_response("/sign-in/security-code", {"code": fresh_code(user)})
    assert response.headers["Location"] == "/"


def test_wrong_password_gives_a_clear_error_and_is_audited(client_request):
    user = create_user()
    page = client_request.post("/sign-in", {"email": user.email, "password": "not the password"})
    assert error_messages(page) == ["Enter a correct email address and password"]
    assert page.title.get_text().startswith("Error: ")
    assert audit_actions() == [AuditAction.SIGN_IN_FAILED]


def test_unknown_email_gets_the_same_error(client_request):
    page = client_request.post(
        "/sign-in", {"email": "nobody@example.org", "password": "whatever-it-is"}
    )
    assert error_messages(page) == ["Enter a correct email address and password"]
    assert audit_actions() == [AuditAction.SIGN_IN_FAILED]


def test_empty_and_malformed_fields_are_explained(client_request):
    page = client_request.post("/sign-in", {"email": "not-an-email", "password": ""})
    assert error_messages(page) == [
        "Enter an email address in the correct format, like name@example.org",
        "Enter your password",
    ]


def test_wrong_security_code_is_refused_and_audited(client_request):
    user = create_user()
    client_request.post_response("/sign-in", {"email": user.email, "password": PASSWORD})
    page = client_request.post("/sign-in/security-code", {"code": "000000"})
    assert error_messages(page) == ["The security code is not correct, or has already been used"]
    assert AuditAction.TWO_FACTOR_FAILED in audit_actions()
    client_request.get("/", expected_status=302)


def test_a_security_code_cannot_be_used_twice(client_request, client):
    user = create_user()
    code = fresh_code(user)
    client_request.post_response("/sign-in", {"email": user.email, "password": PASSWORD})
    client_request.post_response("/sign-in/security-code", {"code": code})
    client_request.post_response("/sign-out", {}, form_url="/")
    client_request.post_response("/sign-in", {"email": user.email, "password": PASSWORD})
    page = client_request.post("/sign-in/security-code", {"code": code})
    assert error_messages(page) == ["The security code is not correct, or has already been used"]


def test_security_code_page_needs_the_password_first(client_request):
    response = client_request.get_response("/sign-in/security-code", expected_status=302)
    assert response.headers["Location"] == "/sign-in"


def test_account_locks_after_repeated_failures(client_request, app):
    user = create_user()
    limit = app.config["SIGN_IN_MAX_FAILURES"]
    for _ in range(limit):
        client_request.post("/sign-in", {"email": user.email, "password": "wrong password!"})
    page = client_request.post("/sign-in", {"email": user.email, "password": PASSWORD})
    assert "Your account is locked after too many attempts" in error_messages(page)[0]
    assert audit_actions().count(AuditAction.SIGN_IN_LOCKED) == 1
    db.session.refresh(user)
    assert user.locked_until is not None and user.locked_until > utcnow()


def test_lock_ends_after_the_lockout_period(client_request):
    user = create_user()
    user.locked_until = utcnow() - timedelta(seconds=1)
    db.session.commit()
    sign_in(client_request, user)


def test_deactivated_account_gets_a_clear_page_and_is_audited(client_request):
    user = create_user(active=False)
    page = client_request.post(
        "/sign-in", {"email": user.email, "password": PASSWORD}, expected_status=403
    )
    assert page.h1.get_text().strip() == "Your account has been deactivated"
    assert audit_actions() == [AuditAction.SIGN_IN_DEACTIVATED]


def test_deactivating_ends_a_session_already_open(client_request):
    user = create_user()
    sign_in(client_request, user)
    user.active = False
    db.session.commit()
    response = client_request.get_response("/", expected_status=302)
    assert response.headers["Location"].startswith("/sign-in")
    assert AuditAction.SESSION_EXPIRED in audit_actions()


def test_first_sign_in_sets_up_security_codes_with_a_qr_code(client_request):
    user = create_user(two_factor=False)
    response = client_request.post_response("/sign-in", {"email": user.email, "password": PASSWORD})
    assert response.headers["Location"] == "/sign-in/set-up-security-codes"
    page = client_request.get("/sign-in/set-up-security-codes")
    assert page.select_one(".app-qr-code svg") is not None
    secret = page.select_one(".app-totp-secret").get_text().replace(" ", "")
    # Reloading keeps the same key, so a half-finished set-up still works.
    again = client_request.get("/sign-in/set-up-security-codes")
    assert again.select_one(".app-totp-secret").get_text().replace(" ", "") == secret
    page = client_request.post("/sign-in/set-up-security-codes", {"code": "123456"})
    assert error_messages(page) == ["The security code is not correct, or has already been used"]
    code = pyotp.TOTP(secret).now()
    response = client_request.post_response("/sign-in/set-up-security-codes", {"code": code})
    assert response.headers["Location"] == "/"
    db.session.refresh(user)
    assert user.has_two_factor
    assert audit_actions()[-2:] == [AuditAction.TWO_FACTOR_SET_UP, AuditAction.SIGN_IN]


def test_sign_out_revokes_the_session_on_the_server(client_request, client):
    user = create_user()
    sign_in(client_request, user)
    cookie = client.get_cookie("homeward_session")
    assert cookie is not None
    client_request.post_response("/sign-out", {}, form_url="/")
    session_row = db.session.scalar(sa.select(UserSession))
    assert session_row.revoked_at is not None
    # Replaying the old cookie does not get back in.
    client.set_cookie("homeward_session", cookie.value)
    client_request.get("/", expected_status=302)
    assert AuditAction.SIGN_OUT in audit_actions()


def test_a_cookie_planted_before_sign_in_gains_nothing(client_request, client, app):
    """Session fixation: signing in starts a new session; an earlier cookie stays signed out."""
    user = create_user()
    client_request.get("/sign-in")
    planted = client.get_cookie("homeward_session")
    assert planted is not None  # the sign-in page's CSRF token lives in it
    sign_in(client_request, user)
    assert client.get_cookie("homeward_session").value != planted.value
    attacker = app.test_client()
    attacker.set_cookie("homeward_session", planted.value)
    response = attacker.get("/")
    assert response.status_code == 302 and response.headers["Location"].startswith("/sign-in")


def test_idle_session_expires_with_a_clear_message(client_request, app):
    user = create_user()
    sign_in(client_request, user)
    row = db.session.scalar(sa.select(UserSession))
    row.last_seen_at = utcnow() - app.config["SESSION_IDLE_TIMEOUT"] - timedelta(minutes=1)
    db.session.commit()
    response = client_request.get_response("/", expected_status=302)
    page = client_request.get(response.headers["Location"])
    assert "Your session has ended. Sign in again to continue." in banner_text(page)
    event = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.action == AuditAction.SESSION_EXPIRED)
    ).one()
    assert event.detail == {"reason": "idle"}
    assert event.actor_id == user.id


def test_change_password_ends_other_sessions(app, client_request):
    user = create_user()
    sign_in(client_request, user)
    other = ClientRequest(app.test_client())
    sign_in(other, user)
    page = client_request.post(
        "/account/change-password",
        {
            "current_password": PASSWORD,
            "new_password": "a new and longer passphrase",
            "confirm_password": "a new and longer passphrase",
        },
        follow_redirects=True,
    )
    assert "You have been signed out on your other devices" in banner_text(page)
    other.get("/", expected_status=302)
    client_request.get("/")
    client_request.post_response("/sign-out", {}, form_url="/")
    response = client_request.post_response(
        "/sign-in", {"email": user.email, "password": "a new and longer passphrase"}
    )
    assert response.headers["Location"] == "/sign-in/security-code"


def test_change_password_explains_what_is_wrong(client_request):
    user = create_user()
    sign_in(client_request, user)
    page = client_request.post(
        "/account/change-password",
        {"current_password": "not it", "new_password": "short", "confirm_password": "different"},
    )
    assert error_messages(page) == ["The passwords you entered do not match"]
    page = client_request.post(
        "/account/change-password",
        {"current_password": PASSWORD, "new_password": "short", "confirm_password": "short"},
    )
    assert error_messages(page) == ["Password must be 12 characters or more"]


def test_must_change_password_is_enforced_before_anything_else(client_request):
    user = create_user(must_change_password=True)
    sign_in(client_request, user)
    response = client_request.get_response("/", expected_status=302)
    assert response.headers["Location"] == "/account/change-password"
    page = client_request.get("/account/change-password")
    assert "You must choose a new password" in page.get_text()


def test_a_post_without_csrf_token_is_refused_and_audited(client_request, client):
    user = create_user()
    response = client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert "Your form could not be sent" in response.get_data(as_text=True)
    assert audit_actions() == [AuditAction.CSRF_FAILED]
    assert db.session.scalar(sa.select(User.last_signed_in_at).where(User.id == user.id)) is None


def test_sign_in_is_rate_limited(client_request, app, client):
    app.config["SIGN_IN_RATE_LIMIT"] = "3 per minute"
    try:
        for _ in range(3):
            client_request.post("/sign-in", {"email": "a@example.org", "password": "wrong one"})
        token = client_request.csrf_token("/sign-in")
        response = client.post(
            "/sign-in", data={"csrf_token": token, "email": "a@example.org", "password": "x"}
        )
        assert response.status_code == 429
        assert "Too many attempts" in response.get_data(as_text=True)
        assert AuditAction.RATE_LIMITED in audit_actions()
    finally:
        app.config["SIGN_IN_RATE_LIMIT"] = "20 per minute"
