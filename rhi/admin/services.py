"""Staff accounts and teams, as an administrator manages them.

Each change commits (through ``transactional``) together with its audit row.
What the rules refuse is raised as an ``AdminChangeRefused`` naming the form
field it belongs to, so views can show it in the error summary.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext as _nl
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.auth.models import Team, User, email_key
from rhi.auth.passwords import hash_password
from rhi.auth.roles import ROLES_NEEDING_A_TEAM, Role
from rhi.auth.sessions import RevokeReason, revoke_sessions
from rhi.database import transactional, utcnow
from rhi.extensions import db

# What the audit log calls the objects changed here.
STAFF = User.__tablename__
TEAM = Team.__tablename__


class AdminChangeRefused(Exception):
    """A change the rules do not allow; the message is safe to show.

    ``field`` names the form field it belongs to, when there is one.
    """

    field: str | None = None

    def __init__(self, message: str | LazyString, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = str(message)
        if field is not None:
            self.field = field


class EmailTaken(AdminChangeRefused):
    field = "email"


class TeamRequired(AdminChangeRefused):
    field = "team"


class TeamUnavailable(AdminChangeRefused):
    field = "team"


class OwnAccount(AdminChangeRefused):
    """Administrators cannot lock themselves out of administration."""


class TeamNameTaken(AdminChangeRefused):
    field = "name"


class TeamHasActiveMembers(AdminChangeRefused):
    pass


# Staff ---------------------------------------------------------------------


@dataclass(frozen=True)
class StaffFilter:
    role: Role | None = None
    team_id: int | None = None
    active: bool | None = None


@dataclass(frozen=True)
class TemporaryPassword:
    """A password to show the administrator once; only its hash is stored."""

    user: User
    password: str


def new_temporary_password() -> str:
    return secrets.token_urlsafe(12)


def find_staff(user_id: int) -> User | None:
    return db.session.get(User, user_id)


def list_staff(criteria: StaffFilter) -> list[User]:
    """Staff matching ``criteria``, by name."""
    query = sa.select(User).options(selectinload(User.team))
    if criteria.role is not None:
        query = query.where(User.role == str(criteria.role))
    if criteria.team_id is not None:
        query = query.where(User.team_id == criteria.team_id)
    if criteria.active is not None:
        query = query.where(User.active.is_(criteria.active))
    query = query.order_by(sa.func.lower(User.full_name), User.id)
    return list(db.session.scalars(query))


def is_locked(user: User) -> bool:
    return user.locked_until is not None and user.locked_until > utcnow()


def teams_to_choose(current: Team | None = None) -> list[Team]:
    """Teams staff can be put in: the active ones, and ``current`` even if it has closed."""
    condition: sa.ColumnElement[bool] = Team.active.is_(True)
    if current is not None:
        condition = sa.or_(condition, Team.id == current.id)
    return list(db.session.scalars(sa.select(Team).where(condition).order_by(Team.name)))


def _check_team(role: Role, team_id: int | None, current: Team | None = None) -> Team | None:
    if team_id is None:
        if role in ROLES_NEEDING_A_TEAM:
            raise TeamRequired(_l("Select a team. RHI workers and team managers must be in a team"))
        return None
    team = db.session.get(Team, team_id)
    if team is None or (not team.active and team != current):
        raise TeamUnavailable(_l("Select an active team"))
    return team


def _check_email_free(email: str) -> None:
    if db.session.scalar(sa.select(User.id).where(User.email == email)) is not None:
        raise EmailTaken(_l("There is already a staff account with this email address"))


@transactional
def add_staff(*, full_name: str, email: str, role: Role, team_id: int | None) -> TemporaryPassword:
    """Add an account with a temporary password; security codes are set up at first sign-in."""
    email = email_key(email)
    _check_email_free(email)
    team = _check_team(role, team_id)
    password = new_temporary_password()
    user = User(
        email=email,
        full_name=full_name.strip(),
        role=str(role),
        team=team,
        password_hash=hash_password(password),
        must_change_password=True,
    )
    db.session.add(user)
    try:
        db.session.flush()
    except IntegrityError as error:  # someone added the same email a moment ago
        raise EmailTaken(_l("There is already a staff account with this email address")) from error
    record(
        AuditAction.STAFF_CREATED,
        object_type=STAFF,
        object_id=user.id,
        detail={"role": str(role), "team_id": user.team_id},
    )
    return TemporaryPassword(user=user, password=password)


@transactional
def update_staff(
    user: User, *, full_name: str, role: Role, team_id: int | None, by: User
) -> list[str]:
    """Change someone's name, role and team; returns the names of the fields that changed."""
    if user.id == by.id and user.role_enum is Role.ADMIN and role is not Role.ADMIN:
        raise OwnAccount(_l("You cannot remove your own administrator role"), field="role")
    team = _check_team(role, team_id, current=user.team)
    detail: dict[str, Any] = {}
    changed = []
    if user.full_name != full_name.strip():
        user.full_name = full_name.strip()
        changed.append("full_name")
    if user.role != str(role):
        detail["role"] = {"from": user.role, "to": str(role)}
        user.role = str(role)
        changed.append("role")
    new_team_id = team.id if team is not None else None
    if user.team_id != new_team_id:
        detail["team_id"] = {"from": user.team_id, "to": new_team_id}
        user.team = team
        changed.append("team")
    if changed:
        record(
            AuditAction.STAFF_UPDATED,
            object_type=STAFF,
            object_id=user.id,
            detail={"changed": changed, **detail},
        )
    return changed


@transactional
def deactivate_staff(user: User, *, by: User) -> None:
    """Stop someone signing in, and end any session they have open now."""
    if user.id == by.id:
        raise OwnAccount(_l("You cannot deactivate your own account"))
    user.active = False
    ended = revoke_sessions(user, RevokeReason.DEACTIVATED)
    record(
        AuditAction.STAFF_DEACTIVATED,
        object_type=STAFF,
        object_id=user.id,
        detail={"sessions_ended": ended},
    )


@transactional
def reactivate_staff(user: User) -> None:
    user.active = True
    record(AuditAction.STAFF_REACTIVATED, object_type=STAFF, object_id=user.id)


@transactional
def unlock_staff(user: User) -> None:
    """Let someone try again now rather than wait for the lock to run out."""
    user.locked_until = None
    user.failed_sign_ins = 0
    record(AuditAction.STAFF_UNLOCKED, object_type=STAFF, object_id=user.id)


@transactional
def reset_security_codes(user: User) -> None:
    """For a lost phone: they set up codes again at their next sign-in."""
    user.totp_secret = None
    user.totp_confirmed_at = None
    user.totp_last_step = None
    ended = revoke_sessions(user, RevokeReason.TWO_FACTOR_RESET)
    record(
        AuditAction.STAFF_TWO_FACTOR_RESET,
        object_type=STAFF,
        object_id=user.id,
        detail={"sessions_ended": ended},
    )


@transactional
def reset_password(user: User) -> TemporaryPassword:
    """For a forgotten password: a temporary one they must change at their next sign-in."""
    password = new_temporary_password()
    user.password_hash = hash_password(password)
    user.password_changed_at = utcnow()
    user.must_change_password = True
    ended = revoke_sessions(user, RevokeReason.PASSWORD_CHANGED)
    record(
        AuditAction.STAFF_PASSWORD_RESET,
        object_type=STAFF,
        object_id=user.id,
        detail={"sessions_ended": ended},
    )
    return TemporaryPassword(user=user, password=password)


# Teams ---------------------------------------------------------------------


@dataclass(frozen=True)
class TeamSummary:
    team: Team
    active_members: int


def _active_members(team_id: Any) -> sa.Select[int]:
    return sa.select(sa.func.count(User.id)).where(User.team_id == team_id, User.active.is_(True))


def find_team(team_id: int) -> Team | None:
    return db.session.get(Team, team_id)


def list_teams() -> list[TeamSummary]:
    """Every team, by name, with how many active staff are in it."""
    query = sa.select(Team, _active_members(Team.id).scalar_subquery()).order_by(
        sa.func.lower(Team.name), Team.id
    )
    return [TeamSummary(team, count) for team, count in db.session.execute(query)]


def count_active_members(team: Team) -> int:
    return db.session.scalar(_active_members(team.id)) or 0


def _check_name_free(name: str, team: Team | None = None) -> None:
    query = sa.select(Team.id).where(sa.func.lower(Team.name) == name.lower())
    if team is not None:
        query = query.where(Team.id != team.id)
    if db.session.scalar(query) is not None:
        raise TeamNameTaken(_l("There is already a team with this name"))


@transactional
def add_team(name: str) -> Team:
    name = name.strip()
    _check_name_free(name)
    team = Team(name=name)
    db.session.add(team)
    try:
        db.session.flush()
    except IntegrityError as error:
        raise TeamNameTaken(_l("There is already a team with this name")) from error
    record(AuditAction.TEAM_CREATED, object_type=TEAM, object_id=team.id)
    return team


@transactional
def rename_team(team: Team, name: str) -> bool:
    """Rename ``team``; False when the name is unchanged."""
    name = name.strip()
    if name == team.name:
        return False
    _check_name_free(name, team)
    team.name = name
    record(
        AuditAction.TEAM_UPDATED, object_type=TEAM, object_id=team.id, detail={"changed": ["name"]}
    )
    return True


@transactional
def deactivate_team(team: Team) -> None:
    """Close a team. Its active staff must be moved first, so nobody is left in a closed team."""
    members = count_active_members(team)
    if members:
        raise TeamHasActiveMembers(
            _nl(
                "Move the %(num)s active member of staff in this team to another team "
                "before you deactivate it",
                "Move the %(num)s active members of staff in this team to another team "
                "before you deactivate it",
                members,
            )
        )
    team.active = False
    record(AuditAction.TEAM_DEACTIVATED, object_type=TEAM, object_id=team.id)


@transactional
def reactivate_team(team: Team) -> None:
    team.active = True
    record(AuditAction.TEAM_REACTIVATED, object_type=TEAM, object_id=team.id)
