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


def test_outcome_marks_are_filled_from_each_interviews_history(blank_database_url):
    """0008 marks interviews ever accepted, declined or unable to contact from their transitions."""
    app = create_app(app_config(blank_database_url))
    with app.app_context():
        upgrade(revision="0007")
        statements = [
            "INSERT INTO district (id, code, name, active) VALUES (1, 'D1', 'District one', TRUE)",
            "INSERT INTO child (id, case_ref, given_name, family_name, date_of_birth, gender,"
            " district_id, legal_status, vulnerabilities, created_at, updated_at) VALUES"
            " (1, 'C1', 'Invented', 'Child', '2012-01-01', 'female', 1, 'home', '[]',"
            " '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
        ]
        histories = {
            1: ["requested", "unable_to_contact", "accepted", "completed"],
            2: ["declined"],
        }
        rows = []
        for rhi_id, steps in histories.items():
            rows.append(
                (
                    "INSERT INTO return_interview (id, child_id, status, due_at, version,"
                    " created_at, updated_at) VALUES (:rhi_id, 1, :status,"
                    " '2026-01-04 00:00:00', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
                    {"rhi_id": rhi_id, "status": steps[-1]},
                )
            )
            rows += [
                (
                    "INSERT INTO rhi_transition (rhi_id, to_status, at)"
                    " VALUES (:rhi_id, :status, '2026-01-01 00:00:00')",
                    {"rhi_id": rhi_id, "status": step},
                )
                for step in steps
            ]
        with db.engine.begin() as connection:
            for statement in statements:
                connection.execute(sa.text(statement))
            for statement, values in rows:
                connection.execute(sa.text(statement), values)
        upgrade(revision="0008")
        with db.engine.connect() as connection:
            marks = connection.execute(
                sa.text(
                    "SELECT id, ever_accepted, ever_declined, ever_unable_to_contact"
                    " FROM return_interview ORDER BY id"
                )
            ).all()
        assert [tuple(bool(value) for value in row[1:]) for row in marks] == [
            (True, False, True),
            (False, True, False),
        ]
        db.engine.dispose()


def test_review_queue_marks_are_filled_from_each_texts_suggestions(blank_database_url):
    """0010 marks texts with a pending suggestion, and with a pending safety one."""
    app = create_app(app_config(blank_database_url))
    with app.app_context():
        upgrade(revision="0009")
        suggestions = {
            1: [("cse", "pending"), ("school", "accepted")],  # waiting, a safety theme
            2: [("cse", "rejected"), ("school", "pending")],  # waiting, no safety theme now
            3: [("peers", "accepted")],  # all decided
            4: [],  # tagged with no theme
        }
        with db.engine.begin() as connection:
            for text_id, themes in suggestions.items():
                connection.execute(
                    sa.text(
                        "INSERT INTO tagged_text (id, source, source_id, written_at, text_hash,"
                        " model_version, tagged_at, urgent) VALUES (:id, 'sms', :id,"
                        " '2026-01-01 00:00:00', :hash, 'test', '2026-01-01 00:00:00', FALSE)"
                    ),
                    {"id": text_id, "hash": "0" * 64},
                )
                for theme, decision in themes:
                    connection.execute(
                        sa.text(
                            "INSERT INTO theme_suggestion (text_id, theme, spans, score, origin,"
                            " decision) VALUES (:text_id, :theme, '[]', 0.9, 'tagger', :decision)"
                        ),
                        {"text_id": text_id, "theme": theme, "decision": decision},
                    )
        upgrade(revision="0010")
        with db.engine.connect() as connection:
            marks = connection.execute(
                sa.text(
                    "SELECT awaiting_review, awaiting_safety_review FROM tagged_text ORDER BY id"
                )
            ).all()
        assert [tuple(bool(value) for value in row) for row in marks] == [
            (True, True),
            (True, False),
            (False, False),
            (False, False),
        ]
        db.engine.dispose()
