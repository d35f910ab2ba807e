"""A child's contacts for text messages: numbers, language, consent and safe to text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm.exc import StaleDataError

from feedback import languages
from feedback.models import Contact
from feedback.outbox import opted_out
from feedback.phones import to_e164
from feedback.vocabulary import Audience, ConsentGivenBy, ConsentMethod
from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.auth.models import User
from rhi.children.models import Child
from rhi.database import transactional, utcnow
from rhi.domain import Conflict, RuleBroken
from rhi.extensions import db

_STALE = _l(
    "Someone else changed this contact while you were working on it. "
    "Your changes have not been saved."
)

# Below this age a young person's own consent needs the worker's competence judgement.
COMPETENCE_AGE = 16


@dataclass(frozen=True)
class ContactDetails:
    """What a worker enters about a contact (the form and the demo both build this)."""

    audience: Audience
    name: str
    phone: str
    language: str
    consent: bool
    consent_given_by: ConsentGivenBy | None = None
    consent_method: ConsentMethod | None = None
    competence_note: str | None = None
    safe_to_text: bool = False
    safe_to_text_reason: str | None = None
    active: bool = True


def contacts_of(child: Child) -> list[Contact]:
    return list(
        db.session.scalars(
            sa.select(Contact).where(Contact.child_id == child.id).order_by(Contact.id)
        )
    )


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def _check(child: Child, details: ContactDetails, today: date) -> str:
    phone = to_e164(details.phone)
    if not details.name.strip():
        raise RuleBroken(_("Enter who this is, for example Mum or the young person's name"), "name")
    if details.language not in languages.available():
        raise RuleBroken(_("Choose a language we can text in"), "language")
    if details.consent:
        if details.consent_given_by is None:
            raise RuleBroken(_("Select who gave consent"), "consent_given_by")
        if details.consent_method is None:
            raise RuleBroken(_("Select how consent was given"), "consent_method")
        own_consent = (
            details.audience is Audience.CHILD
            and details.consent_given_by is ConsentGivenBy.YOUNG_PERSON
        )
        if (
            own_consent
            and child.age_on(today) < COMPETENCE_AGE
            and not _clean(details.competence_note)
        ):
            raise RuleBroken(
                _(
                    "The young person is under 16: record your judgement that they understand "
                    "what they are agreeing to"
                ),
                "competence_note",
            )
    if details.safe_to_text and not _clean(details.safe_to_text_reason):
        raise RuleBroken(
            _("Say how you know this number is theirs and safe to text"), "safe_to_text_reason"
        )
    return phone


def _apply(contact: Contact, details: ContactDetails, phone: str, by: User) -> None:
    moment = utcnow()
    consent_changed = details.consent != contact.consent or (
        details.consent
        and (contact.consent_given_by, contact.consent_method)
        != (details.consent_given_by, details.consent_method)
    )
    contact.audience = details.audience
    contact.name = details.name.strip()
    contact.phone = phone
    contact.language = details.language
    contact.consent = details.consent
    contact.consent_given_by = details.consent_given_by if details.consent else None
    contact.consent_method = details.consent_method if details.consent else None
    contact.competence_note = _clean(details.competence_note) if details.consent else None
    if consent_changed:
        contact.consent_at = moment if details.consent else None
    if details.safe_to_text != contact.safe_to_text or details.safe_to_text_reason != (
        contact.safe_to_text_reason
    ):
        contact.safe_to_text_at = moment
    contact.safe_to_text = details.safe_to_text
    contact.safe_to_text_reason = _clean(details.safe_to_text_reason)
    contact.active = details.active
    contact.updated_by = by


def _audit_detail(contact: Contact) -> dict[str, object]:
    # The audit row says what changed, never the number itself.
    return {
        "contact_id": contact.id,
        "audience": contact.audience,
        "language": contact.language,
        "consent": contact.consent,
        "safe_to_text": contact.safe_to_text,
        "active": contact.active,
    }


@transactional
def add_contact(child: Child, details: ContactDetails, *, by: User) -> Contact:
    phone = _check(child, details, utcnow().date())
    contact = Contact(child=child)
    _apply(contact, details, phone, by)
    db.session.add(contact)
    db.session.flush()
    record(
        AuditAction.SMS_CONTACT_ADDED,
        object_type="child",
        object_id=child.id,
        detail=_audit_detail(contact),
    )
    return contact


@transactional
def change_contact(
    contact: Contact, details: ContactDetails, *, by: User, expected_version: int
) -> Contact:
    if contact.version != expected_version:
        raise Conflict(str(_STALE))
    phone = _check(contact.child, details, utcnow().date())
    _apply(contact, details, phone, by)
    try:
        db.session.flush()
    except StaleDataError:
        raise Conflict(str(_STALE)) from None
    record(
        AuditAction.SMS_CONTACT_CHANGED,
        object_type="child",
        object_id=contact.child_id,
        detail=_audit_detail(contact),
    )
    return contact


def why_not_texted(contact: Contact) -> str | None:
    """The reason this contact cannot be sent a survey, or None when they can."""
    if not contact.active:
        return _("The contact is no longer in use")
    if not contact.consent:
        return _("No consent to be texted")
    if not contact.safe_to_text:
        return _("The number is not confirmed safe to text")
    if opted_out(contact.phone):
        return _("The number has opted out (texted STOP)")
    return None
