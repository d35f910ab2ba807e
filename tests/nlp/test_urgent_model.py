"""The urgent detector's trained second opinion (nlp.urgent_model) in the shipped model."""

from __future__ import annotations

import pytest

from nlp import urgent_model
from nlp.tagger import Tagger, default_tagger, tag
from nlp.textcat import MODEL_DIR
from nlp.urgent import detect

# Neglect said plainly: no cue in the rules, but urgent.
MISSED_BY_RULES = "  they make me sleep in the shed and i havent eaten "


def test_the_shipped_model_has_a_second_opinion() -> None:
    assert urgent_model.load(MODEL_DIR, default_tagger().nlp) is not None


def test_a_reply_the_rules_miss_is_raised_with_the_whole_text_as_evidence() -> None:
    assert detect(MISSED_BY_RULES)[0] is False
    result = tag(MISSED_BY_RULES)
    assert result.urgent
    [span] = result.urgent_spans
    assert span.kind == urgent_model.KIND == "model"
    assert span.text == MISSED_BY_RULES.strip()
    assert MISSED_BY_RULES[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "text",
    ["ok thanks see you tuesday", "it was fine i guess", "STOP", "4", "", "   "],
)
def test_ordinary_replies_stay_ordinary(text: str) -> None:
    assert tag(text).urgent is False


def test_the_rules_answer_first_and_keep_their_evidence() -> None:
    result = tag("hes outside my house again please help")
    assert result.urgent and "model" not in {s.kind for s in result.urgent_spans}


def test_a_version_without_a_second_opinion_uses_the_rules_alone() -> None:
    shipped = default_tagger()
    rules_only = Tagger(shipped.nlp, shipped.thresholds, None)
    assert rules_only.urgent(MISSED_BY_RULES) == (False, [])
