"""The append-only audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, event
from sqlalchemy.orm import Mapped, mapped_column

from rhi.database import UTCDateTime, utcnow
from rhi.extensions import Base


class AuditEvent(Base):
    """Who did what, to which object, when and from where.

    Rows are only ever inserted: the ORM refuses updates and deletes.
    """

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"), index=True)
    action: Mapped[str] = mapped_column(String(48), index=True)
    object_type: Mapped[str | None] = mapped_column(String(48))
    object_id: Mapped[str | None] = mapped_column(String(64))
    ip_address: Mapped[str | None] = mapped_column(String(45))
    user_agent: Mapped[str | None] = mapped_column(String(200))
    request_path: Mapped[str | None] = mapped_column(String(200))
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class AuditLogIsAppendOnly(RuntimeError):
    pass


@event.listens_for(AuditEvent, "before_update")
def _refuse_update(mapper: Any, connection: Any, target: AuditEvent) -> None:
    raise AuditLogIsAppendOnly("audit events cannot be changed")


@event.listens_for(AuditEvent, "before_delete")
def _refuse_delete(mapper: Any, connection: Any, target: AuditEvent) -> None:
    raise AuditLogIsAppendOnly("audit events cannot be deleted")
