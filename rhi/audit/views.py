"""Searching the audit log."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask.typing import ResponseReturnValue

from rhi.audit import services
from rhi.audit.forms import AuditSearchForm, action_label
from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required

bp = Blueprint("audit", __name__)


@bp.route("")
@permission_required(Permission.VIEW_AUDIT_LOG)
def search() -> ResponseReturnValue:
    form = AuditSearchForm(formdata=request.args)
    criteria = results = None
    if form.validate():
        criteria = form.criteria()
        results = services.search_and_record(criteria, request.args.get("page", 1, type=int))
    # The filters as they came, so that the previous and next links keep them.
    filters = {name: request.args.getlist(name) for name in form.data if name in request.args}
    return render_template(
        "audit/search.html",
        form=form,
        results=results,
        filters=filters,
        filtered=criteria is not None and not criteria.is_empty(),
        action_label=action_label,
    )
