"""Staff pages for sharing young people's words: approved quotes and the "you said, we did" log.

Participation officers (and administrators) approve pseudonymised, edited
copies of replies, withdraw them, and keep the log of changes made in
response, publishing entries to the page for young people
(``feedback.views.public_voice``). The rules are in ``feedback.voice``.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from feedback import voice as services
from feedback.views.voice_forms import (
    VERSION_ANCHOR,
    ChangeForm,
    PublishForm,
    QuoteForm,
    WithdrawForm,
)
from feedback.voice_models import ServiceChange, SharedQuote
from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required
from rhi.domain import NotFound, RuleBroken

bp = Blueprint("voice", __name__)


@bp.app_template_global()
def may_share_voice() -> bool:
    """Whether the signed-in user may approve words for sharing (for links on other pages)."""
    user = g.get("user")
    return user is not None and user.can(Permission.SHARE_VOICE)


# --- The log ------------------------------------------------------------------------


@bp.route("")
@permission_required(Permission.SHARE_VOICE)
def changes() -> ResponseReturnValue:
    return render_template(
        "feedback/voice/changes.html",
        changes=services.changes(),
        theme_name=services.theme_name,
    )


def _render_change(
    form: ChangeForm, change: ServiceChange | None = None, status: int = 200
) -> ResponseReturnValue:
    return (
        render_template(
            "feedback/voice/change-form.html",
            form=form,
            change=change,
            version_anchor=VERSION_ANCHOR,
        ),
        status,
    )


def _usable_quotes(change: ServiceChange | None) -> list[SharedQuote]:
    """Quotes in force, and any withdrawn one the entry still has (so it can be taken off)."""
    linked = {quote.id for quote in change.quotes} if change is not None else set()
    return [
        quote for quote in services.quotes() if quote.withdrawn_at is None or quote.id in linked
    ]


@bp.route("/changes/add", methods=["GET", "POST"])
@permission_required(Permission.SHARE_VOICE)
def add_change() -> ResponseReturnValue:
    form = ChangeForm(quotes=_usable_quotes(None))
    if request.method == "GET":
        return _render_change(form)
    if not form.validate_on_submit():
        return _render_change(form, status=400)
    try:
        services.add_change(form.details(), by=g.user)
    except RuleBroken as refused:
        form.show_problem(refused)
        return _render_change(form, status=refused.status)
    flash(_("Entry added. It is not on the public page until you publish it."), "success")
    return redirect(url_for("voice.changes"))


def _change_or_404(change_id: int) -> ServiceChange:
    try:
        return services.find_change(change_id)
    except NotFound:
        abort(404)


@bp.route("/changes/<int:change_id>", methods=["GET", "POST"])
@permission_required(Permission.SHARE_VOICE)
def edit_change(change_id: int) -> ResponseReturnValue:
    change = _change_or_404(change_id)
    quotes = _usable_quotes(change)
    if request.method == "GET":
        return _render_change(ChangeForm.of_change(change, quotes), change)
    form = ChangeForm(quotes=quotes)
    if not form.validate_on_submit():
        return _render_change(form, change, status=400)
    try:
        services.change_change(
            change_id, form.details(), by=g.user, expected_version=form.expected_version()
        )
    except NotFound:
        abort(404)
    except RuleBroken as refused:
        form.show_problem(refused)
        return _render_change(form, _change_or_404(change_id), status=refused.status)
    flash(_("Entry saved"), "success")
    return redirect(url_for("voice.changes"))


def _set_published(change_id: int, published: bool) -> ResponseReturnValue:
    form = PublishForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        services.set_published(
            change_id, published, by=g.user, expected_version=form.expected_version()
        )
    except NotFound:
        abort(404)
    except RuleBroken as refused:
        flash(refused.message, "info")
        return redirect(url_for("voice.changes"))
    if published:
        flash(_("Entry published: young people can see it now"), "success")
    else:
        flash(_("Entry unpublished: it is no longer on the public page"), "success")
    return redirect(url_for("voice.changes"))


@bp.route("/changes/<int:change_id>/publish", methods=["POST"])
@permission_required(Permission.SHARE_VOICE)
def publish_change(change_id: int) -> ResponseReturnValue:
    return _set_published(change_id, True)


@bp.route("/changes/<int:change_id>/unpublish", methods=["POST"])
@permission_required(Permission.SHARE_VOICE)
def unpublish_change(change_id: int) -> ResponseReturnValue:
    return _set_published(change_id, False)


# --- Quotes -------------------------------------------------------------------------


@bp.route("/quotes")
@permission_required(Permission.SHARE_VOICE)
def quotes() -> ResponseReturnValue:
    return render_template(
        "feedback/voice/quotes.html",
        quotes=services.quotes(),
        theme_name=services.theme_name,
    )


def _reply_or_404(reply_id: int) -> services.Reply:
    try:
        return services.reply_to_share(reply_id)
    except NotFound:
        abort(404)


def _render_approve(
    reply: services.Reply, form: QuoteForm, status: int = 200
) -> ResponseReturnValue:
    if reply.conversation_id is not None and g.user.can(Permission.READ_MESSAGES):
        back = url_for("sms_inbox.show_conversation", conversation_id=reply.conversation_id)
        back_text = _("Back to the conversation")
    else:
        back = url_for("sms_results.response_rates")
        back_text = _("Back to survey results")
    return (
        render_template(
            "feedback/voice/approve.html",
            reply=reply,
            form=form,
            back=back,
            back_text=back_text,
            theme_name=services.theme_name,
        ),
        status,
    )


@bp.route("/quotes/approve/<int:reply_id>", methods=["GET", "POST"])
@permission_required(Permission.SHARE_VOICE)
def approve_quote(reply_id: int) -> ResponseReturnValue:
    reply = _reply_or_404(reply_id)
    if request.method == "GET":
        data = {
            "text": reply.text,
            "audience": reply.audience or "",
            "theme": reply.themes[0] if reply.themes else "",
        }
        return _render_approve(reply, QuoteForm(formdata=None, data=data))
    form = QuoteForm()
    if not form.validate_on_submit():
        return _render_approve(reply, form, 400)
    try:
        services.approve_quote(reply_id, form.details(), by=g.user)
    except NotFound:
        abort(404)
    except RuleBroken as refused:
        form.show_problem(refused)
        return _render_approve(reply, form, refused.status)
    flash(_("Quote approved for sharing"), "success")
    return redirect(url_for("voice.quotes"))


@bp.route("/quotes/<int:quote_id>/withdraw", methods=["GET", "POST"])
@permission_required(Permission.SHARE_VOICE)
def withdraw_quote(quote_id: int) -> ResponseReturnValue:
    try:
        quote = services.find_quote(quote_id)
    except NotFound:
        abort(404)
    form = WithdrawForm()
    if request.method == "GET" or not form.validate_on_submit():
        status = 200 if request.method == "GET" else 400
        return render_template("feedback/voice/withdraw.html", quote=quote, form=form), status
    try:
        services.withdraw_quote(quote_id, form.reason.data, by=g.user)
    except RuleBroken as refused:
        form.show_problem(refused)
        return render_template(
            "feedback/voice/withdraw.html", quote=quote, form=form
        ), refused.status
    flash(_("Quote withdrawn: it is no longer shared anywhere"), "success")
    return redirect(url_for("voice.quotes"))
