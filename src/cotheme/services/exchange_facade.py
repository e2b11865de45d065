"""``ExchangeMixin``: REFI-QDA projects (.qdpx) and codebooks (.qdc) in and out, for ``Project``.

Each method delegates to ``services/exchange.py`` and adds no rules; permissions and the acting member's
view are applied by ``acting.ActingProject``, the view every entry point uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cotheme.lazy import lazy

if TYPE_CHECKING:
    from cotheme.services import exchange
    from cotheme.services.exchange import ExchangeExport, ExchangeImport
    from cotheme.services.project import Project
    from cotheme.storage.store import Store
else:
    exchange = lazy("cotheme.services.exchange")


class ExchangeMixin:
    """REFI-QDA exchange; ``Project`` provides ``_store`` and ``create``."""

    _store: Store

    def import_qdpx(self, path: str | Path, *, same_text: str = "refuse") -> ExchangeImport:
        """Merge a REFI-QDA project (.qdpx) into this project by GUID, all or nothing; conflicts are
        listed and ours kept. A document with a new GUID and the text of one of ours (another program's
        export of this project) makes the import refuse, unless ``same_text`` is ``merge`` (its work
        goes to our document, nothing doubled) or ``copy`` (it is imported as a new document)."""
        return exchange.import_qdpx(self._store, Path(path), same_text=same_text)

    def import_qdpx_files(self, paths: Sequence[str | Path], *, same_text: str = "refuse") -> list[ExchangeImport]:
        """Merge several .qdpx files, all or none (one transaction after every file is checked)."""
        return exchange.import_qdpx_files(self._store, [Path(p) for p in paths], same_text=same_text)

    @classmethod
    def create_from_qdpx(
        cls: type[Project], target: str | Path, path: str | Path, *, title: str | None = None, lead: str | None = None
    ) -> tuple[Project, ExchangeImport]:
        """A new project at ``target`` holding the REFI-QDA project ``path``; the file is checked
        before anything is created, and a failed import removes the new project file again."""
        parsed = exchange.read_exchange_file(Path(path))
        project = cls.create(target, title=title or exchange.project_title(parsed, Path(path)),
                             lead=lead or exchange.lead_name(parsed))
        try:
            return project, exchange.import_qdpx(project._store, Path(path), fresh=True, parsed=parsed)
        except BaseException:
            project.close()
            exchange.discard_new_project(str(target))
            raise

    def export_qdpx(self, path: str | Path, *, deidentified_only: bool = False, nvivo: bool = False) -> ExchangeExport:
        """Write this project as a REFI-QDA project (.qdpx) with the cotheme extension inside;
        ``nvivo`` writes the form NVivo 12 itself writes (UTF-16 positions over CRLF text)."""
        return exchange.export_qdpx(self._store, Path(path), deidentified_only=deidentified_only, nvivo=nvivo)

    def import_codebook_qdc(self, path: str | Path) -> ExchangeImport:
        """Merge the codes of a REFI-QDA codebook (.qdc) into this project."""
        return exchange.import_codebook_qdc(self._store, Path(path))

    def export_codebook_qdc(self, path: str | Path) -> Path:
        """Write the codebook as a REFI-QDA codebook (.qdc)."""
        return exchange.export_codebook_qdc(self._store, Path(path))
