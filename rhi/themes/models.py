"""Tagged texts and the theme suggestions on them.

A text is named by its source and id (an interview record, a received SMS),
never copied: the review page reads it from its source, so deleting the
source (retention) leaves nothing readable here. ``text_hash`` says which
version of the text the suggestions' spans point into.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    event,
    false,
    text,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from nlp.taxonomy import SAFETY_THEMES
from rhi.database import UTCDateTime, utcnow
from rhi.extensions import Base
from rhi.themes.vocabulary import Decision, Origin

if TYPE_CHECKING:
    from rhi.auth.models import User


class TaggedText(Base):
    __tablename__ = "tagged_text"
    __table_args__ = (
        UniqueConstraint("source", "source_id"),
        # The review queue's order, for the texts in it: the first page reads a
        # few index entries instead of sorting every waiting text.
        Index(
            "ix_tagged_text_review_queue",
            "urgent",
            "awaiting_safety_review",
            "written_at",
            "id",
            postgresql_where=text("awaiting_review"),
            sqlite_where=text("awaiting_review"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(16))
    source_id: Mapped[int] = mapped_column(Integer)
    child_id: Mapped[int | None] = mapped_column(ForeignKey("child.id"), index=True)
    # When the text was written (the interview held, the text received): for filters.
    written_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    text_hash: Mapped[str] = mapped_column(String(64))
    model_version: Mapped[str] = mapped_column(String(64))
    tagged_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    sentiment_label: Mapped[str | None] = mapped_column(String(8))
    sentiment_polarity: Mapped[float | None] = mapped_column(Float)
    # Set when a reviewer has been through every suggestion on it.
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    # Kept by _mark_awaiting (below) whenever suggestions change: some suggestion
    # is still pending / a pending one is a safety theme.
    awaiting_review: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    awaiting_safety_review: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )

    suggestions: Mapped[list[ThemeSuggestion]] = relationship(
        back_populates="text", cascade="all, delete-orphan", order_by="ThemeSuggestion.id"
    )
    reviewed_by: Mapped[User | None] = relationship()


class ThemeSuggestion(Base):
    """One theme on one text: the tagger's suggestion (or a reviewer's addition) and its fate."""

    __tablename__ = "theme_suggestion"
    __table_args__ = (UniqueConstraint("text_id", "theme"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    text_id: Mapped[int] = mapped_column(ForeignKey("tagged_text.id"), index=True)
    theme: Mapped[str] = mapped_column(String(32), index=True)
    # Evidence: [{"start": 12, "end": 25, "score": 0.97}, ...] into the tagged text.
    spans: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    origin: Mapped[str] = mapped_column(String(16), default=Origin.TAGGER)
    decision: Mapped[str] = mapped_column(String(16), default=Decision.PENDING, index=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    model_version: Mapped[str | None] = mapped_column(String(64))

    text: Mapped[TaggedText] = relationship(back_populates="suggestions")
    decided_by: Mapped[User | None] = relationship()


class TaggerChoice(Base):
    """An administrator's choice of the model version that tags texts; the latest is in use.

    Names a directory under ``NLP_MODELS_DIR`` (or "shipped", the model in
    ``nlp/model``). Texts tagged by any other version are tagged again by the
    worker, in the background.
    """

    __tablename__ = "tagger_choice"

    id: Mapped[int] = mapped_column(primary_key=True)
    model: Mapped[str] = mapped_column(String(64))
    chosen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    chosen_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))

    chosen_by: Mapped[User | None] = relationship()


def awaiting_marks() -> dict[str, Any]:
    """SET values that recompute the queue marks of the ``tagged_text`` rows updated."""
    pending = sa.select(ThemeSuggestion.id).where(
        ThemeSuggestion.text_id == TaggedText.id, ThemeSuggestion.decision == Decision.PENDING
    )
    return {
        "awaiting_review": pending.exists(),
        "awaiting_safety_review": pending.where(
            ThemeSuggestion.theme.in_(sorted(SAFETY_THEMES))
        ).exists(),
    }


@event.listens_for(Session, "after_flush")
def _mark_awaiting(session: Session, _context: Any) -> None:
    """After any flush that touched suggestions, recompute their texts' queue marks."""
    touched: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, ThemeSuggestion) and obj.text_id is not None:
            touched.add(obj.text_id)
        elif isinstance(obj, TaggedText) and obj.id is not None:
            touched.add(obj.id)
    if touched:
        session.connection().execute(
            sa.update(TaggedText)
            .where(TaggedText.id.in_(sorted(touched)))
            .values(**awaiting_marks())
        )
