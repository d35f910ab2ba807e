"""Recording the structured interview: drafts, submission, concurrent edits and access."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.auth.models import Team, User
from rhi.auth.roles import Role
from rhi.database import utcnow
from rhi.extensions import db
from rhi.interviews.models import ReturnInterview, RhiTransition
from rhi.interviews.record import InterviewRecord
from rhi.interviews.record_forms import parse_time
from rhi.interviews.record_services import (
    AlreadySubmitted,
    EditConflict,
    InterviewAnswers,
    current_version,
    save_draft,
    submit_interview,
)
from rhi.interviews.services import change_status
from rhi.interviews.vocabulary import InterviewMethod, RhiStatus
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.pages import ClientRequest, banner_text, error_messages, normalise
from tests.workflow_factories import create_child, create_returned_episode

LONDON = ZoneInfo("Europe/London")
CONFLICT_MESSAGE = "Someone else saved this interview while you were working on it"
# A page with a POST form, for a CSRF token when the page posted to has none.
TOKEN_PAGE = "/account/change-password"

WALKS = {
    RhiStatus.REQUESTED: [],
    RhiStatus.ACCEPTED: [RhiStatus.OFFERED, RhiStatus.ACCEPTED],
    RhiStatus.SCHEDULED: [RhiStatus.OFFERED, RhiStatus.ACCEPTED, RhiStatus.SCHEDULED],
    RhiStatus.COMPLETED: [
        RhiStatus.OFFERED,
        RhiStatus.ACCEPTED,
        RhiStatus.SCHEDULED,
        RhiStatus.COMPLETED,
    ],
}


@pytest.fixture
def team(app_ctx: Flask) -> Team:
    return create_team("North team")


@pytest.fixture
def worker(team: Team, client_request: ClientRequest) -> User:
    user = create_user(Role.RHI_WORKER, team=team, full_name="Robin Ashdown")
    sign_in(client_request, user)
    return user


def make_rhi(team: Team, status: RhiStatus = RhiStatus.SCHEDULED) -> ReturnInterview:
    child = create_child(team=team, given_name="Kai", family_name="Brookfield")
    _episode, rhi = create_returned_episode(child)
    for step in WALKS[status]:
        change_status(rhi, step, by=None)
    return rhi


def url(rhi: ReturnInterview) -> str:
    return f"/returns/{rhi.id}/interview"


def local_parts(moment: datetime) -> tuple[list[str], str]:
    """The date boxes and time box a worker would type for ``moment``."""
    local = moment.astimezone(LONDON)
    return [str(local.day), str(local.month), str(local.year)], local.strftime("%H:%M")


def answers(**overrides: Any) -> dict[str, Any]:
    """A full, valid interview as the browser posts it."""
    day, clock = local_parts(utcnow() - timedelta(hours=2))
    data: dict[str, Any] = {
        "method": "face_to_face",
        "held_date": day,
        "held_time": clock,
        "present": "Foster carer (for the first ten minutes)",
        "push_factors": ["boundaries", "family_conflict"],
        "pull_factors": ["peers"],
        "where_stayed": "A friend's flat near the bus station",
        "stayed_with": "Two friends from school, both 15",
        "travel": "Bus, then walked",
        "harm": "None disclosed",
        "exploitation_indicators": ["new_phones"],
        "substances": "Said they drank some cider",
        "school": "Back at school on Monday",
        "health": "Tired; no injuries",
        "child_wants": "To be allowed out later at weekends",
        "child_words": "I just needed a break from the rows at home.",
        "worker_analysis": "Push factors are family conflict over rules.",
        "actions": "Family meeting next week",
        "referrals": ["youth_service"],
        "parent_information": "Carer says the curfew is 9pm",
    }
    data.update(overrides)
    return data


def version_on(page: BeautifulSoup) -> str:
    field = page.find("input", attrs={"name": "version"})
    assert field is not None
    return str(field["value"])


def draft(**overrides: Any) -> dict[str, Any]:
    return {**answers(**overrides), "save_draft": "y"}


def submission(**overrides: Any) -> dict[str, Any]:
    return {**answers(**overrides), "submit_interview": "y"}


def textarea(page: BeautifulSoup, name: str) -> str:
    area = page.find("textarea", attrs={"name": name})
    assert area is not None, name
    return area.get_text()


def checked(page: BeautifulSoup, name: str) -> list[str]:
    return [
        str(box["value"]) for box in page.find_all("input", attrs={"name": name, "checked": True})
    ]


def flashes(client: FlaskClient) -> list[str]:
    with client.session_transaction() as session:
        return [message for _category, message in session.get("_flashes", [])]


def the_record(rhi: ReturnInterview) -> InterviewRecord:
    db.session.expire_all()
    records = list(
        db.session.scalars(sa.select(InterviewRecord).where(InterviewRecord.rhi_id == rhi.id))
    )
    assert len(records) == 1
    return records[0]


def transitions_to(rhi: ReturnInterview, status: RhiStatus) -> list[RhiTransition]:
    return list(
        db.session.scalars(
            sa.select(RhiTransition).where(
                RhiTransition.rhi_id == rhi.id, RhiTransition.to_status == status
            )
        )
    )


def audit_rows(action: AuditAction) -> list[AuditEvent]:
    return list(
        db.session.scalars(
            sa.select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
        )
    )


class TestDraft:
    def test_a_draft_keeps_what_was_typed_and_shows_it_again(self, worker, team, client_request):
        rhi = make_rhi(team)
        page = client_request.get(url(rhi))
        assert version_on(page) == "0"
        words = "  I went to Jay's.\r\n\r\nNobody   listens to me at home.  "
        response = client_request.post_response(
            url(rhi), {**draft(child_words=words), "version": "0"}
        )
        assert response.headers["Location"] == url(rhi)

        saved = the_record(rhi)
        assert saved.child_words == "I went to Jay's.\n\nNobody   listens to me at home."
        assert saved.method == "face_to_face"
        assert saved.push_factors == ["boundaries", "family_conflict"]
        assert saved.referrals == ["youth_service"]
        assert saved.updated_by_id == worker.id
        assert saved.submitted_at is None
        db.session.refresh(rhi)
        assert rhi.status == RhiStatus.SCHEDULED

        page = client_request.get(url(rhi))
        assert "Draft saved" in banner_text(page)
        assert textarea(page, "child_words").strip("\n") == saved.child_words
        assert textarea(page, "where_stayed").strip() == "A friend's flat near the bus station"
        assert checked(page, "push_factors") == ["boundaries", "family_conflict"]
        assert checked(page, "pull_factors") == ["peers"]
        assert checked(page, "exploitation_indicators") == ["new_phones"]
        assert checked(page, "referrals") == ["youth_service"]
        assert checked(page, "method") == ["face_to_face"]
        day, clock = answers()["held_date"], answers()["held_time"]
        boxes = [
            page.find("input", id=f"held_date-{part}")["value"] for part in ("day", "month", "year")
        ]
        assert [int(box) for box in boxes] == [int(part) for part in day]
        assert page.find("input", attrs={"name": "held_time"})["value"] == clock
        assert version_on(page) == str(saved.version)

    def test_a_draft_needs_nothing(self, worker, team, client_request):
        rhi = make_rhi(team, RhiStatus.ACCEPTED)
        client_request.post_response(url(rhi), {"save_draft": "y", "version": "0"})
        saved = the_record(rhi)
        assert saved.method is None and saved.held_at is None and saved.child_words is None
        assert saved.push_factors == []

    def test_every_save_is_audited_without_what_was_said(self, worker, team, client_request):
        rhi = make_rhi(team)
        client_request.post_response(url(rhi), {**draft(), "version": "0"})
        client_request.post_response(
            url(rhi), {**draft(harm="Pushed over by an older man"), "version": "1"}
        )
        saved = the_record(rhi)
        events = audit_rows(AuditAction.INTERVIEW_SAVED)
        assert len(events) == 2
        assert {event.object_type for event in events} == {"return_interview"}
        assert {event.object_id for event in events} == {str(rhi.id)}
        assert [event.detail["version"] for event in events] == [1, saved.version]
        assert all(event.actor_id == worker.id for event in events)
        logged = str([event.detail for event in events])
        for text in answers().values():
            if isinstance(text, str) and len(text) > 12:
                assert text not in logged
        assert "older man" not in logged

    def test_too_long_text_is_refused_and_kept(self, worker, team, client_request):
        rhi = make_rhi(team)
        long_words = "word " * 2001  # 10,005 characters, 10,004 once the end is trimmed
        page = client_request.post(url(rhi), {**draft(child_words=long_words), "version": "0"})
        assert error_messages(page) == ["The child's own words must be 10,000 characters or fewer"]
        assert textarea(page, "child_words").strip() == long_words.strip()
        assert db.session.scalar(sa.select(sa.func.count(InterviewRecord.id))) == 0

    def test_ten_thousand_characters_fit(self, worker, team, client_request):
        rhi = make_rhi(team)
        words = "x" * 10_000
        client_request.post_response(url(rhi), {**draft(worker_analysis=words), "version": "0"})
        assert the_record(rhi).worker_analysis == words

    def test_half_a_date_or_a_wrong_time_is_an_error_even_in_a_draft(
        self, worker, team, client_request
    ):
        rhi = make_rhi(team)
        page = client_request.post(
            url(rhi),
            {**draft(held_date=["12", "", "2026"], held_time="25:61"), "version": "0"},
        )
        assert error_messages(page) == [
            "Date of the interview must include a month",
            "Time the interview started must be a real time, like 09:30 or 14:30",
        ]

    def test_a_date_needs_a_time(self, worker, team, client_request):
        rhi = make_rhi(team)
        page = client_request.post(url(rhi), {**draft(held_time=""), "version": "0"})
        assert error_messages(page) == ["Enter the time the interview started"]

    def test_a_made_up_choice_is_refused(self, worker, team, client_request):
        rhi = make_rhi(team)
        page = client_request.post(
            url(rhi), {**draft(push_factors=["boundaries", "aliens"]), "version": "0"}
        )
        assert error_messages(page) == ["Select the reasons from the list"]


class TestSubmit:
    def test_submitting_completes_the_rhi_in_one_go(self, worker, team, client_request):
        rhi = make_rhi(team)
        client_request.post_response(url(rhi), {**draft(), "version": "0"})
        response = client_request.post_response(url(rhi), {**submission(), "version": "1"})
        assert response.headers["Location"] == f"/returns/{rhi.id}"
        assert flashes(client_request.client) == ["Interview submitted for sign-off"]

        saved = the_record(rhi)
        assert saved.submitted_at is not None
        db.session.refresh(rhi)
        assert rhi.status == RhiStatus.COMPLETED
        assert rhi.completed_at == saved.submitted_at
        assert rhi.method == "face_to_face"
        [moved] = transitions_to(rhi, RhiStatus.COMPLETED)
        assert (moved.from_status, moved.by_id) == (RhiStatus.SCHEDULED, worker.id)
        [submitted] = audit_rows(AuditAction.INTERVIEW_SUBMITTED)
        assert (submitted.object_type, submitted.object_id) == ("return_interview", str(rhi.id))
        assert "rows at home" not in str(submitted.detail)
        changed = audit_rows(AuditAction.RHI_STATUS_CHANGED)
        assert changed[-1].detail == {"from": "scheduled", "to": "completed"}

    def test_held_on_the_spot_passes_through_scheduled(self, worker, team, client_request):
        rhi = make_rhi(team, RhiStatus.ACCEPTED)
        client_request.post_response(url(rhi), {**submission(method="phone"), "version": "0"})
        db.session.refresh(rhi)
        assert rhi.status == RhiStatus.COMPLETED
        steps = [
            (row.from_status, row.to_status)
            for row in db.session.scalars(
                sa.select(RhiTransition)
                .where(RhiTransition.rhi_id == rhi.id)
                .order_by(RhiTransition.id)
            )
        ]
        assert steps[-2:] == [("accepted", "scheduled"), ("scheduled", "completed")]
        assert the_record(rhi).method == "phone"

    def test_what_submitting_needs_is_shown_all_at_once(self, worker, team, client_request):
        rhi = make_rhi(team)
        day, clock = local_parts(utcnow() + timedelta(days=2))
        page = client_request.post(
            url(rhi),
            {
                **submission(held_date=day, held_time=clock, child_words="", worker_analysis=""),
                "method": "",
                "version": "0",
            },
        )
        assert error_messages(page) == [
            "Select how the interview was done",
            "The date and time the interview was held must be in the past",
            "Enter the child's own words or your analysis",
        ]
        assert normalise(page.title.get_text()).startswith("Error: Record the interview")
        # What was typed is still there, and nothing was saved or moved.
        assert textarea(page, "harm").strip() == "None disclosed"
        assert db.session.scalar(sa.select(sa.func.count(InterviewRecord.id))) == 0
        db.session.refresh(rhi)
        assert rhi.status == RhiStatus.SCHEDULED

    def test_no_date_or_time_when_submitting(self, worker, team, client_request):
        rhi = make_rhi(team)
        page = client_request.post(
            url(rhi), {**submission(held_date=["", "", ""], held_time=""), "version": "0"}
        )
        assert error_messages(page) == ["Enter the date and time the interview was held"]

    def test_the_analysis_alone_is_enough(self, worker, team, client_request):
        rhi = make_rhi(team)
        client_request.post_response(url(rhi), {**submission(child_words=""), "version": "0"})
        db.session.refresh(rhi)
        assert rhi.status == RhiStatus.COMPLETED

    def test_not_before_the_child_came_back(self, worker, team, client_request):
        rhi = make_rhi(team)
        returned = rhi.episodes[0].returned_at
        day, clock = local_parts(returned - timedelta(hours=3))
        page = client_request.post(
            url(rhi), {**submission(held_date=day, held_time=clock), "version": "0"}
        )
        [message] = error_messages(page)
        assert message.startswith("The interview must be held after the child returned, on ")

    def test_a_double_click_submits_once(self, worker, team, client_request):
        rhi = make_rhi(team)
        data = {**submission(), "version": "0"}
        first = client_request.post_response(url(rhi), data)
        flashes(client_request.client)  # read the first message
        second = client_request.post_response(url(rhi), data, form_url=TOKEN_PAGE)
        assert first.headers["Location"] == second.headers["Location"] == f"/returns/{rhi.id}"
        assert "already been submitted" in " ".join(flashes(client_request.client))
        assert db.session.scalar(sa.select(sa.func.count(InterviewRecord.id))) == 1
        assert len(transitions_to(rhi, RhiStatus.COMPLETED)) == 1
        assert len(audit_rows(AuditAction.INTERVIEW_SUBMITTED)) == 1

    def test_a_double_click_on_save_as_draft_is_not_a_conflict(self, worker, team, client_request):
        rhi = make_rhi(team)
        data = {**draft(), "version": "0"}
        client_request.post_response(url(rhi), data)
        again = client_request.post_response(url(rhi), data)
        assert again.headers["Location"] == url(rhi)
        assert len(audit_rows(AuditAction.INTERVIEW_SAVED)) == 1


class TestConcurrentEdits:
    def test_the_second_save_is_refused_and_keeps_its_text(
        self, app_ctx, worker, team, client_request
    ):
        rhi = make_rhi(team)
        colleague = create_user(Role.RHI_WORKER, team=team, full_name="Sam Okafor")
        other = ClientRequest(app_ctx.test_client())
        sign_in(other, colleague)

        mine = version_on(client_request.get(url(rhi)))
        theirs = version_on(other.get(url(rhi)))
        other.post_response(
            url(rhi), {**draft(child_words="Sam's notes of what Kai said"), "version": theirs}
        )

        page = client_request.post(
            url(rhi),
            {**draft(child_words="Robin's notes, typed at the same time"), "version": mine},
            expected_status=409,
        )
        [message] = error_messages(page)
        assert message.startswith(CONFLICT_MESSAGE)
        assert page.select_one(".govuk-error-summary a")["href"] == "#version"
        assert page.find(id="version") is not None  # the link lands on the explanation
        assert textarea(page, "child_words").strip() == "Robin's notes, typed at the same time"
        assert version_on(page) == mine  # saving again is refused again: reload first

        saved = the_record(rhi)
        assert saved.child_words == "Sam's notes of what Kai said"
        assert saved.updated_by_id == colleague.id
        assert len(audit_rows(AuditAction.INTERVIEW_SAVED)) == 1

    def test_a_stale_submit_does_not_complete_the_rhi(self, app_ctx, worker, team, client_request):
        rhi = make_rhi(team)
        colleague = create_user(Role.TEAM_MANAGER, team=team, full_name="Lee Marsh")
        other = ClientRequest(app_ctx.test_client())
        sign_in(other, colleague)
        client_request.post_response(url(rhi), {**draft(), "version": "0"})
        other.post_response(url(rhi), {**draft(actions="Call the school"), "version": "1"})

        page = client_request.post(url(rhi), {**submission(), "version": "1"}, expected_status=409)
        assert error_messages(page)[0].startswith(CONFLICT_MESSAGE)
        db.session.refresh(rhi)
        assert rhi.status == RhiStatus.SCHEDULED
        assert the_record(rhi).actions == "Call the school"
        assert transitions_to(rhi, RhiStatus.COMPLETED) == []

    def test_someone_else_submitting_different_words_is_a_conflict(
        self, app_ctx, worker, team, client_request
    ):
        rhi = make_rhi(team)
        colleague = create_user(Role.RHI_WORKER, team=team)
        other = ClientRequest(app_ctx.test_client())
        sign_in(other, colleague)
        client_request.get(url(rhi))
        other.post_response(url(rhi), {**submission(), "version": "0"})

        page = client_request.post(
            url(rhi),
            {**submission(child_words="My own version"), "version": "0"},
            form_url=TOKEN_PAGE,
            expected_status=409,
        )
        assert "has been submitted for sign-off" in error_messages(page)[0]
        assert textarea(page, "child_words").strip() == "My own version"
        assert the_record(rhi).child_words == answers()["child_words"]


class TestRaces:
    """Two requests in flight at once: the database, not the explicit check, sees the clash."""

    ANSWERS = InterviewAnswers(
        method=InterviewMethod.PHONE,
        held_at=utcnow() - timedelta(hours=2),
        child_words="I stayed at my cousin's.",
    )

    def test_a_save_that_lost_the_race_is_refused(self, app_ctx, team):
        rhi = make_rhi(team)
        save_draft(rhi, self.ANSWERS, by=None, expected_version=0)
        mine = db.session.get(ReturnInterview, rhi.id)
        assert mine is not None and current_version(mine) == 1
        with app_ctx.app_context():  # another request, with its own session
            theirs = db.session.get(ReturnInterview, rhi.id)
            assert theirs is not None
            save_draft(
                theirs,
                replace(self.ANSWERS, child_words="Their version"),
                by=None,
                expected_version=1,
            )
        with pytest.raises(EditConflict):
            save_draft(
                mine, replace(self.ANSWERS, child_words="My version"), by=None, expected_version=1
            )
        assert the_record(rhi).child_words == "Their version"

    def test_two_first_saves_at_once_make_one_record(self, app_ctx, team):
        rhi = make_rhi(team)
        mine = db.session.get(ReturnInterview, rhi.id)
        assert mine is not None and mine.record is None
        with app_ctx.app_context():
            theirs = db.session.get(ReturnInterview, rhi.id)
            assert theirs is not None
            save_draft(theirs, self.ANSWERS, by=None, expected_version=0)
        with pytest.raises(EditConflict):
            save_draft(
                mine, replace(self.ANSWERS, child_words="My version"), by=None, expected_version=0
            )
        assert the_record(rhi).child_words == self.ANSWERS.child_words

    def test_a_double_submit_in_flight_completes_once(self, app_ctx, team):
        rhi = make_rhi(team)
        mine = db.session.get(ReturnInterview, rhi.id)
        assert mine is not None and mine.record is None and mine.status == RhiStatus.SCHEDULED
        with app_ctx.app_context():
            theirs = db.session.get(ReturnInterview, rhi.id)
            assert theirs is not None
            submit_interview(theirs, self.ANSWERS, by=None, expected_version=0)
        with pytest.raises(AlreadySubmitted):
            submit_interview(mine, self.ANSWERS, by=None, expected_version=0)
        assert the_record(rhi).submitted_at is not None
        assert len(transitions_to(rhi, RhiStatus.COMPLETED)) == 1


class TestWhenItCanBeRecorded:
    def test_not_while_only_requested(self, worker, team, client_request):
        rhi = make_rhi(team, RhiStatus.REQUESTED)
        page = client_request.get(url(rhi))
        assert normalise(page.h1.get_text()) == "You cannot record this interview now"
        assert "once the child has accepted it" in normalise(page.get_text())
        assert "requested" in normalise(page.get_text())
        assert page.find("form", attrs={"method": "post", "novalidate": True}) is None

        page = client_request.post(
            url(rhi), {**draft(), "version": "0"}, form_url=TOKEN_PAGE, expected_status=409
        )
        assert "once the child has accepted it" in error_messages(page)[0]
        assert db.session.scalar(sa.select(sa.func.count(InterviewRecord.id))) == 0

    def test_not_once_submitted(self, worker, team, client_request):
        rhi = make_rhi(team, RhiStatus.COMPLETED)
        page = client_request.get(url(rhi))
        assert "submitted for sign-off" in normalise(page.get_text())

    def test_returned_for_changes_shows_the_comments_and_resubmits(
        self, worker, team, client_request
    ):
        rhi = make_rhi(team)
        client_request.post_response(url(rhi), {**submission(), "version": "0"})
        manager = create_user(Role.TEAM_MANAGER, team=team)
        db.session.refresh(rhi)
        change_status(
            rhi,
            RhiStatus.RETURNED_FOR_CHANGES,
            by=manager,
            note="Say who gave Kai the cider.\nAdd the school's view.",
        )

        page = client_request.get(url(rhi))
        comments = page.find(id="manager-comments")
        assert comments is not None
        assert "Say who gave Kai the cider." in comments.get_text()
        assert comments.find("br") is not None
        version = version_on(page)
        assert textarea(page, "child_words").strip() == answers()["child_words"]

        client_request.post_response(
            url(rhi),
            {**submission(substances="Cider from an older friend's brother"), "version": version},
        )
        db.session.refresh(rhi)
        assert rhi.status == RhiStatus.COMPLETED
        [back] = [
            row
            for row in transitions_to(rhi, RhiStatus.COMPLETED)
            if row.from_status == RhiStatus.RETURNED_FOR_CHANGES
        ]
        assert back.by_id == worker.id
        assert the_record(rhi).substances == "Cider from an older friend's brother"
        assert len(audit_rows(AuditAction.INTERVIEW_SUBMITTED)) == 2


class TestAccess:
    def test_a_worker_in_another_team_gets_not_found(self, app_ctx, client_request):
        rhi = make_rhi(create_team("South team"))
        outsider = create_user(Role.RHI_WORKER, team=create_team("East team"))
        sign_in(client_request, outsider)
        client_request.get(url(rhi), expected_status=404)
        response = client_request.post_response(
            url(rhi), {**draft(), "version": "0"}, form_url=TOKEN_PAGE, expected_status=404
        )
        assert response.status_code == 404
        assert db.session.scalar(sa.select(sa.func.count(InterviewRecord.id))) == 0

    def test_a_worker_allocated_from_another_team_may_record(self, app_ctx, client_request):
        rhi = make_rhi(create_team("South team"))
        helper = create_user(Role.RHI_WORKER, team=create_team("East team"))
        rhi.allocated_to = helper
        db.session.commit()
        sign_in(client_request, helper)
        client_request.get(url(rhi))

    def test_a_participation_officer_is_refused(self, app_ctx, team, client_request):
        rhi = make_rhi(team)
        officer = create_user(Role.PARTICIPATION_OFFICER)
        sign_in(client_request, officer)
        client_request.get(url(rhi), expected_status=403)

    def test_an_unknown_rhi_is_not_found(self, worker, client_request):
        client_request.get("/returns/999999/interview", expected_status=404)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("14:30", (14, 30)),
        ("9.05", (9, 5)),
        ("2pm", (14, 0)),
        ("12am", (0, 0)),
        ("12:15 p.m.", (12, 15)),
        ("00:00", (0, 0)),
    ],
)
def test_times_as_people_type_them(typed, meant):
    parsed = parse_time(typed)
    assert parsed is not None and (parsed.hour, parsed.minute) == meant


@pytest.mark.parametrize("typed", ["9", "24:00", "13pm", "half two", "12:60", ""])
def test_not_times(typed):
    assert parse_time(typed) is None


class TestReadingForSignOff:
    def test_the_rhi_page_shows_the_submitted_interview(self, worker, team, client_request):
        rhi = make_rhi(team)
        page = client_request.get(f"/returns/{rhi.id}")
        assert page.select_one(".app-interview-record") is None  # nothing submitted yet
        client_request.post_response(url(rhi), {**submission(), "version": "0"})
        page = client_request.get(f"/returns/{rhi.id}")
        record = page.select_one(".app-interview-record")
        rows = {
            " ".join(row.dt.get_text().split()): " ".join(row.dd.get_text(" ").split())
            for row in record.select(".govuk-summary-list__row")
        }
        assert rows["How was the interview done?"] == "Face to face"
        assert "Boundaries" in rows["Push factors: what made them leave?"]
        assert "Family conflict" in rows["Push factors: what made them leave?"]
        assert rows["The child's own words"] == "I just needed a break from the rows at home."
        assert "When it was held" in rows
