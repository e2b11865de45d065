"""Tables from .csv/.tsv/.xlsx files, and participant attributes read from them.

Owns ``read_sheet`` (a header row and data rows with their 1-based row numbers, from CSV with the
delimiter sniffed among ``,`` ``;`` and tab, or from the first sheet of an .xlsx workbook; cells
stripped, empty cells ``None``, numbers without ``.0``, dates as ``yyyy-mm-dd``, a formula escape our
writers add removed again: ``spreadsheet.unsafe_cell``), used by the codebook reader too, and
``read_attributes`` (the id column, unique non-empty ids, clear header errors).

Must not decide what an attribute means or store anything; it returns an ``AttributeTable``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from cotheme.domain.cases import AttributeTable
from cotheme.errors import InputError, UnsupportedFormat
from cotheme.formats.decode import DEFAULT_MAX_BYTES, check_size, decode_text
from cotheme.formats.spreadsheet import unsafe_cell
from cotheme.formats.wordfile import check_package

__all__ = ["ID_COLUMN_NAMES", "Sheet", "read_attributes", "read_sheet"]

#: Header names (case-insensitive, stripped) that mark the participant id column; the first column
#: with one of them is chosen, else the first column.
ID_COLUMN_NAMES = ("id", "pid", "participant", "participant id", "participant_id", "case", "case id")
_DELIMITERS = (",", ";", "\t")
_CSV_EXTENSIONS = (".csv", ".tsv")
_SPREADSHEETS_ELSEWHERE = (".xls", ".ods", ".numbers")
#: Python's csv module refuses fields over 128 KB by default; a long free-text note can exceed that.
csv.field_size_limit(16 * 1024 * 1024)

Cell = str | None


@dataclass(frozen=True, slots=True)
class Sheet:
    """A header row and the non-empty data rows as (row number in the file, cells)."""

    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Cell, ...]], ...]


def read_sheet(filename: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Sheet:
    """The first table of a .csv/.tsv/.xlsx file; the first non-empty row is the header."""
    suffix = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if suffix in _SPREADSHEETS_ELSEWHERE:
        raise UnsupportedFormat(f"{filename}: {suffix} spreadsheets cannot be read; save it as .xlsx or .csv and import that.")
    if suffix == ".xlsx":
        rows = _xlsx_rows(filename, data, max_bytes)
    elif suffix in _CSV_EXTENSIONS:
        rows = _csv_rows(filename, data, max_bytes)
    else:
        raise UnsupportedFormat(f"{filename}: is not a table this program reads; save it as .csv or .xlsx and import that.")
    filled = [(number, cells) for number, cells in rows if any(cell is not None for cell in cells)]
    if not filled:
        raise InputError(f"{filename}: has no rows; add a header row and one row per entry, then import again.")
    (_, header_cells), body = filled[0], filled[1:]
    return Sheet(_header(filename, header_cells, body), tuple((n, tuple(c)) for n, c in body))


def _header(filename: str, cells: Sequence[Cell], body: Sequence[tuple[int, Sequence[Cell]]]) -> tuple[str, ...]:
    names = [cell or "" for cell in cells]
    # Spreadsheets often carry empty trailing columns; drop them when no row uses them either.
    while names and not names[-1] and all(len(row) < len(names) or row[len(names) - 1] is None for _, row in body):
        names.pop()
    seen: dict[str, int] = {}
    for index, name in enumerate(names, start=1):
        if not name:
            raise InputError(f"{filename}: column {index} has no name in the header row; name every column and import again.")
        if name.casefold() in seen:
            raise InputError(
                f"{filename}: the column name '{name}' appears twice in the header row (columns "
                f"{seen[name.casefold()]} and {index}); rename one and import again."
            )
        seen[name.casefold()] = index
    return tuple(names)


def _csv_rows(filename: str, data: bytes, max_bytes: int) -> list[tuple[int, list[Cell]]]:
    text = decode_text(filename, data, max_bytes=max_bytes)
    delimiter = "\t" if filename.lower().endswith(".tsv") else _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[tuple[int, list[Cell]]] = []
    # Rows are numbered as a spreadsheet shows them (a quoted cell spanning lines is still one row).
    try:
        for number, row in enumerate(reader, start=1):
            rows.append((number, [unsafe_cell(cell.strip()) or None for cell in row]))
    except csv.Error as exc:
        raise InputError(
            f"{filename}, line {reader.line_num}: cannot be read as CSV ({exc}); fix the quoting there and import again."
        ) from None
    return rows


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first line into the most fields; ties go to ``,``."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    counts = {d: len(next(csv.reader([first], delimiter=d), [])) for d in _DELIMITERS}
    return max(_DELIMITERS, key=lambda d: (counts[d], -_DELIMITERS.index(d)))


def _xlsx_rows(filename: str, data: bytes, max_bytes: int) -> list[tuple[int, list[Cell]]]:
    check_size(filename, data, max_bytes)
    check_package(filename, data, max_bytes=max_bytes, kind="Excel .xlsx", main_part="xl/workbook.xml")
    try:
        import openpyxl  # imported here: 0.3-0.5 s that a command which reads no workbook should not pay

        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            sheet.reset_dimensions()  # some writers record a wrong sheet size; read every row present
            return [
                (number, [_cell_text(value) for value in values])
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
            ]
        finally:
            workbook.close()
    except Exception as exc:  # openpyxl raises many types on damaged workbooks
        raise InputError(
            f"{filename}: could not be read as an Excel workbook ({type(exc).__name__}); "
            "open it in Excel, save it again as .xlsx (or .csv) and import that."
        ) from exc


def _cell_text(value: object) -> Cell:
    if value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, float):
        return f"{value:.15g}"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return unsafe_cell(str(value).strip()) or None


def read_attributes(
    filename: str,
    data: bytes,
    *,
    id_column: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[str, AttributeTable]:
    """Participant attributes: (the id column's name, the table). Ids must be present and unique."""
    sheet = read_sheet(filename, data, max_bytes=max_bytes)
    columns = sheet.header
    id_name = _id_column(filename, columns, id_column)
    rows: list[dict[str, Cell]] = []
    lines: list[int] = []
    first_seen: dict[str, int] = {}
    for number, cells in sheet.rows:
        if len(cells) > len(columns) and any(cell is not None for cell in cells[len(columns):]):
            raise InputError(
                f"{filename}, row {number}: has more cells than the {len(columns)} named columns; "
                "name the extra column in the header row or remove the stray cells."
            )
        row = {name: (cells[i] if i < len(cells) else None) for i, name in enumerate(columns)}
        pid = row[id_name]
        if pid is None:
            raise InputError(f"{filename}, row {number}: the id column '{id_name}' is empty; fill in the id or delete the row.")
        if pid in first_seen:
            raise InputError(
                f"{filename}, rows {first_seen[pid]} and {number}: the id '{pid}' appears twice; "
                "give each participant one row and import again."
            )
        first_seen[pid] = number
        rows.append(row)
        lines.append(number)
    return id_name, AttributeTable(columns, tuple(rows), tuple(lines))


def _id_column(filename: str, columns: Sequence[str], wanted: str | None) -> str:
    if wanted is not None:
        for name in columns:
            if name == wanted.strip():
                return name
        for name in columns:
            if name.casefold() == wanted.strip().casefold():
                return name
        listed = ", ".join(f"'{name}'" for name in columns)
        raise InputError(f"{filename}: has no column '{wanted}'; its columns are {listed}. Choose one of those as the id column.")
    for name in columns:
        if name.strip().casefold() in ID_COLUMN_NAMES:
            return name
    return columns[0]
