"""Live changes: who has which transcript open, and (PostgreSQL) a notice when the trail grows.

``presence`` holds one row per open page with a heartbeat. On PostgreSQL, statement-level triggers on
``audit_log`` and ``presence`` send a NOTIFY on the ``cotheme_live`` channel, so every server process
listening on the same database hears of every committed change at once (a NOTIFY is delivered only
when its transaction commits); SQLite servers poll instead.

Revision ID: 0023
Revises: 0018
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0018"
branch_labels = None
depends_on = None

_FUNCTION = """
CREATE OR REPLACE FUNCTION cotheme_live_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('cotheme_live', TG_TABLE_NAME);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    op.create_table(
        "presence",
        sa.Column("token", sa.String(64), primary_key=True),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("members.id", ondelete="CASCADE"), nullable=False),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_presence_document_id", "presence", ["document_id"])
    op.create_index("ix_presence_seen_at", "presence", ["seen_at"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_FUNCTION)
        for table in ("audit_log", "presence"):
            op.execute(f"CREATE TRIGGER cotheme_live_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
                       "FOR EACH STATEMENT EXECUTE FUNCTION cotheme_live_notify()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in ("audit_log", "presence"):
            op.execute(f"DROP TRIGGER IF EXISTS cotheme_live_{table} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS cotheme_live_notify()")
    op.drop_index("ix_presence_seen_at", "presence")
    op.drop_index("ix_presence_document_id", "presence")
    op.drop_table("presence")
