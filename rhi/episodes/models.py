"""Missing episodes and the places children are found or stay."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rhi.database import UTCDateTime, utcnow
from rhi.extensions import Base

if TYPE_CHECKING:
    from rhi.children.models import Child
    from rhi.interviews.models import ReturnInterview
    from rhi.reference.models import District


class Place(Base):
    """A named place, de-duplicated within its district, for the hotspots panel."""

    __tablename__ = "place"
    __table_args__ = (UniqueConstraint("district_id", "match_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160))
    # Lower-case, punctuation-free form of the name: how duplicates are found.
    match_key: Mapped[str] = mapped_column(String(160))
    district_id: Mapped[int | None] = mapped_column(ForeignKey("district.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    district: Mapped[District | None] = relationship()


class Episode(Base):
    __tablename__ = "episode"
    __table_args__ = (Index("ix_episode_child_id_started_at", "child_id", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"))
    category: Mapped[str] = mapped_column(String(1))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    risk_grade: Mapped[str] = mapped_column(String(16))
    police_reference: Mapped[str | None] = mapped_column(String(40))
    reported_by: Mapped[str | None] = mapped_column(String(120))
    found_place_id: Mapped[int | None] = mapped_column(ForeignKey("place.id"), index=True)
    found_with: Mapped[str | None] = mapped_column(String(200))
    how_returned: Mapped[str | None] = mapped_column(String(200))
    rhi_id: Mapped[int | None] = mapped_column(ForeignKey("return_interview.id"), index=True)
    source: Mapped[str] = mapped_column(String(16), default="form")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    child: Mapped[Child] = relationship(back_populates="episodes")
    found_place: Mapped[Place | None] = relationship()
    rhi: Mapped[ReturnInterview | None] = relationship(back_populates="episodes")

    @property
    def is_open(self) -> bool:
        return self.returned_at is None
