"""The tagger's model versions for administrators: held-out figures, and the one in use."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required
from rhi.domain import NotFound
from rhi.themes.versions import choose, chosen_name, list_versions, model_in_use, tagged_counts

bp = Blueprint("tagger_models", __name__)


@bp.route("")
@permission_required(Permission.MANAGE_TAGGER)
def list_models() -> ResponseReturnValue:
    in_use, _path = model_in_use()
    done, total = tagged_counts()
    return render_template(
        "themes/models.html",
        versions=list_versions(),
        chosen=chosen_name(),
        in_use=in_use,
        done=done,
        total=total,
    )


@bp.route("/<name>/use", methods=["POST"])
@permission_required(Permission.MANAGE_TAGGER)
def use_model(name: str) -> ResponseReturnValue:
    try:
        choose(name, by=g.user)
    except NotFound:
        abort(404)
    flash(
        _(
            "%(name)s is in use. The worker is tagging texts again with it, a batch at a time.",
            name=name,
        ),
        "success",
    )
    return redirect(url_for("tagger_models.list_models"))
