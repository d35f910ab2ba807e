"""The 72-hour clock, the RHI state machine, and the rules on episodes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.auth.roles import Role
from rhi.database import utcnow
from rhi.domain import Conflict, RuleBroken
from rhi.episodes.services import record_return
from rhi.extensions import db
from rhi.interviews.models import RhiTransition
from rhi.interviews.services import (
    IllegalTransition,
    allocate,
    change_status,
    cover_with,
    due_list,
    other_open_rhis,
    rag,
)
from rhi.interviews.vocabulary import TRANSITIONS, Rag, RhiStatus
from rhi.meetings.models import MeetingTask
from tests.factories import create_team, create_user
from tests.workflow_factories import create_child, create_episode, create_returned_episode

LONDON = ZoneInfo("Europe/London")


def london(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON).astimezone(UTC)


class TestClock:
    def test_due_72_hours_after_the_return(self, app_ctx):
        child = create_child()
        _episode, rhi = create_returned_episode(child)
        assert rhi.due_at == rhi.episodes[0].returned_at + timedelta(hours=72)
        assert rhi.status == RhiStatus.REQUESTED

    @pytest.mark.parametrize(
        ("returned", "due_local"),
        [
            # Clocks go forward at 01:00 on 29 March 2026: 72 elapsed hours end at 11:00 BST.
            ((2026, 3, 27, 10, 0), (2026, 3, 30, 11, 0)),
            # Clocks go back at 02:00 on 25 October 2026: 72 elapsed hours end at 09:00 GMT.
            ((2026, 10, 23, 10, 0), (2026, 10, 26, 9, 0)),
        ],
    )
    def test_clock_changes_do_not_bend_the_72_hours(self, app_ctx, returned, due_local):
        child = create_child()
        returned_at = london(*returned)
        episode = create_episode(child, started_at=returned_at - timedelta(hours=3))
        rhi = record_return(episode, returned_at=returned_at)
        assert rhi.due_at - returned_at == timedelta(hours=72)
        assert rhi.due_at.astimezone(LONDON).timetuple()[:5] == due_local

    def test_red_amber_green(self, app_ctx):
        child = create_child()
        _episode, rhi = create_returned_episode(child)
        assert rag(rhi, rhi.due_at - timedelta(hours=30)) is Rag.GREEN
        assert rag(rhi, rhi.due_at - timedelta(hours=23)) is Rag.AMBER
        assert rag(rhi, rhi.due_at + timedelta(minutes=1)) is Rag.RED

    def test_due_list_is_soonest_first_and_drops_finished_ones(self, app_ctx):
        first, second = create_child(), create_child()
        _e, later = create_returned_episode(second, started_at=utcnow() - timedelta(hours=10))
        _e, sooner = create_returned_episode(first, started_at=utcnow() - timedelta(hours=40))
        assert [row.rhi.id for row in due_list()] == [sooner.id, later.id]
        change_status(sooner, RhiStatus.OFFERED, by=None)
        change_status(sooner, RhiStatus.DECLINED, by=None, note="Did not want to talk")
        assert [row.rhi.id for row in due_list()] == [later.id]


# Covered is set only by cover_with (tested below), never by change_status.
ALL_PAIRS = [(a, b) for a in RhiStatus if a is not RhiStatus.COVERED for b in RhiStatus]


def _walk_to(rhi, status: RhiStatus) -> None:
    """Take a new RHI to ``status`` by legal moves."""
    paths = {
        RhiStatus.REQUESTED: [],
        RhiStatus.OFFERED: [RhiStatus.OFFERED],
        RhiStatus.ACCEPTED: [RhiStatus.OFFERED, RhiStatus.ACCEPTED],
        RhiStatus.DECLINED: [RhiStatus.OFFERED, RhiStatus.DECLINED],
        RhiStatus.UNABLE_TO_CONTACT: [RhiStatus.UNABLE_TO_CONTACT],
        RhiStatus.SCHEDULED: [RhiStatus.OFFERED, RhiStatus.ACCEPTED, RhiStatus.SCHEDULED],
        RhiStatus.COMPLETED: [
            RhiStatus.OFFERED,
            RhiStatus.ACCEPTED,
            RhiStatus.SCHEDULED,
            RhiStatus.COMPLETED,
        ],
        RhiStatus.RETURNED_FOR_CHANGES: [
            RhiStatus.OFFERED,
            RhiStatus.ACCEPTED,
            RhiStatus.SCHEDULED,
            RhiStatus.COMPLETED,
            RhiStatus.RETURNED_FOR_CHANGES,
        ],
        RhiStatus.SIGNED_OFF: [
            RhiStatus.OFFERED,
            RhiStatus.ACCEPTED,
            RhiStatus.SCHEDULED,
            RhiStatus.COMPLETED,
            RhiStatus.SIGNED_OFF,
        ],
    }
    for step in paths[status]:
        change_status(rhi, step, by=None, note="a reason")


@pytest.mark.parametrize(("start", "to"), ALL_PAIRS, ids=[f"{a}-{b}" for a, b in ALL_PAIRS])
def test_every_transition_is_allowed_or_refused_as_the_workflow_says(app_ctx, start, to):
    child = create_child()
    _episode, rhi = create_returned_episode(child)
    _walk_to(rhi, start)
    assert rhi.status == start
    if to in TRANSITIONS[start]:
        change_status(rhi, to, by=None, note="a reason")
        assert rhi.status == to
    else:
        with pytest.raises(IllegalTransition) as refused:
            change_status(rhi, to, by=None, note="a reason")
        assert refused.value.message.startswith("An interview that is")
        db.session.refresh(rhi)
        assert rhi.status == start


def test_each_change_is_timed_attributed_and_audited(app_ctx):
    worker = create_user(Role.RHI_WORKER)
    child = create_child()
    _episode, rhi = create_returned_episode(child)
    change_status(rhi, RhiStatus.OFFERED, by=worker)
    rows = db.session.scalars(
        sa.select(RhiTransition).where(RhiTransition.rhi_id == rhi.id).order_by(RhiTransition.id)
    ).all()
    assert [(r.from_status, r.to_status) for r in rows] == [
        (None, RhiStatus.REQUESTED),
        (RhiStatus.REQUESTED, RhiStatus.OFFERED),
    ]
    assert rows[-1].by_id == worker.id and rows[-1].at is not None
    event = db.session.scalars(
        sa.select(AuditEvent)
        .where(AuditEvent.action == AuditAction.RHI_STATUS_CHANGED)
        .order_by(AuditEvent.id.desc())
    ).first()
    assert event.actor_id == worker.id and event.detail == {"from": "requested", "to": "offered"}


def test_declining_needs_a_reason(app_ctx):
    _episode, rhi = create_returned_episode(create_child())
    change_status(rhi, RhiStatus.OFFERED, by=None)
    with pytest.raises(RuleBroken, match="reason"):
        change_status(rhi, RhiStatus.DECLINED, by=None, note="  ")


def test_a_stale_version_is_refused(app_ctx):
    _episode, rhi = create_returned_episode(create_child())
    seen = rhi.version
    change_status(rhi, RhiStatus.OFFERED, by=None, expected_version=seen)
    with pytest.raises(Conflict, match="Someone else changed this interview"):
        change_status(rhi, RhiStatus.ACCEPTED, by=None, expected_version=seen)


def test_allocation_only_to_an_active_rhi_worker(app_ctx):
    team = create_team()
    manager = create_user(Role.TEAM_MANAGER, team=team)
    worker = create_user(Role.RHI_WORKER, team=team)
    _episode, rhi = create_returned_episode(create_child(team=team))
    with pytest.raises(RuleBroken, match="active RHI worker"):
        allocate(rhi, manager, by=manager)
    allocate(rhi, worker, by=manager)
    db.session.refresh(rhi)
    assert rhi.allocated_to_id == worker.id


class TestEpisodeRules:
    def test_return_before_start_is_refused(self, app_ctx):
        episode = create_episode(create_child())
        with pytest.raises(RuleBroken, match="after the child went missing") as refused:
            record_return(episode, returned_at=episode.started_at - timedelta(minutes=1))
        assert refused.value.field == "returned_at"

    def test_future_times_are_refused(self, app_ctx):
        child = create_child()
        with pytest.raises(RuleBroken, match="must not be in the future"):
            create_episode(child, started_at=utcnow() + timedelta(hours=2))
        episode = create_episode(child)
        with pytest.raises(RuleBroken, match="must not be in the future"):
            record_return(episode, returned_at=utcnow() + timedelta(hours=2))

    def test_overlapping_episodes_are_refused(self, app_ctx):
        child = create_child()
        first = create_episode(child, started_at=utcnow() - timedelta(hours=20))
        with pytest.raises(Conflict, match="overlaps"):
            create_episode(child, started_at=utcnow() - timedelta(hours=10))
        record_return(first, returned_at=utcnow() - timedelta(hours=12))
        with pytest.raises(Conflict, match="overlaps"):
            create_episode(child, started_at=utcnow() - timedelta(hours=15))
        create_episode(child, started_at=utcnow() - timedelta(hours=11))

    def test_a_second_return_is_refused(self, app_ctx):
        episode, _rhi = create_returned_episode(create_child())
        with pytest.raises(Conflict, match="already has a return"):
            record_return(episode, returned_at=utcnow())

    def test_away_is_only_for_looked_after_children(self, app_ctx):
        with pytest.raises(RuleBroken, match="only for looked-after"):
            create_episode(create_child(legal_status="home"), category="A")
        episode = create_episode(create_child(legal_status="lac"), category="A")
        assert episode.category == "A"

    @pytest.mark.parametrize("grade", ["severe", "", "2"])
    def test_unknown_risk_grades_are_refused(self, app_ctx, grade):
        with pytest.raises(RuleBroken, match="very low, low, medium or high"):
            create_episode(create_child(), risk_grade=grade)

    def test_no_apparent_risk_means_very_low(self, app_ctx):
        assert (
            create_episode(create_child(), risk_grade="No apparent risk").risk_grade == "very_low"
        )

    def test_found_places_are_de_duplicated(self, app_ctx):
        child = create_child()
        first, _ = create_returned_episode(
            child, started_at=utcnow() - timedelta(days=3), found_location="Mansfield Bus Station"
        )
        second, _ = create_returned_episode(
            child,
            started_at=utcnow() - timedelta(days=1),
            found_location="  mansfield bus-station ",
        )
        assert first.found_place_id == second.found_place_id


class TestRepeatRule:
    def tasks(self) -> list[MeetingTask]:
        return list(db.session.scalars(sa.select(MeetingTask).order_by(MeetingTask.id)))

    def episodes_every(self, child, days: int, count: int, first_days_ago: int) -> None:
        start = utcnow() - timedelta(days=first_days_ago)
        for n in range(count):
            create_returned_episode(child, started_at=start + timedelta(days=n * days))

    def test_three_in_90_days_raise_nothing_the_fourth_raises_one(self, app_ctx):
        child = create_child()
        self.episodes_every(child, days=20, count=3, first_days_ago=80)
        assert self.tasks() == []
        create_returned_episode(child, started_at=utcnow() - timedelta(days=10))
        [task] = self.tasks()
        assert task.child_id == child.id and task.episode_count == 4
        event = db.session.scalars(
            sa.select(AuditEvent).where(AuditEvent.action == AuditAction.MEETING_TASK_RAISED)
        ).one()
        assert event.object_id == str(task.id)

    def test_four_spread_over_more_than_90_days_raise_nothing(self, app_ctx):
        child = create_child()
        self.episodes_every(child, days=31, count=4, first_days_ago=100)
        assert self.tasks() == []

    def test_more_episodes_in_the_same_run_do_not_raise_another(self, app_ctx):
        child = create_child()
        self.episodes_every(child, days=5, count=6, first_days_ago=40)
        assert len(self.tasks()) == 1

    def test_the_count_and_window_are_configurable(self, app_ctx):
        app_ctx.config["REPEAT_EPISODES"] = 1
        try:
            child = create_child()
            self.episodes_every(child, days=3, count=2, first_days_ago=10)
            assert len(self.tasks()) == 1
        finally:
            app_ctx.config["REPEAT_EPISODES"] = 3


class TestCovering:
    def two_open(self):
        child = create_child()
        _e1, first = create_returned_episode(child, started_at=utcnow() - timedelta(hours=30))
        _e2, second = create_returned_episode(child, started_at=utcnow() - timedelta(hours=10))
        return first, second

    def test_a_manager_lets_one_interview_cover_two_returns(self, app_ctx):
        manager = create_user(Role.TEAM_MANAGER)
        first, second = self.two_open()
        assert other_open_rhis(second) == [first]
        cover_with(second, first.id, by=manager)
        db.session.refresh(first)
        db.session.refresh(second)
        assert second.status == RhiStatus.COVERED and second.covered_by_id == first.id
        assert len(first.episodes) == 2 and second.episodes == []
        assert [row.rhi.id for row in due_list()] == [first.id]
        last = second.transitions[-1]
        assert (last.from_status, last.to_status, last.by_id) == (
            "requested",
            "covered",
            manager.id,
        )

    def test_only_an_interview_not_yet_offered_can_be_covered(self, app_ctx):
        manager = create_user(Role.TEAM_MANAGER)
        first, second = self.two_open()
        change_status(second, RhiStatus.OFFERED, by=manager)
        with pytest.raises(Conflict, match="not yet offered"):
            cover_with(second, first.id, by=manager)

    def test_the_cover_must_be_open_and_the_same_childs(self, app_ctx):
        manager = create_user(Role.TEAM_MANAGER)
        first, second = self.two_open()
        _e, stranger = create_returned_episode(create_child())
        with pytest.raises(RuleBroken, match="another interview open for this child"):
            cover_with(second, stranger.id, by=manager)
        change_status(first, RhiStatus.UNABLE_TO_CONTACT, by=manager, note="no answer")
        with pytest.raises(RuleBroken, match="another interview open for this child"):
            cover_with(second, first.id, by=manager)
