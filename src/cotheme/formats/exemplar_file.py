"""Reading an exemplars sheet (.csv, also .xlsx): the rows a team marked as illustrative quotes.

Owns the columns: ``theme``; the extract as ``coding id``, or as ``document`` (or ``case``) and
``text``, narrowed by ``code path`` and ``coder`` when given: the columns an extracts export writes,
so a team can add ``theme`` and ``exemplar`` columns to an export, mark rows and load it back. With an
``exemplar`` column only the rows marked there (x, yes, 1, true, ✓) count. Headers in any case.
Must not touch storage: bytes become ``ExemplarRow``.
"""

from __future__ import annotations

from cotheme.domain.exemplar_rows import ExemplarRow
from cotheme.errors import InputError
from cotheme.formats.attributes import read_sheet

__all__ = ["EXEMPLAR_COLUMNS", "read_exemplar_rows"]

EXEMPLAR_COLUMNS = ("theme", "coding id", "document", "case", "text", "code path", "coder", "exemplar")
_ALIASES = {
    "coding": "coding id", "coding_id": "coding id", "id": "coding id", "quote": "text", "extract": "text",
    "participant": "case", "code": "code path", "code_path": "code path", "mark": "exemplar",
    "title": "document", "subtheme": "theme",
}
_MARKED = frozenset({"x", "yes", "y", "1", "true", "✓", "✔", "*", "exemplar"})


def read_exemplar_rows(filename: str, data: bytes) -> tuple[list[ExemplarRow], int]:
    """The marked rows in file order, and how many rows an ``exemplar`` column left unmarked."""
    sheet = read_sheet(filename, data)
    columns: dict[str, int] = {}
    for index, raw in enumerate(sheet.header):
        key = _ALIASES.get(raw.strip().casefold(), raw.strip().casefold())
        if key in EXEMPLAR_COLUMNS and key not in columns:
            columns[key] = index
    if "coding id" not in columns and "text" not in columns:
        raise InputError(
            f"{filename}: names no extract; give a 'coding id' column, or 'document' and 'text' columns "
            "as an extracts export writes them."
        )
    rows: list[ExemplarRow] = []
    skipped = 0
    for line, cells in sheet.rows:
        def cell(key: str) -> str:
            at = columns.get(key)
            value = cells[at] if at is not None and at < len(cells) else None
            return (value or "").strip()

        if "exemplar" in columns and cell("exemplar").casefold() not in _MARKED:
            skipped += 1
            continue
        coding = cell("coding id")
        if coding and not coding.removesuffix(".0").isdigit():
            raise InputError(f"{filename}, line {line}: '{coding}' is not a coding id; give the number 'cotheme codings' shows.")
        if not coding and not cell("text"):
            raise InputError(f"{filename}, line {line}: names no extract; fill in its coding id or its text.")
        if not coding and not (cell("document") or cell("case")):
            raise InputError(f"{filename}, line {line}: says which text but not where; fill in its document or case.")
        rows.append(ExemplarRow(
            line, cell("theme") or None, int(coding.removesuffix(".0")) if coding else None,
            cell("document") or None, cell("case") or None, cells[columns["text"]] if "text" in columns and not coding else None,
            tuple(p.strip() for p in cell("code path").split(";") if p.strip()), cell("coder") or None,
        ))
    return rows, skipped
