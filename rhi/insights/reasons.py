"""Reasons for missing: the themes of missing episodes, by episodes and by children.

How a theme attaches to an episode and to a child (every figure and the
drill-down use these rules):

- A theme is a ``ThemeSuggestion`` on a ``TaggedText``. **Accepted** themes (a
  reviewer accepted the tagger's suggestion, or added the theme) make the
  figures. Suggestions nobody has reviewed yet (*pending*) are counted
  separately, with the same rules, and never added to the accepted figures.
  Rejected suggestions are never counted. Ids the taxonomy no longer has are
  left out.
- A text counts in the period, and in the month, **it was written**
  (``TaggedText.written_at``: when the interview was held, when the text was
  received), in UK dates. The filter's dates therefore choose texts, not
  returns: an interview held on 2 April about a return on 30 March counts in
  April.
- A text is about a child (``TaggedText.child_id``). The other filters are
  that child's details now (district, legal status, gender, ethnicity), and
  age is their age on the day the text was written. A text about no known
  child (a message from a number on nobody's record) is not counted.
- **Children**: the distinct children with the theme on at least one text
  written in the period. One child with the theme on two texts counts once.
- **Episodes**: a text belongs to a Return Home Interview, and the interview
  covers one or more episodes (``Episode.rhi_id``). An interview record
  belongs to its RHI. A received text belongs to its conversation, and a
  survey conversation names the RHI whose completion (or decline) started it
  (``sms_conversation.rhi_id``). The episodes are the distinct episodes those
  RHIs cover: the theme on both the interview and a later text of one RHI
  counts its episodes once, and an RHI covering two returns counts two. A
  text with no RHI (a conversation outside the surveys) counts its child but
  no episode.
- **Home or care, district**: the child's now (as everywhere in Insight), so a
  child, and each of their episodes, falls in exactly one district and one
  of home or care: those splits add up to the total. **Months** do not: an
  episode with the theme on texts written in two months counts in both.
- "Any theme" counts the episodes and children with at least one theme.

Everything is counted in the database, and the dashboard is one statement
whatever the size of the county: the suggestions counted are worked out once
(a common table expression) and grouped three ways in a UNION ALL (themes by
decision, district and home or care; any theme by the same; themes by month).

The core never imports ``feedback``: the link from a received text to its
RHI reads the two tables it needs by name from the shared metadata (and
received texts count only for children if those tables are absent).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

import sqlalchemy as sa
from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from nlp.taxonomy import THEME_IDS
from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.auth.models import User
from rhi.children.models import Child
from rhi.children.vocabulary import LegalStatus
from rhi.database import transactional
from rhi.episodes.models import Episode
from rhi.extensions import db
from rhi.insights.filters import InsightFilter, Month, apply_filter
from rhi.insights.timeliness import Setting, UnknownFigure
from rhi.interviews.record import InterviewRecord
from rhi.reference.models import District
from rhi.themes.forms import theme_name
from rhi.themes.models import TaggedText, ThemeSuggestion
from rhi.themes.review import Segment, segments
from rhi.themes.sources import SOURCES, Source, SourceText
from rhi.themes.tagging import text_hash
from rhi.themes.vocabulary import Decision, TextSource

S = TypeVar("S", bound="sa.Select[Any]")

# Which suggestions a figure can count; rejected ones never.
COUNTED = (Decision.ACCEPTED, Decision.PENDING)
# The theme key for "any theme" (in links, an empty theme).
ANY_THEME = ""
# Texts per page in the drill-down.
PAGE_SIZE = 20
# The audit action for reading the texts behind a figure.
TEXTS_VIEWED = AuditAction.THEME_TEXTS_VIEWED


# --- From a text to its RHI ----------------------------------------------------

LinkQuery = Callable[[], "sa.Select[Any]"]


def _interview_links() -> sa.Select[Any]:
    """An interview record belongs to its RHI."""
    columns: list[Any] = [
        InterviewRecord.id.label("source_id"),
        InterviewRecord.rhi_id.label("rhi_id"),
    ]
    return sa.select(*columns)


# Per text source: a SELECT of (source_id, rhi_id). Other packages add theirs
# (feedback.theme_source adds received texts), as they register their texts.
RHI_LINKS: dict[TextSource, LinkQuery] = {
    TextSource.INTERVIEW: _interview_links,
}


def rhi_links() -> Iterator[tuple[sa.Subquery, sa.ColumnElement[bool]]]:
    """Each text source's link to RHIs (a subquery of ``source_id``, ``rhi_id``) and the
    condition joining it to ``TaggedText``."""
    for kind, links in RHI_LINKS.items():
        link = links().subquery(f"rhi_link_{kind.value}")
        on = sa.and_(TaggedText.source == kind.value, link.c.source_id == TaggedText.source_id)
        yield link, on


def join_rhi(query: S) -> tuple[S, sa.ColumnElement[Any]]:
    """``query`` (which has ``TaggedText``) outer-joined to each source's link, and the RHI id.

    The RHI id is NULL for a text that belongs to no RHI.
    """
    ids: list[Any] = []
    for link, on in rhi_links():
        query = query.outerjoin(link, on)
        ids.append(link.c.rhi_id)
    # The interview link is the core's own, so there is always at least one.
    rhi_id = ids[0] if len(ids) == 1 else sa.func.coalesce(*ids)
    return query, rhi_id


# --- Counting -------------------------------------------------------------------


@dataclass(frozen=True)
class Count:
    episodes: int = 0
    children: int = 0

    def __add__(self, other: Count) -> Count:
        return Count(self.episodes + other.episodes, self.children + other.children)


ZERO = Count()


@dataclass(frozen=True)
class ThemeFigures:
    """One theme's (or any theme's) counts for one decision, whole and split."""

    theme: str  # a taxonomy id, or ANY_THEME
    label: str
    decision: Decision
    total: Count
    by_setting: dict[str, Count]  # Setting value -> count
    by_district: dict[str, Count]  # District.code -> count

    def setting(self, value: str) -> Count:
        return self.by_setting.get(value, ZERO)

    def district(self, code: str) -> Count:
        return self.by_district.get(code, ZERO)


@dataclass(frozen=True)
class MonthFigures:
    key: str  # "2026-03"
    label: str  # "March 2026"
    first_day: date
    by_theme: dict[str, Count]

    def theme(self, theme: str) -> Count:
        return self.by_theme.get(theme, ZERO)


@dataclass(frozen=True)
class Reasons:
    """The dashboard: accepted and suggested themes, any theme, and the monthly trend."""

    criteria: InsightFilter
    accepted: list[ThemeFigures]  # every theme, most episodes first
    suggested: list[ThemeFigures]  # every theme, most episodes first
    any_accepted: ThemeFigures
    any_suggested: ThemeFigures
    trend: list[MonthFigures]  # every month of the range, accepted themes


def _setting() -> sa.ColumnElement[str]:
    """Home vs care, as in RHI timeliness: looked-after children are missing from care."""
    return sa.case(
        (Child.legal_status == LegalStatus.LOOKED_AFTER.value, Setting.CARE.value),
        else_=Setting.HOME.value,
    )


def _counted(
    columns: Iterable[Any], criteria: InsightFilter, decisions: Iterable[Decision]
) -> sa.Select[Any]:
    """Suggestions with their text, child, district and episodes, narrowed to the filter."""
    query = (
        sa.select(*columns)
        .select_from(ThemeSuggestion)
        .join(TaggedText, TaggedText.id == ThemeSuggestion.text_id)
        .join(Child, Child.id == TaggedText.child_id)
        .join(District, District.id == Child.district_id)
    )
    query, rhi_id = join_rhi(query)
    query = query.outerjoin(Episode, Episode.rhi_id == rhi_id)
    query = apply_filter(query, criteria, TaggedText.written_at)
    return query.where(
        ThemeSuggestion.decision.in_([decision.value for decision in decisions]),
        ThemeSuggestion.theme.in_(THEME_IDS),
    )


def _month_key(months: list[Month]) -> sa.ColumnElement[int]:
    whens = [(TaggedText.written_at < month.end, index) for index, month in enumerate(months)]
    return sa.case(*whens, else_=len(months) - 1)


def month_label(month: Month) -> str:
    return format_date(month.first_day, "MMMM yyyy")


class _Part:
    """The GROUP BYs one statement can answer, each a branch of a UNION ALL."""

    THEMES = "themes"  # decision, theme, district, home or care
    ANY = "any"  # decision, district, home or care
    MONTHS = "months"  # decision, theme, month


@dataclass
class _Answers:
    # (decision, theme or ANY_THEME) -> (district code, setting) -> counts
    cells: dict[tuple[str, str], dict[tuple[str, str], Count]]
    # (decision, month index) -> theme -> counts
    months: dict[tuple[str, int], dict[str, Count]]


def _aggregate(
    criteria: InsightFilter, decisions: Iterable[Decision], parts: Iterable[str]
) -> _Answers:
    """The counts ``parts`` ask for, in one statement.

    The suggestions counted (one row per suggestion and episode) are worked
    out once, as a common table expression; each part groups them its own way.
    """
    months = criteria.months()
    hits = _counted(
        [
            ThemeSuggestion.decision.label("decision"),
            ThemeSuggestion.theme.label("theme"),
            District.code.label("district"),
            _setting().label("setting"),
            _month_key(months).label("month"),
            Episode.id.label("episode_id"),
            TaggedText.child_id.label("child_id"),
        ],
        criteria,
        decisions,
    ).cte("hits")
    counts = [
        sa.func.count(sa.distinct(hits.c.episode_id)).label("episodes"),
        sa.func.count(sa.distinct(hits.c.child_id)).label("children"),
    ]
    no_text = sa.cast(sa.null(), sa.String)
    no_month = sa.cast(sa.null(), sa.Integer)
    theme, district, setting, month = hits.c.theme, hits.c.district, hits.c.setting, hits.c.month
    # Each part: its (theme, district, setting, month) columns, and what it groups by.
    branches: dict[str, tuple[tuple[Any, ...], tuple[Any, ...]]] = {
        _Part.THEMES: ((theme, district, setting, no_month), (theme, district, setting)),
        _Part.ANY: ((no_text, district, setting, no_month), (district, setting)),
        _Part.MONTHS: ((theme, no_text, no_text, month), (theme, month)),
    }
    selects = []
    for part in parts:
        columns, keys = branches[part]
        names = ("theme", "district", "setting", "month")
        selects.append(
            sa.select(
                sa.literal(part).label("part"),
                hits.c.decision,
                *[column.label(name) for column, name in zip(columns, names, strict=True)],
                *counts,
            ).group_by(hits.c.decision, *keys)
        )
    statement = selects[0] if len(selects) == 1 else sa.union_all(*selects)
    answers = _Answers(cells={}, months={})
    for part, decision, theme_id, code, where, index, episodes, children in db.session.execute(
        statement
    ):
        count = Count(int(episodes), int(children))
        if part == _Part.MONTHS:
            answers.months.setdefault((decision, int(index)), {})[theme_id] = count
        else:
            cell = answers.cells.setdefault((decision, theme_id or ANY_THEME), {})
            cell[(code, where)] = count
    return answers


def _figures(
    theme: str, decision: Decision, cells: dict[tuple[str, str], Count] | None
) -> ThemeFigures:
    total = ZERO
    by_setting: dict[str, Count] = {}
    by_district: dict[str, Count] = {}
    for (district, setting), count in (cells or {}).items():
        total += count
        by_setting[setting] = by_setting.get(setting, ZERO) + count
        by_district[district] = by_district.get(district, ZERO) + count
    label = _(theme_name(theme)) if theme else _("Any theme")
    return ThemeFigures(theme, label, decision, total, by_setting, by_district)


def _ranked(figures: list[ThemeFigures]) -> list[ThemeFigures]:
    """Most episodes first, then most children, then the taxonomy's order."""
    order = {theme: index for index, theme in enumerate(THEME_IDS)}
    return sorted(
        figures,
        key=lambda row: (-row.total.episodes, -row.total.children, order.get(row.theme, 99)),
    )


def _themes_from(answers: _Answers, decision: Decision) -> list[ThemeFigures]:
    return _ranked(
        [_figures(theme, decision, answers.cells.get((decision, theme))) for theme in THEME_IDS]
    )


def _any_from(answers: _Answers, decision: Decision) -> ThemeFigures:
    return _figures(ANY_THEME, decision, answers.cells.get((decision, ANY_THEME)))


def _trend_from(
    answers: _Answers, criteria: InsightFilter, decision: Decision
) -> list[MonthFigures]:
    return [
        MonthFigures(
            month.key,
            month_label(month),
            month.first_day,
            answers.months.get((decision, index), {}),
        )
        for index, month in enumerate(criteria.months())
    ]


def theme_figures(
    criteria: InsightFilter, decision: Decision = Decision.ACCEPTED
) -> list[ThemeFigures]:
    """Every theme by episodes and children, split by home or care and district (one query)."""
    return _themes_from(_aggregate(criteria, [decision], [_Part.THEMES]), decision)


def any_theme(criteria: InsightFilter, decision: Decision = Decision.ACCEPTED) -> ThemeFigures:
    """Episodes and children with at least one theme (one query)."""
    return _any_from(_aggregate(criteria, [decision], [_Part.ANY]), decision)


def monthly_trend(
    criteria: InsightFilter, decision: Decision = Decision.ACCEPTED
) -> list[MonthFigures]:
    """Each theme's episodes and children per month the texts were written (one query)."""
    return _trend_from(_aggregate(criteria, [decision], [_Part.MONTHS]), criteria, decision)


def reasons(criteria: InsightFilter) -> Reasons:
    """The dashboard: accepted and suggested themes, any theme, the trend, in one query.

    The trend is of accepted themes; the statement counts the suggested ones
    too, kept apart by their decision.
    """
    answers = _aggregate(criteria, COUNTED, [_Part.THEMES, _Part.ANY, _Part.MONTHS])
    return Reasons(
        criteria=criteria,
        accepted=_themes_from(answers, Decision.ACCEPTED),
        suggested=_themes_from(answers, Decision.PENDING),
        any_accepted=_any_from(answers, Decision.ACCEPTED),
        any_suggested=_any_from(answers, Decision.PENDING),
        trend=_trend_from(answers, criteria, Decision.ACCEPTED),
    )


# --- The texts behind a number ----------------------------------------------------


class GroupKind:
    ALL = ""
    DISTRICT = "district"
    SETTING = "setting"
    MONTH = "month"


@dataclass(frozen=True)
class Group:
    """Which part of the figures a drill-down is about, as ``kind:value`` in its link."""

    kind: str
    value: str
    label: str

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.value}" if self.kind else ""


def group_key(kind: str, value: str) -> str:
    return f"{kind}:{value}"


def parse_theme(value: str | None) -> str:
    """A taxonomy theme id, or ANY_THEME when none is given."""
    if not value:
        return ANY_THEME
    if value not in THEME_IDS:
        raise UnknownFigure(_("Choose a theme from the figures"))
    return value


def parse_decision(value: str | None) -> Decision:
    """Accepted (the default) or pending; never rejected."""
    if not value:
        return Decision.ACCEPTED
    try:
        decision = Decision(value)
    except ValueError:
        decision = Decision.REJECTED
    if decision not in COUNTED:
        raise UnknownFigure(_("Choose accepted or suggested themes"))
    return decision


def parse_group(criteria: InsightFilter, value: str | None) -> Group:
    """``district:<code>``, ``setting:home|care``, ``month:YYYY-MM`` or nothing (every text)."""
    if not value:
        return Group(GroupKind.ALL, "", _("All texts counted"))
    kind, _colon, key = value.partition(":")
    unknown = UnknownFigure(_("Choose a group from the figures"))
    if kind == GroupKind.DISTRICT:
        name = db.session.scalar(sa.select(District.name).where(District.code == key))
        if name is None:
            raise unknown
        return Group(kind, key, name)
    if kind == GroupKind.SETTING:
        try:
            return Group(kind, key, Setting(key).label)
        except ValueError:
            raise unknown from None
    if kind == GroupKind.MONTH:
        for month in criteria.months():
            if month.key == key:
                return Group(kind, key, month_label(month))
    raise unknown


def _group_condition(criteria: InsightFilter, group: Group) -> sa.ColumnElement[bool]:
    if group.kind == GroupKind.DISTRICT:
        return District.code == group.value
    if group.kind == GroupKind.SETTING:
        return _setting() == group.value
    if group.kind == GroupKind.MONTH:
        (month,) = [month for month in criteria.months() if month.key == group.value]
        return sa.and_(TaggedText.written_at >= month.start, TaggedText.written_at < month.end)
    return sa.true()


@dataclass(frozen=True)
class ThemeOnText:
    theme: str
    label: str
    decision: Decision


@dataclass(frozen=True)
class TextItem:
    """One text behind a figure: pseudonymised, its evidence highlighted; never a name.

    ``source`` and ``segments`` are what the theme review's ``text_body`` macro
    shows: no source means the text is gone; no segments, that it changed since
    it was tagged.
    """

    text_id: int
    source_kind: str
    written_at: datetime
    district: str
    themes: list[ThemeOnText]  # the accepted and suggested themes on it
    source: SourceText | None
    segments: list[Segment]

    @property
    def source_label(self) -> str:
        try:
            return TextSource(self.source_kind).label
        except ValueError:
            return self.source_kind


@dataclass(frozen=True)
class TextPage:
    theme: str  # ANY_THEME for every theme
    theme_label: str
    decision: Decision
    group: Group
    total: int
    page: int
    has_next: bool
    items: list[TextItem]


def _matching_texts(
    criteria: InsightFilter, theme: str, decision: Decision, group: Group
) -> sa.Select[Any]:
    """The texts counted in a figure: one row each (id, written, district)."""
    columns: list[Any] = [TaggedText.id, TaggedText.written_at, District.name]
    query = (
        sa.select(*columns)
        .select_from(ThemeSuggestion)
        .join(TaggedText, TaggedText.id == ThemeSuggestion.text_id)
        .join(Child, Child.id == TaggedText.child_id)
        .join(District, District.id == Child.district_id)
    )
    query = apply_filter(query, criteria, TaggedText.written_at)
    themes = [theme] if theme else list(THEME_IDS)
    return query.where(
        ThemeSuggestion.decision == decision.value,
        ThemeSuggestion.theme.in_(themes),
        _group_condition(criteria, group),
    ).distinct()


def _registered(kind: str) -> Source | None:
    try:
        return SOURCES.get(TextSource(kind))
    except ValueError:
        return None


def _items(rows: list[tuple[int, datetime, str]], theme: str, decision: Decision) -> list[TextItem]:
    ids = [text_id for text_id, _written, _district in rows]
    tagged = {
        text.id: text
        for text in db.session.scalars(
            sa.select(TaggedText)
            .where(TaggedText.id.in_(ids))
            .options(selectinload(TaggedText.suggestions))
        )
    }
    by_source: dict[str, list[int]] = {}
    for text in tagged.values():
        by_source.setdefault(text.source, []).append(text.source_id)
    fetched: dict[tuple[str, int], SourceText] = {}
    for kind, source_ids in by_source.items():
        registered = _registered(kind)
        if registered is not None:  # a source no longer registered: its texts cannot be read
            for source_id, found in registered.fetch(source_ids).items():
                fetched[(kind, source_id)] = found
    items = []
    for text_id, written_at, district in rows:
        text = tagged[text_id]
        counted = [s for s in text.suggestions if s.decision in COUNTED and s.theme in THEME_IDS]
        # Only the evidence for what the figure counts is highlighted.
        shown = [s for s in counted if s.decision == decision and (not theme or s.theme == theme)]
        source = fetched.get((text.source, text.source_id))
        current = source is not None and text_hash(source.text) == text.text_hash
        items.append(
            TextItem(
                text_id=text_id,
                source_kind=text.source,
                written_at=written_at,
                district=district,
                themes=[
                    ThemeOnText(s.theme, _(theme_name(s.theme)), Decision(s.decision))
                    for s in counted
                ],
                source=source,
                segments=segments(source, shown) if source is not None and current else [],
            )
        )
    return items


@transactional
def view_texts(
    criteria: InsightFilter,
    theme: str,
    decision: Decision,
    group: Group,
    viewer: User,
    page: int = 1,
) -> TextPage:
    """A page of the texts behind a figure, newest first; showing them is audited."""
    matching = _matching_texts(criteria, theme, decision, group).subquery()
    total = db.session.scalar(sa.select(sa.func.count()).select_from(matching)) or 0
    page = max(page, 1)
    rows = [
        (int(text_id), written_at, district)
        for text_id, written_at, district in db.session.execute(
            sa.select(matching.c.id, matching.c.written_at, matching.c.name)
            .order_by(matching.c.written_at.desc(), matching.c.id.desc())
            .offset((page - 1) * PAGE_SIZE)
            .limit(PAGE_SIZE + 1)
        )
    ]
    items = _items(rows[:PAGE_SIZE], theme, decision)
    if items:
        record(
            TEXTS_VIEWED,
            object_type="tagged_text",
            detail={
                "theme": theme or "any",
                "decision": decision.value,
                "group": group.key,
                "page": page,
                "texts": [item.text_id for item in items],
            },
            actor=viewer,
        )
    return TextPage(
        theme=theme,
        theme_label=_(theme_name(theme)) if theme else _("Any theme"),
        decision=decision,
        group=group,
        total=int(total),
        page=page,
        has_next=len(rows) > PAGE_SIZE,
        items=items,
    )
