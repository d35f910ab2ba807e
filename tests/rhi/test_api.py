"""The JSON API: keys and scopes, children, episodes, returns, idempotency, errors, OpenAPI."""

from __future__ import annotations

import hashlib
import json
import threading
from datetime import datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from rhi.api import services
from rhi.api.auth import PREFIX_LENGTH, Scope, create_api_key, revoke_api_key
from rhi.api.models import ApiClient, IdempotencyRecord
from rhi.api.openapi import openapi_path
from rhi.audit.actions import AuditAction
from rhi.audit.models import AuditEvent
from rhi.children.models import Child
from rhi.database import utcnow
from rhi.episodes.models import Episode
from rhi.extensions import db
from tests.workflow_factories import ensure_districts

ALL_WRITE = (Scope.CHILDREN_WRITE, Scope.EPISODES_WRITE)


def make_key(*scopes: Scope, name: str | None = None) -> str:
    """A key made through the service (the CLI is tested with the real runner below)."""
    name = name or f"Client {db.session.scalar(sa.select(sa.func.count(ApiClient.id))) + 1}"
    _client, key = create_api_key(name, [str(scope) for scope in scopes or ALL_WRITE])
    return key


def cli(app: Flask, *args: str) -> Any:
    return app.test_cli_runner().invoke(args=["api-keys", *args])


def cli_key(app: Flask, name: str, *scopes: str) -> str:
    options = [part for scope in scopes for part in ("--scope", scope)]
    result = cli(app, "create", name, *options)
    assert result.exit_code == 0, result.output
    return result.output.strip().splitlines()[-1]


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def child_body(**changes: Any) -> dict[str, Any]:
    body = {
        "given_name": "Jordan",
        "family_name": "Testperson",
        "date_of_birth": "2011-05-17",
        "gender": "female",
        "district": "mansfield",
        "legal_status": "lac",
        "school": "Testville Academy",
        "vulnerabilities": ["adhd"],
    }
    body.update(changes)
    return {name: value for name, value in body.items() if value is not ...}


def iso(moment: datetime) -> str:
    return moment.isoformat()


def hours_ago(hours: float) -> datetime:
    return (utcnow() - timedelta(hours=hours)).replace(microsecond=0)


def episode_body(case_ref: str = "T100", **changes: Any) -> dict[str, Any]:
    body = {
        "case_ref": case_ref,
        "started_at": iso(hours_ago(30)),
        "category": "M",
        "risk_grade": "medium",
        "police_reference": "NTP-2026-0001",
        "reported_by": "Placement carer",
    }
    body.update(changes)
    return {name: value for name, value in body.items() if value is not ...}


def assert_error(response: TestResponse, status: int, field: str | None = None) -> dict[str, Any]:
    """The response is the API's error shape, with ``status``; returns the error object."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    error = response.json["error"]
    assert set(response.json) == {"error"}
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"]
    assert set(error) <= {"code", "message", "fields"}
    if field is not None:
        assert field in error["fields"], error
    return dict(error)


class Api:
    """A client that talks to the API with one key."""

    def __init__(self, client: FlaskClient, key: str) -> None:
        self.client = client
        self.key = key

    def put_child(self, case_ref: str = "T100", body: Any = None, **kw: Any) -> TestResponse:
        return self.client.put(
            f"/api/v1/children/{case_ref}",
            json=child_body() if body is None else body,
            headers=bearer(self.key),
            **kw,
        )

    def post_episode(self, body: Any, key: str | None = None) -> TestResponse:
        headers = bearer(self.key)
        if key is not None:
            headers["Idempotency-Key"] = key
        return self.client.post("/api/v1/episodes", json=body, headers=headers)

    def post_return(self, episode_id: int, body: Any, key: str | None = None) -> TestResponse:
        headers = bearer(self.key)
        if key is not None:
            headers["Idempotency-Key"] = key
        return self.client.post(f"/api/v1/episodes/{episode_id}/return", json=body, headers=headers)

    def get_episode(self, episode_id: int) -> TestResponse:
        return self.client.get(f"/api/v1/episodes/{episode_id}", headers=bearer(self.key))

    def new_episode(self, case_ref: str = "T100", **changes: Any) -> dict[str, Any]:
        response = self.post_episode(episode_body(case_ref, **changes))
        assert response.status_code == 201, response.json
        return dict(response.json)


@pytest.fixture
def api(client: FlaskClient) -> Api:
    """A key with every write scope, and the child T100 (looked after, in Mansfield)."""
    ensure_districts()
    api = Api(client, make_key())
    assert api.put_child().status_code == 201
    return api


def episodes_of(case_ref: str) -> int:
    return db.session.scalar(
        sa.select(sa.func.count(Episode.id)).join(Child).where(Child.case_ref == case_ref)
    )


def audit_actions(action: AuditAction) -> list[AuditEvent]:
    query = sa.select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
    return list(db.session.scalars(query))


# --- keys -----------------------------------------------------------------------------------


class TestKeysFromTheCommandLine:
    def test_create_prints_a_working_key_last(self, app_ctx, client):
        ensure_districts()
        key = cli_key(app_ctx, "Police", "children:write", "episodes:write", "exports:read")
        assert key.startswith("hw_")
        row = db.session.scalars(sa.select(ApiClient)).one()
        assert row.name == "Police"
        assert row.scopes == ["children:write", "episodes:write", "exports:read"]
        assert Api(client, key).put_child().status_code == 201

    def test_only_the_hash_and_prefix_are_stored(self, app_ctx):
        key = cli_key(app_ctx, "Police", "episodes:write")
        row = db.session.scalars(sa.select(ApiClient)).one()
        assert row.key_hash == hashlib.sha256(key.encode()).hexdigest()
        assert row.key_prefix == key[:PREFIX_LENGTH] and len(row.key_prefix) == len("hw_") + 8
        assert key not in json.dumps([str(v) for v in vars(row).values()])
        assert len(audit_actions(AuditAction.API_KEY_CREATED)) == 1

    def test_keys_are_random(self, app_ctx):
        keys = {cli_key(app_ctx, f"Client {n}", "episodes:read") for n in range(5)}
        assert len(keys) == 5

    @pytest.mark.parametrize(
        ("args", "says"),
        [
            (["Police", "--scope", "children:delete"], "children:delete"),
            (["Police"], "--scope"),
            (["   ", "--scope", "episodes:read"], "name"),
        ],
    )
    def test_create_refuses_bad_input(self, app_ctx, args, says):
        result = cli(app_ctx, "create", *args)
        assert result.exit_code != 0
        assert says in result.output
        assert db.session.scalar(sa.select(sa.func.count(ApiClient.id))) == 0

    def test_names_are_unique(self, app_ctx):
        cli_key(app_ctx, "Police", "episodes:write")
        result = cli(app_ctx, "create", "Police", "--scope", "episodes:read")
        assert result.exit_code != 0 and "already" in result.output

    def test_list_shows_prefix_scopes_and_dates_but_never_the_key(self, app_ctx, client):
        ensure_districts()
        key = cli_key(app_ctx, "Police", "children:write")
        cli_key(app_ctx, "Case system", "episodes:read")
        Api(client, key).put_child()
        result = cli(app_ctx, "list")
        assert result.exit_code == 0
        lines = result.output.splitlines()
        assert lines[0].split() == [
            "Name",
            "Prefix",
            "Scopes",
            "Created",
            "Last",
            "used",
            "Revoked",
        ]
        police = next(line for line in lines if line.startswith("Police"))
        assert key[:PREFIX_LENGTH] in police and "children:write" in police
        assert police.count("UTC") == 2  # created and last used; not revoked
        assert key not in result.output
        assert key[PREFIX_LENGTH:] not in result.output

    def test_list_with_no_keys(self, app_ctx):
        assert "No API keys" in cli(app_ctx, "list").output

    def test_revoke_stops_the_key_at_once(self, app_ctx, client):
        ensure_districts()
        key = cli_key(app_ctx, "Police", "children:write")
        api = Api(client, key)
        assert api.put_child().status_code == 201
        result = cli(app_ctx, "revoke", "Police")
        assert result.exit_code == 0 and "Revoked" in result.output
        error = assert_error(api.put_child(), 401)
        assert "revoked" in error["message"]
        assert cli(app_ctx, "list").output.splitlines()[1].endswith("UTC")  # revoked when
        assert len(audit_actions(AuditAction.API_KEY_REVOKED)) == 1

    def test_revoke_refuses_unknown_and_already_revoked(self, app_ctx):
        assert cli(app_ctx, "revoke", "Nobody").exit_code != 0
        cli_key(app_ctx, "Police", "children:write")
        assert cli(app_ctx, "revoke", "Police").exit_code == 0
        result = cli(app_ctx, "revoke", "Police")
        assert result.exit_code != 0 and "already revoked" in result.output


class TestAuthentication:
    def test_no_key_is_401_with_a_bearer_challenge(self, api):
        response = api.client.put("/api/v1/children/T100", json=child_body())
        error = assert_error(response, 401)
        assert error["code"] == "unauthorized"
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert "Authorization: Bearer" in error["message"]

    @pytest.mark.parametrize(
        "header",
        [
            "Basic dXNlcjpwYXNz",
            "Bearer",
            "Bearer hw_short",
            "Bearer not-a-homeward-key-at-all-not-a-homeward-key-at-all",
            "hw_" + "a" * 43,
        ],
    )
    def test_malformed_header_is_401(self, api, header):
        response = api.client.get("/api/v1/episodes/1", headers={"Authorization": header})
        assert_error(response, 401)
        assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]

    def test_unknown_key_is_401_and_audited(self, api):
        wrong = api.key[:-1] + ("A" if api.key[-1] != "A" else "B")  # same prefix
        for key in (wrong, "hw_" + "Z" * 43):
            error = assert_error(api.client.get("/api/v1/episodes/1", headers=bearer(key)), 401)
            assert error["message"] == "That API key is not valid"
        rejected = audit_actions(AuditAction.API_KEY_REJECTED)
        assert [event.detail["reason"] for event in rejected] == ["unknown", "unknown"]
        assert all(api.key not in json.dumps(event.detail) for event in rejected)

    def test_revoked_key_is_401(self, api):
        revoke_api_key("Client 1")
        assert "revoked" in assert_error(api.put_child(), 401)["message"]

    def test_the_scheme_is_case_insensitive(self, api):
        headers = {"Authorization": f"bearer {api.key}"}
        assert api.client.get("/api/v1/episodes/999", headers=headers).status_code == 404

    @pytest.mark.parametrize(
        ("scopes", "method", "path"),
        [
            ((Scope.EPISODES_READ,), "post", "/api/v1/episodes"),
            ((Scope.EPISODES_READ,), "post", "/api/v1/episodes/1/return"),
            ((Scope.EPISODES_WRITE,), "put", "/api/v1/children/T100"),
            ((Scope.CHILDREN_WRITE, Scope.EXPORTS_READ), "get", "/api/v1/episodes/1"),
        ],
    )
    def test_a_key_without_the_scope_is_403(self, api, scopes, method, path):
        key = make_key(*scopes, name="Narrow")
        response = api.client.open(path, method=method, json={}, headers=bearer(key))
        error = assert_error(response, 403)
        assert error["code"] == "forbidden"
        assert 'error="insufficient_scope"' in response.headers["WWW-Authenticate"]
        assert len(audit_actions(AuditAction.API_SCOPE_DENIED)) == 1

    @pytest.mark.parametrize("scope", [Scope.EPISODES_READ, Scope.EPISODES_WRITE])
    def test_reading_needs_either_episode_scope(self, api, scope):
        episode = api.new_episode()
        reader = Api(api.client, make_key(scope, name="Reader"))
        assert reader.get_episode(episode["id"]).status_code == 200

    def test_last_used_is_kept_but_not_written_on_every_request(self, api):
        client = db.session.scalars(sa.select(ApiClient)).one()
        first = client.last_used_at
        assert first is not None
        api.get_episode(999)
        db.session.refresh(client)
        assert client.last_used_at == first  # within the minute: not written again
        client.last_used_at = utcnow() - timedelta(minutes=5)
        db.session.commit()
        api.get_episode(999)
        db.session.refresh(client)
        assert client.last_used_at > utcnow() - timedelta(minutes=1)


# --- children -------------------------------------------------------------------------------


class TestPutChild:
    def test_creates_then_updates(self, api):
        created = api.put_child("T200", child_body(given_name="Alex"))
        assert created.status_code == 201
        assert created.json == {
            "case_ref": "T200",
            "given_name": "Alex",
            "family_name": "Testperson",
            "date_of_birth": "2011-05-17",
            "gender": "female",
            "ethnicity": None,
            "district": "mansfield",
            "legal_status": "lac",
            "placement_type": None,
            "placement_provider": None,
            "school": "Testville Academy",
            "vulnerabilities": ["adhd"],
        }
        updated = api.put_child("T200", child_body(given_name="Alex", school=None, gender="MALE"))
        assert updated.status_code == 200
        assert updated.json["school"] is None and updated.json["gender"] == "male"
        assert db.session.scalar(sa.select(sa.func.count(Child.id))) == 2  # T100 and T200
        assert len(audit_actions(AuditAction.CHILD_CREATED)) == 2
        assert len(audit_actions(AuditAction.CHILD_UPDATED)) == 1

    def test_whitespace_is_tidied(self, api):
        response = api.put_child("T300", child_body(given_name="  Jordan \t Lee "))
        assert response.json["given_name"] == "Jordan Lee"

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"given_name": ...}, "given_name"),
            ({"given_name": None}, "given_name"),
            ({"given_name": "   "}, "given_name"),
            ({"given_name": 42}, "given_name"),
            ({"given_name": ["Jordan"]}, "given_name"),
            ({"family_name": "x" * 81}, "family_name"),
            ({"family_name": "Test\x00person"}, "family_name"),
            ({"family_name": "Test\x1bperson"}, "family_name"),
            ({"date_of_birth": "17/05/2011"}, "date_of_birth"),
            ({"date_of_birth": "2011-02-30"}, "date_of_birth"),
            ({"date_of_birth": 20110517}, "date_of_birth"),
            ({"date_of_birth": "2999-01-01"}, "date_of_birth"),
            ({"date_of_birth": "1950-01-01"}, "date_of_birth"),
            ({"gender": "unknown"}, "gender"),
            ({"district": "atlantis"}, "district"),
            ({"district": ...}, "district"),
            ({"legal_status": "in_care"}, "legal_status"),
            ({"vulnerabilities": "adhd"}, "vulnerabilities"),
            ({"vulnerabilities": ["adhd", "shyness"]}, "vulnerabilities"),
            ({"vulnerabilities": [1]}, "vulnerabilities"),
            ({"school": "s" * 121}, "school"),
            ({"favourite_colour": "blue"}, "favourite_colour"),
        ],
    )
    def test_refuses_each_bad_field_with_422(self, api, changes, field):
        error = assert_error(api.put_child("T400", child_body(**changes)), 422, field)
        assert error["code"] == "unprocessable_entity"
        assert db.session.scalar(sa.select(Child.id).where(Child.case_ref == "T400")) is None

    def test_names_every_missing_field_at_once(self, api):
        error = assert_error(api.put_child("T400", {}), 422)
        assert set(error["fields"]) == {
            "given_name",
            "family_name",
            "date_of_birth",
            "gender",
            "district",
            "legal_status",
        }

    @pytest.mark.parametrize("case_ref", ["x" * 33, "T 100", "T_100", "%C3%A9%21"])
    def test_bad_case_refs_are_422(self, api, case_ref):
        assert_error(api.put_child(case_ref), 422, "case_ref")

    def test_emoji_and_accents_are_kept(self, api):
        response = api.put_child("T500", child_body(given_name="Zoë 🌟", family_name="Ó Briain"))
        assert response.status_code == 201
        assert response.json["given_name"] == "Zoë 🌟"


# --- errors common to every write -----------------------------------------------------------

WRITES = [
    ("put", "/api/v1/children/T100"),
    ("post", "/api/v1/episodes"),
    ("post", "/api/v1/episodes/1/return"),
]


@pytest.mark.parametrize(("method", "path"), WRITES)
class TestMalformedRequests:
    def _send(self, api: Api, method: str, path: str, data: bytes, **headers: str) -> TestResponse:
        headers = {"Content-Type": "application/json", **bearer(api.key), **headers}
        return api.client.open(path, method=method, data=data, headers=headers)

    @pytest.mark.parametrize(
        ("data", "says"),
        [
            (b'{"given_name": ', "not valid JSON"),
            (b"{'single': 'quotes'}", "not valid JSON"),
            (b"", "not valid JSON"),
            (b'["a", "list"]', "JSON object"),
            (b'"a string"', "JSON object"),
            (b"null", "JSON object"),
            (b'{"n": NaN}', "not valid JSON"),
            (b'{"n": ' + b"9" * 5000 + b"}", "not valid JSON"),
            (b"[" * 100_000, "not valid JSON"),
            ('{"given_name": "Zoë"}'.encode("latin-1"), "UTF-8"),
            (b"\xff\xfe{\x00}\x00", "UTF-8"),
        ],
    )
    def test_unreadable_bodies_are_400(self, api, method, path, data, says):
        error = assert_error(self._send(api, method, path, data), 400)
        assert error["code"] == "bad_request"
        assert says in error["message"]

    @pytest.mark.parametrize(
        "content_type",
        [
            None,
            "text/plain",
            "application/x-www-form-urlencoded",
            "application/json; charset=latin-1",
        ],
    )
    def test_other_content_types_are_415(self, api, method, path, content_type):
        headers = bearer(api.key)
        if content_type:
            headers["Content-Type"] = content_type
        response = api.client.open(path, method=method, data=b"{}", headers=headers)
        error = assert_error(response, 415)
        assert "application/json" in error["message"] or "UTF-8" in error["message"]

    def test_a_body_over_the_limit_is_413(self, api, method, path):
        limit = api.client.application.config["MAX_CONTENT_LENGTH"]
        data = b'{"given_name": "' + b"x" * limit + b'"}'
        error = assert_error(self._send(api, method, path, data), 413)
        assert error["code"] == "request_entity_too_large"
        assert str(limit) in error["message"]

    def test_authentication_comes_first(self, api, method, path):
        response = api.client.open(path, method=method, data=b"not json")
        assert_error(response, 401)


@pytest.mark.parametrize("path", ["/api/v1/children/T%00", "/api/v1/children/%1B%5B31m"])
def test_control_characters_in_the_url_are_400_before_anything_else(api, path):
    for headers in ({}, {"Authorization": "Bearer hw_wrong"}, bearer(api.key)):
        response = api.client.put(path, json=child_body(), headers=headers)
        assert "control characters" in assert_error(response, 400)["message"]
    assert audit_actions(AuditAction.API_KEY_REJECTED) == []


def test_unknown_api_urls_and_methods_are_json(api):
    assert_error(api.client.get("/api/v1/nothing-here", headers=bearer(api.key)), 404)
    assert_error(api.client.delete("/api/v1/episodes/1", headers=bearer(api.key)), 405)


# --- episodes -------------------------------------------------------------------------------


class TestPostEpisode:
    def test_records_an_episode(self, api):
        started = hours_ago(30)
        response = api.post_episode(episode_body(started_at=iso(started)))
        assert response.status_code == 201
        body = response.json
        assert response.headers["Location"].endswith(f"/api/v1/episodes/{body['id']}")
        assert body == {
            "id": body["id"],
            "case_ref": "T100",
            "category": "M",
            "started_at": started.isoformat(),
            "returned_at": None,
            "risk_grade": "medium",
            "police_reference": "NTP-2026-0001",
            "reported_by": "Placement carer",
            "found_location": None,
            "found_with": None,
            "how_returned": None,
            "rhi_id": None,
        }
        episode = db.session.get(Episode, body["id"])
        assert episode.source == "api"
        assert len(audit_actions(AuditAction.EPISODE_RECORDED)) == 1

    @pytest.mark.parametrize("suffix", ["+01:00", "-05:30", "Z"])
    def test_any_offset_is_understood_and_answered_in_utc(self, api, suffix):
        local = hours_ago(30).replace(tzinfo=None)
        sent = local.isoformat() + suffix
        response = api.post_episode(episode_body(started_at=sent))
        assert response.status_code == 201, response.json
        answered = datetime.fromisoformat(response.json["started_at"])
        assert answered.utcoffset() == timedelta(0)
        assert answered == datetime.fromisoformat(sent.replace("Z", "+00:00"))

    def test_naive_times_are_refused_clearly(self, api):
        naive = hours_ago(30).replace(tzinfo=None).isoformat()
        error = assert_error(api.post_episode(episode_body(started_at=naive)), 422, "started_at")
        assert "UTC offset" in error["message"]
        assert episodes_of("T100") == 0

    def test_unknown_case_ref_is_422_on_the_field(self, api):
        error = assert_error(api.post_episode(episode_body("T999")), 422, "case_ref")
        assert "PUT /api/v1/children" in error["fields"]["case_ref"]

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"started_at": ...}, "started_at"),
            ({"started_at": "yesterday"}, "started_at"),
            ({"started_at": "2026-13-01T10:00:00+00:00"}, "started_at"),
            ({"started_at": 1767225600}, "started_at"),
            ({"started_at": "1899-01-01T10:00:00+00:00"}, "started_at"),
            ({"started_at": "0001-01-01T00:00:00+01:00"}, "started_at"),
            ({"started_at": iso(utcnow() + timedelta(hours=3))}, "started_at"),
            ({"category": "X"}, "category"),
            ({"category": ...}, "category"),
            ({"category": 1}, "category"),
            ({"risk_grade": "severe"}, "risk_grade"),
            ({"risk_grade": None}, "risk_grade"),
            ({"case_ref": ...}, "case_ref"),
            ({"case_ref": {"id": 1}}, "case_ref"),
            ({"police_reference": "P" * 41}, "police_reference"),
            ({"reported_by": "carer\x07"}, "reported_by"),
            ({"extra": True}, "extra"),
        ],
    )
    def test_refuses_each_bad_field_with_422(self, api, changes, field):
        assert_error(api.post_episode(episode_body(**changes)), 422, field)
        assert episodes_of("T100") == 0

    def test_away_from_placement_is_only_for_looked_after_children(self, api):
        api.put_child("T600", child_body(legal_status="home"))
        assert_error(api.post_episode(episode_body("T600", category="A")), 422, "category")
        assert api.post_episode(episode_body("T100", category="A")).status_code == 201

    def test_an_overlapping_episode_is_409(self, api):
        api.new_episode(started_at=iso(hours_ago(30)))
        error = assert_error(api.post_episode(episode_body(started_at=iso(hours_ago(20)))), 409)
        assert error["code"] == "conflict"
        assert "overlaps" in error["fields"]["started_at"]
        assert episodes_of("T100") == 1


class TestIdempotency:
    def test_a_retry_returns_the_first_answer_and_records_once(self, api):
        body = episode_body()
        first = api.post_episode(body, key="8d5c6a1e-retry")
        again = api.post_episode(body, key="8d5c6a1e-retry")
        assert first.status_code == again.status_code == 201
        assert again.json == first.json
        assert again.headers["Idempotent-Replayed"] == "true"
        assert "Idempotent-Replayed" not in first.headers
        assert again.headers["Location"] == first.headers["Location"]
        assert episodes_of("T100") == 1
        assert db.session.scalar(sa.select(sa.func.count(IdempotencyRecord.id))) == 1

    def test_without_a_key_a_retry_is_a_new_request(self, api):
        body = episode_body()
        assert api.post_episode(body).status_code == 201
        assert_error(api.post_episode(body), 409)

    def test_the_same_key_with_a_different_body_is_refused(self, api):
        api.post_episode(episode_body(risk_grade="low"), key="k-1")
        error = assert_error(api.post_episode(episode_body(risk_grade="high"), key="k-1"), 422)
        assert "Idempotency-Key" in error["message"]
        assert episodes_of("T100") == 1

    def test_the_same_key_on_another_endpoint_is_refused(self, api):
        episode = api.post_episode(episode_body(), key="k-2").json
        body = {"returned_at": iso(hours_ago(2))}
        assert_error(api.post_return(episode["id"], body, key="k-2"), 422)

    def test_keys_belong_to_one_client(self, api):
        api.put_child("T700")
        other = Api(api.client, make_key(Scope.EPISODES_WRITE, name="Other"))
        assert api.post_episode(episode_body("T100"), key="shared").status_code == 201
        assert other.post_episode(episode_body("T700"), key="shared").status_code == 201

    def test_refused_requests_are_not_kept(self, api):
        assert_error(api.post_episode(episode_body(category="X"), key="k-3"), 422)
        assert db.session.scalar(sa.select(sa.func.count(IdempotencyRecord.id))) == 0
        assert api.post_episode(episode_body(), key="k-3").status_code == 201

    @pytest.mark.parametrize("key", ["", "x" * 129, "caf\u00e9", "two words"])
    def test_a_malformed_key_is_400(self, api, key):
        response = api.client.post(
            "/api/v1/episodes",
            json=episode_body(),
            headers={**bearer(api.key), "Idempotency-Key": key.encode().decode("latin-1")},
        )
        assert "Idempotency-Key" in assert_error(response, 400)["message"]

    def test_a_concurrent_duplicate_gets_the_stored_answer(self, api, monkeypatch):
        """The race: the winner commits between our look-up (nothing yet) and our claim."""
        body = episode_body()  # built once: two builds either side of a second would differ
        first = api.post_episode(body, key="raced")
        looked = []

        def look_before_the_winner_committed(client_id, key):
            looked.append(key)
            return None if len(looked) == 1 else real_stored(client_id, key)

        real_stored = services._stored
        monkeypatch.setattr(services, "_stored", look_before_the_winner_committed)
        again = api.post_episode(body, key="raced")
        assert looked == ["raced", "raced"]  # the claim failed, so it looked again
        assert again.status_code == 201 and again.json == first.json
        assert again.headers["Idempotent-Replayed"] == "true"
        assert episodes_of("T100") == 1

    def test_simultaneous_retries_record_one_episode(self, api):
        """Four copies of one request at once, on four connections: one episode, one answer."""
        app = api.client.application
        body = episode_body()
        start = threading.Barrier(4)
        answers: list[tuple[int, str, bool]] = []

        def send() -> None:
            client = app.test_client()
            start.wait()
            response = client.post(
                "/api/v1/episodes",
                json=body,
                headers={**bearer(api.key), "Idempotency-Key": "together"},
            )
            replayed = response.headers.get("Idempotent-Replayed") == "true"
            answers.append((response.status_code, response.get_data(as_text=True), replayed))

        threads = [threading.Thread(target=send) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert [status for status, _, _ in answers] == [201] * 4
        assert len({json.dumps(json.loads(text), sort_keys=True) for _, text, _ in answers}) == 1
        assert sorted(replayed for _, _, replayed in answers) == [False, True, True, True]
        assert episodes_of("T100") == 1


# --- returns and reading --------------------------------------------------------------------


class TestReturn:
    def test_a_return_starts_the_72_hour_clock(self, api):
        episode = api.new_episode(started_at=iso(hours_ago(30)))
        returned = hours_ago(4)
        response = api.post_return(
            episode["id"],
            {
                "returned_at": iso(returned),
                "found_location": "Mansfield Bus Station",
                "found_with": "A friend",
                "how_returned": "Brought back by police",
            },
        )
        assert response.status_code == 200, response.json
        rhi = response.json["rhi"]
        assert set(rhi) == {"id", "status", "due_at"}
        assert rhi["status"] == "requested"
        assert rhi["due_at"].endswith("+00:00")
        assert datetime.fromisoformat(rhi["due_at"]) == returned + timedelta(hours=72)
        returned_episode = response.json["episode"]
        assert returned_episode["id"] == episode["id"]
        assert returned_episode["returned_at"] == returned.isoformat()
        assert returned_episode["rhi_id"] == rhi["id"]
        assert returned_episode["found_location"] == "Mansfield Bus Station"
        assert returned_episode["found_with"] == "A friend"

    def test_a_second_return_is_409(self, api):
        episode = api.new_episode()
        assert api.post_return(episode["id"], {"returned_at": iso(hours_ago(4))}).status_code == 200
        error = assert_error(
            api.post_return(episode["id"], {"returned_at": iso(hours_ago(3))}), 409
        )
        assert "already has a return" in error["message"]

    def test_a_retried_return_with_its_key_gets_the_first_answer(self, api):
        episode = api.new_episode()
        body = {"returned_at": iso(hours_ago(4))}
        first = api.post_return(episode["id"], body, key="return-1")
        again = api.post_return(episode["id"], body, key="return-1")
        assert first.status_code == again.status_code == 200
        assert again.json == first.json

    def test_unknown_episode_is_404(self, api):
        body = {"returned_at": iso(hours_ago(4))}
        error = assert_error(api.post_return(987654, body), 404)
        assert error["code"] == "not_found"
        assert_error(api.post_return(2**40, body), 404)

    @pytest.mark.parametrize(
        ("returned_at", "says"),
        [
            (None, "required"),
            ("2026-03-02 08:15", "UTC offset"),
            ("soon", "ISO 8601"),
        ],
    )
    def test_bad_return_times_are_422(self, api, returned_at, says):
        episode = api.new_episode()
        response = api.post_return(episode["id"], {"returned_at": returned_at})
        assert says in assert_error(response, 422, "returned_at")["message"]

    def test_returns_before_the_start_or_in_the_future_are_422(self, api):
        episode = api.new_episode(started_at=iso(hours_ago(30)))
        before = {"returned_at": iso(hours_ago(31))}
        assert_error(api.post_return(episode["id"], before), 422, "returned_at")
        future = {"returned_at": iso(utcnow() + timedelta(hours=2))}
        assert_error(api.post_return(episode["id"], future), 422, "returned_at")

    def test_a_place_name_that_lengthens_when_lower_cased_is_kept_whole(self, api):
        episode = api.new_episode()
        # Lower-cased, "İ" is two characters: the comparison key is cut, the name is not.
        body = {"returned_at": iso(hours_ago(4)), "found_location": "İ" * 150}
        response = api.post_return(episode["id"], body)
        assert response.status_code == 200
        assert response.json["episode"]["found_location"] == "İ" * 150

    def test_a_place_name_too_long_to_store_is_422(self, api):
        episode = api.new_episode()
        body = {"returned_at": iso(hours_ago(4)), "found_location": "x" * 161}
        assert_error(api.post_return(episode["id"], body), 422, "found_location")


class TestGetEpisode:
    def test_before_and_after_the_return(self, api):
        episode = api.new_episode()
        response = api.get_episode(episode["id"])
        assert response.status_code == 200
        assert response.json == {**episode, "rhi": None}
        returned = api.post_return(episode["id"], {"returned_at": iso(hours_ago(4))}).json
        response = api.get_episode(episode["id"])
        assert response.json == {**returned["episode"], "rhi": returned["rhi"]}

    def test_reading_is_audited(self, api):
        episode = api.new_episode()
        api.get_episode(episode["id"])
        (viewed,) = audit_actions(AuditAction.CHILD_VIEWED)
        assert viewed.detail == {"episode_id": episode["id"], "api_client": "Client 1"}
        assert viewed.object_type == "child"

    def test_unknown_episode_is_404(self, api):
        assert assert_error(api.get_episode(424242), 404)["code"] == "not_found"
        assert_error(api.get_episode(2**40), 404)


# --- OpenAPI --------------------------------------------------------------------------------


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if "$ref" in node else []
        return found + [ref for value in node.values() for ref in _refs(value)]
    if isinstance(node, list):
        return [ref for value in node for ref in _refs(value)]
    return []


class TestOpenApi:
    def test_is_public_openapi_3_1(self, client):
        response = client.get("/api/v1/openapi.json")
        assert response.status_code == 200
        document = response.json
        assert document["openapi"].startswith("3.1")
        assert document["info"]["title"] and document["info"]["version"]
        assert document["servers"] == [{"url": "/api/v1"}]
        assert document["components"]["securitySchemes"]["bearer"] == {
            "type": "http",
            "scheme": "bearer",
            "description": document["components"]["securitySchemes"]["bearer"]["description"],
        }

    def test_documents_every_api_route_and_method(self, app, client):
        paths = client.get("/api/v1/openapi.json").json["paths"]
        routes = set()
        for rule in app.url_map.iter_rules():
            if rule.rule.startswith("/api/v1/"):
                for method in rule.methods - {"HEAD", "OPTIONS"}:
                    routes.add((openapi_path(rule.rule), method.lower()))
                    view = app.view_functions[rule.endpoint]
                    operation = paths[openapi_path(rule.rule)][method.lower()]
                    scopes = [s for need in operation["security"] for s in need["bearer"]]
                    assert scopes == list(getattr(view, "scopes", ())), rule.rule
        documented = {(path, method) for path, ops in paths.items() for method in ops}
        assert documented == routes
        assert ("/episodes/{episode_id}/return", "post") in routes

    def test_schemas_errors_and_idempotency_are_described(self, client):
        document = client.get("/api/v1/openapi.json").json
        components = document["components"]
        for ref in _refs(document):
            _hash, section, name = ref.split("/", 3)[1:]
            assert name in components[section], ref
        error = components["schemas"]["Error"]["properties"]["error"]
        assert set(error["properties"]) == {"code", "message", "fields"}
        post = document["paths"]["/episodes"]["post"]
        assert {"$ref": "#/components/parameters/IdempotencyKey"} in post["parameters"]
        assert components["parameters"]["IdempotencyKey"]["name"] == "Idempotency-Key"
        assert set(post["responses"]) == {"201", "400", "401", "403", "409", "413", "415", "422"}
        episode = components["schemas"]["NewEpisode"]
        assert episode["required"] == ["case_ref", "started_at", "category", "risk_grade"]
        assert episode["properties"]["started_at"]["format"] == "date-time"
        assert "422" in post["description"] and "case_ref" in post["description"]
        assert document["paths"]["/openapi.json"]["get"]["security"] == []

    def test_a_validator_finds_it_valid(self, client):
        import openapi_spec_validator as validator

        validator.validate(client.get("/api/v1/openapi.json").json)

    def test_answers_match_the_documented_schemas(self, api):
        import jsonschema

        document = api.client.get("/api/v1/openapi.json").json

        def check(schema: str, response: TestResponse) -> None:
            root = {"$ref": f"#/components/schemas/{schema}", "components": document["components"]}
            checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
            jsonschema.Draft202012Validator(root, format_checker=checker).validate(response.json)

        check("ChildRecord", api.put_child("T800"))
        check("ChildRecord", api.put_child("T800", child_body(vulnerabilities=None)))
        episode = api.post_episode(episode_body())
        check("Episode", episode)
        check("EpisodeWithRhi", api.get_episode(episode.json["id"]))
        body = {"returned_at": iso(hours_ago(2)), "found_location": "Testville Park"}
        check("ReturnRecorded", api.post_return(episode.json["id"], body))
        check("EpisodeWithRhi", api.get_episode(episode.json["id"]))
        check("Error", api.post_episode(episode_body(category="X")))
        check("Error", api.get_episode(123456))

    def test_examples_in_the_document_are_accepted(self, api):
        """The documented request examples make a valid child and episode."""
        schemas = api.client.get("/api/v1/openapi.json").json["components"]["schemas"]

        def example(name: str) -> dict[str, Any]:
            props = schemas[name]["properties"]
            return {key: prop["examples"][0] for key, prop in props.items() if "examples" in prop}

        child = example("Child")
        assert api.put_child("T000123", child).status_code == 201
        episode = example("NewEpisode") | {"started_at": iso(hours_ago(5))}
        assert api.post_episode(episode).status_code == 201


def test_api_writes_are_attributed_to_no_staff_member(api):
    (created,) = audit_actions(AuditAction.CHILD_CREATED)
    assert created.actor_id is None
    assert created.request_path == "/api/v1/children/T100"


def test_security_headers_apply_to_the_api(api):
    response = api.get_episode(1)
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_every_api_view_declares_its_access(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("api."):
            view = app.view_functions[rule.endpoint]
            scopes = getattr(view, "scopes", ())
            expected = "public" if not scopes else "api:" + "|".join(scopes)
            assert view.access == expected


def test_answers_kept_for_retries_are_forgotten_after_seven_days(api):
    from rhi.api.services import IDEMPOTENCY_KEEP, purge_idempotency_records

    api.post_episode(episode_body(), key="old-key")
    kept = db.session.scalars(sa.select(IdempotencyRecord)).one()
    assert purge_idempotency_records(kept.created_at + IDEMPOTENCY_KEEP) == 0
    assert purge_idempotency_records(kept.created_at + IDEMPOTENCY_KEEP + timedelta(seconds=1)) == 1
    assert db.session.scalar(sa.select(sa.func.count(IdempotencyRecord.id))) == 0
