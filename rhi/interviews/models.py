"""Return Home Interviews: the record, its clock, and every change of state."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rhi.database import UTCDateTime, utcnow
from rhi.extensions import Base
from rhi.interviews.vocabulary import RhiStatus

if TYPE_CHECKING:
    from rhi.auth.models import User
    from rhi.children.models import Child
    from rhi.episodes.models import Episode
    from rhi.interviews.record import InterviewRecord


class ReturnInterview(Base):
    """One RHI, covering one or more episodes of one child.

    ``version`` guards against two people saving the same interview at once:
    the second save is refused rather than silently overwriting the first.
    """

    __tablename__ = "return_interview"

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"), index=True)
    status: Mapped[str] = mapped_column(String(24), default=RhiStatus.REQUESTED, index=True)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    allocated_to_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"), index=True)
    allocated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    offered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decline_reason: Mapped[str | None] = mapped_column(Text)
    scheduled_for: Mapped[datetime | None] = mapped_column(UTCDateTime())
    scheduled_place: Mapped[str | None] = mapped_column(String(200))
    method: Mapped[str | None] = mapped_column(String(16))
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    signed_off_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    signed_off_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    manager_comments: Mapped[str | None] = mapped_column(Text)
    # Set when a manager folds this RHI's episodes into another RHI open for the child.
    covered_by_id: Mapped[int | None] = mapped_column(ForeignKey("return_interview.id"))
    version: Mapped[int] = mapped_column(default=1)
    # Whether the interview was ever accepted, declined or unable to contact,
    # whatever it is now: kept with every transition (services._log) so the
    # insight counts need not search the whole history.
    ever_accepted: Mapped[bool] = mapped_column(default=False, server_default=false())
    ever_declined: Mapped[bool] = mapped_column(default=False, server_default=false())
    ever_unable_to_contact: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    __mapper_args__ = {"version_id_col": version}

    child: Mapped[Child] = relationship()
    allocated_to: Mapped[User | None] = relationship(foreign_keys=[allocated_to_id])
    episodes: Mapped[list[Episode]] = relationship(
        back_populates="rhi", order_by="Episode.started_at"
    )
    transitions: Mapped[list[RhiTransition]] = relationship(
        back_populates="rhi", order_by="RhiTransition.id"
    )
    record: Mapped[InterviewRecord | None] = relationship(back_populates="rhi")

    @property
    def status_enum(self) -> RhiStatus:
        return RhiStatus(self.status)


class RhiTransition(Base):
    """Each change of an RHI's state: when, by whom, from what to what, and why."""

    __tablename__ = "rhi_transition"

    id: Mapped[int] = mapped_column(primary_key=True)
    rhi_id: Mapped[int] = mapped_column(ForeignKey("return_interview.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(24))
    to_status: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    note: Mapped[str | None] = mapped_column(Text)

    rhi: Mapped[ReturnInterview] = relationship(back_populates="transitions")
    by: Mapped[User | None] = relationship()
