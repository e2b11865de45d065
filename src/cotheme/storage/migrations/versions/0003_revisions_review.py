"""Transcript revisions and re-anchoring, de-identification.

Revisions gain a ``deidentified`` marker (set by ``cotheme deid apply``). Codings gain how they came
through the last edit: ``anchor_status`` (ok | moved | edited | fuzzy | review), ``anchor_score`` and
``old_quote``. New tables: ``deid_terms`` (the team's list of names to find and strings to ignore),
``deid_candidates`` (what a scan found, with decisions) and ``deid_scans``.

Only columns are added to existing tables (plain ALTER TABLE ... ADD COLUMN on both engines), so SQLite
does not rebuild any table here.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

STAMP = sa.DateTime(timezone=True)


def _fk(column: str, target: str, ondelete: str, nullable: bool = True) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(column, sa.Integer, sa.ForeignKey(target, ondelete=ondelete), nullable=nullable)


def upgrade() -> None:
    op.add_column("revisions", sa.Column("deidentified", sa.Boolean, nullable=False, server_default=sa.false()))
    op.add_column("codings", sa.Column("anchor_status", sa.String(10), nullable=False, server_default="ok"))
    op.add_column("codings", sa.Column("anchor_score", sa.Float, nullable=True))
    op.add_column("codings", sa.Column("old_quote", sa.Text, nullable=True))
    op.create_index("ix_codings_anchor_status", "codings", ["anchor_status"])
    op.create_table(
        "deid_terms",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("term", sa.String(300), nullable=False),
        sa.Column("term_key", sa.String(300), nullable=False, unique=True),
        sa.Column("decision", sa.String(10), nullable=False, server_default="identify"),
        sa.Column("role", sa.String(50), nullable=False, server_default=""),
        sa.Column("replacement", sa.String(300), nullable=False, server_default=""),
        sa.Column("created_at", STAMP, nullable=False),
        sa.CheckConstraint("decision IN ('identify', 'ignore')", name="decision"),
    )
    op.create_table(
        "deid_candidates",
        sa.Column("id", sa.Integer, primary_key=True),
        _fk("document_id", "documents.id", "CASCADE", nullable=False),
        _fk("revision_id", "revisions.id", "CASCADE", nullable=False),
        sa.Column("field", sa.String(10), nullable=False, server_default="text"),
        sa.Column("start_offset", sa.Integer, nullable=True),
        sa.Column("end_offset", sa.Integer, nullable=True),
        sa.Column("original", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("status", sa.String(10), nullable=False, server_default="open"),
        sa.Column("replacement", sa.String(300), nullable=True),
        _fk("decided_by", "members.id", "SET NULL"),
        sa.Column("decided_at", STAMP, nullable=True),
        sa.CheckConstraint("status IN ('open', 'proposed', 'accepted', 'rejected')", name="status"),
        sa.CheckConstraint("field IN ('text', 'speaker')", name="field"),
    )
    op.create_index("ix_deid_candidates_document_id", "deid_candidates", ["document_id"])
    op.create_index("ix_deid_candidates_revision_id", "deid_candidates", ["revision_id"])
    op.create_table(
        "deid_scans",
        _fk("revision_id", "revisions.id", "CASCADE", nullable=False),
        sa.Column("detectors", sa.String(200), nullable=False),
        sa.Column("scanned_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("revision_id"),
    )


def downgrade() -> None:
    for table in ("deid_scans", "deid_candidates", "deid_terms"):
        op.drop_table(table)
    with op.batch_alter_table("codings") as batch:
        batch.drop_index("ix_codings_anchor_status")
        batch.drop_column("old_quote")
        batch.drop_column("anchor_score")
        batch.drop_column("anchor_status")
    with op.batch_alter_table("revisions") as batch:
        batch.drop_column("deidentified")
