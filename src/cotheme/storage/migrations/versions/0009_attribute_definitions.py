"""Attribute definitions: how each participant attribute is shown in the write-up.

Four columns on ``attributes``: a display label (empty: the attribute's name is shown), the order of
its categories (a JSON list; empty: the natural order), a description (a note under Table 1) and
whether Table 1 shows it. Existing attributes keep today's presentation: no label, no order, shown.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("attributes") as batch:
        batch.add_column(sa.Column("label", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("category_order", sa.Text, nullable=False, server_default="[]"))
        batch.add_column(sa.Column("description", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("shown", sa.Boolean, nullable=False, server_default=sa.true()))


def downgrade() -> None:
    with op.batch_alter_table("attributes") as batch:
        batch.drop_column("shown")
        batch.drop_column("description")
        batch.drop_column("category_order")
        batch.drop_column("label")
