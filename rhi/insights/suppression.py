"""Small numbers: counts of 1 to 4 are shown as "<5" in anything that leaves the system.

A count of 0 is shown as 0, and 5 or more as it is. Staff who may see the
children behind a number (they could open the records anyway) may be shown
exact figures on screen; exports and published pages are always suppressed.
"""

from __future__ import annotations

SUPPRESSED = "<5"
SMALLEST_SHOWN = 5


def suppress(count: int) -> str:
    """``count`` as it may be published: "<5" for 1 to 4."""
    if 0 < count < SMALLEST_SHOWN:
        return SUPPRESSED
    return str(count)


def shown(count: int, *, exact: bool) -> str:
    """``count`` for a page: exact for those who may see it, suppressed for the rest."""
    return str(count) if exact else suppress(count)


def rate(numerator: int, denominator: int, *, exact: bool = False) -> str:
    """A percentage, withheld ("<5" shown instead) when either count would be suppressed.

    A rate over a small count gives the count away, so it is held back too.
    """
    if denominator == 0:
        return "-"
    if not exact and (0 < numerator < SMALLEST_SHOWN or 0 < denominator < SMALLEST_SHOWN):
        return SUPPRESSED
    return f"{100 * numerator / denominator:.1f}%"
