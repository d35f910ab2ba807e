"""Load test: gunicorn on PostgreSQL with the county-sized history, Locust users at 10, 25 and 50.

    tests/with-postgres.sh bash -c 'DATABASE_URL=$HOMEWARD_TEST_POSTGRES_URL \\
        .venv/bin/python -m bench.load --episodes 250000 --users 10,25,50 --seconds 60'

Loads the invented county (``bench.county``), makes load-test accounts (one
per simulated person: workers with their team's children and interviews
ready to record, managers, participation officers), an API key, then serves
the app with gunicorn (``--web-workers`` processes, loopback only) and runs
Locust headless once per user count, each bounded by ``--seconds``. The mix
is in ``bench/locustfile.py``. Reports the median, 95th and 99th percentile
and errors per page into docs/benchmarks.md. The database must be empty.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask_migrate import upgrade

from bench.county import County
from bench.report import write_section
from rhi import create_app
from rhi.api.auth import Scope, create_api_key
from rhi.auth import totp
from rhi.auth.models import Team, User
from rhi.auth.passwords import hash_password
from rhi.children.models import Child
from rhi.database import utcnow
from rhi.episodes.models import Episode
from rhi.extensions import db
from rhi.insights.filters import first_of_month, uk_today
from rhi.interviews.models import ReturnInterview
from rhi.interviews.record import InterviewRecord

BIN = Path(sys.executable).parent
PASSWORD = "load-test-only"  # noqa: S105 - invented accounts on a throwaway database
DOMAIN = "load.homeward.example.org"
TWILIO = {
    "twilio_account_sid": "AC" + "0" * 32,
    "twilio_auth_token": "load-test-twilio-token",
    "twilio_from": "+447700900000",
}
ROLES = {
    "workers": ("rhi_worker", 50),
    "managers": ("team_manager", 10),
    "officers": ("participation_officer", 10),
}
TO_RECORD = 6  # interviews each worker has ready to record, made ready again for each run
SIGN_IN = "sign in"  # the page name the locustfile gives every sign-in step
TARGET_P95_MS = 300


def _accounts(rng: random.Random) -> dict[str, Any]:
    teams = list(db.session.scalars(sa.select(Team).order_by(Team.id)))
    password = hash_password(PASSWORD)
    accounts: dict[str, Any] = {key: [] for key in ROLES}
    taken: set[int] = set()
    for key, (role, count) in ROLES.items():
        for n in range(count):
            team = teams[n % len(teams)] if role != "participation_officer" else None
            user = User(
                email=f"{key}.{n}@{DOMAIN}",
                full_name=f"Load {role} {n}",
                role=role,
                team=team,
                password_hash=password,
                totp_secret=totp.new_secret(),
                totp_confirmed_at=utcnow(),
            )
            db.session.add(user)
            db.session.flush()
            account = {"email": user.email, "password": PASSWORD, "totp_secret": user.totp_secret}
            if role == "rhi_worker":
                account.update(_worker_work(user, rng, taken), user_id=user.id)
            accounts[key].append(account)
    db.session.commit()
    return accounts


def _worker_work(user: User, rng: random.Random, taken: set[int]) -> dict[str, Any]:
    """Children of the worker's team to look at, and interviews to record, allocated to them.

    Each worker gets children no other load worker has, so no two of them
    record the same interview.
    """
    # Children of the team who have been missing, so there are interviews to record.
    candidates = db.session.scalars(
        sa.select(Child.id)
        .where(Child.team_id == user.team_id)
        .where(sa.exists().where(ReturnInterview.child_id == Child.id))
        .order_by(Child.id)
    ).all()
    children = rng.sample([child for child in candidates if child not in taken], 25)
    taken.update(children)
    # Their interviews, whatever became of them in the invented history, made ready
    # to record again: scheduled, allocated to this worker, with no record yet.
    rhis = list(
        db.session.scalars(
            sa.select(ReturnInterview.id)
            .where(ReturnInterview.child_id.in_(children), ReturnInterview.covered_by_id.is_(None))
            # The interview is typed as held 2 hours ago: after the child came back.
            .where(
                ~sa.exists().where(
                    Episode.rhi_id == ReturnInterview.id,
                    Episode.returned_at > utcnow() - timedelta(hours=3),
                )
            )
            .order_by(ReturnInterview.id.desc())
            .limit(TO_RECORD)
        )
    )
    ready_to_record(user.id, rhis)
    seen = list(
        db.session.scalars(
            sa.select(ReturnInterview.id).where(ReturnInterview.child_id.in_(children)).limit(25)
        )
    )
    case_refs = list(db.session.scalars(sa.select(Child.case_ref).where(Child.id.in_(children))))
    rng.shuffle(rhis)
    return {"case_refs": case_refs, "rhi_ids": seen, "to_record": rhis}


def ready_to_record(user_id: int, rhis: list[int]) -> None:
    """The worker's interviews scheduled, allocated to them and with no record: to record."""
    db.session.execute(sa.delete(InterviewRecord).where(InterviewRecord.rhi_id.in_(rhis)))
    db.session.execute(
        sa.update(ReturnInterview)
        .where(ReturnInterview.id.in_(rhis))
        .values(
            status="scheduled", allocated_to_id=user_id, scheduled_for=utcnow() - timedelta(hours=3)
        )
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    for _ in range(120):
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped while starting")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2):  # noqa: S310 - loopback
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("gunicorn did not answer /healthz")


@dataclass(frozen=True)
class Sample:
    page: str
    started: float  # epoch seconds
    ms: float
    ok: bool


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (``share`` 0.95 for the 95th)."""
    ordered = sorted(values)
    return ordered[max(1, math.ceil(share * len(ordered))) - 1]


def _row(name: str, samples: list[Sample]) -> str:
    times = [s.ms for s in samples]
    errors = sum(1 for s in samples if not s.ok)
    return (
        f"| {name} | {len(samples)} | {errors} | {percentile(times, 0.5):.0f} ms | "
        f"{percentile(times, 0.95):.0f} ms | {percentile(times, 0.99):.0f} ms |"
    )


def steady_state(samples: list[Sample]) -> list[Sample]:
    """Requests other than signing in, started after the last person finished signing in.

    Each person signs in once a day; in a one-minute run everyone signs in within
    the first seconds, which no council sees, so the target is judged after that.
    """
    signed_in = max(
        (s.started + s.ms / 1000 for s in samples if s.page.endswith(SIGN_IN)), default=0.0
    )
    return [s for s in samples if not s.page.endswith(SIGN_IN) and s.started >= signed_in]


def load_table(samples: list[Sample]) -> tuple[list[str], float]:
    """The per-page table with the two aggregate rows, and the steady-state 95th percentile."""
    table = [
        "| Page | Requests | Errors | Median | 95th | 99th |",
        "|---|---|---|---|---|---|",
    ]
    pages: dict[str, list[Sample]] = {}
    for sample in samples:
        pages.setdefault(sample.page, []).append(sample)
    table += [_row(page, pages[page]) for page in sorted(pages)]
    table.append(_row("**All requests**", samples))
    steady = steady_state(samples)
    table.append(_row("**Steady state** (after everyone signed in)", steady))
    return table, percentile([s.ms for s in steady], 0.95)


def _run_locust(
    base: str, users: int, seconds: int, accounts_file: Path, out: Path
) -> list[Sample]:
    prefix = out / f"users{users}"
    samples_file = out / f"users{users}-samples.json"
    subprocess.run(  # noqa: S603 - our own venv's locust, fixed arguments
        [
            str(BIN / "locust"),
            "-f",
            str(Path(__file__).with_name("locustfile.py")),
            "--headless",
            "--users",
            str(users),
            "--spawn-rate",
            str(max(1, users // 5)),
            "--run-time",
            f"{seconds}s",
            "--host",
            base,
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        check=False,
        env={
            **os.environ,
            "HOMEWARD_LOAD_ACCOUNTS": str(accounts_file),
            "HOMEWARD_LOAD_SAMPLES": str(samples_file),
        },
        timeout=seconds + 120,
    )
    return [Sample(*row) for row in json.loads(samples_file.read_text())]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=250_000)
    parser.add_argument("--users", default="10,25,50")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--web-workers", type=int, default=4)
    parser.add_argument(
        "--warm-up", type=int, default=20, help="seconds at 10 users first, not reported"
    )
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgresql"):
        raise SystemExit("Set DATABASE_URL to an empty PostgreSQL database (see the docstring).")
    rng = random.Random(7)  # noqa: S311 - invented data
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "HOMEWARD_DEMO": True})
    with app.app_context():
        upgrade()
        counts = County(args.episodes).load()
        accounts = _accounts(rng)
        _client, api_key = create_api_key("load test", [Scope.EPISODES_WRITE, Scope.EPISODES_READ])
        accounts["api_key"] = api_key
        accounts["api_case_refs"] = list(
            db.session.scalars(sa.select(Child.case_ref).order_by(Child.id).limit(500))
        )
        db.session.commit()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    last_month = first_of_month(first_of_month(uk_today()) - timedelta(days=1))
    accounts.update(
        TWILIO,
        public_base_url=base,
        month=f"{last_month:%Y-%m}",
        phones=[f"+447700{900100 + n:06d}" for n in range(200)],
    )
    out = Path(tempfile.mkdtemp(prefix="homeward-load-"))
    accounts_file = out / "accounts.json"
    accounts_file.write_text(json.dumps(accounts))
    env = {
        **os.environ,
        "HOMEWARD_ENV": "development",
        "SECRET_KEY": "load-test-secret-key-" + "x" * 32,
        "SIGN_IN_RATE_LIMIT": "100000 per minute",
        "PUBLIC_BASE_URL": base,
        "TWILIO_ACCOUNT_SID": TWILIO["twilio_account_sid"],
        "TWILIO_AUTH_TOKEN": TWILIO["twilio_auth_token"],
        "LOG_LEVEL": "WARNING",
    }
    server = subprocess.Popen(  # noqa: S603 - our own venv's gunicorn
        [
            str(BIN / "gunicorn"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.web_workers),
            "wsgi:app",
        ],
        env=env,
    )
    sections = []
    try:
        wait_until_up(base, server)
        # Each process compiles its templates and fills its dashboard cache on first
        # use, as in a working day's first minutes: not part of what is measured.
        runs = [(10, args.warm_up)] if args.warm_up else []
        runs += [(int(value), args.seconds) for value in args.users.split(",")]
        for n, (users, seconds) in enumerate(runs):
            with app.app_context():  # a new run signs everyone in again: codes may repeat
                db.session.execute(
                    sa.update(User)
                    .where(User.email.like(f"%@{DOMAIN}"))
                    .values(totp_last_step=None)
                )
                for worker in accounts["workers"]:  # and records the same interviews
                    ready_to_record(worker["user_id"], worker["to_record"])
                db.session.commit()
            samples = _run_locust(base, users, seconds, accounts_file, out)
            if args.warm_up and n == 0:
                continue
            table, p95 = load_table(samples)
            verdict = f"Steady-state 95th percentile {p95:.0f} ms: target 300 ms " + (
                "met." if p95 < TARGET_P95_MS else "NOT met."
            )
            print(f"\n{users} users\n" + "\n".join(table) + f"\n{verdict}", flush=True)
            sections.append(
                f"### {users} users for {args.seconds} s\n\n" + "\n".join(table) + f"\n\n{verdict}"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    body = (
        f"`python -m bench.load --episodes {args.episodes} --users {args.users} "
        f"--seconds {args.seconds} --web-workers {args.web_workers}`, "
        f"{date.today().isoformat()}: gunicorn with "
        f"{args.web_workers} processes on the throwaway PostgreSQL of `tests/with-postgres.sh` "
        f"(fsync off), Locust on the same {os.cpu_count()}-CPU machine (its users, the app and the "
        "database share the CPUs). Invented history: "
        + ", ".join(f"{v:,} {k}" for k, v in counts.items())
        + ". Each simulated person signs in once with an account of their own and waits 1-3 s "
        "between pages (the API and Twilio 2-5 s). Mix: workers 6 (caseload, child page, an RHI, "
        "record and submit an interview), managers 2 (returns due, timeliness, hotspots, repeat "
        "missing, panel pack), participation officers 1 (theme review, reasons), the police API 1 "
        "(post an episode), Twilio 1 (an inbound text). The app runs with its production "
        "settings, so council-wide dashboards are counted at most once a minute per process "
        f"(`INSIGHT_CACHE_SECONDS`). A {args.warm_up} s run at 10 users comes first and is not "
        "reported (each process compiles its templates and fills its cache then). Times are "
        "nearest-rank percentiles of every request; the "
        "steady state leaves out signing in and what started before the last person had "
        "signed in (everyone signs in within the first seconds of a run, which no council "
        "sees; sign-in has its own row). The target is a steady-state 95th percentile under "
        f"{TARGET_P95_MS} ms at 50 users.\n\n" + "\n\n".join(sections)
    )
    write_section(f"load-{args.episodes}", f"Load: {args.episodes:,} episodes", body)


if __name__ == "__main__":
    main()
