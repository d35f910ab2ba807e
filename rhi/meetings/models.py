"""Multi-agency meeting tasks raised by the repeat-missing rule."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rhi.database import UTCDateTime, utcnow
from rhi.extensions import Base

if TYPE_CHECKING:
    from rhi.children.models import Child


class MeetingStatus:
    OPEN = "open"
    HELD = "held"


class MeetingTask(Base):
    """A meeting owed because a child went missing too often in the window.

    ``trigger_episode_id`` is the episode that crossed the threshold; the task
    is raised once for each run of episodes (see rhi.meetings.services).
    """

    __tablename__ = "meeting_task"

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"), index=True)
    trigger_episode_id: Mapped[int] = mapped_column(ForeignKey("episode.id"), unique=True)
    episode_count: Mapped[int] = mapped_column()
    window_start: Mapped[datetime] = mapped_column(UTCDateTime())
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    status: Mapped[str] = mapped_column(String(16), default=MeetingStatus.OPEN, index=True)
    held_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(Text)

    child: Mapped[Child] = relationship()
