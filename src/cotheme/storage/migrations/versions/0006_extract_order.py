"""Extracts of a code read fast: in reading order from an index, with their speaker stored.

* ``ix_codings_code_id`` becomes ``ix_codings_code_document_start`` on (code_id, document_id,
  start_offset, id): a code's extracts come off the index in the order they are shown. The old index
  is its prefix, so it is dropped; ``code_id`` stays indexed for the foreign key's cascades.
* ``codings.speaker``: the speaker of the turn the coding starts in (the last turn of its revision
  starting at or before it), written with the coding by ``storage.codings`` and kept when a speaker is
  renamed. Reading it had been one correlated lookup per extract, most of the time PostgreSQL spent
  on 10,000 extracts (~20 of ~24 ms). Existing codings are filled here.
* PostgreSQL: a revision's text is compressed with lz4 instead of pglz when the server has it (PostgreSQL
  14+ built with lz4): storing 100 transcripts of 10,000 words took 0.12 s of the server's time with
  pglz, 0.03 s with lz4. Only new values change; old ones stay readable as they are.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_codings_code_document_start", "codings", ["code_id", "document_id", "start_offset", "id"]
    )
    op.drop_index("ix_codings_code_id", table_name="codings")
    op.add_column("codings", sa.Column("speaker", sa.String(200), nullable=True))
    op.execute(
        "UPDATE codings SET speaker = (SELECT t.speaker FROM turns t WHERE t.revision_id = codings.revision_id"
        " AND t.start_offset <= codings.start_offset ORDER BY t.start_offset DESC LIMIT 1)"
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql" and bind.exec_driver_sql(
        "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
    ).scalar():
        op.execute("ALTER TABLE revisions ALTER COLUMN text SET COMPRESSION lz4")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE revisions ALTER COLUMN text SET COMPRESSION default")
    with op.batch_alter_table("codings") as batch:
        batch.drop_column("speaker")
    op.create_index("ix_codings_code_id", "codings", ["code_id"])
    op.drop_index("ix_codings_code_document_start", table_name="codings")
