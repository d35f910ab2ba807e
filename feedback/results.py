"""Survey response rates, ratings, and what people wrote: counts only, never who said what.

A survey counts as *sent* once it has started (its first question queued),
*delivered* when Twilio reported its first question delivered, *answered*
with at least one answer, and *completed* or *expired* by its status. Young
people's and parents' surveys are always counted apart.

Over time (``trends``), surveys count in the UK calendar month they started
(their ratings with them); texts count in the month they came in. A
*free-text reply* is a received text that is not an answer to a rating,
yes/no or choice question and not a STOP, START or HELP word: the answers to
"anything you want to tell us?" and texts sent outside a survey. Its
sentiment and themes are the tagger's (``rhi.themes``): themes a reviewer
accepted are counted apart from suggestions nobody has reviewed yet; rejected
ones are not counted. Everything is counted in the database, one GROUP BY
per table, months cut at UK midnight (``rhi.insights.filters``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask_babel import gettext as _

from feedback.languages import name_of, wording
from feedback.models import Conversation, SmsMessage, SurveyAnswer, SurveyQuestion, SurveyTemplate
from feedback.vocabulary import (
    HELP_WORDS,
    START_WORDS,
    STOP_WORDS,
    Audience,
    ConversationStatus,
    Direction,
    MessageKind,
    QuestionKind,
    SendStatus,
)
from nlp.taxonomy import THEMES
from rhi.extensions import db
from rhi.insights.filters import Month, months_between, uk_midnight
from rhi.themes.models import TaggedText, ThemeSuggestion
from rhi.themes.vocabulary import Decision, TextSource

UK = ZoneInfo("Europe/London")
RATINGS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Period:
    """Surveys started on or after ``start`` and on or before ``end`` (UK dates)."""

    start: date | None = None
    end: date | None = None

    def where(self, moment: Any = Conversation.started_at) -> list[sa.ColumnElement[bool]]:
        """``moment`` (a UTC timestamp column) falls on one of the period's UK days."""
        clauses = []
        if self.start is not None:
            clauses.append(moment >= uk_midnight(self.start))
        if self.end is not None:
            clauses.append(moment < uk_midnight(self.end + timedelta(days=1)))
        return clauses

    def months(self) -> list[Month]:
        """The UK calendar months the period covers, each clipped to it (both dates needed)."""
        if self.start is None or self.end is None:
            raise ValueError("a period with no start or end has no months")
        return months_between(self.start, self.end)


@dataclass(frozen=True)
class RateRow:
    label: str
    audience: str
    sent: int
    delivered: int
    answered: int
    completed: int
    expired: int

    @property
    def response_rate(self) -> float | None:
        """Answered as a percentage of sent (None when nothing was sent)."""
        return round(100 * self.answered / self.sent, 1) if self.sent else None


@dataclass(frozen=True)
class RatingRow:
    survey: str
    audience: str
    question: str
    count: int
    average: float | None
    distribution: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Results:
    period: Period
    by_template: list[RateRow]
    by_language: list[RateRow]
    by_audience: list[RateRow]
    ratings: list[RatingRow]

    @property
    def total_sent(self) -> int:
        return sum(row.sent for row in self.by_audience)


def _audience_label(value: str | None) -> str:
    return Audience(value).label if value else ""


def _first_survey_status() -> sa.ScalarSelect[str | None]:
    return (
        sa.select(SmsMessage.status)
        .where(
            SmsMessage.conversation_id == Conversation.id,
            SmsMessage.kind == MessageKind.SURVEY,
        )
        .order_by(SmsMessage.id)
        .limit(1)
        .scalar_subquery()
    )


def _counts(period: Period, *group: Any) -> list[tuple[Any, ...]]:
    answered = (
        sa.select(SurveyAnswer.id).where(SurveyAnswer.conversation_id == Conversation.id).exists()
    )
    one = sa.literal(1)
    zero = sa.literal(0)
    query = (
        sa.select(
            *group,
            sa.func.count(Conversation.id),
            sa.func.sum(sa.case((_first_survey_status() == SendStatus.DELIVERED, one), else_=zero)),
            sa.func.sum(sa.case((answered, one), else_=zero)),
            sa.func.sum(
                sa.case((Conversation.status == ConversationStatus.COMPLETED, one), else_=zero)
            ),
            sa.func.sum(
                sa.case((Conversation.status == ConversationStatus.EXPIRED, one), else_=zero)
            ),
        )
        .select_from(Conversation)
        .join(SurveyTemplate, SurveyTemplate.id == Conversation.template_id)
        .where(Conversation.started_at.is_not(None), *period.where())
        .group_by(*group)
        .order_by(*group)
    )
    return [tuple(row) for row in db.session.execute(query).all()]


def _rate(label: str, audience: str | None, numbers: tuple[Any, ...]) -> RateRow:
    sent, delivered, answered, completed, expired = (int(n or 0) for n in numbers)
    return RateRow(
        label=label,
        audience=_audience_label(audience),
        sent=sent,
        delivered=delivered,
        answered=answered,
        completed=completed,
        expired=expired,
    )


def _ratings(period: Period) -> list[RatingRow]:
    query = (
        sa.select(
            SurveyTemplate.name,
            SurveyTemplate.audience,
            SurveyQuestion.id,
            SurveyAnswer.rating,
            sa.func.count(SurveyAnswer.id),
        )
        .select_from(SurveyAnswer)
        .join(SurveyQuestion, SurveyQuestion.id == SurveyAnswer.question_id)
        .join(SurveyTemplate, SurveyTemplate.id == SurveyQuestion.template_id)
        .join(Conversation, Conversation.id == SurveyAnswer.conversation_id)
        .where(
            SurveyQuestion.kind == QuestionKind.RATING,
            SurveyAnswer.rating.is_not(None),
            Conversation.started_at.is_not(None),
            *period.where(),
        )
        .group_by(
            SurveyTemplate.name, SurveyTemplate.audience, SurveyQuestion.id, SurveyAnswer.rating
        )
        .order_by(SurveyTemplate.name, SurveyQuestion.id)
    )
    found: dict[int, tuple[str, str, dict[int, int]]] = {}
    for name, audience, question_id, rating, count in db.session.execute(query).all():
        entry = found.setdefault(question_id, (name, audience, {r: 0 for r in RATINGS}))
        if rating in entry[2]:
            entry[2][rating] += int(count)
    texts = {
        question.id: wording(question.text, "en")
        for question in db.session.scalars(
            sa.select(SurveyQuestion).where(SurveyQuestion.id.in_(list(found)))
        )
    }
    rows = []
    for question_id, (name, audience, distribution) in found.items():
        count = sum(distribution.values())
        total = sum(rating * n for rating, n in distribution.items())
        rows.append(
            RatingRow(
                survey=name,
                audience=_audience_label(audience),
                question=texts.get(question_id, ""),
                count=count,
                average=round(total / count, 1) if count else None,
                distribution=distribution,
            )
        )
    return rows


def response_rates(period: Period | None = None) -> Results:
    """Response rates by survey, by language and by audience, and the ratings given."""
    period = period or Period()
    by_template = [
        _rate(str(name), str(audience), tuple(numbers))
        for name, audience, *numbers in _counts(period, SurveyTemplate.name, Conversation.audience)
    ]
    by_language = [
        _rate(name_of(str(language)), str(audience), tuple(numbers))
        for language, audience, *numbers in _counts(
            period, Conversation.language, Conversation.audience
        )
    ]
    by_audience = [
        _rate(_audience_label(str(audience)), str(audience), tuple(numbers))
        for audience, *numbers in _counts(period, Conversation.audience)
    ]
    return Results(
        period=period,
        by_template=by_template,
        by_language=by_language,
        by_audience=by_audience,
        ratings=_ratings(period),
    )


# --- Over time, and what people wrote ---------------------------------------------

# The voices, in the order tables show them; None is a number not on a child's record.
VOICES: tuple[str | None, ...] = (Audience.CHILD.value, Audience.PARENT.value, None)
SENTIMENTS = ("pos", "neu", "neg")
KEYWORDS = tuple(sorted(STOP_WORDS | START_WORDS | HELP_WORDS))


def voice_label(value: str | None) -> str:
    """Whose voice: young person, parent or carer, or not known (an unknown number)."""
    return _audience_label(value) if value else _("Not known")


def free_text() -> sa.ColumnElement[bool]:
    """A WHERE clause on ``SmsMessage``: a received text in someone's own words.

    Not an answer to a rating, yes/no or choice question, and not a STOP,
    START or HELP word on its own (compared without case or spaces around).
    """
    answered_closed = SmsMessage.question_id.in_(
        sa.select(SurveyQuestion.id).where(SurveyQuestion.kind != QuestionKind.FREE_TEXT)
    )
    return sa.and_(
        SmsMessage.direction == Direction.INBOUND,
        sa.or_(SmsMessage.question_id.is_(None), ~answered_closed),
        sa.func.lower(sa.func.trim(SmsMessage.body)).not_in(KEYWORDS),
    )


def _month_of(moment: Any, months: list[Month]) -> sa.ColumnElement[int]:
    """The index of the month ``moment`` falls in (rows are already inside the period)."""
    whens = [(moment < month.end, index) for index, month in enumerate(months)]
    return sa.case(*whens, else_=len(months) - 1)


@dataclass(frozen=True)
class MonthRate:
    month: Month
    audience: str  # Audience value
    sent: int
    answered: int

    @property
    def voice(self) -> str:
        return voice_label(self.audience)

    @property
    def response_rate(self) -> float | None:
        return round(100 * self.answered / self.sent, 1) if self.sent else None


@dataclass(frozen=True)
class MonthRating:
    month: Month
    survey: str
    audience: str
    count: int
    total: int  # the ratings added up: average = total / count

    @property
    def voice(self) -> str:
        return voice_label(self.audience)

    @property
    def average(self) -> float | None:
        return round(self.total / self.count, 1) if self.count else None


@dataclass(frozen=True)
class MonthSentiment:
    month: Month
    audience: str | None
    positive: int = 0
    neutral: int = 0
    negative: int = 0

    @property
    def voice(self) -> str:
        return voice_label(self.audience)

    @property
    def texts(self) -> int:
        return self.positive + self.neutral + self.negative


@dataclass(frozen=True)
class ThemeCount:
    """Free-text replies with a theme, by whose voice they are (each text counted once)."""

    theme: str  # nlp.taxonomy id
    name: str
    young_people: int = 0
    parents: int = 0
    not_known: int = 0

    @property
    def texts(self) -> int:
        return self.young_people + self.parents + self.not_known


@dataclass(frozen=True)
class Trends:
    period: Period
    months: list[Month]
    rates: list[MonthRate]  # every month, young people then parents
    ratings: list[MonthRating]  # months with ratings, by survey
    ratings_by_voice: list[MonthRating]  # every month, young people then parents (all surveys)
    sentiment: list[MonthSentiment]  # every month, for young people and parents; unknown if any
    accepted_themes: list[ThemeCount]
    pending_themes: list[ThemeCount]

    @property
    def free_texts(self) -> int:
        return sum(row.texts for row in self.sentiment)


def _rates_by_month(period: Period, months: list[Month]) -> list[MonthRate]:
    month = _month_of(Conversation.started_at, months).label("k")
    answered = (
        sa.select(SurveyAnswer.id).where(SurveyAnswer.conversation_id == Conversation.id).exists()
    )
    query = (
        sa.select(
            month,
            Conversation.audience,
            sa.func.count(Conversation.id),
            sa.func.sum(sa.case((answered, 1), else_=0)),
        )
        .select_from(Conversation)
        .join(SurveyTemplate, SurveyTemplate.id == Conversation.template_id)
        .where(Conversation.started_at.is_not(None), *period.where())
        .group_by(month, Conversation.audience)
    )
    found = {
        (int(k), audience): (int(sent or 0), int(answered_count or 0))
        for k, audience, sent, answered_count in db.session.execute(query)
    }
    return [
        MonthRate(month, audience, *found.get((index, audience), (0, 0)))
        for index, month in enumerate(months)
        for audience in (Audience.CHILD.value, Audience.PARENT.value)
    ]


def _ratings_query(period: Period, months: list[Month], *group: Any) -> sa.Select[Any]:
    month = _month_of(Conversation.started_at, months).label("k")
    return (
        sa.select(month, *group, sa.func.count(SurveyAnswer.id), sa.func.sum(SurveyAnswer.rating))
        .select_from(SurveyAnswer)
        .join(SurveyQuestion, SurveyQuestion.id == SurveyAnswer.question_id)
        .join(Conversation, Conversation.id == SurveyAnswer.conversation_id)
        .join(SurveyTemplate, SurveyTemplate.id == Conversation.template_id)
        .where(
            SurveyQuestion.kind == QuestionKind.RATING,
            SurveyAnswer.rating.is_not(None),
            Conversation.started_at.is_not(None),
            *period.where(),
        )
        .group_by(month, *group)
    )


def _ratings_by_month(period: Period, months: list[Month]) -> list[MonthRating]:
    query = _ratings_query(period, months, SurveyTemplate.name, Conversation.audience)
    rows = [
        MonthRating(months[int(k)], str(name), str(audience), int(count), int(total or 0))
        for k, name, audience, count, total in db.session.execute(query)
    ]
    order = {value: index for index, value in enumerate(VOICES)}
    return sorted(
        rows, key=lambda r: (r.month.first_day, order.get(r.audience, len(order)), r.survey)
    )


def _ratings_by_voice(period: Period, months: list[Month]) -> list[MonthRating]:
    query = _ratings_query(period, months, Conversation.audience)
    found = {
        (int(k), audience): (int(count), int(total or 0))
        for k, audience, count, total in db.session.execute(query)
    }
    return [
        MonthRating(month, "", audience, *found.get((index, audience), (0, 0)))
        for index, month in enumerate(months)
        for audience in (Audience.CHILD.value, Audience.PARENT.value)
    ]


def _tagged_replies(query: Any, period: Period) -> Any:
    """``query`` over tagged free-text replies received in the period, with their conversation."""
    return (
        query.select_from(TaggedText)
        .join(
            SmsMessage,
            sa.and_(
                TaggedText.source == TextSource.SMS.value,
                SmsMessage.id == TaggedText.source_id,
            ),
        )
        .outerjoin(Conversation, Conversation.id == SmsMessage.conversation_id)
        .where(free_text(), *period.where(SmsMessage.created_at))
    )


def _sentiment_by_month(period: Period, months: list[Month]) -> list[MonthSentiment]:
    month = _month_of(SmsMessage.created_at, months).label("k")
    query = _tagged_replies(
        sa.select(
            month, Conversation.audience, TaggedText.sentiment_label, sa.func.count(TaggedText.id)
        ),
        period,
    ).group_by(month, Conversation.audience, TaggedText.sentiment_label)
    counts: dict[tuple[int, str | None], dict[str, int]] = {}
    for k, audience, label, count in db.session.execute(query):
        if label in SENTIMENTS:
            counts.setdefault((int(k), audience), {})[label] = int(count)
    rows = []
    for index, month_ in enumerate(months):
        for audience in VOICES:
            found = counts.get((index, audience))
            if found is None and audience is None:
                continue  # texts from unknown numbers: only in months that had some
            found = found or {}
            rows.append(
                MonthSentiment(
                    month_,
                    audience,
                    positive=found.get("pos", 0),
                    neutral=found.get("neu", 0),
                    negative=found.get("neg", 0),
                )
            )
    return rows


def _themes(period: Period) -> tuple[list[ThemeCount], list[ThemeCount]]:
    query = _tagged_replies(
        sa.select(
            ThemeSuggestion.theme,
            ThemeSuggestion.decision,
            Conversation.audience,
            sa.func.count(sa.distinct(TaggedText.id)),
        ),
        period,
    )
    query = query.join(ThemeSuggestion, ThemeSuggestion.text_id == TaggedText.id).where(
        ThemeSuggestion.decision.in_([Decision.ACCEPTED.value, Decision.PENDING.value])
    )
    query = query.group_by(ThemeSuggestion.theme, ThemeSuggestion.decision, Conversation.audience)
    found: dict[tuple[str, str], dict[str | None, int]] = {}
    for theme, decision, audience, count in db.session.execute(query):
        found.setdefault((decision, theme), {})[audience] = int(count)
    names = {theme.id: theme.name for theme in THEMES}

    def table(decision: Decision) -> list[ThemeCount]:
        rows = [
            ThemeCount(
                theme=theme,
                name=names.get(theme, theme),
                young_people=by_voice.get(Audience.CHILD.value, 0),
                parents=by_voice.get(Audience.PARENT.value, 0),
                not_known=by_voice.get(None, 0),
            )
            for (kind, theme), by_voice in found.items()
            if kind == decision
        ]
        return sorted(rows, key=lambda row: (-row.texts, row.name))

    return table(Decision.ACCEPTED), table(Decision.PENDING)


def trends(period: Period) -> Trends:
    """Response rates, ratings and sentiment by month, and themes, for a period with both dates."""
    months = period.months()
    accepted, pending = _themes(period)
    return Trends(
        period=period,
        months=months,
        rates=_rates_by_month(period, months),
        ratings=_ratings_by_month(period, months),
        ratings_by_voice=_ratings_by_voice(period, months),
        sentiment=_sentiment_by_month(period, months),
        accepted_themes=accepted,
        pending_themes=pending,
    )
