"""Synthetic children, episodes and interviews for demo mode. Every person is invented.

Two stages. ``plan_demo`` decides everything in plain Python from a fixed
seed, with times relative to "now", so the demo always has current work:
about 300 children across the seven districts, about 1,200 missing episodes
over two years (most children once or twice, a few repeat children 10 to 30
times), Return Home Interviews in every state, and interview records whose
narratives match their themes. ``load_demo_records`` then loads the plan
through the real services (episodes, returns, the repeat rule, allocation,
every change of state, interview submission), so the demo data obeys the
same rules as real data. Where a service stamps "now" on something the plan
dates in the past (a change of state, an allocation, a meeting task), the
planned time is set afterwards.
"""

from __future__ import annotations

import gc
import random
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm.attributes import set_committed_value

from rhi import demo_texts as words
from rhi.auth.models import User
from rhi.auth.roles import Role
from rhi.children.models import Child
from rhi.children.services import save_child
from rhi.children.vocabulary import Gender, LegalStatus, Vulnerability
from rhi.database import transactional, utcnow
from rhi.episodes.models import Episode
from rhi.episodes.services import record_episode, record_return
from rhi.episodes.vocabulary import Category, RiskGrade
from rhi.extensions import db
from rhi.interviews.models import ReturnInterview, RhiTransition
from rhi.interviews.record_services import InterviewAnswers, current_version, submit_interview
from rhi.interviews.record_vocabulary import ExploitationIndicator, ReferralTarget
from rhi.interviews.services import allocate, change_status
from rhi.interviews.vocabulary import CLOCK_RUNNING, DUE_AFTER, InterviewMethod, RhiStatus
from rhi.meetings.models import MeetingStatus, MeetingTask

T = TypeVar("T")

SEED = 20230331
CHILD_COUNT = 300
HISTORY = timedelta(days=730)
LONDON = ZoneInfo("Europe/London")
# How long after a child goes missing the report (and any meeting task) is raised.
REPORTED_AFTER = timedelta(minutes=30)
# The keys load_demo_records adds to load_demo_data's counts.
COUNT_KEYS = ("children", "episodes", "rhis", "meeting_tasks", "interview_records")

# A county's weighting: more children in Mansfield and Ashfield.
DISTRICT_WEIGHTS = {
    "ashfield": 20,
    "mansfield": 21,
    "bassetlaw": 15,
    "newark-and-sherwood": 14,
    "gedling": 11,
    "broxtowe": 11,
    "rushcliffe": 8,
}
LEGAL_STATUS_WEIGHTS = {
    LegalStatus.HOME: 50,
    LegalStatus.LOOKED_AFTER: 33,
    LegalStatus.CHILD_IN_NEED: 10,
    LegalStatus.CHILD_PROTECTION: 7,
}
AGE_WEIGHTS = {10: 2, 11: 4, 12: 8, 13: 13, 14: 18, 15: 21, 16: 19, 17: 15}
GENDER_WEIGHTS = {Gender.FEMALE: 49, Gender.MALE: 47, Gender.NON_BINARY: 2, Gender.NOT_KNOWN: 2}
ETHNICITY_WEIGHTS = {"white": 82, "mixed": 7, "asian": 4, "black": 3, "other": 1, "not_known": 3}

# How often a child goes missing: (tier, weight by legal status, how many episodes).
TIERS: dict[str, tuple[dict[str, int], tuple[int, int]]] = {
    "once": ({"home": 52, "lac": 26, "cin": 40, "cp": 40}, (1, 1)),
    "twice": ({"home": 22, "lac": 18, "cin": 22, "cp": 22}, (2, 2)),
    "few": ({"home": 14, "lac": 18, "cin": 15, "cp": 15}, (3, 4)),
    "several": ({"home": 7, "lac": 16, "cin": 12, "cp": 12}, (5, 9)),
    "repeat": ({"home": 5, "lac": 22, "cin": 11, "cp": 11}, (10, 30)),
}

# Which themes a child's episodes tend to have: a profile per child keeps a history coherent.
PROFILES: dict[str, dict[str, int]] = {
    "boundaries": {
        "boundaries": 6,
        "family_conflict": 3,
        "peers": 3,
        "relationship": 1,
        "substance_misuse": 1,
        "school": 1,
    },
    "family": {"family_conflict": 6, "boundaries": 3, "mental_health": 2, "peers": 1},
    "school": {"school": 4, "mental_health": 3, "family_conflict": 2, "boundaries": 2},
    "relationship": {"relationship": 4, "boundaries": 3, "family_conflict": 1, "peers": 1},
    "care": {
        "placement": 6,
        "boundaries": 4,
        "peers": 3,
        "family_conflict": 2,
        "substance_misuse": 1,
    },
    "neuro": {"mental_health": 4, "boundaries": 3, "family_conflict": 3, "school": 2},
    "cse": {
        "risky_adults": 5,
        "cse": 4,
        "boundaries": 2,
        "family_conflict": 2,
        "substance_misuse": 2,
        "mental_health": 2,
        "relationship": 1,
    },
    "cce": {
        "cce": 5,
        "offending": 3,
        "peers": 3,
        "risky_adults": 2,
        "substance_misuse": 2,
        "boundaries": 1,
        "school": 1,
    },
}
EXPLOITATION_PROFILES = frozenset({"cse", "cce"})
THEME_COUNT_WEIGHTS = {0: 7, 1: 35, 2: 40, 3: 18}
# Local hour a child goes missing: mostly late afternoon and evening.
START_HOUR_WEIGHTS = {
    0: 3, 1: 2, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 1, 10: 1, 11: 1,
    12: 2, 13: 2, 14: 2, 15: 3, 16: 4, 17: 5, 18: 6, 19: 7, 20: 8, 21: 8, 22: 7, 23: 5,
}  # fmt: skip

INDICATORS: dict[str, tuple[ExploitationIndicator, ...]] = {
    "cse": (
        ExploitationIndicator.OLDER_ASSOCIATES,
        ExploitationIndicator.GIFTS_OR_MONEY,
        ExploitationIndicator.ONLINE_CONTACT,
        ExploitationIndicator.IMAGES,
        ExploitationIndicator.UNKNOWN_ADDRESSES,
        ExploitationIndicator.SUPPLIED_SUBSTANCES,
    ),
    "risky_adults": (
        ExploitationIndicator.OLDER_ASSOCIATES,
        ExploitationIndicator.LIFTS,
        ExploitationIndicator.SUPPLIED_SUBSTANCES,
        ExploitationIndicator.GIFTS_OR_MONEY,
    ),
    "cce": (
        ExploitationIndicator.OUT_OF_AREA,
        ExploitationIndicator.CARRYING,
        ExploitationIndicator.NEW_PHONES,
        ExploitationIndicator.DEBT,
        ExploitationIndicator.THREATS,
        ExploitationIndicator.OLDER_ASSOCIATES,
    ),
}
REFERRALS: dict[str, tuple[ReferralTarget, ...]] = {
    "cse": (ReferralTarget.EXPLOITATION_TEAM, ReferralTarget.POLICE),
    "cce": (ReferralTarget.EXPLOITATION_TEAM, ReferralTarget.POLICE),
    "risky_adults": (ReferralTarget.POLICE,),
    "mental_health": (ReferralTarget.CAMHS,),
    "school": (ReferralTarget.SCHOOL,),
    "peers": (ReferralTarget.YOUTH_SERVICE,),
    "substance_misuse": (ReferralTarget.YOUTH_SERVICE,),
    "offending": (ReferralTarget.OTHER,),
    "family_conflict": (ReferralTarget.OTHER,),
}


# ---------------------------------------------------------------- the plan


@dataclass
class Step:
    """One thing done to an RHI: allocation (``status`` None) or a change of state."""

    at: datetime
    status: RhiStatus | None
    note: str | None = None
    scheduled_for: datetime | None = None


@dataclass(eq=False)
class RhiPlan:
    outcome: str
    steps: list[Step] = field(default_factory=list)
    method: InterviewMethod | None = None
    scheduled_place: str | None = None
    answers: InterviewAnswers | None = None

    @property
    def final_status(self) -> RhiStatus:
        statuses = [step.status for step in self.steps if step.status is not None]
        return statuses[-1] if statuses else RhiStatus.REQUESTED


@dataclass(eq=False)
class EpisodePlan:
    child: ChildPlan
    started_at: datetime
    duration: timedelta | None  # None: still missing
    themes: tuple[str, ...]
    category: Category = Category.MISSING
    risk_grade: RiskGrade = RiskGrade.LOW
    police_reference: str | None = None
    reported_by: str | None = None
    source: str = "form"
    found_location: str | None = None
    found_with: str | None = None
    how_returned: str | None = None
    slots: dict[str, str] = field(default_factory=dict)
    rhi: RhiPlan | None = None

    @property
    def returned_at(self) -> datetime | None:
        return None if self.duration is None else self.started_at + self.duration


@dataclass(eq=False)
class ChildPlan:
    case_ref: str
    data: dict[str, object]
    district: str
    legal_status: LegalStatus
    profile: str
    tier: str
    neuro: bool
    slots: dict[str, str]
    history_start: datetime
    episodes: list[EpisodePlan] = field(default_factory=list)

    @property
    def in_care(self) -> bool:
        return self.legal_status.in_care


@dataclass
class DemoPlan:
    now: datetime
    children: list[ChildPlan]

    @property
    def episodes(self) -> list[EpisodePlan]:
        """Every episode, in the order they happened (the order they are recorded)."""
        every = [episode for child in self.children for episode in child.episodes]
        return sorted(every, key=lambda episode: (episode.started_at, episode.child.case_ref))


def _weighted(rng: random.Random, weights: Mapping[T, float]) -> T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _hours(rng: random.Random, low: float, high: float) -> timedelta:
    return timedelta(hours=rng.uniform(low, high))


# ---------------------------------------------------------------- children


def _case_refs(rng: random.Random) -> list[str]:
    return [f"NC{number:06d}" for number in rng.sample(range(100_000, 1_000_000), CHILD_COUNT)]


def _name(rng: random.Random, gender: Gender, group: str, taken: set[str]) -> tuple[str, str]:
    given_names = {
        Gender.FEMALE: words.GIVEN_NAMES_FEMALE,
        Gender.MALE: words.GIVEN_NAMES_MALE,
    }.get(gender, words.GIVEN_NAMES_NEUTRAL + words.GIVEN_NAMES_FEMALE[:10])
    family_names = words.FAMILY_NAMES.get(group, words.FAMILY_NAMES["white"])
    while True:
        given, family = rng.choice(given_names), rng.choice(family_names)
        full = f"{given} {family}"
        if full not in words.NOT_THESE_NAMES and full not in taken:
            taken.add(full)
            return given, family


def _pronouns(gender: Gender) -> dict[str, str]:
    if gender is Gender.FEMALE:
        sub, obj, pos, was = "she", "her", "her", "was"
    elif gender is Gender.MALE:
        sub, obj, pos, was = "he", "him", "his", "was"
    else:
        sub, obj, pos, was = "they", "them", "their", "were"
    return {
        "sub": sub,
        "Sub": sub.capitalize(),
        "obj": obj,
        "pos": pos,
        "Pos": pos.capitalize(),
        "was": was,
    }


def _placement(rng: random.Random, age: int) -> tuple[str, str, dict[str, str]]:
    """Placement type, provider, and how the worker and the child speak of it."""
    kind = _weighted(rng, {"home": 45, "foster": 40, "semi": 15 if age >= 16 else 0})
    if kind == "home":
        provider = rng.choice(words.CHILDRENS_HOMES)
        short = provider.split(" children's home")[0]
        return (
            "Children's home",
            provider,
            {
                "carer": rng.choice(("the key worker", "the residential worker", "the key worker")),
                "my_carer": rng.choice(("staff", "the staff")),
                "home": "the children's home",
                "my_home": "the home",
                "provider": short,
            },
        )
    if kind == "foster":
        provider = rng.choice(words.FOSTERING_PROVIDERS)
        agency = "independent agency" if "independent" in provider else "in-house"
        return (
            f"Foster placement ({agency})",
            provider,
            {
                "carer": rng.choice(("foster carer", "the foster carer")),
                "my_carer": rng.choice(("my carer", "my foster carer", "my carers")),
                "home": "the foster placement",
                "my_home": rng.choice(("my carer's", "my foster placement")),
                "provider": "the foster placement",
            },
        )
    provider = rng.choice(words.SEMI_INDEPENDENT)
    return (
        "Semi-independent accommodation",
        provider,
        {
            "carer": "the support worker",
            "my_carer": "the workers",
            "home": "the supported accommodation",
            "my_home": "my flat",
            "provider": provider,
        },
    )


FAMILY_WORDS = (("mum", "mum"), ("mum", "my mum"), ("dad", "my dad"), ("nan", "my nan"))
HOME_CARERS = (*FAMILY_WORDS, ("step-dad", "my step-dad"), ("mum", "mum"))


def _profile(
    rng: random.Random, status: LegalStatus, gender: Gender, tier: str, neuro: bool
) -> str:
    weights = {"boundaries": 30, "family": 24, "school": 7, "relationship": 7, "neuro": 0}
    if status.in_care:
        weights.update(care=40, boundaries=15, family=10)
    exploitation = {"once": 4, "twice": 8, "few": 14, "several": 24, "repeat": 45}[tier]
    weights["cse"] = exploitation if gender is not Gender.MALE else exploitation // 5
    weights["cce"] = exploitation if gender is not Gender.FEMALE else exploitation // 5
    if neuro:
        weights["neuro"] = 25
    return _weighted(rng, weights)


def _vulnerabilities(rng: random.Random, gender: Gender, profile: str, tier: str) -> list[str]:
    """Neurodivergent children are over-represented, most of all among repeat children."""
    repeat = tier in ("several", "repeat")
    chances = {
        Vulnerability.AUTISM: 0.14 + (0.1 if repeat else 0),
        Vulnerability.ADHD: (0.22 if gender is Gender.MALE else 0.12) + (0.1 if repeat else 0),
        Vulnerability.MENTAL_HEALTH: 0.18,
        Vulnerability.SEND: 0.14,
        Vulnerability.LEARNING_DISABILITY: 0.05,
        Vulnerability.SUBSTANCE_MISUSE: 0.3 if profile == "cce" else 0.06,
        Vulnerability.EXPLOITATION_RISK: 0.75 if profile in EXPLOITATION_PROFILES else 0.03,
    }
    return sorted(str(item) for item, chance in chances.items() if rng.random() < chance)


def _school(rng: random.Random, district: str, age: int) -> str:
    if age >= 16 and rng.random() < 0.6:
        return words.COLLEGE
    if rng.random() < 0.12:
        return rng.choice(words.EDUCATION_OTHER[:2] if age < 16 else words.EDUCATION_OTHER)
    return rng.choice(words.DISTRICT_WORDS[district].schools)


def _plan_child(rng: random.Random, case_ref: str, now: datetime, taken: set[str]) -> ChildPlan:
    today = now.astimezone(LONDON).date()
    district = _weighted(rng, DISTRICT_WEIGHTS)
    status = _weighted(rng, LEGAL_STATUS_WEIGHTS)
    gender = _weighted(rng, GENDER_WEIGHTS)
    group = _weighted(rng, ETHNICITY_WEIGHTS)
    age = _weighted(rng, AGE_WEIGHTS)
    # Between 1 and 360 days past their birthday: ``age`` today, whatever today is.
    born = date(today.year - age, today.month, min(today.day, 28)) - timedelta(
        days=rng.randint(1, 360)
    )
    given, family = _name(rng, gender, group, taken)
    tier_weights = {tier: weights[str(status)] for tier, (weights, _range) in TIERS.items()}
    if age < 12:
        tier_weights["repeat"] = tier_weights["several"] = 0
    tier = _weighted(rng, tier_weights)
    neuro_hint = rng.random() < 0.3
    profile = _profile(rng, status, gender, tier, neuro_hint)
    vulnerabilities = _vulnerabilities(rng, gender, profile, tier)
    neuro = bool({"autism", "adhd"} & set(vulnerabilities))
    if profile == "neuro" and not neuro:
        vulnerabilities = sorted({*vulnerabilities, str(Vulnerability.AUTISM)})
        neuro = True
    towns = words.DISTRICT_WORDS[district].towns
    town = rng.choice(towns)
    slots = _pronouns(gender)
    parent, my_parent = rng.choice(FAMILY_WORDS)
    placement_type = provider = None
    if status.in_care:
        placement_type, provider, placement_slots = _placement(rng, age)
        slots.update(placement_slots)
        other = rng.choice(list(words.DISTRICT_WORDS))
        home_town = rng.choice(words.DISTRICT_WORDS[other].towns)
    else:
        carer, my_carer = rng.choice(HOME_CARERS)
        parent, my_parent = (carer, my_carer) if rng.random() < 0.7 else (parent, my_parent)
        slots.update(carer=carer, my_carer=my_carer, home="home", my_home="home", provider="home")
        home_town = town
    partner = {
        Gender.FEMALE: "boyfriend" if rng.random() < 0.85 else "girlfriend",
        Gender.MALE: "girlfriend" if rng.random() < 0.85 else "boyfriend",
    }.get(gender, "partner")
    school = _school(rng, district, age)
    slots.update(
        carer_cap=_capital(slots["carer"]),
        parent=parent,
        my_parent=my_parent,
        town=town,
        home_town=home_town,
        partner=partner,
        partner_cap=partner.capitalize(),
        partner_age=str(max(12, age + rng.choice((-1, 0, 0, 1)))),
        school=school if "education" not in school and "educated" not in school else "school",
        yp_age=str(age),
    )
    data: dict[str, object] = {
        "given_name": given,
        "family_name": family,
        "date_of_birth": born.isoformat(),
        "gender": str(gender),
        "ethnicity": words.ETHNIC_GROUPS[group],
        "district": district,
        "legal_status": str(status),
        "placement_type": placement_type,
        "placement_provider": provider,
        "school": school,
        "vulnerabilities": vulnerabilities,
    }
    tenth_birthday = datetime(born.year + 10, born.month, min(born.day, 28), tzinfo=UTC)
    return ChildPlan(
        case_ref=case_ref,
        data=data,
        district=district,
        legal_status=status,
        profile=profile,
        tier=tier,
        neuro=neuro,
        slots=slots,
        history_start=max(now - HISTORY, tenth_birthday),
    )


# ---------------------------------------------------------------- episodes


def _themes(rng: random.Random, child: ChildPlan) -> tuple[str, ...]:
    weights = dict(PROFILES[child.profile])
    if child.in_care and child.profile != "care":
        weights["placement"] = 2
    count = _weighted(rng, THEME_COUNT_WEIGHTS)
    chosen: list[str] = []
    while len(chosen) < count and weights:
        theme = _weighted(rng, weights)
        chosen.append(theme)
        del weights[theme]
    if "cse" in chosen and "risky_adults" not in chosen and rng.random() < 0.8:
        chosen.insert(chosen.index("cse"), "risky_adults")
    return tuple(chosen[:3])


def _duration(rng: random.Random, themes: Sequence[str]) -> timedelta:
    if not themes:
        return _hours(rng, 0.5, 4)
    if {"cse", "cce"} & set(themes):
        band = _weighted(rng, {(0.5, 4): 35, (4, 24): 30, (24, 72): 25, (72, 192): 10})
    else:
        band = _weighted(rng, {(0.5, 4): 62, (4, 24): 24, (24, 72): 11, (72, 144): 3})
    return _hours(rng, *band)


def _gap(rng: random.Random, tier: str) -> timedelta:
    """Time from one return to the next disappearance: repeat children go in bursts."""
    if tier == "repeat":
        days = rng.expovariate(1 / 4) if rng.random() < 0.75 else rng.uniform(20, 90)
    elif tier == "several":
        days = rng.expovariate(1 / 12) if rng.random() < 0.6 else rng.uniform(30, 150)
    else:
        days = rng.uniform(14, 300)
    return max(timedelta(days=days), timedelta(hours=2))


def _snap_back(rng: random.Random, moment: datetime) -> datetime:
    """The latest time at or before ``moment`` at a likely local hour to go missing."""
    local = moment.astimezone(LONDON)
    hour = _weighted(rng, START_HOUR_WEIGHTS)
    candidate = local.replace(hour=hour, minute=rng.randrange(60), second=0, microsecond=0)
    if candidate > local:
        candidate -= timedelta(days=1)
    return candidate.astimezone(UTC)


def _timeline(rng: random.Random, child: ChildPlan, count: int, mode: str, now: datetime) -> None:
    """Lay ``count`` episodes out for ``child`` without overlaps, ending as ``mode`` says."""
    themes = [_themes(rng, child) for _ in range(count)]
    durations: list[timedelta | None] = [_duration(rng, t) for t in themes]
    gaps = [_gap(rng, child.tier) for _ in range(count - 1)]
    if mode == "open":
        end = now - _hours(rng, 2, 30)  # the last one started then and is still going on
        durations[-1] = None
    elif mode == "current":
        end = now - _hours(rng, 1, 68)
    elif mode == "recent":
        end = now - timedelta(days=rng.uniform(3, 20))
    else:
        end = now - timedelta(hours=1)
    busy = sum((d for d in durations if d is not None), timedelta())
    room = end - child.history_start - busy
    total_gaps = sum(gaps, timedelta())
    if total_gaps > room * 0.85:  # leave room for moving starts to a likely hour
        gaps = [max(gap * (room * 0.85 / total_gaps), timedelta(hours=1)) for gap in gaps]
        total_gaps = sum(gaps, timedelta())
    if mode == "normal":
        spare = max(room - total_gaps - timedelta(days=count), timedelta())
        end -= spare * rng.random()
    episodes: list[EpisodePlan] = []
    boundary = end
    for index in reversed(range(count)):
        duration = durations[index]
        if index == count - 1 and mode in ("open", "current"):
            start = boundary - (duration or timedelta())
        else:
            start = _snap_back(rng, boundary - (duration or timedelta()))
        if start < now - HISTORY:
            break
        episodes.append(EpisodePlan(child, start, duration, themes[index]))
        boundary = start - (gaps[index - 1] if index else timedelta())
    child.episodes = list(reversed(episodes))


def _found(rng: random.Random, episode: EpisodePlan) -> None:
    """Where and with whom the child was found, and how they came back."""
    child, themes = episode.child, set(episode.themes)
    slots = child.slots
    district = words.DISTRICT_WORDS[child.district]
    town = slots["town"]
    options: dict[str, float] = dict(district.places)
    out_of_area = False
    if "cce" in themes:
        options.update({place: 3 for place in words.OUT_OF_AREA})
    if "cse" in themes or "risky_adults" in themes:
        options[f"address of an adult of concern, {town}"] = 8
        options["hotel, Nottingham city centre"] = 3
    if "peers" in themes:
        options[f"friend's house, {town}"] = 12
    if "relationship" in themes:
        options[f"{slots['partner']}'s house, {town}"] = 14
    if "family_conflict" in themes:
        options[f"relative's house, {town}"] = 6
        options[f"grandparent's house, {town}"] = 4
    if "placement" in themes:
        options[f"family home, {slots['home_town']}"] = 10
    if not themes:
        options[f"relative's house, {town}"] = 8
    location = _weighted(rng, options) if rng.random() > 0.1 else None
    setting = next(
        (t for t in ("cse", "cce", "risky_adults", "relationship", "peers") if t in themes),
        next((t for t in ("placement", "family_conflict") if t in themes), ""),
    )
    episode.found_location = location
    if location is None:
        episode.found_with = None
        episode.how_returned = "Returned of own accord"
    else:
        out_of_area = location in words.OUT_OF_AREA
        episode.found_with = words.fill(
            rng.choice(words.FOUND_WITH[setting]), slots | {"age": str(rng.randint(19, 34))}
        )
        how = (
            words.HOW_RETURNED_OUT_OF_AREA
            if out_of_area
            else words.HOW_RETURNED_CARE
            if child.in_care
            else words.HOW_RETURNED_HOME
        )
        episode.how_returned = words.fill(rng.choice(how), slots)


def _episode_details(rng: random.Random, episode: EpisodePlan, number: int) -> None:
    child, themes = episode.child, set(episode.themes)
    if child.in_care and rng.random() < 0.35:
        episode.category = Category.AWAY
    if {"cse", "cce"} & themes:
        grades = {RiskGrade.LOW: 15, RiskGrade.MEDIUM: 50, RiskGrade.HIGH: 35}
    elif "risky_adults" in themes:
        grades = {RiskGrade.LOW: 25, RiskGrade.MEDIUM: 55, RiskGrade.HIGH: 20}
    elif not themes:
        grades = {RiskGrade.VERY_LOW: 50, RiskGrade.LOW: 45, RiskGrade.MEDIUM: 5}
    else:
        grades = {
            RiskGrade.VERY_LOW: 18,
            RiskGrade.LOW: 44,
            RiskGrade.MEDIUM: 31,
            RiskGrade.HIGH: 7,
        }
    episode.risk_grade = _weighted(rng, grades)
    if episode.category is Category.MISSING or rng.random() < 0.6:
        episode.police_reference = f"MP/{episode.started_at:%y}/{number:05d}"
    if child.in_care:
        carer = child.slots["carer"]
        episode.reported_by = rng.choice((_capital(carer), _capital(carer), "Emergency duty team"))
    else:
        episode.reported_by = rng.choice((_capital(child.slots["carer"]),) * 5 + ("School",))
    episode.source = "api" if rng.random() < 0.45 else "form"
    _found(rng, episode)
    found_at = episode.returned_at or episode.started_at
    with_found = (episode.found_with or "alone").lower()
    hangout = rng.choice(list(words.DISTRICT_WORDS[child.district].places))
    episode.slots = child.slots | {
        "place": episode.found_location or hangout,
        "hangout": hangout,
        "clock": f"{found_at.astimezone(LONDON):%H:%M}",
        "with_found": with_found if with_found == "alone" else f"with {with_found}",
        "other_town": rng.choice(words.OUT_OF_AREA).split(" ")[0],
        "age": str(rng.randint(19, 34)),
        "nick": rng.choice(words.ADULT_NICKNAMES),
        "friend": rng.choice(words.GIVEN_NAMES_FEMALE + words.GIVEN_NAMES_MALE),
        "item": rng.choice(words.ITEMS),
        "drink": rng.choice(words.DRINKS),
        "drug": rng.choice(words.DRUGS),
        "pct": str(rng.choice(range(45, 100, 5))),
    }
    curfew, curfew_24 = rng.choice(words.CURFEWS)
    episode.slots.update(curfew=curfew, curfew_24=curfew_24)


# ---------------------------------------------------------------- interviews

PUSH_THEMES = frozenset({"boundaries", "family_conflict", "placement", "school", "mental_health"})
SIGN_OFF_WITHOUT_INTERVIEW = (
    "",
    "Agreed; information shared with the social worker.",
    "Noted. Offer again if YP goes missing again.",
    "Agreed. Social worker to follow up at the next visit.",
)
OFFER, ACCEPT, DECLINE, UNABLE, SCHEDULE, COMPLETE, RETURN, SIGN_OFF = (
    RhiStatus.OFFERED,
    RhiStatus.ACCEPTED,
    RhiStatus.DECLINED,
    RhiStatus.UNABLE_TO_CONTACT,
    RhiStatus.SCHEDULED,
    RhiStatus.COMPLETED,
    RhiStatus.RETURNED_FOR_CHANGES,
    RhiStatus.SIGNED_OFF,
)
PATHS: dict[str, tuple[tuple[RhiStatus, ...], ...]] = {
    "requested": ((),),
    "offered": ((OFFER,),),
    "accepted": ((OFFER, ACCEPT),),
    "scheduled": ((OFFER, ACCEPT, SCHEDULE),),
    "unable": ((UNABLE,), (OFFER, UNABLE)),
    "declined": ((OFFER, DECLINE),),
    "completed": ((OFFER, ACCEPT, SCHEDULE, COMPLETE),),
    "returned": ((OFFER, ACCEPT, SCHEDULE, COMPLETE, RETURN),),
    "signed_off": ((OFFER, ACCEPT, SCHEDULE, COMPLETE, SIGN_OFF),),
    "signed_off_returned": ((OFFER, ACCEPT, SCHEDULE, COMPLETE, RETURN, COMPLETE, SIGN_OFF),),
    "signed_off_declined": ((OFFER, DECLINE, SIGN_OFF),),
    "signed_off_unable": ((UNABLE, SIGN_OFF), (OFFER, UNABLE, SIGN_OFF)),
    "signed_off_recontact": ((UNABLE, OFFER, ACCEPT, SCHEDULE, COMPLETE, SIGN_OFF),),
}
# What a fresh return's RHI is doing, by how long ago the child came back.
OUTCOMES_DUE = {"requested": 30, "offered": 30, "accepted": 15, "scheduled": 25}
OUTCOMES_RECENT = {
    "requested": 7,
    "offered": 7,
    "scheduled": 8,
    "unable": 10,
    "declined": 12,
    "completed": 22,
    "returned": 6,
    "signed_off": 28,
}
OUTCOMES_MONTH = {
    "requested": 2,
    "completed": 6,
    "returned": 2,
    "declined": 4,
    "unable": 4,
    "signed_off": 82,
}
OUTCOMES_OLD = {
    "requested": 0.6,
    "declined": 1.5,
    "unable": 1.5,
    "completed": 0.5,
    "signed_off": 96,
}


def _outcome(rng: random.Random, episode: EpisodePlan, now: datetime) -> str:
    assert episode.returned_at is not None
    age = now - episode.returned_at
    if age < DUE_AFTER:
        return _weighted(rng, OUTCOMES_DUE)
    table = (
        OUTCOMES_RECENT
        if age < timedelta(days=14)
        else OUTCOMES_MONTH
        if age < timedelta(days=45)
        else OUTCOMES_OLD
    )
    outcome = _weighted(rng, table)
    if outcome != "signed_off":
        return outcome
    # Repeat and exploited children decline and cannot be reached more often.
    hard = (
        episode.child.tier in ("several", "repeat")
        or episode.child.profile in EXPLOITATION_PROFILES
    )
    return _weighted(
        rng,
        {
            "signed_off": 56 if hard else 72,
            "signed_off_returned": 4,
            "signed_off_declined": 24 if hard else 14,
            "signed_off_unable": 13 if hard else 8,
            "signed_off_recontact": 3,
        },
    )


def _business_hours(rng: random.Random, moment: datetime) -> datetime:
    """An appointment time: the same or next day, between 09:00 and 19:00 London time."""
    local = moment.astimezone(LONDON)
    if not 9 <= local.hour < 19:
        if local.hour >= 19:
            local += timedelta(days=1)
        local = local.replace(hour=rng.randint(9, 17), minute=rng.choice((0, 15, 30, 45)))
    return local.replace(minute=local.minute // 5 * 5, second=0, microsecond=0).astimezone(UTC)


def _timed_steps(
    rng: random.Random,
    episode: EpisodePlan,
    path: Sequence[RhiStatus],
    allocated: bool,
    now: datetime,
) -> list[Step]:
    """When each step happened: plausible gaps, squeezed to fit before now if need be."""
    returned = episode.returned_at
    assert returned is not None
    moment = returned + _hours(rng, 0.3, 16)
    steps = [Step(moment, None)] if allocated or path else []
    scheduled_for: datetime | None = None
    previous: RhiStatus | None = None
    for status in path:
        slot: datetime | None = None
        if status is OFFER:
            moment += _hours(rng, 24, 120) if previous is UNABLE else _hours(rng, 0.5, 20)
        elif status is ACCEPT:
            moment += _hours(rng, 0.1, 12)
        elif status is DECLINE:
            moment += _hours(rng, 0.1, 30)
        elif status is UNABLE:
            moment += _hours(rng, 20, 70)
        elif status is SCHEDULE:
            if previous is SCHEDULE and scheduled_for is not None:
                moment = scheduled_for + _hours(rng, 0.5, 3)
                slot = _business_hours(rng, moment + _hours(rng, 18, 72))
            else:
                moment += _hours(rng, 0.2, 6)
                slot = _business_hours(rng, moment + _hours(rng, 3, 40))
            scheduled_for = slot
        elif status is COMPLETE:
            if previous is RETURN:
                moment += _hours(rng, 4, 72)
            else:
                moment = max(moment, scheduled_for or moment) + _hours(rng, 0.5, 30)
        elif status is RETURN:
            moment += _hours(rng, 4, 96)
        elif status is SIGN_OFF:
            moment += _hours(rng, 6, 240)
        steps.append(Step(moment, status, scheduled_for=slot))
        previous = status
    latest = now - timedelta(minutes=10)
    last = max(
        [step.at for step in steps]
        + [step.scheduled_for for step in steps if step.scheduled_for and path[-1:] != (SCHEDULE,)]
        or [returned]
    )
    if last > latest:
        squeeze = (latest - returned) / (last - returned)
        for step in steps:
            step.at = returned + (step.at - returned) * squeeze
            if step.scheduled_for is not None and path[-1:] != (SCHEDULE,):
                step.scheduled_for = returned + (step.scheduled_for - returned) * squeeze
    if path[-1:] == (SCHEDULE,):
        final = steps[-1]
        final.at = min(final.at, latest)
        if final.scheduled_for is None or final.scheduled_for < final.at or rng.random() < 0.7:
            final.scheduled_for = _business_hours(rng, max(final.at, now) + _hours(rng, 2, 44))
    return steps


def _answers(
    rng: random.Random, episode: EpisodePlan, method: InterviewMethod, held_at: datetime
) -> InterviewAnswers:
    child, themes = episode.child, episode.themes
    risk = {RiskGrade.HIGH: "high", RiskGrade.MEDIUM: "medium"}.get(episode.risk_grade, "low")
    if {"cse", "cce"} & set(themes) and risk == "low":
        risk = "medium"
    position = child.episodes.index(episode)
    texts = words.interview_texts(
        rng,
        themes,
        episode.slots,
        method=str(method),
        in_care=child.in_care,
        found=episode.found_location is not None,
        neuro=child.neuro,
        repeat=child.tier in ("several", "repeat") and position >= 3,
        risk=risk,
    )
    indicators: set[str] = set()
    referrals: set[str] = set()
    for theme in themes:
        if theme in INDICATORS:
            indicators.update(rng.sample(INDICATORS[theme], rng.randint(1, 3)))
        if theme in REFERRALS and rng.random() < 0.7:
            referrals.update(REFERRALS[theme][: rng.randint(1, len(REFERRALS[theme]))])
    if "offending" in themes and rng.random() < 0.3:
        indicators.add(ExploitationIndicator.WEAPON)
    return InterviewAnswers(
        method=method,
        held_at=held_at,
        push_factors=tuple(t for t in themes if t in PUSH_THEMES),
        pull_factors=tuple(t for t in themes if t not in PUSH_THEMES),
        exploitation_indicators=tuple(sorted(indicators)),
        referrals=tuple(sorted(referrals)),
        **texts,
    )


def _plan_rhi(
    rng: random.Random, episode: EpisodePlan, now: datetime, outcome: str | None = None
) -> RhiPlan:
    outcome = outcome or _outcome(rng, episode, now)
    path = rng.choice(PATHS[outcome])
    if rng.random() < 0.1 and SCHEDULE in path:
        at = path.index(SCHEDULE)
        path = (*path[: at + 1], SCHEDULE, *path[at + 1 :])  # missed, and booked again
    overdue = episode.returned_at is not None and now - episode.returned_at > DUE_AFTER
    allocated = bool(path) or rng.random() < (0.4 if overdue else 0.5)
    plan = RhiPlan(outcome=outcome, steps=_timed_steps(rng, episode, path, allocated, now))
    slots = episode.slots
    if SCHEDULE in path:
        plan.method = _weighted(
            rng,
            {InterviewMethod.FACE_TO_FACE: 68, InterviewMethod.PHONE: 26, InterviewMethod.SMS: 6},
        )
        plan.scheduled_place = {
            InterviewMethod.PHONE: "By phone",
            InterviewMethod.SMS: "By text message",
        }.get(plan.method) or words.pick(rng, words.SCHEDULED_PLACES[:-1], slots)
    for step in plan.steps:
        if step.status is OFFER:
            step.note = words.pick(rng, words.OFFER_NOTES, slots) or None
        elif step.status is DECLINE:
            step.note = words.decline_reason(rng)
        elif step.status is UNABLE:
            step.note = words.pick(rng, words.UNABLE_NOTES, slots)
        elif step.status is RETURN:
            step.note = rng.choice(words.RETURN_NOTES)
        elif step.status is SIGN_OFF:
            bank = words.SIGN_OFF_NOTES if COMPLETE in path else SIGN_OFF_WITHOUT_INTERVIEW
            step.note = rng.choice(bank) or None
    if COMPLETE in path and plan.method is not None:
        held_at = [step.scheduled_for for step in plan.steps if step.scheduled_for][-1]
        assert held_at is not None
        plan.answers = _answers(rng, episode, plan.method, held_at)
    return plan


def _submissions(plan: RhiPlan) -> list[InterviewAnswers]:
    """What was submitted each time: a returned interview comes back with what was asked for."""
    assert plan.answers is not None
    count = sum(1 for step in plan.steps if step.status is COMPLETE)
    if count == 1:
        return [plan.answers]
    return [replace(plan.answers, child_wants=None, actions=None), plan.answers]


# ---------------------------------------------------------------- the whole plan


def _cover(rng: random.Random, plan: DemoPlan) -> None:
    """Make sure the demo shows every state, work due soon and work already late."""
    now = plan.now
    returned = [e for e in plan.episodes if e.rhi is not None and e.returned_at is not None]

    def age(episode: EpisodePlan) -> timedelta:
        assert episode.returned_at is not None
        return now - episode.returned_at

    def reassign(outcome: str, low: timedelta, high: timedelta, wanted: int) -> None:
        """Give ``wanted`` more RHIs returned ``low`` to ``high`` ago this ``outcome``."""
        for episode in sorted(returned, key=age):
            assert episode.rhi is not None
            if wanted <= 0:
                return
            if not low <= age(episode) < high or episode.rhi.outcome == outcome:
                continue
            current = episode.rhi.final_status
            final = Counter(e.rhi.final_status for e in returned if e.rhi is not None)
            # Never take the last few of another state, nor undo work that is late already.
            if final[current] <= 2 or (current in CLOCK_RUNNING and age(episode) > DUE_AFTER):
                continue
            episode.rhi = _plan_rhi(rng, episode, now, outcome)
            wanted -= 1

    day = timedelta(days=1)
    final = Counter(e.rhi.final_status for e in returned if e.rhi is not None)
    windows = {
        RhiStatus.REQUESTED: ("requested", timedelta(), DUE_AFTER),
        RhiStatus.OFFERED: ("offered", timedelta(), DUE_AFTER),
        RhiStatus.ACCEPTED: ("accepted", timedelta(), DUE_AFTER),
        RhiStatus.SCHEDULED: ("scheduled", timedelta(), DUE_AFTER),
        RhiStatus.DECLINED: ("declined", 4 * day, 30 * day),
        RhiStatus.UNABLE_TO_CONTACT: ("unable", 4 * day, 30 * day),
        RhiStatus.COMPLETED: ("completed", 4 * day, 30 * day),
        RhiStatus.RETURNED_FOR_CHANGES: ("returned", 6 * day, 30 * day),
        RhiStatus.SIGNED_OFF: ("signed_off", 20 * day, 400 * day),
    }
    for status, (outcome, low, high) in windows.items():
        if final[status] < 2:
            reassign(outcome, low, high, 2 - final[status])
    overdue = [
        e
        for e in returned
        if e.rhi is not None and e.rhi.final_status in CLOCK_RUNNING and age(e) >= DUE_AFTER
    ]
    if len(overdue) < 6:
        reassign("requested", DUE_AFTER + day, 20 * day, 3)
        reassign("offered", DUE_AFTER + day, 20 * day, 3)


def plan_demo(now: datetime) -> DemoPlan:
    """Decide every child, episode and interview of the demo (no database needed)."""
    rng = random.Random(SEED)  # noqa: S311 - invented data, not security
    refs = _case_refs(rng)
    taken: set[str] = set()
    children = [_plan_child(rng, ref, now, taken) for ref in refs]
    order = rng.sample(children, len(children))
    modes = dict.fromkeys(order[:8], "current") | dict.fromkeys(order[8:11], "open")
    for child in [c for c in order[11:] if c.tier == "repeat"][:5]:
        modes[child] = "recent"
    for child in children:
        low, high = TIERS[child.tier][1]
        _timeline(rng, child, rng.randint(low, high), modes.get(child, "normal"), now)
    plan = DemoPlan(now=now, children=children)
    for number, episode in enumerate(plan.episodes, start=1):
        _episode_details(rng, episode, number)
    for episode in plan.episodes:
        if episode.returned_at is not None:
            episode.rhi = _plan_rhi(rng, episode, now)
    _cover(rng, plan)
    return plan


# ---------------------------------------------------------------- loading


@dataclass
class DemoStaff:
    manager: User | None
    workers: dict[int | None, User]

    def worker_for(self, child: Child) -> User | None:
        return self.workers.get(child.team_id) or next(iter(self.workers.values()), None)


def _demo_staff() -> DemoStaff:
    from rhi.demo import DEMO_USERS, demo_email  # rhi.demo imports this module

    emails = [demo_email(local_part) for local_part, *_rest in DEMO_USERS]
    users = list(db.session.scalars(sa.select(User).where(User.email.in_(emails), User.active)))
    workers = {user.team_id: user for user in users if user.role_enum is Role.RHI_WORKER}
    manager = next((user for user in users if user.role_enum is Role.TEAM_MANAGER), None)
    return DemoStaff(manager=manager, workers=workers)


def _run_rhi(rhi: ReturnInterview, plan: RhiPlan, staff: DemoStaff) -> int:
    """Take the RHI through its planned steps; return how many interview records it gained."""
    worker = staff.worker_for(rhi.child)
    manager = staff.manager or worker
    submissions = _submissions(plan) if plan.answers is not None else []
    # Just created, so it has no record yet: say so rather than ask the database.
    set_committed_value(rhi, "record", None)
    for step in plan.steps:
        if step.status is None:
            if worker is not None and manager is not None:
                allocate(rhi, worker, by=manager)
                rhi.allocated_at = step.at
        elif step.status is COMPLETE:
            submit_interview(
                rhi,
                submissions.pop(0),
                by=worker,
                expected_version=current_version(rhi),
                now=step.at,
            )
        else:
            if step.status is SCHEDULE:
                rhi.scheduled_for = step.scheduled_for
                rhi.scheduled_place = plan.scheduled_place
            actor = manager if step.status in (SIGN_OFF, RETURN) else worker
            change_status(rhi, step.status, by=actor, note=step.note, at=step.at)
    return 1 if plan.answers is not None else 0


def _date_transitions(planned: dict[int, EpisodePlan]) -> None:
    """Date each logged change of state at its planned time, not the time of loading.

    Transitions are matched to the plan by state, in order, so a service that
    logs an extra step (or one fewer) still gets sensible times.
    """
    transitions = db.session.scalars(
        sa.select(RhiTransition)
        .where(RhiTransition.rhi_id.in_(list(planned)))
        .order_by(RhiTransition.rhi_id, RhiTransition.id)
    )
    schedule: list[tuple[RhiStatus, datetime]] = []
    current_rhi = None
    last = utcnow()
    for transition in transitions:
        if transition.rhi_id != current_rhi:
            current_rhi = transition.rhi_id
            episode = planned[current_rhi]
            assert episode.returned_at is not None and episode.rhi is not None
            last = episode.returned_at
            schedule = [(RhiStatus.REQUESTED, last)]
            schedule += [(step.status, step.at) for step in episode.rhi.steps if step.status]
        for index, (status, at) in enumerate(schedule):
            if status == transition.to_status:
                last = at
                del schedule[: index + 1]
                break
        transition.at = last


def _date_meeting_tasks(child_ids: list[int], now: datetime) -> int:
    """Date each task when its trigger was reported; older ones have had their meeting."""
    rng = random.Random(SEED + 1)  # noqa: S311 - invented data, not security
    rows = db.session.execute(
        sa.select(MeetingTask, Episode.started_at)
        .join(Episode, Episode.id == MeetingTask.trigger_episode_id)
        .where(MeetingTask.child_id.in_(child_ids))
        .order_by(MeetingTask.id)
    ).all()
    for task, started_at in rows:
        reported_at = min(started_at + REPORTED_AFTER, now)
        task.raised_at = reported_at
        if now - reported_at > timedelta(days=45) and rng.random() < 0.85:
            task.status = MeetingStatus.HELD
            task.held_on = (reported_at + timedelta(days=rng.randint(7, 21))).date()
            task.outcome = rng.choice(words.MEETING_OUTCOMES)
    return len(rows)


def _load(plan: DemoPlan) -> dict[str, int]:
    staff = _demo_staff()
    children: dict[str, Child] = {}
    for child_plan in plan.children:
        child, _created = save_child(child_plan.case_ref, child_plan.data)
        children[child_plan.case_ref] = child
    counts = dict.fromkeys(COUNT_KEYS, 0)
    counts["children"] = len(children)
    rhis: dict[int, EpisodePlan] = {}
    for planned in plan.episodes:
        child = children[planned.child.case_ref]
        episode = record_episode(
            child,
            started_at=planned.started_at,
            category=str(planned.category),
            risk_grade=str(planned.risk_grade),
            police_reference=planned.police_reference,
            reported_by=planned.reported_by,
            source=planned.source,
        )
        counts["episodes"] += 1
        returned_at = planned.returned_at
        if returned_at is not None and planned.rhi is not None:
            rhi = record_return(
                episode,
                returned_at=returned_at,
                found_location=planned.found_location,
                found_with=planned.found_with,
                how_returned=planned.how_returned,
            )
        if returned_at is None or planned.rhi is None:
            continue
        rhis[rhi.id] = planned
        counts["rhis"] += 1
        counts["interview_records"] += _run_rhi(rhi, planned.rhi, staff)
    _date_transitions(rhis)
    counts["meeting_tasks"] = _date_meeting_tasks([c.id for c in children.values()], plan.now)
    db.session.flush()
    return counts


@transactional
def load_demo_records() -> dict[str, int]:
    """Add the demo children and their histories, once; return what was added."""
    refs = _case_refs(random.Random(SEED))  # noqa: S311 - the plan's first draw
    if db.session.scalar(sa.select(Child.id).where(Child.case_ref.in_(refs)).limit(1)):
        return dict.fromkeys(COUNT_KEYS, 0)
    with _collector_paused():
        return _load(plan_demo(utcnow()))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while the load makes some 50,000 objects.

    Each collection walks every live object, and a load this size triggers
    many of them, with little to find (what the load makes stays in use until
    it ends): pausing saves about a fifth of the time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
