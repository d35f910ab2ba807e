"""Reasons for missing: themes by episodes and children, with the texts behind a count.

Counts on screen are exact for staff who may see children's records
(``VIEW_CHILDREN``) and "<5" for 1 to 4 for everyone else (participation
officers); every CSV is suppressed. The texts behind a count are always
pseudonymised (initials for names, numbers hidden), as on the theme review
pages, so participation officers may read them too; reading them is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from flask import Blueprint, g, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import format_date
from flask_babel import gettext as _

from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required
from rhi.insights.cache import counted
from rhi.insights.csv_export import csv_response
from rhi.insights.filters import InsightFilter, district_choices, ethnicity_choices
from rhi.insights.reasons import (
    ANY_THEME,
    GroupKind,
    MonthFigures,
    Reasons,
    ThemeFigures,
    group_key,
    parse_decision,
    parse_group,
    parse_theme,
    reasons,
    view_texts,
)
from rhi.insights.reasons_forms import ReasonsFilterForm
from rhi.insights.suppression import SUPPRESSED
from rhi.insights.timeliness import Setting, UnknownFigure
from rhi.insights.views import Presenter
from rhi.themes.forms import theme_name
from rhi.themes.vocabulary import Decision

bp = Blueprint("insights_reasons", __name__)

# Far beyond any real list of texts, and small enough for every database's OFFSET.
MAX_PAGE = 1_000_000


class Table(StrEnum):
    """The tables on the page, each downloadable as CSV (``table=`` in the link)."""

    THEMES = "themes"
    SUGGESTED = "suggested"
    CARE = "home-or-care"
    DISTRICT = "district"
    TREND = "trend"


def _filter_form(districts: list[tuple[str, str]] | None = None) -> ReasonsFilterForm:
    return ReasonsFilterForm(
        formdata=request.args,
        districts=district_choices() if districts is None else districts,
        ethnicities=ethnicity_choices(),
    )


def _presenter() -> Presenter:
    return Presenter(exact=g.user.can(Permission.VIEW_CHILDREN))


# --- The chart: one small bar chart per theme, on one scale ----------------------

CHART_HEIGHT = 80  # the bars' area, in SVG units
CHART_STEP = 28  # one month's width
BAR_WIDTH = 18
CHART_LEFT = 6
CHART_TOP = 16  # room for the value over the tallest bar


@dataclass(frozen=True)
class Bar:
    x: float
    height: float
    text: str  # the value as shown (it may be "<5", drawn with no bar)
    month: str  # short month name under the bar


@dataclass(frozen=True)
class ThemeChart:
    theme: str
    label: str
    bars: list[Bar]


def _charts(result: Reasons, presenter: Presenter) -> list[ThemeChart]:
    """Each theme's accepted episodes per month, all on the scale of the largest."""
    top = max(
        [month.theme(row.theme).episodes for month in result.trend for row in result.accepted] + [1]
    )

    def bar(index: int, month: MonthFigures, theme: str) -> Bar:
        value = month.theme(theme).episodes
        text = presenter.count(value)
        height = 0.0 if text == SUPPRESSED else CHART_HEIGHT * value / top
        return Bar(
            x=CHART_LEFT + index * CHART_STEP + (CHART_STEP - BAR_WIDTH) / 2,
            height=round(height, 1),
            text=text,
            month=format_date(month.first_day, "MMM"),
        )

    return [
        ThemeChart(
            theme=row.theme,
            label=row.label,
            bars=[bar(index, month, row.theme) for index, month in enumerate(result.trend)],
        )
        for row in result.accepted
    ]


# --- The dashboard -----------------------------------------------------------------


@bp.route("", endpoint="themes")
@permission_required(Permission.VIEW_INSIGHTS)
def themes_page() -> ResponseReturnValue:
    districts = district_choices()
    form = _filter_form(districts)
    if not form.validate():
        return render_template("insights/reasons/themes.html", form=form, result=None), 400
    criteria = form.insight_filter()
    figures = counted("reasons", criteria, lambda: reasons(criteria))
    result = figures.value
    presenter = _presenter()
    args = criteria.query_args()

    def texts_href(theme: str, decision: Decision, group: str = "") -> str:
        return url_for(
            "insights_reasons.texts",
            theme=theme or None,
            decision=decision.value,
            group=group or None,
            **args,
        )

    def csv_href(table: Table) -> str:
        return url_for("insights_reasons.table_csv", table=table.value, **args)

    return render_template(
        "insights/reasons/themes.html",
        form=form,
        result=result,
        counted_at_time=figures.counted_at,
        show=presenter,
        texts_href=texts_href,
        csv_href=csv_href,
        group_key=group_key,
        districts=districts,
        settings=list(Setting),
        charts=_charts(result, presenter),
        chart_height=CHART_HEIGHT,
        chart_top=CHART_TOP,
        bar_width=BAR_WIDTH,
        chart_width=2 * CHART_LEFT + CHART_STEP * len(result.trend),
        can_review=g.user.can(Permission.REVIEW_THEMES),
        Decision=Decision,
        GroupKind=GroupKind,
        Table=Table,
    )


# --- CSV: each table, always suppressed ---------------------------------------------


def _count_cells(rows: list[ThemeFigures]) -> list[list[str]]:
    publish = Presenter(exact=False)
    return [
        [row.label, publish.count(row.total.episodes), publish.count(row.total.children)]
        for row in rows
    ]


def csv_table(
    table: Table, result: Reasons, districts: list[tuple[str, str]]
) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of one table, every count suppressed (1 to 4 as "<5")."""
    publish = Presenter(exact=False)
    episodes, children = _("Episodes"), _("Children")
    header: list[str]
    if table is Table.THEMES:
        return [_("Theme"), episodes, children], _count_cells(
            [*result.accepted, result.any_accepted]
        )
    if table is Table.SUGGESTED:
        header = [_("Theme (suggested, not yet reviewed)"), episodes, children]
        return header, _count_cells([*result.suggested, result.any_suggested])
    if table is Table.CARE:
        header = [_("Theme")]
        for setting in Setting:
            header += [f"{setting.label}: {episodes}", f"{setting.label}: {children}"]
        rows = []
        for row in [*result.accepted, result.any_accepted]:
            cells = [row.label]
            for setting in Setting:
                count = row.setting(setting.value)
                cells += [publish.count(count.episodes), publish.count(count.children)]
            rows.append(cells)
        return header, rows
    if table is Table.DISTRICT:
        header = [_("Theme"), _("District"), episodes, children]
        rows = [
            [
                row.label,
                name,
                publish.count(row.district(code).episodes),
                publish.count(row.district(code).children),
            ]
            for row in [*result.accepted, result.any_accepted]
            for code, name in districts
        ]
        return header, rows
    header = [_("Month"), _("Theme"), episodes, children]
    rows = [
        [
            month.label,
            row.label,
            publish.count(month.theme(row.theme).episodes),
            publish.count(month.theme(row.theme).children),
        ]
        for month in result.trend
        for row in result.accepted
    ]
    return header, rows


@bp.route("/reasons.csv", endpoint="table_csv")
@permission_required(Permission.VIEW_INSIGHTS)
def table_csv() -> ResponseReturnValue:
    districts = district_choices()
    form = _filter_form(districts)
    if not form.validate():
        return render_template("insights/reasons/themes.html", form=form, result=None), 400
    try:
        table = Table(request.args.get("table") or Table.THEMES.value)
    except ValueError:
        return render_template(
            "insights/reasons/themes.html",
            form=form,
            result=None,
            problem=_("Choose a table to download from the page"),
        ), 400
    criteria: InsightFilter = form.insight_filter()
    header, rows = csv_table(table, reasons(criteria), districts)
    name = f"reasons-for-missing-{table.value}-{criteria.returned_from}-{criteria.returned_to}"
    return csv_response(f"{name}.csv", header, rows)


# --- The texts behind a count ----------------------------------------------------------


@bp.route("/texts", endpoint="texts")
@permission_required(Permission.VIEW_INSIGHTS)
def texts_page() -> ResponseReturnValue:
    form = _filter_form()
    if not form.validate():
        return render_template("insights/reasons/texts.html", form=form, texts=None), 400
    criteria = form.insight_filter()
    try:
        theme = parse_theme(request.args.get("theme"))
        decision = parse_decision(request.args.get("decision"))
        group = parse_group(criteria, request.args.get("group"))
    except UnknownFigure as error:
        return render_template(
            "insights/reasons/texts.html", form=form, texts=None, problem=error.message
        ), 400
    page = min(max(request.args.get("page", 1, type=int) or 1, 1), MAX_PAGE)
    texts = view_texts(criteria, theme, decision, group, g.user, page)
    args: dict[str, Any] = {
        **criteria.query_args(),
        "theme": theme or None,
        "decision": decision.value,
        "group": group.key or None,
    }
    return render_template(
        "insights/reasons/texts.html",
        form=form,
        texts=texts,
        criteria=criteria,
        show=_presenter(),
        back_href=url_for("insights_reasons.themes", **criteria.query_args()),
        page_href=lambda number: url_for("insights_reasons.texts", page=number, **args),
        theme_name=lambda theme_id: _(theme_name(theme_id)),
        can_review=g.user.can(Permission.REVIEW_THEMES),
        ANY_THEME=ANY_THEME,
        Decision=Decision,
    )
