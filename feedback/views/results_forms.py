"""The response rates page's filter: a GET form, so the dates live in the URL."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms.validators import ValidationError

from feedback.results import Period
from rhi.audit.forms import OptionalDateField


class PeriodForm(FlaskForm):
    class Meta:
        csrf = False  # a filter changes nothing

    started_from = OptionalDateField(_l("Started from"), description=_l("For example, 1 4 2026"))
    started_to = OptionalDateField(_l("Started to"), description=_l("For example, 30 4 2026"))

    def validate_started_to(self, field: OptionalDateField) -> None:
        if field.data and self.started_from.data and field.data < self.started_from.data:
            raise ValidationError(_l("Started to must be the same as or after started from"))

    def period(self) -> Period:
        return Period(start=self.started_from.data, end=self.started_to.data)
