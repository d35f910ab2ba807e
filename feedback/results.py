"""Survey response rates and ratings: counts only, never who said what.

A survey counts as *sent* once it has started (its first question queued),
*delivered* when Twilio reported its first question delivered, *answered*
with at least one answer, and *completed* or *expired* by its status. Young
people's and parents' surveys are always counted apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from feedback.languages import name_of, wording
from feedback.models import Conversation, SmsMessage, SurveyAnswer, SurveyQuestion, SurveyTemplate
from feedback.vocabulary import (
    Audience,
    ConversationStatus,
    MessageKind,
    QuestionKind,
    SendStatus,
)
from rhi.extensions import db

UK = ZoneInfo("Europe/London")
RATINGS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Period:
    """Surveys started on or after ``start`` and on or before ``end`` (UK dates)."""

    start: date | None = None
    end: date | None = None

    def where(self) -> list[sa.ColumnElement[bool]]:
        clauses = []
        if self.start is not None:
            clauses.append(Conversation.started_at >= _uk_midnight(self.start))
        if self.end is not None:
            clauses.append(Conversation.started_at < _uk_midnight(self.end + timedelta(days=1)))
        return clauses


def _uk_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UK)


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
