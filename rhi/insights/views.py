"""Insight: the RHI timeliness dashboard, the records behind its numbers, and the FOI answer.

Counts on screen are exact for staff who may see children's records
(``VIEW_CHILDREN``) and suppressed ("<5" for 1 to 4) for everyone else;
CSV downloads leave the system, so they are always suppressed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import Blueprint, g, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import format_date
from flask_babel import gettext as _

from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required
from rhi.insights.cache import counted
from rhi.insights.csv_export import csv_response
from rhi.insights.filters import district_choices, ethnicity_choices
from rhi.insights.foi import foi_answer
from rhi.insights.forms import FoiForm, InsightFilterForm
from rhi.insights.hotspots import MOST_PLACES, hotspots
from rhi.insights.suppression import SMALLEST_SHOWN, SUPPRESSED, rate, shown, suppress
from rhi.insights.timeliness import (
    Breakdown,
    Figures,
    Measure,
    UnknownFigure,
    drill,
    parse_breakdown,
    parse_measure,
    timeliness,
)

bp = Blueprint("insights", __name__)

# How a rate or median with nothing to measure reads (as suppression.rate writes it).
NO_VALUE = "-"
# The columns of the timeliness table, in order.
MEASURES = list(Measure)


def _filter_form() -> InsightFilterForm:
    return InsightFilterForm(
        formdata=request.args, districts=district_choices(), ethnicities=ethnicity_choices()
    )


@dataclass(frozen=True)
class Presenter:
    """How figures read for this viewer: exact, or with small counts suppressed."""

    exact: bool

    def count(self, value: int) -> str:
        return shown(value, exact=self.exact)

    def within_rate(self, figures: Figures) -> str:
        """The share of returns with an interview completed within 72 hours."""
        return rate(figures.within_72_hours, figures.returns, exact=self.exact)

    def median(self, figures: Figures) -> str:
        if figures.median_hours is None:
            return NO_VALUE
        if not self.exact and 0 < figures.timed < SMALLEST_SHOWN:
            return SUPPRESSED
        return f"{figures.median_hours:.1f}"


def _presenter() -> Presenter:
    return Presenter(exact=g.user.can(Permission.VIEW_CHILDREN))


@dataclass(frozen=True)
class Bar:
    x: float
    height: float
    text: str  # the value as shown (it may be "<5")


@dataclass(frozen=True)
class ChartMonth:
    label: str
    short: str
    returns: Bar
    within: Bar


CHART_HEIGHT = 200  # the bars' area, in SVG units
CHART_STEP = 64  # one month's width


def _chart(trend: list[Figures], presenter: Presenter) -> list[ChartMonth]:
    """Bar geometry for the monthly trend; suppressed values are drawn with no bar."""
    top = max([row.returns for row in trend] + [1])

    def bar(x: float, value: int) -> Bar:
        text = presenter.count(value)
        height = 0.0 if text == SUPPRESSED else CHART_HEIGHT * value / top
        return Bar(x=x, height=round(height, 1), text=text)

    return [
        ChartMonth(
            label=row.label,
            short=format_date(date.fromisoformat(f"{row.key}-01"), "MMM yy"),
            returns=bar(40 + index * CHART_STEP, row.returns),
            within=bar(40 + index * CHART_STEP + 24, row.within_72_hours),
        )
        for index, row in enumerate(trend)
    ]


@bp.route("/timeliness", endpoint="timeliness")
@permission_required(Permission.VIEW_INSIGHTS)
def timeliness_dashboard() -> ResponseReturnValue:
    form = _filter_form()
    if not form.validate():
        return render_template("insights/timeliness.html", form=form, result=None), 400
    criteria = form.insight_filter()
    breakdown = form.breakdown()
    figures = counted("timeliness", (criteria, breakdown), lambda: timeliness(criteria, breakdown))
    result = figures.value
    presenter = _presenter()
    args = {**criteria.query_args(), "by": breakdown.value}

    def drill_href(measure: Measure, by: Breakdown | None, key: str) -> str:
        group = f"{by.value}:{key}" if by is not None else ""
        return url_for("insights.drill", measure=measure.value, group=group, **args)

    return render_template(
        "insights/timeliness.html",
        form=form,
        result=result,
        show=presenter,
        drill_href=drill_href if g.user.can(Permission.VIEW_INSIGHT_RECORDS) else None,
        can_export=g.user.can(Permission.EXPORT_RETURNS),
        hotspot_args=criteria.query_args(),
        csv_href=url_for("insights.timeliness_csv", **args),
        trend_csv_href=url_for("insights.timeliness_csv", **{**args, "by": Breakdown.MONTH.value}),
        measures=MEASURES,
        chart=_chart(result.trend, presenter),
        counted_at_time=figures.counted_at,
        chart_height=CHART_HEIGHT,
        chart_width=40 + CHART_STEP * len(result.trend) + 16,
        Breakdown=Breakdown,
    )


@bp.route("/timeliness/records", endpoint="drill")
@permission_required(Permission.VIEW_INSIGHT_RECORDS)
def drill_down() -> ResponseReturnValue:
    form = _filter_form()
    if not form.validate():
        return render_template("insights/records.html", form=form, records=None, problem=None), 400
    criteria = form.insight_filter()
    try:
        by_text, _colon, group = request.args.get("group", "").partition(":")
        records = drill(
            criteria,
            # With no measure named, the list is every return counted.
            parse_measure(request.args.get("measure", Measure.RETURNS.value)),
            parse_breakdown(by_text),
            group,
            g.user,
        )
    except UnknownFigure as error:
        return render_template(
            "insights/records.html", form=form, records=None, problem=error.message
        ), 400
    return render_template(
        "insights/records.html",
        form=form,
        records=records,
        criteria=criteria,
        back_href=url_for(
            "insights.timeliness", **criteria.query_args(), by=form.breakdown().value
        ),
        show=_presenter(),
        problem=None,
    )


def timeliness_table(rows: list[Figures], overall: Figures) -> list[list[str]]:
    """The table as CSV rows: one per group and a total, every count suppressed."""
    publish = Presenter(exact=False)
    return [
        [row.label]
        + [publish.count(row.count(measure)) for measure in MEASURES]
        + [_blank(publish.within_rate(row)), _blank(publish.median(row))]
        for row in [*rows, overall]
    ]


def _blank(text: str) -> str:
    """No value ("-" on the page) is an empty cell: csv_response would quote a lone "-"."""
    return "" if text == NO_VALUE else text


def csv_header(breakdown: Breakdown) -> list[str]:
    return (
        [breakdown.label]
        + [measure.label for measure in MEASURES]
        + [_("Share of returns completed within 72 hours"), _("Median hours to interview")]
    )


@bp.route("/timeliness.csv")
@permission_required(Permission.VIEW_INSIGHTS)
def timeliness_csv() -> ResponseReturnValue:
    form = _filter_form()
    if not form.validate():
        return render_template("insights/timeliness.html", form=form, result=None), 400
    criteria = form.insight_filter()
    breakdown = form.breakdown()
    result = timeliness(criteria, breakdown)
    rows = timeliness_table(result.rows, result.overall)
    name = f"rhi-timeliness-by-{breakdown.value}-{criteria.returned_from}-{criteria.returned_to}"
    return csv_response(f"{name}.csv", csv_header(breakdown), rows)


@bp.route("/foi")
@permission_required(Permission.EXPORT_RETURNS)
def foi() -> ResponseReturnValue:
    form = FoiForm(formdata=request.args)
    if not form.validate():
        return render_template("insights/foi.html", form=form, answer=None), 400
    answer = foi_answer(form.financial_year())
    return render_template(
        "insights/foi.html",
        form=form,
        answer=answer,
        csv_href=url_for("insights.foi_csv", year=answer.year),
    )


@bp.route("/foi.csv")
@permission_required(Permission.EXPORT_RETURNS)
def foi_csv() -> ResponseReturnValue:
    form = FoiForm(formdata=request.args)
    if not form.validate():
        return render_template("insights/foi.html", form=form, answer=None), 400
    answer = foi_answer(form.financial_year())
    header = [_("Question"), _("Missing from home"), _("Missing from care"), _("Total")]
    rows = [[line.question, line.home, line.care, line.total] for line in answer.lines]
    return csv_response(f"foi-missing-children-{answer.label}.csv", header, rows)


@bp.route("/hotspots", endpoint="hotspots")
@permission_required(Permission.VIEW_INSIGHTS)
def hotspots_page() -> ResponseReturnValue:
    form = _filter_form()
    if not form.validate():
        return render_template("insights/hotspots.html", form=form, places=None), 400
    criteria = form.insight_filter()
    places = counted("hotspots", criteria, lambda: hotspots(criteria))
    return render_template(
        "insights/hotspots.html",
        form=form,
        places=places.value,
        counted_at_time=places.counted_at,
        show=_presenter(),
        csv_href=url_for("insights.hotspots_csv", **criteria.query_args()),
        most=MOST_PLACES,
    )


@bp.route("/hotspots.csv")
@permission_required(Permission.VIEW_INSIGHTS)
def hotspots_csv() -> ResponseReturnValue:
    form = _filter_form()
    if not form.validate():
        return render_template("insights/hotspots.html", form=form, places=None), 400
    criteria = form.insight_filter()
    rows = [
        [place.place, place.district or "", suppress(place.episodes), suppress(place.children)]
        for place in hotspots(criteria)
    ]
    header = [_("Place"), _("District"), _("Episodes"), _("Children")]
    name = f"hotspots-{criteria.returned_from}-{criteria.returned_to}.csv"
    return csv_response(name, header, rows)
