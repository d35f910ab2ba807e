"""Dates and times as people (and scripts) type them, into every kind of date box.

Hypothesis sends day, month and year boxes holding anything (out of range, a
31st of a short month, 29 February of a common year, other scripts' digits,
signs, spaces, great length, fewer or more parts than three) and times of day
in every shape. Nothing may give a 500: a filter page answers 200 or 400 with
a GOV.UK error summary, and a form saves or shows the error summary. A saved
date is the one typed, never one rolled over into the next month.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from hypothesis import example, given
from hypothesis import strategies as st

from rhi.auth.roles import Role
from rhi.extensions import db
from rhi.interviews.record import InterviewRecord
from rhi.interviews.services import change_status
from rhi.interviews.vocabulary import RhiStatus
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.feedback.test_input_fuzz import FUZZ
from tests.pages import ClientRequest
from tests.workflow_factories import create_child, create_returned_episode

LONDON = ZoneInfo("Europe/London")
PART = (
    st.integers(min_value=-3, max_value=10_000).map(str)
    | st.sampled_from(["", " 7 ", "07", "+3", "-0", "1e3", "٣", "\uff11\uff12", "²", "3.0", "0x1f"])
    | st.sampled_from(["\uff12\uff10\uff12\uff15", "99999", "0000", "1752", "2025 ", "\u200b2025"])
    | st.text(max_size=12)
)
PARTS = st.lists(PART, min_size=0, max_size=4)
TIME = (
    st.builds(lambda h, m: f"{h}:{m:02d}", st.integers(-1, 99), st.integers(0, 99))
    | st.sampled_from(["9", "9pm", "12am", "13pm", "01:30", "24:00", "9.30", "noon", " 7:05 "])
    | st.text(max_size=20)
)


def query(name: str, parts: list[str], **more: str) -> str:
    return urlencode([(name, part) for part in parts] + list(more.items()))


def assert_answered_clearly(response: Any) -> None:
    assert response.status_code in {200, 400}, response.status_code
    if response.status_code == 400:
        assert "govuk-error-summary" in response.get_data(as_text=True)


@pytest.fixture
def manager_in(client_request: ClientRequest) -> ClientRequest:
    sign_in(client_request, create_user(Role.TEAM_MANAGER, team=create_team("Date team")))
    return client_request


@pytest.fixture
def admin_in(client_request: ClientRequest) -> ClientRequest:
    sign_in(client_request, create_user(Role.ADMIN))
    return client_request


@pytest.fixture
def officer_in(client_request: ClientRequest) -> ClientRequest:
    sign_in(client_request, create_user(Role.PARTICIPATION_OFFICER))
    return client_request


@FUZZ
@given(start=PARTS, end=PARTS)
@example(start=["31", "2", "2026"], end=["1", "3", "2026"])
@example(start=["29", "2", "2025"], end=["29", "2", "2028"])
@example(start=["1", "1", "1"], end=["31", "12", "9999"])
def test_insight_filters_take_any_dates(manager_in: ClientRequest, start, end) -> None:
    for page in ("/insights/timeliness", "/insights/hotspots", "/insights/reasons"):
        params = query("returned_from", start) + "&" + query("returned_to", end)
        assert_answered_clearly(manager_in.client.get(f"{page}?{params}"))


@FUZZ
@given(start=PARTS, end=PARTS)
def test_the_audit_log_filter_takes_any_dates(admin_in: ClientRequest, start, end) -> None:
    params = query("date_from", start) + "&" + query("date_to", end)
    assert_answered_clearly(admin_in.client.get(f"/admin/audit-log?{params}"))


@FUZZ
@given(start=PARTS, end=PARTS)
def test_the_review_queue_filter_takes_any_dates(officer_in: ClientRequest, start, end) -> None:
    params = query("written_from", start) + "&" + query("written_to", end)
    assert_answered_clearly(officer_in.client.get(f"/themes/review?{params}"))


@pytest.fixture
def worker_in(client_request: ClientRequest) -> tuple[ClientRequest, Any]:
    team = create_team("Date team")
    worker = create_user(Role.RHI_WORKER, team=team)
    sign_in(client_request, worker)
    return client_request, team


def _scheduled_rhi(team: Any) -> int:
    _episode, rhi = create_returned_episode(create_child(team=team))
    for step in (RhiStatus.OFFERED, RhiStatus.ACCEPTED, RhiStatus.SCHEDULED):
        change_status(rhi, step, by=None)
    db.session.commit()
    return rhi.id


def _typed_date(parts: list[str]) -> date | None:
    try:
        day, month, year = (int(part.strip()) for part in parts)
        return date(year, month, day)
    except ValueError:
        return None


@FUZZ
@given(held_date=PARTS, held_time=TIME)
@example(held_date=["31", "4", "2026"], held_time="10:00")
@example(held_date=["29", "2", "2025"], held_time="10:00")
@example(held_date=["29", "3", "2026"], held_time="01:30")  # not a time in the UK that night
@example(held_date=["25", "10", "2026"], held_time="01:30")  # twice in the UK that night
def test_an_interview_date_and_time_save_as_typed_or_are_refused_clearly(
    worker_in, held_date: list[str], held_time: str
) -> None:
    client_request, team = worker_in
    rhi_id = _scheduled_rhi(team)
    url = f"/returns/{rhi_id}/interview"
    form = {
        "csrf_token": client_request.csrf_token(url),
        "version": "0",
        "held_date": held_date,
        "held_time": held_time,
        "save_draft": "y",
    }
    response = client_request.client.post(url, data=form)
    assert response.status_code in {200, 302, 409, 422}, response.status_code
    if response.status_code != 302:
        assert "govuk-error-summary" in response.get_data(as_text=True)
        db.session.rollback()
        return
    db.session.expire_all()
    held_at = db.session.scalar(
        sa.select(InterviewRecord.held_at).where(InterviewRecord.rhi_id == rhi_id)
    )
    if held_at is not None:  # both boxes left blank is a draft without a time
        assert held_at.astimezone(LONDON).date() == _typed_date(held_date)
