"""Insight at county scale: generate a large invented history, then time each report.

    tests/with-postgres.sh bash -c 'DATABASE_URL=$HOMEWARD_TEST_POSTGRES_URL \\
        .venv/bin/python -m bench.county --episodes 250000 --repeat 5'

Loads the demo teams, districts and staff, then bulk-inserts about one child
for every six episodes (40,000 children for 250,000 episodes), places, Return
Home Interviews with their status history and records, theme suggestions on
the records (half reviewed), and repeat-missing meeting tasks, spread over
ten years with a fixed seed. Each insight service is then called
``--repeat`` times (median and slowest reported), and each page is fetched
through the test client signed in as the demo manager, so the page figure
includes rendering. ``--only-annual`` times the annual tables alone (the
1,000,000-episode variant). The database must be empty; the table goes into
docs/benchmarks.md under a section named for the size.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import random
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from flask import Flask
from flask_migrate import upgrade

from bench.pages import _signed_in
from bench.report import write_section
from nlp.taxonomy import SAFETY_THEMES, THEME_IDS
from rhi import create_app
from rhi.auth.models import User
from rhi.children.models import Child
from rhi.demo import load_demo_data
from rhi.episodes.models import Episode, Place
from rhi.extensions import db
from rhi.insights.annex_a import annex_a
from rhi.insights.annual import annual_report
from rhi.insights.cin import factors_for_year
from rhi.insights.filters import InsightFilter, first_of_month, uk_today
from rhi.insights.foi import foi_answer
from rhi.insights.hotspots import hotspots
from rhi.insights.panel import PanelKind, build_pack, last_complete_month
from rhi.insights.reasons import reasons
from rhi.insights.ssda903 import missing_return
from rhi.insights.timeliness import Breakdown, timeliness
from rhi.interviews.models import ReturnInterview, RhiTransition
from rhi.interviews.record import InterviewRecord
from rhi.interviews.record_vocabulary import ExploitationIndicator
from rhi.meetings.models import MeetingTask
from rhi.reference.models import District
from rhi.themes.models import TaggedText, ThemeSuggestion

SEED = 2026
YEARS = 10
BATCH = 5_000
EPISODES_PER_CHILD = 6.25
GENDERS = (("female", 48), ("male", 48), ("non_binary", 2), ("not_known", 2))
LEGAL = (("lac", 35), ("home", 35), ("cin", 20), ("cp", 10))
ETHNICITIES = ("White British", "Mixed", "Asian", "Black", "Other", "Not known")
THEMES = tuple(THEME_IDS)
INDICATORS = tuple(indicator.value for indicator in ExploitationIndicator)


def _weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([value for value, _ in pairs], weights=[w for _, w in pairs])[0]


def _batched(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert(table: Any, rows: Iterator[dict[str, Any]]) -> int:
    count = 0
    for batch in _batched(rows):
        db.session.execute(sa.insert(table), batch)
        count += len(batch)
    db.session.commit()
    return count


# The most episodes one invented child has in ten years: the skew alone gave the
# first child 2,000, which no council sees.
MOST_EPISODES = 150


class County:
    """A fixed-seed invented history of ``episodes`` episodes, inserted in bulk."""

    def __init__(self, episodes: int) -> None:
        self.rng = random.Random(SEED)  # noqa: S311 - invented data, not secrets
        self.episodes = episodes
        self.children = max(10, int(episodes / EPISODES_PER_CHILD))
        self.now = datetime.now(UTC).replace(microsecond=0)
        self.start = self.now - timedelta(days=365 * YEARS)

    def load(self) -> dict[str, int]:
        load_demo_data(records=False)
        districts = db.session.execute(sa.select(District.id, District.team_id)).all()
        self.workers = list(db.session.scalars(sa.select(User.id)))
        counts = {
            "children": _insert(Child.__table__, self._children(districts)),
            "places": _insert(Place.__table__, self._places([d for d, _ in districts])),
        }
        self.child_ids = list(db.session.scalars(sa.select(Child.id).order_by(Child.id)))
        self.place_ids = list(db.session.scalars(sa.select(Place.id)))
        rhi_rows, episode_rows, transitions, records = self._histories()
        counts["rhis"] = _insert(ReturnInterview.__table__, iter(rhi_rows))
        counts["episodes"] = _insert(Episode.__table__, iter(episode_rows))
        counts["transitions"] = _insert(RhiTransition.__table__, iter(transitions))
        counts["records"] = _insert(InterviewRecord.__table__, iter(records))
        counts["tagged texts"], counts["suggestions"] = self._themes(records)
        counts["meetings"] = self._meetings()
        if db.engine.dialect.name == "postgresql":
            # Rows were given their ids: move each id sequence past them, so the
            # app's own inserts (the load test's API posts) get fresh ids.
            for table in db.metadata.sorted_tables:
                if "id" in table.c and table.c.id.autoincrement:
                    db.session.execute(
                        sa.text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "  # noqa: S608
                            f"(SELECT coalesce(max(id), 0) + 1 FROM {table.name}), false)"
                        )
                    )
            db.session.commit()
            with db.engine.connect() as connection:
                connection.execution_options(isolation_level="AUTOCOMMIT").execute(
                    sa.text("VACUUM ANALYZE")
                )
        return counts

    def _children(self, districts: Any) -> Iterator[dict[str, Any]]:
        rng = self.rng
        for n in range(self.children):
            district_id, team_id = rng.choice(districts)
            born = date(2007, 1, 1) + timedelta(days=rng.randrange(365 * 10))
            yield {
                "case_ref": f"CB{n:07d}",
                "given_name": "Bench",
                "family_name": f"Child {n}",
                "date_of_birth": born,
                "gender": _weighted(rng, GENDERS),
                "ethnicity": rng.choice(ETHNICITIES),
                "district_id": district_id,
                "legal_status": _weighted(rng, LEGAL),
                "vulnerabilities": [],
                "team_id": team_id,
            }

    def _places(self, district_ids: list[int]) -> Iterator[dict[str, Any]]:
        for n in range(max(50, self.episodes // 100)):
            yield {
                "name": f"Bench place {n}",
                "match_key": f"bench place {n}",
                "district_id": self.rng.choice(district_ids),
            }

    def _histories(self) -> tuple[list[dict[str, Any]], ...]:
        """Episodes (each with its interview), the interviews' transitions and records.

        Children are picked with a skew (a few go missing very often, as in
        life); ids are given here so episodes can point at their interview.
        """
        rng = self.rng
        span = (self.now - self.start).total_seconds()
        rhis, episodes, transitions, records = [], [], [], []
        per_child: Counter[int] = Counter()
        for n in range(1, self.episodes + 1):
            child_id = self.child_ids[int(len(self.child_ids) * rng.random() ** 2.2)]
            while per_child[child_id] >= MOST_EPISODES:
                child_id = self.child_ids[int(len(self.child_ids) * rng.random() ** 2.2)]
            per_child[child_id] += 1
            started = self.start + timedelta(seconds=int(span * rng.random()))
            hours_missing = min(400.0, rng.lognormvariate(math.log(10), 1.1))
            returned: datetime | None = started + timedelta(hours=hours_missing)
            assert returned is not None
            if returned > self.now or rng.random() < 0.003:
                returned = None
            episode = {
                "id": n,
                "child_id": child_id,
                "category": "A" if rng.random() < 0.15 else "M",
                "started_at": started,
                "returned_at": returned,
                "risk_grade": rng.choice(("very_low", "low", "medium", "high")),
                "found_place_id": rng.choice(self.place_ids)
                if returned and rng.random() < 0.7
                else None,
                "rhi_id": n if returned else None,
                "source": "api",
            }
            episodes.append(episode)
            if returned is None:
                continue
            rhi, steps, record = self._interview(n, child_id, returned)
            rhis.append(rhi)
            transitions.extend(steps)
            if record:
                records.append(record)
        return rhis, episodes, transitions, records

    def _interview(
        self, n: int, child_id: int, returned: datetime
    ) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any] | None]:
        rng = self.rng
        roll = rng.random()
        offered = returned + timedelta(hours=rng.uniform(1, 30))
        held = returned + timedelta(hours=min(600.0, rng.lognormvariate(math.log(50), 0.6)))
        if held > self.now:
            roll = 0.99  # not held yet: still requested
        path = (
            ["offered", "accepted", "scheduled", "completed", "signed_off"]
            if roll < 0.62
            else ["offered", "declined"]
            if roll < 0.78
            else ["unable_to_contact", "offered", "accepted", "scheduled", "completed"]
            if roll < 0.85
            else ["unable_to_contact"]
            if roll < 0.93
            else []
        )
        if not path and returned < self.now - timedelta(days=14):
            # Clocks stop: an interview never offered is closed as unable to contact
            # within days, so only recent ones are still waiting.
            path = ["unable_to_contact"]
        if path and path[-1] == "completed" and returned < self.now - timedelta(days=14):
            # Managers sign interviews off within days: only recent ones still wait,
            # or every worker's caseload would hold years of them.
            path.append("signed_off")
        completed = "completed" in path
        steps = [{"rhi_id": n, "from_status": None, "to_status": "requested", "at": returned}]
        for before, after in zip(["requested", *path], path, strict=False):
            steps.append({"rhi_id": n, "from_status": before, "to_status": after, "at": offered})
        rhi = {
            "id": n,
            "child_id": child_id,
            "status": path[-1] if path else "requested",
            "due_at": returned + timedelta(hours=72),
            "allocated_to_id": rng.choice(self.workers),
            "allocated_at": returned,
            "offered_at": offered if "offered" in path else None,
            "completed_at": held if completed else None,
            "signed_off_at": held + timedelta(days=2) if "signed_off" in path else None,
            "version": 1,
            "ever_accepted": "accepted" in path,
            "ever_declined": "declined" in path,
            "ever_unable_to_contact": "unable_to_contact" in path,
        }
        record = None
        if completed:
            record = {
                "id": n,
                "rhi_id": n,
                "method": "face_to_face",
                "held_at": held,
                "push_factors": [],
                "pull_factors": [],
                "exploitation_indicators": rng.sample(INDICATORS, 1) if rng.random() < 0.08 else [],
                "referrals": [],
                "harm": "Invented bench text.",
                "submitted_at": held,
                "version": 1,
            }
        return rhi, steps, record

    def _themes(self, records: list[dict[str, Any]]) -> tuple[int, int]:
        rng = self.rng
        rows = db.session.execute(sa.select(ReturnInterview.id, ReturnInterview.child_id))
        child_of: dict[int, int] = {rhi_id: child_id for rhi_id, child_id in rows}
        texts, suggestions = [], []
        for record in records:
            texts.append(
                {
                    "id": record["id"],
                    "source": "interview",
                    "source_id": record["id"],
                    "child_id": child_of[record["rhi_id"]],
                    "written_at": record["held_at"],
                    "text_hash": "bench",
                    "model_version": "bench",
                    "urgent": False,
                    "sentiment_label": rng.choice(("pos", "neg", "neu")),
                    "sentiment_polarity": 0.0,
                    "reviewed_at": None,
                }
            )
            reviewed = rng.random() < 0.5
            themes = rng.sample(THEMES, rng.choice((0, 1, 1, 2, 3)))
            # The review queue's marks, as rhi.themes.models keeps them.
            texts[-1]["awaiting_review"] = bool(themes) and not reviewed
            texts[-1]["awaiting_safety_review"] = not reviewed and bool(
                SAFETY_THEMES.intersection(themes)
            )
            if reviewed and themes:
                texts[-1]["reviewed_at"] = record["held_at"] + timedelta(days=3)
            for theme in themes:
                decision = (
                    rng.choice(("accepted", "accepted", "rejected")) if reviewed else "pending"
                )
                suggestions.append(
                    {
                        "text_id": record["id"],
                        "theme": theme,
                        "spans": [],
                        "score": rng.random(),
                        "origin": "tagger",
                        "decision": decision,
                        "decided_at": record["held_at"] + timedelta(days=3) if reviewed else None,
                        "model_version": "bench",
                    }
                )
        return _insert(TaggedText.__table__, iter(texts)), _insert(
            ThemeSuggestion.__table__, iter(suggestions)
        )

    def _meetings(self) -> int:
        """One meeting task for each child's fourth, eighth... episode (a rough repeat rule)."""
        rows = db.session.execute(
            sa.select(Episode.id, Episode.child_id, Episode.started_at).order_by(
                Episode.child_id, Episode.started_at
            )
        ).all()
        tasks: list[dict[str, Any]] = []
        seen: dict[int, int] = {}
        for episode_id, child_id, started in rows:
            seen[child_id] = seen.get(child_id, 0) + 1
            if seen[child_id] % 4 == 0:
                tasks.append(
                    {
                        "child_id": child_id,
                        "trigger_episode_id": episode_id,
                        "episode_count": 4,
                        "window_start": started - timedelta(days=90),
                        "raised_at": started,
                        # Meetings wait weeks, not years: only recent ones are still open.
                        "status": "open" if started > self.now - timedelta(days=45) else "held",
                        "held_on": None
                        if started > self.now - timedelta(days=45)
                        else (started + timedelta(days=14)).date(),
                    }
                )
        return _insert(MeetingTask.__table__, iter(tasks))


def _timed(call: Callable[[], Any], repeat: int) -> tuple[float, float]:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
        db.session.rollback()
    return statistics.median(timings), max(timings)


def _last_year() -> int:
    today = uk_today()
    return today.year - 1 if today.month >= 4 else today.year - 2


def services(only_annual: bool) -> list[tuple[str, Callable[[], Any]]]:
    year = _last_year()
    twelve_months = InsightFilter.default()
    if only_annual:
        return [("Annual report tables", lambda: annual_report(year))]
    return [
        (
            "RHI timeliness by district (12 months)",
            lambda: timeliness(twelve_months, Breakdown.DISTRICT),
        ),
        ("RHI timeliness by month (12 months)", lambda: timeliness(twelve_months, Breakdown.MONTH)),
        (
            "RHI timeliness by worker (12 months)",
            lambda: timeliness(twelve_months, Breakdown.WORKER),
        ),
        ("Hotspots (12 months)", lambda: hotspots(twelve_months)),
        ("FOI figures (a year)", lambda: foi_answer(year)),
        ("Annual report tables", lambda: annual_report(year)),
        ("SSDA903 Missing table", lambda: missing_return(year)),
        ("Annex A List 8 missing columns", lambda: annex_a(uk_today())),
        ("Reasons for missing (12 months)", lambda: reasons(twelve_months)),
        (
            "Panel pack, Multiple Missing and Hotspots (last month, whole council)",
            lambda: build_pack(PanelKind.MMH, last_complete_month(), viewer=_admin()),
        ),
        (
            "Panel pack, CCEP (last month, whole council)",
            lambda: build_pack(PanelKind.CCEP, last_complete_month(), viewer=_admin()),
        ),
        ("CIN factor suggestions (a year)", lambda: factors_for_year(year)),
    ]


def _admin() -> User:
    admin = db.session.scalar(sa.select(User).where(User.role == "admin").order_by(User.id))
    assert admin is not None, "the demo staff are loaded with the county"
    return admin


def pages(only_annual: bool) -> list[tuple[str, str]]:
    year = _last_year()
    if only_annual:
        return [("Annual report tables", f"/insights/returns/annual?year={year}")]
    month = first_of_month(first_of_month(uk_today()) - timedelta(days=1))
    return [
        ("RHI timeliness", "/insights/timeliness"),
        ("RHI timeliness by month", "/insights/timeliness?by=month"),
        ("Hotspots", "/insights/hotspots"),
        ("FOI figures", f"/insights/foi?year={year}"),
        ("Annual report tables", f"/insights/returns/annual?year={year}"),
        ("SSDA903 Missing table", f"/insights/returns/ssda903?year={year}"),
        ("Panel pack (Multiple Missing and Hotspots)", f"/insights/panels/mmh?month={month:%Y-%m}"),
        ("Panel pack PDF", f"/insights/panels/mmh.pdf?month={month:%Y-%m}"),
        ("CIN factor suggestions", f"/insights/returns/cin-factors?year={year}"),
        ("Reasons for missing", "/insights/reasons"),
    ]


def _page_timings(app: Flask, repeat: int, only_annual: bool) -> list[str]:
    client = _signed_in(app, "manager")
    rows = []
    for name, path in pages(only_annual):
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
        if response.status_code == 404:
            continue  # a page this build does not have yet
        assert response.status_code == 200, (path, response.status_code)
        median, slowest = statistics.median(timings), max(timings)
        rows.append(f"| {name} (page) | `{path}` | {median:.0f} ms | {slowest:.0f} ms |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=250_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only-annual", action="store_true")
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL")
    if not database_url:
        raise SystemExit("Set DATABASE_URL to an empty database (see the docstring).")
    # The dashboards' short-lived cache is off: every run measures the counting itself.
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": database_url, "HOMEWARD_DEMO": True, "INSIGHT_CACHE_SECONDS": 0}
    )
    with app.app_context():
        upgrade()
        started = time.perf_counter()
        counts = County(args.episodes).load()
        loaded = time.perf_counter() - started
        print(f"loaded in {loaded:.0f} s: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
        rows = []
        for name, call in services(args.only_annual):
            median, slowest = _timed(call, args.repeat)
            rows.append(f"| {name} | service | {median:.0f} ms | {slowest:.0f} ms |")
            print(rows[-1], flush=True)
    rows += _page_timings(app, args.repeat, args.only_annual)
    table = "| Report | Called as | Median | Slowest |\n|---|---|---|---|\n" + "\n".join(rows)
    print(table)
    engine = database_url.split(":", 1)[0]
    body = (
        f"`python -m bench.county --episodes {args.episodes}"
        f"{' --only-annual' if args.only_annual else ''} --repeat {args.repeat}`, "
        f"{date.today().isoformat()}, {engine} (the throwaway server of `tests/with-postgres.sh`, "
        f"fsync off), {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs. "
        f"Invented history loaded in {loaded:.0f} s: "
        + ", ".join(f"{v:,} {k}" for k, v in counts.items())
        + ". Services are called directly; pages go through the test client signed in as "
        "the demo team manager, so they include rendering.\n\n" + table
    )
    write_section(
        f"county-{args.episodes}", f"Insight at county scale: {args.episodes:,} episodes", body
    )


if __name__ == "__main__":
    main()
