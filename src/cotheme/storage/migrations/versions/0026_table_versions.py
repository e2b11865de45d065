"""Per-table change counters: which tables the committed writes changed.

A page that sums up the project (the home page) keeps each of its parts under the counters of the
tables that part read, so a write recomputes only the parts that read what it changed. Rows are made
by the first write to each table; an empty table copies into a backup or a restore like any other.

Revision ID: 0026
Revises: 0017
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "table_versions",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("slot", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("n", sa.BigInteger, nullable=False, server_default="0"),
    )


def downgrade() -> None:
    op.drop_table("table_versions")
