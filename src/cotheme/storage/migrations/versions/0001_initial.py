"""The first schema: study settings, members, cases, documents with revisions and turns, codes,
codings, memos, and the search units with their engine-specific full-text index.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

STAMP = sa.DateTime(timezone=True)


def GUID() -> sa.Column:  # type: ignore[type-arg]  # noqa: N802 - reads like a column type
    return sa.Column("guid", sa.String(36), nullable=False, unique=True)


def _fk(column: str, target: str, ondelete: str, nullable: bool = True) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        column,
        sa.Integer,
        sa.ForeignKey(target, ondelete=ondelete),
        nullable=nullable,
    )


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "members",
        sa.Column("id", sa.Integer, primary_key=True),
        GUID(),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("role_label", sa.String(200), nullable=False, server_default=""),
        sa.Column("permission", sa.String(20), nullable=False, server_default="coder"),
        sa.Column("created_at", STAMP, nullable=False),
        sa.CheckConstraint("permission IN ('lead', 'coder', 'viewer')", name="permission"),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer, primary_key=True),
        GUID(),
        sa.Column("pid", sa.String(100), nullable=False, unique=True),
        sa.Column("created_at", STAMP, nullable=False),
    )
    op.create_table(
        "attributes",
        sa.Column("id", sa.Integer, primary_key=True),
        GUID(),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_table(
        "case_values",
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("attribute_id", sa.Integer, sa.ForeignKey("attributes.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("value", sa.Text, nullable=True),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        GUID(),
        sa.Column("title", sa.String(300), nullable=False, unique=True),
        _fk("case_id", "cases.id", "SET NULL"),
        sa.Column("current_revision_id", sa.Integer, nullable=True),
        sa.Column("file_name", sa.String(500), nullable=False, server_default=""),
        sa.Column("format", sa.String(20), nullable=False, server_default=""),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("interview_date", sa.Date, nullable=True),
        sa.Column("mode", sa.String(100), nullable=False, server_default=""),
        sa.Column("duration_minutes", sa.Integer, nullable=True),
        sa.Column("interviewer", sa.String(200), nullable=False, server_default=""),
        sa.Column("created_at", STAMP, nullable=False),
    )
    op.create_index("ix_documents_case_id", "documents", ["case_id"])
    op.create_index("ix_documents_content_sha256", "documents", ["content_sha256"])
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer, primary_key=True),
        _fk("document_id", "documents.id", "CASCADE", nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("char_length", sa.Integer, nullable=False),
        sa.Column("words", sa.Integer, nullable=False),
        _fk("author_id", "members.id", "SET NULL"),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", STAMP, nullable=False),
        sa.UniqueConstraint("document_id", "number", name="uq_revisions_document_number"),
    )
    op.create_table(
        "turns",
        sa.Column("id", sa.Integer, primary_key=True),
        _fk("revision_id", "revisions.id", "CASCADE", nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("speaker", sa.String(200), nullable=True),
        sa.Column("start_offset", sa.Integer, nullable=False),
        sa.Column("end_offset", sa.Integer, nullable=False),
        sa.Column("t_start_ms", sa.Integer, nullable=True),
        sa.Column("t_end_ms", sa.Integer, nullable=True),
    )
    op.create_index("ix_turns_revision_start", "turns", ["revision_id", "start_offset"])
    op.create_table(
        "codes",
        sa.Column("id", sa.Integer, primary_key=True),
        GUID(),
        _fk("parent_id", "codes.id", "RESTRICT"),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("definition", sa.Text, nullable=False, server_default=""),
        sa.Column("inclusion", sa.Text, nullable=False, server_default=""),
        sa.Column("exclusion", sa.Text, nullable=False, server_default=""),
        sa.Column("example", sa.Text, nullable=False, server_default=""),
        sa.Column("colour", sa.String(7), nullable=False, server_default="#999999"),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", STAMP, nullable=False),
        sa.UniqueConstraint("parent_id", "name", name="uq_codes_parent_name"),
    )
    op.create_index(
        "uq_codes_root_name",
        "codes",
        ["name"],
        unique=True,
        sqlite_where=sa.text("parent_id IS NULL"),
        postgresql_where=sa.text("parent_id IS NULL"),
    )
    op.create_table(
        "codings",
        sa.Column("id", sa.Integer, primary_key=True),
        GUID(),
        _fk("document_id", "documents.id", "CASCADE", nullable=False),
        _fk("revision_id", "revisions.id", "CASCADE", nullable=False),
        _fk("code_id", "codes.id", "CASCADE", nullable=False),
        _fk("coder_id", "members.id", "SET NULL"),
        sa.Column("start_offset", sa.Integer, nullable=False),
        sa.Column("end_offset", sa.Integer, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("prefix", sa.Text, nullable=False),
        sa.Column("suffix", sa.Text, nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("updated_at", STAMP, nullable=False),
        sa.CheckConstraint("start_offset >= 0 AND end_offset > start_offset", name="span"),
    )
    op.create_index("ix_codings_code_id", "codings", ["code_id"])
    op.create_index("ix_codings_coder_id", "codings", ["coder_id"])
    op.create_index("ix_codings_document_start", "codings", ["document_id", "start_offset"])
    op.create_table(
        "memos",
        sa.Column("id", sa.Integer, primary_key=True),
        GUID(),
        sa.Column("text", sa.Text, nullable=False),
        _fk("author_id", "members.id", "SET NULL"),
        sa.Column("target", sa.String(20), nullable=False),
        _fk("document_id", "documents.id", "CASCADE"),
        _fk("code_id", "codes.id", "CASCADE"),
        _fk("coding_id", "codings.id", "CASCADE"),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("updated_at", STAMP, nullable=False),
        sa.CheckConstraint(
            "(target = 'project' AND document_id IS NULL AND code_id IS NULL AND coding_id IS NULL)"
            " OR (target = 'document' AND document_id IS NOT NULL)"
            " OR (target = 'code' AND code_id IS NOT NULL)"
            " OR (target = 'coding' AND coding_id IS NOT NULL)",
            name="target",
        ),
    )
    for column in ("document_id", "code_id", "coding_id"):
        op.create_index(f"ix_memos_{column}", "memos", [column])
    op.create_table(
        "search_units",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        _fk("document_id", "documents.id", "CASCADE"),
        _fk("memo_id", "memos.id", "CASCADE"),
        sa.Column("start_offset", sa.Integer, nullable=False, server_default="0"),
        sa.Column("speaker", sa.String(200), nullable=True),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_index("ix_search_units_document_id", "search_units", ["document_id"])
    op.create_index("ix_search_units_memo_id", "search_units", ["memo_id"])
    _create_fulltext()


def _create_fulltext() -> None:
    """FTS5 external-content table kept in step by triggers (SQLite); a GIN-indexed tsvector (PG).

    Both use a plain tokenizer without stemming or accent folding, so the two engines find the same
    units for the same query.
    """
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5(body, content='search_units', "
            "content_rowid='id', tokenize='unicode61 remove_diacritics 0')"
        )
        op.execute(
            "CREATE TRIGGER search_units_ai AFTER INSERT ON search_units BEGIN "
            "INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body); END"
        )
        op.execute(
            "CREATE TRIGGER search_units_ad AFTER DELETE ON search_units BEGIN "
            "INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body); END"
        )
        op.execute(
            "CREATE TRIGGER search_units_au AFTER UPDATE ON search_units BEGIN "
            "INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body); "
            "INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body); END"
        )
    else:
        op.execute(
            "ALTER TABLE search_units ADD COLUMN tsv tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED"
        )
        op.execute("CREATE INDEX ix_search_units_tsv ON search_units USING gin (tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_fts")
    for table in ("search_units", "memos", "codings", "codes", "turns", "revisions", "documents",
                  "case_values", "attributes", "cases", "members", "settings"):
        op.drop_table(table)
