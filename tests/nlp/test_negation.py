"""Negation and denial remove a theme; pseudo-triggers and cues keep it."""

from __future__ import annotations

import pytest

from nlp.negation import negation_scopes
from nlp.pipeline import get_nlp
from nlp.tagger import tag
from nlp.taxonomy import SAFETY_THEMES


@pytest.mark.parametrize(
    "text",
    [
        "No CSE concerns.",
        "YP denies contact with adults.",
        "No evidence of exploitation.",
        "No concerns about CSE or CCE.",
        "no concerns re county lines, cuckooing or trap houses",
        "No indication of county lines involvement.",
        "Nothing to suggest YP was with older men.",
        "YP did not disclose any contact with older males.",
        "CCE ruled out by police.",
        "County lines is not a concern at this time.",
    ],
)
def test_safety_themes_removed_by_denial(text: str) -> None:
    assert not SAFETY_THEMES & set(tag(text).themes)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("YP denies drinking or taking drugs", "substance_misuse"),
        ("never been arrested", "offending"),
        ("i didnt go country", "cce"),
        ("no weed, no drink", "substance_misuse"),
        ("Arrested for shoplifting, no further action.", "offending"),
        ("Drug use denied.", "substance_misuse"),
        ("Strategy meeting re exploitation not required.", "risky_adults"),
        # A negator between the two words of a window cue is not part of the cue.
        ("Mum reports no arguments at home.", "family_conflict"),
        ("Mum reports there have been no arguments at home recently.", "family_conflict"),
    ],
)
def test_theme_removed_by_negation(text: str, theme: str) -> None:
    assert theme not in tag(text).themes


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        # The scope ends at a terminator, so what follows it still counts.
        ("No CSE concerns, but YP went country last week.", "cce"),
        ("Denies drinking; however she was arrested.", "offending"),
        # Pseudo-triggers do not deny a topic.
        ("not happy at the placement", "placement"),
        ("no one knew i went country", "cce"),
        # Refusing is not denial: being asked is itself a CCE indicator.
        ("she said no to going country", "cce"),
        ("not sure why but i was drinking cider", "substance_misuse"),
        # A trigger inside a cue is part of the cue.
        ("im not allowed out after 8", "boundaries"),
        ("i dont get on with my mum", "family_conflict"),
        # A window's negator must fall inside it or before it.
        ("mum and me had a row, not a big one", "family_conflict"),
        # Far beyond the bare trigger's reach.
        ("no money for the bus home so he gave me a lift and we went country", "cce"),
    ],
)
def test_theme_kept(text: str, theme: str) -> None:
    assert theme in tag(text).themes


def test_negated_span_is_not_evidence() -> None:
    result = tag("No CSE concerns. YP went country.")
    assert [e.text for e in result.evidence] == ["went country"]


def test_negation_scopes_stop_at_terminators() -> None:
    nlp = get_nlp()
    component = nlp.get_pipe("homeward_negation_v1")
    doc = nlp.make_doc("no drugs but weed")
    scoped = negation_scopes(doc, component.triggers, component.pseudo)
    assert [doc[i].text for i in sorted(scoped)] == ["drugs"]


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        # Disliking the placement or a family member is a complaint, not a denial:
        # the cue starts at its own "n't", so the negation does not remove it.
        ("i dont like my carers", "placement"),
        ("she doesn't like her social worker", "placement"),
        ("I don't like the staff at the home", "placement"),
        ("i cant stand my foster carer", "placement"),
        ("i dnt like ma carers they never listen", "placement"),
        ("dont trust the staff here", "placement"),
        ("i dont like it here", "placement"),
        ("She does not like her new foster carers.", "placement"),
        ("i dont like my stepdad", "family_conflict"),
        ("can't stand my mum's boyfriend", "family_conflict"),
        ("i don't like being at home", "family_conflict"),
    ],
)
def test_dislike_is_a_cue_not_a_denial(text: str, theme: str) -> None:
    assert theme in tag(text).themes


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        # Only placement and family words make "don't like" a cue.
        ("i dont like weed", "substance_misuse"),
        ("i dont like school", "school"),
        ("i don't want to live with my mum", "placement"),
    ],
)
def test_dislike_of_other_things_is_not_a_cue(text: str, theme: str) -> None:
    assert theme not in tag(text).themes


def test_dont_know_is_not_a_denial() -> None:
    nlp = get_nlp()
    component = nlp.get_pipe("homeward_negation_v1")
    doc = nlp.make_doc("i dont know why he gave me the phone")
    assert not negation_scopes(doc, component.triggers, component.pseudo)


def test_negation_scope_is_recorded_on_every_doc() -> None:
    doc = get_nlp()("i dont talk to men online")
    assert {doc[i].text for i in doc._.homeward_negation_scope} >= {"talk", "to", "men"}
