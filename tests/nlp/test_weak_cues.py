"""Weak cues (sixth round): a placement named in passing, a parent and trouble in one
sentence. They raise a theme only when the model agrees, and the taxonomy's
reading of ``placement`` (the placement itself, not a care setting named in
passing) is what the tagger follows."""

from __future__ import annotations

import json

import pytest

from nlp import combine
from nlp.rules import MODEL_ANCHORS, all_rules
from nlp.tagger import tag
from nlp.taxonomy import SAFETY_THEMES, THEME_IDS
from nlp.textcat import MODEL_DIR, THRESHOLDS_NAME, Threshold


def signals(*, hits: set[str] = set(), weak: set[str] = set(), p: float) -> combine.Signals:  # noqa: B006
    return combine.Signals(
        frozenset(hits), frozenset(), {t: p for t in THEME_IDS}, 9, frozenset(weak)
    )


def test_a_weak_hit_needs_the_model_and_a_full_hit_does_not() -> None:
    t = Threshold(1.0, veto=0.0, weak=0.4)
    assert combine.decide("placement", signals(weak={"placement"}, p=0.5), t)
    assert not combine.decide("placement", signals(weak={"placement"}, p=0.3), t)
    assert combine.decide("placement", signals(hits={"placement"}, p=0.0), t)
    # The default weak threshold (older model versions) never trusts a weak cue.
    assert not combine.decide("placement", signals(weak={"placement"}, p=0.99), Threshold(1.0))


def test_weak_cues_are_for_non_safety_themes_only() -> None:
    weak = {r.theme for r in all_rules() if r.weak}
    assert weak and not weak & SAFETY_THEMES


def test_the_shipped_model_trusts_weak_placement_and_family_cues_part_way() -> None:
    raw = json.loads((MODEL_DIR / THRESHOLDS_NAME).read_text())["labels"]
    for theme in ("placement", "family_conflict"):
        assert 0 < raw[theme]["weak"] < 1, theme


@pytest.mark.parametrize(
    "text",
    [
        "YP returned on time; FC reported in error after a mix-up about bus times.",
        "fc took my phone so i walked",
        "Returned to the unit by police at 02:30, safe and well.",
    ],
)
def test_a_placement_named_in_passing_is_not_placement(text: str) -> None:
    assert "placement" not in tag(text).themes


@pytest.mark.parametrize(
    "text",
    [
        "the home is so loud i cant think",
        "I've had five social workers. Why would I tell this one anything",
        "YP says he does not feel at home with his foster family.",
        "she had a row with another girl on the unit over the TV remote",
        "dont wana b in care any more",
        "the staff r wank they never listen",
        "Went missing after an argument with her FC about the house rules.",
    ],
)
def test_the_placement_itself_is_placement(text: str) -> None:
    assert "placement" in tag(text).themes


def test_a_parent_and_trouble_in_one_sentence_is_family_conflict() -> None:
    text = "Mum told him to get out and not come back after a big argument about money."
    assert "family_conflict" in tag(text).themes
    assert "family_conflict" not in tag("mum said he was out 3 nights in a row").themes


def test_a_weak_cue_does_not_shield_a_denial_inside_its_window() -> None:
    result = tag("mum said no so i went out the window then im not depressed or anything x")
    assert "mental_health" not in result.themes
    assert "boundaries" in result.themes


def test_the_model_alone_raises_cce_only_with_a_cce_word_in_the_text() -> None:
    assert MODEL_ANCHORS["cce"] >= {"money", "owe", "train", "selling"}
    probs = {t: 0.0 for t in THEME_IDS} | {"cce": 0.99}
    t = {theme: Threshold(0.6) for theme in THEME_IDS}
    anchored = combine.Signals(frozenset(), frozenset(), probs, 9)
    assert combine.themes(anchored, t) == ["cce"]
    bare = combine.Signals(frozenset(), frozenset(), probs, 9, unanchored=frozenset({"cce"}))
    assert combine.themes(bare, t) == []
    # The sixth round's model gave this 0.99 for cce.
    assert "cce" not in tag("i took loads of tablets after the row with mum").themes


def test_peers_beside_a_safety_cue_counts_only_as_a_weak_cue() -> None:
    """Beside a safety cue the "friends" are most often the exploiting adults' circle:
    a peers cue then needs the model to agree, as a weak cue does."""
    from nlp.rules import Candidate

    def cue(theme: str) -> Candidate:
        return Candidate(theme, f"{theme}.test", 0, 1, 0, 4, 0.9)

    t = Threshold(1.0, veto=0.0, weak=0.5)
    alone = combine.signals([cue("peers")], {"peers": 0.1}, words=9)
    assert combine.decide("peers", alone, t)
    crowded = combine.signals([cue("peers"), cue("risky_adults")], {"peers": 0.1}, words=9)
    assert "peers" in crowded.weak and not combine.decide("peers", crowded, t)
    agreed = combine.signals([cue("peers"), cue("cce")], {"peers": 0.6}, words=9)
    assert combine.decide("peers", agreed, t)


def test_an_exploiters_friends_and_parties_are_not_peers() -> None:
    result = tag("She was taken to parties at a flat by a man in his thirties and his friends")
    assert "risky_adults" in result.themes and "peers" not in result.themes
    assert "peers" in tag("She was at a party at her friends house till 2am").themes
