"""Hotspots: the places children were found, by episodes and by children.

For the monthly Multiple Missing and Hotspots panel. Places are the
de-duplicated ``Place`` rows an episode's return names (rhi.episodes); the
filter's dates apply to the return.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from rhi.children.models import Child
from rhi.episodes.models import Episode, Place
from rhi.extensions import db
from rhi.insights.filters import InsightFilter, apply_filter
from rhi.reference.models import District

# The panel looks at the top of the list; the CSV has the same rows.
MOST_PLACES = 50


@dataclass(frozen=True)
class Hotspot:
    place: str
    district: str | None
    episodes: int
    children: int


def hotspots(
    criteria: InsightFilter, limit: int = MOST_PLACES, among: Collection[int] | None = None
) -> list[Hotspot]:
    """Places by the returns found there (most first), with how many children, in SQL.

    ``among`` (child ids) narrows the count to those children's returns: a panel's children.
    """
    episodes = sa.func.count(Episode.id)
    children = sa.func.count(sa.distinct(Episode.child_id))
    columns: list[Any] = [Place.name, District.name, episodes, children]
    query = (
        sa.select(*columns)
        .select_from(Episode)
        .join(Child, Child.id == Episode.child_id)
        .join(Place, Place.id == Episode.found_place_id)
        .outerjoin(District, District.id == Place.district_id)
        .group_by(Place.id, Place.name, District.name)
        .order_by(episodes.desc(), children.desc(), Place.name)
        .limit(limit)
    )
    if among is not None:
        query = query.where(Episode.child_id.in_(list(among)))
    rows = db.session.execute(apply_filter(query, criteria)).all()
    return [
        Hotspot(place, district, int(count), int(kids)) for place, district, count, kids in rows
    ]
