"""Crash safety under fire: SIGKILL the web processes mid-request, restart PostgreSQL mid-traffic.

    tests/with-postgres.sh bash -c 'DATABASE_URL=$HOMEWARD_TEST_POSTGRES_URL \\
        .venv/bin/python -m bench.reliability --kills 12'

**Web kills.** gunicorn (two processes) serves a stream of work from four
client threads: police API episode posts (each with its Idempotency-Key),
signed Twilio inbound texts (each with its MessageSid), and workers, signed in
with password and security code, recording and submitting interviews through
the form (as a browser does: a dead submit is sent again as it was). A killer SIGKILLs a
gunicorn worker, or the whole server, at random moments (``--kills`` times),
restarting the server when it is gone. A client whose request died (no
answer, or a 5xx) sends the *same* request again, as the police system and
Twilio do. In the end every episode must exist exactly once with its one
interview, every text once, and every interview submitted once with exactly
the words typed: nothing acknowledged lost, nothing doubled.

**PostgreSQL restart.** With the server and a worker process running and
clients still working, PostgreSQL is restarted (``pg_ctl restart -m fast``).
Requests during the outage must be refused clearly (503, never 500), the app
must serve again without being restarted, and the worker must send a text
queued after the restart. Uses ``HOMEWARD_TEST_POSTGRES_DATA`` and
``HOMEWARD_TEST_POSTGRES_BIN`` from ``tests/with-postgres.sh``.

Prints the tables and writes them into docs/reliability.md.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import psutil
import pyotp
import requests
import sqlalchemy as sa
from flask import Flask
from flask_migrate import upgrade
from twilio.request_validator import RequestValidator

from bench.load import free_port, wait_until_up
from bench.report import write_section
from feedback.models import SmsMessage
from feedback.outbox import queue
from feedback.vocabulary import MessageKind, SendStatus
from rhi import create_app
from rhi.api.auth import Scope, create_api_key
from rhi.auth import totp
from rhi.auth.models import User
from rhi.auth.passwords import hash_password
from rhi.children.models import Child
from rhi.children.services import save_child
from rhi.database import utcnow
from rhi.demo import load_demo_data
from rhi.episodes.models import Episode
from rhi.episodes.services import record_episode, record_return
from rhi.extensions import db
from rhi.interviews.models import ReturnInterview
from rhi.interviews.record import InterviewRecord
from tests.fake_twilio import SERVICE_NUMBER, FakeTwilio

BIN = Path(sys.executable).parent
DOC = Path(__file__).resolve().parent.parent / "docs" / "reliability.md"
TOKEN = "reliability-twilio-token"  # noqa: S105 - a fake Twilio's token on loopback
ACCOUNT = "AC" + "1" * 32
LONDON = ZoneInfo("Europe/London")
CHILDREN = 300
TEXTS = 300
INTERVIEWS = 120
STAFF = 4  # signed-in workers, one per client thread
PASSWORD = "reliability-only"  # noqa: S105 - invented accounts on a throwaway database
_CSRF = re.compile(r'<input[^>]*name="csrf_token"[^>]*value="([^"]+)"')
_VERSION = re.compile(r'<input[^>]*name="version"[^>]*value="(\d+)"')


@dataclass
class Tally:
    sent: int = 0
    retried: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    resent: Counter[str] = field(default_factory=Counter)  # by kind of request
    interviews_refused: int = 0  # submits answered with anything but "submitted"
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, status: str, retry: bool, kind: str) -> None:
        with self.lock:
            self.sent += 1
            self.retried += int(retry)
            self.statuses[f"{status} ({kind})" if status.startswith("5") else status] += 1
            self.resent[kind] += int(retry)


class Server:
    """gunicorn serving wsgi:app on loopback, restartable."""

    def __init__(self, env: dict[str, str], port: int) -> None:
        self.env, self.port = env, port
        self.base = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen[bytes] | None = None
        # The app's own log (no personal data in it), kept to explain any 5xx.
        self.log = (Path(tempfile.gettempdir()) / f"homeward-reliability-{port}.log").open("ab")

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - our venv's gunicorn, fixed arguments
            [
                str(BIN / "gunicorn"),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--graceful-timeout",
                "1",
                "wsgi:app",
            ],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )
        wait_until_up(self.base, self.process)

    def workers(self) -> list[psutil.Process]:
        assert self.process is not None
        try:
            return psutil.Process(self.process.pid).children()
        except psutil.NoSuchProcess:
            return []

    def kill_everything(self) -> None:
        assert self.process is not None
        for child in self.workers():
            child.kill()
        self.process.kill()
        self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


def _environment(
    database_url: str, base: str, extra: dict[str, str] | None = None
) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "HOMEWARD_ENV": "development",
        "SECRET_KEY": "reliability-secret-key-" + "y" * 32,
        "PUBLIC_BASE_URL": base,
        "TWILIO_ACCOUNT_SID": ACCOUNT,
        "TWILIO_AUTH_TOKEN": TOKEN,
        "LOG_LEVEL": "WARNING",
        **(extra or {}),
    }


@dataclass
class Setup:
    key: str  # the police API key
    refs: list[str]  # children the police report missing and returned
    staff: list[dict[str, str]]  # workers' email and security-code secret
    to_record: list[int]  # RHIs scheduled for those workers, to record


def _invented_child(ref: str, n: int) -> Child:
    child, _created = save_child(
        ref,
        {
            "given_name": "Invented",
            "family_name": f"Child {n}",
            "date_of_birth": "2011-05-17",
            "gender": "female",
            "district": "mansfield",
            "legal_status": "lac",
        },
    )
    return child


def _staff_with_interviews(team_id: int | None) -> tuple[list[dict[str, str]], list[int]]:
    """Workers of the children's team, each with interviews scheduled to record."""
    staff, users = [], []
    for n in range(STAFF):
        user = User(
            email=f"reliability.{n}@demo.homeward.example.org",
            full_name=f"Reliability worker {n}",
            role="rhi_worker",
            team_id=team_id,
            password_hash=hash_password(PASSWORD),
            totp_secret=totp.new_secret(),
            totp_confirmed_at=utcnow(),
        )
        db.session.add(user)
        users.append(user)
        staff.append({"email": user.email, "totp_secret": user.totp_secret})
    db.session.flush()
    to_record = []
    returned = utcnow() - timedelta(hours=20)
    for n in range(INTERVIEWS):
        child = _invented_child(f"RI{n:05d}", n)
        episode = record_episode(
            child, started_at=returned - timedelta(hours=5), category="M", risk_grade="low"
        )
        rhi = record_return(episode, returned_at=returned)
        # Allocated and scheduled directly: the workflow's own steps are tested elsewhere.
        rhi.status = "scheduled"
        rhi.allocated_to_id = users[n % STAFF].id
        rhi.scheduled_for = returned + timedelta(hours=12)
        to_record.append(rhi.id)
    return staff, to_record


def _setup(app: Flask) -> Setup:
    with app.app_context():
        upgrade()
        load_demo_data(records=False)
        refs = []
        for n in range(CHILDREN):
            ref = f"RL{n:05d}"
            team_id = _invented_child(ref, n).team_id
            refs.append(ref)
        _client, key = create_api_key("reliability", [Scope.EPISODES_WRITE, Scope.EPISODES_READ])
        db.session.flush()
        staff, to_record = _staff_with_interviews(team_id)
        db.session.commit()
    return Setup(key, refs, staff, to_record)


def yes_no(value: bool) -> str:
    return "yes" if value else "NO"


def _until_answered(send: Any, tally: Tally, deadline: float, kind: str) -> requests.Response:
    """Send until the app gives a definite answer (not a dead connection or a 5xx)."""
    retry = False
    while time.monotonic() < deadline:
        try:
            response = send()
        except requests.RequestException:
            tally.note("no answer", retry, kind)
            retry = True
            time.sleep(0.2)
            continue
        tally.note(str(response.status_code), retry, kind)
        if response.status_code < 500:
            return response
        retry = True
        time.sleep(0.2)
    raise SystemExit("the app never answered")


def _post(base: str, path: str, key: str, body: dict[str, Any]) -> Any:
    """One API post, the same each time it is sent (its own Idempotency-Key)."""
    headers = {"Authorization": f"Bearer {key}", "Idempotency-Key": str(uuid.uuid4())}
    return lambda: requests.post(f"{base}{path}", json=body, headers=headers, timeout=10)


def _missing_and_back(base: str, key: str, ref: str) -> Any:
    """The police report a child missing, then returned: two posts, each resent until answered."""
    started = (datetime.now(UTC) - timedelta(hours=30)).replace(microsecond=0)
    episode = {
        "case_ref": ref,
        "started_at": started.isoformat(),
        "category": "M",
        "risk_grade": "low",
    }
    back = {
        "returned_at": (started + timedelta(hours=6)).isoformat(),
        "found_location": "Bus station",
    }

    def run(tally: Tally, deadline: float) -> None:
        first = _until_answered(
            _post(base, "/api/v1/episodes", key, episode), tally, deadline, "episode post"
        )
        path = f"/api/v1/episodes/{first.json()['id']}/return"
        _until_answered(_post(base, path, key, back), tally, deadline, "return post")

    return run


def _text_sender(base: str, n: int) -> Any:
    params = {
        "MessageSid": f"SM{uuid.uuid4().hex}",
        "AccountSid": ACCOUNT,
        "From": f"+447700{900500 + n % 400:06d}",
        "To": SERVICE_NUMBER,
        "Body": f"Invented reply number {n}",
    }
    signature = RequestValidator(TOKEN).compute_signature(f"{base}/sms/inbound", params)
    headers = {"X-Twilio-Signature": signature}

    def run(tally: Tally, deadline: float) -> None:
        def send() -> requests.Response:
            return requests.post(f"{base}/sms/inbound", data=params, headers=headers, timeout=10)

        _until_answered(send, tally, deadline, "inbound text")

    return run


def _form(page: str) -> dict[str, str]:
    token, version = _CSRF.search(page), _VERSION.search(page)
    assert token, "no CSRF token on the page"
    return {"csrf_token": token.group(1), "version": version.group(1) if version else "0"}


def _sign_in(base: str, person: dict[str, str], tally: Tally, deadline: float) -> Any:
    """A browser session signed in with password and security code, each step resent if it died."""
    browser = requests.Session()

    def step(path: str, data: dict[str, str]) -> requests.Response:
        page = _until_answered(
            lambda: browser.get(base + path, timeout=10), tally, deadline, "sign-in"
        )
        return _until_answered(
            lambda: browser.post(
                base + path, data={**_form(page.text), **data}, timeout=10, allow_redirects=False
            ),
            tally,
            deadline,
            "sign-in",
        )

    step("/sign-in", {"email": person["email"], "password": PASSWORD})
    code = pyotp.TOTP(person["totp_secret"]).now()
    answer = step("/sign-in/security-code", {"code": code})
    assert answer.status_code == 302, f"sign-in failed: {answer.status_code}"
    return browser


def interview_words(rhi_id: int) -> str:
    return f"Invented words for interview {rhi_id}: I went to the park to get away."


def _interview_recorder(base: str, rhi_id: int) -> Any:
    """Open the form and submit the interview; a dead submit is sent again unchanged."""
    held = datetime.now(LONDON) - timedelta(hours=2)

    def run(tally: Tally, deadline: float, browser: requests.Session) -> None:
        path = f"{base}/returns/{rhi_id}/interview"
        page = _until_answered(
            lambda: browser.get(path, timeout=10), tally, deadline, "interview form"
        )
        data = {
            **_form(page.text),
            "method": "face_to_face",
            "held_date": [str(held.day), str(held.month), str(held.year)],
            "held_time": held.strftime("%H:%M"),
            "push_factors": ["boundaries"],
            "harm": "None disclosed (invented)",
            "child_words": interview_words(rhi_id),
            "worker_analysis": "Invented analysis.",
            "submit_interview": "y",
        }
        answer = _until_answered(
            lambda: browser.post(path, data=data, timeout=10, allow_redirects=False),
            tally,
            deadline,
            "interview submit",
        )
        if answer.status_code != 302:
            with tally.lock:
                tally.interviews_refused += 1

    return run


def _interviews_stored(to_record: list[int]) -> tuple[int, int]:
    """(interviews submitted with exactly the words typed, records made twice)."""
    records = db.session.execute(
        sa.select(InterviewRecord.rhi_id, InterviewRecord.child_words, ReturnInterview.status)
        .join(ReturnInterview, ReturnInterview.id == InterviewRecord.rhi_id)
        .where(InterviewRecord.rhi_id.in_(to_record))
    ).all()
    per_rhi = Counter(row.rhi_id for row in records)
    whole = sum(
        1
        for row in records
        if row.child_words == interview_words(row.rhi_id) and row.status == "completed"
    )
    return whole, sum(1 for count in per_rhi.values() if count > 1)


def web_kills(app: Flask, database_url: str, kills: int) -> list[str]:
    setup = _setup(app)
    port = free_port()
    server = Server(_environment(database_url, f"http://127.0.0.1:{port}"), port)
    server.start()
    work = [_missing_and_back(server.base, setup.key, ref) for ref in setup.refs]
    work += [_text_sender(server.base, n) for n in range(TEXTS)]
    random.Random(11).shuffle(work)  # noqa: S311 - an order, not a secret
    recordings = {
        n: [_interview_recorder(server.base, r) for r in setup.to_record[n::STAFF]]
        for n in range(STAFF)
    }
    tally = Tally()
    deadline = time.monotonic() + 600
    pending = list(work)
    lock = threading.Lock()

    def client(n: int) -> None:
        # Each client is also a worker with their own interviews, one between other work.
        browser = _sign_in(server.base, setup.staff[n], tally, deadline)
        mine = recordings[n]
        while True:
            if mine:
                mine.pop()(tally, deadline, browser)
            with lock:
                if not pending:
                    break
                run = pending.pop()
            run(tally, deadline)
        for record in mine:
            record(tally, deadline, browser)

    rng = random.Random(5)  # noqa: S311
    done_kills = Counter[str]()

    def killer() -> None:
        for n in range(kills):
            time.sleep(rng.uniform(0.3, 1.2))
            if n % 4 == 3:
                server.kill_everything()
                done_kills["the whole server"] += 1
                server.start()
            else:
                victims = server.workers()
                if victims:
                    rng.choice(victims).kill()
                    done_kills["one web process"] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(STAFF)]
    chaos = threading.Thread(target=killer)
    for thread in [*threads, chaos]:
        thread.start()
    for thread in [*threads, chaos]:
        thread.join()
    elapsed = time.monotonic() - started
    server.stop()
    with app.app_context():
        per_child = Counter(
            db.session.scalars(
                sa.select(Episode.child_id)
                .join(Child, Child.id == Episode.child_id)
                .where(Child.case_ref.in_(setup.refs))
            ).all()
        )
        rhis = db.session.scalar(sa.select(sa.func.count(ReturnInterview.id))) or 0
        texts = Counter(
            db.session.scalars(
                sa.select(SmsMessage.twilio_sid).where(SmsMessage.twilio_sid.like("SM%"))
            ).all()
        )
        interviews, doubled_interviews = _interviews_stored(setup.to_record)
    doubled_episodes = sum(1 for count in per_child.values() if count > 1)
    doubled_texts = sum(1 for count in texts.values() if count > 1)
    killed = ", ".join(f"{v} {k}" for k, v in done_kills.items())
    got = ", ".join(f"{k}: {v}" for k, v in sorted(tally.statuses.items()))
    stored = sum(per_child.values())
    rows = [
        "| Check | Result |",
        "|---|---|",
        f"| Kills | {kills} ({killed}) in {elapsed:.0f} s |",
        f"| Requests sent | {tally.sent} ({tally.retried} resends after a dead request: "
        + ", ".join(f"{v} {k}" for k, v in sorted(tally.resent.items()) if v)
        + ") |",
        f"| What the requests got | {got} |",
        f"| Episodes posted / stored / children with two | {CHILDREN} / {stored} / "
        f"{doubled_episodes} |",
        f"| Returns posted / interviews opened | {CHILDREN} / {rhis - INTERVIEWS} |",
        f"| Texts from Twilio / stored / stored twice | {TEXTS} / {sum(texts.values())} / "
        f"{doubled_texts} |",
        "| Interviews submitted / stored whole and completed / recorded twice / refused | "
        f"{INTERVIEWS} / {interviews} / {doubled_interviews} / {tally.interviews_refused} |",
    ]
    ok = (
        sum(per_child.values()) == CHILDREN
        and doubled_episodes == 0
        and rhis == CHILDREN + INTERVIEWS
        and interviews == INTERVIEWS
        and doubled_interviews == 0
        and tally.interviews_refused == 0
        and sum(texts.values()) == TEXTS
        and doubled_texts == 0
        and not any(status.startswith("500") for status in tally.statuses)
    )
    rows.append(f"| Nothing lost, nothing doubled, no 500 | {yes_no(ok)} |")
    return rows


def _restart_postgres() -> float:
    data = os.environ["HOMEWARD_TEST_POSTGRES_DATA"]
    pg_ctl = str(Path(os.environ["HOMEWARD_TEST_POSTGRES_BIN"]) / "pg_ctl")
    command = [pg_ctl, "-D", data, "-m", "fast", "-w", "restart"]
    if os.getuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    started = time.monotonic()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
    return time.monotonic() - started


def postgres_restart(app: Flask, database_url: str) -> list[str]:
    with app.app_context():
        _client, key = create_api_key("restart", [Scope.EPISODES_READ])
        db.session.commit()
    port = free_port()
    with FakeTwilio() as fake:
        extra = {
            "TWILIO_FROM": SERVICE_NUMBER,
            "TWILIO_ACCOUNT_SID": fake.account_sid,
            "TWILIO_AUTH_TOKEN": fake.auth_token,
            "TWILIO_API_BASE_URL": fake.base_url,
            "SMS_QUIET_HOURS": "00:00-00:00",
        }
        env = _environment(database_url, f"http://127.0.0.1:{port}", extra)
        server = Server(env, port)
        server.start()
        worker = subprocess.Popen(  # noqa: S603
            [str(BIN / "flask"), "--app", "wsgi", "worker", "--interval", "0.2"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        statuses: Counter[str] = Counter()
        stop = threading.Event()

        def client() -> None:
            while not stop.is_set():
                for path in ("/healthz", "/api/v1/episodes/1"):
                    try:
                        response = requests.get(
                            server.base + path,
                            headers={"Authorization": f"Bearer {key}"},
                            timeout=5,
                        )
                        statuses[str(response.status_code)] += 1
                    except requests.RequestException:
                        statuses["no answer"] += 1
                time.sleep(0.05)

        threads = [threading.Thread(target=client) for _ in range(3)]
        for thread in threads:
            thread.start()
        time.sleep(2)
        outage = _restart_postgres()
        restarted = time.monotonic()
        recovered = None
        while time.monotonic() - restarted < 60:
            try:
                if requests.get(server.base + "/healthz", timeout=5).status_code == 200:
                    recovered = time.monotonic() - restarted
                    break
            except requests.RequestException:
                pass
            time.sleep(0.1)
        time.sleep(2)
        stop.set()
        for thread in threads:
            thread.join()
        with app.app_context():
            db.engine.dispose()
            message = queue(
                phone="+447700900999",
                body="Invented text queued after the restart",
                kind=MessageKind.MANUAL,
            )
            db.session.commit()
            message_id = message.id
        sent_after = None
        waited = time.monotonic()
        while time.monotonic() - waited < 30:
            with app.app_context():
                status = db.session.scalar(
                    sa.select(SmsMessage.status).where(SmsMessage.id == message_id)
                )
            if status not in (SendStatus.PENDING, SendStatus.SENDING):
                sent_after = time.monotonic() - waited
                break
            time.sleep(0.2)
        worker_alive = worker.poll() is None
        worker.terminate()
        worker.wait(timeout=30)
        server_alive = server.process is not None and server.process.poll() is None
        server.stop()
    ok = "500" not in statuses and recovered is not None and sent_after is not None
    return [
        "| Check | Result |",
        "|---|---|",
        f"| PostgreSQL restart (`pg_ctl restart -m fast`) took | {outage:.1f} s |",
        f"| Requests meanwhile | {', '.join(f'{k}: {v}' for k, v in sorted(statuses.items()))} |",
        f"| Serving again after the restart | {recovered:.1f} s, with no restart of the app |"
        if recovered is not None
        else "| Serving again after the restart | NO |",
        f"| Text queued after the restart sent by the same worker | after {sent_after:.1f} s |"
        if sent_after is not None
        else "| Text queued after the restart sent by the same worker | NO |",
        f"| gunicorn and the worker still running | {yes_no(server_alive and worker_alive)} |",
        f"| No 500, recovery without a person | {yes_no(ok)} |",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=12)
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgresql"):
        raise SystemExit("Set DATABASE_URL to an empty PostgreSQL database (see the docstring).")
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url})
    kills = web_kills(app, database_url, args.kills)
    print("\n".join(kills), flush=True)
    restart = postgres_restart(app, database_url)
    print("\n".join(restart), flush=True)
    today = date.today().isoformat()
    write_section(
        "web-kills",
        "SIGKILL of web processes during episode posts, inbound texts and interview saves",
        f"`python -m bench.reliability --kills {args.kills}`, {today}, PostgreSQL.\n\n"
        + "\n".join(kills),
        doc=DOC,
    )
    write_section(
        "postgres-restart",
        "PostgreSQL restarted while the app runs",
        f"`python -m bench.reliability`, {today}.\n\n" + "\n".join(restart),
        doc=DOC,
    )
    if any(row.endswith("NO |") for row in kills + restart):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
