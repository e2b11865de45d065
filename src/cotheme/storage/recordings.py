"""Recordings in the project store: one row per recording, its bytes in numbered chunks.

Owns how media bytes are laid out (``CHUNK_SIZE`` bytes per ``recording_chunks`` row) and read back by
byte range touching only the chunks the range needs. The chunks are ordinary rows of the project
database, so an encrypted project file (SQLCipher) holds them encrypted, and nothing here writes them
anywhere else. Must not know what the media is: probing and checking it belongs to the services.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import datetime
from typing import Any, BinaryIO

from sqlalchemy import Connection, delete, func, insert, select, update

from cotheme.domain.recordings import RecordingInfo
from cotheme.storage.schema import documents, recording_chunks, recordings, turns
from cotheme.storage.store import as_utc

#: Bytes per chunk row: 1 MiB keeps a row well inside what SQLite and PostgreSQL store comfortably
#: (PostgreSQL's bytea tops out at 1 GB, SQLite's default blob at 1 GB), a range read of a few
#: kilobytes reads one row, and copying a 1 GB recording holds one chunk in memory at a time.
CHUNK_SIZE = 1 << 20


def insert_recording(
    conn: Connection, document_id: int | None, *, filename: str, mime: str, created_at: datetime, chunk_size: int = CHUNK_SIZE
) -> int:
    """A new, empty recording row for ``document_id`` (``None``: an upload still arriving; fill it with
    ``write_chunks`` or ``write_chunk``); its id."""
    result = conn.execute(
        insert(recordings).values(
            document_id=document_id, filename=filename, mime=mime, size_bytes=0, duration_ms=None,
            sha256="", chunk_size=chunk_size, created_at=created_at,
        )
    )
    return int(result.inserted_primary_key[0])


def write_chunks(conn: Connection, recording_id: int, source: BinaryIO, chunk_size: int = CHUNK_SIZE,
                 limit: int | None = None) -> tuple[int, str]:
    """Copy ``source`` into the recording's chunks, one chunk in memory at a time; (size, SHA-256).
    Stops with ``OverflowError`` as soon as more than ``limit`` bytes came."""
    digest = hashlib.sha256()
    size = 0
    seq = 0
    while True:
        data = _read_full(source, chunk_size)
        if not data:
            break
        size += len(data)
        if limit is not None and size > limit:
            raise OverflowError(size)
        digest.update(data)
        conn.execute(insert(recording_chunks).values(recording_id=recording_id, seq=seq, data=data))
        seq += 1
    return size, digest.hexdigest()


def write_chunk(conn: Connection, recording_id: int, seq: int, data: bytes) -> None:
    conn.execute(insert(recording_chunks).values(recording_id=recording_id, seq=seq, data=data))


def link(conn: Connection, recording_id: int, document_id: int) -> None:
    """Make the staged recording ``recording_id`` the document's (its old one removed first)."""
    delete_for_document(conn, document_id)
    conn.execute(update(recordings).where(recordings.c.id == recording_id).values(document_id=document_id))


def delete_recording(conn: Connection, recording_id: int) -> None:
    conn.execute(delete(recording_chunks).where(recording_chunks.c.recording_id == recording_id))
    conn.execute(delete(recordings).where(recordings.c.id == recording_id))


def stale_staged(conn: Connection, before: datetime) -> list[int]:
    """Uploads that began before ``before`` and were never linked (a server stopped half way)."""
    return list(conn.scalars(
        select(recordings.c.id).where(recordings.c.document_id.is_(None), recordings.c.created_at < before)
    ))


def read_full(source: BinaryIO, n: int) -> bytes:
    return _read_full(source, n)


def _read_full(source: BinaryIO, n: int) -> bytes:
    """Up to ``n`` bytes, reading again while a stream hands back less before its end."""
    parts: list[bytes] = []
    wanted = n
    while wanted > 0:
        piece = source.read(wanted)
        if not piece:
            break
        parts.append(piece)
        wanted -= len(piece)
    return b"".join(parts)


def finish(conn: Connection, recording_id: int, **values: Any) -> None:
    """Set the recording's size, hash, media type or duration once its bytes are in."""
    conn.execute(update(recordings).where(recordings.c.id == recording_id).values(**values))


def _info(row: Any) -> RecordingInfo:
    return RecordingInfo(
        id=row.id, document_id=row.document_id, filename=row.filename, mime=row.mime, size_bytes=row.size_bytes,
        duration_ms=row.duration_ms, sha256=row.sha256, created_at=as_utc(row.created_at),
    )


def for_document(conn: Connection, document_id: int) -> RecordingInfo | None:
    row = conn.execute(select(recordings).where(recordings.c.document_id == document_id)).first()
    return _info(row) if row is not None else None


def by_id(conn: Connection, recording_id: int) -> RecordingInfo | None:
    row = conn.execute(select(recordings).where(recordings.c.id == recording_id)).first()
    return _info(row) if row is not None else None


def all_recordings(conn: Connection) -> list[RecordingInfo]:
    """Every recording linked to a document (not uploads still arriving)."""
    query = select(recordings).where(recordings.c.document_id.is_not(None)).order_by(recordings.c.id)
    return [_info(row) for row in conn.execute(query)]


def document_ids_with_recordings(conn: Connection) -> set[int]:
    return set(conn.scalars(select(recordings.c.document_id)))


def chunk_size_of(conn: Connection, recording_id: int) -> int:
    return int(conn.scalar(select(recordings.c.chunk_size).where(recordings.c.id == recording_id)) or CHUNK_SIZE)


def read_range(conn: Connection, recording_id: int, start: int, end: int) -> bytes:
    """Bytes ``[start, end)`` of the recording (shorter when it ends first), reading only their chunks,
    and of each only the bytes wanted (``substr`` runs in the database: a 64 KiB read of a 1 MiB chunk
    moves 64 KiB)."""
    if end <= start:
        return b""
    size = chunk_size_of(conn, recording_id)
    parts = []
    for seq in range(start // size, (end - 1) // size + 1):
        first = max(start, seq * size) - seq * size
        last = min(end, (seq + 1) * size) - seq * size
        data = conn.scalar(
            select(func.substr(recording_chunks.c.data, first + 1, last - first)).where(
                recording_chunks.c.recording_id == recording_id, recording_chunks.c.seq == seq
            )
        )
        if data is None:
            break
        parts.append(bytes(data))
        if len(data) < last - first:
            break
    return b"".join(parts)


def iter_chunks(conn: Connection, recording_id: int) -> Iterator[bytes]:
    """The recording's bytes, a chunk at a time, each read with its own query (one row in memory)."""
    count = conn.scalar(
        select(func.count()).select_from(recording_chunks).where(recording_chunks.c.recording_id == recording_id)
    ) or 0
    for seq in range(int(count)):
        data = conn.scalar(
            select(recording_chunks.c.data).where(
                recording_chunks.c.recording_id == recording_id, recording_chunks.c.seq == seq
            )
        )
        yield bytes(data)


def delete_for_document(conn: Connection, document_id: int) -> bool:
    """Remove the document's recording and its bytes; whether there was one."""
    rec_id = conn.scalar(select(recordings.c.id).where(recordings.c.document_id == document_id))
    if rec_id is None:
        return False
    conn.execute(delete(recording_chunks).where(recording_chunks.c.recording_id == rec_id))
    conn.execute(delete(recordings).where(recordings.c.id == rec_id))
    return True


def document_exists(conn: Connection, document_id: int) -> bool:
    return conn.scalar(select(documents.c.id).where(documents.c.id == document_id)) is not None


def set_turn_times(conn: Connection, revision_id: int, times: list[tuple[int, int | None, int | None]]) -> None:
    """Set (turn index, start ms, end ms) on the turns of ``revision_id``."""
    for index, start, end in times:
        conn.execute(
            update(turns).where(turns.c.revision_id == revision_id, turns.c.idx == index)
            .values(t_start_ms=start, t_end_ms=end)
        )


def problems(conn: Connection) -> list[str]:
    """For ``cotheme check``: each recording whose stored bytes are not whole (a chunk missing or of the
    wrong length) or no longer have the SHA-256 recorded when it was stored."""
    found = []
    for info in all_recordings(conn):
        size = chunk_size_of(conn, info.id)
        digest = hashlib.sha256()
        total, expected_seq, broken = 0, 0, ""
        rows = conn.execute(
            select(recording_chunks.c.seq, func.length(recording_chunks.c.data))
            .where(recording_chunks.c.recording_id == info.id).order_by(recording_chunks.c.seq)
        ).all()
        for seq, length in rows:
            if seq != expected_seq or (length != size and seq != len(rows) - 1):
                broken = f"its part {expected_seq + 1} is missing or cut short"
                break
            total += length
            expected_seq += 1
        if not broken and total != info.size_bytes:
            broken = f"it holds {total} bytes of the {info.size_bytes} stored"
        if not broken:
            for seq in range(len(rows)):
                digest.update(read_range(conn, info.id, seq * size, (seq + 1) * size))
            if digest.hexdigest() != info.sha256:
                broken = "its bytes no longer have the SHA-256 recorded when it was stored"
        if broken:
            found.append(f"The recording {info.filename} of document {info.document_id} is damaged: {broken}; "
                         "attach it again ('cotheme docs recording').")
    return found
