"""What each de-identifying revision replaced (kind, replacement, count) for the residual risk report.

A new table only; the originals are never stored here (they live in the encrypted key file).

Revision ID: 0015
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deid_replaced",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("revision_id", sa.Integer, sa.ForeignKey("revisions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("replacement", sa.String(300), nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
    )
    op.create_index("ix_deid_replaced_revision_id", "deid_replaced", ["revision_id"])
    op.create_index("ix_deid_replaced_document_id", "deid_replaced", ["document_id"])


def downgrade() -> None:
    op.drop_index("ix_deid_replaced_document_id", "deid_replaced")
    op.drop_index("ix_deid_replaced_revision_id", "deid_replaced")
    op.drop_table("deid_replaced")
