"""The outbox dispatcher against the fake Twilio: rate achieved, duplicates, losses.

    .venv/bin/python -m bench.sms_dispatch --messages 10000 --rate 100 [--workers 2]

With ``--processes N`` the dispatchers are N real ``flask --app wsgi worker``
processes instead (what a deployment runs, one per host or more), stopped
once the outbox is empty.

Queues ``--messages`` texts, then runs ``--workers`` dispatchers (threads, each
with its own database session and twilio client) until the outbox is empty,
each held to ``--rate`` a second. Uses a fresh SQLite database unless
``DATABASE_URL`` names another (e.g. the throwaway PostgreSQL of the tests).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import date
from pathlib import Path

import sqlalchemy as sa
from flask import Flask
from flask_migrate import upgrade

from bench.report import write_section
from feedback.dispatch import Pace, dispatch, transport_for
from feedback.models import SmsMessage
from feedback.vocabulary import Direction, MessageKind, SendStatus
from rhi import create_app
from rhi.database import utcnow
from rhi.extensions import db
from tests.fake_twilio import SERVICE_NUMBER, FakeTwilio


def _queue(count: int) -> None:
    now = utcnow()
    rows = [
        {
            "direction": Direction.OUTBOUND.value,
            "kind": MessageKind.MANUAL.value,
            "phone": f"+447700{900000 + n % 1000:06d}",
            "body": f"bench text {n}",
            "status": SendStatus.PENDING.value,
            "attempts": 0,
            "next_attempt_at": now,
            "created_at": now,
            "urgent": False,
        }
        for n in range(count)
    ]
    db.session.execute(sa.insert(SmsMessage), rows)
    db.session.commit()


def run(messages: int, rate: float, workers: int, processes: int = 0) -> dict[str, object]:
    database_url = os.environ.get("DATABASE_URL") or (
        "sqlite:///" + os.path.join(tempfile.mkdtemp(prefix="homeward-bench-"), "bench.db")
    )
    with FakeTwilio() as fake:
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": database_url,
                "TWILIO_ACCOUNT_SID": fake.account_sid,
                "TWILIO_AUTH_TOKEN": fake.auth_token,
                "TWILIO_FROM": SERVICE_NUMBER,
                "TWILIO_API_BASE_URL": fake.base_url,
                "SMS_QUIET_HOURS": (utcnow().time(), utcnow().time()),  # never quiet
            }
        )
        with app.app_context():
            upgrade()
            db.session.execute(sa.delete(SmsMessage))
            db.session.commit()
            _queue(messages)
        errors: list[str] = []
        started = time.monotonic()
        if processes:
            _run_processes(app, fake, database_url, rate, processes)
            elapsed = time.monotonic() - started
            workers = processes
        else:
            elapsed = _run_threads(app, rate, workers, errors)
        sent = Counter(request.body for request in fake.requests)
        with app.app_context():
            statuses = Counter(db.session.scalars(sa.select(SmsMessage.status)).all())
            db.engine.dispose()
    return {
        "messages": messages,
        "workers": f"{workers} processes" if processes else workers,
        "rate": rate,
        "elapsed": elapsed,
        "achieved": len(fake.requests) / elapsed,
        "requests": len(fake.requests),
        "duplicates": sum(count - 1 for count in sent.values()),
        "lost": messages - len(sent),
        "queued": statuses[SendStatus.QUEUED],
        "errors": len(errors),
        "database": "PostgreSQL" if database_url.startswith("postgresql") else "SQLite",
        "max_in_a_second": fake.max_requests_in(1.0),
    }


def _waiting(app: Flask) -> int:
    with app.app_context():
        count = db.session.scalar(
            sa.select(sa.func.count(SmsMessage.id)).where(
                SmsMessage.status.in_([SendStatus.PENDING, SendStatus.SENDING])
            )
        )
        db.session.remove()
        return count or 0


def _run_processes(
    app: Flask, fake: FakeTwilio, database_url: str, rate: float, processes: int
) -> None:
    """Real worker processes on one database until the outbox is empty."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "TWILIO_ACCOUNT_SID": fake.account_sid,
        "TWILIO_AUTH_TOKEN": fake.auth_token,
        "TWILIO_FROM": SERVICE_NUMBER,
        "TWILIO_API_BASE_URL": fake.base_url,
        "SMS_RATE_PER_SECOND": str(rate),
        "SMS_QUIET_HOURS": "00:00-00:00",
        "LOG_LEVEL": "WARNING",
    }
    flask = str(Path(sys.executable).parent / "flask")
    workers = [
        subprocess.Popen([flask, "--app", "wsgi", "worker"], env=env)  # noqa: S603 - our venv
        for _ in range(processes)
    ]
    try:
        while _waiting(app):
            if any(worker.poll() is not None for worker in workers):
                raise SystemExit("a worker process stopped")
            time.sleep(0.5)
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)


def _run_threads(app: Flask, rate: float, workers: int, errors: list[str]) -> float:
    """Dispatchers as threads of this process (each its own session and client)."""

    def work(name: str) -> None:
        with app.app_context():
            transport = transport_for(app)
            pace = Pace(rate)
            while True:
                try:
                    report = dispatch(transport, worker=name, pace=pace, limit=50, app=app)
                except Exception as error:
                    errors.append(type(error).__name__)
                    db.session.remove()
                    continue
                if report.claimed == 0:
                    waiting = db.session.scalar(
                        sa.select(sa.func.count(SmsMessage.id)).where(
                            SmsMessage.status == SendStatus.PENDING
                        )
                    )
                    db.session.remove()
                    if not waiting:
                        return

    started = time.monotonic()
    threads = [threading.Thread(target=work, args=(f"bench-{n}",)) for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=100.0, help="per worker, a second")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--processes", type=int, default=0, help="real worker processes instead")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    result = run(args.messages, args.rate, args.workers, args.processes)
    table = (
        "| Database | Workers | Messages | Rate set (each) | Achieved | Busiest second "
        "| Duplicates | Lost | Round errors | Time |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n"
        f"| {result['database']} | {result['workers']} | {result['messages']:,} "
        f"| {result['rate']:.0f}/s | {result['achieved']:.1f}/s | {result['max_in_a_second']} "
        f"| {result['duplicates']} | {result['lost']} | {result['errors']} "
        f"| {result['elapsed']:.1f} s |"
    )
    print(table)
    if not args.no_write:
        body = (
            f"`python -m bench.sms_dispatch --messages {args.messages} --rate {args.rate:.0f} "
            + (f"--processes {args.processes}" if args.processes else f"--workers {args.workers}")
            + f"`, {date.today().isoformat()}, {platform.machine()}, "
            "the real `twilio` client against `tests/fake_twilio.py` on loopback. Duplicates "
            "and losses must be 0.\n\n" + table
        )
        database = str(result["database"])
        name = f"sms-dispatch-{database.lower()}" + ("-processes" if args.processes else "")
        kind = f" ({args.processes} worker processes)" if args.processes else ""
        write_section(name, f"SMS dispatcher on {database}{kind}", body)


if __name__ == "__main__":
    main()
