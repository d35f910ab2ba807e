"""Sentiment on SMS-style text: TextBlob plus slang, emoji and negation fixes."""

from __future__ import annotations

import pytest

from nlp.sentiment import label_for, score


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("im not safe here", "neg"),
        ("killing it at school now lol", "pos"),
        ("not happy", "neg"),
        ("gutted", "neg"),
        ("buzzing for the weekend", "pos"),
        ("that was sound", "pos"),
        ("proper good chat ta", "pos"),
        ("ok :(", "neg"),
        ("😢", "neg"),
        ("😡😡", "neg"),
        (":)", "pos"),
        ("thanks 😊", "pos"),
        ("love u ❤️", "pos"),
        ("this interview was pointless", "neg"),
        ("im scared", "neg"),
        ("not buzzing about it", "neg"),
        ("i hate it here", "neg"),
        ("at nans", "neu"),
        ("", "neu"),
    ],
)
def test_labels(text: str, label: str) -> None:
    assert score(text).label == label


def test_capitals_and_exclamations_intensify() -> None:
    assert score("I HATE IT HERE!!!").polarity < score("i hate it here").polarity


@pytest.mark.parametrize(
    "text", ["", "AMAZING!!!!!! 😊😊😊 love love", "HATE HATE 😡😡😡!!!!", "meh"]
)
def test_polarity_clipped_and_rounded(text: str) -> None:
    s = score(text)
    assert -1.0 <= s.polarity <= 1.0
    assert s.polarity == round(s.polarity, 2)
    assert s.label == label_for(s.polarity)


def test_thresholds() -> None:
    assert label_for(0.11) == "pos"
    assert label_for(0.1) == "neu"
    assert label_for(-0.1) == "neu"
    assert label_for(-0.11) == "neg"
