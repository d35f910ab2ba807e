"""The form for a child's text-message contact: number, language, consent and safe to text.

The service (``feedback.contacts``) holds the rules: it validates the number,
the language, consent and the competence judgement, and raises ``RuleBroken``
naming the field at fault, which ``show_problem`` puts against that field.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import HiddenField, RadioField, SelectChoice, StringField, SubmitField, TextAreaField
from wtforms.validators import Length

from feedback import languages
from feedback.contacts import ContactDetails
from feedback.models import Contact
from feedback.vocabulary import Audience, ConsentGivenBy, ConsentMethod
from rhi.domain import RuleBroken

YES = "yes"
NO = "no"
NOTE_MAX = 2000
# Where a refusal that is not about one field is shown (a stale save).
VERSION_ANCHOR = "version"


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


def _yes_no(label: Any, message: Any, description: Any = None) -> RadioField:
    return RadioField(
        label,
        description=description,
        widget=GovRadioInput(),
        choices=[SelectChoice(YES, _l("Yes")), SelectChoice(NO, _l("No"))],
        invalid_choice_message=message,
    )


def _optional_choice(label: Any, enum: Any, description: Any = None) -> RadioField:
    # Only asked when consent is yes: the service says when it is missing.
    return RadioField(
        label,
        description=description,
        widget=GovRadioInput(),
        choices=[SelectChoice(item.value, item.lazy_label) for item in enum],
        validate_choice=False,
    )


def _note(label: Any, description: Any = None) -> TextAreaField:
    return TextAreaField(
        label,
        description=description,
        widget=GovTextArea(),
        filters=[_strip],
        validators=[
            Length(max=NOTE_MAX, message=_l("Enter %(n)s characters or fewer", n=NOTE_MAX))
        ],
    )


def _member(enum: Any, value: str | None) -> Any:
    try:
        return enum(value) if value else None
    except ValueError:
        return None


class ContactForm(FlaskForm):
    audience = RadioField(
        _l("Who is this number for?"),
        widget=GovRadioInput(),
        choices=[SelectChoice(item.value, item.lazy_label) for item in Audience],
        invalid_choice_message=_l("Select whether this is the young person or a parent or carer"),
    )
    name = StringField(
        _l("Who is this?"),
        description=_l("For staff only, for example Mum, Foster carer or the young person's name"),
        widget=GovTextInput(),
        filters=[_strip],
        validators=[Length(max=80, message=_l("Enter 80 characters or fewer"))],
    )
    phone = StringField(
        _l("Mobile phone number"),
        description=_l("For example, 07700 900123"),
        widget=GovTextInput(),
        filters=[_strip],
    )
    language = RadioField(
        _l("Language for text messages"),
        widget=GovRadioInput(),
        invalid_choice_message=_l("Choose a language we can text in"),
    )
    consent = _yes_no(
        _l("Have they agreed to be sent text messages?"),
        _l("Select whether they have agreed to be sent text messages"),
    )
    consent_given_by = _optional_choice(_l("Who gave consent?"), ConsentGivenBy)
    consent_method = _optional_choice(_l("How was consent given?"), ConsentMethod)
    competence_note = _note(
        _l("Your judgement of the young person's understanding (competence)"),
        _l(
            "Required when a young person under 16 consents for themselves: say why you "
            "judge they understand what texts we will send and how to stop them"
        ),
    )
    safe_to_text = _yes_no(
        _l("Is this number safe to text?"),
        _l("Select whether this number is safe to text"),
        _l(
            "Only say yes when you know the phone is theirs and nobody who may harm them "
            "holds or reads it"
        ),
    )
    safe_to_text_reason = _note(_l("How do you know it is theirs and safe to text?"))
    active = _yes_no(
        _l("Is this number still in use?"),
        _l("Select whether this number is still in use"),
        _l("Numbers no longer in use are kept on record but never texted"),
    )
    # The contact's version when the form was opened: a later save by someone else wins.
    version = HiddenField()
    submit = SubmitField(_l("Save contact"), widget=GovSubmitInput())

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language.choices = [SelectChoice(code, name) for code, name in languages.choices()]
        if not editing:
            # Only an existing contact can be taken out of use.
            del self.active

    @classmethod
    def of_contact(cls, contact: Contact) -> ContactForm:
        data = {
            "audience": contact.audience,
            "name": contact.name,
            "phone": contact.phone,
            "language": contact.language,
            "consent": YES if contact.consent else NO,
            "consent_given_by": contact.consent_given_by,
            "consent_method": contact.consent_method,
            "competence_note": contact.competence_note,
            "safe_to_text": YES if contact.safe_to_text else NO,
            "safe_to_text_reason": contact.safe_to_text_reason,
            "active": YES if contact.active else NO,
            "version": str(contact.version),
        }
        return cls(formdata=None, data=data, editing=True)

    def expected_version(self) -> int:
        try:
            return int(self.version.data or 0)
        except ValueError:
            return -1  # tampered with: no version matches, so nothing is overwritten

    def details(self) -> ContactDetails:
        active = self._fields.get("active")
        return ContactDetails(
            audience=Audience(self.audience.data),
            name=self.name.data or "",
            phone=self.phone.data or "",
            language=self.language.data or "",
            consent=self.consent.data == YES,
            consent_given_by=_member(ConsentGivenBy, self.consent_given_by.data),
            consent_method=_member(ConsentMethod, self.consent_method.data),
            competence_note=self.competence_note.data,
            safe_to_text=self.safe_to_text.data == YES,
            safe_to_text_reason=self.safe_to_text_reason.data,
            active=active is None or active.data == YES,
        )

    def show_problem(self, problem: RuleBroken) -> None:
        """A service refusal, shown against the field it names (or the version)."""
        field = self._fields.get(problem.field or "") or self.version
        field.errors = [*field.errors, problem.message]
