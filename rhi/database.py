"""Database plumbing: SQLite pragmas, UTC time, and the one place that commits."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import DateTime, Engine, event
from sqlalchemy.types import TypeDecorator

from rhi.extensions import db

P = ParamSpec("P")
R = TypeVar("R")


def utcnow() -> datetime:
    """Now, as an aware UTC datetime. All stored times are UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored as UTC and always read back timezone-aware.

    SQLite has no time zones, so values are stored naive-UTC there and made
    aware again on the way out; PostgreSQL keeps ``timestamptz``.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; use rhi.database.utcnow()")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    """WAL, foreign keys and a busy timeout for every SQLite connection."""
    module = type(dbapi_connection).__module__
    if not module.startswith("sqlite3"):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def transactional(
    func: Callable[P, R] | None = None, *, commit_on: tuple[type[BaseException], ...] = ()
) -> Any:
    """Commit the session when a service succeeds, roll back when it raises.

    Services decorated with this are the only code that commits; a nested call
    joins the outer transaction. ``commit_on`` names exceptions that are
    outcomes rather than faults (a wrong password): what the service recorded
    before raising one, such as an audit row, is committed, then it propagates.
    """

    def decorate(service: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(service)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            session = db.session
            outermost = not session.info.get("in_transactional", False)
            session.info["in_transactional"] = True
            try:
                result = service(*args, **kwargs)
            except commit_on:
                if outermost:
                    session.commit()
                raise
            except BaseException:
                if outermost:
                    session.rollback()
                raise
            else:
                if outermost:
                    session.commit()
                return result
            finally:
                if outermost:
                    session.info["in_transactional"] = False

        return wrapper

    return decorate if func is None else decorate(func)
