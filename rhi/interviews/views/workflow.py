"""Due list, allocation, caseload and the RHI's page with its state changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

from flask import Response, abort, flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required
from rhi.database import utcnow
from rhi.domain import RuleBroken
from rhi.episodes.vocabulary import Category, RiskGrade
from rhi.insights.cin import suggest_factors
from rhi.interviews import services
from rhi.interviews.forms import (
    ACTION_FORMS,
    CURRENT_STATUS_ANCHOR,
    STALE_PAGE,
    AcceptForm,
    AllocateForm,
    ContactAttemptForm,
    CoverForm,
    DeclineForm,
    DueFilterForm,
    OfferForm,
    Refusal,
    ReturnForChangesForm,
    RhiActionForm,
    ScheduleForm,
    SignOffForm,
    UnableToContactForm,
)
from rhi.interviews.models import ReturnInterview
from rhi.interviews.record_forms import InterviewForm
from rhi.interviews.services import RhiAction
from rhi.interviews.views import bp
from rhi.interviews.vocabulary import Rag, RhiStatus

RAG_TAGS = {
    Rag.RED: ("govuk-tag--red", _l("Overdue")),
    Rag.AMBER: ("govuk-tag--orange", _l("Due within 24 hours")),
    Rag.GREEN: ("govuk-tag--green", _l("On track")),
}


def time_left(left: timedelta) -> str:
    """How long is left, like "5 hours left" or "Overdue by 3 hours" (rounded down)."""
    overdue = left < timedelta(0)
    span = -left if overdue else left
    minutes = int(span.total_seconds() // 60)
    if minutes < 60:
        amount = ngettext("%(num)d minute", "%(num)d minutes", minutes)
    elif minutes < 96 * 60:
        amount = ngettext("%(num)d hour", "%(num)d hours", minutes // 60)
    else:
        amount = ngettext("%(num)d day", "%(num)d days", minutes // (24 * 60))
    return (
        _("Overdue by %(amount)s", amount=amount)
        if overdue
        else _("%(amount)s left", amount=amount)
    )


def rag_tag(rag: Rag | None) -> tuple[str, str] | None:
    """The GOV.UK tag class and words for a RAG rating (None once the clock has stopped)."""
    if rag is None:
        return None
    classes, words = RAG_TAGS[rag]
    return classes, str(words)


def category_label(code: str) -> str:
    return Category(code).label


def risk_label(code: str) -> str:
    return RiskGrade(code).label


LIST_HELPERS = {"time_left": time_left, "rag_tag": rag_tag, "RhiStatus": RhiStatus}


@bp.route("/due")
@permission_required(Permission.MANAGE_RHIS)
def due_list() -> ResponseReturnValue:
    form = DueFilterForm(formdata=request.args)
    show = form.chosen()
    page = request.args.get("page", 1, type=int) or 1
    listing = services.team_due_list(g.user.team_id, show, page=page)
    return render_template(
        "interviews/due-list.html",
        form=form,
        show=show,
        listing=listing,
        has_team=g.user.team_id is not None,
        **LIST_HELPERS,
    )


@bp.route("/caseload")
@permission_required(Permission.RECORD_RHIS)
def caseload() -> ResponseReturnValue:
    rows = services.caseload(g.user)
    returned = [row for row in rows if row.rhi.status_enum is RhiStatus.RETURNED_FOR_CHANGES]
    others = [row for row in rows if row.rhi.status_enum is not RhiStatus.RETURNED_FOR_CHANGES]
    return render_template(
        "interviews/caseload.html", returned=returned, rows=others, **LIST_HELPERS
    )


# The RHI's page ------------------------------------------------------------


def _rhi_or_404(rhi_id: int) -> ReturnInterview:
    """The RHI, or 404 for one that does not exist and one out of reach alike."""
    rhi = services.rhi_for(g.user, rhi_id)
    if rhi is None:
        abort(404)
    return rhi


def _set_choices(form: RhiActionForm, rhi: ReturnInterview) -> None:
    """Fill the lists an action's form chooses from."""
    if isinstance(form, AllocateForm):
        form.set_workers(services.team_workers(rhi.child.team_id))
    elif isinstance(form, CoverForm):
        form.set_targets(services.other_open_rhis(rhi))


def _fresh_form(action: RhiAction, rhi: ReturnInterview) -> RhiActionForm:
    form = ACTION_FORMS[action](formdata=None)
    _set_choices(form, rhi)
    if isinstance(form, AllocateForm):
        form.worker.data = rhi.allocated_to_id
    elif isinstance(form, ScheduleForm):
        form.show_booking(rhi.scheduled_for, rhi.scheduled_place)
    return form


def _submitted_interview(rhi: ReturnInterview) -> list[tuple[str, list[str]]]:
    """What the child said and the worker recorded, once submitted (for sign-off)."""
    if rhi.record is None or rhi.record.submitted_at is None:
        return []
    return InterviewForm.of_record(rhi).summary()


def _render_rhi(
    rhi: ReturnInterview,
    failed: RhiActionForm | None = None,
    error: RuleBroken | None = None,
) -> ResponseReturnValue:
    """The RHI's page; ``failed`` is a submitted form to show again with what was typed.

    A refusal about a field is shown at that field; one about the RHI's state
    (a stale page, a move the workflow forbids) at the current status.
    """
    manager = g.user.can(Permission.MANAGE_RHIS)
    actions = services.available_actions(rhi, manager=manager)
    forms = {action: _fresh_form(action, rhi) for action in actions if action in ACTION_FORMS}
    summary: RhiActionForm | Refusal | None = None
    if failed is not None:
        shown = failed.action in forms
        if shown:
            forms[failed.action] = failed
        if error is not None:
            on_field = shown and failed.show_refusal(error)
            summary = failed if on_field else Refusal.at(CURRENT_STATUS_ANCHOR, error.message)
        else:
            # Not on the page now (the RHI has moved on): the page they used was stale.
            summary = failed.refusal() or (
                failed if shown else Refusal.at(CURRENT_STATUS_ANCHOR, str(STALE_PAGE))
            )
    status = error.status if error is not None else 200
    return (
        render_template(
            "interviews/rhi.html",
            rhi=rhi,
            form=summary,
            forms=forms,
            actions=actions,
            manager=manager,
            history=services.rhi_history(rhi),
            interview=_submitted_interview(rhi),
            cin_factors=suggest_factors(rhi),
            rag=services.rag(rhi),
            left=rhi.due_at - utcnow(),
            RhiAction=RhiAction,
            category_label=category_label,
            risk_label=risk_label,
            current_status_anchor=CURRENT_STATUS_ANCHOR,
            **LIST_HELPERS,
        ),
        status,
    )


@bp.route("/<int:rhi_id>")
@permission_required(Permission.RECORD_RHIS)
def show_rhi(rhi_id: int) -> ResponseReturnValue:
    rhi = services.view_rhi(g.user, rhi_id)
    if rhi is None:
        abort(404)
    return _render_rhi(rhi)


F = TypeVar("F", bound=RhiActionForm)


def _act(
    rhi_id: int, form_class: type[F], perform: Callable[[ReturnInterview, F], object], done: str
) -> ResponseReturnValue:
    """Validate the action's form, make one service call, then back to the RHI's page."""
    rhi = _rhi_or_404(rhi_id)
    form = form_class()
    _set_choices(form, rhi)
    if not form.validate_on_submit():
        return _render_rhi(rhi, form)
    try:
        perform(rhi, form)
    except RuleBroken as error:
        # The service rolled back: show the RHI as it is now, with the reason.
        return _render_rhi(_rhi_or_404(rhi_id), form, error)
    flash(done, "success")
    return redirect(url_for("interviews.show_rhi", rhi_id=rhi_id))


@bp.route("/<int:rhi_id>/allocate", methods=["POST"])
@permission_required(Permission.MANAGE_RHIS)
def allocate(rhi_id: int) -> ResponseReturnValue:
    return _act(
        rhi_id,
        AllocateForm,
        lambda rhi, form: services.allocate_worker(
            rhi, form.worker.data, by=g.user, expected_version=form.expected_version()
        ),
        _("Interview allocated"),
    )


@bp.route("/<int:rhi_id>/cover", methods=["POST"])
@permission_required(Permission.MANAGE_RHIS)
def cover(rhi_id: int) -> ResponseReturnValue:
    return _act(
        rhi_id,
        CoverForm,
        lambda rhi, form: services.cover_with(
            rhi, form.target.data, by=g.user, expected_version=form.expected_version()
        ),
        _("This return is now covered by the other interview"),
    )


@bp.route("/<int:rhi_id>/contact-attempt", methods=["POST"])
@permission_required(Permission.RECORD_RHIS)
def record_contact_attempt(rhi_id: int) -> ResponseReturnValue:
    return _act(
        rhi_id,
        ContactAttemptForm,
        lambda rhi, form: services.record_contact_attempt(
            rhi, form.note.data, by=g.user, expected_version=form.expected_version()
        ),
        _("Contact attempt recorded"),
    )


@bp.route("/<int:rhi_id>/offered", methods=["POST"])
@permission_required(Permission.RECORD_RHIS)
def record_offer(rhi_id: int) -> ResponseReturnValue:
    return _act(
        rhi_id,
        OfferForm,
        lambda rhi, form: services.record_offer(
            rhi,
            form.contact_method(),
            form.note.data,
            by=g.user,
            expected_version=form.expected_version(),
        ),
        _("Recorded that the interview was offered"),
    )


@bp.route("/<int:rhi_id>/accepted", methods=["POST"])
@permission_required(Permission.RECORD_RHIS)
def record_accepted(rhi_id: int) -> ResponseReturnValue:
    return _act(
        rhi_id,
        AcceptForm,
        lambda rhi, form: services.change_status(
            rhi, RhiStatus.ACCEPTED, by=g.user, expected_version=form.expected_version()
        ),
        _("Recorded that the child accepted"),
    )


@bp.route("/<int:rhi_id>/declined", methods=["POST"])
@permission_required(Permission.RECORD_RHIS)
def record_declined(rhi_id: int) -> ResponseReturnValue:
    return _act(
        rhi_id,
        DeclineForm,
        lambda rhi, form: services.record_declined(
            rhi,
            form.reason.data,
            form.parent_information.data,
            by=g.user,
            expected_version=form.expected_version(),
        ),
        _("Recorded that the child declined"),
    )


@bp.route("/<int:rhi_id>/unable-to-contact", methods=["POST"])
@permission_required(Permission.RECORD_RHIS)
def record_unable_to_contact(rhi_id: int) -> ResponseReturnValue:
    return _act(
        rhi_id,
        UnableToContactForm,
        lambda rhi, form: services.record_unable_to_contact(
            rhi, form.note.data, by=g.user, expected_version=form.expected_version()
        ),
        _("Recorded that the child could not be contacted"),
    )


@bp.route("/<int:rhi_id>/schedule", methods=["POST"])
@permission_required(Permission.RECORD_RHIS)
def schedule(rhi_id: int) -> ResponseReturnValue:
    return _act(
        rhi_id,
        ScheduleForm,
        lambda rhi, form: services.schedule(
            rhi,
            form.when(),
            form.place.data,
            form.present.data,
            by=g.user,
            expected_version=form.expected_version(),
        ),
        _("Interview scheduled"),
    )


@bp.route("/<int:rhi_id>/sign-off", methods=["POST"])
@permission_required(Permission.MANAGE_RHIS)
def sign_off(rhi_id: int) -> ResponseReturnValue:
    return _act(
        rhi_id,
        SignOffForm,
        lambda rhi, form: services.sign_off(
            rhi, form.comments.data, by=g.user, expected_version=form.expected_version()
        ),
        _("Interview signed off"),
    )


@bp.route("/<int:rhi_id>/return-for-changes", methods=["POST"])
@permission_required(Permission.MANAGE_RHIS)
def return_for_changes(rhi_id: int) -> ResponseReturnValue:
    return _act(
        rhi_id,
        ReturnForChangesForm,
        lambda rhi, form: services.return_for_changes(
            rhi, form.comments.data, by=g.user, expected_version=form.expected_version()
        ),
        _("Interview returned to the worker for changes"),
    )


@bp.route("/<int:rhi_id>/interview.ics")
@permission_required(Permission.RECORD_RHIS)
def download_calendar(rhi_id: int) -> ResponseReturnValue:
    rhi = _rhi_or_404(rhi_id)
    link = url_for("interviews.show_rhi", rhi_id=rhi.id, _external=True)
    try:
        calendar = services.interview_calendar(rhi, link)
    except RuleBroken as error:
        flash(error.message, "info")
        return redirect(url_for("interviews.show_rhi", rhi_id=rhi.id))
    filename = f"return-home-interview-{rhi.child.case_ref}.ics"
    return Response(
        calendar,
        mimetype="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
