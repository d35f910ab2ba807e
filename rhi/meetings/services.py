"""The repeat-missing rule: more than 3 episodes in 90 days raises a meeting task.

The count and window come from configuration (``REPEAT_MISSING_EPISODES``,
``REPEAT_MISSING_WINDOW_DAYS``). A task is raised once for a run of episodes:
while the last task's trigger is still inside the window, further episodes do
not raise another; once it has left the window and the count is still over
the threshold, a new task is raised (the pattern is still going on).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.orm import joinedload

from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.auth.models import User
from rhi.children.access import can_see
from rhi.children.models import Child
from rhi.database import transactional, utcnow
from rhi.domain import Conflict, RuleBroken
from rhi.episodes.models import Episode
from rhi.extensions import db
from rhi.meetings.models import MeetingStatus, MeetingTask

LONDON = ZoneInfo("Europe/London")
# Meetings already held that the list shows under the open ones.
RECENTLY_HELD = 20
OUTCOME_MAX = 5000


def apply_repeat_rule(child: Child, episode: Episode) -> MeetingTask | None:
    """Raise a meeting task if ``episode`` takes ``child`` over the threshold."""
    window = current_app.config["REPEAT_WINDOW"]
    threshold = current_app.config["REPEAT_EPISODES"]
    window_start = episode.started_at - window
    count = db.session.scalar(
        sa.select(sa.func.count(Episode.id)).where(
            Episode.child_id == child.id,
            Episode.started_at > window_start,
            Episode.started_at <= episode.started_at,
        )
    )
    if not count or count <= threshold:
        return None
    already = db.session.scalar(
        sa.select(MeetingTask.id)
        .join(Episode, Episode.id == MeetingTask.trigger_episode_id)
        .where(MeetingTask.child_id == child.id, Episode.started_at > window_start)
        .limit(1)
    )
    if already is not None:
        return None
    task = MeetingTask(
        child=child, trigger_episode_id=episode.id, episode_count=count, window_start=window_start
    )
    db.session.add(task)
    db.session.flush()
    record(AuditAction.MEETING_TASK_RAISED, object_type="meeting_task", object_id=task.id)
    return task


@dataclass(frozen=True)
class MeetingRow:
    task: MeetingTask
    window_end: datetime  # when the episode that crossed the threshold began


def _rows(tasks: list[MeetingTask]) -> list[MeetingRow]:
    window = current_app.config["REPEAT_WINDOW"]
    return [MeetingRow(task, task.window_start + window) for task in tasks]


def _team_tasks(team_id: int | None, status: str) -> sa.Select[MeetingTask]:
    in_team = Child.team_id == team_id if team_id is not None else sa.false()
    return (
        sa.select(MeetingTask)
        .join(MeetingTask.child)
        .where(in_team, MeetingTask.status == status)
        .options(joinedload(MeetingTask.child))
    )


def open_meetings(team_id: int | None) -> list[MeetingRow]:
    """The team's meetings still to hold, the longest waiting first."""
    query = _team_tasks(team_id, MeetingStatus.OPEN).order_by(MeetingTask.raised_at, MeetingTask.id)
    return _rows(list(db.session.scalars(query)))


def recently_held_meetings(team_id: int | None) -> list[MeetingRow]:
    """The team's meetings held most recently, with their outcome."""
    query = (
        _team_tasks(team_id, MeetingStatus.HELD)
        .order_by(MeetingTask.held_on.desc(), MeetingTask.id.desc())
        .limit(RECENTLY_HELD)
    )
    return _rows(list(db.session.scalars(query)))


def meeting_for(user: User, meeting_id: int) -> MeetingRow | None:
    """The meeting if ``user`` may see its child; None alike when missing or out of reach."""
    task = db.session.get(MeetingTask, meeting_id)
    if task is None or not can_see(user, task.child):
        return None
    return _rows([task])[0]


@transactional
def record_meeting(
    task: MeetingTask, held_on: date | None, outcome: str | None, *, by: User
) -> MeetingTask:
    """Record that the meeting was held, when, and what it decided (once only)."""
    if task.status == MeetingStatus.HELD:
        raise Conflict(_("This meeting has already been recorded"))
    if held_on is None:
        raise RuleBroken(_("Enter the date of the meeting"), "held_on")
    today = utcnow().astimezone(LONDON).date()
    if held_on > today:
        raise RuleBroken(_("The date of the meeting must be today or in the past"), "held_on")
    raised = task.raised_at.astimezone(LONDON).date()
    if held_on < raised:
        raise RuleBroken(
            _("The meeting must be on or after the day it was raised"),
            "held_on",
        )
    text = (outcome or "").strip()
    if not text:
        raise RuleBroken(_("Enter the outcome of the meeting"), "outcome")
    if len(text) > OUTCOME_MAX:
        raise RuleBroken(
            _("The outcome must be %(n)s characters or fewer", n=OUTCOME_MAX), "outcome"
        )
    # Only an open task changes: of two managers recording at once, the second is refused.
    changed = db.session.execute(
        sa.update(MeetingTask)
        .where(MeetingTask.id == task.id, MeetingTask.status == MeetingStatus.OPEN)
        .values(status=MeetingStatus.HELD, held_on=held_on, outcome=text)
        .execution_options(synchronize_session=False)
    )
    if getattr(changed, "rowcount", 0) != 1:
        raise Conflict(_("This meeting has already been recorded"))
    db.session.expire(task)
    record(AuditAction.MEETING_RECORDED, object_type="meeting_task", object_id=task.id, actor=by)
    return task
