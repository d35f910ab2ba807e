"""Time-based one-time codes (TOTP, RFC 6238) for the second factor."""

from __future__ import annotations

import hmac
from datetime import datetime

import pyotp
import segno

ISSUER = "Homeward"
# Accept the code for the previous and next 30-second step too (phone clocks drift).
VALID_WINDOW = 1


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, email: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def qr_code_svg(uri: str) -> str:
    """An inline SVG QR code (no script, no external request: fine under the CSP)."""
    return str(segno.make(uri, error="m").svg_inline(scale=5, title="QR code for your app"))


def matching_step(secret: str, code: str, now: datetime) -> int | None:
    """The time step ``code`` belongs to, or None when it matches no nearby step."""
    code = code.strip().replace(" ", "")
    if not (len(code) == 6 and code.isdigit()):
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def current_code(secret: str, now: datetime) -> str:
    return pyotp.TOTP(secret).at(now)
