"""Calibration sessions: a transcript coded blind by every coder, revealed side by side, closed with the
decisions the team made.

Revision ID: 0025
Revises: 0024
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calibrations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("coders", sa.Text, nullable=False),
        sa.Column("started_by", sa.String(200), nullable=False, server_default=""),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revealed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decisions", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_calibrations_document_id", "calibrations", ["document_id"])


def downgrade() -> None:
    op.drop_index("ix_calibrations_document_id", "calibrations")
    op.drop_table("calibrations")
