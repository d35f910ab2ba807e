"""The theme rules expanded into matcher input, built once and kept with the model.

The cue templates (:mod:`nlp.rules`) expand to about 37,000 phrases and 9,000
token patterns. Expanding and tokenizing them took about a quarter of a second
of every start, before the first tag. ``python -m nlp train`` writes the result
into the model directory (``theme_rules.json.gz``), and the theme-rules
component reads it back when its digest matches the code that made it; when it
does not (rules edited, the model not yet refitted with ``python -m nlp train
--retune``), the component expands the templates itself, exactly as before,
only slower.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from nlp.phrase_keys import PhraseKeys
from nlp.rules import (
    TokenPattern,
    all_rules,
    count_expansions,
    dnt_variant,
    expand,
    sms_norms,
    template_patterns,
)

COMPILED_RULES_NAME = "theme_rules.json.gz"

# Templates expanding to more phrases than this are matched as token patterns.
MAX_PHRASES_PER_TEMPLATE = 100

NLP_DIR = Path(__file__).parent
# The code whose output this is: the cue lists and their expansion.
_SOURCES = ("rules.py", "compiled_rules.py", "phrase_keys.py")

# The word sets a token pattern needs, one per required position (see needs).
Needs = tuple[frozenset[str], ...]


@dataclass(frozen=True)
class PatternGroup:
    """A rule's token patterns that share a gate: words of which a text must hold
    one for any of them to match (None: they always run)."""

    gate: frozenset[str] | None
    patterns: list[TokenPattern]


@dataclass(frozen=True)
class CompiledRule:
    """One rule's matcher input: phrases as NORM strings per token, and token
    patterns grouped by gate."""

    rule_id: str
    phrases: list[list[str]]
    groups: list[PatternGroup]


@dataclass(frozen=True)
class CompiledRules:
    """Every rule's matcher input, in rule order, and the texting spellings' norms."""

    digest: str
    norms: dict[str, str]
    rules: list[CompiledRule]


def source_digest(names: Iterable[str]) -> str:
    """A digest of spaCy's version and of these source files of ``nlp/``."""
    sha = hashlib.sha256(spacy.__version__.encode())
    for name in names:
        sha.update(name.encode() + b"\0" + (NLP_DIR / name).read_bytes())
    return sha.hexdigest()


def rules_digest() -> str:
    """A digest of the rule code: a compiled file made from other code is not used."""
    return source_digest(_SOURCES)


def set_norms(nlp: Language, norms: dict[str, str]) -> None:
    """Give texting spellings ("wiv", "sendin") the norm of the full word: cues match
    on NORM, so a template needs no spelling variants."""
    for word, norm in norms.items():
        nlp.vocab[word].norm_ = norm


def compile_rules(nlp: Language) -> CompiledRules:
    """Expand every rule's templates with ``nlp``'s tokenizer (setting its norms)."""
    rules = all_rules()
    norms = sms_norms(t for r in rules for t in r.phrases.templates)
    set_norms(nlp, norms)
    keys = PhraseKeys(nlp, "NORM")
    compiled = []
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
                patterns += template_patterns(template, keys.strings, "NORM", dnt_variant)
            else:
                small += expanded + [v for p in expanded for v in dnt_variant(p)]
        phrases = [keys.strings(p) for p in small]
        compiled.append(CompiledRule(rule.rule_id, phrases, _by_gate(patterns)))
    return CompiledRules(rules_digest(), norms, compiled)


def _by_gate(patterns: list[TokenPattern]) -> list[PatternGroup]:
    """Group patterns by their own gates, not the union of them: it made matching
    2.5 times faster (sixth round)."""
    groups: dict[frozenset[str] | None, list[TokenPattern]] = {}
    for pattern in patterns:
        groups.setdefault(gate(needs(pattern)), []).append(pattern)
    return [PatternGroup(g, group) for g, group in groups.items()]


def write_compiled(compiled: CompiledRules, path: Path) -> None:
    """Save ``compiled`` (gzip with no timestamp, so a rebuild is byte-identical)."""
    data = {
        "digest": compiled.digest,
        "norms": compiled.norms,
        "rules": [
            [r.rule_id, r.phrases, [[_sorted(g.gate), g.patterns] for g in r.groups]]
            for r in compiled.rules
        ],
    }
    raw = json.dumps(data, separators=(",", ":")).encode()
    path.write_bytes(gzip.compress(raw, mtime=0))


def read_compiled(path: Path) -> CompiledRules | None:
    """The rules saved at ``path``, or None when missing or made by other code."""
    if not path.is_file():
        return None
    data = json.loads(gzip.decompress(path.read_bytes()))
    if data["digest"] != rules_digest():
        return None
    rules = [
        CompiledRule(
            rule_id, phrases, [PatternGroup(_frozen(g), patterns) for g, patterns in groups]
        )
        for rule_id, phrases, groups in data["rules"]
    ]
    return CompiledRules(data["digest"], data["norms"], rules)


def _sorted(words: frozenset[str] | None) -> list[str] | None:
    return None if words is None else sorted(words)


def _frozen(words: list[str] | None) -> frozenset[str] | None:
    return None if words is None else frozenset(words)


def load_or_compile(nlp: Language, model_dir: Path | None) -> CompiledRules:
    """The model directory's compiled rules when current (norms set on ``nlp``),
    else a fresh expansion."""
    compiled = read_compiled(model_dir / COMPILED_RULES_NAME) if model_dir else None
    if compiled is None:
        return compile_rules(nlp)
    set_norms(nlp, compiled.norms)
    return compiled


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


def gate(needs: Needs) -> frozenset[str] | None:
    """Words of which a text must hold at least one for a pattern with ``needs`` to
    match: the smallest set of a required position, preferring positions without
    common words. None when no position qualifies (the pattern always runs)."""
    if not needs:
        return None
    rare = [w for w in needs if not (w & _COMMON_WORDS)]
    return min(rare or needs, key=len)


def needs(pattern: TokenPattern) -> Needs:
    """The word sets of every required position of ``pattern``: it can match only a
    text that holds a word of each. Checking them all before running a gate's
    Matcher skips 19 in 20 runs (seventh round)."""
    return tuple(w for w in map(_required_words, pattern) if w)
