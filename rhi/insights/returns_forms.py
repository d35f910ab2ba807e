"""The returns pages' choices: GET forms, so the year or date lives in the URL."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovTextInput
from wtforms import StringField
from wtforms.validators import ValidationError

from rhi.audit.forms import OptionalDateField
from rhi.insights.ssda903 import BadYear, parse_year


class YearForm(FlaskForm):
    class Meta:
        csrf = False  # choosing a year changes nothing

    year = StringField(
        _l("Year starting 1 April"),
        description=_l("For example, 2024 for 1 April 2024 to 31 March 2025"),
        widget=GovTextInput(),
    )

    def validate_year(self, field: StringField) -> None:
        if not (field.data or "").strip():
            return  # the current year
        try:
            parse_year(field.data)
        except BadYear:
            raise ValidationError(
                _l("Enter a year as four digits, for example 2024, from 2000 to 2100")
            ) from None

    def chosen(self, today: date) -> int:
        """The year asked for; by default, the one ``today`` falls in."""
        if not (self.year.data or "").strip():
            return today.year if today.month >= 4 else today.year - 1
        return parse_year(self.year.data)


class AsOfForm(FlaskForm):
    class Meta:
        csrf = False

    as_of = OptionalDateField(_l("As of"), description=_l("For example, 31 3 2025"))

    def chosen(self, today: date) -> date:
        return self.as_of.data or today
