"""Forms on the theme review pages: the queue's filters (in the URL) and the decisions."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import url_for
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSelect
from wtforms import Field, HiddenField, SelectChoice, SelectField, StringField
from wtforms.validators import ValidationError

from nlp.taxonomy import THEMES
from rhi.audit.forms import OptionalDateField
from rhi.domain import RuleBroken
from rhi.reference.models import District
from rhi.themes.review import QueueFilter
from rhi.themes.vocabulary import Decision, TextSource

# How many texts one "accept strong" may name: a page's worth, with room to spare.
MAX_TEXTS = 100

CONFIDENCE_CHOICES = (
    ("high", _l("Strong evidence")),
    ("low", _l("Weaker evidence")),
)


def theme_name(theme_id: str) -> str:
    """A theme's display name (its id when the taxonomy no longer has it)."""
    for theme in THEMES:
        if theme.id == theme_id:
            return theme.name
    return theme_id


class QueueFilterForm(FlaskForm):
    class Meta:
        csrf = False  # a filter changes nothing

    theme = SelectField(
        _l("Theme"),
        widget=GovSelect(),
        choices=[SelectChoice("", _l("Any theme"))]
        + [SelectChoice(theme.id, theme.name) for theme in THEMES],
        default="",
        invalid_choice_message=_l("Select a theme from the list"),
    )
    source = SelectField(
        _l("Source"),
        widget=GovSelect(),
        choices=[SelectChoice("", _l("Any source"))]
        + [SelectChoice(source.value, source.lazy_label) for source in TextSource],
        default="",
        invalid_choice_message=_l("Select a source from the list"),
    )
    district = SelectField(
        _l("District"),
        widget=GovSelect(),
        default="",
        invalid_choice_message=_l("Select a district from the list"),
    )
    confidence = SelectField(
        _l("Tagger's confidence"),
        widget=GovSelect(),
        choices=[SelectChoice("", _l("Any confidence"))]
        + [SelectChoice(value, label) for value, label in CONFIDENCE_CHOICES],
        default="",
        invalid_choice_message=_l("Select a confidence from the list"),
    )
    reviewed = SelectField(
        _l("Show"),
        widget=GovSelect(),
        choices=[
            SelectChoice("", _l("Texts waiting for review")),
            SelectChoice("yes", _l("Texts already reviewed")),
        ],
        default="",
        invalid_choice_message=_l("Select what to show from the list"),
    )
    written_from = OptionalDateField(_l("Written from"), description=_l("For example, 1 4 2026"))
    written_to = OptionalDateField(_l("Written to"), description=_l("For example, 30 4 2026"))

    def __init__(self, districts: list[District], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.district.choices = [SelectChoice("", _l("Any district"))] + [
            SelectChoice(str(district.id), district.name) for district in districts
        ]

    def validate_written_to(self, field: OptionalDateField) -> None:
        if field.data and self.written_from.data and field.data < self.written_from.data:
            raise ValidationError(_l("Written to must be the same as or after written from"))

    def criteria(self) -> QueueFilter:
        return QueueFilter(
            theme=self.theme.data or None,
            source=TextSource(self.source.data) if self.source.data else None,
            district_id=int(self.district.data) if self.district.data else None,
            written_from=self.written_from.data,
            written_to=self.written_to.data,
            confidence=self.confidence.data or None,
            reviewed=self.reviewed.data == "yes",
        )


def safe_back(value: str | None, default: str) -> str:
    """Where to go after a decision: a review page of ours, never another site."""
    if not value:
        return default
    parts = urlsplit(value)
    queue = url_for("themes.review_queue")
    if parts.scheme or parts.netloc or "\\" in value or not parts.path.startswith(queue):
        return default
    return value


class _ReviewForm(FlaskForm):
    # The page the button was pressed on (the queue with its filters, or one text).
    back = HiddenField()

    def back_to(self, default: str) -> str:
        return safe_back(self.back.data, default)


class DecisionForm(_ReviewForm):
    """Accept or reject: the pressed button sends ``decision``."""

    decision = StringField()

    def chosen(self) -> Decision | None:
        if self.decision.data in (Decision.ACCEPTED, Decision.REJECTED):
            return Decision(self.decision.data)
        return None


class AddThemeForm(_ReviewForm):
    # Any theme id is taken here: the service says why a theme cannot be added.
    theme = SelectField(_l("Add a theme"), validate_choice=False)

    def validate_theme(self, field: SelectField) -> None:
        if not field.data:
            raise ValidationError(_l("Choose a theme to add"))

    def show_refusal(self, error: RuleBroken) -> None:
        self.theme.errors = [*self.theme.errors, error.message]


class TextIdsField(Field):
    """Every ``text_id`` the form sent, as numbers."""

    data: list[int]

    def process_formdata(self, valuelist: list[Any]) -> None:
        self.data = []
        for value in valuelist[: MAX_TEXTS + 1]:
            if not str(value).isdigit():
                raise ValueError(_l("The list of texts was not understood"))
            self.data.append(int(value))
        if len(self.data) > MAX_TEXTS:
            raise ValueError(_l("Accept strong suggestions on one page at a time"))


class AcceptStrongForm(_ReviewForm):
    text_id = TextIdsField(default=list)
