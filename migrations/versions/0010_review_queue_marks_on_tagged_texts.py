"""review queue marks on tagged texts

Each tagged text says whether a suggestion on it is still pending, and whether
a pending one is a safety theme, so the review queue reads its first page from
one partial index instead of sorting every waiting text (120,000 pending
suggestions at county scale took the page to about 300 ms).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-26 06:18:18.185111

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# The safety themes as nlp.taxonomy defined them when this was written.
SAFETY = ("cce", "cse", "risky_adults")
PENDING = (
    "SELECT 1 FROM theme_suggestion WHERE theme_suggestion.text_id = tagged_text.id "
    "AND theme_suggestion.decision = 'pending'"
)


def upgrade():
    # Plain ALTER TABLE (no batch copy): tagged_text is referred to by theme_suggestion.
    for column in ("awaiting_review", "awaiting_safety_review"):
        op.add_column(
            "tagged_text",
            sa.Column(column, sa.Boolean(), server_default=sa.false(), nullable=False),
        )
    themes = ", ".join(f"'{theme}'" for theme in SAFETY)
    op.execute(
        sa.text(
            f"UPDATE tagged_text SET awaiting_review = EXISTS ({PENDING}), "  # noqa: S608 - constants
            f"awaiting_safety_review = EXISTS ({PENDING} AND theme_suggestion.theme IN ({themes}))"
        )
    )
    op.create_index(
        "ix_tagged_text_review_queue",
        "tagged_text",
        ["urgent", "awaiting_safety_review", "written_at", "id"],
        unique=False,
        postgresql_where=sa.text("awaiting_review"),
        sqlite_where=sa.text("awaiting_review"),
    )


def downgrade():
    op.drop_index("ix_tagged_text_review_queue", table_name="tagged_text")
    op.drop_column("tagged_text", "awaiting_safety_review")
    op.drop_column("tagged_text", "awaiting_review")
