"""Signing in and out, two-factor set-up and password changes.

Views call these and turn the exceptions into messages; these functions
commit (through ``transactional``) so that the audit row lands with the change.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from flask import current_app

from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.auth import passwords, totp
from rhi.auth.models import User, UserSession, email_key
from rhi.auth.sessions import RevokeReason, end_current_session, revoke_sessions, start_session
from rhi.database import transactional, utcnow
from rhi.extensions import db


class SignInError(Exception):
    """Signing in failed; the message is safe to show."""


class BadCredentials(SignInError):
    pass


class AccountLocked(SignInError):
    def __init__(self, until: datetime) -> None:
        super().__init__("locked")
        self.until = until


class AccountDeactivated(SignInError):
    pass


class BadCode(SignInError):
    pass


class PasswordRejected(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def find_by_email(email: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == email_key(email)))


def _register_failure(user: User, action: AuditAction) -> None:
    user.failed_sign_ins += 1
    record(action, object_type="staff_user", object_id=user.id, actor=user)
    if user.failed_sign_ins >= current_app.config["SIGN_IN_MAX_FAILURES"]:
        user.locked_until = utcnow() + current_app.config["SIGN_IN_LOCKOUT"]
        user.failed_sign_ins = 0
        record(AuditAction.SIGN_IN_LOCKED, object_type="staff_user", object_id=user.id, actor=user)


def _check_not_locked(user: User) -> None:
    if user.locked_until is not None and user.locked_until > utcnow():
        raise AccountLocked(user.locked_until)


@transactional(commit_on=(SignInError,))
def check_password(email: str, password: str) -> User:
    """First factor. Returns the user, or raises a ``SignInError``.

    Failures are audited and counted; the account locks after too many.
    """
    user = find_by_email(email)
    if user is None:
        passwords.verify_password(None, password)  # same effort as a real check
        record(AuditAction.SIGN_IN_FAILED, detail={"reason": "unknown_email"})
        raise BadCredentials()
    _check_not_locked(user)
    if not passwords.verify_password(user.password_hash, password):
        _register_failure(user, AuditAction.SIGN_IN_FAILED)
        raise BadCredentials()
    if not user.active:
        record(
            AuditAction.SIGN_IN_DEACTIVATED, object_type="staff_user", object_id=user.id, actor=user
        )
        raise AccountDeactivated()
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    return user


@transactional
def begin_two_factor_set_up(user: User) -> str:
    """The secret to enrol, kept until confirmed (the same one on a reload)."""
    if user.totp_secret is None or user.totp_confirmed_at is not None:
        user.totp_secret = totp.new_secret()
        user.totp_confirmed_at = None
    return user.totp_secret


@transactional(commit_on=(SignInError,))
def complete_sign_in(user: User, code: str) -> None:
    """Second factor: check the code, then start a server-side session.

    A code already used (the same 30-second step) is refused, so a code seen
    over someone's shoulder cannot be replayed.
    """
    _check_not_locked(user)
    if not user.active:
        raise AccountDeactivated()
    if user.totp_secret is None:
        raise BadCode()
    now = utcnow()
    step = totp.matching_step(user.totp_secret, code, now)
    if step is None or (user.totp_last_step is not None and step <= user.totp_last_step):
        _register_failure(user, AuditAction.TWO_FACTOR_FAILED)
        raise BadCode()
    user.totp_last_step = step
    if user.totp_confirmed_at is None:
        user.totp_confirmed_at = now
        record(
            AuditAction.TWO_FACTOR_SET_UP, object_type="staff_user", object_id=user.id, actor=user
        )
    user.failed_sign_ins = 0
    user.locked_until = None
    user.previous_signed_in_at = user.last_signed_in_at
    user.last_signed_in_at = now
    start_session(user)
    record(AuditAction.SIGN_IN, object_type="staff_user", object_id=user.id, actor=user)


@transactional
def sign_out(user: User) -> None:
    end_current_session()
    record(AuditAction.SIGN_OUT, object_type="staff_user", object_id=user.id, actor=user)


@transactional
def change_password(user: User, current: str, new: str, keep: UserSession | None = None) -> int:
    """Change the password and end the user's sessions but ``keep``; returns how many ended."""
    if not passwords.verify_password(user.password_hash, current):
        raise PasswordRejected("current_password", "Your current password is not correct")
    problem = passwords.password_problem(new, user.email)
    if problem:
        raise PasswordRejected("new_password", problem)
    if passwords.verify_password(user.password_hash, new):
        raise PasswordRejected("new_password", "Your new password must be different")
    user.password_hash = passwords.hash_password(new)
    user.password_changed_at = utcnow()
    user.must_change_password = False
    ended = revoke_sessions(user, RevokeReason.PASSWORD_CHANGED, keep=keep)
    record(
        AuditAction.PASSWORD_CHANGED,
        object_type="staff_user",
        object_id=user.id,
        detail={"other_sessions_ended": ended},
    )
    return ended
