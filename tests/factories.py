"""Plain factory functions that build test data in the real database."""

from __future__ import annotations

import itertools

import pyotp

from rhi.auth import totp
from rhi.auth.models import Team, User
from rhi.auth.passwords import hash_password
from rhi.auth.roles import Role
from rhi.database import utcnow
from rhi.extensions import db

PASSWORD = "correct horse battery staple"
_numbers = itertools.count(1)


def create_team(name: str | None = None) -> Team:
    team = Team(name=name or f"Test team {next(_numbers)}")
    db.session.add(team)
    db.session.commit()
    return team


def create_user(
    role: Role = Role.RHI_WORKER,
    *,
    email: str | None = None,
    full_name: str = "Test Worker",
    password: str = PASSWORD,
    team: Team | None = None,
    active: bool = True,
    two_factor: bool = True,
    must_change_password: bool = False,
) -> User:
    user = User(
        email=email or f"staff{next(_numbers)}@example.org",
        full_name=full_name,
        role=str(role),
        team=team,
        active=active,
        password_hash=hash_password(password),
        must_change_password=must_change_password,
    )
    if two_factor:
        user.totp_secret = totp.new_secret()
        user.totp_confirmed_at = utcnow()
    db.session.add(user)
    db.session.commit()
    return user


def fresh_code(user: User) -> str:
    """A valid security code this user has not used yet (codes cannot be replayed)."""
    db.session.refresh(user)
    assert user.totp_secret
    generator = pyotp.TOTP(user.totp_secret)
    now = utcnow()
    current = generator.timecode(now)
    for step in (current, current + 1):
        if user.totp_last_step is None or step > user.totp_last_step:
            return generator.generate_otp(step)
    raise AssertionError("no unused code in the valid window")
