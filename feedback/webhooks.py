"""Twilio's webhooks: received texts and delivery receipts.

Both are signed by Twilio (X-Twilio-Signature over the URL and the form).
A missing or wrong signature gets 403 and nothing is stored; behind a proxy
the URL checked is the public one (``PUBLIC_BASE_URL``).
"""

from __future__ import annotations

import logging
import re

from flask import Blueprint, Response, abort, current_app, request
from twilio.request_validator import RequestValidator

from feedback.inbound import MAX_BODY, handle, store_inbound, store_status
from feedback.phones import parse_sender
from rhi.auth.sessions import public
from rhi.errors import json_error
from rhi.logsafe import error_summary

bp = Blueprint("sms", __name__)
log = logging.getLogger(__name__)

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def _url_signed() -> str:
    """The URL Twilio signed: the public one when the app is behind a proxy."""
    base = current_app.config["PUBLIC_BASE_URL"]
    if base:
        return base + request.full_path.rstrip("?")
    return request.url


def _check_signature() -> None:
    token = current_app.config["TWILIO_AUTH_TOKEN"]
    signature = request.headers.get("X-Twilio-Signature", "")
    if not token or not signature:
        abort(403)
    validator = RequestValidator(token)
    if not validator.validate(_url_signed(), request.form, signature):
        abort(403)


# Twilio's ids are letters and digits ("SM" and 32 hex digits); anything else is refused.
SID = re.compile(r"[A-Za-z0-9]{2,64}")
# Delivery states are lower-case words of at most 16 letters ("delivered", "delivery_unknown").
STATUS_WORD = re.compile(r"[a-z_-]{1,16}")


def _required(*names: str) -> dict[str, str]:
    values = {name: request.form.get(name, "") for name in names}
    missing = [name for name, value in values.items() if not value.strip()]
    if missing:
        abort(json_error(400, f"Missing field: {', '.join(missing)}"))
    return values


def _twiml() -> Response:
    return Response(EMPTY_TWIML, status=200, mimetype="text/xml")


@bp.post("/inbound")
@public  # authenticated by Twilio's signature, not a staff session
def inbound() -> Response:
    _check_signature()
    fields = _required("MessageSid", "From")
    body = request.form.get("Body", "")
    if not SID.fullmatch(fields["MessageSid"]):
        abort(json_error(400, "MessageSid is not a Twilio message id"))
    if len(body) > MAX_BODY:
        abort(json_error(400, "Body is too long"))
    message, new = store_inbound(fields["MessageSid"], parse_sender(fields["From"]), body)
    if new:
        try:
            handle(message.id)
        except Exception as error:
            # The text is safely stored; the worker handles it shortly. Twilio
            # gets its 200, so it does not send the same text again.
            log.error(
                "Handling received SMS %s failed; the worker will retry: %s",
                message.id,
                error_summary(error),
            )
    return _twiml()


@bp.post("/status")
@public  # authenticated by Twilio's signature, not a staff session
def status() -> Response:
    _check_signature()
    fields = _required("MessageSid", "MessageStatus")
    if not SID.fullmatch(fields["MessageSid"]):
        abort(json_error(400, "MessageSid is not a Twilio message id"))
    if not STATUS_WORD.fullmatch(fields["MessageStatus"].lower()):
        abort(json_error(400, "MessageStatus is not a delivery state"))
    raw_code = request.form.get("ErrorCode", "").strip()
    error_code = int(raw_code) if raw_code.isdigit() and len(raw_code) < 9 else None
    store_status(fields["MessageSid"], fields["MessageStatus"].lower(), error_code)
    return Response("", status=204)
