"""The Philomena profile form: five free-text sections and the version it was opened at.

Nothing is required: a profile may be built up over time. Text is kept whole:
only the whitespace at either end goes, and line endings are made consistent.
"""

from __future__ import annotations

from typing import Any

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount, GovSubmitInput
from wtforms import HiddenField, SubmitField, TextAreaField
from wtforms.validators import Length

from rhi.children.models import Child
from rhi.children.philomena_services import (
    MAX_SECTION,
    SECTIONS,
    ProfileAnswers,
    answers_of,
    current_version,
)
from rhi.domain import RuleBroken


def _keep_whole(value: str | None) -> str | None:
    """The text as typed: one kind of line ending, no blank space at the ends."""
    if not isinstance(value, str):
        return value
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def _section(label: LazyString, what: LazyString, hint: LazyString) -> TextAreaField:
    """A section of up to ``MAX_SECTION`` characters; ``what`` names it in errors."""
    return TextAreaField(
        label,
        description=hint,
        widget=GovCharacterCount(),
        filters=[_keep_whole],
        validators=[
            Length(
                max=MAX_SECTION,
                message=_l(
                    "%(what)s must be %(max)s characters or fewer",
                    what=what,
                    max=f"{MAX_SECTION:,}",
                ),
            )
        ],
    )


class PhilomenaForm(FlaskForm):
    description = _section(
        _l("Description"),
        _l("The description"),
        _l(
            "What the child looks like: height, build, hair, distinguishing features, "
            "and the clothes they usually wear"
        ),
    )
    associates = _section(
        _l("Associates"),
        _l("Associates"),
        _l(
            "Friends, family and adults they may be with: names, ages, "
            "addresses if known, and any concerns about them"
        ),
    )
    places = _section(
        _l("Places they go"),
        _l("Places they go"),
        _l("Addresses, areas and towns they go to, and where they have been found before"),
    )
    phone_numbers = _section(
        _l("Phone numbers"),
        _l("Phone numbers"),
        _l("The child's own numbers, and numbers they are known to call or use"),
    )
    other_information = _section(
        _l("Other information"),
        _l("Other information"),
        _l(
            "Anything else that would help the police find them quickly, such as health "
            "needs, social media accounts or how they usually travel"
        ),
    )
    # The profile's version when the form was opened: a later save by someone else wins.
    version = HiddenField()
    save = SubmitField(_l("Save the profile"), widget=GovSubmitInput())

    @classmethod
    def of_profile(cls, child: Child) -> PhilomenaForm:
        """The form as saved so far, to carry on from (no posted data)."""
        answers = answers_of(child)
        data: dict[str, Any] = {name: getattr(answers, name) for name in SECTIONS}
        data["version"] = str(current_version(child))
        return cls(formdata=None, data=data)

    def expected_version(self) -> int:
        try:
            return int(self.version.data or 0)
        except ValueError:
            return -1  # tampered with: no version matches, so nothing is overwritten

    def answers(self) -> ProfileAnswers:
        return ProfileAnswers(**{name: self[name].data or None for name in SECTIONS})

    def show_problem(self, problem: RuleBroken) -> None:
        """A service refusal, shown where the form says which version it saw."""
        self.version.errors = [problem.message]
