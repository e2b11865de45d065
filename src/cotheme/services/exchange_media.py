"""Recordings in REFI-QDA exchange: their bytes written into a QDPX's ``Sources/`` and, on import, read
from the archive into the project store beside the transcript they belong to, with the turns' times
taken from the sync points when the transcript's turns have none.

Owns only that link between the exchange model (``ExMedia``) and the recording service; parsing and
writing the XML belong to ``formats.refi_media``, the rest of the merge to ``exchange_merge``.
"""

from __future__ import annotations

import bisect
import zipfile
from collections.abc import Iterator, Mapping
from io import BytesIO
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Connection

from cotheme.domain.exchange import ExchangeProject, ExMedia
from cotheme.services import recordings
from cotheme.storage import documents as docs_repo
from cotheme.storage import recordings as repo
from cotheme.storage.store import Store


class _Placed(Protocol):
    id: int
    revision_id: int


def media_reader(store: Store, ids: Mapping[str, int]) -> Any:
    """For ``write_qdpx``: the bytes of an exported recording, a chunk at a time."""

    def read(media: ExMedia) -> Iterator[bytes]:
        return recordings.iter_recording(store, ids[media.guid])

    return read


def attach_media(conn: Connection, project: ExchangeProject, docs: Mapping[str, _Placed | None],
                 archive: Path | bytes, notes: list[str]) -> int:
    """Store each recording of ``project`` with the document its transcript became (in the caller's
    transaction); how many were stored. A recording whose transcript was not imported is noted."""
    if not project.media:
        return 0
    stored = 0
    with zipfile.ZipFile(BytesIO(archive) if isinstance(archive, bytes) else archive) as zipped:
        for media in project.media:
            doc = docs.get(media.source)
            if doc is None:
                notes.append(f"The recording '{media.name}' was not imported: its transcript was not imported.")
                continue
            with zipped.open(media.entry) as stream:
                recordings.attach_recording(conn, doc.id, stream, filename=media.name)  # type: ignore[arg-type]
            _times_from_sync(conn, doc.revision_id, media.sync)
            stored += 1
    return stored


def _times_from_sync(conn: Connection, revision_id: int, sync: tuple[tuple[int, int], ...]) -> None:
    """Give the turns of a transcript without times the times of its sync points: a turn starts at the
    last point at or before its start and ends at the first at or after its end."""
    turns = docs_repo.read_turns(conn, revision_id)
    if not sync or any(t.t_start_ms is not None for t in turns):
        return
    positions = [p for p, _ in sync]
    times = []
    for turn in turns:
        before = bisect.bisect_right(positions, turn.start) - 1
        after = bisect.bisect_left(positions, turn.end)
        start = sync[before][1] if before >= 0 else None
        end = sync[after][1] if after < len(sync) else None
        if start is not None and end is not None and end < start:
            end = start
        times.append((turn.index, start, end))
    repo.set_turn_times(conn, revision_id, times)
