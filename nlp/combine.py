"""How rule cues and model probabilities become themes (one function, used by the
tagger at run time and by threshold tuning at train time).

Per theme, with ``p`` the model's probability and ``t`` the tuned threshold:

- a **rule hit** (a cue that is not negated) raises the theme. For the
  non-safety themes it is dropped when the model is sure it is wrong
  (``p < t.veto``; ``veto`` is tuned on dev and may be 0). Safety themes
  (``risky_adults``, ``cse``, ``cce``) keep every rule hit: recall first;
- a **weak hit** (only weak cues, :class:`nlp.rules.Rule`: "FC reported her
  missing" names the placement without being about it) raises a non-safety
  theme only when the model agrees, ``p >= t.weak`` (tuned on dev plus the
  blind tuning sets; 1.0, the default, means never);
- a cue for a theme in :data:`CROWDED_BY_SAFETY` (``peers``) counts only as a
  weak hit when a full cue for a safety theme is in the text: there, the
  "friends", "mates" and "parties" are most often the exploiting adults' or
  their circle (nlp.md: that is ``risky_adults``). On blind tuning sets A, B
  and D, peers tagged beside a safety theme was wrong 50 times in 62; so do
  the cues of the rules in :data:`CROWDED_RULES` (how a child seemed:
  "distressed", "tearful");
- only a **safety** theme may be raised by the **model alone**, when
  ``p >= t.model`` and the text has at least
  :data:`MIN_WORDS_FOR_MODEL` words, unless a rule cue vetoes it: a cue for
  that theme that is negated or removed by a blocker; for a safety theme, a
  negated cue for any safety theme ("no CSE concerns", "county lines is not a
  concern"); and for ``risky_adults`` / ``cse``, a similar-age partner found
  by the rules ("my bf is 15"); and when the text holds none of the theme's
  :data:`nlp.rules.MODEL_ANCHORS` (for ``cce``: money, drugs, travel, phones,
  olders...: "i took loads of tablets" is not CCE). ``p`` is the lower of the model's
  probability for the whole text and for the text without its negated words
  (:mod:`nlp.tagger`), so "i dont talk to men online" does not raise ``cse``.
  Non-safety themes raised by the model alone were mostly wrong on short
  texts ("my mum picked me up"), and on held-out text they cost more
  precision than they gained recall (docs/nlp.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from nlp.rules import Candidate
from nlp.taxonomy import SAFETY_THEMES, THEME_IDS
from nlp.textcat import Threshold

MIN_WORDS_FOR_MODEL = 4
# Themes whose cues are only weak beside a safety cue (seventh round, docs/nlp.md).
CROWDED_BY_SAFETY = frozenset({"peers"})
# Rules whose cues are only weak beside a safety cue: a child "distressed",
# "tearful" or "withdrawn" when found with adults who exploit her is not, on its
# own, a mental-health theme (eighth round).
CROWDED_RULES = frozenset({"mental_health.affect"})


@dataclass(frozen=True)
class Signals:
    hits: frozenset[str]
    negated: frozenset[str]
    probs: dict[str, float] = field(default_factory=dict)
    words: int = 0
    weak: frozenset[str] = frozenset()  # themes with only weak cues
    unanchored: frozenset[str] = frozenset()  # themes none of whose MODEL_ANCHORS occur


def signals(
    candidates: list[Candidate],
    probs: dict[str, float],
    blocked: frozenset[str] = frozenset(),
    words: int = 0,
    unanchored: frozenset[str] = frozenset(),
) -> Signals:
    """Rule hits, vetoing cues (negated, or removed by a blocker), model probabilities."""
    live = [c for c in candidates if not c.negated]
    if any(c.theme in SAFETY_THEMES and not c.weak for c in live):
        live = [replace(c, weak=True) if c.rule_id in CROWDED_RULES else c for c in live]
    hits = frozenset(c.theme for c in live if not c.weak)
    weak = frozenset(c.theme for c in live if c.weak) - hits
    if hits & SAFETY_THEMES:
        crowded = hits & CROWDED_BY_SAFETY
        hits, weak = hits - crowded, weak | crowded
    negated = (frozenset(c.theme for c in candidates if c.negated) | blocked) - hits - weak
    return Signals(hits, negated, probs, words, weak, unanchored)


def model_vetoed(theme: str, sig: Signals) -> bool:
    """Whether the rules forbid the model to raise ``theme`` alone in this text."""
    if sig.words < MIN_WORDS_FOR_MODEL or theme in sig.negated or theme in sig.unanchored:
        return True
    if theme not in SAFETY_THEMES:
        return False
    if SAFETY_THEMES & sig.negated:
        return True
    return theme in {"risky_adults", "cse"} and "relationship" in sig.hits


def decide(theme: str, sig: Signals, threshold: Threshold | None) -> bool:
    """Whether ``theme`` is raised (rules only when there is no model threshold)."""
    if threshold is None or theme not in sig.probs:
        return theme in sig.hits
    p = sig.probs[theme]
    if theme in sig.hits:
        return theme in SAFETY_THEMES or p >= threshold.veto
    if theme not in SAFETY_THEMES:
        return theme in sig.weak and p >= threshold.weak
    return p >= threshold.model and not model_vetoed(theme, sig)


def themes(sig: Signals, thresholds: dict[str, Threshold] | None) -> list[str]:
    """Sorted theme ids raised for one text."""
    return sorted(
        theme
        for theme in THEME_IDS
        if decide(theme, sig, thresholds.get(theme) if thresholds else None)
    )
