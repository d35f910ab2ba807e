"""Server-side sessions: who is signed in, and the one permission helper.

The browser's signed cookie holds only a random session token. The matching
``UserSession`` row says whether it is still valid, so signing out (or an
administrator deactivating an account) ends it at once, everywhere.
"""

from __future__ import annotations

import functools
import hashlib
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, TypeVar
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import abort, current_app, flash, g, redirect, request, session, url_for
from flask_babel import gettext as _

from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.auth.models import User, UserSession
from rhi.auth.roles import Permission
from rhi.database import transactional, utcnow
from rhi.extensions import db

F = TypeVar("F", bound=Callable[..., Any])

SESSION_TOKEN_KEY = "sid"  # noqa: S105 - the session key name
# Write last_seen_at at most this often, to keep page views from becoming writes.
TOUCH_INTERVAL = timedelta(minutes=1)


class RevokeReason:
    SIGNED_OUT = "signed_out"
    IDLE = "idle"
    MAX_AGE = "max_age"
    DEACTIVATED = "deactivated"
    PASSWORD_CHANGED = "password_changed"  # noqa: S105 - a reason, not a password
    TWO_FACTOR_RESET = "two_factor_reset"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(user: User) -> None:
    """Begin a fresh session for ``user`` (a new token: no session fixation)."""
    token = secrets.token_urlsafe(32)
    db.session.add(UserSession(token_hash=_hash(token), user_id=user.id))
    session.clear()
    session.permanent = True
    session[SESSION_TOKEN_KEY] = token


def revoke_sessions(user: User, reason: str, keep: UserSession | None = None) -> int:
    """End every open session of ``user`` (but ``keep``); return how many."""
    query = sa.update(UserSession).where(
        UserSession.user_id == user.id, UserSession.revoked_at.is_(None)
    )
    if keep is not None:
        query = query.where(UserSession.id != keep.id)
    result = db.session.execute(query.values(revoked_at=utcnow(), revoked_reason=reason))
    return int(getattr(result, "rowcount", 0) or 0)


def _expiry_reason(user_session: UserSession, now: datetime) -> str | None:
    config = current_app.config
    if not user_session.user.active:
        return RevokeReason.DEACTIVATED
    if now - user_session.created_at > config["SESSION_MAX_AGE"]:
        return RevokeReason.MAX_AGE
    if now - user_session.last_seen_at > config["SESSION_IDLE_TIMEOUT"]:
        return RevokeReason.IDLE
    return None


@transactional
def _expire(user_session: UserSession, reason: str) -> None:
    user_session.revoked_at = utcnow()
    user_session.revoked_reason = reason
    record(
        AuditAction.SESSION_EXPIRED,
        object_type="staff_user",
        object_id=user_session.user_id,
        detail={"reason": reason},
        actor=user_session.user,
    )


@transactional
def _touch(user_session: UserSession, now: datetime) -> None:
    user_session.last_seen_at = now


def load_signed_in_user() -> None:
    """Before each request: set ``g.user`` and ``g.user_session`` (or None)."""
    g.user = None
    g.user_session = None
    g.session_ended = False
    token = session.get(SESSION_TOKEN_KEY)
    if not token or request.endpoint == "static":
        return
    user_session = db.session.scalar(
        sa.select(UserSession).where(UserSession.token_hash == _hash(token))
    )
    if user_session is None or user_session.revoked_at is not None:
        session.pop(SESSION_TOKEN_KEY, None)
        g.session_ended = True
        return
    now = utcnow()
    reason = _expiry_reason(user_session, now)
    if reason is not None:
        _expire(user_session, reason)
        session.pop(SESSION_TOKEN_KEY, None)
        g.session_ended = True
        return
    if now - user_session.last_seen_at > TOUCH_INTERVAL:
        _touch(user_session, now)
    g.user = user_session.user
    g.user_session = user_session


def end_current_session() -> None:
    """Sign out: revoke the server-side session and clear the cookie."""
    user_session: UserSession | None = g.get("user_session")
    if user_session is not None:
        user_session.revoked_at = utcnow()
        user_session.revoked_reason = RevokeReason.SIGNED_OUT
    session.clear()


def safe_next_url(target: str | None) -> str | None:
    """``target`` if it is a path on this site, else None (no open redirects)."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target or any(ord(ch) < 32 for ch in target):
        return None
    return target


def public(view: F) -> F:
    """Mark a view as open to anyone, signed in or not."""
    view.access = "public"  # type: ignore[attr-defined]
    return view


def permission_required(permission: Permission) -> Callable[[F], F]:
    """The one access check every staff view uses.

    Not signed in: to the sign-in page (saying why if a session just ended).
    Signed in without the permission: 403, and the attempt is audited.
    """

    def decorator(view: F) -> F:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            user: User | None = g.get("user")
            if user is None:
                if g.get("session_ended"):
                    flash(_("Your session has ended. Sign in again to continue."), "info")
                return redirect(url_for("auth.sign_in", next=request.full_path.rstrip("?")))
            if user.must_change_password and request.endpoint not in PASSWORD_CHANGE_ENDPOINTS:
                return redirect(url_for("auth.change_password"))
            if not user.can(permission):
                _record_denied(permission)
                abort(403)
            return view(*args, **kwargs)

        wrapper.access = permission  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorator


PASSWORD_CHANGE_ENDPOINTS = frozenset({"auth.change_password", "auth.sign_out"})


@transactional
def _record_denied(permission: Permission) -> None:
    record(AuditAction.ACCESS_DENIED, detail={"permission": str(permission)})
