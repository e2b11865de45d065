"""Accepted drafts: what a team's own language model drafted (a code's definition, a candidate theme,
a theme's summary) once a person accepted or edited it, with its provenance.

A new table only; nothing existing changes, so SQLite rebuilds no table.

Revision ID: 0018
Revises: 0016
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0016"
branch_labels = None
depends_on = None


def _fk(column: str, target: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(column, sa.Integer, sa.ForeignKey(target, ondelete="SET NULL"), nullable=True)


def upgrade() -> None:
    op.create_table(
        "assist_drafts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("target", sa.String(500), nullable=False),
        _fk("code_id", "codes.id"),
        _fk("theme_id", "themes.id"),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("edited", sa.Boolean, nullable=False),
        sa.Column("endpoint", sa.String(500), nullable=False),
        sa.Column("api", sa.String(10), nullable=False),
        sa.Column("model", sa.String(200), nullable=False),
        sa.Column("digest", sa.String(200), nullable=False),
        sa.Column("prompt", sa.String(100), nullable=False),
        sa.Column("seed", sa.Integer, nullable=False),
        sa.Column("extracts", sa.Text, nullable=False),
        sa.Column("drafted_at", sa.DateTime(timezone=True), nullable=False),
        _fk("accepted_by", "members.id"),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('code-definition', 'candidate-theme', 'theme-summary')", name="kind"),
    )


def downgrade() -> None:
    op.drop_table("assist_drafts")
