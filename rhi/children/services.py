"""Children's records: creating, updating, finding and viewing (always audited)."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.auth.models import User
from rhi.children.models import Child
from rhi.children.vocabulary import Gender, LegalStatus, Vulnerability
from rhi.database import transactional
from rhi.domain import RuleBroken
from rhi.extensions import db
from rhi.reference.models import District

CASE_REF_MAX = 32
OPTIONAL_TEXT = {"ethnicity": 64, "placement_type": 80, "placement_provider": 120, "school": 120}


def find_child(case_ref: str) -> Child | None:
    return db.session.scalar(sa.select(Child).where(Child.case_ref == case_ref))


def _text(
    data: dict[str, Any], field: str, label: str, max_length: int, required: bool
) -> str | None:
    value = data.get(field)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise RuleBroken(_("Enter the child's %(label)s", label=label), field)
        return None
    if not isinstance(value, str):
        raise RuleBroken(_("%(label)s must be text", label=label.capitalize()), field)
    value = " ".join(value.split())
    if len(value) > max_length:
        raise RuleBroken(
            _(
                "%(label)s must be %(n)s characters or fewer",
                label=label.capitalize(),
                n=max_length,
            ),
            field,
        )
    return value


def _choice(data: dict[str, Any], field: str, choices: type, message: str) -> str:
    try:
        return str(choices(str(data.get(field, "")).strip().lower()))
    except ValueError:
        raise RuleBroken(message, field) from None


def _date_of_birth(data: dict[str, Any]) -> date:
    raw = data.get("date_of_birth")
    try:
        born = date.fromisoformat(str(raw))
    except ValueError:
        raise RuleBroken(
            _("Date of birth must be a real date, like 2010-04-23"), "date_of_birth"
        ) from None
    if born > date.today():
        raise RuleBroken(_("Date of birth must be in the past"), "date_of_birth")
    if born.year < 1990:
        raise RuleBroken(_("Date of birth is too long ago for a child's record"), "date_of_birth")
    return born


def _district(data: dict[str, Any]) -> District:
    code = str(data.get("district") or "").strip().lower()
    district = db.session.scalar(sa.select(District).where(District.code == code, District.active))
    if district is None:
        raise RuleBroken(_("District is not one this council knows"), "district")
    return district


def _vulnerabilities(data: dict[str, Any]) -> list[str]:
    values = data.get("vulnerabilities") or []
    if not isinstance(values, list):
        raise RuleBroken(_("Vulnerabilities must be a list"), "vulnerabilities")
    try:
        return sorted({str(Vulnerability(str(v))) for v in values})
    except ValueError:
        known = ", ".join(v.value for v in Vulnerability)
        raise RuleBroken(
            _("Vulnerabilities must be from: %(known)s", known=known), "vulnerabilities"
        ) from None


def validate_case_ref(case_ref: str) -> str:
    case_ref = case_ref.strip()
    if not case_ref or len(case_ref) > CASE_REF_MAX or not case_ref.replace("-", "").isalnum():
        raise RuleBroken(_("Case reference must be 1 to 32 letters, digits or hyphens"), "case_ref")
    return case_ref


@transactional
def save_child(case_ref: str, data: dict[str, Any], by: User | None = None) -> tuple[Child, bool]:
    """Create or update the child with ``case_ref``; returns (child, created)."""
    case_ref = validate_case_ref(case_ref)
    values: dict[str, Any] = {
        "given_name": _text(data, "given_name", _("given name"), 80, required=True),
        "family_name": _text(data, "family_name", _("family name"), 80, required=True),
        "date_of_birth": _date_of_birth(data),
        "gender": _choice(
            data, "gender", Gender, _("Gender must be female, male, non_binary or not_known")
        ),
        "legal_status": _choice(
            data, "legal_status", LegalStatus, _("Legal status must be home, cin, cp or lac")
        ),
        "vulnerabilities": _vulnerabilities(data),
    }
    for field, max_length in OPTIONAL_TEXT.items():
        values[field] = _text(data, field, field.replace("_", " "), max_length, required=False)
    district = _district(data)
    child = find_child(case_ref)
    created = child is None
    if child is None:
        child = Child(case_ref=case_ref)
        db.session.add(child)
    for field, value in values.items():
        setattr(child, field, value)
    child.district = district
    if created or child.team_id is None:
        child.team_id = district.team_id
    db.session.flush()
    record(
        AuditAction.CHILD_CREATED if created else AuditAction.CHILD_UPDATED,
        object_type="child",
        object_id=child.id,
        actor=by,
    )
    return child, created
