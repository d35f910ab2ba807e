"""Theme review: participation officers accept, reject and add themes on pseudonymised texts."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext

from nlp.taxonomy import THEMES
from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required
from rhi.domain import NotFound, RuleBroken
from rhi.reference.services import list_districts
from rhi.themes import review
from rhi.themes.forms import (
    AcceptStrongForm,
    AddThemeForm,
    DecisionForm,
    QueueFilterForm,
    safe_back,
    theme_name,
)
from rhi.themes.review import ReviewItem
from rhi.themes.vocabulary import STRONG_SCORE, Decision, Origin, TextSource

bp = Blueprint("themes", __name__)


def _source_label(value: str) -> str:
    try:
        return TextSource(value).label
    except ValueError:
        return value


def _page_context(items: list[ReviewItem], back: str) -> dict[str, Any]:
    """What every review page needs to show items and their buttons."""
    return {
        "back": back,
        "themes": THEMES,
        "theme_name": lambda theme_id: _(theme_name(theme_id)),
        "strong_score": STRONG_SCORE,
        "strong_percent": round(STRONG_SCORE * 100),
        "Decision": Decision,
        "Origin": Origin,
        "TextSource": TextSource,
        "source_label": _source_label,
    }


def _here() -> str:
    return request.full_path.rstrip("?")


@bp.route("/review")
@permission_required(Permission.REVIEW_THEMES)
def review_queue() -> ResponseReturnValue:
    form = QueueFilterForm(list_districts(), formdata=request.args)
    page = None
    if form.validate():
        page = review.review_queue(form.criteria(), request.args.get("page", 1, type=int) or 1)
    # The filters as they came, so that the previous and next links keep them.
    filters = {name: request.args.getlist(name) for name in form.data if name in request.args}
    items = page.items if page else []
    return render_template(
        "themes/queue.html",
        form=form,
        results=page,
        filters=filters,
        filtered=any(any(values) for values in filters.values()),
        strong_form=AcceptStrongForm(formdata=None),
        **_page_context(items, _here()),
    ), (200 if page else 400)


def _queue_url(value: str | None) -> str:
    """The queue as the user left it (with its filters), or the plain queue."""
    queue = url_for("themes.review_queue")
    back = safe_back(value, queue)
    return back if urlsplit(back).path == queue else queue


def _render_text(
    text_id: int, back: str, add_form: AddThemeForm | None = None, status: int = 200
) -> ResponseReturnValue:
    """One text; ``back`` is where its buttons return (this page, or the queue)."""
    try:
        item = review.review_item(text_id)
    except NotFound:
        abort(404)
    here = url_for("themes.review_text", text_id=text_id)
    parts = urlsplit(back)
    # The text's own page remembers, in its address, the queue it was opened from.
    from_page = parse_qs(parts.query).get("back", [""])[0]
    queue_url = _queue_url(from_page if parts.path == here else back)
    return render_template(
        "themes/text.html",
        item=item,
        queue_url=queue_url,
        form=add_form,
        **_page_context([item], back),
    ), status


@bp.route("/review/<int:text_id>")
@permission_required(Permission.REVIEW_THEMES)
def review_text(text_id: int) -> ResponseReturnValue:
    return _render_text(text_id, _here())


@bp.route("/suggestions/<int:suggestion_id>", methods=["POST"])
@permission_required(Permission.REVIEW_THEMES)
def decide(suggestion_id: int) -> ResponseReturnValue:
    form = DecisionForm()
    back = form.back_to(url_for("themes.review_queue"))
    decision = form.chosen() if form.validate_on_submit() else None
    if decision is None:
        flash(_("Choose accept or reject"), "info")
        return redirect(back)
    try:
        suggestion = review.decide(suggestion_id, decision, by=g.user)
    except NotFound:
        abort(404)
    except RuleBroken as error:
        flash(error.message, "info")
        return redirect(back)
    name = _(theme_name(suggestion.theme))
    if decision is Decision.ACCEPTED:
        message = _("Accepted %(theme)s for text %(id)s", theme=name, id=suggestion.text_id)
    else:
        message = _("Rejected %(theme)s for text %(id)s", theme=name, id=suggestion.text_id)
    flash(message, "success")
    return redirect(back)


@bp.route("/review/<int:text_id>/add", methods=["POST"])
@permission_required(Permission.REVIEW_THEMES)
def add_theme(text_id: int) -> ResponseReturnValue:
    form = AddThemeForm()
    form.theme.id = f"add-theme-{text_id}"  # as on the page, so the error summary links to it
    back = form.back_to(url_for("themes.review_text", text_id=text_id))
    if not form.validate_on_submit():
        return _render_text(text_id, back, form, 400)
    try:
        suggestion = review.add_theme(text_id, form.theme.data, by=g.user)
    except NotFound:
        abort(404)
    except RuleBroken as error:
        form.show_refusal(error)
        return _render_text(text_id, back, form, error.status)
    flash(
        _(
            "Added %(theme)s to text %(id)s as accepted",
            theme=_(theme_name(suggestion.theme)),
            id=text_id,
        ),
        "success",
    )
    return redirect(back)


@bp.route("/review/accept-strong", methods=["POST"])
@permission_required(Permission.REVIEW_THEMES)
def accept_strong() -> ResponseReturnValue:
    form = AcceptStrongForm()
    back = form.back_to(url_for("themes.review_queue"))
    if not form.validate_on_submit():
        for message in form.text_id.errors or [_("The list of texts was not understood")]:
            flash(str(message), "info")
        return redirect(back)
    count = review.accept_strong(form.text_id.data, by=g.user)
    if count:
        flash(
            ngettext(
                "Accepted %(num)d strong suggestion",
                "Accepted %(num)d strong suggestions",
                count,
            ),
            "success",
        )
    else:
        flash(_("There were no strong suggestions waiting on this page"), "info")
    return redirect(back)
