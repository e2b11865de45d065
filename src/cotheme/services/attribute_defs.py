"""Attribute definitions: listing them, changing one, and importing a sheet of them.

A definition belongs to an attribute the project already has (imported with the participants); a
name is matched ignoring case. A sheet is checked whole before anything is stored, and is refused
with the sentence for its first bad row. Must not parse files (``formats.attribute_defs_file``
does) nor lay out Table 1 (``domain.table_one``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import Connection

from cotheme.domain.attribute_defs import AttributeDefinition, checked, parse_order
from cotheme.errors import InputError, InvalidArgument, NotFound
from cotheme.formats.attribute_defs_file import read_definitions
from cotheme.services.limits import max_import_bytes
from cotheme.storage import attribute_defs as defs_repo
from cotheme.storage import study
from cotheme.storage.store import Store


def list_definitions(store: Store) -> list[AttributeDefinition]:
    """Every attribute's definition, in the attributes' order."""
    with store.read() as conn:
        return defs_repo.list_definitions(conn)


def _find(known: Sequence[AttributeDefinition], name: str) -> AttributeDefinition:
    wanted = name.strip().casefold()
    for definition in known:
        if definition.name.casefold() == wanted:
            return definition
    names = ", ".join(d.name for d in known) or "none yet: import the participants first"
    raise NotFound(f"There is no attribute '{name.strip()}' (attributes: {names}).")


def set_definition(
    store: Store, name: str, *, label: str | None = None, order: Sequence[str] | str | None = None,
    description: str | None = None, shown: bool | None = None,
) -> AttributeDefinition:
    """Change what is given of attribute ``name``'s definition; what is ``None`` stays as it is.

    ``order`` is a list of categories or text like ``"woman, man"``; an empty one clears the order."""
    with store.write() as conn:
        current = _find(defs_repo.list_definitions(conn), name)
        new = replace(
            current,
            label=current.label if label is None else label,
            order=current.order if order is None else (parse_order(order) if isinstance(order, str) else tuple(order)),
            description=current.description if description is None else description,
            shown=current.shown if shown is None else shown,
        )
        new = checked(new, _missing(conn))
        defs_repo.save_definition(conn, new)
        return new


def _missing(conn: Connection) -> str:
    return study.read_info(conn).missing_label


def import_definitions(store: Store, name: str, data: bytes) -> list[AttributeDefinition]:
    """Set the definitions of the attributes a sheet names (all or none); the others stay as they are."""
    rows = read_definitions(name, data, max_bytes=max_import_bytes())
    with store.write() as conn:
        known = defs_repo.list_definitions(conn)
        missing = _missing(conn)
        ready = []
        for line, row in rows:
            try:
                found = _find(known, row.name)
                ready.append(checked(replace(row, name=found.name), missing))
            except (NotFound, InvalidArgument) as exc:
                raise InputError(f"{name}, row {line}: {exc}") from None
        for definition in ready:
            defs_repo.save_definition(conn, definition)
    return ready
