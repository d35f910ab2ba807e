"""The theme taxonomy: twelve stable label ids, their names and definitions.

Label ids are stable API (``python -m nlp tag`` prints them, reports group by
them, interview forms record them as reasons). Everything imports them from
here. ``TAXONOMY_VERSION`` changes whenever a definition does.
"""

from __future__ import annotations

from dataclasses import dataclass

TAXONOMY_VERSION = "2026.1"


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    tag_when: str
    not_when: str = ""
    # Safety themes favour recall: a reviewer can reject, but not see what was never raised.
    safety: bool = False


THEMES: tuple[Theme, ...] = (
    Theme(
        "boundaries",
        "Boundaries",
        "broke or resented rules, curfews, groundings, bans, phone or screen removal, "
        "not being allowed to go somewhere, 'too strict'",
        "simply late for a neutral reason",
    ),
    Theme(
        "family_conflict",
        "Family conflict",
        "arguments, rows, violence, rejection, being kicked out, parental alcohol or "
        "mental-health pressure, separated parents in conflict",
        "a parent is merely mentioned",
    ),
    Theme(
        "placement",
        "Care placement",
        "the care placement itself: moves, breakdown, wanting to live elsewhere, contact "
        "arrangements, changing social workers, other residents",
        "the child lives at home",
    ),
    Theme(
        "peers",
        "Friends and peers",
        "friends, parties, peer pressure, staying at a friend's house",
        "the 'friends' are adults exploiting the child",
    ),
    Theme(
        "relationship",
        "Relationship",
        "a boyfriend or girlfriend of similar age",
        "the partner is a much older adult",
    ),
    Theme(
        "school",
        "School",
        "exclusion, bullying at school, exams, detentions, college problems",
        "school is only where the interview happened",
    ),
    Theme(
        "mental_health",
        "Mental health",
        "low mood, anxiety, self-harm, suicidal thoughts, trauma, neurodiversity struggles",
    ),
    Theme(
        "substance_misuse",
        "Substance misuse",
        "the child drank or used drugs",
        "the child denies use; drugs were only sold or carried (that is CCE)",
    ),
    Theme(
        "risky_adults",
        "Risky adults",
        "adults who pose a risk: older 'boyfriends', men giving lifts, gifts, money, drink",
        "the text says there were no adults of concern",
        safety=True,
    ),
    Theme(
        "cse",
        "Child sexual exploitation",
        "sex in exchange for something, requests for images, online grooming, hotels or "
        "flats with older men, gifts from adult partners, sexual assault",
        "the text says there are no CSE concerns",
        safety=True,
    ),
    Theme(
        "cce",
        "Child criminal exploitation",
        "county lines, going country, trap houses, holding packages, drug debts, deal-line "
        "or burner phones, cuckooing, being made to steal or keep lookout",
        "the text says there are no CCE concerns",
        safety=True,
    ),
    Theme(
        "offending",
        "Offending",
        "the child committed or was arrested for an offence",
        "the child was a victim",
    ),
)

THEME_IDS: tuple[str, ...] = tuple(theme.id for theme in THEMES)
BY_ID: dict[str, Theme] = {theme.id: theme for theme in THEMES}
SAFETY_THEMES: frozenset[str] = frozenset(theme.id for theme in THEMES if theme.safety)
