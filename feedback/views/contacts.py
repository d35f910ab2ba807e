"""A child's contacts for text messages: who we may text, in which language, and why.

Every look at a child's contacts is audited as a view of the child's record;
adding and changing are audited by the services. A child out of the user's
reach, and a contact that is not that child's, are both "not found".
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy.orm.exc import StaleDataError

from feedback import contacts as services
from feedback import languages
from feedback.models import Contact
from feedback.outbox import opted_out
from feedback.phones import display
from feedback.views.contact_forms import VERSION_ANCHOR, ContactForm
from feedback.vocabulary import Audience, ConsentGivenBy, ConsentMethod
from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required
from rhi.children import viewing
from rhi.children.models import Child
from rhi.children.philomena_services import child_for
from rhi.children.views import LONDON
from rhi.database import utcnow
from rhi.domain import RuleBroken

bp = Blueprint("sms_contacts", __name__)


@dataclass(frozen=True)
class ContactRow:
    """A contact as the list shows it, with what the page needs worked out."""

    contact: Contact
    phone: str
    language: str
    opted_out: bool
    why_not: str | None


def _age(child: Child) -> int:
    return child.age_on(utcnow().astimezone(LONDON).date())


def _viewed_child(case_ref: str) -> Child:
    """The child, if the user may see them; the look is audited like the child's page."""
    child = viewing.view_child(g.user, case_ref)
    if child is None:
        abort(404)
    return child


def _child(case_ref: str) -> Child:
    child = child_for(g.user, case_ref)
    if child is None:
        abort(404)
    return child


def _contact_of(child: Child, contact_id: int) -> Contact:
    for contact in services.contacts_of(child):
        if contact.id == contact_id:
            return contact
    abort(404)


def _render_form(
    child: Child, form: ContactForm, contact: Contact | None = None, status: int = 200
) -> ResponseReturnValue:
    return (
        render_template(
            "feedback/contacts/contact-form.html",
            child=child,
            age=_age(child),
            under_age=_age(child) < services.COMPETENCE_AGE,
            competence_age=services.COMPETENCE_AGE,
            form=form,
            contact=contact,
            version_anchor=VERSION_ANCHOR,
        ),
        status,
    )


@bp.route("/<case_ref>/text-contacts")
@permission_required(Permission.MANAGE_CONTACTS)
def list_contacts(case_ref: str) -> ResponseReturnValue:
    child = _viewed_child(case_ref)
    rows = [
        ContactRow(
            contact=contact,
            phone=display(contact.phone),
            language=languages.name_of(contact.language),
            opted_out=opted_out(contact.phone),
            why_not=services.why_not_texted(contact),
        )
        for contact in services.contacts_of(child)
    ]
    return render_template(
        "feedback/contacts/list.html",
        child=child,
        age=_age(child),
        rows=rows,
        competence_age=services.COMPETENCE_AGE,
        audience_label=lambda code: Audience(code).label,
        given_by_label=lambda code: ConsentGivenBy(code).label if code else "",
        method_label=lambda code: ConsentMethod(code).label if code else "",
    )


@bp.route("/<case_ref>/text-contacts/add", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_CONTACTS)
def add_contact(case_ref: str) -> ResponseReturnValue:
    child = _child(case_ref)
    form = ContactForm()
    if request.method == "GET" or not form.validate_on_submit():
        return _render_form(child, form)
    try:
        services.add_contact(child, form.details(), by=g.user)
    except RuleBroken as refused:
        form.show_problem(refused)
        return _render_form(child, form, status=refused.status)
    flash(_("Contact added"), "success")
    return redirect(url_for("sms_contacts.list_contacts", case_ref=child.case_ref))


@bp.route("/<case_ref>/text-contacts/<int:contact_id>", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_CONTACTS)
def edit_contact(case_ref: str, contact_id: int) -> ResponseReturnValue:
    if request.method == "GET":
        # The form shows the number and consent: looking is audited, like the list.
        child = _viewed_child(case_ref)
        contact = _contact_of(child, contact_id)
        return _render_form(child, ContactForm.of_contact(contact), contact)
    child = _child(case_ref)
    contact = _contact_of(child, contact_id)
    form = ContactForm(editing=True)
    if not form.validate_on_submit():
        return _render_form(child, form, contact)
    try:
        services.change_contact(
            contact, form.details(), by=g.user, expected_version=form.expected_version()
        )
    except StaleDataError:
        # Saved by someone else between our check and our write.
        form.show_problem(RuleBroken(_stale_message(), VERSION_ANCHOR))
        return _render_form(child, form, contact, status=409)
    except RuleBroken as refused:
        if refused.field is None:
            refused.field = VERSION_ANCHOR
        form.show_problem(refused)
        return _render_form(child, form, contact, status=refused.status)
    flash(_("Contact saved"), "success")
    return redirect(url_for("sms_contacts.list_contacts", case_ref=child.case_ref))


def _stale_message() -> str:
    return _(
        "Someone else changed this contact while you were working on it. "
        "Your changes have not been saved."
    )
