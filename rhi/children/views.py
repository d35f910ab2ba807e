"""Children's pages: finding a child, and a child's record with its timeline."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import Blueprint, abort, current_app, g, render_template, request
from flask.typing import ResponseReturnValue

from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required
from rhi.children import viewing
from rhi.children.forms import ChildSearchForm
from rhi.children.vocabulary import Gender, LegalStatus, Vulnerability
from rhi.database import utcnow
from rhi.episodes.vocabulary import Category, RiskGrade
from rhi.interviews.vocabulary import RhiStatus
from rhi.meetings.models import MeetingStatus

bp = Blueprint("children", __name__)
# The child's page shows this many timeline entries; "Show all" lists the rest.
TIMELINE_SHOWN = 30

LONDON = ZoneInfo("Europe/London")

LABELS = {
    "legal_status_label": lambda code: LegalStatus(code).label,
    "gender_label": lambda code: Gender(code).label,
    "category_label": lambda code: Category(code).label,
    "risk_label": lambda code: RiskGrade(code).label,
    "rhi_status_label": lambda code: RhiStatus(code).label,
}


@bp.route("")
@permission_required(Permission.VIEW_CHILDREN)
def search() -> ResponseReturnValue:
    form = ChildSearchForm(formdata=request.args)
    text = form.text()
    results = viewing.search_children(g.user, text, request.args.get("page", 1, type=int))
    return render_template(
        "children/search.html",
        form=form,
        text=text,
        results=results,
        window_days=current_app.config["REPEAT_WINDOW"].days,
        **LABELS,
    )


@bp.route("/<case_ref>")
@permission_required(Permission.VIEW_CHILDREN)
def show_child(case_ref: str) -> ResponseReturnValue:
    child = viewing.view_child(g.user, case_ref)
    if child is None:
        abort(404)
    vulnerabilities = [Vulnerability(v) for v in child.vulnerabilities or []]
    timeline = viewing.child_timeline(child)
    whole = request.args.get("timeline") == "all"
    return render_template(
        "children/child.html",
        child=child,
        age=child.age_on(utcnow().astimezone(LONDON).date()),
        vulnerabilities=vulnerabilities,
        neurodivergent=any(v.neurodivergent for v in vulnerabilities),
        timeline=timeline if whole else timeline[:TIMELINE_SHOWN],
        timeline_total=len(timeline),
        can_manage=g.user.can(Permission.MANAGE_RHIS),
        can_open_rhis=g.user.can(Permission.RECORD_RHIS),
        MeetingStatus=MeetingStatus,
        **LABELS,
    )


from rhi.children import philomena_views  # noqa: E402, F401
