"""``flask --app wsgi themes ...``: tag now, and export reviewed decisions for training."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from rhi.audit.actions import AuditAction
from rhi.audit.services import record_now
from rhi.database import transactional
from rhi.themes.review import export_corrections
from rhi.themes.tagging import model_version, tag_pending

themes_command = AppGroup("themes", help="Theme tagging and its review.")


@themes_command.command("tag")
def tag_command() -> None:
    """Tag every new or changed interview and received text now (the worker does this too)."""
    total = 0
    while count := tag_pending():
        total += count
    click.echo(f"Tagged {total} texts with {model_version()}")


@transactional
def _audited_export(path: Path) -> int:
    count = export_corrections(path)
    record_now(AuditAction.THEMES_EXPORTED, detail={"texts": count})
    return count


@themes_command.command("export-corrections")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the JSONL (default: instance/corrections.jsonl).",
)
def export_command(output: Path | None) -> None:
    """Write reviewed texts (pseudonymised) and their accepted themes for `python -m nlp train`."""
    path = output or Path(current_app.instance_path) / "corrections.jsonl"
    count = _audited_export(path)
    click.echo(f"Wrote {count} reviewed texts to {path}")
    click.echo(f"Retrain with: python -m nlp train --corrections {path}")
