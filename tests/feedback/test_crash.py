"""Kill the worker (SIGKILL) again and again while it sends; count what Twilio got.

The real ``flask --app wsgi worker`` runs as a separate process against the
test database and the fake Twilio; it is killed at random moments (while
claiming, while a request is in flight, while recording), restarted, and in
the end left to finish. Nothing may be sent twice, and every text must end up
sent, or marked for a person to check when the kill left its outcome unknown.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import sqlalchemy as sa

from feedback.models import SmsMessage
from feedback.outbox import queue
from feedback.vocabulary import MessageKind, SendStatus
from rhi.extensions import db
from tests.fake_twilio import SERVICE_NUMBER, FakeTwilio
from tests.feedback_factories import fresh_mobile

ROOT = Path(__file__).resolve().parents[2]
TEXTS = 60
KILLS = 5


def start_worker(database_url: str, fake: FakeTwilio) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "HOMEWARD_ENV": "test",
        "TWILIO_ACCOUNT_SID": fake.account_sid,
        "TWILIO_AUTH_TOKEN": fake.auth_token,
        "TWILIO_FROM": SERVICE_NUMBER,
        "TWILIO_API_BASE_URL": fake.base_url,
        "SMS_RATE_PER_SECOND": "40",
        "SMS_QUIET_HOURS": "00:00-00:00",
        "LOG_LEVEL": "WARNING",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "wsgi", "worker", "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def pending_count() -> int:
    db.session.rollback()
    return int(
        db.session.scalar(
            sa.select(sa.func.count(SmsMessage.id)).where(SmsMessage.status == SendStatus.PENDING)
        )
        or 0
    )


def test_killing_the_worker_at_random_never_sends_a_text_twice(app_ctx, database_url):
    bodies = [f"crash test text {n}" for n in range(TEXTS)]
    for body in bodies:
        queue(fresh_mobile(), body, MessageKind.MANUAL)
    db.session.commit()
    rng = random.Random(20261126)
    with FakeTwilio() as fake:
        fake.delay_next(0.2, n=TEXTS)  # every request takes a while: kills land mid-send
        for _ in range(KILLS):
            worker = start_worker(database_url, fake)
            time.sleep(rng.uniform(1.2, 2.5))
            worker.send_signal(signal.SIGKILL)
            worker.wait(timeout=10)
        worker = start_worker(database_url, fake)
        deadline = time.monotonic() + 90
        while pending_count() and time.monotonic() < deadline:
            time.sleep(0.5)
        worker.send_signal(signal.SIGTERM)
        _out, errors = worker.communicate(timeout=30)
        assert worker.returncode == 0, errors.decode()[-2000:]
        sent = Counter(request.body for request in fake.requests)

    db.session.rollback()
    messages = db.session.scalars(sa.select(SmsMessage).order_by(SmsMessage.id)).all()
    assert len(messages) == TEXTS
    assert [body for body, count in sent.items() if count > 1] == []  # nothing sent twice
    statuses = Counter(message.status for message in messages)
    print(f"after {KILLS} kills: {dict(statuses)}, {len(fake.requests)} requests")
    assert statuses[SendStatus.PENDING] == 0
    for message in messages:
        if message.status == SendStatus.QUEUED:
            assert sent[message.body] == 1 and message.twilio_sid
        else:
            # The kill left its outcome unknown: a person checks it; never resent by itself.
            assert message.status in (SendStatus.CHECK, SendStatus.SENDING), message.status
            assert sent[message.body] <= 1
    # Every text was either sent or is flagged for a person: none silently lost.
    assert (
        statuses[SendStatus.QUEUED] + statuses[SendStatus.CHECK] + statuses[SendStatus.SENDING]
        == TEXTS
    )
    assert statuses[SendStatus.QUEUED] >= TEXTS - KILLS  # a kill strands at most one text
