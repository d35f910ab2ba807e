"""interview outcome marks and the return time index, for insight at county scale

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 03:00:00

Each interview keeps whether it was ever accepted, declined or unable to
contact (filled here from its transitions), so the timeliness counts read
three columns instead of searching every transition.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

FLAGS = {
    "ever_accepted": "accepted",
    "ever_declined": "declined",
    "ever_unable_to_contact": "unable_to_contact",
}


def upgrade():
    # Plain ALTER TABLE (no batch copy): SQLite adds a NOT NULL column with a
    # default in place, and copying a table others refer to would break their keys.
    for column in FLAGS:
        op.add_column(
            "return_interview",
            sa.Column(column, sa.Boolean(), server_default=sa.false(), nullable=False),
        )
    for column, status in FLAGS.items():
        op.execute(
            sa.text(
                f"UPDATE return_interview SET {column} = TRUE WHERE EXISTS ("  # noqa: S608 - constants
                "SELECT 1 FROM rhi_transition WHERE rhi_transition.rhi_id = return_interview.id "
                "AND rhi_transition.to_status = :status)"
            ).bindparams(status=status)
        )
    op.create_index("ix_episode_returned_at", "episode", ["returned_at"], unique=False)


def downgrade():
    op.drop_index("ix_episode_returned_at", table_name="episode")
    for column in reversed(list(FLAGS)):
        op.drop_column("return_interview", column)
