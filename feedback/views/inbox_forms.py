"""Forms on the inbox pages: a reply written by staff, and the answer about an unknown send."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount, GovSubmitInput
from wtforms import HiddenField, SubmitField, TextAreaField

from rhi.domain import RuleBroken


def keep_whole(value: str | None) -> str | None:
    """The text as typed: one kind of line ending, no blank space at the ends."""
    if not isinstance(value, str):
        return value
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


class ReplyForm(FlaskForm):
    # Length is checked by the service (feedback.inbox.send_reply), which says why.
    body = TextAreaField(
        _l("Your text"),
        description=_l("Do not include anything sensitive: someone else may read the phone."),
        widget=GovCharacterCount(),
        filters=[keep_whole],
    )
    submit = SubmitField(_l("Send text"), widget=GovSubmitInput())

    def show_refusal(self, error: RuleBroken) -> None:
        field = self._fields.get(error.field or "") or self.body
        field.errors = [*field.errors, error.message]


class CheckForm(FlaskForm):
    """Whether a text whose outcome was unknown was sent after all ("yes" or "no")."""

    was_sent = HiddenField()


class CallbackForm(FlaskForm):
    """Nothing to fill in: the button says someone has contacted the person."""
