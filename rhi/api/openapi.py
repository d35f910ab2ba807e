"""The OpenAPI 3.1 document at ``/api/v1/openapi.json``.

Paths and methods come from the app's own routes, the scopes from each view's
``api_scope_required``, and the request schemas from ``rhi.api.schemas``: the
document cannot drift from what the API does. What is written here by hand is
the prose and the shape of the responses.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Flask

from rhi.api.auth import Scope
from rhi.api.schemas import CHILD, EPISODE_RETURN, IDEMPOTENCY_KEY_MAX, NEW_EPISODE, Body, Kind
from rhi.children.services import CASE_REF_MAX
from rhi.insights.ssda903 import COLUMNS as SSDA903_COLUMNS
from rhi.insights.ssda903 import FIRST_YEAR, LAST_YEAR, RULES

API_ROOT = "/api/v1"
BLUEPRINT = "api."
_ARGUMENT = re.compile(r"<(?:\w+(?:\([^)]*\))?:)?(\w+)>")

SCOPE_DESCRIPTIONS = {
    Scope.CHILDREN_WRITE: "Create and update children's details.",
    Scope.EPISODES_WRITE: "Record missing episodes and returns (and read them back).",
    Scope.EPISODES_READ: "Read episodes and their Return Home Interviews.",
    Scope.EXPORTS_READ: "Read the statutory returns and the annual report tables.",
}

ERRORS = {
    400: "The body is not valid JSON, not a JSON object, or not UTF-8; or a header or query "
    "parameter (such as year) is missing, malformed or unknown.",
    401: "No API key, or one that is malformed, unknown or revoked.",
    403: "The API key does not have the scope this needs.",
    404: "The record named in the path does not exist.",
    409: "The request conflicts with the record as it is (an overlapping episode, a "
    "second return).",
    413: "The body is larger than the service accepts (1 MiB).",
    415: "The body is not sent as Content-Type: application/json.",
    422: "The request breaks a rule. error.fields names each field at fault, with what is "
    "wrong with it; an Idempotency-Key reused for a different request is also refused so.",
}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    nullable = {**schema, "type": [schema["type"], "null"]}
    if "enum" in schema:
        nullable["enum"] = [*schema["enum"], None]
    return nullable


def _request_schema(body: Body) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for field in body.fields:
        if field.kind is Kind.TEXT_LIST:
            items: dict[str, Any] = {"type": "string"}
            if field.choices:
                items["enum"] = list(field.choices)
            schema: dict[str, Any] = {"type": "array", "items": items}
        else:
            schema = {"type": "string"}
            if field.kind is Kind.DATE:
                schema["format"] = "date"
            elif field.kind is Kind.DATETIME:
                schema["format"] = "date-time"
            if field.max_length is not None:
                schema["maxLength"] = field.max_length
            if field.choices:
                schema["enum"] = list(field.choices)
        schema["description"] = field.description
        if field.example is not None:
            schema["examples"] = [field.example]
        properties[field.name] = schema if field.required else _nullable(schema)
    return {
        "type": "object",
        "description": body.description,
        "properties": properties,
        "required": [field.name for field in body.fields if field.required],
        "additionalProperties": False,
    }


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _text(description: str, nullable: bool = True) -> dict[str, Any]:
    return {"type": ["string", "null"] if nullable else "string", "description": description}


def _time(description: str, nullable: bool = False) -> dict[str, Any]:
    return {**_text(description, nullable), "format": "date-time"}


def _object(properties: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": list(properties),
    }


def _child_schema() -> dict[str, Any]:
    request = _request_schema(CHILD)
    properties = {name: dict(schema) for name, schema in request["properties"].items()}
    properties["vulnerabilities"]["type"] = "array"
    return {
        "type": "object",
        "description": "A child's record.",
        "properties": {
            "case_ref": {"type": "string", "description": "The case reference."},
            **properties,
        },
        "required": ["case_ref", *properties],
    }


def _schemas() -> dict[str, Any]:
    return {
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {
                "error": {
                    "type": "object",
                    "required": ["code", "message"],
                    "properties": {
                        "code": {
                            "type": "string",
                            "description": "The HTTP status in snake case, e.g. "
                            "unprocessable_entity.",
                            "examples": ["unprocessable_entity"],
                        },
                        "message": {
                            "type": "string",
                            "description": "What is wrong, in plain English.",
                        },
                        "fields": {
                            "type": "object",
                            "description": "Each field at fault, with what is wrong with it.",
                            "additionalProperties": {"type": "string"},
                        },
                    },
                }
            },
        },
        CHILD.name: _request_schema(CHILD),
        NEW_EPISODE.name: _request_schema(NEW_EPISODE),
        EPISODE_RETURN.name: _request_schema(EPISODE_RETURN),
        "ChildRecord": _child_schema(),
        "Episode": _object(
            {
                "id": {"type": "integer"},
                "case_ref": {"type": "string"},
                "category": {"type": "string", "enum": ["M", "A"]},
                "started_at": _time("When they went missing (UTC, with its offset)."),
                "returned_at": _time("When they returned; null while still missing.", True),
                "risk_grade": {"type": "string"},
                "police_reference": _text("The police incident reference."),
                "reported_by": _text("Who reported them missing."),
                "found_location": _text("Where they were found."),
                "found_with": _text("Who they were with."),
                "how_returned": _text("How they came back."),
                "rhi_id": {
                    "type": ["integer", "null"],
                    "description": "The Return Home Interview, once they have returned.",
                },
            },
            "A missing episode.",
        ),
        "Rhi": _object(
            {
                "id": {"type": "integer"},
                "status": {"type": "string", "examples": ["requested"]},
                "due_at": _time("72 hours after the return: when the interview is due."),
            },
            "A Return Home Interview.",
        ),
        "EpisodeWithRhi": {
            "allOf": [
                _ref("Episode"),
                {
                    "type": "object",
                    "required": ["rhi"],
                    "properties": {"rhi": {"oneOf": [_ref("Rhi"), {"type": "null"}]}},
                },
            ]
        },
        "ReturnRecorded": _object(
            {"episode": _ref("Episode"), "rhi": _ref("Rhi")},
            "The returned episode and the Return Home Interview it started.",
        ),
        **_export_schemas(),
    }


def _export_schemas() -> dict[str, Any]:
    count = _object(
        {
            "count": {"type": "integer", "minimum": 0, "description": "The exact count."},
            "published": {
                "type": "string",
                "description": 'As it may be published: "<5" for 1 to 4.',
                "examples": ["<5"],
            },
        },
        "A count, exact and as published.",
    )
    row = _object(
        {
            "district": {"type": "string", "description": 'The district code, or "total".'},
            "name": {"type": "string"},
            "values": {
                "type": "object",
                "description": "Each column's count, by the column's key.",
                "additionalProperties": _ref("AnnualCount"),
            },
        },
        "One district's line of a table (or the total line).",
    )
    return {
        "Ssda903Failure": _object(
            {
                "episode_id": {"type": "integer"},
                "child": {"type": "string", "description": "The case reference (CHILD)."},
                "rule": {"type": "string", "enum": list(RULES)},
                "field": {"type": "string", "enum": sorted({r.field for r in RULES.values()})},
                "message": {"type": "string"},
                "value": {"type": "string", "description": "The value at fault, as exported."},
            },
            "An episode left out of the SSDA903 Missing table, and the rule it breaks.",
        ),
        "AnnualCount": count,
        "AnnualRow": row,
        "AnnualTable": _object(
            {
                "key": {"type": "string", "enum": ["missing", "exploitation"]},
                "title": {"type": "string"},
                "columns": {
                    "type": "array",
                    "items": _object(
                        {"key": {"type": "string"}, "label": {"type": "string"}}, "A column."
                    ),
                },
                "rows": {"type": "array", "items": _ref("AnnualRow")},
                "total": _ref("AnnualRow"),
            },
            "One appendix table, by district.",
        ),
        "AnnualRate": _object(
            {
                "key": {
                    "type": "string",
                    "enum": ["care_missing", "missing_at_risk", "found_within_4_hours"],
                },
                "label": {"type": "string"},
                "numerator": {"type": "integer", "minimum": 0},
                "denominator": {"type": "integer", "minimum": 0},
                "percent": {
                    "type": ["number", "null"],
                    "description": "To one decimal place; null when the denominator is 0.",
                },
                "published": {
                    "type": "string",
                    "description": 'As published: "<5" when either count is 1 to 4, '
                    '"-" when the denominator is 0.',
                },
            },
            "A headline rate.",
        ),
        "AnnualReport": _object(
            {
                "year": {"type": "integer"},
                "from": {"type": "string", "format": "date"},
                "to": {"type": "string", "format": "date"},
                "tables": {"type": "array", "items": _ref("AnnualTable")},
                "rates": {"type": "array", "items": _ref("AnnualRate")},
                "notes": {
                    "type": "array",
                    "items": {"type": "string"},
                    "description": "What is counted, and from what.",
                },
            },
            "The annual report appendix for a financial year.",
        ),
    }


def _json(schema_name: str, description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": _ref(schema_name)}},
    }


def _body(body: Body) -> dict[str, Any]:
    return {
        "required": True,
        "content": {"application/json": {"schema": _ref(body.name)}},
    }


LOCATION = {"Location": {"description": "The URL of the record.", "schema": {"type": "string"}}}
REPLAYED = {
    "Idempotent-Replayed": {
        "description": "true when this is the stored answer to an earlier request with the "
        "same Idempotency-Key.",
        "schema": {"type": "string", "enum": ["true"]},
    }
}

# Per endpoint: what the route does and what it answers. Errors are added from `errors`.
OPERATIONS: dict[str, dict[str, Any]] = {
    "api.put_child": {
        "summary": "Create or update a child",
        "description": "Creates the child with this case reference, or replaces their details.",
        "requestBody": _body(CHILD),
        "responses": {
            "200": _json("ChildRecord", "Updated."),
            "201": _json("ChildRecord", "Created."),
        },
        "errors": (400, 401, 403, 413, 415, 422),
    },
    "api.create_episode": {
        "summary": "Record a missing episode",
        "description": "Times must carry a UTC offset: times without one are refused (422). "
        "An unknown case_ref is refused with 422 and fields.case_ref (it is a field of the "
        "body, not the path). An episode overlapping another of the child's is refused (409).",
        "requestBody": _body(NEW_EPISODE),
        "idempotent": True,
        "responses": {
            "201": {**_json("Episode", "Recorded."), "headers": {**LOCATION, **REPLAYED}},
        },
        "errors": (400, 401, 403, 409, 413, 415, 422),
    },
    "api.return_episode": {
        "summary": "Record a return",
        "description": "Records the child's return and requests their Return Home Interview, "
        "due 72 hours later. A second return for the same episode is refused (409).",
        "requestBody": _body(EPISODE_RETURN),
        "idempotent": True,
        "responses": {
            "200": {**_json("ReturnRecorded", "Recorded."), "headers": REPLAYED},
        },
        "errors": (400, 401, 403, 404, 409, 413, 415, 422),
    },
    "api.get_episode": {
        "summary": "Read an episode",
        "description": "The episode with its Return Home Interview (null until they return).",
        "responses": {"200": _json("EpisodeWithRhi", "The episode.")},
        "errors": (401, 403, 404),
    },
    "api.ssda903_missing_csv": {
        "summary": "The SSDA903 Missing table",
        "description": "One row per missing (M) or away (A) episode of a looked-after child that "
        "overlaps the collection year 1 April `year` to 31 March `year`+1. Columns: "
        f"{', '.join(SSDA903_COLUMNS)}; dates dd/mm/yyyy (UK dates); MIS_END blank when the "
        "episode was still open at the end of 31 March. Episodes breaking a validation rule "
        "are left out: see the errors endpoint. Looked after means the child's current legal "
        "status.",
        "query": ("year",),
        "responses": {
            "200": {
                "description": "The table, with a header row.",
                "content": {"text/csv": {"schema": {"type": "string"}}},
            }
        },
        "errors": (400, 401, 403),
    },
    "api.ssda903_missing_errors": {
        "summary": "Episodes left out of the SSDA903 Missing table",
        "description": "Each validation failure: the episode, the rule, the field and the value. "
        "An episode breaking two rules is listed twice.",
        "query": ("year",),
        "responses": {
            "200": {
                "description": "The failures (an empty list when there are none).",
                "content": {
                    "application/json": {
                        "schema": {"type": "array", "items": _ref("Ssda903Failure")}
                    }
                },
            }
        },
        "errors": (400, 401, 403),
    },
    "api.annual_report": {
        "summary": "The annual report appendix",
        "description": "Missing incidents and individuals by district, from home and from care; "
        "children with exploitation flags by district; the headline rates; for the financial "
        "year 1 April `year` to 31 March `year`+1. Counts are exact, each with its published "
        'form ("<5" for 1 to 4). `notes` says what is counted.',
        "query": ("year",),
        "responses": {"200": _json("AnnualReport", "The tables.")},
        "errors": (400, 401, 403),
    },
    "api.openapi": {
        "summary": "This document",
        "description": "The OpenAPI 3.1 description of this API. No key needed.",
        "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {}}}},
        "errors": (),
    },
}

PARAMETERS = {
    "case_ref": {
        "name": "case_ref",
        "in": "path",
        "required": True,
        "description": "The child's case reference: letters, digits and hyphens.",
        "schema": {"type": "string", "minLength": 1, "maxLength": CASE_REF_MAX},
    },
    "episode_id": {
        "name": "episode_id",
        "in": "path",
        "required": True,
        "schema": {"type": "integer", "minimum": 1},
    },
    "year": {
        "name": "year",
        "in": "query",
        "required": True,
        "description": "The year the collection (or financial) year starts: 2024 for 1 April "
        "2024 to 31 March 2025.",
        "schema": {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
    },
    "IdempotencyKey": {
        "name": "Idempotency-Key",
        "in": "header",
        "required": False,
        "description": "Any unique value (a UUID is ideal). A retry with the same key and body "
        "gets the first answer back (same status and body) instead of recording twice; the same "
        "key with a different request is refused (422). Failed requests are not kept; answers are "
        "kept for 7 days, so retry within that time.",
        "schema": {"type": "string", "minLength": 1, "maxLength": IDEMPOTENCY_KEY_MAX},
    },
}


def _error(status: int, description: str) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": description,
        "content": {"application/json": {"schema": _ref("Error")}},
    }
    if status in (401, 403):
        response["headers"] = {
            "WWW-Authenticate": {
                "description": 'The bearer challenge, e.g. Bearer realm="homeward", '
                'error="invalid_token".',
                "schema": {"type": "string"},
            }
        }
    return response


def openapi_path(rule: str) -> str:
    """``/api/v1/episodes/<int:episode_id>`` -> ``/episodes/{episode_id}``."""
    return _ARGUMENT.sub(r"{\1}", rule.removeprefix(API_ROOT))


def _operation(endpoint: str, view: Any, arguments: set[str]) -> dict[str, Any]:
    spec = dict(OPERATIONS[endpoint])
    errors = spec.pop("errors")
    idempotent = spec.pop("idempotent", False)
    query = spec.pop("query", ())
    responses = dict(spec["responses"])
    for status in errors:
        responses[str(status)] = {"$ref": f"#/components/responses/{status}"}
    operation: dict[str, Any] = {
        "operationId": endpoint.removeprefix(BLUEPRINT),
        **spec,
        "responses": responses,
    }
    parameters = [{"$ref": f"#/components/parameters/{name}"} for name in sorted(arguments)]
    parameters += [{"$ref": f"#/components/parameters/{name}"} for name in query]
    if idempotent:
        parameters.append({"$ref": "#/components/parameters/IdempotencyKey"})
    if parameters:
        operation["parameters"] = parameters
    scopes = getattr(view, "scopes", ())
    # Any one of the scopes lets the caller in: each is an alternative requirement.
    operation["security"] = [{"bearer": [scope]} for scope in scopes] if scopes else []
    return operation


def openapi_document(app: Flask) -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if not rule.endpoint.startswith(BLUEPRINT):
            continue
        view = app.view_functions[rule.endpoint]
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            paths.setdefault(openapi_path(rule.rule), {})[method.lower()] = _operation(
                rule.endpoint, view, set(rule.arguments)
            )
    scopes = "\n".join(f"- `{scope}`: {text}" for scope, text in SCOPE_DESCRIPTIONS.items())
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Homeward API",
            "version": "1.0.0",
            "description": "Record children, missing episodes and returns from partner systems "
            "(police, case management). Authenticate with an API key from your council's "
            "administrator: `Authorization: Bearer <key>`. Each key has scopes:\n\n"
            f'{scopes}\n\nErrors are JSON: `{{"error": {{"code", "message", '
            '"fields"}}}}`. Times are ISO 8601 with a UTC offset, both ways.',
        },
        "servers": [{"url": API_ROOT}],
        "paths": paths,
        "components": {
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "An API key, e.g. hw_AbCd1234..., made with "
                    "`flask api-keys create`.",
                }
            },
            "parameters": PARAMETERS,
            "schemas": _schemas(),
            "responses": {str(status): _error(status, text) for status, text in ERRORS.items()},
        },
    }
