"""The spaCy pipeline: ``spacy.blank("en")`` + sentencizer + theme rules + negation.

:func:`get_nlp` builds it once per process (module-level cache) so the first
tag pays the cost and later ones do not.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from nlp import negation
from nlp.rules import Candidate, Rule, all_rules

THEME_RULES_FACTORY = "homeward_theme_rules_v1"
PIPELINE_VERSION = "rules-1"

if not Doc.has_extension("homeward_candidates"):
    Doc.set_extension("homeward_candidates", default=None)


class ThemeRulesComponent:
    """Finds theme cues with PhraseMatcher (LOWER) and Matcher, then applies blockers.

    Sets ``doc._.homeward_candidates``: a list of :class:`nlp.rules.Candidate`,
    at most one per overlapping region and theme (the longest wins).
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.rules: dict[str, Rule] = {}
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher = Matcher(nlp.vocab)
        for rule in all_rules():
            self.rules[rule.rule_id] = rule
            if rule.phrases:
                self.phrase_matcher.add(rule.rule_id, [nlp.make_doc(p) for p in rule.phrases])
            if rule.patterns:
                self.matcher.add(rule.rule_id, list(rule.patterns))

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        hits = [(strings[m], s, e) for m, s, e in self.phrase_matcher(doc)]
        hits += [(strings[m], s, e) for m, s, e in self.matcher(doc)]
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
                Candidate(rule.theme, rule_id, s, e, span.start_char, span.end_char, rule.score)
            )
        doc._.homeward_candidates = _apply_blockers(_longest_per_theme(found), blockers)
        return doc


def _longest_per_theme(found: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    for cand in sorted(found, key=lambda c: (-(c.end - c.start), -c.score, c.start)):
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
            if rule.block_scope == "doc" or (s < cand.end and cand.start < e):
                return True
        return False

    return [c for c in found if not blocked(c)]


@Language.factory(THEME_RULES_FACTORY)
def make_theme_rules(nlp: Language, name: str) -> ThemeRulesComponent:
    """spaCy factory: ``nlp.add_pipe("homeward_theme_rules_v1")``."""
    return ThemeRulesComponent(nlp, name)


def build_pipeline() -> Language:
    """A fresh pipeline: blank English, sentencizer, theme rules, negation."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(THEME_RULES_FACTORY)
    nlp.add_pipe(negation.NEGATION_FACTORY)
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The process-wide pipeline, built on first use."""
    return build_pipeline()
