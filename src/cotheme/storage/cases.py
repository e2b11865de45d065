"""Repository of cases (participants), attribute names and their values.

Every case has a row for every attribute; a missing value is a stored NULL, never an absent row.
"""

from __future__ import annotations

from sqlalchemy import Connection, func, insert, select, update

from cotheme.domain.cases import Case
from cotheme.storage.schema import attributes, case_values, cases
from cotheme.storage.store import now


def attribute_ids(conn: Connection) -> dict[str, int]:
    rows = conn.execute(select(attributes.c.name, attributes.c.id).order_by(attributes.c.position))
    return dict(rows.all())


def ensure_attributes(conn: Connection, names: list[str]) -> dict[str, int]:
    """Create the attributes not yet known (filling NULL for existing cases); return all ids."""
    known = attribute_ids(conn)
    position = len(known)
    case_ids = conn.execute(select(cases.c.id)).scalars().all()
    for name in names:
        if name in known:
            continue
        new_id = conn.execute(
            insert(attributes).values(name=name, position=position)
        ).inserted_primary_key[0]  # type: ignore[index]
        position += 1
        known[name] = new_id
        if case_ids:
            conn.execute(
                insert(case_values),
                [{"case_id": cid, "attribute_id": new_id, "value": None} for cid in case_ids],
            )
    return known


def case_ids_by_pid(conn: Connection) -> dict[str, int]:
    return dict(conn.execute(select(cases.c.pid, cases.c.id)).all())


def find_case(conn: Connection, pid: str) -> int | None:
    return conn.execute(
        select(cases.c.id).where(func.lower(cases.c.pid) == func.lower(pid.strip()))
    ).scalar_one_or_none()


def insert_case(conn: Connection, pid: str) -> int:
    """A new case with every known attribute explicitly not available."""
    new_id: int = conn.execute(
        insert(cases).values(pid=pid, created_at=now())
    ).inserted_primary_key[0]  # type: ignore[index]
    attr_ids = attribute_ids(conn).values()
    if attr_ids:
        conn.execute(
            insert(case_values),
            [{"case_id": new_id, "attribute_id": aid, "value": None} for aid in attr_ids],
        )
    return new_id


def set_values(conn: Connection, case_id: int, values: dict[int, str | None]) -> None:
    """Set attribute values (by attribute id) of one case."""
    for attribute_id, value in values.items():
        conn.execute(
            update(case_values)
            .where(case_values.c.case_id == case_id, case_values.c.attribute_id == attribute_id)
            .values(value=value)
        )


def list_cases(conn: Connection) -> list[Case]:
    names = {aid: name for name, aid in attribute_ids(conn).items()}
    order = list(names)
    values: dict[int, dict[int, str | None]] = {}
    for case_id, attribute_id, value in conn.execute(
        select(case_values.c.case_id, case_values.c.attribute_id, case_values.c.value)
    ):
        values.setdefault(case_id, {})[attribute_id] = value
    result = []
    for case_id, pid in conn.execute(select(cases.c.id, cases.c.pid).order_by(cases.c.pid)):
        own = values.get(case_id, {})
        result.append(Case(id=case_id, pid=pid, attributes={names[a]: own.get(a) for a in order}))
    return result
