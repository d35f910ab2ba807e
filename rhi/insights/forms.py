"""The Insight filter form: a GET form, so every filter lives in the URL.

Dates come either from the GOV.UK date inputs (day, month and year under one
name) or, in links the pages write, as one ISO date (``2026-03-31``).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSelect, GovTextInput
from wtforms import SelectChoice, SelectField, StringField
from wtforms.validators import ValidationError

from rhi.audit.forms import OptionalDateField
from rhi.children.vocabulary import Gender, LegalStatus
from rhi.insights.filters import (
    AgeBand,
    InsightFilter,
    add_months,
    default_range,
    first_of_month,
    uk_today,
)
from rhi.insights.timeliness import Breakdown

# Longer ranges would be slow to chart and are better served by the annual tables.
MAX_YEARS = 10
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class FilterDateField(OptionalDateField):
    """A GOV.UK date input that also takes one ISO date, as written in links."""

    def process_formdata(self, valuelist: list[str]) -> None:
        if len(valuelist) == 1 and ISO_DATE.fullmatch(str(valuelist[0]).strip()):
            text = str(valuelist[0]).strip()
            year, month, day = text.split("-")
            super().process_formdata([day, month, year])
            return
        super().process_formdata(valuelist)


def _any(label: object) -> list[SelectChoice]:
    return [SelectChoice("", label)]


class InsightFilterForm(FlaskForm):
    class Meta:
        csrf = False  # a filter changes nothing

    returned_from = FilterDateField(_l("Returned from"), description=_l("For example, 1 4 2026"))
    returned_to = FilterDateField(_l("Returned to"), description=_l("For example, 31 3 2027"))
    district = SelectField(
        _l("District"),
        widget=GovSelect(),
        default="",
        invalid_choice_message=_l("Select a district from the list"),
    )
    legal_status = SelectField(
        _l("Legal status"),
        widget=GovSelect(),
        choices=_any(_l("Any legal status"))
        + [SelectChoice(status.value, status.lazy_label) for status in LegalStatus],
        default="",
        invalid_choice_message=_l("Select a legal status from the list"),
    )
    age_band = SelectField(
        _l("Age at return"),
        widget=GovSelect(),
        choices=_any(_l("Any age"))
        + [SelectChoice(band.value, band.lazy_label) for band in AgeBand],
        default="",
        invalid_choice_message=_l("Select an age band from the list"),
    )
    gender = SelectField(
        _l("Gender"),
        widget=GovSelect(),
        choices=_any(_l("Any gender"))
        + [SelectChoice(gender.value, gender.lazy_label) for gender in Gender],
        default="",
        invalid_choice_message=_l("Select a gender from the list"),
    )
    ethnicity = SelectField(
        _l("Ethnicity"),
        widget=GovSelect(),
        default="",
        invalid_choice_message=_l("Select an ethnicity from the list"),
    )
    by = SelectField(
        _l("Break down by"),
        widget=GovSelect(),
        choices=[SelectChoice(breakdown.value, breakdown.lazy_label) for breakdown in Breakdown],
        default=Breakdown.DISTRICT.value,
        invalid_choice_message=_l("Select how to break the figures down from the list"),
    )

    def __init__(
        self,
        *args: object,
        districts: list[tuple[str, str]],
        ethnicities: list[str],
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.district.choices = _any(_l("Any district")) + [
            SelectChoice(code, name) for code, name in districts
        ]
        self.ethnicity.choices = _any(_l("Any ethnicity")) + [
            SelectChoice(value, value) for value in ethnicities
        ]

    def validate_returned_to(self, field: FilterDateField) -> None:
        start = self.returned_from.data
        if field.data and start and field.data < start:
            raise ValidationError(_l("Returned to must be the same as or after returned from"))

    def validate(self, extra_validators: Any = None) -> bool:
        if not super().validate(extra_validators):
            return False
        criteria = self.insight_filter()
        if criteria.returned_to >= add_months(criteria.returned_from, 12 * MAX_YEARS):
            self.returned_from.errors = [
                str(_l("The dates must be %(years)d years apart or less", years=MAX_YEARS))
            ]
            return False
        return True

    def breakdown(self) -> Breakdown:
        return Breakdown(self.by.data or Breakdown.DISTRICT.value)

    def insight_filter(self) -> InsightFilter:
        """The filter the form describes; blank dates mean the 12 months up to today."""
        _start, today = default_range()
        end = self.returned_to.data or max(today, self.returned_from.data or today)
        start = self.returned_from.data or add_months(first_of_month(end), -11)
        return InsightFilter(
            returned_from=start,
            returned_to=end,
            district=self.district.data or None,
            legal_status=self.legal_status.data or None,
            age_band=self.age_band.data or None,
            gender=self.gender.data or None,
            ethnicity=self.ethnicity.data or None,
        )


class FoiForm(FlaskForm):
    """The financial year of the FOI answer: ``year`` is the year it starts on 1 April."""

    class Meta:
        csrf = False

    year = StringField(
        _l("Financial year starting in"),
        description=_l("For example, 2025 for 1 April 2025 to 31 March 2026"),
        widget=GovTextInput(),
        filters=[lambda value: value.strip() if isinstance(value, str) else value],
    )

    def validate_year(self, field: StringField) -> None:
        if not field.data:
            return
        if not re.fullmatch(r"\d{4}", field.data):
            raise ValidationError(_l("Enter the year as 4 digits, like 2025"))
        if not 2000 <= int(field.data) <= uk_today().year:
            raise ValidationError(_l("Enter a year from 2000 to %(year)d", year=uk_today().year))

    def financial_year(self, today: date | None = None) -> int:
        """The chosen year, or the last financial year to have ended."""
        if self.year.data:
            return int(self.year.data)
        today = today or uk_today()
        return today.year - 1 if today.month >= 4 else today.year - 2
