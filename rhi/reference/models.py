"""Reference data that is configuration, not code: districts."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from rhi.extensions import Base


class District(Base):
    __tablename__ = "district"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    active: Mapped[bool] = mapped_column(default=True)
    # The team whose caseload a child living in this district joins.
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"))
