"""The survey results page's filter: a GET form, so the dates live in the URL.

Dates come from the GOV.UK date inputs or, in links the page writes (the CSV
downloads), as one ISO date. Blank dates mean the 12 months up to today, as
on the Insight pages.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms.validators import ValidationError

from feedback.results import Period
from rhi.insights.filters import add_months, first_of_month, uk_today
from rhi.insights.forms import MAX_YEARS, FilterDateField


class PeriodForm(FlaskForm):
    class Meta:
        csrf = False  # a filter changes nothing

    started_from = FilterDateField(_l("Started from"), description=_l("For example, 1 4 2026"))
    started_to = FilterDateField(_l("Started to"), description=_l("For example, 30 4 2026"))

    def validate_started_to(self, field: FilterDateField) -> None:
        if field.data and self.started_from.data and field.data < self.started_from.data:
            raise ValidationError(_l("Started to must be the same as or after started from"))

    def validate(self, extra_validators: Any = None) -> bool:
        if not super().validate(extra_validators):
            return False
        period = self.period()
        assert period.start is not None and period.end is not None
        if period.end >= add_months(period.start, 12 * MAX_YEARS):
            self.started_from.errors = [
                str(_l("The dates must be %(years)d years apart or less", years=MAX_YEARS))
            ]
            return False
        return True

    @property
    def chosen(self) -> bool:
        """Whether the person chose any dates (rather than the default 12 months)."""
        return self.started_from.data is not None or self.started_to.data is not None

    def period(self) -> Period:
        """The dates chosen; blank ones mean the 12 months up to today."""
        today = uk_today()
        end = self.started_to.data or max(today, self.started_from.data or today)
        start = self.started_from.data or add_months(first_of_month(end), -11)
        return Period(start=start, end=end)
