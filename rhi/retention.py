"""Retention: what has passed its keeping date, and the purge that deletes it.

The policy (each period is configuration, see README "Configuration"):

- **A child's record** and everything about them (episodes, interviews and
  their records, meeting tasks, the Philomena profile, text contacts,
  conversations, texts, survey answers, urgent alerts, theme tags) is kept
  until the child's ``RETENTION_LOOKED_AFTER_AGE``th birthday (75) when the
  child is looked after, otherwise until their ``RETENTION_OTHER_AGE``th
  (25). Homeward keeps no history of legal status: a child in care *now* is
  kept to 75, and a child who has left care is kept as the council sets for
  others (set the other age to 75 to keep every child that long).
- **Texts that belong to no conversation** (from numbers that matched no
  contact, duty-worker alerts) are kept ``RETENTION_UNMATCHED_SMS_DAYS`` days.
- **The audit log** is kept ``RETENTION_AUDIT_YEARS`` years (0 keeps it all);
  its rows name records by id, never by name. The purge is the one thing
  that deletes audit rows (in SQL: the ORM refuses to).

What survives a purge: quotes approved for sharing are anonymised copies, so
they lose only their link to the text they came from; "you said, we did"
entries stay. Everything else that refers to a purged row is purged with it:
the tables are walked through their foreign keys, so a table added later is
covered without a change here (``NULLIFY`` lists the links that are cut
instead). Theme tags name their text by kind and id rather than by a foreign
key, and delivery receipts by the Twilio id: ``SOFT_LINKS`` covers them.

The purge works through children a batch at a time, each batch its own
transaction, and writes one audit row with the counts (no names).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast

import sqlalchemy as sa
from flask import current_app

from rhi.audit.actions import AuditAction
from rhi.audit.services import record
from rhi.children.models import Child
from rhi.children.vocabulary import LegalStatus
from rhi.database import transactional
from rhi.extensions import db

BATCH = 200
# Links cut rather than followed: the row survives without its source.
NULLIFY = frozenset({("shared_quote", "message_id")})
# (table, column naming the source's kind, kind, column naming the source's id,
# the source table, the source column they match): references with no foreign key.
SOFT_LINKS = (
    ("tagged_text", "source", "interview", "source_id", "interview_record", "id"),
    ("tagged_text", "source", "sms", "source_id", "sms_message", "id"),
    ("sms_status_event", None, None, "twilio_sid", "sms_message", "twilio_sid"),
)


@dataclass(frozen=True)
class Policy:
    looked_after_age: int
    other_age: int
    unmatched_sms_days: int
    audit_years: int

    @classmethod
    def from_config(cls) -> Policy:
        config = current_app.config
        return cls(
            looked_after_age=config["RETENTION_LOOKED_AFTER_AGE"],
            other_age=config["RETENTION_OTHER_AGE"],
            unmatched_sms_days=config["RETENTION_UNMATCHED_SMS_DAYS"],
            audit_years=config["RETENTION_AUDIT_YEARS"],
        )


@dataclass
class PurgeReport:
    """What a purge deleted (or, in a dry run, would delete), by table."""

    today: date
    dry_run: bool
    children: int = 0
    rows: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    cut_links: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def birthday(born: date, age: int) -> date:
    """The day a child born on ``born`` turns ``age`` (29 February counts from 1 March)."""
    try:
        return born.replace(year=born.year + age)
    except ValueError:
        return date(born.year + age, 3, 1)


def born_before(today: date, age: int) -> date:
    """Children born before this day have had their ``age``th birthday by ``today``."""
    try:
        return today.replace(year=today.year - age) + timedelta(days=1)
    except ValueError:  # today is 29 February
        return date(today.year - age, 3, 1)


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def expired_children(today: date, policy: Policy) -> sa.Select[Any]:
    """The ids of children whose keeping period ended on or before ``today``."""
    looked_after = Child.legal_status == LegalStatus.LOOKED_AFTER.value
    return (
        sa.select(Child.id)
        .where(
            sa.or_(
                sa.and_(
                    looked_after,
                    Child.date_of_birth < born_before(today, policy.looked_after_age),
                ),
                sa.and_(
                    sa.not_(looked_after),
                    Child.date_of_birth < born_before(today, policy.other_age),
                ),
            )
        )
        .order_by(Child.id)
    )


def _chunks(values: list[object], size: int = 500) -> Iterable[list[object]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _select_in(
    column: sa.ColumnElement[object], wanted: sa.ColumnElement[object], values: set[object]
) -> set[object]:
    found: set[object] = set()
    for chunk in _chunks(sorted(values, key=str)):
        found.update(db.session.scalars(sa.select(wanted).where(column.in_(chunk))))
    return found


@dataclass
class _Plan:
    """What one batch removes: rows by table, link-table rows and links to cut, by key."""

    doomed: dict[str, set[object]] = field(default_factory=lambda: defaultdict(set))
    # (table, column) -> the ids that column points at
    links: dict[tuple[str, str], set[object]] = field(default_factory=lambda: defaultdict(set))
    cut: dict[tuple[str, str], set[object]] = field(default_factory=lambda: defaultdict(set))


def _soft_rows(table: sa.Table, new: set[object]) -> Iterable[tuple[sa.Table, set[object]]]:
    """Rows that name rows of ``table`` without a foreign key (``SOFT_LINKS``)."""
    tables = db.metadata.tables
    for name, kind_column, kind, id_column, source, source_column in SOFT_LINKS:
        if source != table.name or name not in tables:
            continue
        other = tables[name]
        values = (
            set(new)
            if source_column == "id"
            else _select_in(table.c.id, table.c[source_column], new)
        )
        values.discard(None)
        rows: set[object] = set()
        for chunk in _chunks(sorted(values, key=str)):
            query = sa.select(other.c.id).where(other.c[id_column].in_(chunk))
            if kind_column is not None:
                query = query.where(other.c[kind_column] == kind)
            rows.update(db.session.scalars(query))
        yield other, rows


def _plan(start: sa.Table, ids: set[object]) -> _Plan:
    """Every row that refers, through foreign keys and ``SOFT_LINKS``, to ``ids`` of ``start``."""
    plan = _Plan()
    queue: list[tuple[sa.Table, set[object]]] = [(start, ids)]
    while queue:
        table, found = queue.pop()
        new = found - plan.doomed[table.name]
        if not new:
            continue
        plan.doomed[table.name] |= new
        for other in db.metadata.tables.values():
            for key in other.foreign_keys:
                if key.column.table is not table:
                    continue
                link = (other.name, key.parent.name)
                if link in NULLIFY:
                    plan.cut[link] |= new
                elif "id" not in other.c:  # a link table: its rows go by the key itself
                    plan.links[link] |= new
                else:
                    queue.append((other, _select_in(key.parent, other.c.id, new)))
        queue.extend(_soft_rows(table, new))
    return plan


def _by_key(
    table: sa.Table, column: str, ids: set[object], report: PurgeReport, *, cut: bool
) -> int:
    """Cut (set NULL) or delete the rows whose ``column`` points at ``ids``; how many."""
    count = 0
    for chunk in _chunks(sorted(ids, key=str)):
        condition = table.c[column].in_(chunk)
        if report.dry_run:
            query = sa.select(sa.func.count()).select_from(table).where(condition)
            count += db.session.scalar(query) or 0
        elif cut:
            result = db.session.execute(sa.update(table).where(condition).values({column: None}))
            count += cast("sa.CursorResult[Any]", result).rowcount
        else:
            result = db.session.execute(sa.delete(table).where(condition))
            count += cast("sa.CursorResult[Any]", result).rowcount
    return count


def _carry_out(plan: _Plan, report: PurgeReport) -> None:
    tables = db.metadata.tables
    for (name, column), ids in plan.cut.items():
        report.cut_links[name] += _by_key(tables[name], column, ids, report, cut=True)
    for (name, column), ids in plan.links.items():
        report.rows[name] += _by_key(tables[name], column, ids, report, cut=False)
    # Dependants before what they depend on: the reverse of the tables' order.
    for table in reversed(db.metadata.sorted_tables):
        doomed = plan.doomed.get(table.name)
        if not doomed:
            continue
        report.rows[table.name] += len(doomed)
        if report.dry_run:
            continue
        for chunk in _chunks(sorted(doomed, key=str)):
            db.session.execute(sa.delete(table).where(table.c.id.in_(chunk)))


@transactional
def _purge_batch(table: sa.Table, ids: set[object], report: PurgeReport) -> None:
    _carry_out(_plan(table, ids), report)


@transactional
def _audit(report: PurgeReport) -> None:
    record(
        AuditAction.RETENTION_PURGED,
        object_type="retention",
        detail={
            "today": report.today.isoformat(),
            "children": report.children,
            "rows": dict(report.rows),
            "links_cut": dict(report.cut_links),
        },
    )


def purge(
    today: date | None = None, *, dry_run: bool = False, policy: Policy | None = None
) -> PurgeReport:
    """Delete what has passed its keeping date (``dry_run``: only count it)."""
    policy = policy or Policy.from_config()
    today = today or date.today()
    report = PurgeReport(today=today, dry_run=dry_run)
    children = list(db.session.scalars(expired_children(today, policy)))
    report.children = len(children)
    for chunk in _chunks(children, BATCH):
        _purge_batch(Child.__table__, set(chunk), report)
    if "sms_message" in db.metadata.tables:
        messages = db.metadata.tables["sms_message"]
        cutoff = _midnight(today - timedelta(days=policy.unmatched_sms_days))
        stray = set(
            db.session.scalars(
                sa.select(messages.c.id).where(
                    messages.c.conversation_id.is_(None), messages.c.created_at < cutoff
                )
            )
        )
        if stray:
            _purge_batch(messages, stray, report)
    if policy.audit_years:
        events = db.metadata.tables["audit_event"]
        since = born_before(today, policy.audit_years)
        old = set(
            db.session.scalars(
                sa.select(events.c.id).where(events.c.occurred_at < _midnight(since))
            )
        )
        if old:
            _purge_batch(events, old, report)
    if not dry_run:
        _audit(report)
    return report
