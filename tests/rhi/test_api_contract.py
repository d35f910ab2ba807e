"""Schemathesis over the whole OpenAPI document: the API keeps the contract it publishes.

Every operation in ``/api/v1/openapi.json`` is called with input generated from
the document, with a key holding every scope. Schemathesis checks each answer:
no 5xx, a documented status code and content type, a body matching its schema.

Left out: "schema-valid data is accepted". The document says what a field
looks like; whether the case reference names a child we have, the district
is one of this council's (districts are data, not schema) or the return comes
after the start is for the domain rules, which answer 422 with the field and
a reason (tests/rhi/test_api.py checks each).
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from rhi.api.auth import Scope
from tests.rhi.test_api import bearer, make_key
from tests.workflow_factories import create_child, create_returned_episode

OPERATIONS = [
    "PUT /children/{case_ref}",
    "POST /episodes",
    "GET /episodes/{episode_id}",
    "POST /episodes/{episode_id}/return",
    "GET /exports/ssda903-missing.csv",
    "GET /exports/ssda903-missing/errors",
    "GET /reports/annual",
]


def operation(app: Flask, name: str) -> Any:
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    found = {
        f"{op.method.upper()} {op.path}": op
        for op in (result.ok() for result in schema.get_all_operations())
    }
    assert sorted(found) == sorted(OPERATIONS), "the document's operations changed"
    return found[name]


@pytest.mark.parametrize("mode", list(GenerationMode), ids=str)
@pytest.mark.parametrize("name", OPERATIONS)
def test_the_api_keeps_its_published_contract(
    app: Flask, app_ctx: Flask, name: str, mode: GenerationMode
) -> None:
    """Valid input (positive) and input that breaks the document (negative: must be 4xx)."""
    child = create_child(legal_status="lac")  # something real to find and change
    create_returned_episode(child)
    headers = bearer(make_key(*Scope))
    api_operation = operation(app, name)

    @given(case=api_operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=40,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    def calls(case: Any) -> None:
        key = headers
        if mode is GenerationMode.NEGATIVE and "Authorization" not in (case.headers or {}):
            key = {}  # the broken part may be the missing key itself: it must be refused
        case.call_and_validate(headers=key, excluded_checks=[positive_data_acceptance])

    calls()
