"""Errors become GOV.UK pages, or JSON for ``/api/``, in this one place."""

from __future__ import annotations

import logging

from flask import Flask, Request, Response, g, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.http import HTTP_STATUS_CODES

from rhi.audit.actions import AuditAction
from rhi.audit.services import record_now
from rhi.extensions import db
from rhi.logsafe import route

log = logging.getLogger(__name__)

# What each error page says: a heading and a plain-English explanation.
PAGES = {
    400: (
        _l("Sorry, there is a problem with that request"),
        _l("Check what you entered and try again."),
    ),
    403: (
        _l("You do not have permission to see this page"),
        _l("If you think you should have access, contact your administrator."),
    ),
    404: (
        _l("Page not found"),
        _l(
            "If you typed the web address, check it is correct. "
            "If you pasted it, check you copied all of it."
        ),
    ),
    405: (
        _l("Sorry, there is a problem with that request"),
        _l("That page cannot be used in that way."),
    ),
    413: (_l("What you sent is too large"), _l("Make it smaller and try again.")),
    429: (_l("Too many attempts"), _l("Wait a minute, then try again.")),
    500: (
        _l("Sorry, there is a problem with the service"),
        _l("Try again later. Anything you had already saved has been kept."),
    ),
    503: (_l("Sorry, the service is unavailable"), _l("Try again later.")),
}


def wants_json(req: Request) -> bool:
    return req.path.startswith("/api/")


def error_code(status: int) -> str:
    """A stable machine-readable code for an HTTP status: 404 -> "not_found"."""
    return HTTP_STATUS_CODES.get(status, "error").lower().replace(" ", "_").replace("'", "")


def json_error(
    status: int,
    message: str,
    fields: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """The API's error body: ``{"error": {"code", "message", "fields"?}}``."""
    error: dict[str, object] = {"code": error_code(status), "message": message}
    if fields:
        error["fields"] = fields
    response = jsonify(error=error)
    response.status_code = status
    response.headers.update(headers or {})
    return response


def _respond(status: int, reason: str | None = None) -> tuple[Response | str, int]:
    heading, body = PAGES.get(status, PAGES[400])
    if wants_json(request):
        return json_error(status, reason or f"{heading}. {body}"), status
    return render_template("errors/error.html", heading=heading, body=body, reason=reason), status


def _http_error(error: HTTPException) -> ResponseReturnValue:
    status = error.code or 500
    reason = error.description if wants_json(request) and status < 500 else None
    body, code = _respond(status, reason)
    # Keep headers the error carries, such as Allow on a 405.
    headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
    return body, code, headers


def _csrf_error(error: CSRFError) -> ResponseReturnValue:
    db.session.rollback()
    record_now(AuditAction.CSRF_FAILED, detail={"reason": error.description})
    if wants_json(request):
        return _respond(400, error.description)
    return (
        render_template(
            "errors/error.html",
            heading=_l("Your form could not be sent"),
            body=_l(
                "This can happen when a page has been open for a long time, or after you sign "
                "out. Go back, reload the page and try again."
            ),
            reason=None,
        ),
        400,
    )


def _rate_limited(error: HTTPException) -> ResponseReturnValue:
    db.session.rollback()
    record_now(AuditAction.RATE_LIMITED, detail={"endpoint": request.endpoint})
    return _respond(429)


def _server_error(error: Exception) -> ResponseReturnValue:
    db.session.rollback()
    original = getattr(error, "original_exception", None) or error
    # The route, never the path (it may hold a case reference or a number), and no message.
    log.error("unhandled %s on %s", type(original).__name__, route())
    g.pop("user", None)
    return _respond(500)


def _database_unavailable(error: OperationalError) -> ResponseReturnValue:
    """The database cannot be reached (restarting, failing over): 503, try again shortly.

    Nothing is lost: the request's transaction never committed. The pool checks
    connections before use, so the next request after the database is back works.
    """
    try:
        db.session.rollback()
    except SQLAlchemyError:
        db.session.remove()
    log.error("database unavailable on %s (%s)", route(), type(error.orig).__name__)
    g.pop("user", None)
    body, status = _respond(503, "The database is unavailable. Try again in a minute.")
    return body, status, {"Retry-After": "30"}


def init_app(app: Flask) -> None:
    app.register_error_handler(OperationalError, _database_unavailable)
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(429, _rate_limited)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(InternalServerError, _server_error)
