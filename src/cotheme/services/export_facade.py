"""The extracts-export operations of ``Project``, as a mixin so ``project.py`` stays one
screenful of delegations: the extracts table a filter chooses, and that table written to a file.

Each method delegates to ``services/extract_table.py`` and adds no rules; permissions and the acting
member's view are applied by ``acting.ActingProject``, the view every entry point uses.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cotheme.lazy import lazy
from cotheme.errors import NotFound
from cotheme.storage import bulk
from cotheme.storage.store import Store

if TYPE_CHECKING:
    from cotheme.formats import extract_file
    from cotheme.domain.extract_table import ExtractTable
    from cotheme.services import extract_table
else:
    extract_file = lazy("cotheme.formats.extract_file")
    extract_table = lazy("cotheme.services.extract_table")


class ExportMixin:
    """Export operations; ``Project`` provides ``_store``."""

    _store: Store

    def extract_table(
        self, *, codes: Sequence[int | str] = (), mode: str = "or", subcodes: bool = True,
        documents: Sequence[int | str] = (), coders: Sequence[str] = (),
        attributes: dict[str, Sequence[str]] | None = None, show: Sequence[str] | None = None,
    ) -> ExtractTable:
        """The extracts of ``codes`` (ids, names or paths; none: every code), with their sub-codes unless
        ``subcodes`` is false, of any code (``or``) or all overlapping (``and``), in ``documents``, by
        ``coders``, of participants whose ``attributes`` have one of the values given; one row per
        passage, with turn, times, memos and the attributes ``show`` names (default: all)."""
        wanted = extract_table.filter_of(codes=codes, mode=mode, subcodes=subcodes, documents=documents,
                                         coders=coders, attributes=attributes, show=show)
        with bulk.collector_paused():  # thousands of rows and no cycles: see ``collector_paused``
            return extract_table.extract_table(self._store, wanted)

    def extracts_file(
        self, fmt: str, *, codes: Sequence[int | str] = (), mode: str = "or", subcodes: bool = True,
        documents: Sequence[int | str] = (), coders: Sequence[str] = (),
        attributes: dict[str, Sequence[str]] | None = None, show: Sequence[str] | None = None,
    ) -> tuple[ExtractTable, bytes]:
        """``extract_table(...)`` and its bytes as ``csv`` or ``xlsx``."""
        table = self.extract_table(codes=codes, mode=mode, subcodes=subcodes, documents=documents,
                                   coders=coders, attributes=attributes, show=show)
        with bulk.collector_paused():
            return table, extract_file.write_extracts(table, fmt)

    def export_extracts(
        self, path: str | Path, *, codes: Sequence[int | str] = (), mode: str = "or", subcodes: bool = True,
        documents: Sequence[int | str] = (), coders: Sequence[str] = (),
        attributes: dict[str, Sequence[str]] | None = None, show: Sequence[str] | None = None,
    ) -> ExtractTable:
        """Write ``extract_table(...)`` to ``path`` (.csv or .xlsx, from its name); return the table."""
        target = Path(path)
        folder = target.parent if str(target.parent) else Path(".")
        if not folder.is_dir():
            raise NotFound(f"The folder {folder} does not exist; create it first.")
        table, data = self.extracts_file(target.suffix, codes=codes, mode=mode, subcodes=subcodes,
                                         documents=documents, coders=coders, attributes=attributes, show=show)
        # Written beside the target and renamed into place: a failed write never leaves half a file.
        partial = target.with_name(f".{target.name}.part")
        try:
            partial.write_bytes(data)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        return table
