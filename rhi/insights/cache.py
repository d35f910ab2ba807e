"""Dashboard figures kept for a short while, so a busy morning does not recount them.

Council-wide figures (timeliness, hotspots, reasons for missing, panel packs)
take a few hundred milliseconds each over ten years of returns, and several
managers open the same dashboards within minutes of each other. Each web
process keeps a computed result for ``INSIGHT_CACHE_SECONDS`` (60 by default,
0 turns it off), keyed by everything that decides it: the report, its filters
and, for reports that name children, whose reach it was built for. Pages say
when their figures were counted. Nothing is written to disk; nothing is shared
between processes.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from flask import current_app

from rhi.database import utcnow

T = TypeVar("T")
MAX_ENTRIES = 256  # oldest dropped first


@dataclass(frozen=True)
class Counted(Generic[T]):
    """A result and the moment it was counted (UTC)."""

    value: T
    counted_at: datetime


class _Store:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.entries: OrderedDict[Hashable, tuple[float, Counted[object]]] = OrderedDict()


def _store() -> _Store:
    store = current_app.extensions.get("homeward_insight_cache")
    if store is None:
        store = current_app.extensions.setdefault("homeward_insight_cache", _Store())
    return store


def counted(report: str, key: Hashable, compute: Callable[[], T]) -> Counted[T]:
    """``compute()``'s result for ``(report, key)``, reused while younger than the setting."""
    seconds = current_app.config.get("INSIGHT_CACHE_SECONDS", 0)
    if seconds <= 0:
        return Counted(compute(), utcnow())
    store, full_key, now = _store(), (report, key), time.monotonic()
    with store.lock:
        kept = store.entries.get(full_key)
        if kept is not None and now - kept[0] < seconds:
            return kept[1]  # type: ignore[return-value]
    result = Counted(compute(), utcnow())
    with store.lock:
        store.entries[full_key] = (now, result)  # type: ignore[assignment]
        store.entries.move_to_end(full_key)
        while len(store.entries) > MAX_ENTRIES:
            store.entries.popitem(last=False)
    return result
