"""The exceptions services raise when a request breaks a rule.

Views turn them into GOV.UK error messages, the API into JSON errors, in one
place each; ``field`` names the input at fault, when there is one.
"""

from __future__ import annotations


class RuleBroken(Exception):
    """The request is understood but breaks a rule (HTTP 422)."""

    status = 422

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class Conflict(RuleBroken):
    """The request conflicts with the record's current state (HTTP 409)."""

    status = 409


class NotFound(RuleBroken):
    """A record the request names does not exist (HTTP 404)."""

    status = 404
