"""Administration: staff accounts and teams."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_wtf import FlaskForm

from rhi.admin import services
from rhi.admin.forms import (
    ActionForm,
    AddStaffForm,
    EditStaffForm,
    StaffFilterForm,
    TeamForm,
)
from rhi.auth.models import Team, User
from rhi.auth.roles import Permission, Role
from rhi.auth.sessions import permission_required

bp = Blueprint("admin", __name__)

# Ids of the action buttons, so a refused action's error can link to its button.
DEACTIVATE_BUTTON = "deactivate-account"
DEACTIVATE_TEAM_BUTTON = "deactivate-team"


def _staff_or_404(user_id: int) -> User:
    user = services.find_staff(user_id)
    if user is None:
        abort(404)
    return user


def _team_or_404(team_id: int) -> Team:
    team = services.find_team(team_id)
    if team is None:
        abort(404)
    return team


def _show_refusal(form: FlaskForm, error: services.AdminChangeRefused) -> None:
    form[error.field or "submit"].errors.append(error.message)


# Staff ---------------------------------------------------------------------


@bp.route("/staff")
@permission_required(Permission.MANAGE_STAFF)
def list_staff() -> ResponseReturnValue:
    form = StaffFilterForm(formdata=request.args)
    form.set_teams((summary.team for summary in services.list_teams()), _("Any team"))
    criteria = form.criteria() if form.validate() else services.StaffFilter()
    return render_template(
        "admin/staff-list.html",
        form=form,
        staff=services.list_staff(criteria),
        filtered=criteria != services.StaffFilter(),
        is_locked=services.is_locked,
    )


@bp.route("/staff/new", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_STAFF)
def add_staff() -> ResponseReturnValue:
    form = AddStaffForm()
    form.set_teams(services.teams_to_choose(), _("No team"))
    if form.validate_on_submit():
        try:
            added = services.add_staff(
                full_name=form.full_name.data or "",
                email=form.email.data or "",
                role=Role(form.role.data),
                team_id=form.team.data,
            )
        except services.AdminChangeRefused as error:
            _show_refusal(form, error)
        else:
            # Shown in this response only: never in a URL, a flash or the session.
            return render_template("admin/staff-added.html", added=added)
    return render_template("admin/staff-new.html", form=form)


def _staff_data(user: User) -> dict[str, object]:
    return {"full_name": user.full_name, "role": user.role, "team": user.team_id}


def _render_staff(user: User, form: FlaskForm | None = None) -> ResponseReturnValue:
    """The staff account page; ``form`` is whichever form has errors to summarise."""
    details = form if isinstance(form, EditStaffForm) else None
    if details is None:
        details = EditStaffForm(formdata=None, data=_staff_data(user))
        details.set_teams(services.teams_to_choose(user.team), _("No team"))
    return render_template(
        "admin/staff-edit.html",
        user=user,
        details=details,
        form=form or details,
        locked=services.is_locked(user),
        is_self=user.id == g.user.id,
        deactivate_button=DEACTIVATE_BUTTON,
    )


@bp.route("/staff/<int:user_id>", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_STAFF)
def edit_staff(user_id: int) -> ResponseReturnValue:
    user = _staff_or_404(user_id)
    form = EditStaffForm(data=_staff_data(user))
    form.set_teams(services.teams_to_choose(user.team), _("No team"))
    if form.validate_on_submit():
        try:
            services.update_staff(
                user,
                full_name=form.full_name.data or "",
                role=Role(form.role.data),
                team_id=form.team.data,
                by=g.user,
            )
        except services.AdminChangeRefused as error:
            _show_refusal(form, error)
        else:
            flash(_("Changes saved."), "success")
            return redirect(url_for("admin.edit_staff", user_id=user.id))
    return _render_staff(user, form)


@bp.route("/staff/<int:user_id>/deactivate", methods=["POST"])
@permission_required(Permission.MANAGE_STAFF)
def deactivate_staff(user_id: int) -> ResponseReturnValue:
    user = _staff_or_404(user_id)
    try:
        services.deactivate_staff(user, by=g.user)
    except services.AdminChangeRefused as error:
        return _render_staff(user, ActionForm.refused(DEACTIVATE_BUTTON, error.message))
    flash(_("Account deactivated. They have been signed out."), "success")
    return redirect(url_for("admin.edit_staff", user_id=user.id))


@bp.route("/staff/<int:user_id>/reactivate", methods=["POST"])
@permission_required(Permission.MANAGE_STAFF)
def reactivate_staff(user_id: int) -> ResponseReturnValue:
    user = _staff_or_404(user_id)
    services.reactivate_staff(user)
    flash(_("Account reactivated. They can sign in again."), "success")
    return redirect(url_for("admin.edit_staff", user_id=user.id))


@bp.route("/staff/<int:user_id>/unlock", methods=["POST"])
@permission_required(Permission.MANAGE_STAFF)
def unlock_staff(user_id: int) -> ResponseReturnValue:
    user = _staff_or_404(user_id)
    services.unlock_staff(user)
    flash(_("Account unlocked. They can sign in now."), "success")
    return redirect(url_for("admin.edit_staff", user_id=user.id))


@bp.route("/staff/<int:user_id>/reset-security-codes", methods=["POST"])
@permission_required(Permission.MANAGE_STAFF)
def reset_staff_security_codes(user_id: int) -> ResponseReturnValue:
    user = _staff_or_404(user_id)
    services.reset_security_codes(user)
    flash(
        _(
            "Security codes reset. They have been signed out, and will set up "
            "security codes again when they next sign in."
        ),
        "success",
    )
    return redirect(url_for("admin.edit_staff", user_id=user.id))


@bp.route("/staff/<int:user_id>/reset-password", methods=["POST"])
@permission_required(Permission.MANAGE_STAFF)
def reset_staff_password(user_id: int) -> ResponseReturnValue:
    user = _staff_or_404(user_id)
    reset = services.reset_password(user)
    # Shown in this response only: never in a URL, a flash or the session.
    return render_template("admin/staff-password-reset.html", reset=reset)


# Teams ---------------------------------------------------------------------


@bp.route("/teams")
@permission_required(Permission.MANAGE_STAFF)
def list_teams() -> ResponseReturnValue:
    return render_template("admin/team-list.html", teams=services.list_teams())


@bp.route("/teams/new", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_STAFF)
def add_team() -> ResponseReturnValue:
    form = TeamForm()
    if form.validate_on_submit():
        try:
            team = services.add_team(form.name.data or "")
        except services.AdminChangeRefused as error:
            _show_refusal(form, error)
        else:
            flash(_("Team %(name)s added.", name=team.name), "success")
            return redirect(url_for("admin.list_teams"))
    return render_template("admin/team-new.html", form=form)


def _render_team(team: Team, form: FlaskForm | None = None) -> ResponseReturnValue:
    details = (
        form if isinstance(form, TeamForm) else TeamForm(formdata=None, data={"name": team.name})
    )
    return render_template(
        "admin/team-edit.html",
        team=team,
        details=details,
        form=form or details,
        active_members=services.count_active_members(team),
        deactivate_button=DEACTIVATE_TEAM_BUTTON,
    )


@bp.route("/teams/<int:team_id>", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_STAFF)
def edit_team(team_id: int) -> ResponseReturnValue:
    team = _team_or_404(team_id)
    form = TeamForm(data={"name": team.name})
    if form.validate_on_submit():
        try:
            services.rename_team(team, form.name.data or "")
        except services.AdminChangeRefused as error:
            _show_refusal(form, error)
        else:
            flash(_("Team name saved."), "success")
            return redirect(url_for("admin.edit_team", team_id=team.id))
    return _render_team(team, form)


@bp.route("/teams/<int:team_id>/deactivate", methods=["POST"])
@permission_required(Permission.MANAGE_STAFF)
def deactivate_team(team_id: int) -> ResponseReturnValue:
    team = _team_or_404(team_id)
    try:
        services.deactivate_team(team)
    except services.AdminChangeRefused as error:
        return _render_team(team, ActionForm.refused(DEACTIVATE_TEAM_BUTTON, error.message))
    flash(_("Team %(name)s has been deactivated.", name=team.name), "success")
    return redirect(url_for("admin.edit_team", team_id=team.id))


@bp.route("/teams/<int:team_id>/reactivate", methods=["POST"])
@permission_required(Permission.MANAGE_STAFF)
def reactivate_team(team_id: int) -> ResponseReturnValue:
    team = _team_or_404(team_id)
    services.reactivate_team(team)
    flash(_("Team %(name)s has been reactivated.", name=team.name), "success")
    return redirect(url_for("admin.edit_team", team_id=team.id))
