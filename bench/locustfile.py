"""Load-test users (Locust): workers, managers, participation officers, the police API, Twilio.

Run by ``bench/load.py``, which loads the county-sized history, makes the
accounts and writes them to the JSON file named by ``HOMEWARD_LOAD_ACCOUNTS``.
Each simulated person signs in once (password and security code, as a person
does) with an account of their own, then works through a realistic mix of
pages. Requests are grouped by page name so the report has one row per page.
Every request's start, time taken and outcome are written to the JSON file
named by ``HOMEWARD_LOAD_SAMPLES`` when Locust stops, so ``bench/load.py`` can
report the steady state after everyone has signed in.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pyotp
from locust import FastHttpUser, between, events, task
from twilio.request_validator import RequestValidator

ACCOUNTS = json.loads(Path(os.environ["HOMEWARD_LOAD_ACCOUNTS"]).read_text())
LONDON = ZoneInfo("Europe/London")
_TOKEN = re.compile(r'<input[^>]*name="csrf_token"[^>]*value="([^"]+)"')
_VERSION = re.compile(r'<input[^>]*name="version"[^>]*value="(\d+)"')
_pools = {role: itertools.cycle(ACCOUNTS[role]) for role in ("workers", "managers", "officers")}
_samples: list[tuple[str, float, float, bool]] = []  # page, started (epoch s), ms, succeeded


@events.request.add_listener
def _sample(
    request_type: str,
    name: str,
    response_time: float,
    exception: BaseException | None = None,
    start_time: float | None = None,
    **_ignored: object,
) -> None:
    started = start_time if start_time is not None else 0.0
    _samples.append((f"{request_type} {name}", started, response_time, exception is None))


@events.quitting.add_listener
def _write_samples(**_ignored: object) -> None:
    Path(os.environ["HOMEWARD_LOAD_SAMPLES"]).write_text(json.dumps(_samples))


# Locust's FastHttpUser (geventhttpclient) is light on the CPU the app shares with it;
# it sends bodies as given, so forms are encoded here (repeated fields included).
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def _form(fields: dict[str, object]) -> str:
    return urlencode(fields, doseq=True)


def _token(html: str) -> str:
    found = _TOKEN.search(html)
    assert found, "no CSRF token on the page"
    return found.group(1)


class Staff(FastHttpUser):
    """A member of staff: signs in with password and security code, then browses."""

    abstract = True
    wait_time = between(1, 3)
    role = ""

    def on_start(self) -> None:
        self.account = next(_pools[self.role])
        page = self.client.get("/sign-in", name="sign in").text
        self.client.post(
            "/sign-in",
            headers=FORM,
            data=_form(
                {
                    "csrf_token": _token(page),
                    "email": self.account["email"],
                    "password": self.account["password"],
                }
            ),
            name="sign in",
        )
        page = self.client.get("/sign-in/security-code", name="sign in").text
        code = pyotp.TOTP(self.account["totp_secret"]).now()
        response = self.client.post(
            "/sign-in/security-code",
            headers=FORM,
            data=_form({"csrf_token": _token(page), "code": code}),
            name="sign in",
            allow_redirects=False,
        )
        assert response.status_code == 302, f"sign-in failed: {response.status_code}"


class Worker(Staff):
    weight = 6
    role = "workers"

    @task(4)
    def caseload(self) -> None:
        self.client.get("/returns/caseload", name="My caseload")

    @task(3)
    def child_page(self) -> None:
        case_ref = random.choice(self.account["case_refs"])  # noqa: S311
        self.client.get(f"/children/{case_ref}", name="Child page")

    @task(2)
    def rhi_page(self) -> None:
        rhi_id = random.choice(self.account["rhi_ids"])  # noqa: S311
        self.client.get(f"/returns/{rhi_id}", name="An RHI")

    @task(1)
    def record_and_submit(self) -> None:
        if not self.account["to_record"]:
            return
        rhi_id = self.account["to_record"].pop()
        path = f"/returns/{rhi_id}/interview"
        page = self.client.get(path, name="Record an interview (form)").text
        version = _VERSION.search(page)
        held = (datetime.now(UTC) - timedelta(hours=2)).astimezone(LONDON)
        self.client.post(
            path,
            headers=FORM,
            data=_form(
                {
                    "csrf_token": _token(page),
                    "version": version.group(1) if version else "0",
                    "method": "face_to_face",
                    "held_date": [str(held.day), str(held.month), str(held.year)],
                    "held_time": held.strftime("%H:%M"),
                    "push_factors": ["boundaries"],
                    "harm": "None disclosed (invented load-test text)",
                    "child_words": "I needed a break (invented load-test text).",
                    "worker_analysis": "Invented load-test analysis.",
                    "submit_interview": "y",
                }
            ),
            name="Record an interview (submit)",
        )


class Manager(Staff):
    weight = 2
    role = "managers"

    @task(3)
    def due(self) -> None:
        self.client.get("/returns/due", name="Returns due")

    @task(2)
    def timeliness(self) -> None:
        self.client.get("/insights/timeliness", name="RHI timeliness")

    @task(1)
    def hotspots(self) -> None:
        self.client.get("/insights/hotspots", name="Hotspots")

    @task(1)
    def repeat_missing(self) -> None:
        self.client.get("/meetings", name="Repeat missing")

    @task(1)
    def panel_pack(self) -> None:
        self.client.get(f"/insights/panels/mmh?month={ACCOUNTS['month']}", name="Panel pack")


class Officer(Staff):
    weight = 1
    role = "officers"

    @task(3)
    def review_queue(self) -> None:
        self.client.get("/themes/review", name="Theme review")

    @task(1)
    def reasons(self) -> None:
        self.client.get("/insights/reasons", name="Reasons for missing")


class PoliceApi(FastHttpUser):
    """The police system posting new missing episodes through API v1."""

    weight = 1
    wait_time = between(2, 5)

    @task
    def post_episode(self) -> None:
        started = datetime.now(UTC) - timedelta(hours=random.randint(2, 48))  # noqa: S311
        with self.client.post(
            "/api/v1/episodes",
            json={
                "case_ref": random.choice(ACCOUNTS["api_case_refs"]),  # noqa: S311
                "started_at": started.replace(microsecond=0).isoformat(),
                "category": "M",
                "risk_grade": "medium",
            },
            headers={
                "Authorization": f"Bearer {ACCOUNTS['api_key']}",
                "Idempotency-Key": str(uuid.uuid4()),
            },
            name="API: post an episode",
            catch_response=True,
        ) as response:
            # 409: the child already has an episode then (the overlap rule), a right answer.
            if response.status_code in (201, 409):
                response.success()


class Twilio(FastHttpUser):
    """Twilio delivering young people's replies to the inbound webhook, signed."""

    weight = 1
    wait_time = between(2, 5)

    @task
    def inbound(self) -> None:
        params = {
            "MessageSid": "SM" + uuid.uuid4().hex,
            "AccountSid": ACCOUNTS["twilio_account_sid"],
            "From": random.choice(ACCOUNTS["phones"]),  # noqa: S311
            "To": ACCOUNTS["twilio_from"],
            "Body": random.choice(("4", "yes", "It was ok thanks", "no", "5")),  # noqa: S311
        }
        url = ACCOUNTS["public_base_url"] + "/sms/inbound"
        signature = RequestValidator(ACCOUNTS["twilio_auth_token"]).compute_signature(url, params)
        self.client.post(
            "/sms/inbound",
            data=urlencode(params),
            headers={**FORM, "X-Twilio-Signature": signature},
            name="Webhook: inbound text",
        )
