"""Negation and denial: a small NegEx/ConText-style spaCy component.

Trigger phrases open a *scope* of tokens. A pre-trigger ("no", "denies",
"no evidence of") scopes forward; a post-trigger ("ruled out", "not a
concern") scopes backward; some ("denied", "no further action") do both.
A scope ends at a terminator (sentence end, ";", "but", "however",
"although", "because", ...), at a comma for the short bare triggers, or
after the trigger's token limit. A theme cue whose first token lies inside
a scope is marked ``negated`` and is not evidence.

Pseudo-triggers ("not sure", "no one", "not happy", "not allowed") are
phrases that contain a trigger word but do not deny a topic; they are
matched first and switch the trigger off. A trigger inside a theme cue
("not allowed out" is a boundaries cue) is also ignored.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from nlp.rules import Candidate, phrases

NEGATION_FACTORY = "homeward_negation_v1"


@dataclass(frozen=True)
class Trigger:
    """How far a trigger phrase scopes: tokens forward (pre) and backward (post)."""

    name: str
    templates: tuple[str, ...]
    pre: int = 0
    post: int = 0
    comma_stops: bool = True


TRIGGERS: tuple[Trigger, ...] = (
    Trigger("bare", ("no", "not", "never", "nor", "without"), pre=4),
    Trigger("contraction", ("nt", "n't", "n\u2019t"), pre=3),
    Trigger(
        "explicit",
        (
            "no (concerns|concern|worries|issues) (about|re|regarding|around|of|for|with)?",
            "no (evidence|indication|indications|signs|sign|suggestion|disclosure|reports|report) (of|that)?",  # noqa: E501
            "(nothing|no information|no intelligence) to (suggest|indicate)",
            "(did not|did nt|didn't|has not|has nt|hasn't) disclose",
            "(denies|deny|denying) (any )?",
            "not known to",
            "(no|not) (involved|involvement) in",
        ),
        pre=8,
        comma_stops=False,
    ),
    Trigger("denied", ("denied",), pre=6, post=4),
    Trigger(
        "outcome",
        ("no further action", "nfa", "not required"),
        pre=8,
        post=8,
        comma_stops=False,
    ),
    Trigger(
        "post",
        (
            "ruled out",
            "(is|was|are|were)? not a (concern|worry|risk|issue)",
            "(is|was|are|were)? not (indicated|substantiated|suspected|a factor)",
            "(unfounded|unsubstantiated)",
        ),
        post=6,
    ),
)

PSEUDO_TRIGGERS: tuple[str, ...] = phrases(
    "not (only|just|sure|happy|good|nice|safe|ok|okay|well|fair|right|like|liking|bothered)",
    "not (getting on|want|wanting|listening|sleeping|eating|coming|going|returning|returned)",
    "not (attending|allowed|letting|let|in school|at school|been to school|caring)",
    "no (one|body|doubt|idea|matter|way|choice|money|longer|phone|where)",
    "never (lets|let|listens|listen|let me)",
    "(said|say|says|saying|told them) no",
    "(without|no) (permission|asking|telling)",
    "nothing but",
)

TERMINATORS: frozenset[str] = frozenset(
    {
        ".",
        ";",
        "!",
        "?",
        ":",
        "but",
        "however",
        "although",
        "though",
        "except",
        "apart",
        "because",
        "cos",
        "coz",
        "cuz",
        "so",
        "whereas",
        "yet",
        "which",
    }
)


def _build_matchers(nlp: Language) -> tuple[PhraseMatcher, PhraseMatcher]:
    triggers = PhraseMatcher(nlp.vocab, attr="LOWER")
    for trigger in TRIGGERS:
        docs = [nlp.make_doc(p) for p in phrases(*trigger.templates)]
        triggers.add(trigger.name, docs)
    pseudo = PhraseMatcher(nlp.vocab, attr="LOWER")
    pseudo.add("pseudo", [nlp.make_doc(p) for p in PSEUDO_TRIGGERS])
    return triggers, pseudo


def negation_scopes(
    doc: Doc,
    triggers: PhraseMatcher,
    pseudo: PhraseMatcher,
    protected: list[tuple[int, int]] = [],  # noqa: B006 - read only
) -> set[int]:
    """Token indices inside any negation scope of ``doc``.

    ``protected`` are token ranges (theme cues) whose own words cannot act as
    triggers.
    """
    by_name = {t.name: t for t in TRIGGERS}
    blocked: set[int] = set()
    for _, s, e in pseudo(doc):
        blocked.update(range(s, e))
    for s, e in protected:
        blocked.update(range(s, e))
    spans = filter_spans([doc[s:e] for _, s, e in triggers(doc, as_spans=False)])
    names = {(s, e): doc.vocab.strings[m] for m, s, e in triggers(doc)}
    scoped: set[int] = set()
    for span in spans:
        if any(i in blocked for i in range(span.start, span.end)):
            continue
        trigger = by_name[names[(span.start, span.end)]]
        i = span.end
        while i < len(doc) and i < span.end + trigger.pre:
            if _stops(doc, i, trigger) or (i > span.start and doc[i].is_sent_start):
                break
            scoped.add(i)
            i += 1
        i = span.start - 1
        while i >= 0 and i >= span.start - trigger.post:
            if _stops(doc, i, trigger):
                break
            scoped.add(i)
            if doc[i].is_sent_start:
                break
            i -= 1
    return scoped


def _stops(doc: Doc, i: int, trigger: Trigger) -> bool:
    text = doc[i].lower_
    return text in TERMINATORS or (trigger.comma_stops and text == ",")


class NegationComponent:
    """Marks ``doc._.homeward_candidates`` inside a negation scope as negated."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.triggers, self.pseudo = _build_matchers(nlp)

    def __call__(self, doc: Doc) -> Doc:
        candidates: list[Candidate] = doc._.homeward_candidates or []
        if not candidates:
            return doc
        scoped = negation_scopes(
            doc, self.triggers, self.pseudo, [(c.start, c.end) for c in candidates]
        )
        for cand in candidates:
            if cand.start in scoped:
                cand.negated = True
        return doc


@Language.factory(NEGATION_FACTORY)
def make_negation(nlp: Language, name: str) -> NegationComponent:
    """spaCy factory: ``nlp.add_pipe("homeward_negation_v1")``."""
    return NegationComponent(nlp, name)
