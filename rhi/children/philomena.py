"""The Philomena profile: what police need to find a child in care quickly."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rhi.database import UTCDateTime, utcnow
from rhi.extensions import Base

if TYPE_CHECKING:
    from rhi.children.models import Child


class PhilomenaProfile(Base):
    """One per looked-after child; kept current, printable for the police."""

    __tablename__ = "philomena_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id"), unique=True)
    description: Mapped[str | None] = mapped_column(Text)
    associates: Mapped[str | None] = mapped_column(Text)
    places: Mapped[str | None] = mapped_column(Text)
    phone_numbers: Mapped[str | None] = mapped_column(Text)
    other_information: Mapped[str | None] = mapped_column(Text)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    __mapper_args__ = {"version_id_col": version}

    child: Mapped[Child] = relationship(back_populates="philomena")
