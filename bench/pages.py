"""How fast the busiest pages answer with the demo data loaded.

    HOMEWARD_DEMO=1 DATABASE_URL=sqlite:///instance/homeward.db .venv/bin/python -m bench.pages

Signs in as each demo account (through the real sign-in and security code),
requests each page ``--repeat`` times in one process, and reports the median
and the 95th percentile. Run ``make demo-data`` (and ``flask themes tag``)
first. Load from many users at once is issue 8's Locust test; this is the
single-user figure.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date

import pyotp
import sqlalchemy as sa
from bs4 import BeautifulSoup

from bench.report import write_section
from rhi import create_app
from rhi.auth.models import User
from rhi.children.models import Child
from rhi.database import utcnow
from rhi.demo import DEMO_PASSWORD, demo_email
from rhi.extensions import db
from rhi.interviews.models import ReturnInterview


def _token(html: str) -> str:
    found = BeautifulSoup(html, "html.parser").find("input", attrs={"name": "csrf_token"})
    assert found is not None, "no CSRF token"
    return str(found["value"])


def _signed_in(app, local_part: str):  # type: ignore[no-untyped-def]
    client = app.test_client()
    email = demo_email(local_part)
    page = client.get("/sign-in").get_data(as_text=True)
    client.post(
        "/sign-in", data={"csrf_token": _token(page), "email": email, "password": DEMO_PASSWORD}
    )
    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.email == email))
        assert user is not None and user.totp_secret
        totp = pyotp.TOTP(user.totp_secret)
        step = totp.timecode(utcnow())
        if user.totp_last_step is not None and step <= user.totp_last_step:
            step = user.totp_last_step + 1
        code = totp.generate_otp(step)
    page = client.get("/sign-in/security-code").get_data(as_text=True)
    answer = client.post("/sign-in/security-code", data={"csrf_token": _token(page), "code": code})
    assert answer.status_code == 302 and answer.headers["Location"] == "/", answer.status_code
    return client


def _time(client, path: str, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    app = create_app({"INSIGHT_CACHE_SECONDS": 0})  # measure the work, not the cache
    with app.app_context():
        manager = db.session.scalar(sa.select(User).where(User.email == demo_email("manager")))
        assert manager is not None, "load the demo data first"
        team_children = sa.select(Child.id).where(Child.team_id == manager.team_id)
        busiest = db.session.scalars(
            sa.select(Child.case_ref)
            .join(Child.episodes)
            .where(Child.id.in_(team_children))
            .group_by(Child.id, Child.case_ref)
            .order_by(sa.func.count().desc())
        ).first()
        some_rhi = db.session.scalar(
            sa.select(sa.func.max(ReturnInterview.id)).where(
                ReturnInterview.child_id.in_(team_children)
            )
        )
    pages = [
        ("manager", "Returns due", "/returns/due"),
        ("manager", "Repeat missing", "/meetings"),
        ("worker", "My caseload", "/returns/caseload"),
        ("manager", "Child page (the child with most episodes)", f"/children/{busiest}"),
        ("manager", "An RHI", f"/returns/{some_rhi}"),
        ("manager", "Messages", "/messages"),
        ("manager", "Urgent texts", "/urgent"),
        ("participation", "Theme review", "/themes/review"),
        ("participation", "Survey results", "/surveys/results"),
    ]
    clients = {}
    rows = []
    for account, name, path in pages:
        if account not in clients:
            clients[account] = _signed_in(app, account)
        timings = sorted(_time(clients[account], path, args.repeat))
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        rows.append(f"| {name} | `{path}` | {statistics.median(timings):.1f} ms | {p95:.1f} ms |")
    table = "| Page | Path | Median | 95th percentile |\n|---|---|---|---|\n" + "\n".join(rows)
    print(table)
    body = (
        f"`python -m bench.pages --repeat {args.repeat}`, {date.today().isoformat()}, one user at "
        "a time through the Flask test client (no network), the demo data loaded "
        f"({app.config['SQLALCHEMY_DATABASE_URI'].split(':', 1)[0]}).\n\n" + table
    )
    write_section("pages", "Pages with the demo data", body)


if __name__ == "__main__":
    main()
