"""Reading a codings sheet (.csv, also .xlsx): many codings to add at once, one per row.

Owns the columns, named in the header row in any case: ``document`` (id or title), ``code`` (a name or
a ``Parent/Child`` path), the span as ``start`` and ``end`` (code points, end exclusive) or as
``quote`` (the exact text; its first occurrence is coded), and optionally ``coder`` and ``memo``. The
columns of an extracts export are read too (``text`` for the quote, ``code path`` for the code), so a
table made by a script or exported elsewhere loads as it is. Must not touch storage: bytes become
``CodingRow``; a row that cannot be right is refused with a sentence naming it.
"""

from __future__ import annotations

from cotheme.domain.coding_rows import CodingRow
from cotheme.errors import InputError
from cotheme.formats.attributes import read_sheet

__all__ = ["CODING_COLUMNS", "read_coding_rows"]

CODING_COLUMNS = ("document", "code", "start", "end", "quote", "coder", "memo")
_ALIASES = {
    "doc": "document", "title": "document", "transcript": "document", "document id": "document",
    "code path": "code", "code_path": "code", "text": "quote", "extract": "quote",
    "start offset": "start", "end offset": "end", "member": "coder", "note": "memo", "comment": "memo",
}


def _columns(filename: str, header: tuple[str, ...]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, raw in enumerate(header):
        key = _ALIASES.get(raw.strip().casefold(), raw.strip().casefold())
        if key in CODING_COLUMNS and key not in columns:
            columns[key] = index
    missing = [name for name in ("document", "code") if name not in columns]
    if missing:
        raise InputError(f"{filename}: has no {' or '.join(repr(m) for m in missing)} column; a codings sheet "
                         "needs document, code, and quote or start and end columns.")
    if "quote" not in columns and not {"start", "end"} <= set(columns):
        raise InputError(f"{filename}: says where to code in no column; add a 'quote' column, or 'start' and "
                         "'end' columns (offsets in characters).")
    return columns


def _offset(filename: str, row: int, name: str, value: str) -> int | None:
    if not value:
        return None
    number = value.removesuffix(".0")  # a spreadsheet may give 120 back as 120.0
    if not number.isdigit():
        raise InputError(f"{filename}, row {row}: {name} '{value}' is not a whole number of characters.")
    return int(number)


def read_coding_rows(filename: str, data: bytes) -> list[CodingRow]:
    """The rows in file order; refused whole, with the row named, when one cannot be right."""
    sheet = read_sheet(filename, data)
    columns = _columns(filename, sheet.header)
    rows: list[CodingRow] = []
    for row, cells in sheet.rows:
        def cell(key: str, strip: bool = True) -> str:
            at = columns.get(key)
            value = cells[at] if at is not None and at < len(cells) else None
            return ((value or "").strip() if strip else (value or ""))

        where = f"{filename}, row {row}"
        if not cell("document"):
            raise InputError(f"{where}: names no document; fill in its id or title.")
        if not cell("code"):
            raise InputError(f"{where}: names no code; fill in its name or Parent/Child path.")
        start, end = _offset(filename, row, "start", cell("start")), _offset(filename, row, "end", cell("end"))
        quote = cell("quote", strip=False) or None
        if (start is None) != (end is None):
            raise InputError(f"{where}: gives {'start' if end is None else 'end'} without "
                             f"{'end' if end is None else 'start'}; give both, or a quote.")
        if start is None and quote is None:
            raise InputError(f"{where}: says not where to code; fill in a quote, or start and end.")
        rows.append(CodingRow(row, cell("document"), cell("code"), start, end, quote,
                              cell("coder") or None, cell("memo") or None))
    if not rows:
        raise InputError(f"{filename}: has a header row but no codings; add one row per coding.")
    return rows
