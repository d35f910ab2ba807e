"""The search form on the children list: a GET form, so its words live in the URL."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovTextInput
from wtforms import StringField
from wtforms.validators import Length

from rhi.children.viewing import SEARCH_MAX


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


class ChildSearchForm(FlaskForm):
    class Meta:
        csrf = False  # a search changes nothing; house rules ask for CSRF on POST only

    q = StringField(
        _l("Case reference or name"),
        description=_l("Part of a reference or name is enough"),
        widget=GovTextInput(),
        filters=[_strip],
        validators=[
            Length(max=SEARCH_MAX, message=_l("Enter %(n)s characters or fewer", n=SEARCH_MAX))
        ],
    )

    def text(self) -> str | None:
        return (self.q.data or None) if self.validate() else None
