"""How many SMS segments a message body takes, and in which encoding.

A body that only uses the GSM 03.38 alphabet travels as GSM-7: 160 septets in a
single message, 153 per part once it has to be split (the rest of each part is
the concatenation header). Characters from the GSM extension table
(``^ { } \\ [ ~ ] |`` ``€`` and form feed) take two septets, an escape and the
character. Any other character switches the whole message to UCS-2: 70 UTF-16
code units in a single message, 67 per part; characters outside the Basic
Multilingual Plane (most emoji) take two code units.

Phones do not split an escape sequence or a surrogate pair across two parts,
so a part may end one unit short; :func:`segments` counts the same way.
"""

from __future__ import annotations

from typing import Literal

Encoding = Literal["GSM-7", "UCS-2"]

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅå"
    "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
    " !\"#¤%&'()*+,-./"
    "0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNO"
    "PQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmno"
    "pqrstuvwxyzäöñüà"
)
"""The GSM 03.38 basic character set (one septet each; the escape code omitted)."""

GSM7_EXTENSION = frozenset("\f^{}\\[~]|€")
"""The GSM 03.38 extension table: each costs two septets (escape + character)."""

SINGLE_PART = {"GSM-7": 160, "UCS-2": 70}
MULTI_PART = {"GSM-7": 153, "UCS-2": 67}


def _gsm7_units(char: str) -> int | None:
    if char in GSM7_BASIC:
        return 1
    if char in GSM7_EXTENSION:
        return 2
    return None


def _ucs2_units(char: str) -> int:
    return 2 if ord(char) > 0xFFFF else 1


def segments(body: str) -> tuple[Encoding, int]:
    """The encoding a body needs and the number of SMS segments it takes.

    >>> segments("Thank you for talking to us")
    ('GSM-7', 1)
    >>> segments("Dziękujemy")
    ('UCS-2', 1)

    An empty body takes no segments.
    """
    gsm = [_gsm7_units(char) for char in body]
    encoding: Encoding
    units: list[int]
    if all(unit is not None for unit in gsm):
        encoding = "GSM-7"
        units = [unit for unit in gsm if unit is not None]
    else:
        encoding = "UCS-2"
        units = [_ucs2_units(char) for char in body]

    total = sum(units)
    if total == 0:
        return encoding, 0
    if total <= SINGLE_PART[encoding]:
        return encoding, 1

    # Fill parts one character at a time so that an escape sequence or a
    # surrogate pair is never split between two parts.
    limit = MULTI_PART[encoding]
    parts, used = 1, 0
    for unit in units:
        if used + unit > limit:
            parts, used = parts + 1, 0
        used += unit
    return encoding, parts
