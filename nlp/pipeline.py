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

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from nlp import negation, textcat
from nlp.rules import (
    Candidate,
    Rule,
    all_rules,
    dnt_variant,
    expand,
    sms_norms,
    template_patterns,
)

THEME_RULES_FACTORY = "homeward_theme_rules_v1"
PIPELINE_VERSION = "rules-1"
# Templates expanding to more phrases than this are matched as token patterns.
MAX_PHRASES_PER_TEMPLATE = 300

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
        cache: dict[str, list[str]] = {}

        def tokenize(text: str) -> list[str]:
            if text not in cache:
                cache[text] = [t.norm_ for t in nlp.make_doc(text)]
            return cache[text]

        self.matcher = Matcher(nlp.vocab)
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        for rule in rules:
            patterns = list(rule.patterns)
            small: list[str] = []
            for template in rule.phrases.templates:
                # Large alternations as token patterns (cheap to build); small ones
                # as phrases (cheaper to match).
                expanded = [p for p in expand(template) if p]
                if len(expanded) > MAX_PHRASES_PER_TEMPLATE:
                    patterns += template_patterns(template, tokenize, "NORM", dnt_variant)
                else:
                    small += expanded + [v for p in expanded for v in dnt_variant(p)]
            if small:
                docs = list(nlp.tokenizer.pipe(small))  # type: ignore[union-attr]
                self.phrase_matcher.add(rule.rule_id, docs)
            if patterns:
                self.matcher.add(rule.rule_id, patterns)

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
        longest = _longest_per_theme(found)
        kept = _apply_blockers(longest, blockers)
        doc._.homeward_candidates = kept
        doc._.homeward_blocked = frozenset(c.theme for c in longest if c not in kept)
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
    sentencizer, theme rules, negation."""
    nlp = spacy.load(model_dir) if model_dir is not None else spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(THEME_RULES_FACTORY)
    nlp.add_pipe(negation.NEGATION_FACTORY)
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
