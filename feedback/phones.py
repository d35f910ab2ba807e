"""Mobile numbers: validated and stored in E.164; shown masked where a name is not allowed."""

from __future__ import annotations

import phonenumbers
from flask_babel import gettext as _

from rhi.domain import RuleBroken

DEFAULT_REGION = "GB"  # "07700 900123" is read as a UK number
# Ofcom keeps 07700 900000-900999 for drama: never a real phone. libphonenumber
# calls them invalid; we accept them so demo, training and test data can use
# numbers that can never reach a real person.
DRAMA_RANGE = "+447700900"


def to_e164(raw: str, field: str = "phone") -> str:
    """The number in E.164 (+447700900123), or a clear error for the form or API."""
    text = (raw or "").strip()
    if not text:
        raise RuleBroken(_("Enter a mobile phone number"), field)
    if len(text) > 32:
        raise RuleBroken(_("Enter a mobile phone number, like 07700 900123"), field)
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        raise RuleBroken(_("Enter a mobile phone number, like 07700 900123"), field) from None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if e164.startswith(DRAMA_RANGE) and len(e164) == len(DRAMA_RANGE) + 3:
        return e164
    if not phonenumbers.is_valid_number(number):
        raise RuleBroken(_("Enter a real mobile phone number, like 07700 900123"), field)
    kind = phonenumbers.number_type(number)
    mobiles = (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )
    if kind not in mobiles:
        raise RuleBroken(_("Enter a mobile number: this one cannot receive text messages"), field)
    return e164


def parse_sender(raw: str) -> str:
    """A sender as Twilio gave it, in E.164 when it is a number; kept as it is otherwise.

    Inbound texts are kept whatever the sender looks like (a short code, an
    alphanumeric id): anyone may text in, and nothing is lost.
    """
    # Control characters (a NUL PostgreSQL would refuse) are no part of a sender.
    text = "".join(c for c in (raw or "") if c.isprintable()).strip()[:16]
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return text
    if phonenumbers.is_possible_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return text


def display(phone: str) -> str:
    """A number as people write it: 07700 900123 for UK numbers."""
    try:
        number = phonenumbers.parse(phone, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return phone
    if number.country_code == 44:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def masked(phone: str) -> str:
    """Only the last three digits: enough to tell numbers apart, not to ring one."""
    digits = [c for c in phone if c.isdigit()]
    return "•••• ••" + "".join(digits[-3:]) if len(digits) > 3 else "••••"
