"""Forms for urgent texts: acknowledging one, and saying who is on duty."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextArea, GovTextInput
from wtforms import StringField, SubmitField, TextAreaField

from feedback.views.inbox_forms import keep_whole
from rhi.domain import RuleBroken


class _Refusable(FlaskForm):
    def show_refusal(self, error: RuleBroken) -> None:
        """Put a service's refusal on the field it names (or the button)."""
        field = self._fields.get(error.field or "") or self._fields["submit"]
        field.errors = [*field.errors, error.message]


class AcknowledgeForm(_Refusable):
    # Required, but checked by the service (feedback.alerts.acknowledge), which says why.
    action_taken = TextAreaField(
        _l("What have you done or will you do?"),
        description=_l("For example, rang the young person back, or called the police"),
        widget=GovTextArea(),
        filters=[keep_whole],
    )
    submit = SubmitField(_l("Acknowledge"), widget=GovSubmitInput())


class DutyForm(_Refusable):
    name = StringField(
        _l("Who is on duty"),
        widget=GovTextInput(),
        filters=[keep_whole],
    )
    phone = StringField(
        _l("Their mobile number"),
        description=_l("Urgent texts are sent here as well as shown in Homeward"),
        widget=GovTextInput(),
        filters=[keep_whole],
    )
    submit = SubmitField(_l("Save duty contact"), widget=GovSubmitInput())
