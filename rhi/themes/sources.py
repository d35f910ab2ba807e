"""Where texts to tag come from. Each package registers its own source.

The core registers interview notes here; ``feedback`` registers received
texts (the core never imports it). A source lists what needs tagging and
gives a text back by id, with the names a reviewer must not see.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from rhi.extensions import db
from rhi.interviews.models import ReturnInterview
from rhi.interviews.record import InterviewRecord
from rhi.themes.vocabulary import TextSource


@dataclass(frozen=True)
class SourceText:
    """A text as the tagger and the reviewer see it."""

    source: TextSource
    source_id: int
    text: str
    written_at: datetime
    child_id: int | None = None
    district_id: int | None = None
    # Names and numbers to mask when showing the text (the child's, contacts').
    private: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Source:
    kind: TextSource
    # Texts changed or new since they were last tagged: (id, text) pairs to tag.
    pending: Callable[[int], list[SourceText]]
    # One text by id, or None once it no longer exists (deleted, retention).
    fetch: Callable[[list[int]], dict[int, SourceText]]
    # Told of a new text the tagger found urgent (its id), so a person sees it now
    # even when the check made on arrival did not raise it.
    on_urgent: Callable[[int], object] | None = None


SOURCES: dict[TextSource, Source] = {}


def register(source: Source) -> None:
    SOURCES[source.kind] = source


# --- Interview notes -----------------------------------------------------------

# The free-text parts of an interview, in the order the form asks them.
INTERVIEW_PARTS = (
    ("where_stayed", "Where they stayed"),
    ("stayed_with", "Who they were with"),
    ("travel", "How they travelled"),
    ("harm", "Harm and threats"),
    ("substances", "Substances"),
    ("school", "School"),
    ("health", "Health"),
    ("child_wants", "What the child wants"),
    ("child_words", "The child's words"),
    ("worker_analysis", "Worker's analysis"),
    ("parent_information", "From the parent or carer"),
)


def interview_text(record: InterviewRecord) -> str:
    """The interview's narrative: each part that has text, under its name."""
    parts = []
    for name, label in INTERVIEW_PARTS:
        value = (getattr(record, name) or "").strip()
        if value:
            parts.append(f"{label}: {value}")
    return "\n\n".join(parts)


def _interview(record: InterviewRecord) -> SourceText:
    rhi = record.rhi
    child = rhi.child
    return SourceText(
        source=TextSource.INTERVIEW,
        source_id=record.id,
        text=interview_text(record),
        written_at=record.held_at or record.submitted_at or record.created_at,
        child_id=child.id,
        district_id=child.district_id,
        private=(child.given_name, child.family_name),
    )


def _pending_interviews(limit: int) -> list[SourceText]:
    from rhi.themes.models import TaggedText

    tagged = sa.select(TaggedText.tagged_at).where(
        TaggedText.source == TextSource.INTERVIEW, TaggedText.source_id == InterviewRecord.id
    )
    records = db.session.scalars(
        sa.select(InterviewRecord)
        .where(
            InterviewRecord.submitted_at.is_not(None),
            sa.or_(~tagged.exists(), tagged.scalar_subquery() < InterviewRecord.updated_at),
        )
        .order_by(InterviewRecord.id)
        .limit(limit)
        .options(selectinload(InterviewRecord.rhi).selectinload(ReturnInterview.child))
    ).all()
    return [_interview(record) for record in records]


def _fetch_interviews(ids: list[int]) -> dict[int, SourceText]:
    records = db.session.scalars(
        sa.select(InterviewRecord)
        .where(InterviewRecord.id.in_(ids))
        .options(selectinload(InterviewRecord.rhi).selectinload(ReturnInterview.child))
    ).all()
    return {record.id: _interview(record) for record in records}


register(Source(TextSource.INTERVIEW, _pending_interviews, _fetch_interviews))
