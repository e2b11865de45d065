"""The transcription operations of ``Project``, as a mixin: recordings (from paths or bytes) transcribed
into speaker-labelled, timed documents linked to their recordings, and giving one turn to another
speaker (splitting a speaker the transcription ran together; renaming and merging speakers is
``Project.rename_speaker``).

Each method delegates to ``services.transcription`` and adds no rules; permissions are checked by
``acting.ActingProject`` as for any import.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cotheme.lazy import lazy
from cotheme.domain.names import single_line
from cotheme.errors import InvalidArgument, NotFound
from cotheme.storage import turn_speakers
from cotheme.storage.store import Store

if TYPE_CHECKING:
    from cotheme.services import importing
    from cotheme.services.importing import ImportedDocument, SourceFile
    from cotheme.services import coding
    from cotheme.services import transcription
    from cotheme.services.transcription import Ticker
else:
    coding = lazy("cotheme.services.coding")
    importing = lazy("cotheme.services.importing")
    transcription = lazy("cotheme.services.transcription")


class TranscribeMixin:
    """Transcription; ``Project`` provides ``_store``."""

    _store: Store

    def transcribe_files(
        self,
        paths: Sequence[str | Path],
        *,
        speakers: int = 2,
        model: str = "tiny.en",
        language: str = "en",
        case: str | None = None,
        allow_duplicate: bool = False,
        progress: Ticker | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> list[ImportedDocument]:
        """Transcribe recordings (.wav .mp3 .m4a .ogg .flac .mp4 .webm) into documents, all or none."""
        transcription.check_options(model, language, speakers)  # before any file is looked at
        files = []
        for raw in paths:
            path = Path(raw)
            if not path.is_file():
                raise NotFound(f"{path}: no such file; check the path.")
            files.append(importing.SourceFile(name=path.name, data=b"", path=path))
        return self.transcribe_sources(files, speakers=speakers, model=model, language=language, case=case,
                                       allow_duplicate=allow_duplicate, progress=progress, cancelled=cancelled)

    def transcribe_sources(
        self,
        files: Sequence[SourceFile],
        *,
        speakers: int = 2,
        model: str = "tiny.en",
        language: str = "en",
        case: str | None = None,
        allow_duplicate: bool = False,
        progress: Ticker | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> list[ImportedDocument]:
        """Transcribe recordings given as bytes (or paths) into documents, all or none."""
        return transcription.transcribe_recordings(
            self._store, files, speakers=speakers, model=model, language=language, case_pid=case,
            allow_duplicate=allow_duplicate, progress=progress, cancelled=cancelled,
        )

    def set_turn_speaker(self, document: str | int, turn: int, speaker: str) -> None:
        """Give turn ``turn`` (numbered from 0) of a document to ``speaker``, new or already there."""
        label = single_line(speaker)
        if not label:
            raise InvalidArgument("Name the speaker the turn goes to.")
        with self._store.write() as conn:
            doc_id = coding.resolve_document(conn, str(document))
            if not turn_speakers.set_turn_speaker(conn, doc_id, turn, label):
                raise NotFound(f"That document has no turn {turn + 1}.")
