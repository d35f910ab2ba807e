"""The spaCy pipeline: the trained classifier + sentencizer + theme rules + negation.

With a model directory, the pipeline is the trained ``textcat_multilabel``
pipeline (blank English tokenizer, see :mod:`nlp.textcat`) with the rule
components added after it; without one it is ``spacy.blank("en")`` and rules
only. :func:`get_nlp` builds it once per process (module-level cache) so the
first tag pays the cost and later ones do not.
"""

from __future__ import annotations

import logging
from functools import cached_property, lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from nlp import implied, negation, textcat
from nlp.compiled_rules import NLP_DIR, Needs, load_or_compile, needs, source_digest
from nlp.gates import GateIndex
from nlp.rules import Candidate, Cooccur, Rule, TokenPattern, all_rules

THEME_RULES_FACTORY = "homeward_theme_rules_v1"
PIPELINE_VERSION = "rules-1"
if not Doc.has_extension("homeward_candidates"):
    Doc.set_extension("homeward_candidates", default=None)
# Themes whose cues a blocker removed ("sister's boyfriend", "work placement"):
# the tagger treats them like negated cues, so the model cannot raise them alone.
if not Doc.has_extension("homeward_blocked"):
    Doc.set_extension("homeward_blocked", default=None)
# Every blocker's match as ``(rule_id, start_char, end_char)``: later components
# read who a cue is about from them (someone else's partner, :mod:`nlp.implied`).
if not Doc.has_extension("homeward_blocker_spans"):
    Doc.set_extension("homeward_blocker_spans", default=())


class GateGroup:
    """One rule's token patterns that share a gate. What each needs and their
    Matcher are worked out on first use: a process's first texts open few groups,
    and building all 700 cost a tenth of a second before the first tag."""

    def __init__(self, nlp: Language, rule_id: str, patterns: list[TokenPattern]) -> None:
        self._vocab = nlp.vocab
        self.rule_id = rule_id
        self.patterns = patterns

    @cached_property
    def needs(self) -> list[Needs]:
        """Each pattern's required word sets: checking them all before running the
        Matcher skips 19 in 20 runs (seventh round)."""
        return [needs(pattern) for pattern in self.patterns]

    @cached_property
    def matcher(self) -> Matcher:
        matcher = Matcher(self._vocab, validate=False)  # validated by the tests
        matcher.add(self.rule_id, self.patterns)
        return matcher

    def may_match(self, words: set[str]) -> bool:
        """Whether a text holding ``words`` has a word for every required position
        of one of the patterns."""
        return any(all(not w.isdisjoint(words) for w in n) for n in self.needs)


class ThemeRulesComponent:
    """Finds theme cues with PhraseMatcher (NORM) and Matcher, then applies blockers.

    Sets ``doc._.homeward_candidates``: a list of :class:`nlp.rules.Candidate`,
    at most one per overlapping region and theme (the longest wins), and
    ``doc._.homeward_blocked``: the themes whose cues a blocker removed, and
    ``doc._.homeward_blocker_spans``: where each blocker matched.
    """

    def __init__(self, nlp: Language, name: str, compiled_dir: str = "") -> None:
        self.name = name
        rules = all_rules()
        self.rules: dict[str, Rule] = {rule.rule_id: rule for rule in rules}
        compiled = load_or_compile(nlp, Path(compiled_dir) if compiled_dir else None)
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.cooccur = [(rule.rule_id, rule.cooccur) for rule in rules if rule.cooccur]
        # Token patterns in groups by gate, each run only when the text holds one of
        # the gate's words and a word for every required position of one of its
        # patterns: most patterns cannot match most texts, and spaCy's Matcher
        # tries every pattern at every token.
        self.groups: list[GateGroup] = []
        add = nlp.vocab.strings.add
        for rule in compiled.rules:
            if rule.phrases:
                keys = [[add(s) for s in phrase] for phrase in rule.phrases]
                self.phrase_matcher.add(rule.rule_id, keys)  # type: ignore[arg-type]
            self.groups += [GateGroup(nlp, rule.rule_id, g.patterns) for g in rule.groups]
        self.gates = GateIndex(g.gate for r in compiled.rules for g in r.groups)

    def matchers_for(self, doc: Doc) -> list[Matcher]:
        """The token Matchers that can match ``doc``, in rule order: those its words
        open (a gate word) and that need no word it lacks."""
        words = {t.lower_ for t in doc} | {t.norm_ for t in doc} | {t.text for t in doc}
        groups = (self.groups[i] for i in self.gates.opened(words))
        return [group.matcher for group in groups if group.may_match(words)]

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        # (rule id, start, end, whether the span is a window of two words)
        hits = [(strings[m], s, e, False) for m, s, e in self.phrase_matcher(doc)]
        for matcher in self.matchers_for(doc):
            for m, s, e in matcher(doc):
                rule_id = strings[m]
                hits.append((rule_id, s, e, self.rules[rule_id].window))
        if self.cooccur:
            hits += [(r, s, e, True) for r, s, e in _cooccur_hits(doc, self.cooccur)]
        found: list[Candidate] = []
        blockers: list[tuple[Rule, int, int]] = []
        for rule_id, s, e, window in hits:
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
                    window=window,
                )
            )
        longest = _longest_per_theme(found)
        kept = _apply_blockers(longest, blockers)
        doc._.homeward_candidates = kept
        doc._.homeward_blocked = frozenset(c.theme for c in longest if c not in kept)
        doc._.homeward_blocker_spans = tuple(
            (rule.rule_id, doc[s:e].start_char, doc[s:e].end_char) for rule, s, e in blockers
        )
        return doc


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


@Language.factory(THEME_RULES_FACTORY, default_config={"compiled_dir": ""})
def make_theme_rules(nlp: Language, name: str, compiled_dir: str) -> ThemeRulesComponent:
    """spaCy factory: ``nlp.add_pipe("homeward_theme_rules_v1")``; ``compiled_dir``
    is a model directory that may hold the expanded rules
    (:data:`nlp.compiled_rules.COMPILED_RULES_NAME`)."""
    return ThemeRulesComponent(nlp, name, compiled_dir)


log = logging.getLogger(__name__)


def build_pipeline(model_dir: Path | None = None) -> Language:
    """A fresh pipeline: the model in ``model_dir`` (or blank English), then
    sentencizer, theme rules, negation, implied themes."""
    # The model's tokenizer is the one its config builds (blank English, checked by
    # tests/nlp/test_model.py); reading it from disk again cost the first tag 0.11 s.
    nlp = (
        spacy.load(model_dir, exclude=["tokenizer"]) if model_dir is not None else spacy.blank("en")
    )
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(THEME_RULES_FACTORY, config={"compiled_dir": str(model_dir or "")})
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
def code_digest() -> str:
    """A digest of the tagger's code (``nlp/*.py``): its answers change with it."""
    return source_digest(sorted(path.name for path in NLP_DIR.glob("*.py")))


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The process-wide pipeline (shipped model + rules), built on first use."""
    return build_pipeline(default_model_dir())
