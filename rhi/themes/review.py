"""Reviewing theme suggestions: the queue, decisions, and decisions as training data.

Participation officers see texts pseudonymised: the child's and contacts'
names become initials and phone numbers and emails are hidden, in the text
and its highlighted evidence alike. Every decision is timed, attributed and
audited; a text is reviewed once no suggestion on it is left undecided.
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from nlp.taxonomy import SAFETY_THEMES, THEME_IDS
from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.auth.models import User
from rhi.children.models import Child
from rhi.database import transactional, utcnow
from rhi.domain import Conflict, NotFound, RuleBroken
from rhi.extensions import db
from rhi.themes.models import TaggedText, ThemeSuggestion
from rhi.themes.sources import SOURCES, SourceText
from rhi.themes.tagging import text_hash
from rhi.themes.vocabulary import STRONG_SCORE, Decision, Origin, TextSource

LONDON = ZoneInfo("Europe/London")
PAGE_SIZE = 20

_PHONE = re.compile(r"(?<!\w)(?:\+?44\s?|0)(?:\d[\s-]?){9,10}(?!\w)")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")


# --- Pseudonymising ------------------------------------------------------------


def pseudonymise(text: str, private: tuple[str, ...]) -> str:
    """``text`` with each private name as its initial and numbers and emails hidden."""
    for name in sorted({n.strip() for n in private if n and len(n.strip()) > 1}, key=len)[::-1]:
        text = re.sub(rf"\b{re.escape(name)}\b", f"{name[0].upper()}.", text, flags=re.I)
    text = _PHONE.sub(_("[phone number]"), text)
    return _EMAIL.sub(_("[email]"), text)


@dataclass(frozen=True)
class Segment:
    """A run of the text, highlighted with the themes whose evidence covers it."""

    text: str
    themes: tuple[str, ...] = ()


def segments(source: SourceText, suggestions: list[ThemeSuggestion]) -> list[Segment]:
    """The text cut at every evidence boundary, each piece pseudonymised on its own."""
    text = source.text
    spans = [
        (int(span["start"]), int(span["end"]), suggestion.theme)
        for suggestion in suggestions
        if suggestion.decision != Decision.REJECTED
        for span in suggestion.spans
        if 0 <= int(span["start"]) < int(span["end"]) <= len(text)
    ]
    cuts = sorted({0, len(text), *(s for s, _e, _t in spans), *(e for _s, e, _t in spans)})
    pieces = []
    for start, end in itertools.pairwise(cuts):
        themes = tuple(sorted({t for s, e, t in spans if s <= start and end <= e}))
        pieces.append(Segment(pseudonymise(text[start:end], source.private), themes))
    return pieces


# --- The queue -----------------------------------------------------------------


@dataclass(frozen=True)
class QueueFilter:
    theme: str | None = None
    source: TextSource | None = None
    district_id: int | None = None
    written_from: date | None = None
    written_to: date | None = None
    # "high" (score >= STRONG_SCORE) or "low" (below): the tagger's confidence.
    confidence: str | None = None
    reviewed: bool = False


@dataclass(frozen=True)
class ReviewItem:
    tagged: TaggedText
    source: SourceText | None  # None when the text no longer exists
    segments: list[Segment]
    safety: bool
    case_ref: str | None  # the child's case reference, never a name

    @property
    def pending(self) -> list[ThemeSuggestion]:
        return [s for s in self.tagged.suggestions if s.decision == Decision.PENDING]


@dataclass(frozen=True)
class QueuePage:
    items: list[ReviewItem]
    page: int
    has_next: bool
    total: int


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=LONDON)


def _filtered(query: sa.Select[Any], filters: QueueFilter) -> sa.Select[Any]:
    if filters.reviewed:
        query = query.where(TaggedText.reviewed_at.is_not(None))
    else:
        query = query.where(TaggedText.awaiting_review)
    if filters.theme:
        query = query.where(
            sa.select(ThemeSuggestion.id)
            .where(ThemeSuggestion.text_id == TaggedText.id, ThemeSuggestion.theme == filters.theme)
            .exists()
        )
    if filters.source:
        query = query.where(TaggedText.source == filters.source)
    if filters.district_id:
        query = query.where(
            TaggedText.child_id.in_(
                sa.select(Child.id).where(Child.district_id == filters.district_id)
            )
        )
    if filters.written_from:
        query = query.where(TaggedText.written_at >= _day_start(filters.written_from))
    if filters.written_to:
        query = query.where(
            TaggedText.written_at < _day_start(filters.written_to + timedelta(days=1))
        )
    if filters.confidence in ("high", "low"):
        strong = ThemeSuggestion.score >= STRONG_SCORE
        query = query.where(
            sa.select(ThemeSuggestion.id)
            .where(
                ThemeSuggestion.text_id == TaggedText.id,
                ThemeSuggestion.decision == Decision.PENDING,
                strong if filters.confidence == "high" else ~strong,
            )
            .exists()
        )
    return query


def _items(tagged_texts: list[TaggedText]) -> list[ReviewItem]:
    by_source: dict[str, list[int]] = {}
    for tagged in tagged_texts:
        by_source.setdefault(tagged.source, []).append(tagged.source_id)
    fetched = {
        (kind, source_id): text
        for kind, ids in by_source.items()
        if TextSource(kind) in SOURCES
        for source_id, text in SOURCES[TextSource(kind)].fetch(ids).items()
    }
    child_ids = {tagged.child_id for tagged in tagged_texts if tagged.child_id is not None}
    refs = sa.select(Child.id, Child.case_ref).where(Child.id.in_(child_ids))
    case_refs: dict[int, str] = {child_id: ref for child_id, ref in db.session.execute(refs)}
    items = []
    for tagged in tagged_texts:
        source = fetched.get((tagged.source, tagged.source_id))
        current = source is not None and text_hash(source.text) == tagged.text_hash
        items.append(
            ReviewItem(
                tagged=tagged,
                source=source,
                segments=segments(source, tagged.suggestions) if source and current else [],
                safety=any(s.theme in SAFETY_THEMES for s in tagged.suggestions),
                case_ref=case_refs.get(tagged.child_id) if tagged.child_id else None,
            )
        )
    return items


def review_queue(filters: QueueFilter, page: int = 1) -> QueuePage:
    """Texts waiting for review: urgent first, then safety themes, then newest."""
    base = _filtered(sa.select(TaggedText), filters)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(base.subquery())) or 0
    page = max(page, 1)
    found = db.session.scalars(
        base.options(selectinload(TaggedText.suggestions))
        .order_by(
            TaggedText.urgent.desc(),
            TaggedText.awaiting_safety_review.desc(),
            TaggedText.written_at.desc(),
            TaggedText.id.desc(),
        )
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE + 1)
    ).all()
    return QueuePage(
        items=_items(list(found[:PAGE_SIZE])),
        page=page,
        has_next=len(found) > PAGE_SIZE,
        total=int(total),
    )


def review_item(text_id: int) -> ReviewItem:
    tagged = db.session.get(TaggedText, text_id)
    if tagged is None:
        raise NotFound(_("There is no such text to review"))
    return _items([tagged])[0]


# --- Decisions -----------------------------------------------------------------


def _finish_if_done(tagged: TaggedText, by: User) -> None:
    if all(s.decision != Decision.PENDING for s in tagged.suggestions):
        tagged.reviewed_at = utcnow()
        tagged.reviewed_by = by


def _audit(suggestion: ThemeSuggestion, by: User) -> None:
    record(
        AuditAction.THEME_DECIDED,
        object_type="tagged_text",
        object_id=suggestion.text_id,
        detail={"theme": suggestion.theme, "decision": suggestion.decision},
        actor=by,
    )


@transactional
def decide(suggestion_id: int, decision: Decision, *, by: User) -> ThemeSuggestion:
    """Accept or reject one suggestion (a reviewer may change their mind)."""
    if decision is Decision.PENDING:
        raise RuleBroken(_("Choose accept or reject"), "decision")
    suggestion = db.session.get(ThemeSuggestion, suggestion_id)
    if suggestion is None:
        raise NotFound(_("There is no such suggestion"))
    suggestion.decision = decision
    suggestion.decided_at = utcnow()
    suggestion.decided_by = by
    _audit(suggestion, by)
    _finish_if_done(suggestion.text, by)
    return suggestion


@transactional
def add_theme(text_id: int, theme: str, *, by: User) -> ThemeSuggestion:
    """A theme the tagger missed: added as accepted."""
    tagged = db.session.get(TaggedText, text_id)
    if tagged is None:
        raise NotFound(_("There is no such text to review"))
    if theme not in THEME_IDS:
        raise RuleBroken(_("Choose a theme from the list"), "theme")
    if any(s.theme == theme for s in tagged.suggestions):
        raise Conflict(_("This text already has that theme: accept or reject it instead"))
    suggestion = ThemeSuggestion(
        theme=theme,
        origin=Origin.REVIEWER,
        decision=Decision.ACCEPTED,
        decided_at=utcnow(),
        decided_by=by,
        spans=[],
        score=1.0,
    )
    tagged.suggestions.append(suggestion)
    db.session.flush()
    _audit(suggestion, by)
    _finish_if_done(tagged, by)
    return suggestion


@transactional
def accept_strong(text_ids: list[int], *, by: User) -> int:
    """Accept every undecided suggestion whose evidence is strong, on these texts."""
    suggestions = db.session.scalars(
        sa.select(ThemeSuggestion)
        .where(
            ThemeSuggestion.text_id.in_(text_ids),
            ThemeSuggestion.decision == Decision.PENDING,
            ThemeSuggestion.score >= STRONG_SCORE,
        )
        .order_by(ThemeSuggestion.id)
    ).all()
    for suggestion in suggestions:
        suggestion.decision = Decision.ACCEPTED
        suggestion.decided_at = utcnow()
        suggestion.decided_by = by
        _audit(suggestion, by)
        _finish_if_done(suggestion.text, by)
    return len(suggestions)


# --- Decisions as training data -------------------------------------------------


def export_corrections(path: Path) -> int:
    """Write reviewed texts, pseudonymised, with their accepted themes, for ``nlp train``.

    Only texts whose every suggestion has been decided: the themes left out of
    ``labels`` are then known to be absent. The file is personal data even
    pseudonymised: keep it on the server, never in the repository.
    """
    reviewed = db.session.scalars(
        sa.select(TaggedText)
        .where(TaggedText.reviewed_at.is_not(None))
        .options(selectinload(TaggedText.suggestions))
        .order_by(TaggedText.id)
    ).all()
    count = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for item in _items(list(reviewed)):
            if item.source is None or not item.segments:
                continue  # gone, or changed since it was reviewed
            labels = sorted(
                s.theme for s in item.tagged.suggestions if s.decision == Decision.ACCEPTED
            )
            row = {
                "id": f"{item.tagged.source}-{item.tagged.source_id}",
                "text": "".join(segment.text for segment in item.segments),
                "labels": labels,
                "voice": "worker" if item.tagged.source == TextSource.INTERVIEW else "sms",
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count
