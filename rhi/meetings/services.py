"""The repeat-missing rule: more than 3 episodes in 90 days raises a meeting task.

The count and window come from configuration (``REPEAT_MISSING_EPISODES``,
``REPEAT_MISSING_WINDOW_DAYS``). A task is raised once for a run of episodes:
while the last task's trigger is still inside the window, further episodes do
not raise another; once it has left the window and the count is still over
the threshold, a new task is raised (the pattern is still going on).
"""

from __future__ import annotations

import sqlalchemy as sa
from flask import current_app

from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.children.models import Child
from rhi.episodes.models import Episode
from rhi.extensions import db
from rhi.meetings.models import MeetingTask


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
