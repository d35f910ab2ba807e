"""Regression floors: the shipped model on the project's own held-out test split.

The issue's targets are the floors wherever they were reached. Where a target
was not reached honestly, the floor is the figure reached (rounded down a
little) and docs/nlp.md says so ("target 0.95, reached 0.73"). Raise a floor
when the figure improves; never loosen the measurement to pass.
"""

from __future__ import annotations

import io
import time

import pytest

from nlp.cli import bench_texts
from nlp.tagger import tag_many
from nlp.taxonomy import SAFETY_THEMES, THEME_IDS
from nlp.textcat import MODEL_DIR
from nlp.train import Counts, ExtraFigures, _micro, evaluate, extra_figures, model_size

EPS = 1e-9

# The sixth round rebuilt the splits from the same fragment deal after relabelling
# placement by the taxonomy (docs/nlp.md); the session's starting code scores the
# rebuilt test split as it scored the old one (micro 0.871, risky_adults recall 0.829).
# Issue target: micro-F1 >= 0.90. Reached 0.897 in the tenth round (whose retrained
# model gained on every held-out blind set), 0.898 in the ninth, 0.897 in the eighth
# (0.899 mid-round; 0.889 in the seventh, 0.874 in the fifth).
MICRO_F1_FLOOR = 0.89
# Issue target: every label's F1 >= 0.80. Reached by all but cse (below);
# family_conflict 0.897 and placement 0.839 since the sixth round (0.773, 0.756).
LABEL_F1_FLOOR = {
    "boundaries": 0.80,
    "family_conflict": 0.80,
    "placement": 0.80,
    "peers": 0.80,
    "relationship": 0.80,
    "school": 0.80,
    "mental_health": 0.80,
    "substance_misuse": 0.80,
    "risky_adults": 0.80,
    # 0.816 before the fifth round's implied-CSE component raised recall from
    # 0.700 to 0.917 at the cost of precision on this split's labelling, which
    # tags an adult giving lifts or gifts as risky_adults only (docs/nlp.md).
    # Sixth round 0.769 (the same 0.917 recall); eighth round 0.786 (precision
    # 0.663 -> 0.688: the model alone needs a word of CSE's context).
    "cse": 0.77,
    "cce": 0.80,
    "offending": 0.80,
}
# Issue target: recall >= 0.95 for each safety theme. Reached: risky_adults
# 0.907, cse 0.917, cce 1.000 (fifth round 0.829, 0.917, 1.000; second round:
# 0.798, 0.700, 0.905). risky_adults fell to 0.783 in the sixth round because
# dev, rebuilt, tuned its model-only threshold to 0.95 instead of 0.85; the
# eighth round's CSE -> risky_adults implication raised it to 0.907; the tenth
# round's model, trained on the read blind sets too, finds 2 fewer here (0.891) and
# more on every held-out blind set
# (docs/nlp.md, "Eighth round").
SAFETY_RECALL_FLOOR = {"risky_adults": 0.89, "cse": 0.91, "cce": 0.98}
# Issue target: at most 5% of negated or denied mentions tagged. Reached 4.6% (4/87).
NEGATED_WRONG_CEILING = 0.05
# Issue target: urgent recall 1.0 on the test split. Not reached: 0.983 (59/60) with the
# trained second opinion, 0.967 (58/60) by the rules alone, on the fresh set written
# blind in the fourth round (the old set, seen while fixing, was 40/40 and is now part of
# dev); see docs/nlp.md.
URGENT_RECALL_FLOOR = 0.98
# Issue target: urgent precision >= 0.85. Reached 0.967 on the fresh set (0.952 before the
# tenth round, 0.921 before that).
URGENT_PRECISION_FLOOR = 0.85
# Issue target: sentiment accuracy >= 0.80. Reached 0.933.
SENTIMENT_ACCURACY_FLOOR = 0.80
# Issue targets: >= 500 notes per second on one core; model under 25 MB.
THROUGHPUT_FLOOR = 500
MODEL_BYTES_CEILING = 25_000_000


@pytest.fixture(scope="module")
def counts() -> dict[str, Counts]:
    return evaluate(io.StringIO(), model_dir=MODEL_DIR)


@pytest.fixture(scope="module")
def figures() -> ExtraFigures:
    return extra_figures(MODEL_DIR, "test")


def test_floor_table_covers_every_label() -> None:
    assert set(LABEL_F1_FLOOR) == set(THEME_IDS)
    assert set(SAFETY_RECALL_FLOOR) == set(SAFETY_THEMES)


def test_micro_f1(counts: dict[str, Counts]) -> None:
    assert _micro(counts).f1 >= MICRO_F1_FLOOR - EPS


@pytest.mark.parametrize("theme", THEME_IDS)
def test_label_f1(counts: dict[str, Counts], theme: str) -> None:
    assert counts[theme].f1 >= LABEL_F1_FLOOR[theme] - EPS


@pytest.mark.parametrize("theme", sorted(SAFETY_THEMES))
def test_safety_recall(counts: dict[str, Counts], theme: str) -> None:
    assert counts[theme].recall >= SAFETY_RECALL_FLOOR[theme] - EPS


def test_negated_mentions_rarely_tagged(figures: ExtraFigures) -> None:
    assert figures.negated_texts >= 50
    assert figures.negated_wrong_share <= NEGATED_WRONG_CEILING + EPS


def test_urgent(figures: ExtraFigures) -> None:
    assert figures.urgent_recall >= URGENT_RECALL_FLOOR - EPS
    assert figures.urgent_precision >= URGENT_PRECISION_FLOOR - EPS


def test_sentiment(figures: ExtraFigures) -> None:
    assert figures.sentiment_accuracy >= SENTIMENT_ACCURACY_FLOOR - EPS


def test_model_size() -> None:
    assert model_size(MODEL_DIR) < MODEL_BYTES_CEILING


def test_throughput() -> None:
    """Best of three passes over the bench texts (one process, one core)."""
    texts = bench_texts()
    list(tag_many(texts[:10]))  # load everything first
    best = 0.0
    for _ in range(3):
        started = time.perf_counter()
        count = sum(1 for _ in tag_many(texts))
        best = max(best, count / (time.perf_counter() - started))
    assert best >= THROUGHPUT_FLOOR


def test_the_shipped_figures_are_the_models_own() -> None:
    """nlp/model/figures.json (shown to administrators) is what the model scores now."""
    import json

    from nlp.textcat import FIGURES_NAME
    from nlp.train import held_out_figures

    shipped = json.loads((MODEL_DIR / FIGURES_NAME).read_text())
    assert shipped == held_out_figures(MODEL_DIR)
