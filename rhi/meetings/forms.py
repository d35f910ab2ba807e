"""Recording a repeat-missing meeting: when it was held and what it decided."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextArea
from wtforms import SubmitField, TextAreaField

from rhi.audit.forms import OptionalDateField
from rhi.domain import RuleBroken


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


class MeetingForm(FlaskForm):
    held_on = OptionalDateField(_l("Date of the meeting"), description=_l("For example, 27 3 2026"))
    outcome = TextAreaField(
        _l("Outcome"),
        description=_l("What the meeting decided, who will do what, and by when"),
        widget=GovTextArea(),
        filters=[_strip],
    )
    submit = SubmitField(_l("Save the outcome"), widget=GovSubmitInput())

    def show_refusal(self, error: RuleBroken) -> None:
        """Put a service's refusal on the field it names (or the button)."""
        field = self._fields.get(error.field or "") or self.submit
        field.errors = [*field.errors, error.message]
