"""Survey results: response rates, ratings and what people wrote, over time, with CSV downloads.

For managers, participation officers and administrators. The page shows
exact counts, as it always has: they are counts of surveys and texts, never
who sent them, and everyone who may open the page may see them. Downloads
leave the system, so every count of 1 to 4 in them is "<5" (and a rate or
average over such a count is held back the same way). Participation
officers (``SHARE_VOICE``) also see the newest free-text replies,
pseudonymised, to choose words to share.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, abort, g, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import format_date
from flask_babel import gettext as _

from feedback import results, voice
from feedback.results import RATINGS, MonthRating, Period, RateRow, ThemeCount
from feedback.views.results_forms import PeriodForm
from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required
from rhi.insights.csv_export import csv_response
from rhi.insights.suppression import SMALLEST_SHOWN, SUPPRESSED, rate, suppress

bp = Blueprint("sms_results", __name__)

TEMPLATE = "feedback/results/response-rates.html"
CHART_HEIGHT = 200  # the bars' area, in SVG units
CHART_STEP = 64  # one month's width
NO_VALUE = "-"


# --- The charts ------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    x: float
    height: float
    text: str


@dataclass(frozen=True)
class ChartMonth:
    label: str
    short: str
    first: Bar
    second: Bar


def pair_chart(
    rows: Sequence[tuple[Any, float | None, float | None]],
    top: float,
    text: Callable[[float], str],
) -> list[ChartMonth]:
    """Two bars a month (young people, parents); a month with no value has no bar."""

    def bar(x: float, value: float | None) -> Bar:
        if value is None:
            return Bar(x=x, height=0.0, text=NO_VALUE)
        return Bar(x=x, height=round(CHART_HEIGHT * value / top, 1), text=text(value))

    return [
        ChartMonth(
            label=format_date(month.first_day, "MMMM yyyy"),
            short=format_date(month.first_day, "MMM yy"),
            first=bar(40 + index * CHART_STEP, first),
            second=bar(40 + index * CHART_STEP + 24, second),
        )
        for index, (month, first, second) in enumerate(rows)
    ]


def _by_month(rows: Sequence[Any], value: Callable[[Any], float | None]) -> list[Any]:
    """(month, young people's value, parents' value) from rows of two per month."""
    return [
        (first.month, value(first), value(second))
        for first, second in zip(rows[0::2], rows[1::2], strict=True)
    ]


# --- The page --------------------------------------------------------------------


def _form() -> PeriodForm:
    return PeriodForm(formdata=request.args)


def _period_args(period: Period) -> dict[str, Any]:
    assert period.start is not None and period.end is not None
    return {"started_from": period.start.isoformat(), "started_to": period.end.isoformat()}


@bp.route("")
@permission_required(Permission.VIEW_SURVEY_RESULTS)
def response_rates() -> ResponseReturnValue:
    form = _form()
    if not form.validate():
        # Bad dates: say so, and show no figures that could be mistaken for the filtered ones.
        return render_template(TEMPLATE, form=form, results=None, RATINGS=RATINGS), 400
    period = form.period()
    trends = results.trends(period)
    args = _period_args(period)
    share = g.user.can(Permission.SHARE_VOICE)
    return render_template(
        TEMPLATE,
        form=form,
        results=results.response_rates(period),
        trends=trends,
        filtered=form.chosen,
        RATINGS=RATINGS,
        csv_href=lambda table: url_for("sms_results.download", table=table, **args),
        rate_chart=pair_chart(
            _by_month(trends.rates, lambda row: row.response_rate),
            100,
            lambda value: f"{value:.0f}%",
        ),
        rating_chart=pair_chart(
            _by_month(trends.ratings_by_voice, lambda row: row.average),
            max(RATINGS),
            lambda value: f"{value:.1f}",
        ),
        chart_height=CHART_HEIGHT,
        chart_width=40 + CHART_STEP * len(trends.months) + 16,
        replies=voice.free_text_replies(period) if share else None,
        replies_shown=voice.REPLIES_SHOWN,
        theme_name=voice.theme_name,
    )


# --- Downloads: every count suppressed ------------------------------------------


def _blank(text: str) -> str:
    return "" if text == NO_VALUE else text


def _average(row: Any) -> str:
    """An average, held back when it is over 1 to 4 answers (it would give them away)."""
    if row.average is None:
        return ""
    if 0 < row.count < SMALLEST_SHOWN:
        return SUPPRESSED
    return f"{row.average:.1f}"


def _rate_rows(rows: list[RateRow]) -> list[list[str]]:
    return [
        [
            row.label,
            row.audience,
            suppress(row.sent),
            suppress(row.delivered),
            suppress(row.answered),
            suppress(row.completed),
            suppress(row.expired),
            _blank(rate(row.answered, row.sent)),
        ]
        for row in rows
    ]


def _rate_header(first: str) -> list[str]:
    return [
        first,
        _("Audience"),
        _("Sent"),
        _("Delivered"),
        _("Answered"),
        _("Completed"),
        _("Expired"),
        _("Response rate"),
    ]


def _month(row: Any) -> str:
    return str(row.month.key)


def _theme_table(rows: list[ThemeCount]) -> tuple[list[str], list[list[str]]]:
    header = [_("Theme"), _("Young people"), _("Parents or carers"), _("Not known"), _("Texts")]
    return header, [
        [
            _(row.name),
            suppress(row.young_people),
            suppress(row.parents),
            suppress(row.not_known),
            suppress(row.texts),
        ]
        for row in rows
    ]


def _month_ratings(rows: list[MonthRating], with_survey: bool) -> list[list[str]]:
    return [
        [
            _month(row),
            *([row.survey] if with_survey else []),
            row.voice,
            suppress(row.count),
            _average(row),
        ]
        for row in rows
    ]


Table = tuple[list[str], list[list[str]]]


def _table(name: str, period: Period) -> Table:
    """The CSV header and rows of the table called ``name`` (404 when there is none)."""
    if name in ("by-audience", "by-survey", "by-language", "ratings"):
        found = results.response_rates(period)
        if name == "ratings":
            header = [_("Question"), _("Survey"), _("Audience"), _("Answers"), _("Average")] + [
                _("Rated %(rating)s", rating=rating) for rating in RATINGS
            ]
            return header, [
                [row.question, row.survey, row.audience, suppress(row.count), _average(row)]
                + [suppress(row.distribution[rating]) for rating in RATINGS]
                for row in found.ratings
            ]
        rows, first = {
            "by-audience": (found.by_audience, _("Audience")),
            "by-survey": (found.by_template, _("Survey")),
            "by-language": (found.by_language, _("Language")),
        }[name]
        return _rate_header(first), _rate_rows(rows)
    trends = results.trends(period)
    if name == "rates-by-month":
        header = [_("Month"), _("Audience"), _("Sent"), _("Answered"), _("Response rate")]
        return header, [
            [
                _month(row),
                row.voice,
                suppress(row.sent),
                suppress(row.answered),
                _blank(rate(row.answered, row.sent)),
            ]
            for row in trends.rates
        ]
    if name == "ratings-by-month":
        header = [_("Month"), _("Audience"), _("Answers"), _("Average rating")]
        return header, _month_ratings(trends.ratings_by_voice, with_survey=False)
    if name == "ratings-by-survey-and-month":
        header = [_("Month"), _("Survey"), _("Audience"), _("Answers"), _("Average rating")]
        return header, _month_ratings(trends.ratings, with_survey=True)
    if name == "sentiment-by-month":
        header = [
            _("Month"),
            _("Audience"),
            _("Positive"),
            _("Neutral"),
            _("Negative"),
            _("Texts"),
        ]
        return header, [
            [
                _month(row),
                row.voice,
                suppress(row.positive),
                suppress(row.neutral),
                suppress(row.negative),
                suppress(row.texts),
            ]
            for row in trends.sentiment
        ]
    if name == "themes-accepted":
        return _theme_table(trends.accepted_themes)
    if name == "themes-suggested":
        return _theme_table(trends.pending_themes)
    abort(404)


@bp.route("/download.csv")
@permission_required(Permission.VIEW_SURVEY_RESULTS)
def download() -> ResponseReturnValue:
    form = _form()
    if not form.validate():
        return render_template(TEMPLATE, form=form, results=None, RATINGS=RATINGS), 400
    period = form.period()
    name = request.args.get("table", "by-audience")
    header, rows = _table(name, period)
    filename = f"survey-results-{name}-{period.start}-{period.end}.csv"
    return csv_response(filename, header, rows)
