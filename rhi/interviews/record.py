"""The structured interview record: what the child said, and what the worker made of it."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rhi.database import UTCDateTime, utcnow
from rhi.extensions import Base

if TYPE_CHECKING:
    from rhi.interviews.models import ReturnInterview


class InterviewRecord(Base):
    """One per RHI; saved as a draft until submitted. ``version`` detects concurrent edits."""

    __tablename__ = "interview_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    rhi_id: Mapped[int] = mapped_column(ForeignKey("return_interview.id"), unique=True)
    method: Mapped[str | None] = mapped_column(String(16))
    held_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    present: Mapped[str | None] = mapped_column(Text)
    # Theme ids from nlp.taxonomy: why the child went (push) and what drew them (pull).
    push_factors: Mapped[list[str]] = mapped_column(JSON, default=list)
    pull_factors: Mapped[list[str]] = mapped_column(JSON, default=list)
    where_stayed: Mapped[str | None] = mapped_column(Text)
    stayed_with: Mapped[str | None] = mapped_column(Text)
    travel: Mapped[str | None] = mapped_column(Text)
    harm: Mapped[str | None] = mapped_column(Text)
    exploitation_indicators: Mapped[list[str]] = mapped_column(JSON, default=list)
    substances: Mapped[str | None] = mapped_column(Text)
    school: Mapped[str | None] = mapped_column(Text)
    health: Mapped[str | None] = mapped_column(Text)
    child_wants: Mapped[str | None] = mapped_column(Text)
    child_words: Mapped[str | None] = mapped_column(Text)
    worker_analysis: Mapped[str | None] = mapped_column(Text)
    actions: Mapped[str | None] = mapped_column(Text)
    referrals: Mapped[list[str]] = mapped_column(JSON, default=list)
    parent_information: Mapped[str | None] = mapped_column(Text)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    __mapper_args__ = {"version_id_col": version}

    rhi: Mapped[ReturnInterview] = relationship(back_populates="record")
