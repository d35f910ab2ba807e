"""Young people's words approved for sharing, and the "you said, we did" log.

A ``SharedQuote`` is a *copy*: the reply pseudonymised and edited by a
participation officer, never the text itself. Its link to the received text
(``message_id``) is cut when that text is deleted (retention): the quote
stays, anonymised. A ``ServiceChange`` is one line of the log: what young
people or parents said, what the service did about it, and whether the
public page shows it. Both are audited by ``feedback.voice``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.vocabulary import Audience
from rhi.database import UTCDateTime, utcnow
from rhi.extensions import Base

if TYPE_CHECKING:
    from feedback.models import SmsMessage
    from rhi.auth.models import User


# Which approved quotes illustrate which change (a change may have several).
service_change_quote = Table(
    "service_change_quote",
    Base.metadata,
    Column(
        "change_id",
        ForeignKey("service_change.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "quote_id",
        ForeignKey("shared_quote.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class SharedQuote(Base):
    """A reply, pseudonymised and edited, that a participation officer approved for sharing."""

    __tablename__ = "shared_quote"
    __table_args__ = (
        # One quote in force per received text: a double click approves it once.
        Index(
            "uq_shared_quote_message_in_force",
            "message_id",
            unique=True,
            sqlite_where=text("withdrawn_at IS NULL"),
            postgresql_where=text("withdrawn_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # The received text it came from; NULL once that text is gone (retention).
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("sms_message.id", ondelete="SET NULL")
    )
    text: Mapped[str] = mapped_column(Text)
    audience: Mapped[str] = mapped_column(String(8))
    theme: Mapped[str | None] = mapped_column(String(32), index=True)  # nlp.taxonomy id
    approved_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)

    message: Mapped[SmsMessage | None] = relationship()
    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])
    withdrawn_by: Mapped[User | None] = relationship(foreign_keys=[withdrawn_by_id])

    @property
    def audience_enum(self) -> Audience:
        return Audience(self.audience)

    @property
    def in_force(self) -> bool:
        return self.withdrawn_at is None


class ServiceChange(Base):
    """One "you said, we did" entry: what people told us and what changed because of it."""

    __tablename__ = "service_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    you_said: Mapped[str] = mapped_column(Text)
    we_did: Mapped[str] = mapped_column(Text)
    changed_on: Mapped[date] = mapped_column(Date)
    # The team or service that made the change, in words (never a person's name).
    responsible: Mapped[str] = mapped_column(String(120))
    theme: Mapped[str | None] = mapped_column(String(32), index=True)  # nlp.taxonomy id
    published: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    quotes: Mapped[list[SharedQuote]] = relationship(
        secondary=service_change_quote, order_by="SharedQuote.id"
    )
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    updated_by: Mapped[User | None] = relationship(foreign_keys=[updated_by_id])

    __mapper_args__ = {"version_id_col": version}


__all__ = ["ServiceChange", "SharedQuote", "service_change_quote"]
