"""The one public entry point: :func:`tag` and :func:`tag_many`.

``tag(text)`` returns a :class:`TagResult`: sorted unique theme ids (from
:mod:`nlp.taxonomy`), whether the text is urgent, its sentiment and the
evidence spans (character offsets into ``text``) behind each theme.

Themes combine the rule cues and the trained classifier (:mod:`nlp.combine`).
Evidence keeps the rule spans; a theme raised by the model alone gets the
sentence the model scores highest for it (the whole text when it is one
sentence), with the model's probability for the whole text as its score.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from nlp import combine, sentiment, urgent, urgent_model
from nlp.pipeline import build_pipeline, default_model_dir, get_nlp
from nlp.rules import MODEL_ANCHORS, Candidate
from nlp.taxonomy import THEME_IDS
from nlp.textcat import TEXTCAT, Threshold, load_thresholds
from nlp.urgent import UrgentSpan

# Below this, no model-only threshold can be reached: the negation re-score is skipped.
DESCOPE_MIN = 0.5


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


class Tagger:
    """A pipeline (model + rules) and the thresholds tuned for that model."""

    def __init__(
        self,
        nlp: Language,
        thresholds: dict[str, Threshold] | None,
        urgent_second: Language | None = None,
    ) -> None:
        self.nlp = nlp
        self.has_model = TEXTCAT in nlp.pipe_names
        self.thresholds = thresholds if self.has_model else None
        self.urgent_second = urgent_second

    @classmethod
    def from_dir(cls, model_dir: Path | None, *, thresholds: bool = True) -> Tagger:
        """The model in ``model_dir`` with its thresholds (rules only when None).

        ``thresholds=False`` loads a model that has none yet (for tuning).
        """
        nlp = build_pipeline(model_dir)
        return cls.on_pipeline(nlp, model_dir if thresholds else None)

    @classmethod
    def on_pipeline(cls, nlp: Language, model_dir: Path | None) -> Tagger:
        """A tagger on ``nlp`` with ``model_dir``'s thresholds and urgent second
        opinion (rules and model probabilities only when None)."""
        if model_dir is None:
            return cls(nlp, None)
        return cls(nlp, load_thresholds(model_dir), urgent_model.load(model_dir, nlp))

    def signals(self, doc: Doc) -> combine.Signals:
        probs = {k: float(v) for k, v in doc.cats.items()} if self.has_model else {}
        blocked = doc._.homeward_blocked or frozenset()
        words = sum(1 for t in doc if t.is_alpha)
        candidates: list[Candidate] = doc._.homeward_candidates or []
        scope: frozenset[int] = doc._.homeward_negation_scope or frozenset()
        if probs and scope:
            hits = {c.theme for c in candidates if not c.negated}
            if any(p >= DESCOPE_MIN for theme, p in probs.items() if theme not in hits):
                probs = self._descoped(doc, scope, probs)
        lower = {t.lower_ for t in doc}
        unanchored = frozenset(
            t for t, anchors in MODEL_ANCHORS.items() if anchors.isdisjoint(lower)
        )
        return combine.signals(candidates, probs, blocked, words, unanchored)

    def _descoped(
        self, doc: Doc, scope: frozenset[int], probs: dict[str, float]
    ) -> dict[str, float]:
        """Each probability, or the model's probability for the text without its
        negated words when that is lower: the model reads words, not denials."""
        kept = " ".join(t.text for t in doc if t.i not in scope)
        pipe = self.nlp.get_pipe(TEXTCAT)
        scores = pipe.predict([self.nlp.make_doc(kept)])  # type: ignore[attr-defined]
        labels = list(pipe.labels)  # type: ignore[attr-defined]
        return {k: min(v, float(scores[0][labels.index(k)])) for k, v in probs.items()}

    def result(self, text: str, doc: Doc) -> TagResult:
        candidates: list[Candidate] = doc._.homeward_candidates or []
        sig = self.signals(doc)
        themes = combine.themes(sig, self.thresholds)
        evidence = [
            Evidence(c.theme, c.start_char, c.end_char, text[c.start_char : c.end_char], c.score)
            for c in candidates
            if not c.negated and c.theme in themes
        ]
        model_only = [t for t in themes if t not in sig.hits | sig.weak]
        if model_only:
            evidence += self._model_evidence(text, doc, model_only, sig.probs)
        order = {theme: i for i, theme in enumerate(THEME_IDS)}
        evidence.sort(key=lambda e: (e.start, order[e.theme]))
        is_urgent, spans = self.urgent(text)
        return TagResult(
            themes=themes,
            urgent=is_urgent,
            sentiment=sentiment.score(text),
            evidence=evidence,
            urgent_spans=spans,
        )

    def urgent(self, text: str) -> tuple[bool, list[UrgentSpan]]:
        """The rules' answer, or the trained second opinion's when the rules see nothing."""
        is_urgent, spans = urgent.detect(text)
        if is_urgent or not urgent_model.raises(self.urgent_second, text):
            return is_urgent, spans
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        return True, [UrgentSpan(urgent_model.KIND, start, end, text[start:end])]

    def _model_evidence(
        self, text: str, doc: Doc, themes: list[str], probs: dict[str, float]
    ) -> list[Evidence]:
        """The best-scoring sentence per model-only theme (score: the text's probability)."""
        sents = [s for s in doc.sents if s.text.strip()] or [doc[:]]
        best = dict.fromkeys(themes, 0)
        if len(sents) > 1:
            pipe = self.nlp.get_pipe(TEXTCAT)
            scores = pipe.predict([self.nlp.make_doc(s.text) for s in sents])  # type: ignore[attr-defined]
            labels = list(pipe.labels)  # type: ignore[attr-defined]
            for theme in themes:
                column = [float(row[labels.index(theme)]) for row in scores]
                best[theme] = max(range(len(sents)), key=column.__getitem__)
        out = []
        for theme in themes:
            sent = sents[best[theme]]
            start, end = sent.start_char, sent.end_char
            while end > start and text[end - 1].isspace():
                end -= 1
            while start < end and text[start].isspace():
                start += 1
            score = max(0.01, round(probs[theme], 3))
            out.append(Evidence(theme, start, end, text[start:end], score))
        return out


@lru_cache(maxsize=1)
def default_tagger() -> Tagger:
    """The process-wide tagger: the shipped model, or rules only if it is missing."""
    return Tagger.on_pipeline(get_nlp(), default_model_dir())


@lru_cache(maxsize=4)
def tagger_for(model_dir: Path) -> Tagger:
    """A tagger for another model version (one per directory, kept once loaded)."""
    return Tagger.from_dir(model_dir)


def tag(text: str) -> TagResult:
    """Tag one text."""
    tagger = default_tagger()
    return tagger.result(text, tagger.nlp(text))


def tag_many(
    texts: Iterable[str], batch_size: int = 64, model_dir: Path | None = None
) -> Iterator[TagResult]:
    """Tag many texts in order (spaCy batches them), with the shipped model or ``model_dir``'s."""
    tagger = default_tagger() if model_dir is None else tagger_for(model_dir)
    pending: list[str] = []
    for text in texts:
        pending.append(text)
        if len(pending) >= batch_size:
            docs = tagger.nlp.pipe(pending, batch_size=batch_size)
            yield from (tagger.result(t, d) for t, d in zip(pending, docs, strict=True))
            pending = []
    if pending:
        docs = tagger.nlp.pipe(pending, batch_size=batch_size)
        yield from (tagger.result(t, d) for t, d in zip(pending, docs, strict=True))
