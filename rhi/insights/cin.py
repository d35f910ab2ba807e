"""Children in Need census factors a completed Return Home Interview can evidence.

The factors are **suggestions for the child's social worker**: Homeward
never sets one. Each suggestion names its evidence (the episodes, the
accepted theme and the texts it is on, the indicator recorded at interview)
and the interview record it comes from.

Evidence rules (``RULES``, one table, so a council can change them):

- **10A Missing**: the RHI is completed (or signed off) and covers at least
  one episode recorded as missing (``M``). Away from placement without
  authorisation (``A``) alone is not "missing".
- **11A Child sexual exploitation**: an accepted ``cse`` theme on the
  interview record or on a text that belongs to the RHI (a reply to the
  survey after it; see ``rhi.insights.reasons``), or a CSE indicator
  recorded at interview: sexual images; unknown adults online; hotels, flats
  or unknown addresses; lifts in cars from adults.
- **24A Child criminal exploitation**: an accepted ``cce`` theme, or a CCE
  indicator: holding or carrying drugs, cash or packages; a drug debt; found
  or taken out of area ("going country").
- **12A Trafficking**: neither the taxonomy nor the interview's indicators
  have trafficking. The evidence used is the indicator "Found or taken out of
  area ('going country')": moving a child to exploit them, county lines
  included, is trafficking (Modern Slavery Act 2015), and such children are
  referred to the National Referral Mechanism.
- **13A Gangs**: nothing records gangs either. The evidence used is the
  indicator "Carrying a weapon". No theme evidences 13A: ``cce`` already
  suggests 24A, and a gang is not named in the taxonomy.
- Only **accepted** themes count; suggestions nobody has reviewed, and
  rejected ones, never do. An RHI that is not completed (not yet, declined,
  returned for changes) evidences nothing.

Indicators that point to either kind of exploitation (older associates,
gifts or money, new phones, substances given, injuries, threats) suggest no
factor on their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from rhi.children.models import Child
from rhi.episodes.models import Episode
from rhi.episodes.vocabulary import Category
from rhi.extensions import db
from rhi.insights.reasons import rhi_links
from rhi.insights.ssda903 import YearBounds
from rhi.interviews.models import ReturnInterview
from rhi.interviews.record import InterviewRecord
from rhi.interviews.record_vocabulary import ExploitationIndicator
from rhi.interviews.vocabulary import RhiStatus
from rhi.reference.models import District
from rhi.themes.forms import theme_name
from rhi.themes.models import TaggedText, ThemeSuggestion
from rhi.themes.vocabulary import Decision
from rhi.vocabulary import Labelled

COMPLETED = (RhiStatus.COMPLETED, RhiStatus.SIGNED_OFF)
# Children per page of the on-screen list (the CSV has them all).
PAGE_SIZE = 100


class CinFactor(Labelled):
    """The census factors (DfE codes) an RHI can evidence, in the census's order."""

    MISSING = "10A", _l("Missing")
    CSE = "11A", _l("Child sexual exploitation")
    TRAFFICKING = "12A", _l("Trafficking")
    GANGS = "13A", _l("Gangs")
    CCE = "24A", _l("Child criminal exploitation")

    @property
    def full_label(self) -> str:
        """The code and its name, as social workers read them: "11A Child sexual exploitation"."""
        return f"{self.value} {self.label}"


@dataclass(frozen=True)
class FactorRule:
    factor: CinFactor
    why: LazyString
    missing_episode: bool = False
    themes: frozenset[str] = frozenset()  # nlp.taxonomy ids, accepted
    indicators: frozenset[ExploitationIndicator] = frozenset()

    @property
    def indicator_values(self) -> frozenset[str]:
        return _INDICATOR_VALUES[self.factor]


_I = ExploitationIndicator
RULES: tuple[FactorRule, ...] = (
    FactorRule(
        CinFactor.MISSING,
        _l("The interview covers an episode when the child was missing."),
        missing_episode=True,
    ),
    FactorRule(
        CinFactor.CSE,
        _l("A reviewer accepted a CSE theme, or the worker recorded a CSE indicator."),
        themes=frozenset({"cse"}),
        indicators=frozenset({_I.IMAGES, _I.ONLINE_CONTACT, _I.UNKNOWN_ADDRESSES, _I.LIFTS}),
    ),
    FactorRule(
        CinFactor.TRAFFICKING,
        _l(
            "The child was found in or taken to another area: moving a child to exploit "
            "them, county lines included, is trafficking."
        ),
        indicators=frozenset({_I.OUT_OF_AREA}),
    ),
    FactorRule(
        CinFactor.GANGS,
        _l("The child was carrying a weapon, which can mean harm from or in a gang."),
        indicators=frozenset({_I.WEAPON}),
    ),
    FactorRule(
        CinFactor.CCE,
        _l("A reviewer accepted a CCE theme, or the worker recorded a CCE indicator."),
        themes=frozenset({"cce"}),
        indicators=frozenset({_I.CARRYING, _I.DEBT, _I.OUT_OF_AREA}),
    ),
)
RULE_THEMES = frozenset(theme for rule in RULES for theme in rule.themes)
# Worked out once: evaluating thousands of interviews should not walk the enums each time.
_INDICATOR_VALUES = {
    rule.factor: frozenset(indicator.value for indicator in rule.indicators) for rule in RULES
}
_INDICATOR_ORDER = tuple(indicator.value for indicator in ExploitationIndicator)
_THEME_ORDER = {rule.factor: tuple(sorted(rule.themes)) for rule in RULES}


class EvidenceKind(Labelled):
    EPISODES = "episodes", _l("Missing episodes")
    THEME = "theme", _l("Accepted theme")
    INDICATOR = "indicator", _l("Indicator recorded at interview")


@dataclass(frozen=True)
class Evidence:
    kind: EvidenceKind
    code: str  # "M", a theme id or an indicator id
    count: int = 1  # episodes, or texts with the theme
    text_ids: tuple[int, ...] = ()  # the tagged texts (themes only)

    @property
    def label(self) -> str:
        if self.kind is EvidenceKind.EPISODES:
            return _("Missing episodes this interview covers: %(num)d", num=self.count)
        if self.kind is EvidenceKind.THEME:
            return _(
                "%(theme)s theme accepted on %(num)d texts about this interview",
                theme=_(theme_name(self.code)),
                num=self.count,
            )
        try:
            name = ExploitationIndicator(self.code).label
        except ValueError:
            name = self.code
        return _("Recorded at interview: %(indicator)s", indicator=name)


@dataclass(frozen=True)
class FactorSuggestion:
    rule: FactorRule
    rhi_id: int
    record_id: int | None  # the interview record the evidence comes from
    evidence: tuple[Evidence, ...]

    @property
    def factor(self) -> CinFactor:
        return self.rule.factor

    @property
    def why(self) -> str:
        return str(self.rule.why)


@dataclass(frozen=True)
class RhiFacts:
    """What one completed RHI holds that a rule can use."""

    rhi_id: int
    child_id: int
    record_id: int | None
    missing_episodes: int
    indicators: frozenset[str]
    themes: dict[str, tuple[int, ...]] = field(default_factory=dict)  # theme -> text ids


def evaluate(facts: RhiFacts) -> list[FactorSuggestion]:
    """The rules applied to one RHI's facts: a suggestion for each factor with evidence."""
    suggestions = []
    for rule in RULES:
        evidence: list[Evidence] = []
        if rule.missing_episode and facts.missing_episodes:
            evidence.append(Evidence(EvidenceKind.EPISODES, "M", facts.missing_episodes))
        for theme in _THEME_ORDER[rule.factor]:
            texts = facts.themes.get(theme, ())
            if texts:
                evidence.append(Evidence(EvidenceKind.THEME, theme, len(texts), texts))
        recorded = facts.indicators & rule.indicator_values
        if recorded:
            evidence += [
                Evidence(EvidenceKind.INDICATOR, value)
                for value in _INDICATOR_ORDER  # in the form's order
                if value in recorded
            ]
        if evidence:
            suggestions.append(
                FactorSuggestion(rule, facts.rhi_id, facts.record_id, tuple(evidence))
            )
    return suggestions


def _completed() -> sa.ColumnElement[bool]:
    return sa.and_(
        ReturnInterview.completed_at.is_not(None),
        ReturnInterview.status.in_([status.value for status in COMPLETED]),
    )


def _facts(scope: Any) -> tuple[list[RhiFacts], dict[int, tuple[str, str]]]:
    """The facts of each completed RHI in ``scope`` (ids, or a SELECT of ids), in two queries.

    Also each RHI's child's case reference and district name.
    """
    missing = (
        sa.select(sa.func.count(Episode.id))
        .where(Episode.rhi_id == ReturnInterview.id, Episode.category == Category.MISSING.value)
        .scalar_subquery()
    )
    rows = db.session.execute(
        sa.select(
            ReturnInterview.id,
            ReturnInterview.child_id,
            InterviewRecord.id,
            InterviewRecord.exploitation_indicators,
            missing,
            Child.case_ref,
            District.name,
        )
        .join(Child, Child.id == ReturnInterview.child_id)
        .join(District, District.id == Child.district_id)
        .outerjoin(InterviewRecord, InterviewRecord.rhi_id == ReturnInterview.id)
        .where(ReturnInterview.id.in_(scope), _completed())
        .order_by(ReturnInterview.id)
    ).all()
    themes = _accepted_themes(scope)
    facts = [
        RhiFacts(
            rhi_id=rhi_id,
            child_id=child_id,
            record_id=record_id,
            missing_episodes=int(episodes or 0),
            indicators=frozenset(str(value) for value in (indicators or [])),
            themes=themes.get(rhi_id, {}),
        )
        for rhi_id, child_id, record_id, indicators, episodes, _ref, _district in rows
    ]
    children = {row[0]: (row[5], row[6]) for row in rows}
    return facts, children


def _accepted_themes(scope: Any) -> dict[int, dict[str, tuple[int, ...]]]:
    """RHI id -> accepted rule theme -> the texts it is on (the texts that belong to the RHI).

    One query per kind of text, each joined to its own link to RHIs, so the
    database starts from the RHIs in ``scope`` (one, on an RHI's page) rather
    than from every accepted theme in the council.
    """
    found: dict[int, dict[str, list[int]]] = {}
    for link, on in rhi_links():
        columns: list[Any] = [ThemeSuggestion.theme, TaggedText.id, link.c.rhi_id]
        query = (
            sa.select(*columns)
            .select_from(ThemeSuggestion)
            .join(TaggedText, TaggedText.id == ThemeSuggestion.text_id)
            .join(link, on)
            .where(
                link.c.rhi_id.in_(scope),
                ThemeSuggestion.decision == Decision.ACCEPTED.value,
                ThemeSuggestion.theme.in_(sorted(RULE_THEMES)),
            )
        )
        for theme, text_id, rhi in db.session.execute(query):
            found.setdefault(int(rhi), {}).setdefault(theme, []).append(int(text_id))
    return {
        rhi: {theme: tuple(sorted(texts)) for theme, texts in themes.items()}
        for rhi, themes in found.items()
    }


def suggest_factors(subject: ReturnInterview | InterviewRecord) -> list[FactorSuggestion]:
    """The factors a completed RHI (or its record) can evidence; none when not completed."""
    rhi = subject.rhi if isinstance(subject, InterviewRecord) else subject
    if rhi.status not in COMPLETED or rhi.completed_at is None:
        return []
    facts, _children = _facts([rhi.id])
    return evaluate(facts[0]) if facts else []


# --- The performance team's list: every child, a financial year --------------------


@dataclass(frozen=True)
class ChildFactors:
    """One child's completed RHIs in the year and how many evidence each factor."""

    case_ref: str
    district: str
    interviews: int
    counts: dict[CinFactor, int]  # completed RHIs in the year evidencing the factor

    @property
    def factors(self) -> list[CinFactor]:
        return [factor for factor in CinFactor if self.counts.get(factor)]

    def count(self, factor: CinFactor) -> int:
        return self.counts.get(factor, 0)


def _completed_in(bounds: YearBounds) -> sa.Select[Any]:
    return sa.select(ReturnInterview.id).where(
        _completed(),
        ReturnInterview.completed_at >= bounds.start,
        ReturnInterview.completed_at < bounds.end,
    )


def factors_for_year(year: int) -> list[ChildFactors]:
    """Every child with an RHI completed in the financial year (1 April ``year`` to 31 March).

    One row per child, by case reference, with the number of their RHIs
    completed in the year that evidence each factor.
    """
    facts, children = _facts(_completed_in(YearBounds(year)))
    by_child: dict[int, list[RhiFacts]] = {}
    for fact in facts:
        by_child.setdefault(fact.child_id, []).append(fact)
    rows = []
    for interviews in by_child.values():
        counts: dict[CinFactor, int] = {}
        for fact in interviews:
            for suggestion in evaluate(fact):
                counts[suggestion.factor] = counts.get(suggestion.factor, 0) + 1
        case_ref, district = children[interviews[0].rhi_id]
        rows.append(ChildFactors(case_ref, district, len(interviews), counts))
    return sorted(rows, key=lambda row: row.case_ref)


def children_with(rows: Iterable[ChildFactors]) -> dict[CinFactor, int]:
    """How many children have each factor suggested, by at least one interview."""
    counts = dict.fromkeys(CinFactor, 0)
    for row in rows:
        for factor in row.factors:
            counts[factor] += 1
    return counts


def csv_header() -> list[str]:
    """CHILD is the case reference, as in the SSDA903 return; never a name."""
    return [
        "CHILD",
        _("District"),
        _("Completed RHIs"),
        *[factor.full_label for factor in CinFactor],
        _("Suggested factors"),
    ]


def csv_rows(rows: Iterable[ChildFactors]) -> list[list[str]]:
    return [
        [
            row.case_ref,
            row.district,
            str(row.interviews),
            *[str(row.count(factor)) for factor in CinFactor],
            " ".join(factor.value for factor in row.factors),
        ]
        for row in rows
    ]


def csv_filename(year: int) -> str:
    return f"cin-census-factor-suggestions-{year}-{year + 1}.csv"
