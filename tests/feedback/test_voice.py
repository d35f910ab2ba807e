"""Voice-of-the-child insight: ratings, response rates and sentiment by month, themes in free text.

A hand-built set of surveys and texts with known answers, some either side
of a month's end in UK time (British Summer Time began on 29 March 2026, so
22:30 UTC on 31 March is still March in the UK and 23:30 UTC is April).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from bs4 import BeautifulSoup
from flask import Flask

from feedback.models import Conversation, SmsMessage, SurveyAnswer, SurveyTemplate
from feedback.results import Period, trends
from feedback.vocabulary import Audience, ConversationStatus, Direction, MessageKind, QuestionKind
from rhi.auth.roles import Role
from rhi.extensions import db
from rhi.themes.models import TaggedText, ThemeSuggestion
from rhi.themes.vocabulary import Decision, TextSource
from tests.auth_helpers import sign_in
from tests.factories import create_user
from tests.feedback_factories import fresh_mobile, shipped_templates
from tests.pages import ClientRequest, normalise

YOUNG = "After an interview: young person"
PARENT = "After an interview: parent or carer"
PERIOD = Period(start=date(2026, 1, 1), end=date(2026, 4, 30))
PERIOD_ARGS = "started_from=2026-01-01&started_to=2026-04-30"

# Either side of the end of March in the UK (BST, UTC+1).
LAST_OF_MARCH = datetime(2026, 3, 31, 22, 30, tzinfo=UTC)  # 23:30 on 31 March in the UK
FIRST_OF_APRIL = datetime(2026, 3, 31, 23, 30, tzinfo=UTC)  # 00:30 on 1 April in the UK


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


class Builder:
    """Surveys and texts straight into the tables, with the times a test needs."""

    def __init__(self) -> None:
        self.templates = shipped_templates()

    def _question(self, template: SurveyTemplate, kind: QuestionKind) -> int:
        return next(q.id for q in template.questions if q.kind == kind)

    def _text(
        self, conversation: Conversation | None, body: str, when: datetime, question_id: int | None
    ) -> SmsMessage:
        message = SmsMessage(
            direction=Direction.INBOUND,
            kind=MessageKind.RECEIVED,
            phone=conversation.phone if conversation else fresh_mobile(),
            body=body,
            conversation=conversation,
            question_id=question_id,
            created_at=when,
            handled_at=when,
        )
        db.session.add(message)
        db.session.flush()
        return message

    def survey(
        self,
        name: str,
        started_at: datetime,
        *,
        rating: int | None = None,
        words: str | None = None,
        sentiment: str = "neu",
    ) -> Conversation:
        template = self.templates[name]
        conversation = Conversation(
            phone=fresh_mobile(),
            template_id=template.id,
            audience=template.audience,
            status=ConversationStatus.COMPLETED if rating or words else ConversationStatus.EXPIRED,
            start_at=started_at,
            started_at=started_at,
            created_at=started_at,
            last_message_at=started_at,
        )
        db.session.add(conversation)
        db.session.flush()
        if rating is not None:
            question_id = self._question(template, QuestionKind.RATING)
            message = self._text(
                conversation, str(rating), started_at + timedelta(minutes=5), question_id
            )
            self._answer(conversation, message, question_id, rating=rating)
            # Even tagged, a rating is not a free-text reply.
            self.tag(message, "pos")
        if words is not None:
            question_id = self._question(template, QuestionKind.FREE_TEXT)
            message = self._text(
                conversation, words, started_at + timedelta(minutes=10), question_id
            )
            self._answer(conversation, message, question_id)
            self.tag(message, sentiment)
        return conversation

    def _answer(
        self,
        conversation: Conversation,
        message: SmsMessage,
        question_id: int,
        rating: int | None = None,
    ) -> None:
        db.session.add(
            SurveyAnswer(
                conversation=conversation,
                question_id=question_id,
                message_id=message.id,
                text=message.body,
                rating=rating,
                created_at=message.created_at,
            )
        )

    def outside_survey(
        self, body: str, when: datetime, audience: str | None, sentiment: str
    ) -> SmsMessage:
        conversation = Conversation(
            phone=fresh_mobile(),
            audience=audience,
            status=ConversationStatus.THREAD,
            created_at=when,
            last_message_at=when,
        )
        db.session.add(conversation)
        db.session.flush()
        message = self._text(conversation, body, when, None)
        self.tag(message, sentiment)
        return message

    def tag(
        self, message: SmsMessage, sentiment: str, themes: dict[str, Decision] | None = None
    ) -> TaggedText:
        tagged = db.session.scalar(
            sa.select(TaggedText).where(
                TaggedText.source == TextSource.SMS, TaggedText.source_id == message.id
            )
        )
        if tagged is None:
            tagged = TaggedText(
                source=TextSource.SMS,
                source_id=message.id,
                written_at=message.created_at,
                text_hash="0" * 64,
                model_version="test",
                sentiment_label=sentiment,
                sentiment_polarity=0.0,
            )
            db.session.add(tagged)
        for theme, decision in (themes or {}).items():
            tagged.suggestions.append(
                ThemeSuggestion(theme=theme, decision=decision, score=0.9, spans=[])
            )
        db.session.flush()
        return tagged

    def themes_on(self, conversation: Conversation, themes: dict[str, Decision]) -> None:
        message = next(
            m for m in conversation.messages if m.question_id is not None and not m.body.isdigit()
        )
        self.tag(message, "neu", themes)


@dataclass
class Data:
    builder: Builder


@pytest.fixture
def data(app_ctx: Flask) -> Data:
    build = Builder()
    # January: nothing at all. February: one text from a number nobody knows.
    build.outside_survey("who is this", at("2026-02-10T12:00"), None, "neg")
    # March: three young people's surveys (two rated 5 and 2, one unanswered), one parent's.
    placement = build.survey(
        YOUNG, at("2026-03-02T10:00"), rating=5, words="i want to move", sentiment="pos"
    )
    build.survey(YOUNG, LAST_OF_MARCH, rating=2, words="nobody listens", sentiment="neg")
    build.survey(YOUNG, at("2026-03-15T09:00"))
    parent = build.survey(
        PARENT, at("2026-03-20T18:00"), rating=3, words="still worried", sentiment="neg"
    )
    # April: one young person's survey (started 00:30 on 1 April UK time), and a text.
    april = build.survey(YOUNG, FIRST_OF_APRIL, rating=4, words="it was ok", sentiment="neu")
    build.outside_survey("thanks for the help", at("2026-04-12T16:00"), Audience.CHILD, "pos")
    # STOP is not a free-text reply, tagged or not.
    build.outside_survey(" STOP ", at("2026-04-13T16:00"), Audience.CHILD, "neu")
    # May: outside the period.
    build.survey(YOUNG, at("2026-05-01T09:00"), rating=1, words="rubbish", sentiment="neg")
    # Themes: accepted, suggested and rejected.
    build.themes_on(placement, {"placement": Decision.ACCEPTED, "school": Decision.PENDING})
    build.themes_on(april, {"placement": Decision.ACCEPTED, "peers": Decision.REJECTED})
    build.themes_on(parent, {"placement": Decision.ACCEPTED, "family_conflict": Decision.PENDING})
    db.session.commit()
    return Data(build)


def by_month(rows: Sequence[Any], *fields: str) -> list[tuple[Any, ...]]:
    return [(row.month.key, row.audience, *(getattr(row, f) for f in fields)) for row in rows]


def test_response_rates_by_month_count_each_survey_in_its_uk_month(data: Data) -> None:
    result = trends(PERIOD)
    assert [month.key for month in result.months] == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert by_month(result.rates, "sent", "answered", "response_rate") == [
        ("2026-01", "child", 0, 0, None),
        ("2026-01", "parent", 0, 0, None),
        ("2026-02", "child", 0, 0, None),
        ("2026-02", "parent", 0, 0, None),
        ("2026-03", "child", 3, 2, 66.7),
        ("2026-03", "parent", 1, 1, 100.0),
        ("2026-04", "child", 1, 1, 100.0),
        ("2026-04", "parent", 0, 0, None),
    ]


def test_ratings_by_month_mean_and_count_per_survey_and_per_voice(data: Data) -> None:
    result = trends(PERIOD)
    assert [
        (row.month.key, row.survey, row.audience, row.count, row.average) for row in result.ratings
    ] == [
        ("2026-03", YOUNG, "child", 2, 3.5),
        ("2026-03", PARENT, "parent", 1, 3.0),
        ("2026-04", YOUNG, "child", 1, 4.0),
    ]
    assert by_month(result.ratings_by_voice, "count", "average")[4:] == [
        ("2026-03", "child", 2, 3.5),
        ("2026-03", "parent", 1, 3.0),
        ("2026-04", "child", 1, 4.0),
        ("2026-04", "parent", 0, None),
    ]


def test_sentiment_of_free_text_replies_by_month(data: Data) -> None:
    result = trends(PERIOD)
    # Ratings and STOP are tagged but are not free text; May is outside the period.
    assert by_month(result.sentiment, "positive", "neutral", "negative") == [
        ("2026-01", "child", 0, 0, 0),
        ("2026-01", "parent", 0, 0, 0),
        ("2026-02", "child", 0, 0, 0),
        ("2026-02", "parent", 0, 0, 0),
        ("2026-02", None, 0, 0, 1),
        ("2026-03", "child", 1, 0, 1),
        ("2026-03", "parent", 0, 0, 1),
        ("2026-04", "child", 1, 1, 0),
        ("2026-04", "parent", 0, 0, 0),
    ]
    assert result.free_texts == 6


def test_the_month_edge_moves_with_the_dates_chosen(data: Data) -> None:
    # Only 31 March (UK): the survey started at 23:30 BST counts; the one at 00:30 on 1 April not.
    result = trends(Period(start=date(2026, 3, 31), end=date(2026, 3, 31)))
    assert by_month(result.rates, "sent") == [("2026-03", "child", 1), ("2026-03", "parent", 0)]
    assert [(row.count, row.average) for row in result.ratings] == [(1, 2.0)]
    result = trends(Period(start=date(2026, 4, 1), end=date(2026, 4, 1)))
    assert by_month(result.rates, "sent") == [("2026-04", "child", 1), ("2026-04", "parent", 0)]


def test_themes_in_free_text_accepted_apart_from_suggestions(data: Data) -> None:
    result = trends(PERIOD)
    assert [
        (row.theme, row.young_people, row.parents, row.not_known, row.texts)
        for row in result.accepted_themes
    ] == [("placement", 2, 1, 0, 3)]
    assert sorted((row.theme, row.young_people, row.parents) for row in result.pending_themes) == [
        ("family_conflict", 0, 1),
        ("school", 1, 0),
    ]
    # Rejected themes are not counted anywhere.
    assert "peers" not in {row.theme for row in result.accepted_themes + result.pending_themes}


def table(page: BeautifulSoup, selector: str) -> list[list[str]]:
    return [
        [normalise(cell.get_text()) for cell in row.select("th, td")]
        for row in page.select(f"{selector} tbody tr")
    ]


def test_the_page_shows_exact_counts_charts_and_tables(
    data: Data, client_request: ClientRequest
) -> None:
    sign_in(client_request, create_user(Role.TEAM_MANAGER))
    page = client_request.get(f"/surveys/results?{PERIOD_ARGS}")
    assert table(page, ".app-rates-by-month")[4] == [
        "March 2026",
        "Young person",
        "3",
        "2",
        "66.7%",
    ]
    assert table(page, ".app-ratings-by-month")[4] == ["March 2026", "Young person", "2", "3.5"]
    assert table(page, ".app-sentiment-by-month")[4] == [
        "February 2026",
        "Not known",
        "0",
        "0",
        "1",
        "1",
    ]
    assert table(page, ".app-themes-accepted") == [["Care placement", "2", "1", "0", "3"]]
    assert len(table(page, ".app-themes-suggested")) == 2
    # Each chart is an image with a title and a description, and a table after it.
    for name in ("rate-chart", "rating-chart"):
        svg = page.select_one(f'svg[aria-labelledby="{name}-title {name}-desc"]')
        assert svg is not None and svg["role"] == "img"
        assert svg.select_one(f"title#{name}-title") and svg.select_one(f"desc#{name}-desc")
    bars = page.select('svg[aria-labelledby^="rating-chart"] text')
    assert "3.5" in [normalise(bar.get_text()) for bar in bars]
    # Managers may not share words: no free-text list for them.
    assert page.select_one("#free-text-replies") is None


def test_blank_dates_mean_the_last_twelve_months(
    app_ctx: Flask, client_request: ClientRequest
) -> None:
    sign_in(client_request, create_user(Role.PARTICIPATION_OFFICER))
    page = client_request.get("/surveys/results")
    assert len(table(page, ".app-rates-by-month")) == 0  # no surveys: no monthly tables
    assert page.select_one(".app-no-results") is not None
    assert "From 1 " in normalise(page.select_one("#headline").get_text())


def csv_rows(client_request: ClientRequest, table_name: str, args: str) -> list[list[str]]:
    response = client_request.get_response(
        f"/surveys/results/download.csv?table={table_name}&{args}"
    )
    assert response.mimetype == "text/csv"
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def test_downloads_hide_counts_of_one_to_four_but_show_five(
    app_ctx: Flask, client_request: ClientRequest
) -> None:
    build = Builder()
    for day in range(1, 5):  # 4 young people's surveys in June, each rated 4
        build.survey(YOUNG, at(f"2026-06-{day:02d}T10:00"), rating=4, words="fine", sentiment="pos")
    for day in range(1, 6):  # 5 parents' surveys, each rated 2
        build.survey(PARENT, at(f"2026-06-{day:02d}T11:00"), rating=2, words="no", sentiment="neg")
    db.session.commit()
    sign_in(client_request, create_user(Role.PARTICIPATION_OFFICER))
    args = "started_from=2026-06-01&started_to=2026-06-30"

    rows = csv_rows(client_request, "rates-by-month", args)
    assert rows == [
        ["Month", "Audience", "Sent", "Answered", "Response rate"],
        ["2026-06", "Young person", "<5", "<5", "<5"],
        ["2026-06", "Parent or carer", "5", "5", "100.0%"],
    ]
    rows = csv_rows(client_request, "ratings-by-month", args)
    assert rows[1:] == [
        ["2026-06", "Young person", "<5", "<5"],
        ["2026-06", "Parent or carer", "5", "2.0"],
    ]
    rows = csv_rows(client_request, "sentiment-by-month", args)
    assert rows[1:] == [
        ["2026-06", "Young person", "<5", "0", "0", "<5"],
        ["2026-06", "Parent or carer", "0", "0", "5", "5"],
    ]
    rows = csv_rows(client_request, "by-audience", args)
    assert ["Young person", "Young person", "<5", "0", "<5", "<5", "0", "<5"] in rows
    assert ["Parent or carer", "Parent or carer", "5", "0", "5", "5", "0", "100.0%"] in rows
    # On screen the same figures are exact.
    page = client_request.get(f"/surveys/results?{args}")
    assert table(page, ".app-rates-by-month")[0] == [
        "June 2026",
        "Young person",
        "4",
        "4",
        "100.0%",
    ]


def test_theme_downloads_are_suppressed_too(data: Data, client_request: ClientRequest) -> None:
    sign_in(client_request, create_user(Role.ADMIN))
    rows = csv_rows(client_request, "themes-accepted", PERIOD_ARGS)
    assert rows == [
        ["Theme", "Young people", "Parents or carers", "Not known", "Texts"],
        ["Care placement", "<5", "<5", "0", "<5"],
    ]
    assert len(csv_rows(client_request, "themes-suggested", PERIOD_ARGS)) == 3
    client_request.get_response(
        f"/surveys/results/download.csv?table=nothing&{PERIOD_ARGS}", expected_status=404
    )
    client_request.get_response(
        "/surveys/results/download.csv?started_from=2026-05-01&started_to=2026-04-01",
        expected_status=400,
    )
