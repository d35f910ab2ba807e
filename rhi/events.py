"""Domain events the RHI core emits, for other packages to act on.

The RHI domain never imports ``feedback``; it announces what happened and
``feedback`` listens. Receivers run inside the sender's transaction, so
whatever they add (a survey, its outbox messages) commits or rolls back with
the change that caused it.
"""

from __future__ import annotations

from blinker import Namespace

_events = Namespace()

# Sent with the ReturnInterview as sender and keywords ``before`` (the old
# RhiStatus), ``to`` (the new one) and ``at`` (when, UTC).
rhi_status_changed = _events.signal("rhi-status-changed")
