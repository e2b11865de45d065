"""The import operations of ``Project``, as a mixin so ``project.py`` stays one screenful of
delegations: transcripts (from paths or bytes, verbatim or not) and their preview, participants sheets,
codebooks and REFI-QDA projects given as bytes, interview details, and the setting that lets coders
import.

Each method delegates to the service that owns it and adds no rules; permissions are checked by
``acting.ActingProject`` (imports need a lead, or a coder when the lead allows it).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cotheme.lazy import lazy
from cotheme.errors import TooLarge
from cotheme.services.recording_facade import RecordingsMixin
from cotheme.services.transcribe_facade import TranscribeMixin
from cotheme.storage.store import Store

if TYPE_CHECKING:
    from cotheme.domain.documents import SourceInfo
    from cotheme.services import cases
    from cotheme.services.cases import CasesImport, CasesPreview
    from cotheme.services import codebook
    from cotheme.services import import_preview
    from cotheme.services import importing
    from cotheme.services import interview
    from cotheme.services.codebook import CodebookImport
    from cotheme.services.exchange_merge import ExchangeImport
    from cotheme.services.import_preview import CodebookPreview, ProjectPreview
    from cotheme.services.importing import FilePreview, ImportedDocument, Progress, SourceFile
else:
    cases = lazy("cotheme.services.cases")
    codebook = lazy("cotheme.services.codebook")
    import_preview = lazy("cotheme.services.import_preview")
    importing = lazy("cotheme.services.importing")
    interview = lazy("cotheme.services.interview")


class ImportMixin(RecordingsMixin, TranscribeMixin):
    """Import operations, with the recordings linked to documents (``recording_facade``) and recordings
    transcribed into documents (``transcribe_facade``); ``Project`` provides ``_store``."""

    _store: Store

    # -- transcripts ---------------------------------------------------------------------------
    def import_files(
        self,
        paths: Sequence[str | Path],
        *,
        case: str | None = None,
        speakers: dict[str, str] | None = None,
        allow_duplicate: bool = False,
        progress: Progress | None = None,
        verbatim: bool = False,
        recording: str | Path | None = None,
    ) -> list[ImportedDocument]:
        """Import transcript files (all or none); ``verbatim`` keeps a .txt/.md file's text exactly;
        ``recording`` is stored with the one transcript given, in the same transaction."""
        files = importing.found_files([Path(p) for p in paths])
        if recording is not None:
            files = importing.with_recording(files, Path(recording))
        return self.import_sources(
            files, case=case, speakers=speakers, allow_duplicate=allow_duplicate, progress=progress,
            verbatim=verbatim,
        )

    def import_sources(
        self,
        files: Sequence[SourceFile],
        *,
        case: str | None = None,
        speakers: dict[str, str] | None = None,
        allow_duplicate: bool = False,
        progress: Progress | None = None,
        verbatim: bool = False,
    ) -> list[ImportedDocument]:
        """Import transcripts given as bytes with their metadata (all or none)."""
        return importing.import_transcripts(
            self._store, files, case_pid=case, speakers=speakers,
            allow_duplicate=allow_duplicate, progress=progress, verbatim=verbatim,
        )

    def preview_sources(
        self,
        files: Sequence[SourceFile],
        *,
        case: str | None = None,
        speakers: dict[str, str] | None = None,
        allow_duplicate: bool = False,
        verbatim: bool = False,
    ) -> list[FilePreview]:
        """What ``import_sources`` would make of each file, and the sentence refusing it; stores nothing."""
        return importing.preview_transcripts(
            self._store, files, case_pid=case, speakers=speakers, allow_duplicate=allow_duplicate, verbatim=verbatim
        )

    # -- interview details ---------------------------------------------------------------------
    def set_interview(self, document: str | int, **values: str | None) -> SourceInfo:
        """Set interview details: ``date`` (yyyy-mm-dd), ``mode`` (in person, video, telephone, other),
        ``duration`` (minutes), ``interviewer``, ``setting``, ``notes``; ``""`` clears one."""
        return interview.set_details(self._store, document, values)

    def coders_may_import(self) -> bool:
        """Whether coders may import and change interview details (off: leads only)."""
        return interview.coders_may_import(self._store)

    def set_coders_may_import(self, on: bool) -> None:
        interview.set_coders_may_import(self._store, on)

    # -- participants --------------------------------------------------------------------------
    def import_cases(self, path: str | Path, id_column: str | None = None) -> CasesImport:
        file = importing.read_files([Path(path)])[0]
        return cases.import_cases(self._store, file.name, file.data, id_column)

    def import_case_data(self, name: str, data: bytes, id_column: str | None = None) -> CasesImport:
        """Import a participants sheet given as bytes (.csv, .xlsx)."""
        import_preview.check_size(name, data)
        return cases.import_cases(self._store, name, data, id_column)

    def preview_cases(self, name: str, data: bytes, id_column: str | None = None) -> CasesPreview:
        """Each row of a participants sheet: new or known case, transcripts matched, empty attributes."""
        try:
            import_preview.check_size(name, data)
        except TooLarge as exc:  # the sentence, next to the file
            return cases.CasesPreview(name, error=str(exc))
        return cases.preview_cases(self._store, name, data, id_column)

    # -- codebooks and REFI-QDA projects -------------------------------------------------------
    def import_codebook(self, path: str | Path) -> CodebookImport:
        file = importing.read_files([Path(path)])[0]
        return codebook.import_codebook(self._store, file.name, file.data)

    def import_codebook_data(self, name: str, data: bytes) -> CodebookImport | ExchangeImport:
        """Import a codebook given as bytes: .csv, .xlsx, .md, or REFI-QDA .qdc."""
        return import_preview.import_codebook_data(self._store, name, data)

    def preview_codebook(self, name: str, data: bytes) -> CodebookPreview:
        return import_preview.preview_codebook(self._store, name, data)

    def import_qdpx_data(self, files: Sequence[tuple[str, bytes]], *, same_text: str = "refuse") -> list[ExchangeImport]:
        """Merge REFI-QDA projects given as (name, bytes), all or none; ``same_text``: refuse, merge or copy."""
        return import_preview.import_qdpx_data(self._store, files, same_text=same_text)

    @staticmethod
    def preview_qdpx(name: str, data: bytes) -> ProjectPreview:
        return import_preview.preview_qdpx(name, data)
