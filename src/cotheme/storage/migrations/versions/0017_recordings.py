"""Recordings: the audio or video of an interview, stored inside the project beside its transcript.

One recording per document (``recordings``), its bytes in numbered chunks of at most ``chunk_size``
bytes (``recording_chunks``) so that a large file never sits whole in memory and a range read touches
only the chunks it needs. The chunks live in the project store itself, so an encrypted project file
holds its media encrypted like everything else. A recording without a document is an upload still
arriving over the network (stored a chunk per short transaction, then linked in one).

Revision ID: 0017
Revises: 0019 (it follows the migrations merged before it; numbered 0017 when it was written)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "recordings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=True, unique=True
        ),
        sa.Column("filename", sa.String(500), nullable=False),
        sa.Column("mime", sa.String(100), nullable=False),
        sa.Column("size_bytes", sa.BigInteger, nullable=False),
        sa.Column("duration_ms", sa.Integer, nullable=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("chunk_size", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "recording_chunks",
        sa.Column(
            "recording_id", sa.Integer, sa.ForeignKey("recordings.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("recording_chunks")
    op.drop_table("recordings")
