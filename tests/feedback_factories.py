"""Factories for the SMS side, built through the real services."""

from __future__ import annotations

import itertools

import sqlalchemy as sa

from feedback.contacts import ContactDetails, add_contact
from feedback.models import Contact, SurveyTemplate
from feedback.seed import ensure_shipped_templates
from feedback.vocabulary import Audience, ConsentGivenBy, ConsentMethod
from rhi.auth.models import User
from rhi.children.models import Child
from rhi.extensions import db

# Ofcom's drama range: numbers that are never given to a real phone.
_numbers = itertools.count(900100)


def fresh_mobile() -> str:
    """A UK mobile number from the range kept for drama (07700 900000-900999)."""
    return f"+447700{next(_numbers) % 1000 + 900000:06d}"


def create_contact(
    child: Child,
    by: User,
    *,
    audience: Audience = Audience.CHILD,
    phone: str | None = None,
    language: str = "en",
    consent: bool = True,
    safe_to_text: bool = True,
    name: str | None = None,
) -> Contact:
    return add_contact(
        child,
        ContactDetails(
            audience=audience,
            name=name or ("Young person" if audience is Audience.CHILD else "Mum"),
            phone=phone or fresh_mobile(),
            language=language,
            consent=consent,
            consent_given_by=(
                ConsentGivenBy.YOUNG_PERSON if audience is Audience.CHILD else ConsentGivenBy.PARENT
            )
            if consent
            else None,
            consent_method=ConsentMethod.VERBAL if consent else None,
            competence_note="Understood our texts and how to stop them" if consent else None,
            safe_to_text=safe_to_text,
            safe_to_text_reason="Confirmed with the young person alone" if safe_to_text else None,
        ),
        by=by,
    )


def shipped_templates() -> dict[str, SurveyTemplate]:
    ensure_shipped_templates()
    return {t.name: t for t in db.session.scalars(sa.select(SurveyTemplate))}
