"""Private coding suggestions.

New tables only: ``assist_passages`` (the turns and sentences of each document's current revision with
their embedding, float32 bytes, and the model that made it) and ``assist_provenance`` (model, score,
time and member behind each coding made by accepting a suggestion). Nothing existing changes, so
SQLite rebuilds no table.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _fk(column: str, target: str, ondelete: str, nullable: bool = True) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(column, sa.Integer, sa.ForeignKey(target, ondelete=ondelete), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "assist_passages",
        sa.Column("id", sa.Integer, primary_key=True),
        _fk("document_id", "documents.id", "CASCADE", nullable=False),
        _fk("revision_id", "revisions.id", "CASCADE", nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("start_offset", sa.Integer, nullable=False),
        sa.Column("end_offset", sa.Integer, nullable=False),
        sa.Column("model", sa.String(200), nullable=False),
        sa.Column("vector", sa.LargeBinary, nullable=False),
        sa.CheckConstraint("kind IN ('turn', 'sentence')", name="kind"),
    )
    op.create_index("ix_assist_passages_document_id", "assist_passages", ["document_id"])
    op.create_index("ix_assist_passages_revision_id", "assist_passages", ["revision_id"])
    op.create_table(
        "assist_provenance",
        _fk("coding_id", "codings.id", "CASCADE", nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("model", sa.String(200), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        _fk("accepted_by", "members.id", "SET NULL"),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("coding_id"),
        sa.CheckConstraint("source IN ('similar', 'suggest')", name="source"),
    )


def downgrade() -> None:
    op.drop_table("assist_provenance")
    op.drop_table("assist_passages")
