"""Recording missing episodes and returns.

A return starts the 72-hour clock: it creates the Return Home Interview, due
72 hours (elapsed) after the return.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _

from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.auth.models import User
from rhi.children.models import Child
from rhi.database import transactional, utcnow
from rhi.domain import Conflict, RuleBroken
from rhi.episodes.models import Episode, Place
from rhi.episodes.vocabulary import Category, RiskGrade
from rhi.extensions import db
from rhi.interviews.models import ReturnInterview
from rhi.interviews.services import request_interview
from rhi.meetings.services import apply_repeat_rule

# Clocks differ: a time this little in the future is taken as "now".
CLOCK_SKEW = timedelta(minutes=5)


def _not_in_future(moment: datetime, field: str, what: str) -> None:
    if moment > utcnow() + CLOCK_SKEW:
        raise RuleBroken(_("%(what)s must not be in the future", what=what), field)


def _short_text(value: str | None, limit: int, field: str, what: str) -> str | None:
    value = " ".join((value or "").split()) or None
    if value is not None and len(value) > limit:
        raise RuleBroken(_("%(what)s must be %(n)s characters or fewer", what=what, n=limit), field)
    return value


def _overlapping(child: Child, start: datetime, end: datetime | None) -> Episode | None:
    """An episode of ``child`` that overlaps [start, end) (end None: still missing)."""
    query = sa.select(Episode).where(
        Episode.child_id == child.id,
        sa.or_(Episode.returned_at.is_(None), Episode.returned_at > start),
    )
    if end is not None:
        query = query.where(Episode.started_at < end)
    return db.session.scalars(query.order_by(Episode.started_at).limit(1)).first()


def parse_category(value: str, child: Child) -> Category:
    try:
        category = Category(value.strip().upper())
    except ValueError:
        raise RuleBroken(
            _("Category must be M (missing) or A (away without authorisation)"), "category"
        ) from None
    if category is Category.AWAY and not child.legal_status_enum.in_care:
        raise RuleBroken(
            _("Away from placement (A) is only for looked-after children; use M"), "category"
        )
    return category


def parse_risk_grade(value: str) -> RiskGrade:
    try:
        return RiskGrade.parse(value)
    except ValueError:
        raise RuleBroken(
            _("Risk grade must be very low, low, medium or high"), "risk_grade"
        ) from None


@transactional
def record_episode(
    child: Child,
    *,
    started_at: datetime,
    category: str,
    risk_grade: str,
    police_reference: str | None = None,
    reported_by: str | None = None,
    source: str = "form",
    by: User | None = None,
) -> Episode:
    """Record that ``child`` went missing; applies the repeat-missing rule."""
    _not_in_future(started_at, "started_at", _("The time they went missing"))
    parsed_category = parse_category(category, child)
    grade = parse_risk_grade(risk_grade)
    police_reference = _short_text(police_reference, 40, "police_reference", _("Police reference"))
    reported_by = _short_text(reported_by, 120, "reported_by", _("Who reported it"))
    clash = _overlapping(child, started_at, None)
    if clash is not None:
        raise Conflict(
            _(
                "This child already has an episode that overlaps this time (episode %(id)s)",
                id=clash.id,
            ),
            "started_at",
        )
    episode = Episode(
        child=child,
        started_at=started_at,
        category=parsed_category,
        risk_grade=grade,
        police_reference=police_reference,
        reported_by=reported_by,
        source=source,
    )
    db.session.add(episode)
    db.session.flush()
    record(AuditAction.EPISODE_RECORDED, object_type="episode", object_id=episode.id, actor=by)
    apply_repeat_rule(child, episode)
    return episode


PLACE_NAME_MAX = 160


def place_key(name: str) -> str:
    """How place names are compared: case, punctuation and spacing ignored."""
    # Lower-casing can lengthen a name ("İ" becomes two characters): cut to fit.
    return " ".join(re.sub(r"[^\w\s]", " ", name.lower()).split())[:PLACE_NAME_MAX]


def find_or_add_place(name: str, district_id: int | None) -> Place:
    name = " ".join(name.split())
    if len(name) > PLACE_NAME_MAX:
        raise RuleBroken(
            _("Where they were found must be %(n)s characters or fewer", n=PLACE_NAME_MAX),
            "found_location",
        )
    key = place_key(name)
    place = db.session.scalar(
        sa.select(Place).where(Place.match_key == key, Place.district_id == district_id)
    )
    if place is None:
        place = Place(name=name, match_key=key, district_id=district_id)
        db.session.add(place)
        db.session.flush()
    return place


@transactional
def record_return(
    episode: Episode,
    *,
    returned_at: datetime,
    found_location: str | None = None,
    found_with: str | None = None,
    how_returned: str | None = None,
    by: User | None = None,
) -> ReturnInterview:
    """Record the child's return and request their Return Home Interview."""
    if episode.returned_at is not None:
        raise Conflict(_("This episode already has a return recorded"), "returned_at")
    if returned_at < episode.started_at:
        raise RuleBroken(_("The return must be after the child went missing"), "returned_at")
    _not_in_future(returned_at, "returned_at", _("The time they returned"))
    episode.returned_at = returned_at
    if found_location and found_location.strip():
        episode.found_place = find_or_add_place(found_location, episode.child.district_id)
    episode.found_with = _short_text(found_with, 200, "found_with", _("Who they were with"))
    episode.how_returned = _short_text(how_returned, 200, "how_returned", _("How they returned"))
    record(AuditAction.EPISODE_RETURNED, object_type="episode", object_id=episode.id, actor=by)
    return request_interview(episode, by=by)
