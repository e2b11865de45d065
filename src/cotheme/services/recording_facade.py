"""The recording operations of ``Project``, as a mixin: attach a recording to a document (from a path
or a stream), find it, read it by byte range or a chunk at a time, and remove it; and the time span a
coding covers in the recording.

Each method resolves the document as every other operation does (id or title) and delegates to
``services/recordings.py``; permissions are checked by ``acting.ActingProject`` (reading goes with
reading the document; attaching and removing with importing).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from cotheme.lazy import lazy
from cotheme.errors import NotFound
from cotheme.storage.store import Store

if TYPE_CHECKING:
    from cotheme.services import coding
    from cotheme.domain.recordings import RecordingInfo, TimeSpan
    from cotheme.services import recordings
else:
    coding = lazy("cotheme.services.coding")
    recordings = lazy("cotheme.services.recordings")


class RecordingsMixin:
    """Recordings; ``Project`` provides ``_store``."""

    _store: Store

    def _recorded_document(self, document: str | int) -> int:
        with self._store.read() as conn:
            return coding.resolve_document(conn, str(document))

    def attach_recording(self, document: str | int, path: str | Path) -> RecordingInfo:
        """Store the recording at ``path`` inside the project, linked to ``document`` (replacing any)."""
        return recordings.attach_recording_file(self._store, self._recorded_document(document), Path(path))

    def attach_recording_data(
        self, document: str | int, source: BinaryIO, *, filename: str, mime: str | None = None
    ) -> RecordingInfo:
        """``attach_recording`` of bytes read from ``source`` (an upload, perhaps slow), named ``filename``:
        stored a chunk per short transaction, then linked to the document in one."""
        doc_id = self._recorded_document(document)
        staged = recordings.stage_recording(self._store, source, filename=filename, mime=mime)
        try:
            return recordings.link_staged(self._store, doc_id, staged)
        except BaseException:
            recordings.discard_staged(self._store, staged)
            raise

    def stage_recording_data(self, source: BinaryIO, *, filename: str) -> int:
        """Store an upload as a recording of no document yet (see ``SourceFile.recording``); its id."""
        return recordings.stage_recording(self._store, source, filename=filename)

    def discard_staged_recording(self, recording_id: int) -> None:
        """Remove a staged upload that no import took."""
        recordings.discard_staged(self._store, recording_id)

    def recording(self, document: str | int) -> RecordingInfo | None:
        """The recording linked to ``document``, or ``None``."""
        return recordings.recording_for(self._store, self._recorded_document(document))

    def read_recording(self, document: str | int, start: int, end: int) -> bytes:
        """Bytes ``[start, end)`` of ``document``'s recording."""
        info = self._require_recording(document)
        return recordings.read_recording_range(self._store, info.id, start, end)

    def recording_bytes(self, document: str | int) -> Iterator[bytes]:
        """``document``'s whole recording, a chunk at a time (never whole in memory)."""
        info = self._require_recording(document)
        return recordings.iter_recording(self._store, info.id)

    def detach_recording(self, document: str | int) -> bool:
        """Remove ``document``'s recording from the project; whether it had one."""
        return recordings.detach_recording(self._store, self._recorded_document(document))

    def coding_time_span(self, coding_id: int) -> TimeSpan | None:
        """Where in its document's recording a coding was said, from the turns it covers."""
        with self._store.read() as conn:
            return recordings.coding_span(conn, coding_id)

    def _require_recording(self, document: str | int) -> RecordingInfo:
        info = self.recording(document)
        if info is None:
            raise NotFound(
                f"The document '{document}' has no recording; attach one with 'cotheme docs recording attach'."
            )
        return info
