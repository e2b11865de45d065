"""Interview details: each transcript's setting and field notes.

The date, mode, duration and interviewer have had columns since 0001; COREQ items 14 (setting of data
collection) and 20 (field notes) need these two as well. Both are empty for existing documents.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("setting", sa.String(500), nullable=False, server_default=""))
        batch.add_column(sa.Column("field_notes", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("field_notes")
        batch.drop_column("setting")
