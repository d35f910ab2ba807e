"""The voice of the child in a real browser: a worker adds the young person's
number, the interview is completed, the young person answers the survey in the
SMS simulator and then sends an urgent text, and the duty worker sees the alert
on every page and acknowledges it."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from flask import Flask

from feedback.models import SurveyAnswer, UrgentAlert
from feedback.seed import ensure_shipped_templates
from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.auth.roles import Role
from rhi.extensions import db
from tests.browser.helpers import BrowserPage, sign_in
from tests.factories import create_team, create_user
from tests.feedback.sms_helpers import complete
from tests.workflow_factories import create_child, create_returned_episode

pytestmark = pytest.mark.browser

PHONE = "07700 900456"


def reply_as_phone(browser: BrowserPage, text: str) -> None:
    browser.page.get_by_label("Reply as this phone").fill(text)
    browser.press_button("Send reply")
    browser.press_button("Send waiting texts now")


def texts_on_phone(browser: BrowserPage) -> str:
    return browser.page.locator("main").inner_text()


def test_survey_answered_then_an_urgent_text_reaches_the_duty_worker(
    open_browser, app_ctx: Flask, no_quiet_hours: None
) -> None:
    team = create_team("Newark RHI team")
    worker = create_user(Role.RHI_WORKER, team=team, full_name="Robin Example")
    duty = create_user(Role.TEAM_MANAGER, team=team, full_name="Morgan Duty")
    child = create_child(team=team, given_name="Jordan", family_name="Testperson")
    _episode, rhi = create_returned_episode(child)
    ensure_shipped_templates()
    db.session.commit()

    # The worker records the young person's own number, consented and safe to text.
    browser = open_browser()
    page = browser.page
    sign_in(browser, worker)
    browser.visit(f"/children/{child.case_ref}")
    browser.follow(lambda: page.get_by_role("link", name="Text message contacts").click())
    browser.follow(lambda: page.get_by_role("button", name="Add a contact").click())
    page.get_by_role("radio", name="Young person", exact=True).check()
    page.get_by_label("Who is this?").fill("Jordan")
    page.get_by_label("Mobile phone number").fill(PHONE)
    page.get_by_role("radio", name="English").check()
    page.locator("#consent").check()  # the first answer, "Yes", reveals the consent questions
    page.get_by_label("The young person", exact=True).check()
    page.get_by_label("Said so to a worker").check()
    page.get_by_label("Your judgement of the young person's understanding").fill(
        "Understood who texts, who could read it, and how to stop"
    )
    page.locator("#safe_to_text").check()  # "Yes"
    page.get_by_label("How do you know it is theirs and safe to text?").fill(
        "Checked with Jordan alone; nobody else uses it"
    )
    browser.press_button("Save contact")
    assert "07700 900456" in page.locator("main").inner_text()

    # The interview is completed: the survey goes to Jordan's phone.
    complete(rhi)
    db.session.commit()

    browser.visit("/sms-simulator/+447700900456")
    browser.press_button("Send waiting texts now")
    assert "How helpful was talking to us" in texts_on_phone(browser)
    reply_as_phone(browser, "4")
    assert "Did you feel listened to?" in texts_on_phone(browser)
    reply_as_phone(browser, "yeah")
    assert "Is there anything you want to tell us?" in texts_on_phone(browser)
    reply_as_phone(browser, "hes outside my house again please help")
    screen = texts_on_phone(browser)
    assert "If you are in danger now, call 999" in screen and "0800 1111" in screen
    db.session.rollback()
    answers = db.session.scalars(sa.select(SurveyAnswer).order_by(SurveyAnswer.id)).all()
    assert [(a.rating, a.choice) for a in answers][:2] == [(4, None), (None, "yes")]

    # The duty worker sees the alert on every page and acknowledges it.
    browser.press_button("Sign out")
    sign_in(browser, duty)
    banner = page.locator(".govuk-notification-banner").first
    assert "1 urgent text needs a person now" in banner.inner_text()
    browser.follow(lambda: banner.get_by_role("link").first.click())
    assert "hes outside my house again please help" in page.locator("main").inner_text()
    acknowledge = page.get_by_role("link", name=re.compile(r"^Acknowledge urgent text"))
    browser.follow(lambda: acknowledge.first.click())
    page.get_by_label("What have you done or will you do?").fill(
        "Rang Jordan back; police on their way"
    )
    browser.press_button("Acknowledge")
    assert page.locator(".govuk-notification-banner", has_text="urgent text needs").count() == 0

    db.session.rollback()
    alert = db.session.scalars(sa.select(UrgentAlert)).one()
    assert alert.acknowledged_by_id == duty.id
    acknowledged = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.action == AuditAction.URGENT_ALERT_ACKNOWLEDGED)
    ).all()
    assert [event.actor_id for event in acknowledged] == [duty.id]
