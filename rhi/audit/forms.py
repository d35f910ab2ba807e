"""The audit log search form: a GET form, so its filters live in the URL."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovDateInput, GovSelect, GovTextInput
from wtforms import DateField, SelectChoice, SelectField, StringField
from wtforms.validators import Length, ValidationError

from rhi.audit.actions import AuditAction
from rhi.audit.services import AuditFilter

ACTION_LABELS = {
    AuditAction.SIGN_IN: _l("Signed in"),
    AuditAction.SIGN_IN_FAILED: _l("Sign-in failed"),
    AuditAction.SIGN_IN_LOCKED: _l("Account locked after failed sign-ins"),
    AuditAction.SIGN_IN_DEACTIVATED: _l("Sign-in refused: account deactivated"),
    AuditAction.TWO_FACTOR_FAILED: _l("Wrong security code"),
    AuditAction.TWO_FACTOR_SET_UP: _l("Security codes set up"),
    AuditAction.SIGN_OUT: _l("Signed out"),
    AuditAction.SESSION_EXPIRED: _l("Session ended"),
    AuditAction.PASSWORD_CHANGED: _l("Password changed"),
    AuditAction.ACCESS_DENIED: _l("Page refused: no permission"),
    AuditAction.CSRF_FAILED: _l("Form refused: security check failed"),
    AuditAction.RATE_LIMITED: _l("Too many attempts"),
    AuditAction.STAFF_CREATED: _l("Staff account added"),
    AuditAction.STAFF_UPDATED: _l("Staff account changed"),
    AuditAction.STAFF_DEACTIVATED: _l("Staff account deactivated"),
    AuditAction.STAFF_REACTIVATED: _l("Staff account reactivated"),
    AuditAction.STAFF_TWO_FACTOR_RESET: _l("Staff security codes reset"),
    AuditAction.STAFF_UNLOCKED: _l("Staff account unlocked"),
    AuditAction.STAFF_PASSWORD_RESET: _l("Staff password reset"),
    AuditAction.TEAM_CREATED: _l("Team added"),
    AuditAction.TEAM_UPDATED: _l("Team renamed"),
    AuditAction.TEAM_DEACTIVATED: _l("Team deactivated"),
    AuditAction.TEAM_REACTIVATED: _l("Team reactivated"),
    AuditAction.AUDIT_SEARCHED: _l("Audit log searched"),
}


def action_label(action: str) -> str:
    """How an action reads on the page; one with no label yet reads from its name."""
    try:
        return str(ACTION_LABELS[AuditAction(action)])
    except (KeyError, ValueError):
        return action.replace("_", " ").capitalize()


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


class _DateInput(GovDateInput):
    """The GOV.UK date input, with the error summary linking to its day box."""

    def map_gov_params(self, field: Any, **kwargs: Any) -> dict[str, Any]:
        params: dict[str, Any] = super().map_gov_params(field, **kwargs)
        params["id"] = field.name  # the wrapper; the boxes are <name>-day, -month, -year
        return params


class OptionalDateField(DateField):
    """A GOV.UK day, month and year date that may be left blank.

    Errors follow the GOV.UK date input pattern: say which part is missing,
    or that the date is not a real one. The three parts arrive under one name.
    """

    PARTS = ("day", "month", "year")

    def __init__(self, label: Any = None, **kwargs: Any) -> None:
        super().__init__(label, format="%d %m %Y", widget=_DateInput(), **kwargs)
        self.id = f"{self.name}-day"  # where the error summary's link takes you

    def process_formdata(self, valuelist: list[str]) -> None:
        parts = [str(value).strip() for value in valuelist[:3]]
        parts += [""] * (3 - len(parts))
        self.raw_data = parts  # the widget always expects day, month and year
        self.data = None
        if not any(parts):
            return
        missing = [name for name, value in zip(self.PARTS, parts, strict=True) if not value]
        if missing:
            raise ValueError(
                _l("%(label)s must include a %(part)s", label=self.label.text, part=missing[0])
            )
        day, month, year = parts
        if not (day.isdigit() and month.isdigit() and re.fullmatch(r"\d{4}", year)):
            raise ValueError(_l("%(label)s must be a real date", label=self.label.text))
        try:
            self.data = date(int(year), int(month), int(day))
        except ValueError as error:
            raise ValueError(_l("%(label)s must be a real date", label=self.label.text)) from error


class AuditSearchForm(FlaskForm):
    class Meta:
        csrf = False  # a search changes nothing; house rules ask for CSRF on POST only

    action = SelectField(
        _l("Action"),
        widget=GovSelect(),
        choices=[SelectChoice("", _l("Any action"))]
        + [
            SelectChoice(
                action.value,
                ACTION_LABELS[action] if action in ACTION_LABELS else action_label(action),
            )
            for action in AuditAction
        ],
        default="",
        invalid_choice_message=_l("Select an action from the list"),
    )
    actor_email = StringField(
        _l("Staff email address contains"),
        description=_l("Who did it. Part of an address is enough"),
        widget=GovTextInput(),
        filters=[_strip],
        validators=[Length(max=254, message=_l("Email address must be 254 characters or fewer"))],
    )
    object_type = StringField(
        _l("Object type"),
        description=_l("What it was done to, like staff_user or team"),
        widget=GovTextInput(),
        filters=[_strip],
        validators=[Length(max=48, message=_l("Object type must be 48 characters or fewer"))],
    )
    object_id = StringField(
        _l("Object ID"),
        widget=GovTextInput(),
        filters=[_strip],
        validators=[Length(max=64, message=_l("Object ID must be 64 characters or fewer"))],
    )
    date_from = OptionalDateField(_l("Date from"), description=_l("For example, 27 3 2025"))
    date_to = OptionalDateField(_l("Date to"), description=_l("For example, 28 3 2025"))

    def validate_date_to(self, field: OptionalDateField) -> None:
        if field.data and self.date_from.data and field.data < self.date_from.data:
            raise ValidationError(_l("Date to must be the same as or after date from"))

    def criteria(self) -> AuditFilter:
        return AuditFilter(
            action=self.action.data or None,
            actor_email=self.actor_email.data or None,
            object_type=self.object_type.data or None,
            object_id=self.object_id.data or None,
            date_from=self.date_from.data,
            date_to=self.date_to.data,
        )
