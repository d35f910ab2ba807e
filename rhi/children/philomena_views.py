"""A child in care's Philomena profile: a printable page for the police, and its form."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required
from rhi.children import philomena_services as services
from rhi.children.models import Child
from rhi.children.philomena_forms import PhilomenaForm
from rhi.children.views import LABELS, LONDON, bp
from rhi.database import utcnow
from rhi.domain import RuleBroken


def _child_or_404(child: Child | None) -> Child:
    if child is None:
        abort(404)
    return child


def _age(child: Child) -> int:
    return child.age_on(utcnow().astimezone(LONDON).date())


@bp.route("/<case_ref>/philomena")
@permission_required(Permission.VIEW_CHILDREN)
def show_philomena(case_ref: str) -> ResponseReturnValue:
    child = _child_or_404(services.view_profile(g.user, case_ref))
    profile = child.philomena
    return render_template(
        "children/philomena.html",
        child=child,
        age=_age(child),
        in_care=services.is_in_care(child),
        not_in_care=services.not_in_care_message(),
        profile=profile,
        updated_by=services.last_updated_by(profile) if profile is not None else None,
        can_edit=g.user.can(Permission.RECORD_RHIS),
        **LABELS,
    )


def _render_form(child: Child, form: PhilomenaForm, status: int = 200) -> ResponseReturnValue:
    return (
        render_template(
            "children/philomena-edit.html",
            child=child,
            age=_age(child),
            form=form,
            max_text=services.MAX_SECTION,
            **LABELS,
        ),
        status,
    )


@bp.route("/<case_ref>/philomena/edit", methods=["GET", "POST"])
@permission_required(Permission.RECORD_RHIS)
def edit_philomena(case_ref: str) -> ResponseReturnValue:
    if request.method == "GET":
        # The form shows the profile's text: looking is audited, like the profile page.
        child = _child_or_404(services.view_profile(g.user, case_ref))
    else:
        child = _child_or_404(services.child_for(g.user, case_ref))
    if not services.is_in_care(child):
        # The profile page explains that profiles are for children in care.
        return redirect(url_for("children.show_philomena", case_ref=case_ref))
    if request.method == "GET":
        return _render_form(child, PhilomenaForm.of_profile(child))
    form = PhilomenaForm()
    if not form.validate_on_submit():
        return _render_form(child, form)
    try:
        services.save_profile(
            child, form.answers(), by=g.user, expected_version=form.expected_version()
        )
    except RuleBroken as refused:
        # Someone else saved first: what they typed stays on screen.
        form.show_problem(refused)
        return _render_form(child, form, refused.status)
    flash(_("Philomena profile saved"), "success")
    return redirect(url_for("children.show_philomena", case_ref=case_ref))
