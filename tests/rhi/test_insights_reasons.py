"""Reasons for missing: themes by episodes and children, against hand-built texts.

The dataset (UK time; British Summer Time starts on 29 March 2026, so 31 March
ends at 22:59:59 UTC). Every text and theme is written here, not tagged, so
the answers are known:

=====  ======  =========  ==================================================================
child  status  district   texts (UTC) and their themes
=====  ======  =========  ==================================================================
amy    home    mansfield  interview 5 Mar (her RHI covers 2 episodes): family_conflict
                          accepted, cse suggested (pending), peers rejected; a reply to the
                          survey after it, 6 Mar: family_conflict accepted
ben    lac     ashfield   interview 31 Mar 22:30 (23:30 in the UK: March): placement and
                          cce accepted
cal    lac     mansfield  interview 31 Mar 23:00 (midnight in the UK: 1 April): placement
dee    home    mansfield  a text outside any survey, 10 Mar (no RHI): family_conflict
eve    home    mansfield  interview 28 Feb 23:59 (February): family_conflict
=====  ======  =========  ==================================================================

In March: family_conflict is 2 episodes (Amy's RHI) and 2 children (Amy,
Dee); placement and cce 1 and 1 (Ben); any accepted theme 3 episodes, 3
children; suggested (pending) cse 2 episodes, 1 child; rejected peers nowhere.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
import sqlalchemy as sa
from bs4 import BeautifulSoup
from flask import Flask

from feedback.models import Conversation, SmsMessage
from rhi.audit.models import AuditEvent
from rhi.auth.models import User
from rhi.auth.roles import Role
from rhi.children.models import Child
from rhi.extensions import db
from rhi.insights.filters import InsightFilter
from rhi.insights.reasons import (
    TEXTS_VIEWED,
    Count,
    any_theme,
    monthly_trend,
    parse_decision,
    parse_group,
    parse_theme,
    reasons,
    theme_figures,
)
from rhi.insights.timeliness import UnknownFigure
from rhi.interviews.models import ReturnInterview
from rhi.interviews.record import InterviewRecord
from rhi.themes.models import TaggedText, ThemeSuggestion
from rhi.themes.sources import interview_text
from rhi.themes.tagging import text_hash
from rhi.themes.vocabulary import Decision, TextSource
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.pages import ClientRequest, error_messages, normalise
from tests.workflow_factories import create_child, create_returned_episode

MARCH = InsightFilter(returned_from=date(2026, 3, 1), returned_to=date(2026, 3, 31))
MARCH_ARGS = "returned_from=2026-03-01&returned_to=2026-03-31"
PAGE = "/insights/reasons"
HOURS = timedelta(hours=1)
PHONE = "+447700900321"

AMY_NOTES = "Amy said she had a row with mum and was kicked out; an older man sent her messages"
AMY_TEXT = "it was the row with mum again, Amy is fine now, ring 07700 900654"
BEN_NOTES = "Ben hates the foster placement and went country to hold a package"
CAL_NOTES = "Cal wants to move placement"
DEE_TEXT = "mum threw me out after a row"
EVE_NOTES = "Eve had a row with her dad"


def at(month: int, day: int, hour: int = 12, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, second, tzinfo=UTC)


def interview(child: Child, held: datetime, words: str, episodes: int = 1) -> InterviewRecord:
    """A submitted interview record for a new RHI covering ``episodes`` returns."""
    earlier = [
        create_returned_episode(child, started_at=held - (30 + 24 * index) * HOURS)[0]
        for index in range(episodes - 1, 0, -1)
    ]
    _latest, rhi = create_returned_episode(child, started_at=held - 30 * HOURS)
    for episode in earlier:
        episode.rhi = rhi
    record = InterviewRecord(rhi_id=rhi.id, held_at=held, submitted_at=held, child_words=words)
    db.session.add(record)
    db.session.commit()
    return record


def received(
    child: Child, when: datetime, body: str, rhi: ReturnInterview | None = None
) -> SmsMessage:
    """A text from the child: in the survey after ``rhi``, or outside any survey."""
    conversation = Conversation(
        phone=PHONE,
        child_id=child.id,
        rhi_id=rhi.id if rhi else None,
        status="completed" if rhi else "thread",
    )
    message = SmsMessage(
        conversation=conversation,
        direction="in",
        kind="received",
        phone=PHONE,
        body=body,
        created_at=when,
        handled_at=when,
    )
    db.session.add(message)
    db.session.commit()
    return message


def tag(
    source: TextSource,
    source_id: int,
    child: Child,
    written: datetime,
    text: str,
    themes: dict[str, tuple[Decision, str]],
) -> TaggedText:
    """A tagged text with each theme's decision and the words that are its evidence."""
    tagged = TaggedText(
        source=source,
        source_id=source_id,
        child_id=child.id,
        written_at=written,
        text_hash=text_hash(text),
        model_version="test",
    )
    for theme, (decision, evidence) in themes.items():
        start = text.index(evidence)
        tagged.suggestions.append(
            ThemeSuggestion(
                theme=theme,
                decision=decision,
                spans=[{"start": start, "end": start + len(evidence), "score": 0.9}],
                score=0.9,
                origin="tagger",
            )
        )
    db.session.add(tagged)
    db.session.commit()
    return tagged


def tag_interview(record: InterviewRecord, themes: dict[str, tuple[Decision, str]]) -> TaggedText:
    assert record.held_at is not None
    return tag(
        TextSource.INTERVIEW,
        record.id,
        record.rhi.child,
        record.held_at,
        interview_text(record),
        themes,
    )


def tag_text(
    message: SmsMessage, child: Child, themes: dict[str, tuple[Decision, str]]
) -> TaggedText:
    return tag(TextSource.SMS, message.id, child, message.created_at, message.body, themes)


ACCEPTED, PENDING, REJECTED = Decision.ACCEPTED, Decision.PENDING, Decision.REJECTED


@dataclass
class Data:
    manager: User
    officer: User
    children: dict[str, Child]
    texts: dict[str, TaggedText]


@pytest.fixture
def data(app_ctx: Flask) -> Data:
    team = create_team("Mansfield RHI team")
    manager = create_user(Role.TEAM_MANAGER, team=team)
    officer = create_user(Role.PARTICIPATION_OFFICER)
    details = {
        "amy": ("Amy", "Fielding", "home", "mansfield", {}),
        "ben": ("Ben", "Hartley", "lac", "ashfield", {"gender": "male"}),
        "cal": ("Cal", "Irwin", "lac", "mansfield", {}),
        # 16 on 10 March 2026: her birthday.
        "dee": ("Dee", "Jones", "home", "mansfield", {"date_of_birth": date(2009, 3, 10)}),
        "eve": ("Eve", "Kaur", "home", "mansfield", {}),
    }
    children = {
        key: create_child(
            given_name=given,
            family_name=family,
            legal_status=status,
            district=district,
            team=team,
            **extra,
        )
        for key, (given, family, status, district, extra) in details.items()
    }
    amy = interview(children["amy"], at(3, 5), AMY_NOTES, episodes=2)
    amy_text = received(children["amy"], at(3, 6), AMY_TEXT, rhi=amy.rhi)
    ben = interview(children["ben"], at(3, 31, 22, 30), BEN_NOTES)
    cal = interview(children["cal"], at(3, 31, 23, 0), CAL_NOTES)
    dee_text = received(children["dee"], at(3, 10), DEE_TEXT)
    eve = interview(children["eve"], at(2, 28, 23, 59), EVE_NOTES)
    texts = {
        "amy": tag_interview(
            amy,
            {
                "family_conflict": (ACCEPTED, "row with mum"),
                "cse": (PENDING, "an older man sent her messages"),
                "peers": (REJECTED, "was kicked out"),
            },
        ),
        "amy_text": tag_text(amy_text, children["amy"], {"family_conflict": (ACCEPTED, "row")}),
        "ben": tag_interview(
            ben,
            {
                "placement": (ACCEPTED, "hates the foster placement"),
                "cce": (ACCEPTED, "went country"),
            },
        ),
        "cal": tag_interview(cal, {"placement": (ACCEPTED, "move placement")}),
        "dee": tag_text(dee_text, children["dee"], {"family_conflict": (ACCEPTED, "threw me out")}),
        "eve": tag_interview(eve, {"family_conflict": (ACCEPTED, "row with her dad")}),
    }
    return Data(manager, officer, children, texts)


def by_theme(rows: list) -> dict[str, Count]:  # type: ignore[type-arg]
    return {row.theme: row.total for row in rows if row.total != Count()}


# The figures -----------------------------------------------------------------------


def test_accepted_themes_by_episodes_and_children(data: Data) -> None:
    assert by_theme(theme_figures(MARCH)) == {
        # Amy's RHI covers 2 episodes, on her interview and her reply: counted once.
        # Dee's text belongs to no RHI: her, but no episode.
        "family_conflict": Count(episodes=2, children=2),
        "placement": Count(episodes=1, children=1),  # Ben; Cal's is 1 April in the UK
        "cce": Count(episodes=1, children=1),
    }
    assert any_theme(MARCH).total == Count(episodes=3, children=3)


def test_the_most_episodes_come_first(data: Data) -> None:
    rows = theme_figures(MARCH)
    assert [row.theme for row in rows[:3]] == ["family_conflict", "placement", "cce"]
    assert len(rows) == 12  # every theme, even with none


def test_suggestions_are_counted_apart_and_rejected_never(data: Data) -> None:
    assert by_theme(theme_figures(MARCH, Decision.PENDING)) == {
        "cse": Count(episodes=2, children=1)
    }
    assert any_theme(MARCH, Decision.PENDING).total == Count(episodes=2, children=1)
    assert "cse" not in by_theme(theme_figures(MARCH))
    assert "peers" not in by_theme(theme_figures(MARCH))
    assert "peers" not in by_theme(theme_figures(MARCH, Decision.PENDING))
    result = reasons(MARCH)
    assert by_theme(result.accepted) == by_theme(theme_figures(MARCH))
    assert by_theme(result.suggested) == {"cse": Count(episodes=2, children=1)}


def test_one_child_with_a_theme_on_two_texts_counts_once(app_ctx: Flask) -> None:
    child = create_child()
    first = interview(child, at(3, 3), "a row at home")
    second = interview(child, at(3, 20), "another row at home")
    for record in (first, second):
        tag_interview(record, {"family_conflict": (ACCEPTED, "row")})
    (row,) = [row for row in theme_figures(MARCH) if row.theme == "family_conflict"]
    assert row.total == Count(episodes=2, children=1)


def test_month_boundaries_are_uk_time(data: Data) -> None:
    last_day = InsightFilter(returned_from=date(2026, 3, 31), returned_to=date(2026, 3, 31))
    assert by_theme(theme_figures(last_day)) == {
        "placement": Count(1, 1),
        "cce": Count(1, 1),
    }
    first_of_april = InsightFilter(returned_from=date(2026, 4, 1), returned_to=date(2026, 4, 1))
    assert by_theme(theme_figures(first_of_april)) == {"placement": Count(1, 1)}  # Cal
    spring = InsightFilter(returned_from=date(2026, 2, 15), returned_to=date(2026, 4, 10))
    trend = monthly_trend(spring)
    assert [month.key for month in trend] == ["2026-02", "2026-03", "2026-04"]
    assert [month.theme("family_conflict") for month in trend] == [
        Count(1, 1),  # Eve, 28 February
        Count(2, 2),
        Count(),
    ]
    assert [month.theme("placement").episodes for month in trend] == [0, 1, 1]


def test_an_episode_with_texts_in_two_months_counts_in_each(app_ctx: Flask) -> None:
    child = create_child()
    record = interview(child, at(3, 30), "a row at home")
    reply = received(child, at(4, 2), "still rowing", rhi=record.rhi)
    tag_interview(record, {"family_conflict": (ACCEPTED, "row")})
    tag_text(reply, child, {"family_conflict": (ACCEPTED, "rowing")})
    spring = InsightFilter(returned_from=date(2026, 3, 1), returned_to=date(2026, 4, 30))
    trend = monthly_trend(spring)
    assert [month.theme("family_conflict") for month in trend] == [Count(1, 1), Count(1, 1)]
    (row,) = [row for row in theme_figures(spring) if row.theme == "family_conflict"]
    assert row.total == Count(1, 1)


def test_home_or_care_and_district_splits_add_up(data: Data) -> None:
    rows = {row.theme: row for row in theme_figures(MARCH)}
    conflict, placement = rows["family_conflict"], rows["placement"]
    assert conflict.setting("home") == Count(2, 2)
    assert conflict.setting("care") == Count()
    assert placement.setting("care") == Count(1, 1)
    assert placement.setting("home") == Count()
    assert conflict.district("mansfield") == Count(2, 2)
    assert placement.district("ashfield") == Count(1, 1)
    assert placement.district("mansfield") == Count()
    anything = any_theme(MARCH)
    assert anything.setting("home") + anything.setting("care") == anything.total
    assert anything.district("mansfield") == Count(2, 2)
    assert anything.district("ashfield") == Count(1, 1)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"district": "ashfield"}, {"placement": Count(1, 1), "cce": Count(1, 1)}),
        ({"legal_status": "lac"}, {"placement": Count(1, 1), "cce": Count(1, 1)}),
        ({"legal_status": "home"}, {"family_conflict": Count(2, 2)}),
        ({"gender": "male"}, {"placement": Count(1, 1), "cce": Count(1, 1)}),
        # Dee is 16 on the day her text came, her birthday: the only one 16 to 17.
        ({"age_band": "16-17"}, {"family_conflict": Count(0, 1)}),
        ({"district": "ashfield", "legal_status": "home"}, {}),
    ],
)
def test_filters_narrow_the_children(
    data: Data, changes: dict[str, str], expected: dict[str, Count]
) -> None:
    criteria = InsightFilter(**{**MARCH.__dict__, **changes})
    assert by_theme(theme_figures(criteria)) == expected


def test_queries_are_bounded(data: Data) -> None:
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    sa.event.listen(db.engine, "before_cursor_execute", count)
    try:
        reasons(MARCH)
        before = len(statements)
        for day in range(1, 20):
            child = create_child()
            tag_interview(
                interview(child, at(3, day), "a row"), {"family_conflict": (ACCEPTED, "row")}
            )
        statements.clear()
        reasons(MARCH)
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", count)
    assert len(statements) == before == 1


def test_drill_parsing_refuses_what_is_not_on_the_page(data: Data) -> None:
    assert parse_theme("") == ""
    assert parse_theme("cse") == "cse"
    assert parse_decision(None) is Decision.ACCEPTED
    assert parse_decision("pending") is Decision.PENDING
    assert parse_group(MARCH, "district:ashfield").label == "Ashfield"
    assert parse_group(MARCH, "month:2026-03").label == "March 2026"
    assert parse_group(MARCH, "setting:care").label == "Missing from care"
    for bad in (
        lambda: parse_theme("shoes"),
        lambda: parse_decision("rejected"),
        lambda: parse_decision("maybe"),
        lambda: parse_group(MARCH, "district:atlantis"),
        lambda: parse_group(MARCH, "month:2027-01"),
        lambda: parse_group(MARCH, "setting:hospital"),
        lambda: parse_group(MARCH, "colour:red"),
    ):
        with pytest.raises(UnknownFigure):
            bad()


# The pages --------------------------------------------------------------------------


def figure(cell: BeautifulSoup) -> str:
    link = cell.find("a")
    return normalise(str(link.contents[0]) if link else cell.get_text())


def table(page: BeautifulSoup, name: str) -> dict[tuple[str, str], str]:
    """(theme, count) -> the number as shown, in a themes table."""
    return {
        (str(row["data-theme"]), str(cell["data-count"])): figure(cell)
        for row in page.select(f"table.{name} tbody tr")
        for cell in row.select("td[data-count]")
    }


def many(count: int, theme: str = "boundaries") -> None:
    """``count`` children, each with one accepted theme in March."""
    for day in range(1, count + 1):
        record = interview(create_child(), at(3, day), "no phone after 9 is too strict")
        tag_interview(record, {theme: (ACCEPTED, "too strict")})


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Role.TEAM_MANAGER, {"4": "4", "5": "5"}),
        (Role.PARTICIPATION_OFFICER, {"4": "<5", "5": "5"}),
    ],
)
def test_suppression_at_4_and_5(
    app_ctx: Flask, client_request: ClientRequest, role: Role, expected: dict[str, str]
) -> None:
    sign_in(client_request, create_user(role, team=create_team()))
    many(4)
    page = client_request.get(f"{PAGE}?{MARCH_ARGS}")
    counts = table(page, "app-themes-table")
    assert counts[("boundaries", "episodes")] == expected["4"]
    assert counts[("boundaries", "children")] == expected["4"]
    assert counts[("school", "episodes")] == "0"
    many(1)
    page = client_request.get(f"{PAGE}?{MARCH_ARGS}")
    assert table(page, "app-themes-table")[("boundaries", "children")] == expected["5"]


def test_the_page_keeps_suggestions_apart(data: Data, client_request: ClientRequest) -> None:
    sign_in(client_request, data.manager)
    page = client_request.get(f"{PAGE}?{MARCH_ARGS}")
    accepted = table(page, "app-themes-table")
    assert accepted[("family_conflict", "episodes")] == "2"
    assert accepted[("family_conflict", "children")] == "2"
    assert accepted[("any", "episodes")] == "3"
    assert accepted[("cse", "episodes")] == "0"
    suggested = table(page, "app-suggested-table")
    assert suggested == {
        ("cse", "episodes"): "2",
        ("cse", "children"): "1",
        ("any", "episodes"): "2",
        ("any", "children"): "1",
    }
    caption = page.select_one("table.app-suggested-table caption").get_text()
    assert "Suggested themes not yet reviewed" in caption
    # Home or care, and districts, link to their texts.
    care = page.select_one(
        "table.app-care-table tr[data-theme=placement] td[data-group=care][data-count=episodes]"
    )
    assert figure(care) == "1"
    assert "group=setting:care" in care.a["href"]
    ashfield = page.select_one(
        "table.app-district-table tr[data-theme=cce] td[data-group=ashfield]"
    )
    assert figure(ashfield) == "1"
    # The chart and its table alternative.
    charts = page.select("svg[role=img]")
    assert len(charts) == 12
    assert all(chart.select_one("title") and chart.select_one("desc") for chart in charts)
    month = page.select_one(
        "table.app-trend-table tr[data-group='2026-03'] td[data-theme=family_conflict]"
    )
    assert figure(month) == "2"


def test_no_suggestions_waiting_says_so(app_ctx: Flask, client_request: ClientRequest) -> None:
    sign_in(client_request, create_user(Role.PARTICIPATION_OFFICER))
    many(1)
    page = client_request.get(f"{PAGE}?{MARCH_ARGS}")
    assert page.select_one(".app-no-suggestions")
    assert not page.select("table.app-suggested-table")
    # A participation officer is offered the review queue.
    assert page.select_one("a[href='/themes/review']")


def csv_rows(client_request: ClientRequest, query: str) -> list[list[str]]:
    response = client_request.get_response(f"{PAGE}/reasons.csv?{query}")
    assert response.mimetype == "text/csv"
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


@pytest.mark.parametrize("role", ["manager", "officer"])
def test_every_csv_is_suppressed(data: Data, client_request: ClientRequest, role: str) -> None:
    sign_in(client_request, getattr(data, role))
    rows = csv_rows(client_request, f"{MARCH_ARGS}&table=themes")
    assert rows[0] == ["Theme", "Episodes", "Children"]
    body = {row[0]: row[1:] for row in rows[1:]}
    assert len(body) == 13
    assert body["Family conflict"] == ["<5", "<5"]
    assert body["School"] == ["0", "0"]
    assert body["Any theme"] == ["<5", "<5"]

    rows = csv_rows(client_request, f"{MARCH_ARGS}&table=suggested")
    assert rows[0][0] == "Theme (suggested, not yet reviewed)"
    assert {row[0]: row[1:] for row in rows[1:]}["Child sexual exploitation"] == ["<5", "<5"]

    rows = csv_rows(client_request, f"{MARCH_ARGS}&table=home-or-care")
    assert rows[0] == [
        "Theme",
        "Missing from home: Episodes",
        "Missing from home: Children",
        "Missing from care: Episodes",
        "Missing from care: Children",
    ]
    assert {row[0]: row[1:] for row in rows[1:]}["Care placement"] == ["0", "0", "<5", "<5"]

    rows = csv_rows(client_request, f"{MARCH_ARGS}&table=district")
    assert rows[0] == ["Theme", "District", "Episodes", "Children"]
    assert ["Care placement", "Ashfield", "<5", "<5"] in rows
    assert ["Care placement", "Mansfield", "0", "0"] in rows

    rows = csv_rows(client_request, f"{MARCH_ARGS}&table=trend")
    assert rows[0] == ["Month", "Theme", "Episodes", "Children"]
    assert ["March 2026", "Family conflict", "<5", "<5"] in rows
    assert len(rows) == 1 + 12


def test_the_csv_matches_the_table_when_nothing_is_small(
    app_ctx: Flask, client_request: ClientRequest
) -> None:
    sign_in(client_request, create_user(Role.PARTICIPATION_OFFICER))
    many(6)
    page = client_request.get(f"{PAGE}?{MARCH_ARGS}")
    on_page = [
        [normalise(row.select_one("th").get_text())]
        + [figure(cell) for cell in row.select("td[data-count]")]
        for row in page.select("table.app-themes-table tbody tr")
    ]
    assert csv_rows(client_request, f"{MARCH_ARGS}&table=themes")[1:] == on_page
    assert on_page[0] == ["Boundaries", "6", "6"]


def test_a_count_opens_its_texts_pseudonymised(data: Data, client_request: ClientRequest) -> None:
    sign_in(client_request, data.officer)
    page = client_request.get(f"{PAGE}?{MARCH_ARGS}")
    link = page.select_one(
        "table.app-themes-table tr[data-theme=family_conflict] td[data-count=children] a"
    )
    assert link is not None
    assert normalise(link.get_text()) == "<5 children, Family conflict, accepted"
    texts = client_request.get(link["href"])
    assert normalise(texts.select_one("#texts-theme").get_text()) == "Family conflict"
    assert normalise(texts.select_one("#texts-decision").get_text()) == "Accepted"
    sections = texts.select("section.app-reasons-text")
    # Newest first: Dee's text, Amy's reply, Amy's interview.
    assert [section["id"] for section in sections] == [
        f"text-{data.texts[key].id}" for key in ("dee", "amy_text", "amy")
    ]
    main = str(texts.select_one("main"))
    for secret in ("Amy", "Fielding", "Dee", "Jones", "07700", "900654", PHONE):
        assert secret not in main, secret
    amy = texts.select_one(f"#text-{data.texts['amy'].id}")
    words = normalise(amy.get_text())
    assert "A. said she had a row with mum" in words
    assert "Interview notes" in words and "Mansfield" in words
    assert "Family conflict: accepted" in words
    assert "Child sexual exploitation: suggested, not yet reviewed" in words
    assert "Friends and peers" not in words  # rejected
    # Only the evidence for the theme counted is highlighted, as on theme review.
    assert [normalise(mark.get_text()) for mark in amy.select("mark")] == ["row with mum"]
    hidden = amy.select_one("mark").find_next_sibling("span")
    assert normalise(hidden.get_text()) == "(evidence for Family conflict)"
    reply = normalise(texts.select_one(f"#text-{data.texts['amy_text'].id}").get_text())
    assert "Text message" in reply and "A. is fine now" in reply and "[phone number]" in reply

    # Showing them is audited: who, which texts, never their words.
    (audit,) = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.action == str(TEXTS_VIEWED))
    ).all()
    assert audit.actor_id == data.officer.id
    assert audit.detail["theme"] == "family_conflict"
    assert audit.detail["decision"] == "accepted"
    assert sorted(audit.detail["texts"]) == sorted(
        data.texts[key].id for key in ("dee", "amy_text", "amy")
    )


def test_a_suggested_count_opens_only_suggested_texts(
    data: Data, client_request: ClientRequest
) -> None:
    sign_in(client_request, data.manager)
    page = client_request.get(f"{PAGE}?{MARCH_ARGS}")
    link = page.select_one("table.app-suggested-table tr[data-theme=cse] td[data-count=episodes] a")
    texts = client_request.get(link["href"])
    assert normalise(texts.select_one("#texts-decision").get_text()) == (
        "Suggested, not yet reviewed"
    )
    (section,) = texts.select("section.app-reasons-text")
    assert section["id"] == f"text-{data.texts['amy'].id}"
    assert [normalise(m.get_text()) for m in section.select("mark")] == [
        "an older man sent her messages"
    ]
    # A manager reads texts pseudonymised too, and is not offered theme review.
    assert "Amy" not in str(texts.select_one("main"))
    assert not texts.select("a[href^='/themes/review/']")


def test_groups_narrow_the_texts(data: Data, client_request: ClientRequest) -> None:
    sign_in(client_request, data.officer)

    def listed(query: str) -> list[str]:
        texts = client_request.get(f"{PAGE}/texts?{MARCH_ARGS}&{query}")
        return [str(section["id"]) for section in texts.select("section.app-reasons-text")]

    ids = {key: f"text-{text.id}" for key, text in data.texts.items()}
    assert listed("theme=placement&group=setting:care") == [ids["ben"]]
    assert listed("theme=family_conflict&group=district:ashfield") == []
    assert listed("group=district:ashfield") == [ids["ben"]]
    assert listed("theme=family_conflict&group=month:2026-03") == [
        ids["dee"],
        ids["amy_text"],
        ids["amy"],
    ]
    # No theme: every text with an accepted theme.
    assert sorted(listed("")) == sorted(ids[key] for key in ("amy", "amy_text", "ben", "dee"))


def test_texts_are_paginated(app_ctx: Flask, client_request: ClientRequest) -> None:
    sign_in(client_request, create_user(Role.PARTICIPATION_OFFICER))
    many(23)
    first = client_request.get(f"{PAGE}/texts?{MARCH_ARGS}&theme=boundaries")
    assert len(first.select("section.app-reasons-text")) == 20
    assert normalise(first.select_one("#texts-total").get_text()) == "23"
    following = first.select_one(".govuk-pagination__next a")["href"]
    assert parse_qs(urlsplit(following).query)["page"] == ["2"]
    second = client_request.get(following)
    assert len(second.select("section.app-reasons-text")) == 3
    assert not second.select(".govuk-pagination__next")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("district=atlantis", "Select a district from the list"),
        ("returned_from=2026-02-31", "Written from must be a real date"),
        (
            "returned_from=2026-03-02&returned_to=2026-03-01",
            "Written to must be the same as or after written from",
        ),
    ],
)
def test_bad_filters_are_a_gov_uk_error(
    data: Data, client_request: ClientRequest, query: str, message: str
) -> None:
    sign_in(client_request, data.manager)
    for url in (PAGE, f"{PAGE}/texts"):
        page = client_request.get(f"{url}?{query}", expected_status=400)
        assert error_messages(page) == [message]
    client_request.get_response(f"{PAGE}/reasons.csv?{query}", expected_status=400)


@pytest.mark.parametrize(
    "query",
    ["theme=shoes", "decision=rejected", "group=district:atlantis", "group=month:1999-01"],
)
def test_bad_drill_downs_are_a_400(data: Data, client_request: ClientRequest, query: str) -> None:
    sign_in(client_request, data.officer)
    page = client_request.get(f"{PAGE}/texts?{MARCH_ARGS}&{query}", expected_status=400)
    assert page.select_one(".govuk-error-summary")


def test_an_unknown_csv_table_is_a_400(data: Data, client_request: ClientRequest) -> None:
    sign_in(client_request, data.officer)
    page = client_request.get(f"{PAGE}/reasons.csv?table=shoes", expected_status=400)
    assert error_messages(page) == ["Choose a table to download from the page"]


def test_filters_live_in_the_links(data: Data, client_request: ClientRequest) -> None:
    sign_in(client_request, data.manager)
    page = client_request.get(
        f"{PAGE}?returned_from=1&returned_from=3&returned_from=2026"
        "&returned_to=31&returned_to=3&returned_to=2026&district=ashfield"
    )
    counts = table(page, "app-themes-table")
    assert counts[("placement", "episodes")] == "1"
    assert counts[("family_conflict", "children")] == "0"
    href = page.select_one("table.app-themes-table tr[data-theme=placement] a")["href"]
    assert "district=ashfield" in href and "returned_to=2026-03-31" in href
    for link in page.select("a[download]"):
        assert "district=ashfield" in link["href"]
    labels = [normalise(label.get_text()) for label in page.select(".app-filters legend")]
    assert labels[:2] == ["Written from", "Written to"]


def test_workers_may_not_open_reasons(app_ctx: Flask, client_request: ClientRequest) -> None:
    sign_in(client_request, create_user(Role.RHI_WORKER, team=create_team()))
    for url in (PAGE, f"{PAGE}/texts", f"{PAGE}/reasons.csv"):
        client_request.get_response(url, expected_status=403)


def test_the_insight_pages_list_links_here(data: Data, client_request: ClientRequest) -> None:
    sign_in(client_request, data.officer)
    page = client_request.get(PAGE)
    current = page.select_one(".app-insight-sections a[aria-current=page]")
    assert current is not None and normalise(current.get_text()) == "Reasons for missing"
    assert re.search("Reasons for missing", page.title.get_text())
