"""The embeddings of short texts the assistant reads besides passages: each code's card (name, parents
and notes) and each coding's quote that no indexed passage covers.

New table only: ``assist_texts`` (model, the text's SHA-256, its vector as float32 bytes), a cache that
can always be rebuilt, so a fresh process answers its first suggestion without embedding every card of
a large codebook again (285 cards took longer than the whole rest of a first answer).

Revision ID: 0019
Revises: 0025
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assist_texts",
        sa.Column("model", sa.String(200), primary_key=True),
        sa.Column("text_sha256", sa.String(64), primary_key=True),
        sa.Column("vector", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("assist_texts")
