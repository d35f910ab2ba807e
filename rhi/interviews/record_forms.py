"""The structured interview form: the questions a worker asks after a return.

Nothing is required for a draft. Submitting asks for the few things a manager
needs before sign-off (``record_services.submission_problems``), all checked at
once so the worker sees every problem in one go. Free text is kept whole: only
the whitespace at either end goes, and line endings are made consistent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime, time
from typing import Any

from flask_babel import LazyString, format_datetime, to_user_timezone, to_utc
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovCheckboxesInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    Field,
    HiddenField,
    RadioField,
    SelectChoice,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Length, ValidationError

from nlp.taxonomy import THEMES
from rhi.audit.forms import OptionalDateField
from rhi.domain import RuleBroken
from rhi.interviews.models import ReturnInterview
from rhi.interviews.record_services import (
    InterviewAnswers,
    answers_of,
    current_version,
    submission_problems,
)
from rhi.interviews.record_vocabulary import (
    CHOICE_FIELDS,
    MAX_TEXT,
    TEXT_FIELDS,
    ExploitationIndicator,
    ReferralTarget,
)
from rhi.interviews.vocabulary import InterviewMethod

# "14:30", "14.30", "9:05", "2pm", "2:30 p.m."
_TIME = re.compile(r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<half>[ap])?\.?(?:m\.?)?")


def parse_time(text: str) -> time | None:
    """A time of day as people type it, or None if it is not one."""
    match = _TIME.fullmatch(text.strip().lower())
    if match is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if match["half"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["half"] == "p" else 0)
    elif match["minute"] is None:
        return None  # "9" alone could be morning or evening
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _keep_whole(value: str | None) -> str | None:
    """The child's words as typed: one kind of line ending, no blank space at the ends."""
    if not isinstance(value, str):
        return value
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


class _OptionalRadioField(RadioField):
    """Radios that may be left unanswered (in a draft); a posted answer must be a real one."""

    data: str | None

    def pre_validate(self, form: Any) -> None:
        if not self.data:
            self.data = None
            return
        super().pre_validate(form)


class _TimeOfDayField(StringField):
    """A time typed into one box; the text stays as typed, ``time`` is what it means."""

    @property
    def time(self) -> time | None:
        return parse_time(self.data) if self.data else None

    def pre_validate(self, form: Any) -> None:
        if self.data and self.time is None:
            raise ValidationError(
                _l("%(label)s must be a real time, like 09:30 or 14:30", label=self.label.text)
            )


class _CheckboxesWithHints(GovCheckboxesInput):
    """GOV.UK checkboxes with a hint under each choice."""

    def __init__(self, hints: Mapping[str, str]) -> None:
        self.hints = hints

    def map_gov_params(self, field: Any, **kwargs: Any) -> dict[str, Any]:
        params: dict[str, Any] = super().map_gov_params(field, **kwargs)
        for item in params["items"]:
            hint = self.hints.get(item["value"])
            if hint:
                item["hint"] = {"text": hint}
        return params


def _text(
    label: LazyString, what: LazyString, hint: LazyString | None = None, *, counted: bool = False
) -> TextAreaField:
    """A free-text answer, up to ``MAX_TEXT`` characters; ``what`` names it in errors."""
    return TextAreaField(
        label,
        description=hint,
        widget=GovCharacterCount() if counted else GovTextArea(),
        filters=[_keep_whole],
        validators=[
            Length(
                max=MAX_TEXT,
                message=_l(
                    "%(what)s must be %(max)s characters or fewer",
                    what=what,
                    max=f"{MAX_TEXT:,}",
                ),
            )
        ],
    )


def _themes(label: LazyString, hint: LazyString) -> SelectMultipleField:
    return SelectMultipleField(
        label,
        description=hint,
        choices=[SelectChoice(theme.id, theme.name) for theme in THEMES],
        widget=_CheckboxesWithHints({theme.id: _sentence(theme.tag_when) for theme in THEMES}),
        invalid_choice_message=_l("Select the reasons from the list"),
    )


def _choices(
    label: LazyString, hint: LazyString, choices: list[SelectChoice]
) -> SelectMultipleField:
    return SelectMultipleField(
        label,
        description=hint,
        choices=choices,
        widget=GovCheckboxesInput(),
        invalid_choice_message=_l("Select from the list"),
    )


_METHODS = frozenset(method.value for method in InterviewMethod)

# A service problem names the answer at fault; these are the questions that ask for it
# (the message goes to the first).
_FIELDS_FOR = {"held_at": ("held_date", "held_time")}
# Not answers: left out of the read-only summary.
SUMMARY_SKIPPED = frozenset({"csrf_token", "version", "submit_interview", "save_draft"})


class InterviewForm(FlaskForm):
    # The interview
    method = _OptionalRadioField(
        _l("How was the interview done?"),
        description=_l("If it was a mix, choose how most of it was done"),
        widget=GovRadioInput(),
        choices=[SelectChoice(method.value, method.lazy_label) for method in InterviewMethod],
        invalid_choice_message=_l("Select how the interview was done"),
    )
    held_date = OptionalDateField(
        _l("Date of the interview"), description=_l("For example, 27 3 2026")
    )
    held_time = _TimeOfDayField(
        _l("Time the interview started"),
        description=_l("Use the 24-hour clock, for example 14:30"),
        widget=GovTextInput(),
        filters=[_strip],
        validators=[Length(max=16, message=_l("Enter a time like 09:30 or 14:30"))],
    )
    present = _text(
        _l("Who else was there?"),
        _l("Who else was there"),
        _l("Everyone present apart from you and the child, and who they are to the child"),
    )
    # Why they went missing
    push_factors = _themes(
        _l("Push factors: what made them leave?"),
        _l("What pushed them away from home or their placement. Select all that apply."),
    )
    pull_factors = _themes(
        _l("Pull factors: what drew them away?"),
        _l("What or who drew them away. Select all that apply."),
    )
    # Where they were
    where_stayed = _text(
        _l("Where did they stay?"),
        _l("Where they stayed"),
        _l("Addresses, areas or places, as exactly as the child can say"),
    )
    stayed_with = _text(
        _l("Who were they with?"),
        _l("Who they were with"),
        _l("Names, ages and how the child knows them, if the child says"),
    )
    travel = _text(
        _l("How did they travel?"),
        _l("How they travelled"),
        _l("For example, by bus, by train, on foot, or a lift from someone"),
    )
    # Harm and risk
    harm = _text(
        _l("Were they harmed or threatened?"),
        _l("Harm and threats"),
        _l("Anything that happened to them, anything they saw, and any threats made"),
    )
    exploitation_indicators = _choices(
        _l("Exploitation indicators"),
        _l("Select all that the child told you about or you noticed"),
        [SelectChoice(item.value, item.lazy_label) for item in ExploitationIndicator],
    )
    substances = _text(
        _l("Alcohol and drugs"),
        _l("Alcohol and drugs"),
        _l("What they used, how much, and who gave it to them"),
    )
    # School and health
    school = _text(
        _l("School, college or work"),
        _l("School, college or work"),
        _l("Attendance, exclusions, bullying and how things are going"),
    )
    health = _text(
        _l("Health and wellbeing"),
        _l("Health and wellbeing"),
        _l("Physical and mental health, injuries, sleep and eating"),
    )
    # The child's voice
    child_wants = _text(
        _l("What does the child want to happen?"),
        _l("What the child wants to happen"),
    )
    child_words = _text(
        _l("The child's own words"),
        _l("The child's own words"),
        _l("What the child said, as they said it"),
        counted=True,
    )
    # The worker's view and what happens next
    worker_analysis = _text(
        _l("Your analysis"),
        _l("Your analysis"),
        _l("What you make of it: the risks, what keeps them safe, and why they went missing"),
        counted=True,
    )
    actions = _text(
        _l("Actions"),
        _l("Actions"),
        _l("What will happen next, who will do it and by when"),
    )
    referrals = _choices(
        _l("Referrals made"),
        _l("Select all that apply"),
        [SelectChoice(target.value, target.lazy_label) for target in ReferralTarget],
    )
    # A parent or carer
    parent_information = _text(
        _l("Information from a parent or carer"),
        _l("Information from a parent or carer"),
        _l("What they told you, and who they are to the child"),
    )
    # The record's version when the form was opened: a later save by someone else wins.
    version = HiddenField()
    submit_interview = SubmitField(_l("Submit interview"), widget=GovSubmitInput())
    save_draft = SubmitField(_l("Save as draft"), widget=GovSubmitInput())

    def __init__(self, *args: Any, rhi: ReturnInterview, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rhi = rhi

    @classmethod
    def of_record(cls, rhi: ReturnInterview) -> InterviewForm:
        """The form as saved so far, to carry on from (no posted data)."""
        answers = answers_of(rhi)
        data: dict[str, object] = {name: getattr(answers, name) for name in TEXT_FIELDS}
        data.update({name: list(getattr(answers, name)) for name in CHOICE_FIELDS})
        data["method"] = answers.method.value if answers.method else None
        if answers.held_at is not None:
            local = to_user_timezone(answers.held_at)
            data["held_date"] = local.date()
            data["held_time"] = local.strftime("%H:%M")
        data["version"] = str(current_version(rhi))
        return cls(formdata=None, data=data, rhi=rhi)

    def summary(self) -> list[tuple[str, list[str]]]:
        """The answers as (question, lines) for reading, in the form's order.

        Built from the same fields as the form, so questions are worded once.
        Unanswered questions are left out.
        """
        rows: list[tuple[str, list[str]]] = []
        for field in self:
            if field.name in SUMMARY_SKIPPED or not field.data:
                continue
            if field.name == "held_date":
                held = self.rhi.record.held_at if self.rhi.record else None
                if held is not None:
                    rows.append(
                        (str(_l("When it was held")), [format_datetime(held, "d MMMM yyyy HH:mm")])
                    )
                continue
            if field.name == "held_time":
                continue
            choices = {str(c.value): str(c.label) for c in getattr(field, "choices", None) or []}
            if isinstance(field.data, list):
                lines = [choices.get(str(value), str(value)) for value in field.data]
            elif choices:
                lines = [choices.get(str(field.data), str(field.data))]
            else:
                lines = str(field.data).splitlines()
            rows.append((str(field.label.text), lines))
        return rows

    @property
    def submitting(self) -> bool:
        """Which button was pressed: anything but "Submit interview" saves a draft."""
        return bool(self.submit_interview.data)

    def expected_version(self) -> int:
        try:
            return int(self.version.data or 0)
        except ValueError:
            return -1  # tampered with: no version matches, so nothing is overwritten

    def held_at(self) -> datetime | None:
        """The date and time as the worker meant them: London time, stored as UTC."""
        held_time = self.held_time.time
        if self.held_date.data is None or held_time is None:
            return None
        return to_utc(datetime.combine(self.held_date.data, held_time)).replace(tzinfo=UTC)

    def answers(self) -> InterviewAnswers:
        texts: dict[str, Any] = {name: self[name].data or None for name in TEXT_FIELDS}
        choices: dict[str, Any] = {}
        for name in CHOICE_FIELDS:
            chosen = set(self[name].data or ())
            # Stored in the form's order, whatever order the browser sent them in.
            choices[name] = tuple(
                choice.value for choice in self[name].choices if choice.value in chosen
            )
        method = str(self.method.data or "")
        return InterviewAnswers(
            method=InterviewMethod(method) if method in _METHODS else None,
            held_at=self.held_at(),
            **texts,
            **choices,
        )

    def show_problems(self, problems: list[RuleBroken]) -> None:
        """Put service refusals next to their questions (one message per question)."""
        for problem in problems:
            name = problem.field or ""
            if name not in _FIELDS_FOR and name not in self:
                # About the interview as a whole: shown where the form says which version it saw.
                name = "version"
            questions: list[Field] = [self[each] for each in _FIELDS_FOR.get(name, (name,))]
            if not any(question.errors for question in questions):
                questions[0].errors = [problem.message]

    def validate(self, extra_validators: Mapping[str, Any] | None = None) -> bool:
        valid = super().validate(extra_validators)
        if self.held_date.data and not self.held_time.data and not self.held_time.errors:
            self.held_time.errors = [_l("Enter the time the interview started")]
        if self.held_time.data and not self.held_date.data and not self.held_date.errors:
            self.held_date.errors = [_l("Enter the date of the interview")]
        if self.submitting:
            self.show_problems(submission_problems(self.rhi, self.answers()))
        return valid and not self.errors
