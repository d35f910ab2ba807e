"""Synthetic demo data for ``make run``. Every name here is invented."""

from __future__ import annotations

from collections.abc import Callable

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import with_appcontext

from rhi.auth import totp
from rhi.auth.models import Team, User
from rhi.auth.passwords import hash_password
from rhi.auth.roles import Role
from rhi.database import transactional, utcnow
from rhi.demo_records import load_demo_records
from rhi.extensions import db
from rhi.reference.models import District
from rhi.reference.services import load_districts

DEMO_PASSWORD = "homeward-demo-only"  # noqa: S105 - printed for demo log-ins, demo mode only
DEMO_DOMAIN = "demo.homeward.example.org"

DEMO_TEAMS = ("North Nottinghamshire RHI team", "South Nottinghamshire RHI team")
# Which team's caseload a child in each district joins.
DEMO_TEAM_DISTRICTS = {
    DEMO_TEAMS[0]: ("ashfield", "bassetlaw", "mansfield", "newark-and-sherwood"),
    DEMO_TEAMS[1]: ("broxtowe", "gedling", "rushcliffe"),
}

# (email local part, invented name, role, team index or None)
DEMO_USERS = (
    ("worker", "Robin Ashdown", Role.RHI_WORKER, 0),
    ("worker.south", "Jo Kettering", Role.RHI_WORKER, 1),
    ("manager", "Morgan Telford", Role.TEAM_MANAGER, 0),
    ("participation", "Sasha Penrose", Role.PARTICIPATION_OFFICER, None),
    ("admin", "Casey Wrenfield", Role.ADMIN, None),
)


# Other packages add their demo data here (feedback adds the SMS history), so
# the core never imports them.
EXTRA_DEMO_LOADERS: list[Callable[[], dict[str, int]]] = []


def demo_email(local_part: str) -> str:
    return f"{local_part}@{DEMO_DOMAIN}"


@transactional
def load_demo_data(records: bool = True) -> dict[str, int]:
    """Create the demo teams, districts and staff that are missing (idempotent).

    ``records`` adds the invented children and their histories too.
    """
    counts = {"districts": load_districts(), "teams": 0, "staff": 0}
    teams = {}
    for name in DEMO_TEAMS:
        team = db.session.scalar(sa.select(Team).where(Team.name == name))
        if team is None:
            team = Team(name=name)
            db.session.add(team)
            counts["teams"] += 1
        teams[name] = team
    db.session.flush()
    for team_name, codes in DEMO_TEAM_DISTRICTS.items():
        for district in db.session.scalars(sa.select(District).where(District.code.in_(codes))):
            district.team_id = district.team_id or teams[team_name].id
    password_hash = hash_password(DEMO_PASSWORD)
    for local_part, name, role, team_index in DEMO_USERS:
        email = demo_email(local_part)
        if db.session.scalar(sa.select(User.id).where(User.email == email)) is not None:
            continue
        db.session.add(
            User(
                email=email,
                full_name=name,
                role=str(role),
                team=None if team_index is None else teams[DEMO_TEAMS[team_index]],
                password_hash=password_hash,
                totp_secret=totp.new_secret(),
                totp_confirmed_at=utcnow(),
            )
        )
        counts["staff"] += 1
    db.session.flush()
    if records:
        counts.update(load_demo_records())
        for loader in EXTRA_DEMO_LOADERS:
            counts.update(loader())
    return counts


def demo_accounts() -> list[dict[str, str]]:
    """The demo log-ins with each one's current security code (demo mode only)."""
    emails = [demo_email(local_part) for local_part, *_ in DEMO_USERS]
    users = db.session.scalars(sa.select(User).where(User.email.in_(emails), User.active))
    now = utcnow()
    by_email = {user.email: user for user in users}
    return [
        {
            "role": by_email[email].role_enum.label,
            "email": email,
            "code": totp.current_code(by_email[email].totp_secret or "", now),
        }
        for email in emails
        if email in by_email and by_email[email].totp_secret
    ]


@click.command("demo-data")
@with_appcontext
def demo_data_command() -> None:
    """Load synthetic demo data (teams, districts, demo staff). Safe to run twice."""
    if not current_app.config["HOMEWARD_DEMO"]:
        raise click.ClickException(
            "Demo data has known passwords: it loads only with HOMEWARD_DEMO=1."
        )
    counts = load_demo_data()
    click.echo(
        "Demo data added: "
        + ", ".join(f"{n} {what.replace('_', ' ')}" for what, n in counts.items())
    )
    click.echo(f"Demo log-ins (password {DEMO_PASSWORD}; codes shown on the sign-in page):")
    for local_part, _name, role, _team in DEMO_USERS:
        click.echo(f"  {role.label:<24} {demo_email(local_part)}")
