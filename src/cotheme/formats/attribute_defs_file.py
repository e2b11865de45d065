"""The attribute-definitions sheet: one row per attribute with the columns ``name``, ``label``,
``order``, ``description`` and ``shown`` (.csv or .xlsx; only ``name`` is required).

Owns reading such a sheet into ``AttributeDefinition`` values with the row each came from, and the
sentence that refuses a bad row (the file, the row, what is wrong, what to do). An empty cell means
no label, no order, no description, shown. Must not know which attributes a project has or store
anything: the service checks the names.
"""

from __future__ import annotations

from cotheme.domain.attribute_defs import AttributeDefinition, parse_order, parse_shown
from cotheme.errors import InputError, InvalidArgument
from cotheme.formats.attributes import read_sheet
from cotheme.formats.decode import DEFAULT_MAX_BYTES

__all__ = ["COLUMNS", "read_definitions"]

#: The columns the sheet may have, in the order a template lists them.
COLUMNS = ("name", "label", "order", "description", "shown")


def read_definitions(
    filename: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[tuple[int, AttributeDefinition]]:
    """(row number, definition) for each row of the sheet."""
    sheet = read_sheet(filename, data, max_bytes=max_bytes)
    columns = [c.strip().casefold() for c in sheet.header]
    unknown = [name for name, fold in zip(sheet.header, columns, strict=True) if fold not in COLUMNS]
    if unknown:
        raise InputError(
            f"{filename}: has the column '{unknown[0]}', which an attribute-definitions sheet does not use; "
            f"its columns are {', '.join(COLUMNS)}. Rename or remove it and import again."
        )
    if "name" not in columns:
        raise InputError(f"{filename}: has no column 'name'; add one naming each attribute and import again.")
    result: list[tuple[int, AttributeDefinition]] = []
    first: dict[str, int] = {}
    for number, cells in sheet.rows:
        row = {col: (cells[i] if i < len(cells) else None) for i, col in enumerate(columns)}
        name = (row.get("name") or "").strip()
        where = f"{filename}, row {number}"
        if not name:
            raise InputError(f"{where}: the column 'name' is empty; name the attribute or delete the row.")
        if name.casefold() in first:
            raise InputError(
                f"{filename}, rows {first[name.casefold()]} and {number}: the attribute '{name}' appears twice; "
                "give each attribute one row and import again."
            )
        first[name.casefold()] = number
        try:
            definition = AttributeDefinition(
                name, row.get("label") or "", parse_order(row.get("order") or ""),
                row.get("description") or "", parse_shown(row.get("shown"), where),
            )
        except InvalidArgument as exc:
            message = str(exc)
            raise InputError(message if message.startswith(where) else f"{where}: {message}") from None
        result.append((number, definition))
    return result
