"""Urgent texts: the list every duty worker sees, acknowledging one, and the duty contact.

Open alerts are not filtered by team: whoever is on duty must see every urgent
text. The banner on every page (``urgent_banner``) tells staff who handle
alerts that one is waiting.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Blueprint, abort, flash, g, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext

from feedback import alerts, phones
from feedback.inbox import find_alert
from feedback.views.alerts_forms import AcknowledgeForm, DutyForm
from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required
from rhi.database import utcnow
from rhi.domain import Conflict, RuleBroken

bp = Blueprint("sms_alerts", __name__)


def open_for(raised_at: datetime, now: datetime) -> str:
    """How long an alert has waited, like "25 minutes" or "3 hours" (rounded down)."""
    minutes = max(int((now - raised_at).total_seconds() // 60), 0)
    if minutes < 60:
        return ngettext("%(num)d minute", "%(num)d minutes", minutes)
    if minutes < 48 * 60:
        return ngettext("%(num)d hour", "%(num)d hours", minutes // 60)
    return ngettext("%(num)d day", "%(num)d days", minutes // (24 * 60))


@bp.app_context_processor
def urgent_banner() -> dict[str, Any]:
    """How many urgent texts wait for a person: one COUNT, only for those who handle them."""
    user = g.get("user")
    if user is None or not user.can(Permission.HANDLE_ALERTS):
        return {"open_urgent_count": 0}
    return {"open_urgent_count": alerts.open_alert_count()}


@bp.route("")
@permission_required(Permission.HANDLE_ALERTS)
def list_alerts() -> ResponseReturnValue:
    return render_template(
        "feedback/alerts/list.html",
        open_alerts=alerts.open_alerts(),
        acknowledged=alerts.recent_acknowledged(),
        duty=alerts.duty_contact(),
        now=utcnow(),
        open_for=open_for,
        display=phones.display,
    )


@bp.route("/<int:alert_id>", methods=["GET", "POST"])
@permission_required(Permission.HANDLE_ALERTS)
def acknowledge(alert_id: int) -> ResponseReturnValue:
    alert = find_alert(alert_id)
    if alert is None:
        abort(404)
    form = AcknowledgeForm()
    status = 200
    if form.validate_on_submit():
        try:
            alerts.acknowledge(alert_id, by=g.user, action_taken=form.action_taken.data or "")
        except Conflict as error:
            flash(error.message, "info")
            return redirect(url_for("sms_alerts.acknowledge", alert_id=alert_id))
        except RuleBroken as error:
            form.show_refusal(error)
            status = error.status
        else:
            flash(_("Urgent text acknowledged"), "success")
            return redirect(url_for("sms_alerts.list_alerts"))
    return render_template(
        "feedback/alerts/acknowledge.html",
        alert=alert,
        form=form,
        now=utcnow(),
        open_for=open_for,
        display=phones.display,
    ), status


@bp.route("/duty", methods=["GET", "POST"])
@permission_required(Permission.HANDLE_ALERTS)
def set_duty() -> ResponseReturnValue:
    current = alerts.duty_contact()
    form = DutyForm()
    status = 200
    if form.validate_on_submit():
        try:
            alerts.set_duty_contact(form.name.data or "", form.phone.data or "", by=g.user)
        except RuleBroken as error:
            form.show_refusal(error)
            status = error.status
        else:
            flash(_("Duty contact saved"), "success")
            return redirect(url_for("sms_alerts.list_alerts"))
    elif not form.is_submitted() and current is not None:
        form.name.data = current.name
        form.phone.data = phones.display(current.phone)
    return render_template(
        "feedback/alerts/duty.html", form=form, current=current, display=phones.display
    ), status
