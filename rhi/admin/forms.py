"""Forms for staff accounts and teams."""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import RadioField, SelectChoice, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, Length

from rhi.admin.services import StaffFilter
from rhi.auth.models import Team
from rhi.auth.roles import Role

ROLE_CHOICES = [SelectChoice(role.value, role.lazy_label) for role in Role]
ANY = ""
ACTIVE = "active"
DEACTIVATED = "deactivated"


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


def _optional_int(value: object) -> int | None:
    if value is None or value == "":
        return None
    return int(str(value))


def _team_label(team: Team) -> str:
    if team.active:
        return team.name
    return f"{team.name} ({_l('deactivated')})"


class _TeamChoice:
    """A team select whose choices come from the database, set by the view."""

    team: SelectField

    def set_teams(self, teams: Iterable[Team], empty: str) -> None:
        self.team.choices = [SelectChoice(ANY, empty)] + [
            SelectChoice(str(team.id), _team_label(team)) for team in teams
        ]


def _full_name_field() -> StringField:
    return StringField(
        _l("Full name"),
        widget=GovTextInput(),
        filters=[_strip],
        validators=[
            DataRequired(message=_l("Enter their full name")),
            Length(max=120, message=_l("Full name must be 120 characters or fewer")),
        ],
    )


def _role_field() -> RadioField:
    return RadioField(
        _l("Role"),
        description=_l("Only administrators can manage staff and teams and see the audit log"),
        widget=GovRadioInput(),
        choices=ROLE_CHOICES,
        invalid_choice_message=_l("Select a role"),
    )


def _team_field() -> SelectField:
    return SelectField(
        _l("Team"),
        description=_l("RHI workers and team managers must be in a team"),
        widget=GovSelect(),
        coerce=_optional_int,
        invalid_choice_message=_l("Select a team from the list"),
        invalid_value_message=_l("Select a team from the list"),
    )


class AddStaffForm(FlaskForm, _TeamChoice):
    full_name = _full_name_field()
    email = StringField(
        _l("Email address"),
        description=_l("Their work email address. They sign in with it."),
        widget=GovTextInput(),
        filters=[_strip],
        validators=[
            DataRequired(message=_l("Enter their email address")),
            Email(
                message=_l("Enter an email address in the correct format, like name@example.org")
            ),
            Length(max=254, message=_l("Email address must be 254 characters or fewer")),
        ],
    )
    role = _role_field()
    team = _team_field()
    submit = SubmitField(_l("Add staff account"), widget=GovSubmitInput())


class EditStaffForm(FlaskForm, _TeamChoice):
    full_name = _full_name_field()
    role = _role_field()
    team = _team_field()
    submit = SubmitField(_l("Save changes"), widget=GovSubmitInput())


class StaffFilterForm(FlaskForm, _TeamChoice):
    """The filters above the staff list: a GET form, so no CSRF token."""

    class Meta:
        csrf = False

    role = SelectField(
        _l("Role"),
        widget=GovSelect(),
        choices=[SelectChoice(ANY, _l("Any role")), *ROLE_CHOICES],
        default=ANY,
        invalid_choice_message=_l("Select a role from the list"),
    )
    team = SelectField(
        _l("Team"),
        widget=GovSelect(),
        coerce=_optional_int,
        invalid_choice_message=_l("Select a team from the list"),
        invalid_value_message=_l("Select a team from the list"),
    )
    status = SelectField(
        _l("Status"),
        widget=GovSelect(),
        choices=[
            SelectChoice(ANY, _l("Any status")),
            SelectChoice(ACTIVE, _l("Active")),
            SelectChoice(DEACTIVATED, _l("Deactivated")),
        ],
        default=ANY,
        invalid_choice_message=_l("Select a status from the list"),
    )

    def criteria(self) -> StaffFilter:
        return StaffFilter(
            role=Role(self.role.data) if self.role.data else None,
            team_id=self.team.data,
            active={ACTIVE: True, DEACTIVATED: False}.get(self.status.data or ANY),
        )


class TeamForm(FlaskForm):
    name = StringField(
        _l("Team name"),
        widget=GovTextInput(),
        filters=[_strip],
        validators=[
            DataRequired(message=_l("Enter a team name")),
            Length(max=120, message=_l("Team name must be 120 characters or fewer")),
        ],
    )
    submit = SubmitField(_l("Save"), widget=GovSubmitInput())


class ActionForm(FlaskForm):
    """A button that POSTs one action (deactivate, unlock...); it carries only the CSRF token.

    The view uses it to show a refused action in the error summary, linked to ``anchor``.
    """

    submit = SubmitField()

    @classmethod
    def refused(cls, anchor: str, message: str) -> ActionForm:
        form = cls()
        form.submit.id = anchor
        form.submit.errors = [message]
        return form
