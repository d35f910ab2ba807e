"""Children in Need census factors a completed RHI can evidence: suggestions, never set.

Each RHI is built through the real workflow; themes are written by hand
(accepted, pending or rejected) on the interview's record and on a reply to
the survey after it, so the evidence is known.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from flask import Flask

from feedback.models import Conversation, SmsMessage
from rhi.auth.roles import Role
from rhi.children.models import Child
from rhi.extensions import db
from rhi.insights.cin import (
    RULES,
    CinFactor,
    EvidenceKind,
    evaluate,
    factors_for_year,
    suggest_factors,
)
from rhi.interviews.models import ReturnInterview
from rhi.interviews.record import InterviewRecord
from rhi.interviews.services import change_status
from rhi.interviews.vocabulary import RhiStatus
from rhi.themes.models import TaggedText, ThemeSuggestion
from rhi.themes.sources import interview_text
from rhi.themes.tagging import text_hash
from rhi.themes.vocabulary import Decision, TextSource
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.pages import ClientRequest, normalise
from tests.workflow_factories import create_child, create_episode

HOURS = timedelta(hours=1)
WORDS = "Kim went country with older lads and was sent pictures by a man online"


def at(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def returned_rhi(child: Child, when: datetime, category: str = "M") -> ReturnInterview:
    from rhi.episodes.services import record_return

    episode = create_episode(child, started_at=when - 30 * HOURS, category=category)
    return record_return(episode, returned_at=when - 24 * HOURS)


def held(
    rhi: ReturnInterview,
    when: datetime,
    *,
    indicators: tuple[str, ...] = (),
    complete: bool = True,
    words: str = WORDS,
) -> InterviewRecord:
    """The interview held at ``when``: recorded, and completed unless told otherwise."""
    for status in (RhiStatus.OFFERED, RhiStatus.ACCEPTED, RhiStatus.SCHEDULED):
        change_status(rhi, status, by=None, at=when - HOURS)
    record = InterviewRecord(
        rhi_id=rhi.id,
        held_at=when,
        submitted_at=when if complete else None,
        child_words=words,
        exploitation_indicators=list(indicators),
    )
    db.session.add(record)
    db.session.commit()
    if complete:
        change_status(rhi, RhiStatus.COMPLETED, by=None, at=when)
    return record


def theme(
    source: TextSource, source_id: int, child: Child, when: datetime, text: str, **themes: str
) -> TaggedText:
    """A tagged text with each theme's decision (accepted, pending or rejected)."""
    tagged = TaggedText(
        source=source,
        source_id=source_id,
        child_id=child.id,
        written_at=when,
        text_hash=text_hash(text),
        model_version="test",
    )
    for name, decision in themes.items():
        tagged.suggestions.append(ThemeSuggestion(theme=name, decision=decision, spans=[]))
    db.session.add(tagged)
    db.session.commit()
    return tagged


def on_record(record: InterviewRecord, **themes: str) -> TaggedText:
    assert record.held_at is not None
    child = record.rhi.child
    return theme(
        TextSource.INTERVIEW, record.id, child, record.held_at, interview_text(record), **themes
    )


def reply(rhi: ReturnInterview, when: datetime, body: str, **themes: str) -> TaggedText:
    """A text received in the survey that followed ``rhi``."""
    message = SmsMessage(
        conversation=Conversation(
            phone="+447700900111", child_id=rhi.child_id, rhi_id=rhi.id, status="completed"
        ),
        direction="in",
        kind="received",
        phone="+447700900111",
        body=body,
        created_at=when,
        handled_at=when,
    )
    db.session.add(message)
    db.session.commit()
    return theme(TextSource.SMS, message.id, rhi.child, when, body, **themes)


def by_factor(rhi: ReturnInterview) -> dict[CinFactor, list[tuple[str, str]]]:
    return {
        suggestion.factor: [
            (evidence.kind.value, evidence.code) for evidence in suggestion.evidence
        ]
        for suggestion in suggest_factors(rhi)
    }


# Each factor --------------------------------------------------------------------------


def test_a_completed_rhi_for_a_missing_episode_evidences_10a(app_ctx: Flask) -> None:
    rhi = returned_rhi(create_child(), at(2026, 3, 2))
    record = held(rhi, at(2026, 3, 3), words="Stayed at a friend's house")
    (suggestion,) = suggest_factors(rhi)
    assert suggestion.factor is CinFactor.MISSING
    assert suggestion.rhi_id == rhi.id and suggestion.record_id == record.id
    (evidence,) = suggestion.evidence
    assert (evidence.kind, evidence.code, evidence.count) == (EvidenceKind.EPISODES, "M", 1)
    # The record gives the same answer as its RHI.
    assert suggest_factors(record) == [suggestion]


def test_away_from_placement_alone_is_not_missing(app_ctx: Flask) -> None:
    rhi = returned_rhi(create_child(legal_status="lac"), at(2026, 3, 2), category="A")
    held(rhi, at(2026, 3, 3), words="Went to see my brother")
    assert suggest_factors(rhi) == []


def test_themes_and_indicators_evidence_each_factor(app_ctx: Flask) -> None:
    rhi = returned_rhi(create_child(given_name="Kim"), at(2026, 3, 2))
    record = held(
        rhi,
        at(2026, 3, 3),
        indicators=("images", "out_of_area", "weapon", "carrying", "older_associates"),
    )
    notes = on_record(record, cse=Decision.ACCEPTED, cce=Decision.PENDING, risky_adults="accepted")
    text = reply(rhi, at(2026, 3, 5), "had to hold stuff for them", cce=Decision.ACCEPTED)
    factors = by_factor(rhi)
    assert list(factors) == [
        CinFactor.MISSING,
        CinFactor.CSE,
        CinFactor.TRAFFICKING,
        CinFactor.GANGS,
        CinFactor.CCE,
    ]
    assert factors[CinFactor.CSE] == [("theme", "cse"), ("indicator", "images")]
    # The CCE theme is accepted on the reply only: the one on the notes is not reviewed.
    assert factors[CinFactor.CCE] == [
        ("theme", "cce"),
        ("indicator", "out_of_area"),
        ("indicator", "carrying"),
    ]
    assert factors[CinFactor.TRAFFICKING] == [("indicator", "out_of_area")]
    assert factors[CinFactor.GANGS] == [("indicator", "weapon")]
    suggestions = {s.factor: s for s in suggest_factors(rhi)}
    (cse_theme, _images) = suggestions[CinFactor.CSE].evidence
    assert cse_theme.text_ids == (notes.id,)
    (cce_theme, *_rest) = suggestions[CinFactor.CCE].evidence
    assert cce_theme.text_ids == (text.id,)
    assert "Child criminal exploitation theme accepted on 1 texts" in cce_theme.label


@pytest.mark.parametrize(
    ("decision", "expected"),
    [(Decision.ACCEPTED, True), (Decision.PENDING, False), (Decision.REJECTED, False)],
)
def test_only_accepted_themes_count(app_ctx: Flask, decision: Decision, expected: bool) -> None:
    rhi = returned_rhi(create_child(), at(2026, 3, 2))
    record = held(rhi, at(2026, 3, 3))
    on_record(record, cse=decision)
    assert (CinFactor.CSE in by_factor(rhi)) is expected


def test_indicators_of_either_kind_suggest_nothing_alone(app_ctx: Flask) -> None:
    rhi = returned_rhi(create_child(), at(2026, 3, 2))
    held(rhi, at(2026, 3, 3), indicators=("older_associates", "gifts_or_money", "new_phones"))
    assert list(by_factor(rhi)) == [CinFactor.MISSING]


def test_another_rhis_texts_are_not_evidence(app_ctx: Flask) -> None:
    child = create_child()
    first = returned_rhi(child, at(2026, 3, 2))
    held(first, at(2026, 3, 3))
    second = returned_rhi(child, at(2026, 3, 12))
    on_record(held(second, at(2026, 3, 13)), cse=Decision.ACCEPTED)
    assert list(by_factor(first)) == [CinFactor.MISSING]
    assert list(by_factor(second)) == [CinFactor.MISSING, CinFactor.CSE]


@pytest.mark.parametrize("state", ["scheduled", "returned", "declined"])
def test_none_for_an_rhi_not_completed(app_ctx: Flask, state: str) -> None:
    rhi = returned_rhi(create_child(), at(2026, 3, 2))
    if state == "declined":
        change_status(rhi, RhiStatus.OFFERED, by=None)
        change_status(rhi, RhiStatus.DECLINED, by=None, note="Did not want to talk")
    else:
        record = held(rhi, at(2026, 3, 3), indicators=("images",), complete=state == "returned")
        on_record(record, cse=Decision.ACCEPTED)
        if state == "returned":
            change_status(rhi, RhiStatus.RETURNED_FOR_CHANGES, by=None, note="Add the actions")
    assert suggest_factors(rhi) == []


def test_signed_off_still_evidences(app_ctx: Flask) -> None:
    rhi = returned_rhi(create_child(), at(2026, 3, 2))
    held(rhi, at(2026, 3, 3), indicators=("weapon",))
    change_status(rhi, RhiStatus.SIGNED_OFF, by=None)
    assert list(by_factor(rhi)) == [CinFactor.MISSING, CinFactor.GANGS]


def test_every_factor_has_one_rule() -> None:
    assert sorted(rule.factor.value for rule in RULES) == sorted(f.value for f in CinFactor)
    assert [f.value for f in CinFactor] == ["10A", "11A", "12A", "13A", "24A"]


# The RHI's page -------------------------------------------------------------------------


def test_the_rhi_page_shows_the_suggestions(app_ctx: Flask, client_request: ClientRequest) -> None:
    team = create_team()
    manager = create_user(Role.TEAM_MANAGER, team=team)
    rhi = returned_rhi(create_child(team=team), at(2026, 3, 2))
    record = held(rhi, at(2026, 3, 3), indicators=("debt",))
    on_record(record, cse=Decision.ACCEPTED)
    sign_in(client_request, manager)
    page = client_request.get(f"/returns/{rhi.id}")
    box = page.select_one(".app-cin-factors")
    assert box is not None and "govuk-inset-text" in box["class"]
    words = normalise(box.get_text())
    assert "Children in Need census factors this interview can evidence" in words
    assert "Homeward never sets them" in words
    rows = {row["data-factor"]: normalise(row.get_text()) for row in box.select("[data-factor]")}
    assert list(rows) == ["10A", "11A", "24A"]
    assert rows["10A"].startswith("10A Missing Missing episodes this interview covers: 1")
    assert "Child sexual exploitation theme accepted" in rows["11A"]
    assert "Recorded at interview: Owes money or a drug debt" in rows["24A"]
    # No form: nothing is set from here.
    assert not box.select("form, button, input")


def test_no_box_before_the_interview_is_completed(
    app_ctx: Flask, client_request: ClientRequest
) -> None:
    team = create_team()
    worker = create_user(Role.RHI_WORKER, team=team)
    rhi = returned_rhi(create_child(team=team), at(2026, 3, 2))
    sign_in(client_request, worker)
    page = client_request.get(f"/returns/{rhi.id}")
    assert page.select_one(".app-cin-factors") is None


# The performance team's list --------------------------------------------------------------


@pytest.fixture
def year_of_interviews(app_ctx: Flask) -> dict[str, Child]:
    """The financial year 2025 to 2026 ends at 22:59:59 UTC on 31 March 2026 (BST)."""
    children = {
        name: create_child(given_name=name.capitalize(), legal_status=status)
        for name, status in (("kim", "home"), ("lee", "lac"), ("max", "home"), ("ned", "home"))
    }
    # Kim: two interviews in the year, one with CSE evidence.
    first = returned_rhi(children["kim"], at(2025, 6, 1))
    held(first, at(2025, 6, 2))
    second = returned_rhi(children["kim"], at(2026, 3, 30))
    held(second, at(2026, 3, 31, 22, 30), indicators=("online_contact",))  # 23:30 in the UK
    # Lee: away from placement, carrying: 24A only.
    away = returned_rhi(children["lee"], at(2025, 9, 1), category="A")
    held(away, at(2025, 9, 2), indicators=("carrying",))
    # Max: completed at midnight in the UK on 1 April 2026: the next year.
    late = returned_rhi(children["max"], at(2026, 3, 30))
    held(late, at(2026, 3, 31, 23, 0))
    # Ned: never completed.
    returned_rhi(children["ned"], at(2025, 10, 1))
    return children


def test_one_row_per_child_with_completed_rhis_in_the_year(
    year_of_interviews: dict[str, Child],
) -> None:
    rows = {row.case_ref: row for row in factors_for_year(2025)}
    kim, lee = (year_of_interviews[name].case_ref for name in ("kim", "lee"))
    assert set(rows) == {kim, lee}
    assert rows[kim].interviews == 2
    assert rows[kim].counts == {CinFactor.MISSING: 2, CinFactor.CSE: 1}
    assert rows[kim].factors == [CinFactor.MISSING, CinFactor.CSE]
    assert rows[lee].counts == {CinFactor.CCE: 1}
    assert [row.case_ref for row in factors_for_year(2026)] == [year_of_interviews["max"].case_ref]


def test_the_list_and_its_csv(
    year_of_interviews: dict[str, Child], client_request: ClientRequest
) -> None:
    sign_in(client_request, create_user(Role.TEAM_MANAGER, team=create_team()))
    index = client_request.get("/insights/returns?year=2025")
    link = index.select_one("a[href='/insights/returns/cin-factors?year=2025']")
    assert link is not None
    page = client_request.get(link["href"])
    kim = year_of_interviews["kim"].case_ref
    row = page.select_one(f"table.app-cin-factors-table tr[data-child='{kim}']")
    cells = {cell["data-factor"]: normalise(cell.get_text()) for cell in row.select("td")[1:]}
    assert cells == {"interviews": "2", "10A": "2", "11A": "1", "12A": "0", "13A": "0", "24A": "0"}
    main = normalise(page.select_one("main").get_text())
    assert "Kim" not in main and "Testperson" not in main  # case references, never names
    summary = {
        row["data-factor"]: normalise(row.select_one("td").get_text())
        for row in page.select("table.app-cin-summary tbody tr")
    }
    assert summary == {"10A": "1", "11A": "1", "12A": "0", "13A": "0", "24A": "1"}

    response = client_request.get_response("/insights/returns/cin-factors.csv?year=2025")
    assert response.mimetype == "text/csv"
    assert "cin-census-factor-suggestions-2025-2026.csv" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == [
        "CHILD",
        "District",
        "Completed RHIs",
        "10A Missing",
        "11A Child sexual exploitation",
        "12A Trafficking",
        "13A Gangs",
        "24A Child criminal exploitation",
        "Suggested factors",
    ]
    lee = year_of_interviews["lee"].case_ref
    assert rows[1:] == sorted(
        [
            [kim, "Mansfield", "2", "2", "1", "0", "0", "0", "10A 11A"],
            [lee, "Mansfield", "1", "0", "0", "0", "0", "1", "24A"],
        ]
    )
    # Small numbers are not suppressed: a per-child list, for the council's own use.
    page = client_request.get("/insights/returns/cin-factors?year=twenty", expected_status=400)
    assert page.select_one(".govuk-error-summary")
    client_request.get_response("/insights/returns/cin-factors.csv?year=1066", expected_status=400)


def test_the_list_is_paged_and_the_csv_is_whole(
    year_of_interviews: dict[str, Child],
    client_request: ClientRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("rhi.insights.cin.PAGE_SIZE", 1)
    sign_in(client_request, create_user(Role.ADMIN))
    first = client_request.get("/insights/returns/cin-factors?year=2025")
    listed = [row["data-child"] for row in first.select("table.app-cin-factors-table tbody tr")]
    following = first.select_one(".govuk-pagination__next a")["href"]
    second = client_request.get(following)
    listed += [row["data-child"] for row in second.select("table.app-cin-factors-table tbody tr")]
    assert not second.select(".govuk-pagination__next")
    assert listed == sorted(year_of_interviews[name].case_ref for name in ("kim", "lee"))
    # A page past the end shows the last one.
    last = client_request.get("/insights/returns/cin-factors?year=2025&page=99")
    assert [row["data-child"] for row in last.select("table.app-cin-factors-table tbody tr")] == [
        listed[-1]
    ]
    response = client_request.get_response("/insights/returns/cin-factors.csv?year=2025")
    assert len(list(csv.reader(io.StringIO(response.get_data(as_text=True))))) == 3


def test_an_empty_year(app_ctx: Flask, client_request: ClientRequest) -> None:
    sign_in(client_request, create_user(Role.ADMIN))
    page = client_request.get("/insights/returns/cin-factors?year=2020")
    assert page.select_one(".app-cin-none")


def test_evaluate_needs_no_database() -> None:
    from rhi.insights.cin import RhiFacts

    facts = RhiFacts(
        rhi_id=1,
        child_id=2,
        record_id=3,
        missing_episodes=0,
        indicators=frozenset({"lifts"}),
        themes={"cce": (9,)},
    )
    assert [s.factor for s in evaluate(facts)] == [CinFactor.CSE, CinFactor.CCE]


def test_nothing_is_written_to_the_child(app_ctx: Flask) -> None:
    rhi = returned_rhi(create_child(), at(2026, 3, 2))
    held(rhi, at(2026, 3, 3), indicators=("images",))
    before = db.session.execute(sa.select(sa.func.count()).select_from(Child)).scalar()
    suggest_factors(rhi)
    factors_for_year(2025)
    assert not db.session.new and not db.session.dirty
    assert db.session.execute(sa.select(sa.func.count()).select_from(Child)).scalar() == before
