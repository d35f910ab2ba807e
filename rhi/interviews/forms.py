"""Forms for the RHI workflow: the due-list filter and each action on the RHI's page.

Several action forms share the RHI's page, so each has a prefix (its fields'
names and ids start with it) and carries the RHI's ``version`` as the page
showed it: a change made from a stale page is refused, not applied.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

from flask_babel import LazyString, format_datetime
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    Field,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, ValidationError
from wtforms.widgets import HiddenInput

from rhi.audit.forms import OptionalDateField
from rhi.auth.models import User
from rhi.domain import RuleBroken
from rhi.interviews.models import ReturnInterview
from rhi.interviews.services import DueFilter, RhiAction
from rhi.interviews.vocabulary import ContactMethod

LONDON = ZoneInfo("Europe/London")
NOTE_MAX = 5000
STALE_PAGE = _l("This page is out of date. Reload it and try again.")
# Where the error summary points when a refusal is about the RHI's state, not a field.
CURRENT_STATUS_ANCHOR = "current-status"


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


def _note_field(label: Any, description: Any = None) -> TextAreaField:
    return TextAreaField(
        label,
        description=description,
        widget=GovTextArea(),
        filters=[_strip],
        validators=[
            Length(max=NOTE_MAX, message=_l("Enter %(n)s characters or fewer", n=NOTE_MAX))
        ],
    )


class DueFilterForm(FlaskForm):
    """What the due list shows: a GET form, so no CSRF token."""

    class Meta:
        csrf = False

    show = SelectField(
        _l("Show"),
        widget=GovSelect(),
        choices=[
            SelectChoice(DueFilter.ALL.value, _l("Every return due")),
            SelectChoice(DueFilter.NEVER_OFFERED.value, _l("Never offered")),
            SelectChoice(DueFilter.NOT_ALLOCATED.value, _l("Not allocated")),
        ],
        default=DueFilter.ALL.value,
        invalid_choice_message=_l("Select what to show from the list"),
    )

    def chosen(self) -> DueFilter:
        return DueFilter(self.show.data) if self.validate() else DueFilter.ALL


class Refusal(FlaskForm):
    """A refused action for the error summary, linked to ``anchor`` on the page."""

    class Meta:
        csrf = False

    problem = SubmitField()

    @classmethod
    def at(cls, anchor: str, message: str) -> Refusal:
        form = cls(formdata=None)
        form.problem.id = anchor
        form.problem.errors = [message]
        return form


class RhiActionForm(FlaskForm):
    """One action on the RHI's page. The CSRF token is rendered by hand, without an id.

    CSRFProtect checks every POST, so the form's own check is off: with a
    prefix it would look for ``<prefix>-csrf_token``.
    """

    class Meta:
        csrf = False

    action: RhiAction
    prefix: str  # the start of its fields' names and ids
    version = IntegerField(widget=HiddenInput(), validators=[InputRequired(message=STALE_PAGE)])
    submit: SubmitField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", self.prefix)
        super().__init__(*args, **kwargs)

    def expected_version(self) -> int:
        return int(self.version.data or 0)

    def field_for(self, name: str | None) -> Field | None:
        """The visible field a service's error names, if this form has it."""
        if not name or name in {"version", "submit"}:
            return None
        return self._fields.get(name)

    def show_refusal(self, error: RuleBroken) -> bool:
        """Put ``error`` on the field it names; False when it names none of ours."""
        field = self.field_for(error.field)
        if field is None:
            return False
        field.errors = [*field.errors, error.message]
        return True

    def refusal(self) -> Refusal | None:
        """A stale or tampered page: said once, at the RHI's current status."""
        if self.version.errors:
            return Refusal.at(CURRENT_STATUS_ANCHOR, str(self.version.errors[0]))
        return None


def _id_select(label: LazyString, refused: LazyString) -> SelectField:
    """A select of record ids, filled per request; anything not offered is refused."""
    return SelectField(
        label,
        widget=GovSelect(),
        coerce=int,
        validate_choice=True,
        invalid_choice_message=refused,
        invalid_value_message=refused,
    )


class AllocateForm(RhiActionForm):
    action = RhiAction.ALLOCATE
    prefix = "allocate"
    worker = _id_select(_l("RHI worker"), _l("Choose an RHI worker from the list"))
    submit = SubmitField(_l("Allocate"), widget=GovSubmitInput())

    def set_workers(self, workers: Iterable[User]) -> None:
        self.worker.choices = [SelectChoice(worker.id, worker.full_name) for worker in workers]


class CoverForm(RhiActionForm):
    action = RhiAction.COVER
    prefix = "cover"
    target = _id_select(
        _l("Interview to cover this return"), _l("Choose an interview from the list")
    )
    submit = SubmitField(_l("Cover with that interview"), widget=GovSubmitInput())

    def set_targets(self, rhis: Iterable[ReturnInterview]) -> None:
        self.target.choices = [
            SelectChoice(
                rhi.id,
                _l(
                    "Interview %(id)s, %(status)s, due %(due)s",
                    id=rhi.id,
                    status=rhi.status_enum.label.lower(),
                    due=format_datetime(rhi.due_at, "d MMM HH:mm"),
                ),
            )
            for rhi in rhis
        ]


class ContactAttemptForm(RhiActionForm):
    action = RhiAction.CONTACT_ATTEMPT
    prefix = "contact"
    note = _note_field(
        _l("What did you try, and what happened?"),
        _l("For example, phoned their carer at 10am, no answer, left a message"),
    )
    submit = SubmitField(_l("Record contact attempt"), widget=GovSubmitInput())


class OfferForm(RhiActionForm):
    action = RhiAction.OFFER
    prefix = "offer"
    method = RadioField(
        _l("How did you offer the interview?"),
        widget=GovRadioInput(),
        choices=[SelectChoice(m.value, m.lazy_label) for m in ContactMethod],
        validators=[InputRequired(message=_l("Select how you offered the interview"))],
        invalid_choice_message=_l("Select how you offered the interview"),
    )
    note = _note_field(_l("Notes (optional)"))
    submit = SubmitField(_l("Record that it was offered"), widget=GovSubmitInput())

    def contact_method(self) -> ContactMethod:
        return ContactMethod(self.method.data)


class AcceptForm(RhiActionForm):
    action = RhiAction.ACCEPT
    prefix = "accept"
    submit = SubmitField(_l("Record that the child accepted"), widget=GovSubmitInput())


class DeclineForm(RhiActionForm):
    action = RhiAction.DECLINE
    prefix = "decline"
    reason = _note_field(_l("Why did the child decline?"), _l("In their own words, if you can"))
    parent_information = _note_field(_l("Information from a parent or carer (optional)"))
    submit = SubmitField(_l("Record that the child declined"), widget=GovSubmitInput())


class UnableToContactForm(RhiActionForm):
    action = RhiAction.UNABLE_TO_CONTACT
    prefix = "unable"
    note = _note_field(
        _l("What did you try?"), _l("Every way you tried to reach the child, and when")
    )
    submit = SubmitField(_l("Record unable to contact"), widget=GovSubmitInput())


TIME_PATTERN = re.compile(r"(\d{1,2})[:.](\d{2})")


class ScheduleForm(RhiActionForm):
    action = RhiAction.SCHEDULE
    prefix = "schedule"
    date = OptionalDateField(_l("Date"), description=_l("For example, 27 3 2026"))
    time = StringField(
        _l("Time"),
        description=_l("Use the 24-hour clock, for example 14:30"),
        widget=GovTextInput(),
        filters=[_strip],
    )
    place = StringField(
        _l("Where will the interview be?"),
        description=_l("Somewhere the child feels safe, not where they were found"),
        widget=GovTextInput(),
        filters=[_strip],
    )
    present = _note_field(_l("Who will be there? (optional)"))
    submit = SubmitField(_l("Schedule the interview"), widget=GovSubmitInput())

    def validate_date(self, field: OptionalDateField) -> None:
        if field.data is None and not field.errors:
            raise ValidationError(_l("Enter the date of the interview"))

    def validate_time(self, field: StringField) -> None:
        if not field.data:
            raise ValidationError(_l("Enter the time of the interview"))
        if self._time() is None:
            raise ValidationError(_l("Enter the time in the 24-hour clock, like 14:30"))

    def _time(self) -> dt.time | None:
        match = TIME_PATTERN.fullmatch(self.time.data or "")
        if match is None:
            return None
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            return None
        return dt.time(hour, minute)

    def show_booking(self, when: dt.datetime | None, place: str | None) -> None:
        """Fill in the current booking, so moving it means changing only what changed."""
        if when is not None:
            local = when.astimezone(LONDON)
            self.date.data = local.date()
            self.time.data = f"{local:%H:%M}"
        self.place.data = place

    def when(self) -> dt.datetime:
        """The date and time as entered, in UK time."""
        moment = self._time()
        assert self.date.data is not None and moment is not None
        return dt.datetime.combine(self.date.data, moment, tzinfo=LONDON)


class SignOffForm(RhiActionForm):
    action = RhiAction.SIGN_OFF
    prefix = "sign-off"
    comments = _note_field(_l("Comments (optional)"))
    submit = SubmitField(_l("Sign off"), widget=GovSubmitInput())


class ReturnForChangesForm(RhiActionForm):
    action = RhiAction.RETURN_FOR_CHANGES
    prefix = "return"
    comments = _note_field(
        _l("What needs to change?"), _l("The worker sees this when they open the interview")
    )
    submit = SubmitField(_l("Return for changes"), widget=GovSubmitInput())


ACTION_FORMS: dict[RhiAction, type[RhiActionForm]] = {
    form.action: form
    for form in (
        AllocateForm,
        CoverForm,
        ContactAttemptForm,
        OfferForm,
        AcceptForm,
        DeclineForm,
        UnableToContactForm,
        ScheduleForm,
        SignOffForm,
        ReturnForChangesForm,
    )
}
