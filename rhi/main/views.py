"""Home, health check and the service's information pages."""

from __future__ import annotations

import logging

import sqlalchemy as sa
from flask import Blueprint, g, jsonify, render_template
from flask.typing import ResponseReturnValue
from sqlalchemy.exc import SQLAlchemyError

from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required, public
from rhi.extensions import csrf, db, limiter

bp = Blueprint("main", __name__)
log = logging.getLogger(__name__)


@bp.route("/")
@permission_required(Permission.USE_SERVICE)
def home() -> ResponseReturnValue:
    return render_template("main/home.html", user=g.user)


@bp.route("/healthz")
@limiter.exempt
@csrf.exempt
@public
def healthz() -> ResponseReturnValue:
    try:
        db.session.execute(sa.text("SELECT 1"))
    except SQLAlchemyError as error:
        db.session.rollback()
        log.warning("health check: database unreachable (%s)", type(error).__name__)
        return (
            jsonify(
                status="unavailable",
                database="unreachable",
                reason=f"the database did not answer ({type(error).__name__})",
            ),
            503,
        )
    return jsonify(status="ok", database="ok")


@bp.route("/accessibility")
@public
def accessibility() -> ResponseReturnValue:
    return render_template("main/accessibility.html")


@bp.route("/cookies")
@public
def cookies() -> ResponseReturnValue:
    return render_template("main/cookies.html")


@bp.route("/privacy")
@public
def privacy() -> ResponseReturnValue:
    return render_template("main/privacy.html")
