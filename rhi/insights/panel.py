"""The monthly panel packs: one generator for the three panels the council holds.

- **MMH**, the Multiple Missing and Hotspots panel: the children over the
  repeat-missing threshold with an episode in the month, the month's
  hotspots, the exploitation flags raised in the month and the interviews
  that went overdue in it.
- **CCEP**, the Child Criminal Exploitation Panel, and **MASE**, the Multi
  Agency Sexual Exploitation panel: the children with a CCE (or CSE) flag in
  the period the pack looks at, the places they were found, the flags raised
  in the month and their interviews that went overdue in it.

How each part is counted (docs/insight-panels.md says the same for people):

- **The month** is a UK calendar month; **the look-back** is the council's
  repeat-missing window (``REPEAT_WINDOW``, 90 days) before it. Children's
  episodes, themes and flags are shown for the look-back and the month.
- **An episode in the month** is one that was going on at some time in it:
  it started before the month ended and had not come back before it began
  (an episode from 30 September to 1 October is in both months).
- **Over the threshold**: the repeat-missing rule of ``rhi.meetings``
  (``apply_repeat_rule``), judged at each episode in the month: the child's
  episodes that started in the window ending when that one started, itself
  included, number more than ``REPEAT_EPISODES``.
- **Exploitation flags** are ``rhi.insights.annual``'s: a ``cse`` or ``cce``
  theme accepted by a reviewer on a text about the child (unreviewed
  suggestions never count), and exploitation indicators recorded at a
  submitted interview. A theme flag is raised when it was decided (when it
  has no decision time, when its text was written); indicators when the
  interview was held. **New** flags are those raised in the month. A child
  belongs on the CCEP (MASE) when, in the look-back or the month, a ``cce``
  (``cse``) theme was accepted on a text written then or decided in the
  month, or an interview held then recorded an indicator of that kind
  (``CCE_INDICATORS``, ``CSE_INDICATORS``; the indicators shared by both
  kinds of exploitation are shown but put a child on neither panel alone).
- **Overdue**: an interview whose 72-hour clock ran out in the month. The
  clock is the one on the Returns due list (``ReturnInterview.due_at``, 72
  hours after the return) and it runs out as ``rhi.interviews.services.rag``
  says: at the due moment itself, if the interview was then still in a state
  where the clock runs (``CLOCK_RUNNING``, read from its history). An
  interview completed, declined or found unable to contact at or before that
  moment is on time (exactly 72 hours is on time), and so is one held by
  then but written up later. Interviews covered by another are left out:
  the other one's clock counts.
- **Who is named**: only the children the viewer may see
  (``rhi.children.access``): a team manager their team's, an administrator
  every child. Hotspot counts are council-wide, as on the Hotspots page.

Everything is selected in the database with a bounded number of queries
(about ten, whatever the number of children): no query per child.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy.orm import aliased, joinedload

from nlp.taxonomy import BY_ID
from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.auth.models import User
from rhi.auth.roles import Role
from rhi.children.access import reach_key, visible_children
from rhi.children.models import Child
from rhi.database import transactional, utcnow
from rhi.episodes.models import Episode, Place
from rhi.episodes.vocabulary import Category, RiskGrade
from rhi.extensions import db
from rhi.insights.annual import (
    CCE_THEME,
    CSE_THEME,
    accepted_flag,
    indicators_recorded,
    interview_held,
)
from rhi.insights.cache import counted
from rhi.insights.filters import (
    UK,
    InsightFilter,
    Month,
    add_months,
    dialect_name,
    first_of_month,
    uk_midnight,
    uk_today,
)
from rhi.insights.hotspots import Hotspot, hotspots
from rhi.insights.timeliness import seconds_between
from rhi.interviews.models import ReturnInterview, RhiTransition
from rhi.interviews.record import InterviewRecord
from rhi.interviews.record_vocabulary import ExploitationIndicator
from rhi.interviews.services import first_returns
from rhi.interviews.vocabulary import CLOCK_RUNNING, RhiStatus
from rhi.meetings.models import MeetingStatus, MeetingTask
from rhi.reference.models import District
from rhi.themes.models import TaggedText, ThemeSuggestion
from rhi.themes.vocabulary import Decision
from rhi.vocabulary import Labelled

# The panel's vocabulary ------------------------------------------------------------

# The protective marking on every page of a pack (Government Security
# Classifications): a fixed term, the same in any language, so not translated.
MARKING = "OFFICIAL-SENSITIVE"

_I = ExploitationIndicator
# Indicators that point to one kind of exploitation. The others (older
# associates, gifts, substances given, injuries, threats) are signs of both:
# shown with the child, but they put no child on either panel by themselves.
CCE_INDICATORS: frozenset[str] = frozenset(
    {_I.OUT_OF_AREA, _I.CARRYING, _I.DEBT, _I.WEAPON, _I.NEW_PHONES}
)
CSE_INDICATORS: frozenset[str] = frozenset(
    {_I.IMAGES, _I.ONLINE_CONTACT, _I.UNKNOWN_ADDRESSES, _I.LIFTS}
)


class PanelKind(Labelled):
    """The monthly panels a pack is made for; the value names the pack in its URL."""

    MMH = "mmh", _l("Multiple Missing and Hotspots panel")
    CCEP = "ccep", _l("Child Criminal Exploitation Panel")
    MASE = "mase", _l("Multi Agency Sexual Exploitation panel")

    @property
    def summary(self) -> str:
        """What the pack holds, in a sentence."""
        return str(_SUMMARIES[self])

    @property
    def theme(self) -> str | None:
        """The taxonomy theme whose accepted flags put a child on this panel."""
        return _THEMES.get(self)

    @property
    def indicators(self) -> frozenset[str]:
        """The interview indicators that put a child on this panel."""
        return _INDICATORS.get(self, frozenset())


_SUMMARIES = {
    PanelKind.MMH: _l(
        "Children missing more often than the repeat-missing rule allows, with their "
        "episodes, meetings and themes; the month's hotspots; new exploitation flags; "
        "interviews that went overdue."
    ),
    PanelKind.CCEP: _l(
        "Children with a child criminal exploitation (CCE) flag, with their episodes, the "
        "places they were found and their interviews that went overdue."
    ),
    PanelKind.MASE: _l(
        "Children with a child sexual exploitation (CSE) flag, with their episodes, the "
        "places they were found and their interviews that went overdue."
    ),
}
_THEMES = {PanelKind.CCEP: CCE_THEME, PanelKind.MASE: CSE_THEME}
_INDICATORS = {PanelKind.CCEP: CCE_INDICATORS, PanelKind.MASE: CSE_INDICATORS}


class FlagKind(Labelled):
    """What raised an exploitation flag."""

    CSE = CSE_THEME, _l("CSE theme accepted")
    CCE = CCE_THEME, _l("CCE theme accepted")
    INDICATORS = "indicators", _l("Exploitation indicators at interview")


# Months ----------------------------------------------------------------------------

MONTH_TEXT = re.compile(r"([0-9]{4})-([0-9]{2})")
EARLIEST_YEAR = 2000


class BadMonth(ValueError):
    """A month that cannot be read, or one that has not begun."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def month_starting(day: date) -> Month:
    """The UK calendar month ``day`` falls in, with its UTC bounds."""
    first = first_of_month(day)
    return Month(first_day=first, start=uk_midnight(first), end=uk_midnight(add_months(first, 1)))


def last_complete_month(today: date | None = None) -> Month:
    """The month before this one: the default pack."""
    return month_starting(add_months(first_of_month(today or uk_today()), -1))


def parse_month(text: str | None, today: date | None = None) -> Month:
    """``2026-10`` as a month; blank is the last complete month. Raises ``BadMonth``."""
    value = (text or "").strip()
    if not value:
        return last_complete_month(today)
    match = MONTH_TEXT.fullmatch(value)
    if match is None:
        raise BadMonth(_("Enter the month as a year and month, for example 2026-10"))
    year, number = int(match[1]), int(match[2])
    if not 1 <= number <= 12:
        raise BadMonth(_("Enter a real month: the month number must be from 01 to 12"))
    if year < EARLIEST_YEAR:
        raise BadMonth(_("Enter a month in %(year)s or later", year=EARLIEST_YEAR))
    first = date(year, number, 1)
    if first > first_of_month(today or uk_today()):
        raise BadMonth(_("Enter this month or an earlier one"))
    return month_starting(first)


def last_day(month: Month) -> date:
    return add_months(month.first_day, 1) - timedelta(days=1)


# What a pack holds ----------------------------------------------------------------


@dataclass(frozen=True)
class RepeatRule:
    """The council's repeat-missing rule, from configuration (as rhi.meetings reads it)."""

    episodes: int  # more than this many...
    window: timedelta  # ...in any window this long

    @classmethod
    def configured(cls) -> RepeatRule:
        config = current_app.config
        return cls(episodes=int(config["REPEAT_EPISODES"]), window=config["REPEAT_WINDOW"])

    @property
    def days(self) -> int:
        return self.window.days


@dataclass(frozen=True)
class PackEpisode:
    id: int
    started_at: datetime
    returned_at: datetime | None
    category: str
    risk_grade: str
    place: str | None
    place_district: str | None
    in_month: bool

    @property
    def duration(self) -> timedelta | None:
        return None if self.returned_at is None else self.returned_at - self.started_at

    @property
    def category_label(self) -> str:
        try:
            return Category(self.category).label
        except ValueError:
            return self.category

    @property
    def risk_label(self) -> str:
        try:
            return RiskGrade(self.risk_grade).label
        except ValueError:
            return self.risk_grade

    @property
    def where_found(self) -> str | None:
        """The place and its district, when the return names one."""
        if self.place is None:
            return None
        return f"{self.place}, {self.place_district}" if self.place_district else self.place


@dataclass(frozen=True)
class PackMeeting:
    id: int
    triggered_at: datetime  # when the episode that crossed the threshold began
    episode_count: int
    held: bool
    held_on: date | None
    outcome: str | None


@dataclass(frozen=True)
class PackTheme:
    theme: str
    texts: int
    last_written: datetime

    @property
    def name(self) -> str:
        found = BY_ID.get(self.theme)
        return found.name if found else self.theme


@dataclass(frozen=True)
class PackFlag:
    child_id: int
    case_ref: str
    name: str
    kind: FlagKind
    at: datetime  # raised: the theme's decision, or the interview
    written_at: datetime  # the text's date, or the interview's
    indicators: tuple[str, ...] = ()  # indicator ids, for an interview's flag
    new: bool = False  # raised in the month
    earlier: bool = False  # a theme flag the child already had before the month

    def counts_for(self, kind: PanelKind) -> bool:
        """Whether this flag puts its child on ``kind``'s panel."""
        if self.kind is FlagKind.INDICATORS:
            return bool(kind.indicators.intersection(self.indicators))
        return kind.theme == self.kind.value

    @property
    def indicator_labels(self) -> tuple[str, ...]:
        return tuple(indicator_label(value) for value in self.indicators)


@dataclass(frozen=True)
class PackChild:
    id: int
    case_ref: str
    name: str
    age: int  # at the end of the month
    district: str
    legal_status: str
    team: str | None
    most_in_window: int  # MMH: the most episodes in one window ending in the month (else 0)
    episodes: tuple[PackEpisode, ...]
    meetings: tuple[PackMeeting, ...]
    themes: tuple[PackTheme, ...]  # accepted by a reviewer
    suggested: tuple[PackTheme, ...]  # suggested, not reviewed yet
    flags: tuple[PackFlag, ...]

    @property
    def episodes_in_month(self) -> int:
        return sum(1 for episode in self.episodes if episode.in_month)


@dataclass(frozen=True)
class OverdueInterview:
    rhi_id: int
    child_id: int
    case_ref: str
    name: str
    returned_at: datetime | None  # the return that started the clock
    due_at: datetime
    status: RhiStatus  # now
    interview_at: datetime | None  # when it was held, once completed (late)

    @property
    def still_waiting(self) -> bool:
        return self.status.clock_running

    @property
    def late_by(self) -> timedelta | None:
        return None if self.interview_at is None else self.interview_at - self.due_at


@dataclass(frozen=True)
class PanelPack:
    kind: PanelKind
    month: Month
    since: datetime  # the start of the look-back (UTC)
    generated_at: datetime
    rule: RepeatRule
    scope: str  # whose children it names, for people
    children: tuple[PackChild, ...]
    places: tuple[Hotspot, ...]  # MMH: the month's hotspots; else where these children were found
    new_flags: tuple[PackFlag, ...]
    overdue: tuple[OverdueInterview, ...]

    @property
    def last_day(self) -> date:
        return last_day(self.month)

    @property
    def since_day(self) -> date:
        return self.since.astimezone(UK).date()

    @property
    def named_children(self) -> tuple[int, ...]:
        """Every child the pack names, once each, for the audit log."""
        ids = [child.id for child in self.children]
        ids += [flag.child_id for flag in self.new_flags]
        ids += [row.child_id for row in self.overdue]
        return tuple(sorted(set(ids)))


def scope_text(viewer: User) -> str:
    """Whose children a pack names for ``viewer`` (the reach of ``visible_children``)."""
    if viewer.role_enum is Role.ADMIN:
        return _("Every child known to the service")
    if viewer.team is None:
        return _("No children: you are not in a team")
    return _("The children of %(team)s only", team=viewer.team.name)


def indicator_label(value: str) -> str:
    try:
        return ExploitationIndicator(value).label
    except ValueError:
        return value  # an id the form no longer offers


def duration_text(delta: timedelta | None) -> str:
    """An episode's length for people: "2 days 5 hours", "3 hours 20 minutes"."""
    if delta is None:
        return _("Still missing")
    minutes = max(0, int(delta.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = []
    if days:
        parts.append(ngettext("%(num)d day", "%(num)d days", days))
    if hours:
        parts.append(ngettext("%(num)d hour", "%(num)d hours", hours))
    if minutes and not days:
        parts.append(ngettext("%(num)d minute", "%(num)d minutes", minutes))
    return " ".join(parts) or _("Less than a minute")


# The queries -------------------------------------------------------------------------


def _name(given: str, family: str) -> str:
    return f"{given} {family}"


def _look_back(month: Month, rule: RepeatRule) -> datetime:
    """The start of the look-back: the window before the month, to the UK day.

    The earlier of the UK midnight ``days`` before the month and exactly the
    window before its first moment, so no window ending in the month reaches
    further back (clock changes make the two differ by an hour).
    """
    by_day = uk_midnight(month.first_day - timedelta(days=rule.days))
    return min(by_day, month.start - rule.window)


def _in_month(month: Month, episode: Any = Episode) -> sa.ColumnElement[bool]:
    """The episode was going on at some time in the month."""
    return sa.and_(
        episode.started_at < month.end,
        sa.or_(episode.returned_at.is_(None), episode.returned_at >= month.start),
    )


def _within_window(later: Any, earlier: Any, window: timedelta) -> sa.ColumnElement[bool]:
    """``earlier`` began less than ``window`` before ``later`` (the repeat rule's window)."""
    if dialect_name() == "postgresql":
        return earlier > later - sa.literal(window, sa.Interval())
    return seconds_between(later, earlier) < window.total_seconds()


def _repeat_children(month: Month, rule: RepeatRule, visible: Any) -> dict[int, int]:
    """Children over the threshold at an episode in the month: id -> the most in one window.

    For each episode in the month, its child's episodes that began in the
    window ending when it began (itself included), counted in one GROUP BY.
    """
    here, earlier = aliased(Episode), aliased(Episode)
    per_episode = (
        sa.select(here.child_id.label("child_id"), sa.func.count(earlier.id).label("n"))
        .join(Child, Child.id == here.child_id)
        .join(
            earlier,
            sa.and_(
                earlier.child_id == here.child_id,
                earlier.started_at <= here.started_at,
                _within_window(here.started_at, earlier.started_at, rule.window),
            ),
        )
        .where(_in_month(month, here), visible)
        .group_by(here.id, here.child_id)
        .subquery()
    )
    most = sa.func.max(per_episode.c.n)
    query = (
        sa.select(per_episode.c.child_id, most)
        .group_by(per_episode.c.child_id)
        .having(most > rule.episodes)
    )
    return {child_id: int(count) for child_id, count in db.session.execute(query)}


def _theme_flags(month: Month, since: datetime, visible: Any) -> list[PackFlag]:
    """Accepted CSE and CCE themes written in the look-back or decided in the month."""
    decided = sa.func.coalesce(ThemeSuggestion.decided_at, TaggedText.written_at)
    written = TaggedText.written_at

    def accepted(*when: sa.ColumnElement[bool]) -> Any:
        return (
            sa.select(
                ThemeSuggestion.id.label("id"),
                Child.id.label("child_id"),
                Child.case_ref.label("case_ref"),
                Child.given_name.label("given_name"),
                Child.family_name.label("family_name"),
                ThemeSuggestion.theme.label("theme"),
                written.label("written"),
                decided.label("decided"),
            )
            .join(ThemeSuggestion, ThemeSuggestion.text_id == TaggedText.id)
            .join(Child, Child.id == TaggedText.child_id)
            .where(sa.or_(accepted_flag(CSE_THEME), accepted_flag(CCE_THEME)), visible, *when)
        )

    # A UNION rather than an OR, so each half finds its rows by its own index or filter.
    # (A suggestion with no decision time counts as decided when its text was written:
    # the first half finds those.)
    either = sa.union(
        accepted(written >= since, written < month.end),
        accepted(ThemeSuggestion.decided_at >= month.start, ThemeSuggestion.decided_at < month.end),
    ).subquery()
    query = sa.select(
        either.c.child_id,
        either.c.case_ref,
        either.c.given_name,
        either.c.family_name,
        either.c.theme,
        either.c.written,
        either.c.decided,
    ).order_by(either.c.decided, either.c.id)
    rows = db.session.execute(query).all()
    before = _flagged_before(month, {row[0] for row in rows if month.start <= row[6] < month.end})
    flags = []
    for child_id, case_ref, given, family, theme, written_at, raised in rows:
        new = month.start <= raised < month.end
        flags.append(
            PackFlag(
                child_id=child_id,
                case_ref=case_ref,
                name=_name(given, family),
                kind=FlagKind(theme),
                at=raised,
                written_at=written_at,
                new=new,
                earlier=new and (child_id, theme) in before,
            )
        )
    return flags


def _flagged_before(month: Month, children: set[int]) -> set[tuple[int, str]]:
    """(child, theme) for the CSE and CCE flags these children had before the month."""
    if not children:
        return set()
    decided = sa.func.coalesce(ThemeSuggestion.decided_at, TaggedText.written_at)
    query = (
        sa.select(TaggedText.child_id, ThemeSuggestion.theme)
        .join(ThemeSuggestion, ThemeSuggestion.text_id == TaggedText.id)
        .where(
            sa.or_(accepted_flag(CSE_THEME), accepted_flag(CCE_THEME)),
            TaggedText.child_id.in_(sorted(children)),
            decided < month.start,
        )
        .distinct()
    )
    rows = db.session.execute(query)
    return {(child_id, theme) for child_id, theme in rows if child_id is not None}


def _indicator_flags(month: Month, since: datetime, visible: Any) -> list[PackFlag]:
    """Interviews held in the look-back or the month that recorded exploitation indicators."""
    held = interview_held()
    query = (
        sa.select(
            ReturnInterview.child_id,
            Child.case_ref,
            Child.given_name,
            Child.family_name,
            held,
            InterviewRecord.exploitation_indicators,
        )
        .join(InterviewRecord, InterviewRecord.rhi_id == ReturnInterview.id)
        .join(Child, Child.id == ReturnInterview.child_id)
        .where(indicators_recorded(), held >= since, held < month.end, visible)
        .order_by(held, InterviewRecord.id)
    )
    return [
        PackFlag(
            child_id=child_id,
            case_ref=case_ref,
            name=_name(given, family),
            kind=FlagKind.INDICATORS,
            at=when,
            written_at=when,
            indicators=tuple(str(value) for value in found or ()),
            new=month.start <= when,
        )
        for child_id, case_ref, given, family, when, found in db.session.execute(query)
    ]


def _episodes(ids: list[int], month: Month, since: datetime) -> dict[int, list[PackEpisode]]:
    """The children's episodes in the look-back and the month, in one query."""
    query = (
        sa.select(
            Episode.id,
            Episode.child_id,
            Episode.started_at,
            Episode.returned_at,
            Episode.category,
            Episode.risk_grade,
            Place.name,
            District.name,
        )
        .outerjoin(Place, Place.id == Episode.found_place_id)
        .outerjoin(District, District.id == Place.district_id)
        .where(
            Episode.child_id.in_(ids),
            Episode.started_at < month.end,
            sa.or_(
                Episode.started_at >= since,
                Episode.returned_at.is_(None),
                Episode.returned_at >= since,
            ),
        )
        .order_by(Episode.child_id, Episode.started_at, Episode.id)
    )
    found: dict[int, list[PackEpisode]] = defaultdict(list)
    for (
        episode_id,
        child_id,
        started,
        returned,
        category,
        grade,
        place,
        district,
    ) in db.session.execute(query):
        in_month = started < month.end and (returned is None or returned >= month.start)
        found[child_id].append(
            PackEpisode(episode_id, started, returned, category, grade, place, district, in_month)
        )
    return found


def _meetings(ids: list[int], month: Month, since: datetime) -> dict[int, list[PackMeeting]]:
    """Meeting tasks raised for episodes in the look-back or the month, and any still open."""
    trigger = aliased(Episode)
    query = (
        sa.select(
            MeetingTask.id,
            MeetingTask.child_id,
            trigger.started_at,
            MeetingTask.episode_count,
            MeetingTask.status,
            MeetingTask.held_on,
            MeetingTask.outcome,
        )
        .join(trigger, trigger.id == MeetingTask.trigger_episode_id)
        .where(
            MeetingTask.child_id.in_(ids),
            # The same children (a task's episode is its child's): lets the database
            # find the episodes by child and time instead of reading them all.
            trigger.child_id.in_(ids),
            trigger.started_at < month.end,
            sa.or_(trigger.started_at >= since, MeetingTask.status == MeetingStatus.OPEN),
        )
        .order_by(MeetingTask.child_id, trigger.started_at, MeetingTask.id)
    )
    found: dict[int, list[PackMeeting]] = defaultdict(list)
    for task_id, child_id, triggered, count, status, held_on, outcome in db.session.execute(query):
        found[child_id].append(
            PackMeeting(task_id, triggered, count, status == MeetingStatus.HELD, held_on, outcome)
        )
    return found


def _themes(
    ids: list[int], month: Month, since: datetime
) -> dict[tuple[int, str], list[PackTheme]]:
    """(child, decision) -> themes on texts about the child written in the look-back or month.

    Accepted and not yet reviewed, apart; rejected suggestions are left out.
    """
    texts = sa.func.count(sa.distinct(TaggedText.id))
    latest = sa.func.max(TaggedText.written_at)
    query = (
        sa.select(
            TaggedText.child_id, ThemeSuggestion.decision, ThemeSuggestion.theme, texts, latest
        )
        .join(ThemeSuggestion, ThemeSuggestion.text_id == TaggedText.id)
        .where(
            TaggedText.child_id.in_(ids),
            TaggedText.written_at >= since,
            TaggedText.written_at < month.end,
            ThemeSuggestion.decision.in_([Decision.ACCEPTED.value, Decision.PENDING.value]),
        )
        .group_by(TaggedText.child_id, ThemeSuggestion.decision, ThemeSuggestion.theme)
        .order_by(TaggedText.child_id, texts.desc(), ThemeSuggestion.theme)
    )
    found: dict[tuple[int, str], list[PackTheme]] = defaultdict(list)
    for child_id, decision, theme, count, written in db.session.execute(query):
        assert child_id is not None  # asked for by id
        found[(child_id, decision)].append(PackTheme(theme, int(count), _aware(written)))
    return found


def _aware(moment: Any) -> datetime:
    """A MAX() of a time column, as an aware UTC time whatever the driver gives back."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    assert isinstance(moment, datetime)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _children(
    ids: list[int],
    month: Month,
    since: datetime,
    most: dict[int, int],
    flags: list[PackFlag],
) -> list[PackChild]:
    """The listed children, by name, with their episodes, meetings, themes and flags.

    Four queries, whatever the number of children.
    """
    if not ids:
        return []
    people = sorted(
        db.session.scalars(
            sa.select(Child)
            .where(Child.id.in_(ids))
            .options(joinedload(Child.district), joinedload(Child.team))
        ),
        key=lambda child: (child.family_name.casefold(), child.given_name.casefold(), child.id),
    )
    episodes = _episodes(ids, month, since)
    meetings = _meetings(ids, month, since)
    themes = _themes(ids, month, since)
    by_child: dict[int, list[PackFlag]] = defaultdict(list)
    for flag in flags:
        by_child[flag.child_id].append(flag)
    end = last_day(month)
    return [
        PackChild(
            id=child.id,
            case_ref=child.case_ref,
            name=child.full_name,
            age=child.age_on(end),
            district=child.district.name,
            legal_status=child.legal_status_enum.label,
            team=child.team.name if child.team else None,
            most_in_window=most.get(child.id, 0),
            episodes=tuple(episodes.get(child.id, ())),
            meetings=tuple(meetings.get(child.id, ())),
            themes=tuple(themes.get((child.id, Decision.ACCEPTED.value), ())),
            suggested=tuple(themes.get((child.id, Decision.PENDING.value), ())),
            flags=tuple(by_child.get(child.id, ())),
        )
        for child in people
    ]


def _overdue(
    month: Month, now: datetime, visible: Any, among: list[int] | None
) -> list[OverdueInterview]:
    """Interviews whose 72-hour clock ran out in the month with no interview by then."""
    rhi = ReturnInterview
    status_then = (
        sa.select(RhiTransition.to_status)
        .where(RhiTransition.rhi_id == rhi.id, RhiTransition.at <= rhi.due_at)
        .order_by(RhiTransition.at.desc(), RhiTransition.id.desc())
        .limit(1)
        .correlate(rhi)
        .scalar_subquery()
    )
    # No history before the due moment: the interview was still only requested.
    running_then = sa.func.coalesce(status_then, RhiStatus.REQUESTED.value).in_(
        [status.value for status in CLOCK_RUNNING]
    )
    completed = sa.and_(
        rhi.completed_at.is_not(None),
        rhi.status.in_([RhiStatus.COMPLETED.value, RhiStatus.SIGNED_OFF.value]),
    )
    held_in_time = sa.and_(
        completed, sa.func.coalesce(InterviewRecord.held_at, rhi.completed_at) <= rhi.due_at
    )
    query = (
        sa.select(
            rhi.id,
            rhi.child_id,
            Child.case_ref,
            Child.given_name,
            Child.family_name,
            rhi.due_at,
            rhi.status,
            rhi.completed_at,
            InterviewRecord.held_at,
        )
        .join(Child, Child.id == rhi.child_id)
        .outerjoin(InterviewRecord, InterviewRecord.rhi_id == rhi.id)
        .where(
            rhi.due_at >= month.start,
            rhi.due_at < month.end,
            rhi.due_at <= now,
            rhi.status != RhiStatus.COVERED.value,
            running_then,
            sa.not_(held_in_time),
            visible,
        )
        .order_by(rhi.due_at, rhi.id)
    )
    if among is not None:
        query = query.where(rhi.child_id.in_(among))
    rows = db.session.execute(query).all()
    returned = first_returns([row[0] for row in rows])
    result = []
    for rhi_id, child_id, case_ref, given, family, due, status, completed_at, held in rows:
        state = RhiStatus(status)
        done = completed_at is not None and state in (RhiStatus.COMPLETED, RhiStatus.SIGNED_OFF)
        result.append(
            OverdueInterview(
                rhi_id=rhi_id,
                child_id=child_id,
                case_ref=case_ref,
                name=_name(given, family),
                returned_at=returned.get(rhi_id),
                due_at=due,
                status=state,
                interview_at=(held or completed_at) if done else None,
            )
        )
    return result


# The pack --------------------------------------------------------------------------


def build_pack(
    kind: PanelKind, month: Month, *, viewer: User, now: datetime | None = None
) -> PanelPack:
    """The pack for ``kind``'s panel in ``month``, naming only children ``viewer`` may see."""
    now = now or utcnow()
    rule = RepeatRule.configured()
    since = _look_back(month, rule)
    visible = visible_children(viewer)
    flags = _theme_flags(month, since, visible) + _indicator_flags(month, since, visible)
    flags.sort(key=lambda flag: (flag.at, flag.child_id))
    if kind is PanelKind.MMH:
        most = _repeat_children(month, rule, visible)
        ids = sorted(most)
        new_flags = [flag for flag in flags if flag.new]
        period = InsightFilter(returned_from=month.first_day, returned_to=last_day(month))
        places = hotspots(period)
        among: list[int] | None = None
    else:
        most = {}
        panel_flags = [flag for flag in flags if flag.counts_for(kind)]
        ids = sorted({flag.child_id for flag in panel_flags})
        new_flags = [flag for flag in panel_flags if flag.new]
        period = InsightFilter(
            returned_from=since.astimezone(UK).date(), returned_to=last_day(month)
        )
        places = hotspots(period, among=ids) if ids else []
        among = ids
    children = _children(ids, month, since, most, flags)
    return PanelPack(
        kind=kind,
        month=month,
        since=since,
        generated_at=now,
        rule=rule,
        scope=scope_text(viewer),
        # By name; the MMH pack puts those missing most often first.
        children=tuple(sorted(children, key=lambda child: -child.most_in_window)),
        places=tuple(places),
        new_flags=tuple(new_flags),
        overdue=tuple(_overdue(month, now, visible, among)),
    )


@transactional
def view_pack(
    kind: PanelKind, month: Month, *, viewer: User, as_format: str, now: datetime | None = None
) -> PanelPack:
    """``build_pack``, and the view is audited: one "child viewed" row per child it names."""
    pack = counted(
        "panel",
        (kind, month.key, reach_key(viewer), now),
        lambda: build_pack(kind, month, viewer=viewer, now=now),
    ).value
    detail = {"panel": kind.value, "month": month.key, "format": as_format}
    for child_id in pack.named_children:
        record(
            AuditAction.CHILD_VIEWED,
            object_type="child",
            object_id=child_id,
            detail=detail,
            actor=viewer,
        )
    return pack
