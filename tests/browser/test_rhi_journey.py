"""The whole journey in a real browser: a return arrives by API, a manager
allocates it, the worker offers, schedules and records the interview, the
manager signs it off, and the audit log shows each step."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask import Flask
from flask_babel import to_user_timezone

from rhi.api.auth import create_api_key
from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.auth.roles import Role
from rhi.database import utcnow
from rhi.extensions import db
from rhi.interviews.models import ReturnInterview, RhiTransition
from tests.browser.helpers import BrowserPage, sign_in
from tests.factories import create_team, create_user
from tests.workflow_factories import ensure_districts

pytestmark = pytest.mark.browser


def sign_out(browser: BrowserPage) -> None:
    browser.press_button("Sign out")
    assert browser.path == "/sign-in"


def test_a_return_from_the_api_to_sign_off(open_browser, app_ctx: Flask, app: Flask) -> None:
    team = create_team("Mansfield RHI team")
    ensure_districts(team)
    manager = create_user(Role.TEAM_MANAGER, team=team, full_name="Morgan Example")
    worker = create_user(Role.RHI_WORKER, team=team, full_name="Robin Example")
    _client, key = create_api_key("Police", ["children:write", "episodes:write"])
    db.session.commit()

    # The police system reports the child, the episode and the return.
    api = app.test_client()
    headers = {"Authorization": f"Bearer {key}"}
    child = {
        "given_name": "Jordan",
        "family_name": "Testperson",
        "date_of_birth": "2011-05-17",
        "gender": "female",
        "district": "mansfield",
        "legal_status": "lac",
    }
    assert api.put("/api/v1/children/NC900001", json=child, headers=headers).status_code == 201
    started = utcnow() - timedelta(hours=20)
    episode = api.post(
        "/api/v1/episodes",
        json={
            "case_ref": "NC900001",
            "started_at": started.isoformat(),
            "category": "M",
            "risk_grade": "medium",
        },
        headers=headers,
    )
    assert episode.status_code == 201, episode.json
    returned = api.post(
        f"/api/v1/episodes/{episode.json['id']}/return",
        json={
            "returned_at": (started + timedelta(hours=5)).isoformat(),
            "found_location": "Mansfield bus station",
        },
        headers=headers,
    )
    assert returned.status_code == 200, returned.json
    rhi_id = returned.json["rhi"]["id"]
    db.session.rollback()

    # The manager sees it on the due list and allocates it.
    browser = open_browser()
    sign_in(browser, manager)
    browser.follow(lambda: browser.page.get_by_role("link", name="Returns due").first.click())
    browser.follow(lambda: browser.page.get_by_role("link", name="Jordan Testperson").first.click())
    assert browser.path == f"/returns/{rhi_id}"
    browser.page.get_by_label("RHI worker").select_option(label="Robin Example")
    browser.press_button("Allocate")
    sign_out(browser)

    # The worker offers it, the child accepts, and the interview is booked.
    sign_in(browser, worker)
    browser.follow(lambda: browser.page.get_by_role("link", name="My caseload").first.click())
    browser.follow(lambda: browser.page.get_by_role("link", name="Jordan Testperson").first.click())
    browser.page.get_by_label("Phone call", exact=True).check()
    browser.press_button("Record that it was offered")
    browser.press_button("Record that the child accepted")
    soon = to_user_timezone(utcnow() + timedelta(hours=3))
    browser.page.get_by_label("Day").fill(str(soon.day))
    browser.page.get_by_label("Month").fill(str(soon.month))
    browser.page.get_by_label("Year").fill(str(soon.year))
    browser.page.get_by_label("Time").fill(soon.strftime("%H:%M"))
    browser.page.get_by_label("Where will the interview be?").fill("Youth centre, quiet room")
    browser.press_button("Schedule the interview")

    # ... and records it, held just now.
    browser.follow(lambda: browser.page.get_by_role("button", name="Record the interview").click())
    held = to_user_timezone(utcnow() - timedelta(minutes=30))
    browser.page.get_by_label("Face to face").check()
    browser.page.get_by_label("Day").fill(str(held.day))
    browser.page.get_by_label("Month").fill(str(held.month))
    browser.page.get_by_label("Year").fill(str(held.year))
    browser.page.get_by_label("Time the interview started").fill(held.strftime("%H:%M"))
    browser.page.get_by_label("Boundaries").first.check()
    browser.page.get_by_label("The child's own words").fill("i just needed to get out for a bit")
    browser.press_button("Submit interview")
    assert browser.path == f"/returns/{rhi_id}"
    sign_out(browser)

    # The manager reads it and signs it off.
    sign_in(browser, manager)
    browser.visit(f"/returns/{rhi_id}")
    assert (
        "i just needed to get out for a bit"
        in browser.page.locator(".app-interview-record").inner_text()
    )
    browser.press_button("Sign off")

    rhi = db.session.get(ReturnInterview, rhi_id)
    db.session.refresh(rhi)
    assert rhi.status == "signed_off" and rhi.allocated_to_id == worker.id
    moves = db.session.execute(
        sa.select(RhiTransition.to_status, RhiTransition.by_id)
        .where(RhiTransition.rhi_id == rhi_id)
        .order_by(RhiTransition.id)
    ).all()
    assert [status for status, _by in moves] == [
        "requested",
        "offered",
        "accepted",
        "scheduled",
        "completed",
        "signed_off",
    ]
    assert [by for _status, by in moves[1:]] == [worker.id] * 4 + [manager.id]
    audited = db.session.scalars(
        sa.select(AuditEvent.action)
        .where(AuditEvent.object_type == "return_interview", AuditEvent.object_id == str(rhi_id))
        .order_by(AuditEvent.id)
    ).all()
    assert AuditAction.RHI_ALLOCATED in audited
    assert audited.count(AuditAction.RHI_STATUS_CHANGED) == 6
    assert AuditAction.INTERVIEW_SUBMITTED in audited
