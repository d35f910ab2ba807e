"""What the API accepts and returns: request bodies, fields, and the JSON it sends.

Each request body is described once, as a tuple of ``Field``; the same
description checks requests here and becomes the OpenAPI schemas in
``rhi.api.openapi``. Checks here are about shape (types, lengths, characters,
time zones); the domain services decide the rest (districts, overlaps, ...).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from flask import Request
from werkzeug.exceptions import RequestEntityTooLarge

from rhi.children.models import Child
from rhi.children.services import CASE_REF_MAX, OPTIONAL_TEXT
from rhi.children.vocabulary import Gender, LegalStatus, Vulnerability
from rhi.episodes.models import Episode, Place
from rhi.episodes.vocabulary import Category, RiskGrade
from rhi.interviews.models import ReturnInterview

# Nothing in a child's record happened before this; earlier times are mistakes
# (and far-off years break date arithmetic).
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
# C0 controls but tab, newline and carriage return; DEL; unpaired UTF-16 surrogates.
_BAD_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
IDEMPOTENCY_KEY_MAX = 128
_IDEMPOTENCY_KEY = re.compile(rf"[\x21-\x7e]{{1,{IDEMPOTENCY_KEY_MAX}}}")
# How many unknown fields an error names, and how much of each name it repeats back.
_UNKNOWN_ECHO = 10
_NAME_ECHO = 40


class ApiError(Exception):
    """A request the API refuses before any service runs (bad JSON, no key, ...)."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        fields: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.fields = fields or {}
        self.headers = headers or {}


class Kind(StrEnum):
    TEXT = "text"
    DATE = "date"
    DATETIME = "datetime"
    TEXT_LIST = "text_list"


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    description: str
    required: bool = False
    max_length: int | None = None
    choices: tuple[str, ...] = ()
    example: Any = None


@dataclass(frozen=True)
class Body:
    """A request body: a JSON object with these fields and no others."""

    name: str
    description: str
    fields: tuple[Field, ...] = field(default_factory=tuple)


def column_length(column: Any) -> int:
    """The length of a ``String`` column: the model says how long a value may be."""
    return int(column.property.columns[0].type.length)


def _values(vocabulary: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in vocabulary)


CHILD = Body(
    "Child",
    "A child's details. PUT replaces the whole record: optional fields left out are cleared.",
    (
        Field(
            "given_name",
            Kind.TEXT,
            "Given name.",
            required=True,
            max_length=column_length(Child.given_name),
            example="Jordan",
        ),
        Field(
            "family_name",
            Kind.TEXT,
            "Family name.",
            required=True,
            max_length=column_length(Child.family_name),
            example="Testperson",
        ),
        Field("date_of_birth", Kind.DATE, "Date of birth.", required=True, example="2011-05-17"),
        Field(
            "gender", Kind.TEXT, "Gender.", required=True, choices=_values(Gender), example="female"
        ),
        Field(
            "district",
            Kind.TEXT,
            "The code of one of the council's districts; an unknown one is refused with 422.",
            required=True,
            example="mansfield",
        ),
        Field(
            "legal_status",
            Kind.TEXT,
            "home, cin (child in need), cp (child protection) or lac (looked after).",
            required=True,
            choices=_values(LegalStatus),
            example="lac",
        ),
        Field("ethnicity", Kind.TEXT, "Ethnicity.", max_length=OPTIONAL_TEXT["ethnicity"]),
        Field(
            "placement_type",
            Kind.TEXT,
            "Placement type.",
            max_length=OPTIONAL_TEXT["placement_type"],
        ),
        Field(
            "placement_provider",
            Kind.TEXT,
            "Placement provider.",
            max_length=OPTIONAL_TEXT["placement_provider"],
        ),
        Field("school", Kind.TEXT, "School.", max_length=OPTIONAL_TEXT["school"]),
        Field(
            "vulnerabilities",
            Kind.TEXT_LIST,
            "Known vulnerabilities.",
            choices=_values(Vulnerability),
            example=["adhd"],
        ),
    ),
)

NEW_EPISODE = Body(
    "NewEpisode",
    "A missing episode: the child went missing, or away from placement, at started_at.",
    (
        Field(
            "case_ref",
            Kind.TEXT,
            "The child's case reference. The child must exist (PUT /children/{case_ref}); "
            "an unknown one is refused with 422 and fields.case_ref.",
            required=True,
            max_length=CASE_REF_MAX,
            example="T000123",
        ),
        Field(
            "started_at",
            Kind.DATETIME,
            "When they went missing: ISO 8601 with a UTC offset. Not in the future.",
            required=True,
            example="2026-03-01T21:30:00+00:00",
        ),
        Field(
            "category",
            Kind.TEXT,
            "M (missing) or A (away from placement; looked-after children only).",
            required=True,
            choices=_values(Category),
            example="M",
        ),
        Field(
            "risk_grade",
            Kind.TEXT,
            "The police risk grade.",
            required=True,
            choices=_values(RiskGrade),
            example="medium",
        ),
        Field(
            "police_reference",
            Kind.TEXT,
            "The police incident reference.",
            max_length=column_length(Episode.police_reference),
        ),
        Field(
            "reported_by",
            Kind.TEXT,
            "Who reported them missing.",
            max_length=column_length(Episode.reported_by),
        ),
    ),
)

EPISODE_RETURN = Body(
    "EpisodeReturn",
    "The child's return. It starts the 72-hour clock for their Return Home Interview.",
    (
        Field(
            "returned_at",
            Kind.DATETIME,
            "When they returned: ISO 8601 with a UTC offset. After started_at, not in the future.",
            required=True,
            example="2026-03-02T08:15:00+00:00",
        ),
        Field(
            "found_location",
            Kind.TEXT,
            "Where they were found.",
            max_length=column_length(Place.name),
        ),
        Field(
            "found_with",
            Kind.TEXT,
            "Who they were with.",
            max_length=column_length(Episode.found_with),
        ),
        Field(
            "how_returned",
            Kind.TEXT,
            "How they came back.",
            max_length=column_length(Episode.how_returned),
        ),
    ),
)


def read_json_object(request: Request) -> dict[str, Any]:
    """The request's body as a JSON object, or an ``ApiError`` saying what is wrong with it."""
    if request.mimetype != "application/json":
        raise ApiError(415, "Send the body as JSON, with the header Content-Type: application/json")
    if request.mimetype_params.get("charset", "utf-8").lower() not in {"utf-8", "utf8"}:
        raise ApiError(415, "Send the body as UTF-8 JSON (charset=utf-8, or no charset)")
    try:
        raw = request.get_data(cache=True)
    except RequestEntityTooLarge:
        limit = request.max_content_length
        raise ApiError(413, f"The body is too large: send at most {limit} bytes") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "The body must be UTF-8 text") from None
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:
        raise ApiError(400, "The body is not valid JSON: it is nested too deeply") from None
    except json.JSONDecodeError as error:
        raise ApiError(
            400, f"The body is not valid JSON (line {error.lineno}, column {error.colno})"
        ) from None
    except ValueError:  # NaN or Infinity, or a number too long to read
        raise ApiError(
            400, "The body is not valid JSON: it has a value JSON does not allow"
        ) from None
    if not isinstance(data, dict):
        raise ApiError(400, 'The body must be a JSON object, like {"name": "value"}')
    return data


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def fingerprint(request: Request, data: dict[str, Any]) -> str:
    """What makes two requests "the same" for an Idempotency-Key: method, path and body."""
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"))
    return f"{request.method} {request.path} {canonical}"


def idempotency_key(request: Request) -> str | None:
    raw = request.headers.get("Idempotency-Key")
    if raw is None:
        return None
    if not _IDEMPOTENCY_KEY.fullmatch(raw):
        raise ApiError(
            400,
            f"Idempotency-Key must be 1 to {IDEMPOTENCY_KEY_MAX} visible ASCII characters, "
            "such as a UUID",
        )
    return raw


def parse(body: Body, data: dict[str, Any]) -> dict[str, Any]:
    """Check ``data`` against ``body``; the cleaned values, or a 422 naming every bad field.

    Text comes back with its whitespace tidied (the stored form), times as
    aware UTC datetimes, dates as ``date``; optional fields sent as null or
    left out come back as None.
    """
    known = {f.name: f for f in body.fields}
    problems: dict[str, str] = {}
    cleaned: dict[str, Any] = {}
    unknown = [name for name in data if name not in known]
    for name in unknown[:_UNKNOWN_ECHO]:
        problems[name[:_NAME_ECHO]] = "This field is not part of the request"
    for spec in body.fields:
        try:
            cleaned[spec.name] = _clean(spec, data.get(spec.name))
        except ValueError as error:
            problems[spec.name] = str(error)
    if problems:
        if len(problems) == 1:
            message = next(iter(problems.values()))
        else:
            message = "These fields are not right: " + ", ".join(problems)
        raise ApiError(422, message, fields=problems)
    return cleaned


def _clean(spec: Field, value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        if spec.required:
            raise ValueError(f"{spec.name} is required")
        return [] if spec.kind is Kind.TEXT_LIST else None
    if spec.kind is Kind.TEXT_LIST:
        if not isinstance(value, list):
            raise ValueError(f"{spec.name} must be a list of text values")
        return [_text(spec, item) for item in value]
    text = _text(spec, value)
    if spec.kind is Kind.DATE:
        return _date(spec, text)
    if spec.kind is Kind.DATETIME:
        return _datetime(spec, text)
    return text


def _text(spec: Field, value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{spec.name} must be text (a JSON string)")
    if _BAD_CHARACTERS.search(value):
        raise ValueError(f"{spec.name} must not contain control characters")
    tidy = " ".join(value.split())
    if spec.max_length is not None and len(tidy) > spec.max_length:
        raise ValueError(f"{spec.name} must be {spec.max_length} characters or fewer")
    return tidy


def _date(spec: Field, text: str) -> date:
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        raise ValueError(f"{spec.name} must be a date in the form YYYY-MM-DD, like 2011-05-17")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{spec.name} must be a real date, like 2011-05-17") from None


def _datetime(spec: Field, text: str) -> datetime:
    example = "2026-03-01T21:30:00+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"{spec.name} must be an ISO 8601 date and time with a UTC offset, like {example}"
        ) from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(
            f"{spec.name} must include a UTC offset (such as +00:00, +01:00 or Z), "
            f"like {example}: without one the time is ambiguous"
        )
    try:
        moment = moment.astimezone(UTC)
    except OverflowError:
        raise ValueError(f"{spec.name} is too long ago") from None
    if moment < EARLIEST:
        raise ValueError(f"{spec.name} must be after {EARLIEST.year}")
    return moment


def iso(moment: datetime | None) -> str | None:
    """A stored time as ISO 8601 with its offset (always UTC, ``+00:00``)."""
    return None if moment is None else moment.astimezone(UTC).isoformat()


def episode_json(episode: Episode) -> dict[str, Any]:
    return {
        "id": episode.id,
        "case_ref": episode.child.case_ref,
        "category": episode.category,
        "started_at": iso(episode.started_at),
        "returned_at": iso(episode.returned_at),
        "risk_grade": episode.risk_grade,
        "police_reference": episode.police_reference,
        "reported_by": episode.reported_by,
        "found_location": episode.found_place.name if episode.found_place else None,
        "found_with": episode.found_with,
        "how_returned": episode.how_returned,
        "rhi_id": episode.rhi_id,
    }


def rhi_json(rhi: ReturnInterview | None) -> dict[str, Any] | None:
    if rhi is None:
        return None
    return {"id": rhi.id, "status": rhi.status, "due_at": iso(rhi.due_at)}
