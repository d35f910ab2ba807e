"""A fake of Twilio's Messages API on loopback, for driving the real ``twilio`` client.

    with FakeTwilio() as fake:
        client = Client(fake.account_sid, fake.auth_token)
        client.api.base_url = fake.base_url
        client.messages.create(to="+447700900123", from_="+447700900001", body="Hi")
        assert fake.requests[0].body == "Hi"

It implements ``POST /2010-04-01/Accounts/{AccountSid}/Messages.json`` with
HTTP basic auth, answers like Twilio (201 with a message resource, or Twilio's
error JSON) and records every request it receives. Tests can script what the
next requests get (:meth:`FakeTwilio.fail_next`, :meth:`FakeTwilio.delay_next`,
:meth:`FakeTwilio.drop_next`), make a number fail permanently
(:meth:`FakeTwilio.answer_error_for`), and send signed delivery status
callbacks back to the app (:meth:`FakeTwilio.send_status_callback`, or
:func:`signed_callback` for the Flask test client).

A delayed or dropped request still creates the message, as real Twilio may:
that is why a client that timed out must not send it again.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from twilio.request_validator import RequestValidator

from feedback.segments import segments

DEFAULT_ACCOUNT_SID = "AC" + "0123456789abcdef" * 2
DEFAULT_AUTH_TOKEN = "fake-twilio-auth-token"
SERVICE_NUMBER = "+447700900000"
"""The number a Messaging Service "picks" (Ofcom's range reserved for drama)."""

API_VERSION = "2010-04-01"
_MESSAGES_PATH = re.compile(r"^/2010-04-01/Accounts/(?P<account>[^/]+)/Messages\.json$")

ERROR_TEXT = {
    20003: "Authenticate",
    20404: "The requested resource was not found",
    20429: "Too Many Requests",
    20500: "An internal server error has occurred",
    20503: "Service unavailable",
    21211: "The 'To' number {to} is not a valid phone number.",
    21602: "Message body is required.",
    21603: "The 'From' phone number is required.",
    21604: "A 'To' phone number is required.",
    21610: "Attempt to send to unsubscribed recipient",
}
"""Twilio's messages (21211 quotes the number, as the real one does)."""

_DEFAULT_CODE = {429: 20429, 500: 20500, 503: 20503}


def error_json(code: int | None, status: int, to: str = "") -> dict[str, Any]:
    """Twilio's (legacy) error body: code, message, more_info, status."""
    body: dict[str, Any] = {
        "code": code,
        "message": ERROR_TEXT.get(code or 0, f"HTTP {status}").format(to=to),
        "more_info": f"https://www.twilio.com/docs/errors/{code}" if code else None,
        "status": status,
    }
    return body if code is not None else {"message": body["message"], "status": status}


def signed_callback(
    url: str, params: Mapping[str, str], auth_token: str
) -> tuple[dict[str, str], dict[str, str]]:
    """Form fields and headers for a webhook request signed as Twilio signs it.

    Use with the Flask test client: ``client.post(path, data=params, headers=headers)``.
    ``url`` must be the full public URL the app validates against.
    """
    params = dict(params)
    signature = RequestValidator(auth_token).compute_signature(url, params)
    return params, {"X-Twilio-Signature": signature}


@dataclass(frozen=True)
class RecordedRequest:
    """One request the fake received, parsed."""

    method: str
    path: str
    to: str | None
    from_: str | None
    messaging_service_sid: str | None
    body: str | None
    status_callback: str | None
    http_status: int
    """What the fake answered (0 when it dropped the connection)."""
    sid: str | None
    """Set when the fake created a message, whatever the client saw."""
    received_at: float
    """time.monotonic() when the request arrived."""


@dataclass(frozen=True)
class _Action:
    kind: str  # "fail", "delay" or "drop"
    status: int = 0
    code: int | None = None
    seconds: float = 0.0


class FakeTwilio:
    """A Twilio Messages API on 127.0.0.1 (a free port), in a background thread."""

    def __init__(
        self, account_sid: str = DEFAULT_ACCOUNT_SID, auth_token: str = DEFAULT_AUTH_TOKEN
    ) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self._lock = threading.Lock()
        self._records: list[RecordedRequest] = []
        self._actions: deque[_Action] = deque()
        self._number_errors: dict[str, tuple[int, int]] = {}
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- life cycle --------------------------------------------------------

    def start(self) -> FakeTwilio:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True
        server.fake = self  # type: ignore[attr-defined]
        self._server = server
        self._stopping.clear()
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-twilio"
        )
        self._thread.daemon = True
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes delayed answers
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> FakeTwilio:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "FakeTwilio is not started"
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """What replaces https://api.twilio.com: ``client.api.base_url = fake.base_url``."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def messages_url(self) -> str:
        return f"{self.base_url}/{API_VERSION}/Accounts/{self.account_sid}/Messages.json"

    # -- scripting ---------------------------------------------------------

    def fail_next(self, n: int = 1, status: int = 500, code: int | None = None) -> None:
        """The next ``n`` authenticated requests get ``status`` (429, 500, 503...)."""
        code = code if code is not None else _DEFAULT_CODE.get(status)
        with self._lock:
            self._actions.extend(_Action("fail", status=status, code=code) for _ in range(n))

    def delay_next(self, seconds: float, n: int = 1) -> None:
        """The next ``n`` requests are accepted, but answered ``seconds`` late."""
        with self._lock:
            self._actions.extend(_Action("delay", seconds=seconds) for _ in range(n))

    def drop_next(self, n: int = 1) -> None:
        """The next ``n`` requests are accepted, then the connection closes unanswered."""
        with self._lock:
            self._actions.extend(_Action("drop") for _ in range(n))

    def answer_error_for(self, number: str, code: int, status: int = 400) -> None:
        """Every message to ``number`` fails with Twilio error ``code`` (21211, 21610...)."""
        with self._lock:
            self._number_errors[number] = (code, status)

    def reset(self) -> None:
        """Forget recorded requests and scripted behaviour."""
        with self._lock:
            self._records.clear()
            self._actions.clear()
            self._number_errors.clear()

    # -- what happened -----------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received so far, oldest first."""
        with self._lock:
            return list(self._records)

    @property
    def accepted(self) -> list[RecordedRequest]:
        """The requests that created a message (even if the client never heard so)."""
        return [record for record in self.requests if record.sid]

    def message(self, sid: str) -> RecordedRequest:
        for record in self.requests:
            if record.sid == sid:
                return record
        raise KeyError(sid)

    def request_times(self) -> list[float]:
        """time.monotonic() of every request, oldest first."""
        return [record.received_at for record in self.requests]

    def max_requests_in(self, window: float) -> int:
        """The largest number of requests that arrived within any ``window`` seconds."""
        times = self.request_times()
        best, start = 0, 0
        for end, moment in enumerate(times):
            while moment - times[start] >= window:
                start += 1
            best = max(best, end - start + 1)
        return best

    # -- callbacks to the app ----------------------------------------------

    def send_status_callback(
        self,
        sid: str,
        status: str,
        *,
        url: str | None = None,
        auth_token: str | None = None,
        error_code: int | None = None,
        timeout: float = 5.0,
    ) -> int:
        """POST a signed delivery status callback, as Twilio does; return the HTTP status.

        It goes to the StatusCallback recorded for ``sid`` unless ``url`` is given,
        and is signed with the fake's auth token unless ``auth_token`` is given
        (pass another one to test that the app rejects it).
        """
        record = next((r for r in self.requests if r.sid == sid), None)
        target = url or (record.status_callback if record else None)
        if not target:
            raise ValueError(f"no StatusCallback recorded for {sid}; pass url=")
        params = {
            "AccountSid": self.account_sid,
            "ApiVersion": API_VERSION,
            "MessageSid": sid,
            "SmsSid": sid,
            "MessageStatus": status,
            "SmsStatus": status,
        }
        if record is not None:
            params["To"] = record.to or ""
            params["From"] = record.from_ or SERVICE_NUMBER
            if record.messaging_service_sid:
                params["MessagingServiceSid"] = record.messaging_service_sid
        if error_code is not None:
            params["ErrorCode"] = str(error_code)
        fields, headers = signed_callback(target, params, auth_token or self.auth_token)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        request = urllib.request.Request(  # noqa: S310 - loopback URLs chosen by the test
            target, data=urllib.parse.urlencode(fields).encode(), headers=headers, method="POST"
        )
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(request, timeout=timeout) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return int(error.code)

    # -- the API (called from server threads) ------------------------------

    def _handle_messages(self, handler: _Handler, account: str, form: dict[str, str]) -> None:
        received_at = time.monotonic()
        to = form.get("To")
        sender = form.get("From")
        service = form.get("MessagingServiceSid")

        def record(http_status: int, sid: str | None = None) -> None:
            with self._lock:
                self._records.append(
                    RecordedRequest(
                        method="POST",
                        path=handler.path,
                        to=to,
                        from_=sender,
                        messaging_service_sid=service,
                        body=form.get("Body"),
                        status_callback=form.get("StatusCallback"),
                        http_status=http_status,
                        sid=sid,
                        received_at=received_at,
                    )
                )

        if not self._authorised(handler):
            record(401)
            handler.answer(
                401, error_json(20003, 401), {"WWW-Authenticate": 'Basic realm="Twilio API"'}
            )
            return
        if account != self.account_sid:
            record(404)
            handler.answer(404, error_json(20404, 404))
            return

        with self._lock:
            action = self._actions.popleft() if self._actions else None
            number_error = self._number_errors.get(to or "")
        if action is not None and action.kind == "fail":
            record(action.status)
            handler.answer(action.status, error_json(action.code, action.status))
            return

        problem = None
        if not to:
            problem = (21604, 400)
        elif not form.get("Body"):
            problem = (21602, 400)
        elif not (sender or service):
            problem = (21603, 400)
        elif number_error is not None:
            problem = number_error
        if problem is not None:
            code, status = problem
            record(status)
            handler.answer(status, error_json(code, status, to or ""))
            return

        sid = "SM" + secrets.token_hex(16)
        if action is not None and action.kind == "drop":
            record(0, sid)
            handler.close_connection = True
            return
        record(201, sid)
        if action is not None and action.kind == "delay":
            self._stopping.wait(action.seconds)
        handler.answer(201, self._resource(sid, form))

    def _authorised(self, handler: _Handler) -> bool:
        expected = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        return handler.headers.get("Authorization", "") == f"Basic {expected}"

    def _resource(self, sid: str, form: dict[str, str]) -> dict[str, Any]:
        """A message resource shaped like Twilio's answer to a create."""
        now = format_datetime(datetime.now(UTC))
        body = form.get("Body", "")
        service = form.get("MessagingServiceSid")
        uri = f"/{API_VERSION}/Accounts/{self.account_sid}/Messages/{sid}"
        return {
            "account_sid": self.account_sid,
            "api_version": API_VERSION,
            "body": body,
            "date_created": now,
            "date_sent": None,
            "date_updated": now,
            "direction": "outbound-api",
            "error_code": None,
            "error_message": None,
            "from": form.get("From"),
            "messaging_service_sid": service,
            "num_media": "0",
            "num_segments": str(segments(body)[1]),
            "price": None,
            "price_unit": "USD",
            "sid": sid,
            # Twilio answers "accepted" when a Messaging Service still has to pick a sender.
            "status": "accepted" if service and not form.get("From") else "queued",
            "subresource_uris": {"media": f"{uri}/Media.json"},
            "to": form.get("To"),
            "uri": f"{uri}.json",
        }


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeTwilio/1.0"

    @property
    def fake(self) -> FakeTwilio:
        fake: FakeTwilio = self.server.fake  # type: ignore[attr-defined]
        return fake

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: the test output is not the place for request lines."""

    def do_POST(self) -> None:
        self.close_connection = True  # one request per connection keeps stop() simple
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode("utf-8")
        form = {key: values[-1] for key, values in urllib.parse.parse_qs(raw).items()}
        match = _MESSAGES_PATH.match(urllib.parse.urlsplit(self.path).path)
        if match is None:
            self.answer(404, error_json(20404, 404))
            return
        self.fake._handle_messages(self, match["account"], form)

    def do_GET(self) -> None:
        self.close_connection = True
        self.answer(404, error_json(20404, 404))

    def answer(
        self, status: int, payload: Mapping[str, Any], headers: Mapping[str, str] | None = None
    ) -> None:
        data = json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Connection", "close")
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            pass  # the client gave up waiting (a read timeout): nothing to tell it
