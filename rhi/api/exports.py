"""Exports and reports for the council's own data team (scope ``exports:read``).

The SSDA903 Missing table as CSV, the episodes it leaves out and why, and the
annual report appendix. The annual tables give exact counts, each with its
published form ("<5" for 1 to 4) beside it: a key with this scope is the
council's own, and the team decides what to publish.
"""

from __future__ import annotations

from flask import Response, jsonify, request
from flask.typing import ResponseReturnValue

from rhi.api.auth import Scope, api_scope_required
from rhi.api.schemas import ApiError
from rhi.api.views import bp
from rhi.insights import annual, ssda903
from rhi.insights.csv_export import csv_text


def _year() -> int:
    """The one query parameter, ``year``; anything else is refused (as unknown body fields are)."""
    if set(request.args) - {"year"}:
        raise ApiError(400, "This endpoint takes one query parameter: year")
    if len(request.args.getlist("year")) > 1:
        raise ApiError(400, "Give the year once", fields={"year": "Give the year once"})
    try:
        return ssda903.parse_year(request.args.get("year"))
    except ssda903.BadYear as error:
        raise ApiError(400, str(error), fields={"year": str(error)}) from None


@bp.get("/exports/ssda903-missing.csv")
@api_scope_required(Scope.EXPORTS_READ)
def ssda903_missing_csv() -> ResponseReturnValue:
    year = _year()
    table = ssda903.missing_return(year)
    # No byte-order mark (unlike the staff download, which is for Excel): the header is exact.
    return Response(
        csv_text(ssda903.COLUMNS, table.rows),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{ssda903.csv_filename(year)}"'},
    )


@bp.get("/exports/ssda903-missing/errors")
@api_scope_required(Scope.EXPORTS_READ)
def ssda903_missing_errors() -> ResponseReturnValue:
    table = ssda903.missing_return(_year())
    return jsonify([failure.as_dict() for failure in table.failures])


@bp.get("/reports/annual")
@api_scope_required(Scope.EXPORTS_READ)
def annual_report() -> ResponseReturnValue:
    return jsonify(annual.as_json(annual.annual_report(_year())))
