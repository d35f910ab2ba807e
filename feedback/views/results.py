"""Survey response rates and ratings, for managers and participation officers."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask.typing import ResponseReturnValue

from feedback import results
from feedback.results import RATINGS
from feedback.views.results_forms import PeriodForm
from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required

bp = Blueprint("sms_results", __name__)


@bp.route("")
@permission_required(Permission.VIEW_SURVEY_RESULTS)
def response_rates() -> ResponseReturnValue:
    form = PeriodForm(formdata=request.args)
    if not form.validate():
        # Bad dates: say so, and show no figures that could be mistaken for the filtered ones.
        return render_template(
            "feedback/results/response-rates.html", form=form, results=None, RATINGS=RATINGS
        ), 400
    period = form.period()
    return render_template(
        "feedback/results/response-rates.html",
        form=form,
        results=results.response_rates(period),
        filtered=period.start is not None or period.end is not None,
        RATINGS=RATINGS,
    )
