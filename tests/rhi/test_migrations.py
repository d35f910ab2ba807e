"""The schema comes only from Alembic migrations, and they agree with the models."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade

from rhi import create_app
from rhi.config import PROJECT_ROOT
from rhi.extensions import db
from tests.conftest import app_config


def test_there_is_exactly_one_head():
    script = ScriptDirectory(str(PROJECT_ROOT / "migrations"))
    assert len(script.get_heads()) == 1


def test_revisions_are_numbered_in_order():
    script = ScriptDirectory(str(PROJECT_ROOT / "migrations"))
    revisions = [rev.revision for rev in script.walk_revisions()]
    assert revisions == sorted(revisions, reverse=True)
    assert all(rev.isdigit() and len(rev) == 4 for rev in revisions)


def test_models_and_migrations_agree(app_ctx):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == []


def test_upgrade_downgrade_and_upgrade_again(blank_database_url):
    app = create_app(app_config(blank_database_url))
    with app.app_context():
        upgrade()
        tables = set(sa.inspect(db.engine).get_table_names())
        assert {"staff_user", "team", "user_session", "audit_event", "district"} <= tables
        downgrade(revision="base")
        assert set(sa.inspect(db.engine).get_table_names()) <= {"alembic_version"}
        upgrade()
        assert "staff_user" in sa.inspect(db.engine).get_table_names()
        db.engine.dispose()
