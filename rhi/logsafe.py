"""Logging an error without the personal data its message may carry.

An exception's message can quote what caused it (a SQL error lists its
parameters; a parser quotes its input), so logs get the exception's type and
the stack (file, line, function, source line), never the message or values.
"""

from __future__ import annotations

import traceback

from flask import request


def error_summary(error: BaseException) -> str:
    """``TypeName`` and the stack frames where it happened, without the message."""
    frames = "".join(traceback.format_tb(error.__traceback__))
    return f"{type(error).__name__} (message withheld)\n{frames}".rstrip()


def route() -> str:
    """The route that matched (``/children/<case_ref>``), never the path itself."""
    rule = request.url_rule
    return f"{request.method} {rule.rule if rule is not None else '(no route)'}"
