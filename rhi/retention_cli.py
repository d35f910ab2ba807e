"""``flask --app wsgi retention purge``: delete what has passed its keeping date, with a report."""

from __future__ import annotations

from datetime import date, datetime

import click
from flask.cli import AppGroup

from rhi.retention import Policy, PurgeReport, purge

retention_command = AppGroup("retention", help="Retention of children's records.")


def _report_lines(report: PurgeReport, policy: Policy) -> list[str]:
    verb = "Would delete" if report.dry_run else "Deleted"
    lines = [
        f"Retention on {report.today.isoformat()}: looked-after children to their "
        f"{policy.looked_after_age}th birthday, other children to their {policy.other_age}th, "
        f"texts outside a conversation {policy.unmatched_sms_days} days, audit log "
        + (f"{policy.audit_years} years" if policy.audit_years else "kept"),
        f"Children past their keeping date: {report.children}",
        f"{verb} {report.total} rows:",
    ]
    lines += [f"  {table:<24} {count:>8}" for table, count in sorted(report.rows.items())]
    if report.cut_links:
        lines.append("Kept, with the link to a deleted text removed:")
        lines += [f"  {table:<24} {count:>8}" for table, count in sorted(report.cut_links.items())]
    if report.dry_run:
        lines.append("Dry run: nothing was deleted.")
    return lines


@retention_command.command("purge")
@click.option("--dry-run", is_flag=True, help="Count what would be deleted; delete nothing.")
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Judge keeping dates as on this day (YYYY-MM-DD); default today.",
)
def purge_command(dry_run: bool, today: datetime | None) -> None:
    """Delete (or with --dry-run, count) the records past their keeping date."""
    policy = Policy.from_config()
    day: date | None = today.date() if today else None
    report = purge(day, dry_run=dry_run, policy=policy)
    for line in _report_lines(report, policy):
        click.echo(line)
