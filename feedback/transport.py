"""SMS transports: hand one message to Twilio (or to the console) and say what happened.

A transport sends exactly one HTTP request per :meth:`Transport.send` and never
retries by itself: Twilio has no idempotency key, so only the caller, which
keeps the outbox, may decide to try again. Every outcome is one of four
:class:`SendOutcome` values:

``ACCEPTED``
    Twilio created the message; ``sid`` is set.
``RETRY``
    A definite failure and nothing was sent: Twilio answered 429 or 5xx
    (except 504, see below), or the connection could not be opened at all.
    Safe to try again later with backoff.
``FAILED``
    A definite, permanent failure: Twilio answered another 4xx, for example
    21211 (invalid number), 21610 (recipient has unsubscribed) or 20003
    (wrong credentials). Sending the same request again will fail again.
``UNKNOWN``
    The request may have reached Twilio and been accepted: the answer timed
    out, the connection dropped after the request was written, a gateway
    answered 504, or something unexpected went wrong. A person must check
    (for example in the Twilio console); never resend automatically.

No personal data is logged or put in a :class:`SendResult`: not the number,
not the body, and not Twilio's own error text (which quotes the number, e.g.
"The 'To' number +447... is not a valid phone number").
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

import requests
from twilio.base.exceptions import TwilioRestException, TwilioServiceException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client
from urllib3.exceptions import ConnectTimeoutError, MaxRetryError

from feedback.segments import segments

__all__ = [
    "ConsoleTransport",
    "SendOutcome",
    "SendResult",
    "Transport",
    "TwilioTransport",
    "segments",
]

logger = logging.getLogger(__name__)

TWILIO_HTTP_LOGGER = "twilio.http_client"
"""The twilio library logs every request's URL and headers here at INFO."""

OPTED_OUT = 21610
"""Twilio error: the recipient has replied STOP; Twilio refuses to send to them."""

_KNOWN_ERRORS = {
    20003: "Twilio authentication failed (check account SID and auth token)",
    20404: "Twilio resource not found (check account SID)",
    20429: "Twilio rate limit",
    21211: "invalid 'To' phone number",
    21408: "sending to this region is not enabled",
    21606: "sender cannot send SMS",
    21610: "recipient has unsubscribed (replied STOP)",
    21612: "Twilio cannot route to this number",
    21614: "'To' number is not a mobile number",
}


class SendOutcome(StrEnum):
    ACCEPTED = "accepted"
    """Twilio took the message; ``sid`` is set."""
    RETRY = "retry"
    """Definite failure, nothing was sent; may be retried later."""
    FAILED = "failed"
    """Definite, permanent failure; do not retry."""
    UNKNOWN = "unknown"
    """The message may have been accepted: a person must check; never resend."""


@dataclass(frozen=True)
class SendResult:
    outcome: SendOutcome
    sid: str | None = None
    status: str | None = None
    """Twilio's status on acceptance, e.g. "queued"; the console transport says "delivered"."""
    error_code: int | None = None
    """Twilio error code, e.g. 21610, or the HTTP status when there is no code."""
    error_message: str | None = None
    """Short and free of personal data: never the body or the number."""

    @property
    def opted_out(self) -> bool:
        """Twilio refused because the recipient has unsubscribed."""
        return self.error_code == OPTED_OUT


class Transport(Protocol):
    name: str

    def send(self, *, to: str, body: str, status_callback: str | None = None) -> SendResult: ...


def _new_sid() -> str:
    return "SM" + secrets.token_hex(16)


class TwilioTransport:
    """Sends through the real ``twilio`` client, one HTTP request per message.

    ``sender`` is either a phone number (sent as ``From``) or a Messaging
    Service SID starting "MG" (sent as ``MessagingServiceSid``). ``base_url``
    replaces ``https://api.twilio.com`` (tests point it at a fake on loopback).
    ``timeout`` applies to connecting and to waiting for the answer.
    """

    name = "twilio"

    def __init__(
        self,
        *,
        account_sid: str,
        auth_token: str,
        sender: str,
        base_url: str | None = None,
        timeout: float = 10.0,
    ) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        if not sender:
            raise ValueError("sender must be a phone number or a Messaging Service SID")
        self.sender = sender
        self.timeout = timeout
        # The library logs URLs and headers at INFO; keep our client quiet.
        http_logger = logging.getLogger(TWILIO_HTTP_LOGGER)
        http_logger.setLevel(logging.WARNING)
        # TwilioHttpClient mounts no retrying adapter unless max_retries is
        # given, so requests uses its default Retry(0, read=False): one attempt.
        self._http = TwilioHttpClient(timeout=timeout, logger=http_logger)
        self._client = Client(account_sid, auth_token, http_client=self._http)
        if base_url is not None:
            # Domain.absolute_url joins base_url and "/2010-04-01/Accounts/...".
            self._client.api.base_url = base_url.rstrip("/")
            # TWILIO_EDGE / TWILIO_REGION from the environment would rewrite the host.
            self._client.edge = None
            self._client.region = None

    def close(self) -> None:
        """Close the pooled HTTP connections."""
        session = self._http.session
        if session is not None:
            session.close()

    def _sender_fields(self) -> dict[str, str]:
        if self.sender.startswith("MG"):
            return {"messaging_service_sid": self.sender}
        return {"from_": self.sender}

    def send(self, *, to: str, body: str, status_callback: str | None = None) -> SendResult:
        fields: dict[str, Any] = {"to": to, "body": body, **self._sender_fields()}
        if status_callback:
            fields["status_callback"] = status_callback
        try:
            message = self._client.messages.create(**fields)
        except Exception as error:  # every failure must be classified, never re-raised
            result = classify_error(error)
            logger.warning(
                "Twilio SMS not sent: %s (code=%s, %s)",
                result.outcome,
                result.error_code,
                result.error_message,
            )
            return result

        sid = getattr(message, "sid", None)
        if not sid:
            # Twilio answered 2xx but we cannot tell which message it created.
            logger.warning("Twilio SMS answer had no sid: outcome unknown")
            return SendResult(
                SendOutcome.UNKNOWN, error_message="Twilio answered without a message sid"
            )
        status = getattr(message, "status", None)
        logger.info("Twilio SMS accepted sid=%s status=%s", sid, status)
        return SendResult(SendOutcome.ACCEPTED, sid=str(sid), status=_status_text(status))


def _status_text(status: object) -> str | None:
    if status is None:
        return None
    # MessageInstance.status is a plain string or a MessageInstance.Status enum.
    return str(getattr(status, "value", status))


def classify_error(error: BaseException) -> SendResult:
    """Turn what the twilio client raised into a :class:`SendResult`."""
    if isinstance(error, TwilioRestException | TwilioServiceException):
        return _classify_answer(int(error.status), error.code)

    if isinstance(error, requests.exceptions.ConnectTimeout):
        # Raised only when urllib3 could not open the connection in time.
        return SendResult(
            SendOutcome.RETRY, error_message="timed out connecting to Twilio; nothing sent"
        )
    if isinstance(error, requests.exceptions.ReadTimeout):
        return SendResult(
            SendOutcome.UNKNOWN,
            error_message="timed out waiting for Twilio's answer; it may have been sent",
        )
    if isinstance(error, requests.exceptions.ConnectionError) and _never_connected(error):
        return SendResult(
            SendOutcome.RETRY, error_message="could not connect to Twilio; nothing sent"
        )
    if isinstance(error, requests.exceptions.RequestException):
        # A dropped connection after the request was written (ProtocolError),
        # a TLS error whose phase we cannot tell, a broken answer...
        return SendResult(
            SendOutcome.UNKNOWN,
            error_message=f"connection failed during the request ({type(error).__name__}); "
            "it may have been sent",
        )
    return SendResult(
        SendOutcome.UNKNOWN,
        error_message=f"unexpected error ({type(error).__name__}); it may have been sent",
    )


def _never_connected(error: requests.exceptions.ConnectionError) -> bool:
    """True when the connection was never established, so nothing was sent.

    With retries disabled, urllib3 wraps connect-phase failures
    (NewConnectionError, a subclass of ConnectTimeoutError: refused, no route,
    name resolution) in MaxRetryError; failures after the request was written
    are re-raised as ProtocolError instead ("read" errors are never retried).
    """
    cause = error.args[0] if error.args else None
    return isinstance(cause, MaxRetryError) and isinstance(cause.reason, ConnectTimeoutError)


def _classify_answer(status: int, code: object) -> SendResult:
    error_code = code if isinstance(code, int) else status
    message = _KNOWN_ERRORS.get(error_code, f"Twilio answered HTTP {status}")
    if status == 504:
        # A gateway gave up waiting for Twilio's servers, which may have
        # created the message: the same situation as our own read timeout.
        return SendResult(
            SendOutcome.UNKNOWN,
            error_code=error_code,
            error_message="Twilio gateway timeout (HTTP 504); it may have been sent",
        )
    if status == 429 or status >= 500:
        return SendResult(SendOutcome.RETRY, error_code=error_code, error_message=message)
    return SendResult(SendOutcome.FAILED, error_code=error_code, error_message=message)


class ConsoleTransport:
    """Development transport without credentials: accepts everything, sends nothing.

    It logs one line without the number or the body; the outbox keeps the
    message itself (the SMS simulator reads it from there).
    """

    name = "console"

    def send(self, *, to: str, body: str, status_callback: str | None = None) -> SendResult:
        sid = _new_sid()
        encoding, parts = segments(body)
        logger.info(
            "console SMS accepted sid=%s, %d segment%s (%s)",
            sid,
            parts,
            "" if parts == 1 else "s",
            encoding,
        )
        return SendResult(SendOutcome.ACCEPTED, sid=sid, status="delivered")
