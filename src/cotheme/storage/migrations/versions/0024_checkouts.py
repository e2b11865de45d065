"""Offline copies: the working copies made (``checkouts``) and what their check-ins left for a lead to
decide (``merge_items``: proposals to the codebook and conflicts, both sides as JSON).

Revision ID: 0024
Revises: 0023
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "merge_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("checkout_guid", sa.String(36), nullable=False),
        sa.Column("member", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("subject", sa.String(10), nullable=False),
        sa.Column("subject_guid", sa.String(36), nullable=False),
        sa.Column("field", sa.String(20), nullable=False, server_default=""),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("ours", sa.Text, nullable=True),
        sa.Column("theirs", sa.Text, nullable=True),
        sa.Column("status", sa.String(10), nullable=False, server_default="open"),
        sa.Column("decided_by", sa.String(200), nullable=False, server_default=""),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("checkout_guid", "subject", "subject_guid", "field", name="uq_merge_items_subject"),
    )
    op.create_index("ix_merge_items_checkout_guid", "merge_items", ["checkout_guid"])
    op.create_index("ix_merge_items_status", "merge_items", ["status"])
    op.create_table(
        "checkouts",
        sa.Column("guid", sa.String(36), primary_key=True),
        sa.Column("member", sa.String(200), nullable=False),
        sa.Column("documents", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("checked_in_at", sa.DateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("checkouts")
    op.drop_index("ix_merge_items_status", "merge_items")
    op.drop_index("ix_merge_items_checkout_guid", "merge_items")
    op.drop_table("merge_items")
