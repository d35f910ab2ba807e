"""Choosing a panel pack: a GET form, so the panel and month live in the URL."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovTextInput
from wtforms import RadioField, SelectChoice, StringField
from wtforms.validators import InputRequired, ValidationError

from rhi.insights.filters import Month
from rhi.insights.panel import BadMonth, PanelKind, parse_month


class PanelForm(FlaskForm):
    class Meta:
        csrf = False  # choosing a pack changes nothing

    panel = RadioField(
        _l("Panel"),
        widget=GovRadioInput(),
        choices=[SelectChoice(kind.value, kind.lazy_label) for kind in PanelKind],
        validators=[InputRequired(message=_l("Select a panel"))],
        invalid_choice_message=_l("Select a panel from the list"),
    )
    month = StringField(
        _l("Month"),
        description=_l("Year and month, for example 2026-10 for October 2026"),
        widget=GovTextInput(),
    )

    def validate_month(self, field: StringField) -> None:
        try:
            parse_month(field.data)
        except BadMonth as error:
            raise ValidationError(error.message) from None

    def chosen(self) -> tuple[PanelKind, Month]:
        """The panel and month asked for (after ``validate``); a blank month is last month."""
        return PanelKind(self.panel.data), parse_month(self.month.data)
