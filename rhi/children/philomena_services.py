"""Keeping a child in care's Philomena profile: viewing it and saving changes.

The Philomena Protocol asks for what the police need to find a child in care
who goes missing: a description, the people around them, the places they go
and the numbers they use. Every view is audited like a view of the child's
record; every save is audited without the profile's text.

Two saves must never silently overwrite each other. The form carries the
profile's ``version`` as it was when it was opened; a save from an older
version is refused (and SQLAlchemy's optimistic lock catches the race the
explicit check cannot see). Saving what is already stored, such as a double
click, is not a conflict.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from rhi.audit.actions import AuditAction
from rhi.audit.services import record as audit
from rhi.auth.models import User
from rhi.children.access import visible_children
from rhi.children.models import Child
from rhi.children.philomena import PhilomenaProfile
from rhi.database import transactional
from rhi.domain import Conflict, RuleBroken
from rhi.extensions import db

# Each section's longest text, in characters.
MAX_SECTION = 5_000
SECTIONS = ("description", "associates", "places", "phone_numbers", "other_information")
# What the audit log calls the thing being looked at or changed.
OBJECT_TYPE = "child"


class ProfileEditConflict(Conflict):
    """Someone else saved the profile after this member of staff opened it."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Someone else saved this Philomena profile while you were working on it. "
                "Your changes have not been saved. Copy anything you want to keep, "
                "then reload the page to see their version."
            ),
            "version",
        )


class NotInCare(RuleBroken):
    """Philomena profiles are kept for looked-after children only."""

    def __init__(self) -> None:
        super().__init__(not_in_care_message(), "version")


def not_in_care_message() -> str:
    return _(
        "Philomena profiles are for children in care (looked after). "
        "This child is not recorded as in care, so there is no profile to keep."
    )


@dataclass(frozen=True)
class ProfileAnswers:
    """The profile's sections as entered, without bookkeeping."""

    description: str | None = None
    associates: str | None = None
    places: str | None = None
    phone_numbers: str | None = None
    other_information: str | None = None

    def answered(self) -> list[str]:
        """The names of the sections filled in (never their text: safe for the audit log)."""
        return [item.name for item in fields(self) if getattr(self, item.name)]


def is_in_care(child: Child) -> bool:
    return child.legal_status_enum.in_care


def _visible_child(user: User, case_ref: str) -> Child | None:
    return db.session.scalar(
        sa.select(Child).where(Child.case_ref == case_ref, visible_children(user))
    )


def child_for(user: User, case_ref: str) -> Child | None:
    """The child with ``case_ref`` if ``user`` may see them (not audited: for saving)."""
    return _visible_child(user, case_ref)


@transactional
def view_profile(user: User, case_ref: str) -> Child | None:
    """The child with ``case_ref`` if ``user`` may see them; the look at the profile is audited.

    None alike for a reference that does not exist and a child out of reach.
    """
    child = _visible_child(user, case_ref)
    if child is not None:
        audit(
            AuditAction.PHILOMENA_VIEWED,
            object_type=OBJECT_TYPE,
            object_id=child.id,
            detail={"profile": child.philomena is not None},
            actor=user,
        )
    return child


def current_version(child: Child) -> int:
    """The profile's version, or 0 before the first save: what the form carries."""
    return child.philomena.version if child.philomena is not None else 0


def answers_of(child: Child) -> ProfileAnswers:
    """What is saved so far (nothing, before the first save)."""
    profile = child.philomena
    if profile is None:
        return ProfileAnswers()
    return ProfileAnswers(**{name: getattr(profile, name) for name in SECTIONS})


def last_updated_by(profile: PhilomenaProfile) -> User | None:
    if profile.updated_by_id is None:
        return None
    return db.session.get(User, profile.updated_by_id)


def _already_stored(child: Child, answers: ProfileAnswers) -> bool:
    return child.philomena is not None and answers_of(child) == answers


@transactional
def _save(
    child: Child, answers: ProfileAnswers, *, by: User | None, expected_version: int
) -> PhilomenaProfile:
    if not is_in_care(child):
        raise NotInCare()
    profile = child.philomena
    if profile is not None and _already_stored(child, answers):
        return profile  # a double click: nothing to change, nothing to refuse
    if expected_version != current_version(child):
        raise ProfileEditConflict()
    # Read before adding the profile: loading an expired user would flush it half-filled.
    by_id = by.id if by is not None else None
    created = profile is None
    with db.session.no_autoflush:
        if profile is None:
            profile = PhilomenaProfile(child=child)
            db.session.add(profile)
        for name in SECTIONS:
            setattr(profile, name, getattr(answers, name))
        profile.updated_by_id = by_id
    try:
        db.session.flush()
    except (StaleDataError, IntegrityError) as error:
        raise ProfileEditConflict() from error
    audit(
        AuditAction.PHILOMENA_UPDATED,
        object_type=OBJECT_TYPE,
        object_id=child.id,
        detail={"version": profile.version, "created": created, "answered": answers.answered()},
        actor=by,
    )
    return profile


def save_profile(
    child: Child, answers: ProfileAnswers, *, by: User | None, expected_version: int
) -> PhilomenaProfile:
    """Create or update the child's profile from ``answers``; refused if out of date."""
    try:
        return _save(child, answers, by=by, expected_version=expected_version)
    except ProfileEditConflict:
        # Rolled back: if the winner stored exactly this, nothing has been lost.
        if child.philomena is not None and _already_stored(child, answers):
            return child.philomena
        raise
