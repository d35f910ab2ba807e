"""API clients: their keys and scopes, and the bearer check every API view uses.

A key is shown once, when it is made; only its SHA-256 is stored, with its
first characters in clear so people can tell keys apart (``hw_AbCd1234``).
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, TypeVar

import sqlalchemy as sa
from flask import g, request

from rhi.api.models import ApiClient
from rhi.api.schemas import ApiError
from rhi.audit.actions import AuditAction
from rhi.audit.services import record, record_now
from rhi.database import transactional, utcnow
from rhi.domain import Conflict, NotFound, RuleBroken
from rhi.extensions import db

F = TypeVar("F", bound=Callable[..., Any])

KEY_START = "hw_"
# "hw_" and the first 8 random characters: stored in clear to find and name a key.
PREFIX_LENGTH = len(KEY_START) + 8
_KEY = re.compile(r"hw_[A-Za-z0-9_-]{43}")  # secrets.token_urlsafe(32) is 43 characters
# Write last_used_at at most this often, so reads do not all become writes.
TOUCH_INTERVAL = timedelta(minutes=1)
NAME_MAX = 120
REALM = "homeward"


class Scope(StrEnum):
    """What a key may do. A view names the scopes that let a caller in."""

    CHILDREN_WRITE = "children:write"
    EPISODES_WRITE = "episodes:write"
    EPISODES_READ = "episodes:read"
    EXPORTS_READ = "exports:read"


def parse_scopes(values: list[str] | tuple[str, ...]) -> list[str]:
    """Known scopes, sorted and without repeats; ``RuleBroken`` for any other."""
    try:
        scopes = sorted({str(Scope(value.strip())) for value in values})
    except ValueError:
        known = ", ".join(scope.value for scope in Scope)
        raise RuleBroken(f"Scopes must be from: {known}", "scope") from None
    if not scopes:
        raise RuleBroken("Give the key at least one scope", "scope")
    return scopes


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def find_client(name: str) -> ApiClient | None:
    return db.session.scalar(sa.select(ApiClient).where(ApiClient.name == name))


@transactional
def create_api_key(name: str, scopes: list[str] | tuple[str, ...]) -> tuple[ApiClient, str]:
    """A new client called ``name``; returns it and its key (the only time the key is seen)."""
    name = " ".join(name.split())
    if not name or len(name) > NAME_MAX:
        raise RuleBroken(f"The name must be 1 to {NAME_MAX} characters", "name")
    if find_client(name) is not None:
        raise Conflict("There is already an API client with that name", "name")
    allowed = parse_scopes(scopes)
    while True:
        key = KEY_START + secrets.token_urlsafe(32)
        prefix = key[:PREFIX_LENGTH]
        taken = db.session.scalar(sa.select(ApiClient.id).where(ApiClient.key_prefix == prefix))
        if taken is None:
            break
    client = ApiClient(name=name, key_prefix=prefix, key_hash=hash_key(key), scopes=allowed)
    db.session.add(client)
    db.session.flush()
    record(
        AuditAction.API_KEY_CREATED,
        object_type="api_client",
        object_id=client.id,
        detail={"name": name, "key_prefix": prefix, "scopes": allowed},
    )
    return client, key


@transactional
def revoke_api_key(name: str) -> ApiClient:
    """Stop the client's key working, at once. The client's row stays, for the record."""
    client = find_client(name)
    if client is None:
        raise NotFound("There is no API client with that name", "name")
    if client.revoked_at is not None:
        raise Conflict("That API client's key is already revoked", "name")
    client.revoked_at = utcnow()
    record(
        AuditAction.API_KEY_REVOKED,
        object_type="api_client",
        object_id=client.id,
        detail={"name": client.name, "key_prefix": client.key_prefix},
    )
    return client


@dataclass(frozen=True)
class ClientRow:
    """One client as ``api-keys list`` shows it: never the key, which is not stored."""

    name: str
    key_prefix: str
    scopes: list[str]
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


def list_api_clients() -> list[ClientRow]:
    clients = db.session.scalars(sa.select(ApiClient).order_by(ApiClient.name))
    return [
        ClientRow(c.name, c.key_prefix, list(c.scopes), c.created_at, c.last_used_at, c.revoked_at)
        for c in clients
    ]


def _unauthorized(message: str, error: str | None = "invalid_token") -> ApiError:
    challenge = f'Bearer realm="{REALM}"'
    if error:
        challenge += f', error="{error}"'
    return ApiError(401, message, headers={"WWW-Authenticate": challenge})


@transactional
def _touch(client: ApiClient, now: datetime) -> None:
    client.last_used_at = now


def authenticate(header: str | None) -> ApiClient:
    """The client whose key is in the ``Authorization`` header, or a 401 ``ApiError``."""
    if not header:
        raise _unauthorized(
            "Send your API key in the header Authorization: Bearer <key>", error=None
        )
    scheme, _, key = header.strip().partition(" ")
    key = key.strip()
    if scheme.lower() != "bearer" or not _KEY.fullmatch(key):
        record_now(AuditAction.API_KEY_REJECTED, detail={"reason": "malformed"})
        raise _unauthorized("The Authorization header must be: Bearer <key>")
    prefix = key[:PREFIX_LENGTH]
    client = db.session.scalar(sa.select(ApiClient).where(ApiClient.key_prefix == prefix))
    if client is None or not hmac.compare_digest(client.key_hash, hash_key(key)):
        record_now(AuditAction.API_KEY_REJECTED, detail={"reason": "unknown", "key_prefix": prefix})
        raise _unauthorized("That API key is not valid")
    if client.revoked_at is not None:
        record_now(
            AuditAction.API_KEY_REJECTED,
            object_type="api_client",
            object_id=client.id,
            detail={"reason": "revoked", "key_prefix": prefix},
        )
        raise _unauthorized("That API key has been revoked")
    now = utcnow()
    if client.last_used_at is None or now - client.last_used_at > TOUCH_INTERVAL:
        _touch(client, now)
    return client


def current_client() -> ApiClient:
    """The client making this request (set by ``api_scope_required``)."""
    client: ApiClient = g.api_client
    return client


def api_scope_required(*scopes: Scope) -> Callable[[F], F]:
    """The one access check every API view uses: a valid key with any of ``scopes``.

    No key, or a bad or revoked one: 401. A good key without the scope: 403.
    """
    needed = tuple(str(scope) for scope in scopes)

    def decorator(view: F) -> F:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            client = authenticate(request.headers.get("Authorization"))
            if not set(needed) & set(client.scopes):
                record_now(
                    AuditAction.API_SCOPE_DENIED,
                    object_type="api_client",
                    object_id=client.id,
                    detail={"needed": list(needed)},
                )
                raise ApiError(
                    403,
                    f"This API key does not have the scope this needs: {' or '.join(needed)}",
                    headers={
                        "WWW-Authenticate": (
                            f'Bearer realm="{REALM}", error="insufficient_scope", '
                            f'scope="{" ".join(needed)}"'
                        )
                    },
                )
            g.api_client = client
            return view(*args, **kwargs)

        wrapper.access = "api:" + "|".join(needed)  # type: ignore[attr-defined]
        wrapper.scopes = needed  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorator
