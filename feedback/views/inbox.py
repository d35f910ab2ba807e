"""The SMS inbox: conversations, one conversation, replying by hand, checking unknown sends."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from feedback import inbox as service
from feedback.inbox import InboxFilter
from feedback.views.inbox_forms import CallbackForm, CheckForm, ReplyForm
from feedback.vocabulary import Direction, MessageKind, SendStatus
from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required
from rhi.domain import NotFound, RuleBroken

bp = Blueprint("sms_inbox", __name__)


def _filter_from(raw: str | None) -> InboxFilter:
    try:
        return InboxFilter(raw or InboxFilter.ALL)
    except ValueError:
        return InboxFilter.ALL


@bp.route("")
@permission_required(Permission.READ_MESSAGES)
def inbox() -> ResponseReturnValue:
    which = _filter_from(request.args.get("show"))
    page = request.args.get("page", 1, type=int) or 1
    return render_template(
        "feedback/inbox/inbox.html",
        results=service.inbox(g.user, which, page),
        which=which,
        InboxFilter=InboxFilter,
        pseudonymised=not service.shows_names(g.user),
    )


def _render_conversation(
    conversation_id: int, form: ReplyForm | None = None, status: int = 200
) -> ResponseReturnValue:
    view = service.view_conversation(g.user, conversation_id)
    if view is None:
        abort(404)
    start, end = current_app.config["SMS_QUIET_HOURS"]
    return render_template(
        "feedback/inbox/conversation.html",
        view=view,
        form=form or ReplyForm(formdata=None),
        check_form=CheckForm(formdata=None),
        can_send=g.user.can(Permission.SEND_MESSAGES),
        quiet_start=start.strftime("%H:%M"),
        quiet_end=end.strftime("%H:%M"),
        Direction=Direction,
        MessageKind=MessageKind,
        SendStatus=SendStatus,
    ), status


@bp.route("/<int:conversation_id>")
@permission_required(Permission.READ_MESSAGES)
def show_conversation(conversation_id: int) -> ResponseReturnValue:
    return _render_conversation(conversation_id)


@bp.route("/<int:conversation_id>/reply", methods=["POST"])
@permission_required(Permission.SEND_MESSAGES)
def reply(conversation_id: int) -> ResponseReturnValue:
    form = ReplyForm()
    if form.validate_on_submit():
        try:
            service.send_reply(g.user, conversation_id, form.body.data)
        except NotFound:
            abort(404)
        except RuleBroken as error:
            form.show_refusal(error)
            return _render_conversation(conversation_id, form, error.status)
        hours = current_app.config["SMS_QUIET_HOURS"]
        if service.quiet_now(hours):
            flash(
                _(
                    "Your text is waiting: it is quiet hours, so it will be sent at %(time)s",
                    time=hours[1].strftime("%H:%M"),
                ),
                "success",
            )
        else:
            flash(_("Your text is on its way"), "success")
        return redirect(url_for("sms_inbox.show_conversation", conversation_id=conversation_id))
    return _render_conversation(conversation_id, form, 400)


@bp.route("/<int:conversation_id>/callback-done", methods=["POST"])
@permission_required(Permission.SEND_MESSAGES)
def callback_done(conversation_id: int) -> ResponseReturnValue:
    if not CallbackForm().validate_on_submit():
        abort(400)
    try:
        service.mark_callback_done(g.user, conversation_id)
    except NotFound:
        abort(404)
    except RuleBroken as error:
        flash(error.message, "info")
    else:
        flash(_("Call back marked as done"), "success")
    return redirect(url_for("sms_inbox.show_conversation", conversation_id=conversation_id))


@bp.route("/sent/<int:message_id>/check", methods=["POST"])
@permission_required(Permission.SEND_MESSAGES)
def resolve_check(message_id: int) -> ResponseReturnValue:
    form = CheckForm()
    if not form.validate_on_submit() or form.was_sent.data not in ("yes", "no"):
        flash(_("Say whether the text was sent"), "info")
        return redirect(url_for("sms_inbox.inbox"))
    try:
        message = service.resolve_check(g.user, message_id, was_sent=form.was_sent.data == "yes")
    except NotFound:
        abort(404)
    except RuleBroken as error:
        flash(error.message, "info")
        return redirect(url_for("sms_inbox.inbox"))
    if form.was_sent.data == "yes":
        flash(_("Marked as sent. It will not be sent again."), "success")
    else:
        flash(_("The text will be sent again."), "success")
    if message.conversation_id is None:
        return redirect(url_for("sms_inbox.inbox"))
    return redirect(url_for("sms_inbox.show_conversation", conversation_id=message.conversation_id))
