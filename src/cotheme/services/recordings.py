"""Recordings linked to documents: attaching (checked, probed, stored in chunks), finding, reading by
byte range, and removing.

Owns the rules: one recording per document (attaching again replaces it, in the same transaction),
only bytes that are a playable recording (``formats.media``), at most ``COTHEME_MAX_RECORDING_MB``, and
the length and media type found by probing the stored bytes themselves. Every function takes a
``Store`` (and runs its own transaction) or an open ``Connection`` (and joins the caller's, so that an
import of a transcript with its recording is all or nothing). The bytes go from the source straight
into the project store a chunk at a time and are probed there: no temporary file ever holds them, so
an encrypted project leaves no plain copy of its media behind.
"""

from __future__ import annotations

import hashlib
import io
import os
from datetime import timedelta
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Connection

from cotheme.domain.recordings import MEDIA_TYPES, RecordingInfo, TimeSpan, span_of
from cotheme.errors import InputError, InvalidArgument, NotFound, TooLarge
from cotheme.formats.decode import describe_size
from cotheme.formats.media import probe
from cotheme.storage import codings as codings_repo
from cotheme.storage import documents as docs_repo
from cotheme.storage import recordings as repo
from cotheme.storage.store import Store, now

Target = Store | Connection
#: Default cap on one recording: an hour-long video call at a good quality is 0.5-1.5 GB.
DEFAULT_MAX_RECORDING_MB = 4096
MAX_RECORDING_ENV = "COTHEME_MAX_RECORDING_MB"


def max_recording_bytes() -> int:
    """The largest recording cotheme stores (``COTHEME_MAX_RECORDING_MB``, default 4096 MB)."""
    raw = os.environ.get(MAX_RECORDING_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_RECORDING_MB * 1024 * 1024
    try:
        value = float(raw)
    except ValueError:
        raise InvalidArgument(f"{MAX_RECORDING_ENV}='{raw}' is not a number of megabytes.") from None
    if value <= 0:
        raise InvalidArgument(f"{MAX_RECORDING_ENV}='{raw}' must be more than 0 megabytes.")
    return int(value * 1024 * 1024)


@contextmanager
def _writing(target: Target) -> Iterator[Connection]:
    if isinstance(target, Connection):
        yield target
    else:
        with target.write() as conn:
            yield conn


@contextmanager
def _reading(target: Target) -> Iterator[Connection]:
    if isinstance(target, Connection):
        yield target
    else:
        with target.read() as conn:
            yield conn


def media_type_for(filename: str) -> str | None:
    """The media type a file name's extension names, or ``None``."""
    return MEDIA_TYPES.get(Path(filename).suffix.lower())


def attach_recording(
    target: Target,
    document_id: int,
    source: BinaryIO,
    *,
    filename: str,
    mime: str | None = None,
    duration_ms: int | None = None,
) -> RecordingInfo:
    """Store ``source`` (read to its end, a chunk at a time) as the recording of ``document_id``,
    replacing any it had. ``mime`` and ``duration_ms`` are taken from probing the bytes when they do
    not say; bytes that are not a recording are refused with one sentence and nothing is stored."""
    name = Path(filename).name or "recording"
    limit = max_recording_bytes()
    with _writing(target) as conn:
        if not repo.document_exists(conn, document_id):
            raise NotFound(f"There is no document {document_id}; see 'cotheme docs list' for ids and titles.")
        repo.delete_for_document(conn, document_id)
        rec_id = repo.insert_recording(conn, document_id, filename=name, mime=mime or "", created_at=now())
        try:
            size, sha = repo.write_chunks(conn, rec_id, source, limit=limit)
        except OverflowError:
            raise TooLarge(
                f"{name} is larger than the {describe_size(limit)} a recording may be ({MAX_RECORDING_ENV}); "
                "nothing was stored."
            ) from None
        return _finish(conn, rec_id, name, size, sha, mime, duration_ms)


def _finish(conn: Connection, rec_id: int, name: str, size: int, sha: str, mime: str | None,
            duration_ms: int | None) -> RecordingInfo:
    """Probe the stored bytes and record what they are; refuse (one sentence) what is not a recording."""
    if size == 0:
        raise InputError(f"{name} is empty; give the recording's file. Nothing was stored.")
    facts = probe(StoredReader(conn, rec_id, size), name)
    repo.finish(
        conn, rec_id, size_bytes=size, sha256=sha, mime=mime or facts.mime,
        duration_ms=duration_ms if duration_ms is not None else facts.duration_ms,
    )
    info = repo.by_id(conn, rec_id)
    assert info is not None
    return info


def stage_recording(store: Store, source: BinaryIO, *, filename: str, mime: str | None = None) -> int:
    """Store ``source`` as a recording of no document yet, a chunk per short write transaction, so that
    an upload arriving over the network for minutes never keeps other writers of the project waiting;
    its id, for ``link_staged``. Refused bytes, or a failure half way, leave nothing behind."""
    name = Path(filename).name or "recording"
    limit = max_recording_bytes()
    with store.write() as conn:
        for stale in repo.stale_staged(conn, now() - _STALE_AFTER):
            repo.delete_recording(conn, stale)
        rec_id = repo.insert_recording(conn, None, filename=name, mime=mime or "", created_at=now())
    try:
        digest, size, seq = hashlib.sha256(), 0, 0
        while data := repo.read_full(source, repo.CHUNK_SIZE):
            size += len(data)
            if size > limit:
                raise TooLarge(
                    f"{name} is larger than the {describe_size(limit)} a recording may be ({MAX_RECORDING_ENV}); "
                    "nothing was stored."
                )
            digest.update(data)
            with store.write() as conn:
                repo.write_chunk(conn, rec_id, seq, data)
            seq += 1
        with store.write() as conn:
            _finish(conn, rec_id, name, size, digest.hexdigest(), mime, None)
    except BaseException:
        discard_staged(store, rec_id)
        raise
    return rec_id


def link_staged(target: Target, document_id: int, recording_id: int) -> RecordingInfo:
    """Make the staged recording the document's, replacing any it had (one short transaction)."""
    with _writing(target) as conn:
        if not repo.document_exists(conn, document_id):
            raise NotFound(f"There is no document {document_id}; see 'cotheme docs list' for ids and titles.")
        repo.link(conn, recording_id, document_id)
        info = repo.by_id(conn, recording_id)
        assert info is not None
        return info


def discard_staged(store: Store, recording_id: int) -> None:
    with store.write() as conn:
        repo.delete_recording(conn, recording_id)


#: A staged upload not linked after this long was abandoned (a server stopped half way through it).
_STALE_AFTER = timedelta(days=1)


def attach_recording_file(target: Target, document_id: int, path: Path) -> RecordingInfo:
    """``attach_recording`` of the file at ``path`` (its name kept)."""
    if not path.is_file():
        raise NotFound(f"There is no file {path}; check the recording's path.")
    with path.open("rb") as source:
        return attach_recording(target, document_id, source, filename=path.name)


def recording_for(target: Target, document_id: int) -> RecordingInfo | None:
    """The recording linked to ``document_id``, or ``None``."""
    with _reading(target) as conn:
        return repo.for_document(conn, document_id)


def recording_by_id(target: Target, recording_id: int) -> RecordingInfo:
    with _reading(target) as conn:
        info = repo.by_id(conn, recording_id)
    if info is None:
        raise NotFound(f"There is no recording {recording_id}.")
    return info


def read_recording_range(target: Target, recording_id: int, start: int, end: int) -> bytes:
    """Bytes ``[start, end)`` of the recording (``end`` exclusive, as in a slice; shorter at its end)."""
    if start < 0 or end < start:
        raise InvalidArgument(f"The byte range {start}-{end} is not a range; give 0 <= start <= end.")
    with _reading(target) as conn:
        return repo.read_range(conn, recording_id, start, end)


def iter_recording(store: Store, recording_id: int) -> Iterator[bytes]:
    """The recording's bytes a chunk at a time, each chunk read in a short read transaction of its own."""
    with store.read() as conn:
        size = repo.chunk_size_of(conn, recording_id)
    position = 0
    while True:
        with store.read() as conn:
            data = repo.read_range(conn, recording_id, position, position + size)
        if not data:
            return
        yield data
        position += len(data)


def detach_recording(target: Target, document_id: int) -> bool:
    """Remove the document's recording; whether it had one."""
    with _writing(target) as conn:
        return repo.delete_for_document(conn, document_id)


class StoredReader(io.RawIOBase):
    """A read-only, seekable file over a stored recording, read by range inside ``conn``'s transaction
    (how PyAV probes what was stored without a temporary copy)."""

    def __init__(self, conn: Connection, recording_id: int, size: int) -> None:
        super().__init__()
        self._conn, self._id, self._size, self._pos = conn, recording_id, size, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def read(self, n: int = -1) -> bytes:
        end = self._size if n is None or n < 0 else min(self._size, self._pos + n)
        data = repo.read_range(self._conn, self._id, self._pos, end) if end > self._pos else b""
        self._pos += len(data)
        return data

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)



def coding_span(conn: Connection, coding_id: int) -> TimeSpan | None:
    """Where in the recording the coding's text was said: from the turns of its revision it covers
    (``None`` when they carry no times). A coding the reader may not see is not found."""
    row = codings_repo.get_row(conn, coding_id)
    if row is None:
        raise NotFound(f"There is no coding {coding_id}.")
    return span_of(docs_repo.read_turns(conn, row.revision_id), row.start_offset, row.end_offset)  # type: ignore[attr-defined]
