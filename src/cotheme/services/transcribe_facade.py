"""The transcription operations of ``Project``, as a mixin: recordings (from paths or bytes) transcribed
into speaker-labelled, timed documents linked to their recordings, and which models are installed.

Each method delegates to ``services.transcription`` and adds no rules; permissions are checked by
``acting.ActingProject`` as for any import.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from cotheme.errors import NotFound
from cotheme.services import transcription
from cotheme.services.importing import ImportedDocument, SourceFile
from cotheme.services.transcription import Ticker
from cotheme.storage.store import Store


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
            files.append(SourceFile(name=path.name, data=b"", path=path))
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
