"""Repository of attribute definitions: the label, category order, description and shown flag kept on
each row of ``attributes``. The order is stored as a JSON list of category labels.

Must not decide what a valid definition is (``domain.attribute_defs.checked`` does).
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, select, update

from cotheme.domain.attribute_defs import AttributeDefinition
from cotheme.storage.schema import attributes


def _order(text: str | None) -> tuple[str, ...]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def list_definitions(conn: Connection) -> list[AttributeDefinition]:
    """Every attribute's definition, in the attributes' order."""
    a = attributes.c
    rows = conn.execute(
        select(a.name, a.label, a.category_order, a.description, a.shown).order_by(a.position)
    )
    return [
        AttributeDefinition(name, label or "", _order(order), description or "", bool(shown))
        for name, label, order, description, shown in rows
    ]


def save_definition(conn: Connection, definition: AttributeDefinition) -> None:
    """Store ``definition`` on the attribute of the same name (which must exist)."""
    conn.execute(
        update(attributes)
        .where(attributes.c.name == definition.name)
        .values(
            label=definition.label,
            category_order=json.dumps(list(definition.order), ensure_ascii=False),
            description=definition.description,
            shown=definition.shown,
        )
    )
