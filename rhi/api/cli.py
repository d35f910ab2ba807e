"""``flask --app wsgi api-keys ...``: create, list and revoke API keys."""

from __future__ import annotations

from datetime import datetime

import click
from flask.cli import with_appcontext

from rhi.api.auth import Scope, create_api_key, list_api_clients, revoke_api_key
from rhi.domain import RuleBroken

api_keys_command = click.Group("api-keys", help="Create, list and revoke API keys.")


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "-"


@api_keys_command.command("create")
@click.argument("name")
@click.option(
    "--scope",
    "scopes",
    multiple=True,
    required=True,
    type=click.Choice([scope.value for scope in Scope]),
    help="What the key may do; repeat for more than one.",
)
@with_appcontext
def create(name: str, scopes: tuple[str, ...]) -> None:
    """Make a key for the client NAME. The key is the last line printed, and is shown once."""
    try:
        client, key = create_api_key(name, scopes)
    except RuleBroken as refused:
        raise click.ClickException(refused.message) from None
    click.echo(f"API key for {client.name}, with scopes: {', '.join(client.scopes)}")
    click.echo("Give it to the client now: it is not stored and cannot be shown again.")
    click.echo(key)


@api_keys_command.command("list")
@with_appcontext
def list_keys() -> None:
    """List API clients: name, key prefix, scopes, when created, last used and revoked."""
    rows = list_api_clients()
    if not rows:
        click.echo("No API keys yet.")
        return
    header = ("Name", "Prefix", "Scopes", "Created", "Last used", "Revoked")
    table = [header] + [
        (
            row.name,
            row.key_prefix,
            ",".join(row.scopes),
            _when(row.created_at),
            _when(row.last_used_at),
            _when(row.revoked_at),
        )
        for row in rows
    ]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    for line in table:
        cells = (cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        click.echo("  ".join(cells).rstrip())


@api_keys_command.command("revoke")
@click.argument("name")
@with_appcontext
def revoke(name: str) -> None:
    """Revoke the key of the client NAME: it stops working at once."""
    try:
        client = revoke_api_key(name)
    except RuleBroken as refused:
        raise click.ClickException(refused.message) from None
    click.echo(f"Revoked the API key of {client.name} ({client.key_prefix}...).")
