"""The SMS simulator: play a phone without Twilio, through the same inbound path as Twilio.

Only when texts go to the console transport (no TWILIO_FROM) in a demo,
development or test app; anywhere else every page here is 404.
"""

from __future__ import annotations

import contextlib

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext

from feedback import inbox, phones
from feedback.dispatch import dispatch, transport_for
from feedback.inbox import simulate_reply
from feedback.views.simulator_forms import PhoneForm, SimulatedReplyForm
from feedback.vocabulary import Direction
from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required
from rhi.domain import RuleBroken

bp = Blueprint("sms_simulator", __name__)

# Longer than any real text (Twilio joins at most 10 segments).
MAX_SIMULATED = 1600


def simulator_enabled() -> bool:
    config = current_app.config
    local = config["HOMEWARD_DEMO"] or config["HOMEWARD_ENV"] in ("development", "test")
    return bool(local) and not config["TWILIO_FROM"]


@bp.before_request
def only_without_twilio() -> None:
    if not simulator_enabled():
        abort(404)


def _canonical(phone: str) -> str:
    try:
        return phones.to_e164(phone)
    except RuleBroken:
        abort(404)


@bp.route("", methods=["GET", "POST"])
@permission_required(Permission.READ_MESSAGES)
def choose_phone() -> ResponseReturnValue:
    form = PhoneForm()
    status = 200
    if form.validate_on_submit():
        try:
            phone = phones.to_e164(form.phone.data or "")
        except RuleBroken as error:
            form.show_refusal(error)
            status = error.status
        else:
            return redirect(url_for("sms_simulator.phone", phone=phone))
    # Whole numbers only for staff who may see who they belong to.
    names = g.user.can(Permission.VIEW_CHILDREN)
    return render_template(
        "feedback/simulator/choose.html",
        form=form,
        numbers=inbox.known_numbers() if names else [],
        display=phones.display,
    ), status


@bp.route("/<phone>", methods=["GET", "POST"])
@permission_required(Permission.READ_MESSAGES)
def phone(phone: str) -> ResponseReturnValue:
    canonical = _canonical(phone)
    if canonical != phone:
        return redirect(url_for("sms_simulator.phone", phone=canonical))
    form = SimulatedReplyForm()
    status = 200
    if form.validate_on_submit():
        body = form.body.data or ""
        if not body:
            form.body.errors = [_("Enter the text to send")]
            status = 422
        elif len(body) > MAX_SIMULATED:
            form.body.errors = [_("The text must be 1,600 characters or fewer")]
            status = 422
        else:
            simulate_reply(phone, body)
            flash(_("Your reply was received, as if Twilio had sent it"), "success")
            return redirect(url_for("sms_simulator.phone", phone=phone))
    return render_template(
        "feedback/simulator/phone.html",
        phone=phone,
        form=form,
        texts=inbox.texts_to_and_from(phone),
        display=phones.display,
        Direction=Direction,
    ), status


@bp.route("/send-now", methods=["POST"])
@permission_required(Permission.READ_MESSAGES)
def send_now() -> ResponseReturnValue:
    form = PhoneForm()  # only its CSRF token and the phone to go back to
    back = url_for("sms_simulator.choose_phone")
    if form.validate_on_submit() and form.phone.data:
        with contextlib.suppress(RuleBroken):
            back = url_for("sms_simulator.phone", phone=phones.to_e164(form.phone.data))
    report = dispatch(transport_for(current_app), worker="simulator")
    flash(ngettext("%(num)d text sent", "%(num)d texts sent", report.accepted), "success")
    hours = current_app.config["SMS_QUIET_HOURS"]
    if inbox.quiet_now(hours):
        flash(
            _(
                "It is quiet hours: texts other than safety replies wait until %(time)s",
                time=hours[1].strftime("%H:%M"),
            ),
            "info",
        )
    return redirect(back)
