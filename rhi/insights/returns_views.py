"""Statutory and inspection returns, for team managers and administrators.

The SSDA903 Missing table with its validation report, Ofsted Annex A List 8's
missing columns, the annual report appendix tables, and the Children in Need
census factors completed RHIs can evidence, each on screen and as CSV. The
year or date is chosen in a GET form, so every view can be bookmarked.
"""

from __future__ import annotations

from datetime import date

from flask import Blueprint, render_template, request
from flask.typing import ResponseReturnValue

from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required
from rhi.database import utcnow
from rhi.insights import annex_a, annual, cin, ssda903
from rhi.insights.csv_export import csv_response
from rhi.insights.returns_forms import AsOfForm, YearForm

bp = Blueprint("statutory", __name__)


def _today() -> date:
    return ssda903.uk_date(utcnow())


def _year_form() -> tuple[YearForm, int | None]:
    form = YearForm(formdata=request.args)
    if not form.validate():
        return form, None
    return form, form.chosen(_today())


def _as_of_form() -> tuple[AsOfForm, date | None]:
    form = AsOfForm(formdata=request.args)
    if not form.validate():
        return form, None
    return form, form.chosen(_today())


@bp.route("")
@permission_required(Permission.EXPORT_RETURNS)
def index() -> ResponseReturnValue:
    form, year = _year_form()
    return render_template("insights/returns/index.html", form=form, year=year), (
        200 if year else 400
    )


@bp.route("/ssda903", endpoint="ssda903")
@permission_required(Permission.EXPORT_RETURNS)
def ssda903_report() -> ResponseReturnValue:
    form, year = _year_form()
    if year is None:
        return render_template("insights/returns/ssda903.html", form=form, table=None), 400
    table = ssda903.missing_return(year)
    return render_template(
        "insights/returns/ssda903.html",
        form=form,
        year=year,
        table=table,
        columns=ssda903.COLUMNS,
    )


@bp.route("/ssda903.csv")
@permission_required(Permission.EXPORT_RETURNS)
def ssda903_csv() -> ResponseReturnValue:
    form, year = _year_form()
    if year is None:
        return render_template("insights/returns/ssda903.html", form=form, table=None), 400
    table = ssda903.missing_return(year)
    return csv_response(ssda903.csv_filename(year), ssda903.COLUMNS, table.rows)


@bp.route("/annex-a", endpoint="annex_a")
@permission_required(Permission.EXPORT_RETURNS)
def annex_a_report() -> ResponseReturnValue:
    form, as_of = _as_of_form()
    if as_of is None:
        return render_template("insights/returns/annex-a.html", form=form, rows=None), 400
    return render_template(
        "insights/returns/annex-a.html",
        form=form,
        as_of=as_of,
        since=annex_a.year_before(as_of),
        rows=annex_a.annex_a(as_of),
        columns=annex_a.COLUMNS,
    )


@bp.route("/annex-a.csv")
@permission_required(Permission.EXPORT_RETURNS)
def annex_a_csv() -> ResponseReturnValue:
    form, as_of = _as_of_form()
    if as_of is None:
        return render_template("insights/returns/annex-a.html", form=form, rows=None), 400
    rows = [row.cells() for row in annex_a.annex_a(as_of)]
    return csv_response(annex_a.csv_filename(as_of), annex_a.header(), rows)


@bp.route("/annual", endpoint="annual")
@permission_required(Permission.EXPORT_RETURNS)
def annual_report() -> ResponseReturnValue:
    form, year = _year_form()
    if year is None:
        return render_template("insights/returns/annual.html", form=form, report=None), 400
    return render_template(
        "insights/returns/annual.html",
        form=form,
        year=year,
        report=annual.annual_report(year),
        notes=annual.NOTES,
    )


@bp.route("/annual.csv")
@permission_required(Permission.EXPORT_RETURNS)
def annual_csv() -> ResponseReturnValue:
    form, year = _year_form()
    if year is None:
        return render_template("insights/returns/annual.html", form=form, report=None), 400
    report = annual.annual_report(year)
    return csv_response(
        f"annual-report-tables-{year}-{year + 1}.csv",
        annual.CSV_HEADER,
        annual.csv_rows(report),
    )


@bp.route("/cin-factors", endpoint="cin_factors")
@permission_required(Permission.EXPORT_RETURNS)
def cin_factors_report() -> ResponseReturnValue:
    form, year = _year_form()
    if year is None:
        return render_template("insights/returns/cin-factors.html", form=form, rows=None), 400
    rows = cin.factors_for_year(year)
    pages = max(1, -(-len(rows) // cin.PAGE_SIZE))
    page = min(max(request.args.get("page", 1, type=int) or 1, 1), pages)
    start = (page - 1) * cin.PAGE_SIZE
    return render_template(
        "insights/returns/cin-factors.html",
        form=form,
        year=year,
        rows=rows,
        shown=rows[start : start + cin.PAGE_SIZE],
        first=start + 1,
        page=page,
        pages=pages,
        children_with=cin.children_with(rows),
        factors=list(cin.CinFactor),
        rules=cin.RULES,
    )


@bp.route("/cin-factors.csv")
@permission_required(Permission.EXPORT_RETURNS)
def cin_factors_csv() -> ResponseReturnValue:
    form, year = _year_form()
    if year is None:
        return render_template("insights/returns/cin-factors.html", form=form, rows=None), 400
    rows = cin.csv_rows(cin.factors_for_year(year))
    return csv_response(cin.csv_filename(year), cin.csv_header(), rows)
