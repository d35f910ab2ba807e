"""Repeat missing: the team's multi-agency meeting tasks, and recording each meeting."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required
from rhi.domain import Conflict, RuleBroken
from rhi.meetings import services
from rhi.meetings.forms import MeetingForm
from rhi.meetings.models import MeetingStatus

bp = Blueprint("meetings", __name__)


@bp.route("")
@permission_required(Permission.MANAGE_RHIS)
def list_meetings() -> ResponseReturnValue:
    return render_template(
        "meetings/list.html",
        open_rows=services.open_meetings(g.user.team_id),
        held_rows=services.recently_held_meetings(g.user.team_id),
        has_team=g.user.team_id is not None,
    )


@bp.route("/<int:meeting_id>", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_RHIS)
def record_meeting(meeting_id: int) -> ResponseReturnValue:
    row = services.meeting_for(g.user, meeting_id)
    if row is None:
        abort(404)
    form = MeetingForm()
    status = 200
    if form.validate_on_submit():
        try:
            services.record_meeting(row.task, form.held_on.data, form.outcome.data, by=g.user)
        except Conflict as error:
            # Already recorded (a double click, or another manager): show what was saved.
            flash(error.message, "info")
            return redirect(url_for("meetings.record_meeting", meeting_id=meeting_id))
        except RuleBroken as error:
            form.show_refusal(error)
            status = error.status
        else:
            flash(_("Meeting outcome saved"), "success")
            return redirect(url_for("meetings.list_meetings"))
    return render_template(
        "meetings/meeting.html", row=row, form=form, MeetingStatus=MeetingStatus
    ), status
