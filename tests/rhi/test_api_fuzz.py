"""Random and hostile input at the API's write endpoints: never a 500, always the error shape.

Hypothesis throws JSON of every shape, wrong types, odd dates and time zones,
and strings with emoji, control characters, unpaired surrogates and great
length at the three write endpoints (and at the key check), on each database.
The examples are derandomised, so a run is repeatable, and no example database
is kept (``database=None``).
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from typing import Any
from urllib.parse import quote

import pytest
from flask.testing import FlaskClient
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from werkzeug.test import TestResponse

from rhi.children.vocabulary import Gender, LegalStatus, Vulnerability
from rhi.database import utcnow
from rhi.episodes.vocabulary import Category, RiskGrade
from tests.rhi.test_api import Api, bearer, make_key
from tests.workflow_factories import ensure_districts

PAST_DAY = (utcnow() - timedelta(days=11)).isoformat()  # before any time the examples send
FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NASTY = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "nul\x00in the middle",
        "\x1b[31mred",
        "\x7f",
        "\ud800",  # an unpaired surrogate: JSON can carry it, UTF-8 cannot
        "\udfff\ud800",
        "\u202eright-to-left override",
        "\ufeffbom",
        "🌟" * 300,
        "👩‍👩‍👧‍👦",
        "x" * 5000,
        "İ" * 160,  # lower-cases to twice the length
        "Zoë O'Brien-Ñúñez",
        "<script>alert(1)</script>",
        "'; DROP TABLE child; --",
        "%s%s%n",
        "1e999",
        "NaN",
        "null",
        "2026-02-30",
        "2026-03-01T25:00:00+00:00",
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-14:00",
        "2026-03-01T10:00:00",
        "2026-03-01T10:00:00+24:00",
        "2026-W09-7T10:00:00Z",
        "T100",
        "T999",
    ]
)
TEXT = st.one_of(NASTY, st.text(max_size=60), st.text(min_size=100, max_size=400))
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    TEXT,
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=10,
)

OFFSETS = st.builds(
    timezone,
    st.timedeltas(min_value=timedelta(hours=-23, minutes=-59), max_value=timedelta(hours=23)),
)
ANY_TIME = st.datetimes(
    min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.none() | OFFSETS
).map(datetime.isoformat)
RECENT = st.integers(min_value=-10 * 24 * 60, max_value=60).map(
    lambda minutes: (utcnow() + timedelta(minutes=minutes)).isoformat()
)
PAST = st.integers(min_value=-10 * 24 * 60, max_value=-1).map(
    lambda minutes: (utcnow() + timedelta(minutes=minutes)).isoformat()
)
WRONG = st.one_of(TEXT, JSON, ANY_TIME, RECENT)
NAMES = st.sampled_from(["Jordan", "Zoë", "Ó Briain", "Sam-Lee", "李", "  Alex  ", "🌟 Star"])
FREE_TEXT = st.one_of(NAMES, TEXT)  # optional text: right or wrong, it must never break


def words(values: Any) -> st.SearchStrategy[str]:
    """A vocabulary's values, as sent by careful and careless clients alike."""
    values = [str(value) for value in values]
    return st.sampled_from(values + [value.upper() for value in values])


# Bodies that are mostly accepted: optional text may be anything, and some clash with what an
# earlier example recorded (409).
CHILD = st.fixed_dictionaries(
    {
        "given_name": NAMES,
        "family_name": NAMES,
        "date_of_birth": st.dates(min_value=date(1995, 1, 1), max_value=date(2020, 1, 1)).map(str),
        "gender": words(Gender),
        "district": st.sampled_from(["mansfield", "gedling", "Rushcliffe"]),
        "legal_status": words(LegalStatus),
    },
    optional={
        "ethnicity": FREE_TEXT,
        "placement_type": FREE_TEXT,
        "placement_provider": FREE_TEXT,
        "school": FREE_TEXT,
        "vulnerabilities": st.lists(words(Vulnerability), max_size=4),
    },
)
EPISODE = st.fixed_dictionaries(
    {
        "case_ref": st.sampled_from(["T101", "T102", "T103", "T104"]),
        "started_at": PAST,
        "category": words(Category),
        "risk_grade": words([*RiskGrade, "No apparent risk"]),
    },
    optional={"police_reference": FREE_TEXT, "reported_by": FREE_TEXT},
)
RETURN = st.fixed_dictionaries(
    {"returned_at": PAST},
    optional={"found_location": FREE_TEXT, "found_with": FREE_TEXT, "how_returned": FREE_TEXT},
)


def bodies(valid: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[Any]:
    """A valid body; or one with a field made wrong, left out or added; or any JSON at all."""

    def spoil(body: dict[str, Any], field: str, value: Any, drop: bool) -> dict[str, Any]:
        spoilt = dict(body)
        if drop:
            spoilt.pop(field, None)
        else:
            spoilt[field] = value
        return spoilt

    def one_wrong(body: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
        fields = st.sampled_from([*body, "surprise"])
        return st.builds(spoil, st.just(body), fields, WRONG, st.booleans())

    anything = st.one_of(st.dictionaries(st.text(max_size=20), JSON), JSON)
    return st.one_of(valid, valid.flatmap(one_wrong), valid.flatmap(one_wrong), anything)


HEADER_TEXT = st.text(
    alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"),
    max_size=200,
)


def assert_clean(response: TestResponse) -> None:
    """Never a server error; every refusal in the API's error shape."""
    assert response.status_code < 500, response.get_data(as_text=True)
    if response.status_code >= 400:
        body = response.get_json(silent=True)
        assert isinstance(body, dict) and set(body) == {"error"}, response.get_data(as_text=True)
        error = body["error"]
        assert isinstance(error["code"], str) and error["code"]
        assert isinstance(error["message"], str) and error["message"]
        assert set(error) <= {"code", "message", "fields"}
        fields = error.get("fields", {})
        assert isinstance(fields, dict)
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in fields.items())


def segment(text: str) -> str:
    """``text`` as one URL path segment, percent-encoded (unpaired surrogates too)."""
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


def send(api: Api, method: str, path: str, body: Any, **headers: str) -> TestResponse:
    # json.dumps escapes unpaired surrogates as \\udxxx, as a client in another language might.
    data = json.dumps(body).encode()
    headers = {"Content-Type": "application/json", **bearer(api.key), **headers}
    return api.client.open(path, method=method, data=data, headers=headers)


@pytest.fixture
def api(client: FlaskClient) -> Api:
    """A key with every write scope; children T100 to T104 (looked after); four open episodes.

    Episodes for T101 to T104 can be recorded (one each, until they return); the
    open episodes of T201 to T204 can each be returned once.
    """
    ensure_districts()
    api = Api(client, make_key())
    for number in (100, 101, 102, 103, 104):
        assert api.put_child(f"T{number}").status_code == 201
    api.open_episodes = []
    for number in (201, 202, 203, 204):
        assert api.put_child(f"T{number}").status_code == 201
        api.open_episodes.append(api.new_episode(f"T{number}", started_at=PAST_DAY)["id"])
    return api


@FUZZ
@given(
    case_ref=st.one_of(st.sampled_from(["T100", "T105", "T106"]), st.text(max_size=40)),
    body=bodies(CHILD),
)
def test_put_child_never_fails_badly(api, case_ref, body):
    assert_clean(send(api, "PUT", f"/api/v1/children/{segment(case_ref)}", body))


@FUZZ
@given(
    body=bodies(EPISODE),
    key=st.one_of(st.none(), st.sampled_from(["retry-1", "retry-2"]), HEADER_TEXT),
)
def test_post_episode_never_fails_badly(api, body, key):
    headers = {} if key is None else {"Idempotency-Key": key}
    assert_clean(send(api, "POST", "/api/v1/episodes", body, **headers))


@FUZZ
@given(
    episode=st.one_of(st.integers(0, 3), st.integers(0, 3), st.integers(-1, 2**64).map(str)),
    body=bodies(RETURN),
    key=st.one_of(st.none(), st.sampled_from(["retry-1"]), HEADER_TEXT),
)
def test_post_return_never_fails_badly(api, episode, body, key):
    episode_id = api.open_episodes[episode] if isinstance(episode, int) else episode
    headers = {} if key is None else {"Idempotency-Key": key}
    assert_clean(send(api, "POST", f"/api/v1/episodes/{episode_id}/return", body, **headers))


@FUZZ
@given(
    target=st.sampled_from(
        [("PUT", "/api/v1/children/T100"), ("POST", "/api/v1/episodes"), ("POST", "/return")]
    ),
    data=st.one_of(st.binary(max_size=300), TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))),
    content_type=st.one_of(
        st.just("application/json"),
        st.sampled_from(["text/plain", "application/json; charset=utf-16", "multipart/form-data"]),
        HEADER_TEXT,
    ),
)
def test_raw_bytes_never_fail_badly(api, target, data, content_type):
    method, path = target
    if path == "/return":
        path = f"/api/v1/episodes/{api.open_episodes[0]}/return"
    headers = {**bearer(api.key), "Content-Type": content_type}
    assert_clean(api.client.open(path, method=method, data=data, headers=headers))


@FUZZ
@given(
    authorization=st.one_of(st.none(), HEADER_TEXT, HEADER_TEXT.map(lambda t: f"Bearer hw_{t}")),
    case_ref=st.one_of(NASTY, st.text(max_size=40)),
)
@example(authorization="Bearer hw_x", case_ref="\x00")
@example(authorization=None, case_ref="T1\x00")
@example(authorization="Bearer hw_" + "A" * 43, case_ref="\x1b")
def test_bad_keys_on_any_path_are_refused_cleanly(api, authorization, case_ref):
    headers = {} if authorization is None else {"Authorization": authorization}
    path = f"/api/v1/children/{segment(case_ref)}"
    response = api.client.put(path, data=b"{}", headers=headers)
    assert_clean(response)
    # 401; 400 for control characters in the URL; 404 or 308 when the case_ref is "" or
    # has a "/" (no such route, or a "//" to merge).
    assert response.status_code in (308, 400, 401, 404)
