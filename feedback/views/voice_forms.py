"""Forms for sharing young people's words: approving a quote, withdrawing it, the log's entries.

The services (``feedback.voice``) hold the rules and raise ``RuleBroken``
naming the field at fault; ``show_problem`` puts the message against it.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovCheckboxInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)

from feedback.vocabulary import Audience
from feedback.voice import ChangeDetails, QuoteDetails
from feedback.voice_models import ServiceChange, SharedQuote
from nlp.taxonomy import THEMES
from rhi.audit.forms import OptionalDateField
from rhi.domain import RuleBroken

# Where a refusal that is not about one field is shown (a stale save).
VERSION_ANCHOR = "version"


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


def _theme_field(label: Any, description: Any) -> SelectField:
    return SelectField(
        label,
        description=description,
        widget=GovSelect(),
        choices=[SelectChoice("", _l("No theme"))]
        + [SelectChoice(theme.id, _l(theme.name)) for theme in THEMES],
        default="",
        invalid_choice_message=_l("Choose a theme from the list"),
    )


class _ShowsProblems(FlaskForm):
    def show_problem(self, problem: RuleBroken) -> None:
        """A service refusal, shown against the field it names (else the first field)."""
        field = self._fields.get(problem.field or "")
        if field is None:
            field = self._fields.get(VERSION_ANCHOR) or next(iter(self._fields.values()))
        field.errors = [*field.errors, problem.message]


class QuoteForm(_ShowsProblems):
    text = TextAreaField(
        _l("Words to share"),
        description=_l(
            "Names are already shown as initials and numbers hidden. Shorten the words if you "
            "like, and take out anything that could tell someone who said them or where they live."
        ),
        widget=GovTextArea(),
        filters=[_strip],
    )
    audience = RadioField(
        _l("Who said this?"),
        widget=GovRadioInput(),
        choices=[SelectChoice(item.value, item.lazy_label) for item in Audience],
        invalid_choice_message=_l("Select whether a young person or a parent or carer said this"),
    )
    theme = _theme_field(_l("Theme (optional)"), _l("What the words are about"))
    checked = BooleanField(
        _l("I have checked this names no one and could not identify the young person"),
        widget=GovCheckboxInput(),
    )
    submit = SubmitField(_l("Approve for sharing"), widget=GovSubmitInput())

    def details(self) -> QuoteDetails:
        return QuoteDetails(
            text=self.text.data or "",
            audience=self.audience.data or "",
            theme=self.theme.data or None,
            checked=bool(self.checked.data),
        )


class WithdrawForm(_ShowsProblems):
    reason = TextAreaField(
        _l("Why are you withdrawing it?"),
        description=_l("For example, the young person asked us not to use their words"),
        widget=GovTextArea(),
        filters=[_strip],
    )
    submit = SubmitField(_l("Withdraw quote"), widget=GovSubmitInput())


def quote_choice_label(quote: SharedQuote) -> str:
    words = quote.text if len(quote.text) <= 120 else quote.text[:117] + "..."
    return f"\u201c{words}\u201d ({quote.audience_enum.label})"


class ChangeForm(_ShowsProblems):
    you_said = TextAreaField(
        _l("You said"),
        description=_l("What young people or parents told us, in their words or plain words"),
        widget=GovTextArea(),
        filters=[_strip],
    )
    we_did = TextAreaField(
        _l("We did"),
        description=_l("The change the service made, in plain words a young person understands"),
        widget=GovTextArea(),
        filters=[_strip],
    )
    changed_on = OptionalDateField(
        _l("Date of the change"), description=_l("For example, 14 3 2026")
    )
    responsible = StringField(
        _l("Team or service responsible"),
        description=_l("A team or service, not a person's name. For example, the RHI team"),
        widget=GovTextInput(),
        filters=[_strip],
    )
    theme = _theme_field(_l("Theme (optional)"), _l("The theme the change answers"))
    quotes = SelectMultipleField(
        _l("Quotes to show with it (optional)"),
        description=_l("Words approved for sharing. Withdrawn quotes are not shown"),
        widget=GovCheckboxesInput(),
        coerce=int,
        validate_choice=False,  # the service says when a quote cannot be used
    )
    # The entry's version when the form was opened: a later save by someone else wins.
    version = HiddenField()
    submit = SubmitField(_l("Save entry"), widget=GovSubmitInput())

    def __init__(self, *args: Any, quotes: list[SharedQuote], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.quotes.choices = [SelectChoice(q.id, quote_choice_label(q)) for q in quotes]

    @classmethod
    def of_change(cls, change: ServiceChange, quotes: list[SharedQuote]) -> ChangeForm:
        data = {
            "you_said": change.you_said,
            "we_did": change.we_did,
            "changed_on": change.changed_on,
            "responsible": change.responsible,
            "theme": change.theme or "",
            "quotes": [quote.id for quote in change.quotes],
            "version": str(change.version),
        }
        return cls(formdata=None, data=data, quotes=quotes)

    def expected_version(self) -> int:
        try:
            return int(self.version.data or 0)
        except ValueError:
            return -1  # tampered with: no version matches, so nothing is overwritten

    def details(self) -> ChangeDetails:
        return ChangeDetails(
            you_said=self.you_said.data or "",
            we_did=self.we_did.data or "",
            changed_on=self.changed_on.data,
            responsible=self.responsible.data or "",
            theme=self.theme.data or None,
            quote_ids=tuple(self.quotes.data or ()),
        )


class PublishForm(FlaskForm):
    """Publish or unpublish: the version the person saw, so they publish what they read."""

    version = HiddenField()

    def expected_version(self) -> int:
        try:
            return int(self.version.data or 0)
        except ValueError:
            return -1
