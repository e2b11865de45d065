"""The theme-review and exemplar operations of ``Project`` added with bulk exemplars, as a mixin so
``project.py`` stays one screenful of delegations: marking exemplars from a sheet or a multi-select.

Each method delegates to the service that owns it and adds no rules; permissions are checked by
``acting.ActingProject`` (marking exemplars is a lead's choice, as ``add_exemplar`` is).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cotheme.lazy import lazy
from cotheme.storage.store import Store

if TYPE_CHECKING:
    from cotheme.domain.exemplar_rows import ExemplarImport
    from cotheme.services import exemplar_sheet
    from cotheme.services import importing
else:
    exemplar_sheet = lazy("cotheme.services.exemplar_sheet")
    importing = lazy("cotheme.services.importing")


class ThemesMixin:
    """Bulk exemplars; ``Project`` provides ``_store``."""

    _store: Store

    def import_exemplars(
        self, path: str | Path, *, theme: str | None = None, member: str | None = None, remove: bool = False,
    ) -> ExemplarImport:
        """Mark (or unmark) the extracts a .csv/.xlsx names as exemplars: all rows or none."""
        source = importing.read_files([Path(path)])[0]  # a missing or unreadable file: one sentence
        return exemplar_sheet.import_exemplars(self._store, source.name, source.data,
                                               theme=theme, member=member, remove=remove)

    def import_exemplar_data(
        self, filename: str, data: bytes, *, theme: str | None = None, member: str | None = None,
        remove: bool = False,
    ) -> ExemplarImport:
        """``import_exemplars`` for bytes already read (an upload)."""
        return exemplar_sheet.import_exemplars(self._store, filename, data, theme=theme, member=member, remove=remove)

    def set_exemplars(
        self, theme: str | int, coding_ids: Sequence[int], *, member: str | None = None, remove: bool = False,
    ) -> ExemplarImport:
        """Mark (or unmark) several codings as exemplars of one theme at once."""
        return exemplar_sheet.set_exemplars(self._store, theme, coding_ids, member=member, remove=remove)
