"""``flask --app wsgi worker``: the outbox dispatcher and the scheduled SMS jobs.

Each round: finish inbound texts left unhandled, apply delivery receipts,
start surveys that are due, send reminders and close expired surveys, send
the outbox (respecting quiet hours and the rate), and tag new replies.
Several workers may run at once on PostgreSQL.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import time
from types import FrameType

import click
from flask import current_app
from flask.cli import with_appcontext

from feedback.dispatch import Pace, dispatch, transport_for
from feedback.inbound import apply_status_events, handle_pending
from feedback.surveys import remind_and_expire, start_due
from feedback.transport import Transport
from rhi.api.services import purge_idempotency_records
from rhi.extensions import db
from rhi.logsafe import error_summary
from rhi.themes.tagging import tag_pending

log = logging.getLogger(__name__)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def run_once(transport: Transport, pace: Pace | None = None) -> dict[str, int]:
    """One round of every job. Returns counts, for the log and the tests."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    counts = {"handled": handle_pending(), "receipts": apply_status_events()}
    counts["started"] = start_due()
    counts["reminded"], counts["expired"] = remind_and_expire()
    report = dispatch(transport, worker=worker_name(), pace=pace, app=app)
    counts.update(sent=report.accepted, retried=report.retried, failed=report.failed)
    counts.update(unknown=report.unknown, stale=report.stale)
    counts["tagged"] = tag_pending()  # interview notes and received texts
    counts["forgotten"] = purge_idempotency_records()
    db.session.remove()
    return counts


@click.command("worker")
@click.option("--once", is_flag=True, help="Run one round of every job, then stop.")
@click.option("--interval", default=1.0, show_default=True, help="Seconds between rounds.")
@with_appcontext
def worker_command(once: bool, interval: float) -> None:
    """Send the outbox and run the SMS survey jobs (keeps running until stopped)."""
    stopping = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    pace = Pace(current_app.config["SMS_RATE_PER_SECOND"])
    transport = transport_for(current_app._get_current_object())  # type: ignore[attr-defined]
    log.info("SMS worker %s started, sending with the %s transport", worker_name(), transport.name)
    while True:
        try:
            counts = run_once(transport, pace)
        except Exception as error:  # keep serving: a database restart must not need a person
            log.error("SMS worker round failed; trying again: %s", error_summary(error))
            db.session.remove()
            counts = {}
        busy = any(counts.get(name) for name in ("sent", "retried", "handled", "started"))
        if busy:
            log.info("SMS worker round: %s", {k: v for k, v in counts.items() if v})
        if once or stopping:
            break
        if not busy:
            time.sleep(interval)
    log.info("SMS worker %s stopped", worker_name())
