"""The JSON API, version 1: children, missing episodes and returns, for partner systems.

Each view reads and checks the request, makes one service call and answers
with JSON. Refusals (an ``ApiError`` from the request checks, a ``RuleBroken``
from a service) become ``{"error": {"code", "message", "fields"?}}`` in
``rhi.errors.json_error``; ``rhi.errors`` gives HTTP errors such as 404 and 405
the same shape.
"""

from __future__ import annotations

import re

from flask import Blueprint, Response, current_app, jsonify, request, url_for
from flask.typing import ResponseReturnValue

from rhi.api import schemas, services
from rhi.api.auth import Scope, api_scope_required, current_client
from rhi.api.openapi import openapi_document
from rhi.api.schemas import ApiError
from rhi.auth.sessions import public
from rhi.domain import RuleBroken
from rhi.errors import json_error

bp = Blueprint("api", __name__)

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Ids are PostgreSQL integers (32-bit): a larger one cannot exist (404, not a database error).
EPISODE_ID = "<int(max=2147483647):episode_id>"


@bp.errorhandler(ApiError)
def _refused(error: ApiError) -> Response:
    return json_error(error.status, error.message, error.fields, error.headers)


@bp.errorhandler(RuleBroken)
def _rule_broken(error: RuleBroken) -> Response:
    fields = {error.field: error.message} if error.field else None
    return json_error(error.status, error.message, fields)


@bp.before_request
def _refuse_control_characters_in_the_path() -> None:
    """A URL with control characters in it names nothing here, and is not passed on
    (to the key check or the audit log, say)."""
    if _CONTROL.search(request.path):
        raise ApiError(400, "The URL must not contain control characters")


def _outcome(outcome: services.Outcome, location: str | None = None) -> Response:
    response = jsonify(outcome.body)
    response.status_code = outcome.status
    if location is not None:
        response.headers["Location"] = location
    if outcome.replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return response


@bp.put("/children/<case_ref>")
@api_scope_required(Scope.CHILDREN_WRITE)
def put_child(case_ref: str) -> ResponseReturnValue:
    values = schemas.parse(schemas.CHILD, schemas.read_json_object(request))
    return _outcome(services.put_child(case_ref, values))


@bp.post("/episodes")
@api_scope_required(Scope.EPISODES_WRITE)
def create_episode() -> ResponseReturnValue:
    data = schemas.read_json_object(request)
    key = schemas.idempotency_key(request)
    values = schemas.parse(schemas.NEW_EPISODE, data)
    outcome = services.create_episode(
        current_client(),
        values,
        idempotency_key=key,
        fingerprint=schemas.fingerprint(request, data),
    )
    return _outcome(outcome, url_for(".get_episode", episode_id=outcome.body["id"]))


@bp.post(f"/episodes/{EPISODE_ID}/return")
@api_scope_required(Scope.EPISODES_WRITE)
def return_episode(episode_id: int) -> ResponseReturnValue:
    data = schemas.read_json_object(request)
    key = schemas.idempotency_key(request)
    values = schemas.parse(schemas.EPISODE_RETURN, data)
    outcome = services.return_episode(
        current_client(),
        episode_id,
        values,
        idempotency_key=key,
        fingerprint=schemas.fingerprint(request, data),
    )
    return _outcome(outcome)


@bp.get(f"/episodes/{EPISODE_ID}")
@api_scope_required(Scope.EPISODES_READ, Scope.EPISODES_WRITE)
def get_episode(episode_id: int) -> ResponseReturnValue:
    return jsonify(services.view_episode(current_client(), episode_id))


@bp.get("/openapi.json")
@public
def openapi() -> ResponseReturnValue:
    return jsonify(openapi_document(current_app))


# The exports and reports API (rhi/api/exports.py) adds its routes to this blueprint.
from rhi.api import exports  # noqa: E402, F401
