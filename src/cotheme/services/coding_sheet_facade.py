"""The bulk-coding operations of ``Project``, as a mixin so ``project.py`` stays a screenful of
delegations: many codings at once from a .csv/.xlsx sheet, from bytes (an upload), or from rows a
script made, each all rows or none.

Each method delegates to ``services/coding_sheet.py`` and adds no rules; permissions (a coder codes
only as themselves; only a lead adds codes) are checked by ``acting.ActingProject``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cotheme.domain.coding_rows import CodingRow
from cotheme.errors import InvalidArgument
from cotheme.storage.store import Store

if TYPE_CHECKING:
    from cotheme.domain.coding_rows import CodingsImport, CodingsPreview

_FIELDS = ("document", "code", "start", "end", "quote", "coder", "memo")


def _row(number: int, given: Mapping[str, Any]) -> CodingRow:
    unknown = sorted(set(given) - set(_FIELDS))
    if unknown:
        raise InvalidArgument(f"codings, row {number}: {', '.join(unknown)} is not one of {', '.join(_FIELDS)}.")
    values = {key: (None if given.get(key) in (None, "") else given[key]) for key in _FIELDS}
    for key in ("start", "end"):
        if values[key] is not None and not isinstance(values[key], int):
            raise InvalidArgument(f"codings, row {number}: {key} must be a whole number of characters.")
    if not values["document"] or not values["code"]:
        raise InvalidArgument(f"codings, row {number}: give its document and code.")
    if (values["start"] is None or values["end"] is None) == (values["quote"] is None):
        raise InvalidArgument(f"codings, row {number}: give either start and end, or quote.")
    return CodingRow(number, str(values["document"]), str(values["code"]), values["start"], values["end"],
                     values["quote"], values["coder"], values["memo"])


class CodingSheetMixin:
    """Codings in bulk; ``Project`` provides ``_store``."""

    _store: Store

    def import_codings(self, path: str | Path, *, coder: str | None = None, create: bool = False,
                       only_as: str | None = None) -> CodingsImport:
        """Add the codings a .csv/.xlsx sheet lists (document, code, quote or start/end, coder, memo),
        all rows or none; ``coder`` codes the rows that name nobody."""
        from cotheme.services import coding_sheet, importing

        source = importing.read_files([Path(path)])[0]  # a missing or unreadable file: one sentence
        return coding_sheet.import_codings(self._store, source.name, source.data, coder=coder, create=create,
                                           only_as=only_as)

    def import_coding_data(self, filename: str, data: bytes, *, coder: str | None = None, create: bool = False,
                           only_as: str | None = None) -> CodingsImport:
        """``import_codings`` for bytes already read (an upload)."""
        from cotheme.services import coding_sheet

        return coding_sheet.import_codings(self._store, filename, data, coder=coder, create=create, only_as=only_as)

    def code_many(self, rows: Iterable[Mapping[str, Any]], *, coder: str | None = None, create: bool = False,
                  only_as: str | None = None) -> CodingsImport:
        """Add many codings in one transaction, each a mapping with ``document``, ``code``, ``start`` and
        ``end`` or ``quote``, and optionally ``coder`` and ``memo``: all of them or none."""
        from cotheme.services import coding_sheet

        parsed = [_row(number, given) for number, given in enumerate(rows, start=1)]
        if not parsed:
            raise InvalidArgument("Give at least one coding to add.")
        return coding_sheet.add_codings(self._store, "codings", parsed, coder=coder, create=create, only_as=only_as)

    def preview_codings(self, filename: str, data: bytes, *, coder: str | None = None, create: bool = False,
                        only_as: str | None = None) -> CodingsPreview:
        """What ``import_coding_data`` would add, row by row, or the sentence refusing the sheet; stores nothing."""
        from cotheme.services import coding_sheet

        return coding_sheet.preview_codings(self._store, filename, data, coder=coder, create=create, only_as=only_as)
