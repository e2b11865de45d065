"""The extracts table as a file: CSV (UTF-8 with a byte-order mark, which Excel needs to read accents)
or XLSX (one sheet, bold frozen header, the text and memo columns wrapped).

Every cell goes through ``spreadsheet.safe_cell``: an extract or memo starting with ``=`` or ``-`` is
shown, never run. Must not touch storage.
"""

from __future__ import annotations

from collections.abc import Iterator

from cotheme.domain.extract_table import COLUMNS, ExtractTable, clock
from cotheme.errors import InvalidArgument
from cotheme.formats.spreadsheet import csv_bytes, xlsx_bytes

__all__ = ["EXTRACT_FORMATS", "write_extracts"]

EXTRACT_FORMATS = ("csv", "xlsx")
#: Column widths in the workbook, in characters: the text column wide enough for a sentence or two.
_WIDTHS = {"document": 18, "case": 10, "speaker": 14, "start time": 10, "end time": 10, "turn": 6,
           "code path": 28, "coder": 14, "text": 80, "memo": 40}
_WRAPPED = (COLUMNS.index("text"), COLUMNS.index("memo"))


def _rows(table: ExtractTable) -> Iterator[list[object]]:
    for r in table.rows:
        yield [r.document, r.case or "", r.speaker or "", clock(r.start_ms), clock(r.end_ms),
               "" if r.turn is None else r.turn, r.code_path, r.coder or "", r.text, r.memo, *r.values]


def write_extracts(table: ExtractTable, fmt: str) -> bytes:
    """The table as ``csv`` or ``xlsx`` bytes."""
    kind = fmt.strip().lower().lstrip(".")
    if kind == "csv":
        return csv_bytes(table.header, _rows(table), bom=True)
    if kind == "xlsx":
        widths = [_WIDTHS.get(name, 16) for name in COLUMNS] + [16] * len(table.attributes)
        return xlsx_bytes("extracts", table.header, _rows(table), widths=widths, wrap=_WRAPPED)
    raise InvalidArgument(f"Extracts are written as .csv or .xlsx, not '{kind}'.")
