"""``flask --app wsgi api-keys ...``: create, list and revoke API keys."""

import click

api_keys_command = click.Group("api-keys", help="Create, list and revoke API keys.")
