"""The SMS transports, with the real twilio client talking to a fake Twilio on loopback.

No database and no app here: these tests only need the fake.
"""

from __future__ import annotations

import logging
import re
import socket
import time
from collections.abc import Iterator

import pytest
import requests
from twilio.base.exceptions import TwilioServiceException
from twilio.request_validator import RequestValidator

from feedback.segments import segments
from feedback.transport import (
    ConsoleTransport,
    SendOutcome,
    SendResult,
    Transport,
    TwilioTransport,
    classify_error,
)
from tests.fake_twilio import DEFAULT_AUTH_TOKEN, FakeTwilio, signed_callback

TO = "+447700900123"
SENDER = "+447700900001"
SERVICE = "MG" + "a" * 32
BODY = "Thanks for talking to Homeward. How was it? Reply 1-5"


@pytest.fixture
def fake() -> Iterator[FakeTwilio]:
    with FakeTwilio() as running:
        yield running


def transport_for(fake: FakeTwilio, **overrides: object) -> TwilioTransport:
    options: dict[str, object] = {
        "account_sid": fake.account_sid,
        "auth_token": fake.auth_token,
        "sender": SENDER,
        "base_url": fake.base_url,
        "timeout": 2.0,
    }
    options.update(overrides)
    return TwilioTransport(**options)  # type: ignore[arg-type]


@pytest.fixture
def transport(fake: FakeTwilio) -> Iterator[TwilioTransport]:
    sender = transport_for(fake)
    yield sender
    sender.close()


def test_transports_satisfy_the_protocol(transport: TwilioTransport) -> None:
    transports: list[Transport] = [transport, ConsoleTransport()]
    assert [t.name for t in transports] == ["twilio", "console"]


# -- accepted --------------------------------------------------------------


def test_accepted_message_has_the_sid_twilio_created(
    fake: FakeTwilio, transport: TwilioTransport
) -> None:
    callback = "https://homeward.example/sms/status"
    result = transport.send(to=TO, body=BODY, status_callback=callback)

    assert result.outcome is SendOutcome.ACCEPTED
    assert result.status == "queued"
    assert result.error_code is None and not result.opted_out
    [request] = fake.requests
    assert result.sid == request.sid
    assert re.fullmatch(r"SM[0-9a-f]{32}", result.sid or "")
    assert request.path == f"/2010-04-01/Accounts/{fake.account_sid}/Messages.json"
    assert (request.to, request.from_, request.body) == (TO, SENDER, BODY)
    assert request.messaging_service_sid is None
    assert request.status_callback == callback


def test_a_messaging_service_sid_is_sent_as_messaging_service_not_from(
    fake: FakeTwilio,
) -> None:
    sender = transport_for(fake, sender=SERVICE)
    result = sender.send(to=TO, body=BODY)

    assert result.outcome is SendOutcome.ACCEPTED
    assert result.status == "accepted"
    [request] = fake.requests
    assert request.messaging_service_sid == SERVICE
    assert request.from_ is None
    assert request.status_callback is None


# -- definite failures that may be retried ---------------------------------


@pytest.mark.parametrize(("status", "code"), [(429, 20429), (500, 20500), (503, 20503)])
def test_rate_limit_and_server_errors_can_be_retried(
    fake: FakeTwilio, transport: TwilioTransport, status: int, code: int
) -> None:
    fake.fail_next(status=status)

    result = transport.send(to=TO, body=BODY)

    assert result == SendResult(
        SendOutcome.RETRY, error_code=code, error_message=result.error_message
    )
    assert [r.http_status for r in fake.requests] == [status]  # one request, no hidden retry
    assert fake.accepted == []
    # The next attempt goes through.
    assert transport.send(to=TO, body=BODY).outcome is SendOutcome.ACCEPTED


def test_a_server_error_without_a_twilio_code_reports_the_http_status(
    fake: FakeTwilio, transport: TwilioTransport
) -> None:
    fake.fail_next(status=502)

    result = transport.send(to=TO, body=BODY)

    assert (result.outcome, result.error_code) == (SendOutcome.RETRY, 502)


def test_nothing_listening_can_be_retried() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sender = TwilioTransport(
        account_sid="AC" + "0" * 32,
        auth_token="token",
        sender=SENDER,
        base_url=f"http://127.0.0.1:{port}",
        timeout=2.0,
    )

    result = sender.send(to=TO, body=BODY)

    assert result.outcome is SendOutcome.RETRY
    assert result.sid is None


# -- permanent failures ----------------------------------------------------


def test_invalid_number_fails_for_good(fake: FakeTwilio, transport: TwilioTransport) -> None:
    fake.answer_error_for(TO, 21211)

    result = transport.send(to=TO, body=BODY)

    assert result.outcome is SendOutcome.FAILED
    assert result.error_code == 21211
    assert not result.opted_out
    # Twilio's own message quotes the number; ours must not.
    assert TO not in (result.error_message or "")
    assert len(fake.requests) == 1


def test_unsubscribed_recipient_fails_and_is_opted_out(
    fake: FakeTwilio, transport: TwilioTransport
) -> None:
    fake.answer_error_for(TO, 21610)

    result = transport.send(to=TO, body=BODY)

    assert result.outcome is SendOutcome.FAILED
    assert result.error_code == 21610
    assert result.opted_out
    # Other numbers are unaffected.
    assert transport.send(to="+447700900999", body=BODY).outcome is SendOutcome.ACCEPTED


def test_wrong_credentials_fail_without_retrying(fake: FakeTwilio) -> None:
    # Retrying cannot help until someone fixes the configuration; the code
    # (20003) lets the dispatcher tell this apart from a bad number.
    sender = transport_for(fake, auth_token="not-the-token")

    result = sender.send(to=TO, body=BODY)

    assert result.outcome is SendOutcome.FAILED
    assert result.error_code == 20003
    assert [r.http_status for r in fake.requests] == [401]


# -- outcome unknown: never resend -----------------------------------------


def test_a_late_answer_is_unknown_because_twilio_may_have_sent_it(fake: FakeTwilio) -> None:
    sender = transport_for(fake, timeout=0.3)
    fake.delay_next(2.0)

    started = time.monotonic()
    result = sender.send(to=TO, body=BODY)

    assert time.monotonic() - started < 1.5  # the client timeout, not the server's delay
    assert result.outcome is SendOutcome.UNKNOWN
    assert result.sid is None
    # The fake did create the message: sending again would text the young person twice.
    [request] = fake.requests
    assert request.sid is not None
    assert fake.accepted == [request]


def test_a_connection_dropped_after_sending_is_unknown(
    fake: FakeTwilio, transport: TwilioTransport
) -> None:
    fake.drop_next()

    result = transport.send(to=TO, body=BODY)

    assert result.outcome is SendOutcome.UNKNOWN
    assert len(fake.requests) == 1  # not silently retried on a new connection
    assert fake.accepted == fake.requests


def test_a_gateway_timeout_is_unknown(fake: FakeTwilio, transport: TwilioTransport) -> None:
    fake.fail_next(status=504)

    result = transport.send(to=TO, body=BODY)

    assert (result.outcome, result.error_code) == (SendOutcome.UNKNOWN, 504)


# -- one request per send --------------------------------------------------


def test_each_send_is_exactly_one_http_request(
    fake: FakeTwilio, transport: TwilioTransport
) -> None:
    fake.fail_next(3, status=500)
    outcomes = [transport.send(to=TO, body=BODY).outcome for _ in range(4)]

    assert outcomes == [SendOutcome.RETRY] * 3 + [SendOutcome.ACCEPTED]
    assert [r.http_status for r in fake.requests] == [500, 500, 500, 201]


def test_the_fake_measures_request_rate(fake: FakeTwilio, transport: TwilioTransport) -> None:
    for _ in range(3):
        transport.send(to=TO, body=BODY)
        time.sleep(0.2)

    assert len(fake.request_times()) == 3
    assert fake.max_requests_in(0.1) == 1
    assert fake.max_requests_in(10) == 3


# -- no personal data in logs ----------------------------------------------


def test_no_number_or_body_in_the_logs(fake: FakeTwilio, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    sender = transport_for(fake, timeout=0.3)
    fake.answer_error_for("+447700900666", 21211)
    fake.answer_error_for("+447700900777", 21610)
    fake.fail_next(status=429)
    sender.send(to=TO, body=BODY)  # 429
    sender.send(to=TO, body=BODY)  # accepted
    sender.send(to="+447700900666", body=BODY)
    sender.send(to="+447700900777", body=BODY)
    fake.delay_next(1.0)
    sender.send(to=TO, body=BODY)  # read timeout
    ConsoleTransport().send(to=TO, body=BODY)

    assert caplog.records, "the transports log what happened"
    text = caplog.text
    for secret in (TO, "7700900", "+447700900666", "+447700900777", BODY, "Homeward. How"):
        assert secret not in text
    assert "urllib3" in {record.name.split(".")[0] for record in caplog.records}


# -- console transport -----------------------------------------------------


def test_console_transport_accepts_and_logs_no_personal_data(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    body = "x" * 161

    result = ConsoleTransport().send(to=TO, body=body, status_callback="https://x.example/cb")

    assert result.outcome is SendOutcome.ACCEPTED
    assert result.status == "delivered"
    assert re.fullmatch(r"SM[0-9a-f]{32}", result.sid or "")
    assert ConsoleTransport().send(to=TO, body=body).sid != result.sid
    assert caplog.records[0].getMessage() == (
        f"console SMS accepted sid={result.sid}, 2 segments (GSM-7)"
    )
    assert TO not in caplog.text and body not in caplog.text


# -- segments --------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("", ("GSM-7", 0)),
        ("a" * 160, ("GSM-7", 1)),
        ("a" * 161, ("GSM-7", 2)),
        ("a" * 153 * 2, ("GSM-7", 2)),
        ("a" * (153 * 2 + 1), ("GSM-7", 3)),
        ("€" * 80, ("GSM-7", 1)),  # 160 septets
        ("a" * 159 + "€", ("GSM-7", 2)),  # 161 septets
        ("{}[]~|^\\" * 20, ("GSM-7", 3)),  # 160 characters, 320 septets
        ("a" * 152 + "€" + "a" * 152, ("GSM-7", 3)),  # 306 septets, but "€" is not split
        ("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!¤¡ÄÖÑÜ§¿äöñüà\n\r", ("GSM-7", 1)),
        ("ą" * 70, ("UCS-2", 1)),
        ("ą" * 71, ("UCS-2", 2)),
        ("ą" * 67 * 2, ("UCS-2", 2)),
        ("ą" * (67 * 2 + 1), ("UCS-2", 3)),
        ("a" * 50 + "😊", ("UCS-2", 1)),  # one emoji switches the whole message
        ("😊" * 35, ("UCS-2", 1)),  # 70 UTF-16 code units
        ("😊" * 36, ("UCS-2", 2)),
        ("ç", ("UCS-2", 1)),  # only the capital Ç is in the GSM alphabet
        ("`", ("UCS-2", 1)),
    ],
)
def test_segments(body: str, expected: tuple[str, int]) -> None:
    assert segments(body) == expected


def test_segments_is_also_available_from_the_transport_module() -> None:
    from feedback import transport

    assert transport.segments is segments


# -- signed callbacks ------------------------------------------------------


def test_signed_callback_is_accepted_by_twilios_validator() -> None:
    url = "https://homeward.example/sms/status?site=1"
    params, headers = signed_callback(
        url, {"MessageSid": "SM" + "1" * 32, "MessageStatus": "delivered"}, DEFAULT_AUTH_TOKEN
    )
    validator = RequestValidator(DEFAULT_AUTH_TOKEN)
    signature = headers["X-Twilio-Signature"]

    assert validator.validate(url, params, signature)
    assert not validator.validate("https://homeward.example/sms/status?site=2", params, signature)
    assert not validator.validate(url, {**params, "MessageStatus": "failed"}, signature)
    assert not RequestValidator("another-token").validate(url, params, signature)


def test_status_callback_is_posted_signed_to_the_recorded_url(
    fake: FakeTwilio, transport: TwilioTransport
) -> None:
    from http.server import BaseHTTPRequestHandler, HTTPServer
    from threading import Thread
    from urllib.parse import parse_qs

    received: list[tuple[str, dict[str, str], str]] = []

    class App(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers["Content-Length"])).decode()
            fields = {key: values[0] for key, values in parse_qs(raw).items()}
            received.append((self.path, fields, self.headers["X-Twilio-Signature"]))
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    app = HTTPServer(("127.0.0.1", 0), App)
    Thread(target=app.serve_forever, args=(0.05,), daemon=True).start()
    try:
        url = f"http://127.0.0.1:{app.server_address[1]}/sms/status"
        result = transport.send(to=TO, body=BODY, status_callback=url)
        assert result.sid is not None

        status = fake.send_status_callback(result.sid, "undelivered", error_code=30005)
    finally:
        app.shutdown()
        app.server_close()

    assert status == 204
    [(path, fields, signature)] = received
    assert path == "/sms/status"
    assert fields["MessageSid"] == result.sid
    assert fields["MessageStatus"] == "undelivered"
    assert fields["ErrorCode"] == "30005"
    assert (fields["To"], fields["From"]) == (TO, SENDER)
    assert fields["AccountSid"] == fake.account_sid
    assert RequestValidator(fake.auth_token).validate(url, fields, signature)


# -- classification of errors the fake cannot provoke on loopback ----------


@pytest.mark.parametrize(
    ("error", "outcome"),
    [
        # urllib3 could not open the connection in time: nothing was written.
        (requests.exceptions.ConnectTimeout("connect timed out"), SendOutcome.RETRY),
        # TLS errors may come from the handshake or from reading the answer.
        (requests.exceptions.SSLError("bad record mac"), SendOutcome.UNKNOWN),
        (requests.exceptions.ChunkedEncodingError("broken answer"), SendOutcome.UNKNOWN),
        # A ConnectionError that is not a connect-phase MaxRetryError.
        (requests.exceptions.ConnectionError("reset"), SendOutcome.UNKNOWN),
        (ValueError("something unexpected"), SendOutcome.UNKNOWN),
        (TwilioServiceException("about:blank", "Too Many", 429, 20429), SendOutcome.RETRY),
        (TwilioServiceException("about:blank", "Bad", 400, 21211), SendOutcome.FAILED),
    ],
)
def test_classify_error(error: Exception, outcome: SendOutcome) -> None:
    assert classify_error(error).outcome is outcome
