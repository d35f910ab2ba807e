"""Forms on the SMS simulator: choosing a phone, and replying as it."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount, GovSubmitInput, GovTextInput
from wtforms import StringField, SubmitField, TextAreaField

from feedback.views.inbox_forms import keep_whole
from rhi.domain import RuleBroken


class PhoneForm(FlaskForm):
    phone = StringField(
        _l("Mobile number"),
        description=_l("For example, 07700 900123"),
        widget=GovTextInput(),
        filters=[keep_whole],
    )
    submit = SubmitField(_l("Open this phone"), widget=GovSubmitInput())

    def show_refusal(self, error: RuleBroken) -> None:
        self.phone.errors = [*self.phone.errors, error.message]


class SimulatedReplyForm(FlaskForm):
    body = TextAreaField(
        _l("Reply as this phone"),
        widget=GovCharacterCount(),
        filters=[keep_whole],
    )
    submit = SubmitField(_l("Send reply"), widget=GovSubmitInput())
