"""The Insight filter form for reasons for missing, where the dates choose texts.

The same fields, names and rules as ``InsightFilterForm`` (so links and
bookmarks work alike), but the dates are when a text was written, and there
is no breakdown to choose: every split is on the page.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms.validators import ValidationError

from rhi.insights.forms import FilterDateField, InsightFilterForm


class ReasonsFilterForm(InsightFilterForm):
    returned_from = FilterDateField(_l("Written from"), description=_l("For example, 1 4 2026"))
    returned_to = FilterDateField(_l("Written to"), description=_l("For example, 31 3 2027"))
    by = None  # every split is shown: no breakdown to choose

    def validate_returned_to(self, field: FilterDateField) -> None:
        start = self.returned_from.data
        if field.data and start and field.data < start:
            raise ValidationError(_l("Written to must be the same as or after written from"))
