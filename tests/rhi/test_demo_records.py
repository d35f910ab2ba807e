"""The demo's invented caseload: its shape, the rules it obeys, and loading it twice.

Loading takes a few seconds, so each database loads the demo once (in a
module fixture) and keeps a plain snapshot of what was stored; the tests
read the snapshot.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from rhi import demo_texts
from rhi.children.models import Child
from rhi.database import utcnow
from rhi.demo import load_demo_data
from rhi.demo_records import COUNT_KEYS, plan_demo
from rhi.episodes.models import Episode, Place
from rhi.extensions import db
from rhi.interviews.models import ReturnInterview, RhiTransition
from rhi.interviews.record import InterviewRecord
from rhi.interviews.vocabulary import CLOCK_RUNNING, DUE_AFTER, RhiStatus
from rhi.meetings.models import MeetingTask
from rhi.reference.models import District
from tests.conftest import empty_database

SAFETY_CUES = {
    "cce": ("country", "package", "trap house", "county line", "debt"),
    "cse": ("nude", "hotel", "boyfriend", "cse concerns:", "sexual activity", "grooming"),
}


@dataclass(frozen=True)
class Snapshot:
    """What the first load stored, and what the second load changed (nothing)."""

    now: datetime
    first: dict[str, int]
    second: dict[str, int]
    totals_before_second: dict[str, int]
    totals_after_second: dict[str, int]
    children: list[Any]
    episodes: list[Any]
    rhis: list[Any]
    transitions: list[Any]
    tasks: list[Any]
    records: list[Any]


def _totals() -> dict[str, int]:
    tables = {
        "children": Child,
        "episodes": Episode,
        "rhis": ReturnInterview,
        "transitions": RhiTransition,
        "meeting_tasks": MeetingTask,
        "interview_records": InterviewRecord,
        "places": Place,
    }
    return {
        name: db.session.scalar(sa.select(sa.func.count()).select_from(model)) or 0
        for name, model in tables.items()
    }


def _rows(query: sa.Select[Any]) -> list[Any]:
    return list(db.session.execute(query).all())


@pytest.fixture(scope="module")
def demo(app: Flask) -> Iterator[Snapshot]:
    empty_database(app)
    with app.app_context():
        first = load_demo_data()
        before = _totals()
        second = load_demo_data()
        after = _totals()
        snapshot = Snapshot(
            now=utcnow(),
            first=first,
            second=second,
            totals_before_second=before,
            totals_after_second=after,
            children=_rows(
                sa.select(
                    Child.id,
                    Child.case_ref,
                    District.code,
                    Child.legal_status,
                    Child.date_of_birth,
                    Child.vulnerabilities,
                    Child.team_id,
                    Child.given_name,
                    Child.family_name,
                ).join(District, District.id == Child.district_id)
            ),
            episodes=_rows(
                sa.select(
                    Episode.child_id,
                    Episode.started_at,
                    Episode.returned_at,
                    Episode.category,
                    Episode.found_place_id,
                    Place.name,
                    Episode.rhi_id,
                    Episode.id,
                ).outerjoin(Place, Place.id == Episode.found_place_id)
            ),
            rhis=_rows(
                sa.select(
                    ReturnInterview.id,
                    ReturnInterview.status,
                    ReturnInterview.due_at,
                    ReturnInterview.offered_at,
                    ReturnInterview.allocated_to_id,
                    ReturnInterview.signed_off_at,
                )
            ),
            transitions=_rows(
                sa.select(
                    RhiTransition.rhi_id,
                    RhiTransition.id,
                    RhiTransition.at,
                    RhiTransition.to_status,
                ).order_by(RhiTransition.rhi_id, RhiTransition.id)
            ),
            tasks=_rows(sa.select(MeetingTask.child_id, MeetingTask.trigger_episode_id)),
            records=_rows(
                sa.select(
                    InterviewRecord.rhi_id,
                    InterviewRecord.child_words,
                    InterviewRecord.worker_analysis,
                    InterviewRecord.push_factors,
                    InterviewRecord.pull_factors,
                    InterviewRecord.method,
                    InterviewRecord.held_at,
                    InterviewRecord.submitted_at,
                )
            ),
        )
        db.session.remove()
    yield snapshot
    empty_database(app)


def test_about_300_children_in_all_seven_districts_weighted_like_the_county(demo):
    assert demo.first["children"] == len(demo.children) == 300
    by_district = Counter(row.code for row in demo.children)
    assert len(by_district) == 7
    assert min(by_district.values()) >= 10
    assert {code for code, _n in by_district.most_common(2)} == {"mansfield", "ashfield"}


def test_children_look_like_a_real_caseload(demo):
    today = date.today()
    statuses = Counter(row.legal_status for row in demo.children)
    assert set(statuses) == {"home", "lac", "cin", "cp"}
    assert statuses["home"] == max(statuses.values())
    assert 0.25 <= statuses["lac"] / len(demo.children) <= 0.42
    ages = {
        today.year
        - row.date_of_birth.year
        - ((today.month, today.day) < row.date_of_birth.timetuple()[1:3])
        for row in demo.children
    }
    assert min(ages) >= 10 and max(ages) <= 17
    assert all(re.fullmatch(r"NC\d{6}", row.case_ref) for row in demo.children)
    neurodivergent = [r for r in demo.children if {"autism", "adhd"} & set(r.vulnerabilities)]
    assert len(neurodivergent) / len(demo.children) >= 0.2
    assert all(row.team_id is not None for row in demo.children)
    names = {f"{row.given_name} {row.family_name}" for row in demo.children}
    assert len(names) == len(demo.children)
    assert not names & demo_texts.NOT_THESE_NAMES


def test_about_1200_episodes_over_two_years_with_a_long_tail(demo):
    assert demo.first["episodes"] == len(demo.episodes)
    assert 1000 <= len(demo.episodes) <= 1400
    assert min(row.started_at for row in demo.episodes) >= demo.now - timedelta(days=731)
    per_child = Counter(row.child_id for row in demo.episodes)
    assert len(per_child) == len(demo.children)  # every child in the demo has gone missing
    one_or_two = sum(1 for n in per_child.values() if n <= 2)
    assert one_or_two / len(per_child) >= 0.55
    assert sum(1 for n in per_child.values() if n >= 10) >= 10
    assert max(per_child.values()) <= 30
    durations = [r.returned_at - r.started_at for r in demo.episodes if r.returned_at]
    assert sum(1 for d in durations if d <= timedelta(hours=4)) / len(durations) > 0.5
    assert any(d > timedelta(days=2) for d in durations)
    assert 1 <= sum(1 for r in demo.episodes if r.returned_at is None) <= 5  # missing right now


def test_no_child_has_overlapping_episodes(demo):
    by_child = defaultdict(list)
    for row in demo.episodes:
        by_child[row.child_id].append(row)
    for rows in by_child.values():
        rows.sort(key=lambda row: row.started_at)
        for earlier, later in pairwise(rows):
            assert earlier.returned_at is not None, "only the latest episode may be open"
            assert earlier.returned_at <= later.started_at


def test_away_from_placement_only_for_looked_after_children(demo):
    status = {row.id: row.legal_status for row in demo.children}
    away = [row for row in demo.episodes if row.category == "A"]
    assert away
    assert {status[row.child_id] for row in away} == {"lac"}


def test_every_rhi_status_with_work_due_soon_and_work_overdue(demo):
    returned = [row for row in demo.episodes if row.returned_at is not None]
    assert demo.first["rhis"] == len(demo.rhis) == len(returned)
    assert all(row.rhi_id is not None for row in returned)
    # Every state a worker or manager moves an RHI through (covering one RHI
    # with another is left for the demo's managers to try).
    moved_through = {str(status) for status in RhiStatus if status is not RhiStatus.COVERED}
    assert {row.status for row in demo.rhis} == moved_through
    running = [row for row in demo.rhis if row.status in CLOCK_RUNNING]
    due_soon = [r for r in running if demo.now < r.due_at <= demo.now + DUE_AFTER]
    overdue = [r for r in running if r.due_at < demo.now]
    never_offered = [r for r in overdue if r.status == RhiStatus.REQUESTED and not r.offered_at]
    assert len(due_soon) >= 3
    assert len(overdue) >= 3
    assert never_offered
    signed_off = [row for row in demo.rhis if row.status == RhiStatus.SIGNED_OFF]
    assert len(signed_off) / len(demo.rhis) > 0.8
    assert all(row.signed_off_at is not None for row in signed_off)
    assert all(row.allocated_to_id for row in demo.rhis if row.status != RhiStatus.REQUESTED)


def test_changes_of_state_are_dated_in_order_after_the_return(demo):
    returned_at = {row.rhi_id: row.returned_at for row in demo.episodes if row.rhi_id}
    previous: dict[int, datetime] = {}
    for row in demo.transitions:
        assert returned_at[row.rhi_id] <= row.at <= demo.now
        assert row.at >= previous.get(row.rhi_id, row.at)
        previous[row.rhi_id] = row.at
    first_states = {row.rhi_id: row.to_status for row in reversed(demo.transitions)}
    assert set(first_states.values()) == {RhiStatus.REQUESTED}


def test_repeat_children_raise_meeting_tasks(demo):
    assert demo.first["meeting_tasks"] == len(demo.tasks) >= 1
    started = {row.id: row.started_at for row in demo.episodes}
    by_child = defaultdict(list)
    for row in demo.episodes:
        by_child[row.child_id].append(row.started_at)
    for task in demo.tasks:
        trigger = started[task.trigger_episode_id]
        window = [s for s in by_child[task.child_id] if trigger - timedelta(days=90) < s <= trigger]
        assert len(window) > 3


def test_places_children_are_found_have_hotspots(demo):
    places = Counter(row.name for row in demo.episodes if row.name)
    assert places.most_common(1)[0][1] >= 10
    hotspots = {name for name, _n in places.most_common(5)}
    assert hotspots & {"Mansfield bus station", "Sutton-in-Ashfield market square"}
    assert any(name.startswith("friend's house, ") for name in places)


def test_interview_records_are_varied_and_match_their_themes(demo):
    records = demo.records
    assert demo.first["interview_records"] == len(records) >= 500
    assert len({r.child_words for r in records}) / len(records) > 0.9
    assert len({r.worker_analysis for r in records}) / len(records) > 0.9
    assert all(r.child_words and r.worker_analysis and r.held_at <= r.submitted_at for r in records)
    assert {r.method for r in records} == {"face_to_face", "phone", "sms"}
    push = Counter(theme for r in records for theme in r.push_factors)
    pull = Counter(theme for r in records for theme in r.pull_factors)
    assert {theme for theme, _n in push.most_common(2)} == {"boundaries", "family_conflict"}
    assert {"risky_adults", "cse", "cce", "offending"} <= set(pull)
    assert any(not r.push_factors and not r.pull_factors for r in records)
    denials = {
        theme: demo_texts.NEGATIONS[theme] + demo_texts.NEGATIONS["all"]
        for theme in ("cse", "cce", "risky_adults")
    }
    for record in records:
        themes = set(record.push_factors) | set(record.pull_factors)
        analysis = record.worker_analysis
        for theme, said in denials.items():
            if theme in themes:
                assert not any(denial in analysis for denial in said), analysis
        for theme, cues in SAFETY_CUES.items():
            if theme in themes:
                assert any(cue in analysis.lower() for cue in cues), analysis
    status = {row.id: row.status for row in demo.rhis}
    recorded = {status[r.rhi_id] for r in records}
    assert recorded == {RhiStatus.COMPLETED, RhiStatus.RETURNED_FOR_CHANGES, RhiStatus.SIGNED_OFF}


def test_loading_twice_adds_nothing(demo):
    assert set(COUNT_KEYS) <= set(demo.first)
    assert demo.second == dict.fromkeys(demo.first, 0)
    assert demo.totals_after_second == demo.totals_before_second


def test_the_plan_is_the_same_every_time():
    now = utcnow()
    first, second = plan_demo(now), plan_demo(now)
    assert [c.data for c in first.children] == [c.data for c in second.children]
    assert [(e.started_at, e.returned_at, e.themes) for e in first.episodes] == [
        (e.started_at, e.returned_at, e.themes) for e in second.episodes
    ]
    later = plan_demo(now + timedelta(days=3))
    assert [c.case_ref for c in later.children] == [c.case_ref for c in first.children]


def test_the_demo_texts_only_reach_numbers_kept_for_drama(app, demo):
    from feedback.models import Contact, Conversation, SmsMessage, UrgentAlert
    from feedback.phones import DRAMA_RANGE

    assert demo.first["text contacts"] > 200 and demo.first["surveys"] > 0
    with app.app_context():
        phones = set(db.session.scalars(sa.select(SmsMessage.phone)))
        phones |= set(db.session.scalars(sa.select(Contact.phone)))
        assert phones and all(phone.startswith(DRAMA_RANGE) for phone in phones)
        languages = set(db.session.scalars(sa.select(Contact.language)))
        assert {"en", "pl", "ro", "ur"} <= languages
        alerts = db.session.scalars(sa.select(UrgentAlert)).all()
        assert len(alerts) == 1 and alerts[0].acknowledged_at is None
        answered = db.session.scalar(
            sa.select(sa.func.count(Conversation.id)).where(Conversation.answers.any())
        )
        assert answered > 0
