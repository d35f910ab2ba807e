"""What each API request does, in one transaction, through the domain services.

Writes go through the same services as the web pages (so the same rules and
the same audit rows apply), with no staff actor. ``run_idempotent`` makes a
POST sent with an ``Idempotency-Key`` happen once however often it is retried.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from rhi.api.models import ApiClient, IdempotencyRecord
from rhi.api.schemas import episode_json, rhi_json
from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.children.services import find_child, save_child
from rhi.database import transactional, utcnow
from rhi.domain import NotFound, RuleBroken
from rhi.episodes.models import Episode
from rhi.episodes.services import record_episode, record_return
from rhi.extensions import db

SOURCE = "api"  # Episode.source for episodes recorded through the API
# How long a POST's answer is kept for retries with the same Idempotency-Key.
IDEMPOTENCY_KEEP = timedelta(days=7)


@dataclass(frozen=True)
class Outcome:
    """A response to send: its status and JSON body, and whether it is a replay."""

    status: int
    body: dict[str, Any]
    replayed: bool = False


def put_child(case_ref: str, values: dict[str, Any]) -> Outcome:
    """Create or replace the child's details: 201 when created, 200 when updated."""
    try:
        child, created = save_child(case_ref, values, by=None)
    except IntegrityError:
        # Another request created this child between our look-up and our insert
        # (the first has committed): this one is now an update.
        child, created = save_child(case_ref, values, by=None)
    return Outcome(201 if created else 200, child.as_dict())


def create_episode(
    client: ApiClient, values: dict[str, Any], *, idempotency_key: str | None, fingerprint: str
) -> Outcome:
    def work() -> Outcome:
        child = find_child(values["case_ref"])
        if child is None:
            raise RuleBroken(
                "No child has this case reference. Add them first with PUT /api/v1/children/"
                "{case_ref}",
                "case_ref",
            )
        episode = record_episode(
            child,
            started_at=values["started_at"],
            category=values["category"],
            risk_grade=values["risk_grade"],
            police_reference=values["police_reference"],
            reported_by=values["reported_by"],
            source=SOURCE,
        )
        return Outcome(201, episode_json(episode))

    return run_idempotent(client, idempotency_key, fingerprint, work)


def _episode(episode_id: int) -> Episode:
    episode = db.session.get(Episode, episode_id)
    if episode is None:
        raise NotFound("There is no episode with that id")
    return episode


def return_episode(
    client: ApiClient,
    episode_id: int,
    values: dict[str, Any],
    *,
    idempotency_key: str | None,
    fingerprint: str,
) -> Outcome:
    def work() -> Outcome:
        episode = _episode(episode_id)
        rhi = record_return(
            episode,
            returned_at=values["returned_at"],
            found_location=values["found_location"],
            found_with=values["found_with"],
            how_returned=values["how_returned"],
        )
        return Outcome(200, {"episode": episode_json(episode), "rhi": rhi_json(rhi)})

    return run_idempotent(client, idempotency_key, fingerprint, work)


@transactional
def view_episode(client: ApiClient, episode_id: int) -> dict[str, Any]:
    """The episode and its RHI. Reading a child's record is audited, like any view of it."""
    episode = _episode(episode_id)
    record(
        AuditAction.CHILD_VIEWED,
        object_type="child",
        object_id=episode.child_id,
        detail={"episode_id": episode.id, "api_client": client.name},
    )
    return {**episode_json(episode), "rhi": rhi_json(episode.rhi)}


@transactional
def purge_idempotency_records(now: datetime | None = None) -> int:
    """Forget answers older than ``IDEMPOTENCY_KEEP``: a retry comes long before that."""
    cutoff = (now or utcnow()) - IDEMPOTENCY_KEEP
    result = db.session.execute(
        sa.delete(IdempotencyRecord)
        .where(IdempotencyRecord.created_at < cutoff)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _hash(fingerprint: str) -> str:
    return hashlib.sha256(fingerprint.encode("utf-8", "surrogatepass")).hexdigest()


def _stored(client_id: int, key: str) -> IdempotencyRecord | None:
    return db.session.scalar(
        sa.select(IdempotencyRecord).where(
            IdempotencyRecord.api_client_id == client_id, IdempotencyRecord.key == key
        )
    )


def _replay(stored: IdempotencyRecord, request_hash: str) -> Outcome:
    if stored.request_hash != request_hash:
        raise RuleBroken(
            "This Idempotency-Key was already used for a different request. "
            "Send a new key with each new request, and the same key only to retry one."
        )
    return Outcome(stored.status_code, dict(stored.response_body), replayed=True)


@transactional
def _perform(work: Callable[[], Outcome]) -> Outcome:
    return work()


@transactional
def _claim_and_perform(
    client_id: int, key: str, request_hash: str, work: Callable[[], Outcome]
) -> Outcome:
    """Claim the key first, then do the work, then keep its answer: all in one transaction.

    The claim is an insert under the (client, key) unique constraint, so a
    concurrent request with the same key waits on it and then fails, rather
    than doing the work a second time.
    """
    claim = IdempotencyRecord(
        api_client_id=client_id, key=key, request_hash=request_hash, status_code=0, response_body={}
    )
    db.session.add(claim)
    db.session.flush()
    outcome = work()
    claim.status_code = outcome.status
    claim.response_body = outcome.body
    return outcome


def run_idempotent(
    client: ApiClient, key: str | None, fingerprint: str, work: Callable[[], Outcome]
) -> Outcome:
    """Do ``work`` once per (client, key); a retry gets the first answer back.

    Only successes are kept: a refused request changed nothing, so it may be
    retried with the same key once fixed.
    """
    if key is None:
        return _perform(work)
    request_hash = _hash(fingerprint)
    client_id = client.id
    stored = _stored(client_id, key)
    if stored is not None:
        return _replay(stored, request_hash)
    try:
        return _claim_and_perform(client_id, key, request_hash, work)
    except IntegrityError:
        # A concurrent request with the same key won the race and has committed.
        stored = _stored(client_id, key)
        if stored is None:
            raise
        return _replay(stored, request_hash)
