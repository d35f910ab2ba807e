"""Every route, for every role: who may open it.

``EXPECTED`` must name every endpoint the app has; a new route fails this test
until someone decides who may use it.
"""

from __future__ import annotations

import pytest
from flask import Flask

from rhi.auth.roles import Role
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.pages import ClientRequest
from tests.workflow_factories import url_values, url_with

PUBLIC = "public"
EVERYONE = frozenset(Role)
ADMIN_ONLY = frozenset({Role.ADMIN})
RECORDERS = frozenset({Role.RHI_WORKER, Role.TEAM_MANAGER})
MANAGERS = frozenset({Role.TEAM_MANAGER})
CHILD_VIEWERS = frozenset({Role.RHI_WORKER, Role.TEAM_MANAGER, Role.ADMIN})
READERS = frozenset({Role.RHI_WORKER, Role.TEAM_MANAGER, Role.PARTICIPATION_OFFICER})
RESULTS = frozenset({Role.TEAM_MANAGER, Role.PARTICIPATION_OFFICER, Role.ADMIN})
REVIEWERS = frozenset({Role.PARTICIPATION_OFFICER})
RETURNS = frozenset({Role.TEAM_MANAGER, Role.ADMIN})
INSIGHT = frozenset({Role.TEAM_MANAGER, Role.PARTICIPATION_OFFICER, Role.ADMIN})
SHARE = frozenset({Role.PARTICIPATION_OFFICER, Role.ADMIN})

EXPECTED: dict[str, str | frozenset[Role]] = {
    "main.healthz": PUBLIC,
    "main.accessibility": PUBLIC,
    "main.cookies": PUBLIC,
    "main.privacy": PUBLIC,
    "auth.sign_in": PUBLIC,
    "auth.two_factor": PUBLIC,
    "auth.set_up_two_factor": PUBLIC,
    "main.home": EVERYONE,
    "auth.change_password": EVERYONE,
    "auth.sign_out": EVERYONE,
    "admin.list_staff": ADMIN_ONLY,
    "admin.add_staff": ADMIN_ONLY,
    "admin.edit_staff": ADMIN_ONLY,
    "admin.deactivate_staff": ADMIN_ONLY,
    "admin.reactivate_staff": ADMIN_ONLY,
    "admin.reset_staff_password": ADMIN_ONLY,
    "admin.reset_staff_security_codes": ADMIN_ONLY,
    "admin.unlock_staff": ADMIN_ONLY,
    "admin.list_teams": ADMIN_ONLY,
    "admin.add_team": ADMIN_ONLY,
    "admin.edit_team": ADMIN_ONLY,
    "admin.deactivate_team": ADMIN_ONLY,
    "admin.reactivate_team": ADMIN_ONLY,
    "audit.search": ADMIN_ONLY,
    "interviews.record_interview": RECORDERS,
    "interviews.cover": MANAGERS,
    "interviews.due_list": MANAGERS,
    "interviews.caseload": RECORDERS,
    "interviews.show_rhi": RECORDERS,
    "interviews.download_calendar": RECORDERS,
    "interviews.allocate": MANAGERS,
    "interviews.record_contact_attempt": RECORDERS,
    "interviews.record_offer": RECORDERS,
    "interviews.record_accepted": RECORDERS,
    "interviews.record_declined": RECORDERS,
    "interviews.record_unable_to_contact": RECORDERS,
    "interviews.schedule": RECORDERS,
    "interviews.sign_off": MANAGERS,
    "interviews.return_for_changes": MANAGERS,
    "children.search": CHILD_VIEWERS,
    "children.show_child": CHILD_VIEWERS,
    "children.show_philomena": CHILD_VIEWERS,
    "children.edit_philomena": RECORDERS,
    "meetings.list_meetings": MANAGERS,
    "meetings.record_meeting": MANAGERS,
    # Signed by Twilio instead of a staff session: tests/feedback/test_webhooks.py.
    "sms.inbound": PUBLIC,
    "sms.status": PUBLIC,
    "sms_contacts.list_contacts": RECORDERS,
    "sms_contacts.add_contact": RECORDERS,
    "sms_contacts.edit_contact": RECORDERS,
    "survey_admin.list_templates": ADMIN_ONLY,
    "survey_admin.add_shipped": ADMIN_ONLY,
    "survey_admin.add_template": ADMIN_ONLY,
    "survey_admin.edit_template": ADMIN_ONLY,
    "survey_admin.add_question": ADMIN_ONLY,
    "survey_admin.edit_question": ADMIN_ONLY,
    "survey_admin.delete_question": ADMIN_ONLY,
    "survey_admin.move_question": ADMIN_ONLY,
    "sms_inbox.inbox": READERS,
    "sms_inbox.show_conversation": READERS,
    "sms_inbox.reply": READERS,
    "sms_inbox.resolve_check": READERS,
    "sms_inbox.callback_done": READERS,
    "sms_alerts.list_alerts": RECORDERS,
    "sms_alerts.acknowledge": RECORDERS,
    "sms_alerts.set_duty": RECORDERS,
    "sms_simulator.choose_phone": READERS,
    "sms_simulator.phone": READERS,
    "sms_simulator.send_now": READERS,
    "sms_results.response_rates": RESULTS,
    "sms_results.download": RESULTS,
    "voice.changes": SHARE,
    "voice.add_change": SHARE,
    "voice.edit_change": SHARE,
    "voice.publish_change": SHARE,
    "voice.unpublish_change": SHARE,
    "voice.quotes": SHARE,
    "voice.approve_quote": SHARE,
    "voice.withdraw_quote": SHARE,
    "you_said_we_did.index": PUBLIC,
    "themes.review_queue": REVIEWERS,
    "themes.review_text": REVIEWERS,
    "themes.decide": REVIEWERS,
    "themes.add_theme": REVIEWERS,
    "themes.accept_strong": REVIEWERS,
    "statutory.index": RETURNS,
    "statutory.ssda903": RETURNS,
    "statutory.ssda903_csv": RETURNS,
    "statutory.annex_a": RETURNS,
    "statutory.annex_a_csv": RETURNS,
    "statutory.annual": RETURNS,
    "statutory.annual_csv": RETURNS,
    "insights.timeliness": INSIGHT,
    "insights.drill": frozenset({Role.TEAM_MANAGER, Role.ADMIN}),  # records behind a number
    "insights.timeliness_csv": INSIGHT,
    "insights.foi": RETURNS,
    "insights.foi_csv": RETURNS,
    "insights.hotspots": INSIGHT,
    "insights.hotspots_csv": INSIGHT,
    "insights_reasons.themes": INSIGHT,
    "insights_reasons.texts": INSIGHT,
    "insights_reasons.table_csv": INSIGHT,
    "tagger_models.list_models": ADMIN_ONLY,
    "tagger_models.use_model": ADMIN_ONLY,
    "insights_panels.index": RETURNS,  # packs name children: managers and admins
    "insights_panels.pack": RETURNS,
    "insights_panels.pack_pdf": RETURNS,
    "statutory.cin_factors": RETURNS,
    "statutory.cin_factors_csv": RETURNS,
}

IGNORED = {"static"}
# The API authenticates with bearer keys and scopes, not staff roles: tests/rhi/test_api.py.
API_PREFIX = "api."


def routes(app: Flask) -> list[tuple[str, str, str]]:
    """(endpoint, rule, method) for every route, GET where it has one, else POST."""
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in IGNORED or rule.endpoint.startswith(API_PREFIX):
            continue
        method = "GET" if "GET" in rule.methods else "POST"
        found.append((rule.endpoint, rule.rule, method))
    return sorted(found)


def test_every_route_has_a_decided_access_rule(app):
    endpoints = {endpoint for endpoint, _, _ in routes(app)}
    assert endpoints - set(EXPECTED) == set(), "add these routes to EXPECTED"
    assert set(EXPECTED) - endpoints == set(), "these routes no longer exist"


def test_every_view_uses_the_permission_helper(app):
    for endpoint, _rule, _method in routes(app):
        view = app.view_functions[endpoint]
        assert getattr(view, "access", None) is not None, (
            f"{endpoint} must use permission_required(...) or public"
        )
        expected = EXPECTED[endpoint]
        assert (view.access == PUBLIC) == (expected == PUBLIC), endpoint


def test_every_api_route_requires_a_scope(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith(API_PREFIX):
            access = getattr(app.view_functions[rule.endpoint], "access", "")
            assert access == PUBLIC or str(access).startswith("api:"), rule.endpoint


def _request(client_request: ClientRequest, method: str, url: str) -> int:
    if method == "GET":
        return client_request.client.get(url).status_code
    token = client_request.csrf_token("/account/change-password")
    return client_request.client.post(url, data={"csrf_token": token}).status_code


@pytest.mark.parametrize("role", list(Role))
def test_role_sees_only_what_it_may(app, client_request, role):
    team = create_team()
    user = create_user(role, team=team)
    other = create_user(Role.RHI_WORKER, team=team)
    values = url_values(team, other)
    sign_in(client_request, user)
    problems = []
    for endpoint, rule, method in routes(app):
        expected = EXPECTED[endpoint]
        if expected == PUBLIC or endpoint == "auth.sign_out":
            continue
        status = _request(client_request, method, url_with(rule, values))
        allowed = role in expected
        if allowed and status in (401, 403, 404, 500):
            problems.append(f"{method} {rule}: {status}, but {role} should be let in")
        if not allowed and status != 403:
            problems.append(f"{method} {rule}: {status}, but {role} should get 403")
    assert problems == []


def test_signed_out_visitors_are_sent_to_sign_in(app, client):
    values = url_values(create_team(), create_user())
    for endpoint, rule, method in routes(app):
        if EXPECTED[endpoint] == PUBLIC:
            continue
        url = url_with(rule, values)
        response = client.get(url) if method == "GET" else client.post(url)
        if method == "POST":
            # No session, so no CSRF token either: refused before anything runs.
            assert response.status_code in (302, 400), f"{method} {rule}"
        else:
            assert response.status_code == 302, f"{method} {rule}"
            assert response.headers["Location"].startswith("/sign-in?next="), rule


@pytest.mark.parametrize("path", ["/healthz", "/accessibility", "/cookies", "/privacy", "/sign-in"])
def test_public_pages_open_to_anyone(client, path):
    assert client.get(path).status_code == 200


# Ids that name one child's records: a worker or manager of another team must
# not reach them by changing the id in the address. (Texts, alerts and survey
# ids are the council's SMS service, open to every duty and participation
# role by design; the pages that show them carry no name for those who may
# not see it: tests/feedback.)
CHILD_RECORD_IDS = ("case_ref", "rhi_id", "episode_id", "meeting_id", "contact_id")


@pytest.mark.parametrize("role", [Role.RHI_WORKER, Role.TEAM_MANAGER])
def test_another_teams_records_stay_out_of_reach_whatever_the_id(app, client_request, role):
    theirs = create_team("Their team")
    values = url_values(theirs, create_user(Role.RHI_WORKER, team=theirs))
    ours = create_team("Our team")
    sign_in(client_request, create_user(role, team=ours))
    problems = []
    checked = 0
    for endpoint, rule, method in routes(app):
        expected = EXPECTED[endpoint]
        if expected == PUBLIC or role not in expected:
            continue  # refused to the role anyway: test_role_sees_only_what_it_may
        if not any(f"<{name}>" in rule or f":{name}>" in rule for name in CHILD_RECORD_IDS):
            continue
        status = _request(client_request, method, url_with(rule, values))
        checked += 1
        if status not in (403, 404):
            problems.append(f"{method} {rule}: {status} for another team's record")
    assert checked >= 15  # the child, episode, interview, meeting and contact pages and posts
    assert problems == []
