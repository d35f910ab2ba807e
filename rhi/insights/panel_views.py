"""The monthly panel packs: Multiple Missing and Hotspots, CCEP and MASE, as HTML and PDF.

A pack names children, so it is for staff who may see the records behind a
figure (managers and administrators), names only the children within the
viewer's reach, and every opening or download is audited as a view of each
child it names.
"""

from __future__ import annotations

from flask import Blueprint, Response, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from werkzeug.datastructures import MultiDict

from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required
from rhi.insights.panel import (
    MARKING,
    PanelKind,
    duration_text,
    last_complete_month,
    view_pack,
)
from rhi.insights.panel_forms import PanelForm
from rhi.insights.panel_pdf import render_pdf

bp = Blueprint("insights_panels", __name__)

INDEX = "insights/panels/index.html"


def _choose(form: PanelForm, status: int = 200) -> ResponseReturnValue:
    """The page to choose a pack (with the form's errors, if any)."""
    hints = [{"hint": {"text": kind.summary}} for kind in PanelKind]
    return render_template(INDEX, form=form, panel_hints=hints), status


def _pack_form(kind: str) -> PanelForm:
    """The panel from the address, the month from the query (blank: last month)."""
    return PanelForm(formdata=MultiDict({"panel": kind, "month": request.args.get("month", "")}))


@bp.route("", endpoint="index")
@permission_required(Permission.VIEW_INSIGHT_RECORDS)
def index() -> ResponseReturnValue:
    if not request.args:
        return _choose(PanelForm(formdata=None, month=last_complete_month().key))
    form = PanelForm(formdata=request.args)
    if not form.validate():
        return _choose(form, 400)
    kind, month = form.chosen()
    return redirect(url_for("insights_panels.pack", kind=kind.value, month=month.key))


@permission_required(Permission.VIEW_INSIGHT_RECORDS)
def pack(kind: str) -> ResponseReturnValue:
    form = _pack_form(kind)
    if not form.validate():
        return _choose(form, 400)
    panel, month = form.chosen()
    result = view_pack(panel, month, viewer=g.user, as_format="html")
    return render_template(
        "insights/panels/pack.html",
        pack=result,
        pdf_href=url_for("insights_panels.pack_pdf", kind=panel.value, month=month.key),
        duration=duration_text,
        can_open_meetings=g.user.can(Permission.MANAGE_RHIS),
        can_open_interviews=g.user.can(Permission.RECORD_RHIS),
        PanelKind=PanelKind,
        marking=MARKING,
    )


@permission_required(Permission.VIEW_INSIGHT_RECORDS)
def pack_pdf(kind: str) -> ResponseReturnValue:
    form = _pack_form(kind)
    if not form.validate():
        return _choose(form, 400)
    panel, month = form.chosen()
    result = view_pack(panel, month, viewer=g.user, as_format="pdf")
    filename = f"{panel.value}-panel-{month.key}.pdf"
    return Response(
        render_pdf(result),
        mimetype="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


# One address per panel (/insights/panels/mmh, /insights/panels/mmh.pdf): the
# panel is a fixed part of the path, so unknown panels are a plain 404.
for _kind in PanelKind:
    bp.add_url_rule(f"/{_kind.value}", "pack", pack, defaults={"kind": _kind.value})
    bp.add_url_rule(f"/{_kind.value}.pdf", "pack_pdf", pack_pdf, defaults={"kind": _kind.value})
