"""Crash safety under fire: SIGKILL the web processes mid-request, restart PostgreSQL mid-traffic.

    tests/with-postgres.sh bash -c 'DATABASE_URL=$HOMEWARD_TEST_POSTGRES_URL \\
        .venv/bin/python -m bench.reliability --kills 12'

**Web kills.** gunicorn (two processes) serves a stream of work from four
client threads: police API episode posts (each with its Idempotency-Key) and
signed Twilio inbound texts (each with its MessageSid). A killer SIGKILLs a
gunicorn worker, or the whole server, at random moments (``--kills`` times),
restarting the server when it is gone. A client whose request died (no
answer, or a 5xx) sends the *same* request again, as the police system and
Twilio do. In the end every episode must exist exactly once with its one
interview, and every text once: nothing acknowledged lost, nothing doubled.

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
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import psutil
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
from rhi.children.services import save_child
from rhi.demo import load_demo_data
from rhi.episodes.models import Episode
from rhi.extensions import db
from rhi.interviews.models import ReturnInterview
from tests.fake_twilio import SERVICE_NUMBER, FakeTwilio

BIN = Path(sys.executable).parent
DOC = Path(__file__).resolve().parent.parent / "docs" / "reliability.md"
TOKEN = "reliability-twilio-token"  # noqa: S105 - a fake Twilio's token on loopback
ACCOUNT = "AC" + "1" * 32
CHILDREN = 300
TEXTS = 300


@dataclass
class Tally:
    sent: int = 0
    retried: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, status: str, retry: bool) -> None:
        with self.lock:
            self.sent += 1
            self.retried += int(retry)
            self.statuses[status] += 1


class Server:
    """gunicorn serving wsgi:app on loopback, restartable."""

    def __init__(self, env: dict[str, str], port: int) -> None:
        self.env, self.port = env, port
        self.base = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen[bytes] | None = None

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
            stderr=subprocess.DEVNULL,
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


def _setup(app: Flask) -> tuple[str, list[str]]:
    with app.app_context():
        upgrade()
        load_demo_data(records=False)
        refs = []
        for n in range(CHILDREN):
            ref = f"RL{n:05d}"
            save_child(
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
            refs.append(ref)
        _client, key = create_api_key("reliability", [Scope.EPISODES_WRITE, Scope.EPISODES_READ])
        db.session.commit()
    return key, refs


def yes_no(value: bool) -> str:
    return "yes" if value else "NO"


def _until_answered(send: Any, tally: Tally, deadline: float) -> requests.Response:
    """Send until the app gives a definite answer (not a dead connection or a 5xx)."""
    retry = False
    while time.monotonic() < deadline:
        try:
            response = send()
        except requests.RequestException:
            tally.note("no answer", retry)
            retry = True
            time.sleep(0.2)
            continue
        tally.note(str(response.status_code), retry)
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
        first = _until_answered(_post(base, "/api/v1/episodes", key, episode), tally, deadline)
        path = f"/api/v1/episodes/{first.json()['id']}/return"
        _until_answered(_post(base, path, key, back), tally, deadline)

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

        _until_answered(send, tally, deadline)

    return run


def web_kills(app: Flask, database_url: str, kills: int) -> list[str]:
    key, refs = _setup(app)
    port = free_port()
    server = Server(_environment(database_url, f"http://127.0.0.1:{port}"), port)
    server.start()
    work = [_missing_and_back(server.base, key, ref) for ref in refs]
    work += [_text_sender(server.base, n) for n in range(TEXTS)]
    random.Random(11).shuffle(work)  # noqa: S311 - an order, not a secret
    tally = Tally()
    deadline = time.monotonic() + 600
    pending = list(work)
    lock = threading.Lock()

    def client() -> None:
        while True:
            with lock:
                if not pending:
                    return
                run = pending.pop()
            run(tally, deadline)

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
    threads = [threading.Thread(target=client) for _ in range(4)]
    chaos = threading.Thread(target=killer)
    for thread in [*threads, chaos]:
        thread.start()
    for thread in [*threads, chaos]:
        thread.join()
    elapsed = time.monotonic() - started
    server.stop()
    with app.app_context():
        per_child = Counter(db.session.scalars(sa.select(Episode.child_id)).all())
        rhis = db.session.scalar(sa.select(sa.func.count(ReturnInterview.id))) or 0
        texts = Counter(
            db.session.scalars(
                sa.select(SmsMessage.twilio_sid).where(SmsMessage.twilio_sid.like("SM%"))
            ).all()
        )
    doubled_episodes = sum(1 for count in per_child.values() if count > 1)
    doubled_texts = sum(1 for count in texts.values() if count > 1)
    killed = ", ".join(f"{v} {k}" for k, v in done_kills.items())
    got = ", ".join(f"{k}: {v}" for k, v in sorted(tally.statuses.items()))
    stored = sum(per_child.values())
    rows = [
        "| Check | Result |",
        "|---|---|",
        f"| Kills | {kills} ({killed}) in {elapsed:.0f} s |",
        f"| Requests sent | {tally.sent} ({tally.retried} resends after a dead request) |",
        f"| What the requests got | {got} |",
        f"| Episodes posted / stored / children with two | {CHILDREN} / {stored} / "
        f"{doubled_episodes} |",
        f"| Returns posted / interviews opened | {CHILDREN} / {rhis} |",
        f"| Texts from Twilio / stored / stored twice | {TEXTS} / {sum(texts.values())} / "
        f"{doubled_texts} |",
    ]
    ok = (
        sum(per_child.values()) == CHILDREN
        and doubled_episodes == 0
        and rhis == CHILDREN
        and sum(texts.values()) == TEXTS
        and doubled_texts == 0
        and "500" not in tally.statuses
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
        "SIGKILL of web processes during episode posts and inbound texts",
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
