"""The one public entry point: :func:`tag` and :func:`tag_many`.

``tag(text)`` returns a :class:`TagResult`: sorted unique theme ids (from
:mod:`nlp.taxonomy`), whether the text is urgent, its sentiment and the
evidence spans (character offsets into ``text``) behind each theme.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from nlp import sentiment, urgent
from nlp.pipeline import get_nlp
from nlp.rules import Candidate
from nlp.taxonomy import THEME_IDS
from nlp.urgent import UrgentSpan


@dataclass(frozen=True)
class Evidence:
    theme: str
    start: int
    end: int
    text: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "theme": self.theme,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": self.score,
        }


@dataclass(frozen=True)
class TagResult:
    themes: list[str]
    urgent: bool
    sentiment: sentiment.Sentiment
    evidence: list[Evidence] = field(default_factory=list)
    urgent_spans: list[UrgentSpan] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``python -m nlp tag`` (without the id)."""
        return {
            "themes": list(self.themes),
            "urgent": self.urgent,
            "sentiment": self.sentiment.to_dict(),
            "evidence": [e.to_dict() for e in self.evidence],
        }


def _result(text: str, doc: Doc) -> TagResult:
    candidates: list[Candidate] = doc._.homeward_candidates or []
    evidence = [
        Evidence(c.theme, c.start_char, c.end_char, text[c.start_char : c.end_char], c.score)
        for c in candidates
        if not c.negated
    ]
    order = {theme: i for i, theme in enumerate(THEME_IDS)}
    evidence.sort(key=lambda e: (e.start, order[e.theme]))
    is_urgent, spans = urgent.detect(text)
    return TagResult(
        themes=sorted({e.theme for e in evidence}),
        urgent=is_urgent,
        sentiment=sentiment.score(text),
        evidence=evidence,
        urgent_spans=spans,
    )


def tag(text: str) -> TagResult:
    """Tag one text."""
    return _result(text, get_nlp()(text))


def tag_many(texts: Iterable[str], batch_size: int = 64) -> Iterator[TagResult]:
    """Tag many texts in order (spaCy batches them)."""
    pending: list[str] = []
    nlp = get_nlp()
    for text in texts:
        pending.append(text)
        if len(pending) >= batch_size:
            yield from (_result(t, d) for t, d in zip(pending, nlp.pipe(pending), strict=True))
            pending = []
    if pending:
        yield from (_result(t, d) for t, d in zip(pending, nlp.pipe(pending), strict=True))
