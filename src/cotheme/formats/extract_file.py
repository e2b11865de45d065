"""The extracts table as a file: CSV (UTF-8 with a byte-order mark, which Excel needs to read accents)
or XLSX (one sheet, bold frozen header, the text and memo columns wrapped).

Every cell goes through ``spreadsheet.safe_cell``: an extract or memo starting with ``=`` or ``-`` is
shown, never run. The CSV is written row by row here rather than through ``csv_bytes``: the cells that
repeat (document, participant, speaker, times, code path, coder, the participant's attribute values)
are escaped and quoted once per distinct value, so for 9,000 extracts only the text and the memo are
worked on per row. Must not touch storage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from cotheme.domain.extract_table import COLUMNS, ExtractTable, clock
from cotheme.errors import InvalidArgument
from cotheme.formats.spreadsheet import csv_cell, csv_line, xlsx_bytes

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


class _Cells(dict[object, str]):
    """Each value's CSV cell, made on first use by ``make``; a hit is a plain dict lookup (no Python call)."""

    def __init__(self, make: Callable[[Any], str]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, value: object) -> str:
        cell = self[value] = self._make(value)
        return cell


def _csv(table: ExtractTable) -> bytes:
    """The CSV ``csv_bytes`` would write for ``_rows(table)``, with each repeated value's cell made once."""
    named = _Cells(lambda v: csv_cell(v or ""))  # document, participant, speaker, code path, coder
    times = _Cells(lambda ms: csv_cell(clock(ms)))
    turns = _Cells(lambda n: "" if n is None else csv_cell(n))
    values = _Cells(lambda row: "".join("," + csv_cell(v) for v in row))
    lines = [csv_line(table.header)]
    lines.extend(
        f"{named[r.document]},{named[r.case]},{named[r.speaker]},{times[r.start_ms]},{times[r.end_ms]},"
        f"{turns[r.turn]},{named[r.code_path]},{named[r.coder]},{csv_cell(r.text)},{csv_cell(r.memo)}"
        f"{values[r.values]}"
        for r in table.rows
    )
    lines.append("")
    return "\n".join(lines).encode("utf-8-sig")


def write_extracts(table: ExtractTable, fmt: str) -> bytes:
    """The table as ``csv`` or ``xlsx`` bytes."""
    kind = fmt.strip().lower().lstrip(".")
    if kind == "csv":
        return _csv(table)
    if kind == "xlsx":
        widths = [_WIDTHS.get(name, 16) for name in COLUMNS] + [16] * len(table.attributes)
        return xlsx_bytes("extracts", table.header, _rows(table), widths=widths, wrap=_WRAPPED)
    raise InvalidArgument(f"Extracts are written as .csv or .xlsx, not '{kind}'.")
