"""Staff accounts, teams and server-side sessions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rhi.auth.roles import Permission, Role, role_has
from rhi.database import UTCDateTime, utcnow
from rhi.extensions import Base


class Team(Base):
    __tablename__ = "team"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    members: Mapped[list[User]] = relationship(back_populates="team")


class User(Base):
    __tablename__ = "staff_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(32))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    password_changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    must_change_password: Mapped[bool] = mapped_column(default=False)
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    totp_last_step: Mapped[int | None] = mapped_column()
    failed_sign_ins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_signed_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    previous_signed_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    team: Mapped[Team | None] = relationship(back_populates="members")

    @property
    def role_enum(self) -> Role:
        return Role(self.role)

    @property
    def has_two_factor(self) -> bool:
        return self.totp_secret is not None and self.totp_confirmed_at is not None

    def can(self, permission: Permission) -> bool:
        return self.active and role_has(self.role, permission)


class UserSession(Base):
    """A signed-in session, held server-side so it can be revoked.

    The browser's cookie carries a random token; only its SHA-256 is stored.
    """

    __tablename__ = "user_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_reason: Mapped[str | None] = mapped_column(String(32))

    user: Mapped[User] = relationship()


def email_key(email: str) -> str:
    """The form in which emails are stored and compared."""
    return email.strip().lower()


__all__ = ["Team", "User", "UserSession", "email_key"]
