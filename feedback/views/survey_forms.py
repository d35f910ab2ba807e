"""Forms for survey templates and their questions.

Wording is entered per language: the fields are built for the languages with a
catalogue (``feedback.languages.available``), so adding a catalogue adds a box.
"""

from __future__ import annotations

from typing import Any

from flask import request
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    IntegerField,
    RadioField,
    SelectChoice,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, NumberRange, Optional

from feedback import languages
from feedback.models import SurveyQuestion, SurveyTemplate
from feedback.templates import QuestionDetails, TemplateDetails
from feedback.vocabulary import Audience, QuestionKind, Trigger
from rhi.domain import RuleBroken


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


class _WholeNumber(IntegerField):
    """A whole number whose "not a number" error is the field's own message."""

    def __init__(self, *args: Any, message: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.message = message

    def process_formdata(self, valuelist: list[Any]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(str(self.message)) from None


def _number(label: Any, description: Any, message: Any, required: bool = True) -> IntegerField:
    return _WholeNumber(
        label,
        message=message,
        description=description,
        widget=GovTextInput(),
        validators=[
            InputRequired(message=message) if required else Optional(),
            NumberRange(min=0, message=message),
        ],
    )


def _wording(label: Any, description: Any = None) -> TextAreaField:
    return TextAreaField(label, description=description, widget=GovTextArea(), filters=[_strip])


class _ShowsProblems:
    _fields: dict[str, Any]
    submit: Any

    def show_problem(self, problem: RuleBroken) -> None:
        field = self._fields.get(problem.field or "") or self.submit
        field.errors = [*field.errors, problem.message]


class TemplateFormBase(FlaskForm, _ShowsProblems):
    name = StringField(
        _l("Name"),
        description=_l("For staff, for example After an interview: young person"),
        widget=GovTextInput(),
        filters=[_strip],
        validators=[InputRequired(message=_l("Enter a name for the survey"))],
    )
    audience = RadioField(
        _l("Who is it for?"),
        widget=GovRadioInput(),
        choices=[SelectChoice(item.value, item.lazy_label) for item in Audience],
        invalid_choice_message=_l("Select who the survey is for"),
    )
    trigger = RadioField(
        _l("When is it sent?"),
        widget=GovRadioInput(),
        choices=[SelectChoice(item.value, item.lazy_label) for item in Trigger],
        invalid_choice_message=_l("Select when the survey is sent"),
    )
    delay_days = _number(
        _l("Days to wait before sending"),
        _l("0 sends it at once (outside quiet hours)"),
        _l("Enter a number of days, like 0 or 28"),
    )
    reminder_after_hours = _number(
        _l("Send one reminder after this many hours without a reply (optional)"),
        _l("Leave blank for no reminder"),
        _l("Enter a number of hours, like 24, or leave it blank"),
        required=False,
    )
    expires_after_hours = _number(
        _l("Stop waiting for replies after this many hours"),
        None,
        _l("Enter a number of hours, like 72"),
    )
    active = BooleanField(
        _l("Send this survey"),
        description=_l("Untick to stop sending it; surveys already started carry on"),
        widget=GovCheckboxInput(),
    )
    submit = SubmitField(_l("Save survey"), widget=GovSubmitInput())

    def language_fields(self) -> list[tuple[str, Any, Any]]:
        """(language name, greeting field, thanks field) for each language."""
        return [
            (languages.name_of(code), self[f"greeting_{code}"], self[f"thanks_{code}"])
            for code in languages.available()
        ]

    def details(self) -> TemplateDetails:
        codes = languages.available()
        return TemplateDetails(
            name=self.name.data or "",
            audience=Audience(self.audience.data),
            trigger=Trigger(self.trigger.data),
            delay_days=self.delay_days.data or 0,
            reminder_after_hours=self.reminder_after_hours.data,
            expires_after_hours=self.expires_after_hours.data or 0,
            active=bool(self.active.data),
            greeting={code: self[f"greeting_{code}"].data or "" for code in codes},
            thanks={code: self[f"thanks_{code}"].data or "" for code in codes},
        )


def template_form_class() -> type[TemplateFormBase]:
    """The template form with a greeting and a thanks box for each language."""
    blank = _l("Leave blank to use the standard wording")
    fields: dict[str, Any] = {}
    for code in languages.available():
        name = languages.name_of(code)
        fields[f"greeting_{code}"] = _wording(_l("Greeting in %(language)s", language=name), blank)
        fields[f"thanks_{code}"] = _wording(_l("Thanks in %(language)s", language=name), blank)
    return type("TemplateForm", (TemplateFormBase,), fields)


def template_form(template: SurveyTemplate | None = None) -> TemplateFormBase:
    form_class = template_form_class()
    if template is None:
        if _posted():
            return form_class()
        return form_class(data={"delay_days": 0, "expires_after_hours": 72, "active": True})
    data: dict[str, Any] = {
        "name": template.name,
        "audience": template.audience,
        "trigger": template.trigger,
        "delay_days": template.delay_days,
        "reminder_after_hours": template.reminder_after_hours,
        "expires_after_hours": template.expires_after_hours,
        "active": template.active,
    }
    for code in languages.available():
        data[f"greeting_{code}"] = (template.greeting or {}).get(code, "")
        data[f"thanks_{code}"] = (template.thanks or {}).get(code, "")
    return form_class(data=data)


class QuestionFormBase(FlaskForm, _ShowsProblems):
    kind = RadioField(
        _l("Kind of question"),
        widget=GovRadioInput(),
        choices=[SelectChoice(item.value, item.lazy_label) for item in QuestionKind],
        invalid_choice_message=_l("Select the kind of question"),
    )
    key = StringField(
        _l("Short name for reports"),
        description=_l("Letters, numbers and underscores only, for example helpful"),
        widget=GovTextInput(),
        filters=[_strip],
    )
    asks_for_callback = BooleanField(
        _l("A yes means the person wants someone to contact them"),
        description=_l("Only for a yes or no question. A yes is shown to workers as a call back."),
        widget=GovCheckboxInput(),
    )
    submit = SubmitField(_l("Save question"), widget=GovSubmitInput())

    def language_fields(self) -> list[tuple[str, Any, Any]]:
        return [
            (languages.name_of(code), self[f"text_{code}"], self[f"choices_{code}"])
            for code in languages.available()
        ]

    def details(self) -> QuestionDetails:
        codes = languages.available()
        return QuestionDetails(
            kind=QuestionKind(self.kind.data),
            key=self.key.data or "",
            text={code: self[f"text_{code}"].data or "" for code in codes},
            choices={code: (self[f"choices_{code}"].data or "").splitlines() for code in codes},
            asks_for_callback=bool(self.asks_for_callback.data),
        )


def question_form_class() -> type[QuestionFormBase]:
    fields: dict[str, Any] = {}
    for code in languages.available():
        name = languages.name_of(code)
        english = code == languages.DEFAULT_LANGUAGE
        fields[f"text_{code}"] = _wording(
            _l("Question in %(language)s", language=name),
            None if english else _l("Leave blank to use the English translated, where we have it"),
        )
        fields[f"choices_{code}"] = _wording(
            _l("Choices in %(language)s", language=name),
            _l("One on each line. Needed for a choice question.")
            if english
            else _l("One on each line, in the same order as the English, or leave blank"),
        )
    return type("QuestionForm", (QuestionFormBase,), fields)


def question_form(question: SurveyQuestion | None = None) -> QuestionFormBase:
    form_class = question_form_class()
    if question is None:
        return form_class()
    data: dict[str, Any] = {
        "kind": question.kind,
        "key": question.key,
        "asks_for_callback": question.asks_for_callback,
    }
    for code in languages.available():
        data[f"text_{code}"] = (question.text or {}).get(code, "")
        data[f"choices_{code}"] = "\n".join((question.choices or {}).get(code, []))
    return form_class(data=data)


def _posted() -> bool:
    return request.method == "POST"
