"""Recording the structured interview: save a draft, or submit it for sign-off."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required
from rhi.domain import RuleBroken
from rhi.interviews import record_services, services
from rhi.interviews.models import ReturnInterview
from rhi.interviews.record_forms import InterviewForm
from rhi.interviews.record_services import AlreadySubmitted, IncompleteInterview
from rhi.interviews.record_vocabulary import MAX_TEXT
from rhi.interviews.views import bp


def _rhi_or_404(rhi: ReturnInterview | None) -> ReturnInterview:
    if rhi is None:
        abort(404)
    return rhi


def _render(rhi: ReturnInterview, form: InterviewForm, status: int = 200) -> ResponseReturnValue:
    return (
        render_template(
            "interviews/record-interview.html",
            rhi=rhi,
            form=form,
            first_return=record_services.first_return(rhi),
            max_text=MAX_TEXT,
        ),
        status,
    )


@bp.route("/<int:rhi_id>/interview", methods=["GET", "POST"])
@permission_required(Permission.RECORD_RHIS)
def record_interview(rhi_id: int) -> ResponseReturnValue:
    if request.method == "GET":
        # The page shows the child and what they said: looking is audited, like the RHI's page.
        rhi = _rhi_or_404(services.view_rhi(g.user, rhi_id))
        if not record_services.is_recordable(rhi):
            return render_template(
                "interviews/record-unavailable.html",
                rhi=rhi,
                reason=record_services.why_not_recordable(rhi),
            )
        return _render(rhi, InterviewForm.of_record(rhi))
    rhi = _rhi_or_404(services.rhi_for(g.user, rhi_id))
    form = InterviewForm(rhi=rhi)
    if not form.validate_on_submit():
        return _render(rhi, form)
    save = record_services.submit_interview if form.submitting else record_services.save_draft
    try:
        save(rhi, form.answers(), by=g.user, expected_version=form.expected_version())
    except AlreadySubmitted as done:
        flash(done.message, "info")
        return redirect(url_for("interviews.show_rhi", rhi_id=rhi_id))
    except IncompleteInterview as incomplete:
        form.show_problems(incomplete.problems)
        return _render(rhi, form)
    except RuleBroken as refused:
        # Someone else saved first, or the RHI moved on: what they typed stays on screen.
        form.show_problems([refused])
        return _render(rhi, form, refused.status)
    if form.submitting:
        flash(_("Interview submitted for sign-off"), "success")
        return redirect(url_for("interviews.show_rhi", rhi_id=rhi_id))
    flash(_("Draft saved"), "success")
    return redirect(url_for("interviews.record_interview", rhi_id=rhi_id))
