"""Working as a team: accounts, sessions, assignments, blind documents, a versioned codebook
history and the audit trail.

Members gain ``password_hash`` (argon2; NULL = no account) and ``active``; documents gain ``blind``;
codes gain ``version`` (an optimistic lock). New tables: ``login_sessions``, ``login_failures``,
``assignments``, ``codebook_changes`` / ``codebook_states`` / ``codebook_moves`` and ``audit_log``.

Only columns are added to existing tables (plain ALTER TABLE ... ADD COLUMN with a default), so SQLite
rebuilds no table. Codes that exist already get one "create" change each, dated when they were
created and by no one, so the codebook as of an earlier date leaves them out.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

STAMP = sa.DateTime(timezone=True)
CODE_FIELDS = ("id", "guid", "parent_id", "name", "definition", "inclusion", "exclusion", "example",
               "colour", "position", "created_at")


def _fk(column: str, target: str, ondelete: str, nullable: bool = True, **kw: object) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(column, sa.Integer, sa.ForeignKey(target, ondelete=ondelete), nullable=nullable, **kw)


def upgrade() -> None:
    op.add_column("members", sa.Column("password_hash", sa.String(200), nullable=True))
    op.add_column("members", sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()))
    op.add_column("documents", sa.Column("blind", sa.Boolean, nullable=False, server_default=sa.false()))
    op.add_column("codes", sa.Column("version", sa.Integer, nullable=False, server_default="1"))
    op.create_table(
        "login_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        _fk("member_id", "members.id", "CASCADE", nullable=False),
        sa.Column("address", sa.String(100), nullable=False, server_default=""),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("expires_at", STAMP, nullable=False),
    )
    op.create_index("ix_login_sessions_member_id", "login_sessions", ["member_id"])
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("account", sa.String(200), nullable=False),
        sa.Column("address", sa.String(100), nullable=False),
        sa.Column("at", STAMP, nullable=False),
    )
    op.create_index("ix_login_failures_account", "login_failures", ["account"])
    op.create_index("ix_login_failures_address", "login_failures", ["address"])
    op.create_table(
        "assignments",
        _fk("document_id", "documents.id", "CASCADE", nullable=False, primary_key=True),
        _fk("member_id", "members.id", "CASCADE", nullable=False, primary_key=True),
        _fk("assigned_by", "members.id", "SET NULL"),
        sa.Column("assigned_at", STAMP, nullable=False),
    )
    op.create_index("ix_assignments_member_id", "assignments", ["member_id"])
    changes = op.create_table(
        "codebook_changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", STAMP, nullable=False),
        _fk("author_id", "members.id", "SET NULL"),
        sa.Column("author", sa.String(200), nullable=False, server_default=""),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("rationale", sa.Text, nullable=False, server_default=""),
        _fk("undo_of", "codebook_changes.id", "SET NULL"),
    )
    states = op.create_table(
        "codebook_states",
        sa.Column("id", sa.Integer, primary_key=True),
        _fk("change_id", "codebook_changes.id", "CASCADE", nullable=False),
        sa.Column("code_id", sa.Integer, nullable=False),
        sa.Column("before", sa.Text, nullable=True),
        sa.Column("after", sa.Text, nullable=True),
    )
    op.create_index("ix_codebook_states_change_id", "codebook_states", ["change_id"])
    op.create_table(
        "codebook_moves",
        sa.Column("id", sa.Integer, primary_key=True),
        _fk("change_id", "codebook_changes.id", "CASCADE", nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("row_id", sa.Integer, nullable=False),
        sa.Column("old_code", sa.Integer, nullable=False),
        sa.Column("new_code", sa.Integer, nullable=True),
    )
    op.create_index("ix_codebook_moves_change_id", "codebook_moves", ["change_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", STAMP, nullable=False),
        _fk("member_id", "members.id", "SET NULL"),
        sa.Column("actor", sa.String(200), nullable=False, server_default=""),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(64), nullable=False, server_default=""),
        sa.Column("before", sa.Text, nullable=True),
        sa.Column("after", sa.Text, nullable=True),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_table_row", "audit_log", ["table_name", "row_id"])
    _baseline(changes, states)


def _baseline(changes: sa.Table, states: sa.Table) -> None:
    """One 'create' change per existing code, dated its creation (the history starts here)."""
    bind = op.get_bind()
    codes = sa.table("codes", *(sa.column(name, STAMP if name == "created_at" else None) for name in CODE_FIELDS))
    for row in bind.execute(sa.select(codes).order_by(codes.c.created_at, codes.c.id)).mappings().all():
        change_id = bind.execute(
            sa.insert(changes).values(at=row["created_at"], author="", kind="create", rationale="")
        ).inserted_primary_key[0]  # type: ignore[index]
        after = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()}
        after["version"] = 1
        bind.execute(sa.insert(states).values(change_id=change_id, code_id=row["id"], before=None,
                                              after=json.dumps(after, sort_keys=True)))


def downgrade() -> None:
    for table in ("audit_log", "codebook_moves", "codebook_states", "codebook_changes", "assignments",
                  "login_failures", "login_sessions"):
        op.drop_table(table)
    with op.batch_alter_table("codes") as batch:
        batch.drop_column("version")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("blind")
    with op.batch_alter_table("members") as batch:
        batch.drop_column("active")
        batch.drop_column("password_hash")
