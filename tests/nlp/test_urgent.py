"""Urgent replies: recall first on real danger, no alarm on idioms."""

from __future__ import annotations

import pytest

from nlp.tagger import tag
from nlp.urgent import detect

URGENT = [
    "hes outside my house again",
    "he\u2019s outside my house again",
    "ive taken loads of tablets",
    "took 20 paracetamol",
    "please someone call me",
    "i want to die",
    "i wanna kill myself",
    "he hit me",
    "my stepdad hit me again last night",
    "im scared",
    "I'm so scared",
    "im not safe here",
    "come get me",
    "help me please",
    "HELP",
    "someone is following me",
    "he said hed kill me",
    "they wont let me leave",
    "i cut myself again",
    "i dont want to be here anymore",
    "call the police",
    "he keeps touching me",
    "i feel unsafe",
    "scared to go home",
    "i got jumped",
    # Violence to the child or someone with them, a plain "ending it", an unnamed overdose.
    "my mums boyfriend punched me",
    "my brother kicked me",
    "hes hitting my mum and me",
    "they're beating my little brother",
    "i feel like ending it",
    "been thinking about ending it",
    "i have taken something i shouldnt have and feel really ill",
    "took some stuff and feel dizzy",
]

NOT_URGENT = [
    "killing it at school lol",
    "killing it at school now lol",
    "dying to see you",
    "im dead lol",
    "this interview was pointless",
    "the interview was pointless",
    "my mum will kill me if im late",
    "my mum will kill me lol",
    "can you help me with my CV",
    "i dont want to live at the placement",
    "thanks it was ok",
    "i might end it with my boyfriend",
    "had something to eat and feel sick now lol",
    "he hit me up last night about a party",
    "",
]


@pytest.mark.parametrize("text", URGENT)
def test_urgent(text: str) -> None:
    is_urgent, spans = detect(text)
    assert is_urgent
    for span in spans:
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("text", NOT_URGENT)
def test_not_urgent(text: str) -> None:
    assert detect(text) == (False, [])


def test_self_harm_is_never_treated_as_idiom() -> None:
    assert detect("i want to kill myself lol")[0]


def test_tag_reports_urgent() -> None:
    result = tag("please someone call me hes outside")
    assert result.urgent
    assert {s.kind for s in result.urgent_spans} >= {"help", "danger"}
