"""Loading and reading reference data (districts are configuration, not code)."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa

from rhi.database import transactional
from rhi.extensions import db
from rhi.reference.models import District

NOTTINGHAMSHIRE = Path(__file__).with_name("nottinghamshire-districts.json")


@transactional
def load_districts(path: Path = NOTTINGHAMSHIRE) -> int:
    """Add the districts listed in ``path`` that are not there yet; return how many."""
    wanted = json.loads(path.read_text(encoding="utf-8"))
    existing = set(db.session.scalars(sa.select(District.code)))
    added = 0
    for row in wanted:
        if row["code"] not in existing:
            db.session.add(District(code=row["code"], name=row["name"]))
            added += 1
    return added


def list_districts() -> list[District]:
    return list(db.session.scalars(sa.select(District).order_by(District.name)))
