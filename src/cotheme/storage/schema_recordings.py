"""The tables of recordings: a document's recording (``recordings``) and its bytes in numbered chunks
(``recording_chunks``), as ``storage/recordings.py`` reads and writes them.

Defined on ``schema.metadata`` (imported at the end of ``schema.py``, which names them), so migrations,
backups and copies see them like every other table. Must hold table definitions only.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, ForeignKey, Integer, LargeBinary, String, Table

from cotheme.storage.schema import metadata

#: The recording of a document's interview (at most one): what it is; its bytes are in ``recording_chunks``.
recordings = Table(
    "recordings",
    metadata,
    Column("id", Integer, primary_key=True),
    # NULL while an upload is still arriving (``services/recordings.stage_recording``).
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=True, unique=True),
    Column("filename", String(500), nullable=False),
    Column("mime", String(100), nullable=False),
    Column("size_bytes", BigInteger, nullable=False),
    Column("duration_ms", Integer, nullable=True),
    Column("sha256", String(64), nullable=False),
    Column("chunk_size", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

#: A recording's bytes, ``chunk_size`` at a time, in order (``seq`` from 0); only the last is shorter.
recording_chunks = Table(
    "recording_chunks",
    metadata,
    Column("recording_id", ForeignKey("recordings.id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("data", LargeBinary, nullable=False),
)
