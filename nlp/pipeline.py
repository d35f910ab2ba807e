"""The spaCy pipeline: the trained classifier + sentencizer + theme rules + negation.

With a model directory, the pipeline is the trained ``textcat_multilabel``
pipeline (blank English tokenizer, see :mod:`nlp.textcat`) with the rule
components added after it; without one it is ``spacy.blank("en")`` and rules
only. :func:`get_nlp` builds it once per process (module-level cache) so the
first tag pays the cost and later ones do not.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from nlp import implied, negation, textcat
from nlp.gates import GateIndex
from nlp.phrase_keys import PhraseKeys
from nlp.rules import (
    Candidate,
    Cooccur,
    Rule,
    TokenPattern,
    all_rules,
    count_expansions,
    dnt_variant,
    expand,
    sms_norms,
    template_patterns,
)

THEME_RULES_FACTORY = "homeward_theme_rules_v1"
PIPELINE_VERSION = "rules-1"
# Templates expanding to more phrases than this are matched as token patterns.
MAX_PHRASES_PER_TEMPLATE = 100

# The word sets a token pattern needs, one per required position (see _needs).
Needs = tuple[frozenset[str], ...]

if not Doc.has_extension("homeward_candidates"):
    Doc.set_extension("homeward_candidates", default=None)
# Themes whose cues a blocker removed ("sister's boyfriend", "work placement"):
# the tagger treats them like negated cues, so the model cannot raise them alone.
if not Doc.has_extension("homeward_blocked"):
    Doc.set_extension("homeward_blocked", default=None)


class ThemeRulesComponent:
    """Finds theme cues with PhraseMatcher (NORM) and Matcher, then applies blockers.

    Sets ``doc._.homeward_candidates``: a list of :class:`nlp.rules.Candidate`,
    at most one per overlapping region and theme (the longest wins), and
    ``doc._.homeward_blocked``: the themes whose cues a blocker removed.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        rules = all_rules()
        self.rules: dict[str, Rule] = {rule.rule_id: rule for rule in rules}
        # Texting spellings ("wiv", "sendin") share the norm of the full word, and
        # cues match on NORM, so a template needs no spelling variants.
        for word, norm in sms_norms(t for r in rules for t in r.phrases.templates).items():
            nlp.vocab[word].norm_ = norm
        norms = PhraseKeys(nlp, "NORM")
        # One token Matcher per rule and gate, run only when the text holds one of
        # the gate's words (see _gate) and a word for every required position of
        # one of its patterns (see _needs): most patterns cannot match most texts,
        # and spaCy's Matcher tries every pattern at every token. Grouping a rule's
        # patterns by their own gates, not the union of them, made matching 2.5
        # times faster (sixth round).
        self.matchers: list[tuple[list[Needs], Matcher]] = []
        gates: list[frozenset[str] | None] = []
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.cooccur = [(rule.rule_id, rule.cooccur) for rule in rules if rule.cooccur]
        for rule in rules:
            patterns = list(rule.patterns)
            small: list[str] = []
            for template in rule.phrases.templates:
                # Large alternations as token patterns (cheap to build); small ones
                # as phrases (cheaper to match).
                # (Counting first: expanding the largest templates cost seconds.)
                large = count_expansions(template) > MAX_PHRASES_PER_TEMPLATE + 1
                expanded = [] if large else [p for p in expand(template) if p]
                if large or len(expanded) > MAX_PHRASES_PER_TEMPLATE:
                    patterns += template_patterns(template, norms.strings, "NORM", dnt_variant)
                else:
                    small += expanded + [v for p in expanded for v in dnt_variant(p)]
            if small:
                self.phrase_matcher.add(rule.rule_id, norms.keys(small))  # type: ignore[arg-type]
            by_gate: dict[frozenset[str] | None, list[tuple[TokenPattern, Needs]]] = {}
            for pattern in patterns:
                needs = _needs(pattern)
                by_gate.setdefault(_gate(needs), []).append((pattern, needs))
            for gate, group in by_gate.items():
                matcher = Matcher(nlp.vocab, validate=False)  # validated by the tests
                matcher.add(rule.rule_id, [pattern for pattern, _ in group])
                gates.append(gate)
                self.matchers.append(([needs for _, needs in group], matcher))
        self.gates = GateIndex(gates)

    def matchers_for(self, doc: Doc) -> list[Matcher]:
        """The token Matchers that can match ``doc``, in rule order: those its words
        open (a gate word) and that need no word it lacks."""
        words = {t.lower_ for t in doc} | {t.norm_ for t in doc} | {t.text for t in doc}
        out = []
        for i in self.gates.opened(words):
            needs, matcher = self.matchers[i]
            if any(all(not w.isdisjoint(words) for w in n) for n in needs):
                out.append(matcher)
        return out

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        hits = [(strings[m], s, e) for m, s, e in self.phrase_matcher(doc)]
        for matcher in self.matchers_for(doc):
            hits += [(strings[m], s, e) for m, s, e in matcher(doc)]
        if self.cooccur:
            hits += _cooccur_hits(doc, self.cooccur)
        found: list[Candidate] = []
        blockers: list[tuple[Rule, int, int]] = []
        for rule_id, s, e in hits:
            rule = self.rules[rule_id]
            if rule.blocks:
                blockers.append((rule, s, e))
            if rule.theme is None:
                continue
            span = doc[s:e]
            found.append(
                Candidate(
                    rule.theme,
                    rule_id,
                    s,
                    e,
                    span.start_char,
                    span.end_char,
                    rule.score,
                    weak=rule.weak,
                )
            )
        longest = _longest_per_theme(found)
        kept = _apply_blockers(longest, blockers)
        doc._.homeward_candidates = kept
        doc._.homeward_blocked = frozenset(c.theme for c in longest if c not in kept)
        return doc


# Words too common to gate a pattern on ("the", "my", "not"...).
_COMMON_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "my",
        "me",
        "i",
        "her",
        "his",
        "him",
        "he",
        "she",
        "they",
        "we",
        "you",
        "it",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "to",
        "of",
        "in",
        "at",
        "on",
        "for",
        "with",
        "and",
        "or",
        "but",
        "so",
        "by",
        "from",
        "up",
        "out",
        "off",
        "this",
        "that",
        "some",
        "do",
        "does",
        "did",
        "not",
        "nt",
        "n't",
        "'s",
        "s",
        "have",
        "has",
        "had",
    }
)


def _required_words(spec: dict[str, Any]) -> frozenset[str] | None:
    """The words one token spec accepts, when it must be present (no optional op)."""
    if spec.get("OP") not in (None, "1", "+"):
        return None
    for key in ("LOWER", "NORM", "TEXT", "ORTH"):
        value = spec.get(key)
        if isinstance(value, str):
            return frozenset({value})
        if isinstance(value, dict) and isinstance(value.get("IN"), list):
            return frozenset(value["IN"])
    return None


def _gate(needs: Needs) -> frozenset[str] | None:
    """Words of which a text must hold at least one for a pattern with ``needs`` to
    match: the smallest set of a required position, preferring positions without
    common words. None when no position qualifies (the pattern always runs)."""
    if not needs:
        return None
    rare = [w for w in needs if not (w & _COMMON_WORDS)]
    return min(rare or needs, key=len)


def _needs(pattern: TokenPattern) -> Needs:
    """The word sets of every required position of ``pattern``: it can match only a
    text that holds a word of each. Checking them all before running a gate's
    Matcher skips 19 in 20 runs (seventh round)."""
    return tuple(w for w in map(_required_words, pattern) if w)


def _cooccur_hits(doc: Doc, rules: list[tuple[str, Cooccur]]) -> list[tuple[str, int, int]]:
    """``(rule_id, start, end)`` for each pair of words a :class:`Cooccur` rule joins."""
    sentence, sentences = 0, []
    for tok in doc:
        sentence += bool(tok.is_sent_start and tok.i)
        sentences.append(sentence)
    lower = [t.lower_ for t in doc]
    hits = []
    for rule_id, co in rules:
        first = [i for i, w in enumerate(lower) if w in co.first]
        if not first:
            continue
        second = [j for j, w in enumerate(lower) if w in co.second]
        for i in first:
            for j in second:
                if i != j and abs(i - j) <= co.gap + 1 and sentences[i] == sentences[j]:
                    hits.append((rule_id, min(i, j), max(i, j) + 1))
    return hits


def _longest_per_theme(found: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    # A full cue wins over an overlapping weak one, then the longest, then the surest.
    for cand in sorted(found, key=lambda c: (c.weak, -(c.end - c.start), -c.score, c.start)):
        if not any(
            k.theme == cand.theme and k.start < cand.end and cand.start < k.end for k in kept
        ):
            kept.append(cand)
    return sorted(kept, key=lambda c: (c.start, c.theme))


def _apply_blockers(
    found: list[Candidate], blockers: list[tuple[Rule, int, int]]
) -> list[Candidate]:
    def blocked(cand: Candidate) -> bool:
        for rule, s, e in blockers:
            if cand.theme not in rule.blocks:
                continue
            if rule.block_scope == "doc":
                return True
            # A cue that strictly contains the blocker ("not happy in placement"
            # around "happy in placement") is the more specific reading: kept.
            contains = cand.start <= s and e <= cand.end and cand.end - cand.start > e - s
            if s < cand.end and cand.start < e and not contains:
                return True
        return False

    return [c for c in found if not blocked(c)]


@Language.factory(THEME_RULES_FACTORY)
def make_theme_rules(nlp: Language, name: str) -> ThemeRulesComponent:
    """spaCy factory: ``nlp.add_pipe("homeward_theme_rules_v1")``."""
    return ThemeRulesComponent(nlp, name)


log = logging.getLogger(__name__)


def build_pipeline(model_dir: Path | None = None) -> Language:
    """A fresh pipeline: the model in ``model_dir`` (or blank English), then
    sentencizer, theme rules, negation, implied themes."""
    nlp = spacy.load(model_dir) if model_dir is not None else spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(THEME_RULES_FACTORY)
    nlp.add_pipe(negation.NEGATION_FACTORY)
    nlp.add_pipe(implied.IMPLIED_FACTORY)
    return nlp


def default_model_dir() -> Path | None:
    """The shipped model directory, or None (rules only) when it is missing."""
    if textcat.model_available(textcat.MODEL_DIR):
        return textcat.MODEL_DIR
    log.warning("no trained model in %s: tagging with rules only", textcat.MODEL_DIR)
    return None


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The process-wide pipeline (shipped model + rules), built on first use."""
    return build_pipeline(default_model_dir())
