"""Repository of the codebook: codes in a tree, each name unique among its siblings."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, literal, select, update

from cotheme.domain.codebook import Code
from cotheme.storage.schema import codes
from cotheme.storage.store import now

FIELDS = ("definition", "inclusion", "exclusion", "example", "colour")


#: Deeper than any codebook is nested: the walk up from a code stops here even if parents formed a loop.
_MAX_DEPTH = 64


def path_of(conn: Connection, code_id: int) -> tuple[str, ...] | None:
    """The names from the top of the codebook down to code ``code_id`` (``None``: no such code), read
    in one statement whatever the codebook's size (adding a coding needs one code's path, not all)."""
    names = conn.execute(_path_query(), {"cotheme_code": code_id}).scalars().all()
    return tuple(names) or None


@cache
def _path_query() -> Any:
    """The walk up from one code (bound as ``cotheme_code``) to the top, built once: building it per
    call cost more than running it."""
    chain = (select(codes.c.parent_id, codes.c.name, literal(0).label("depth"))
             .where(codes.c.id == bindparam("cotheme_code")).cte("cotheme_code_chain", recursive=True))
    parent = codes.alias("cotheme_code_parent")
    chain = chain.union_all(
        select(parent.c.parent_id, parent.c.name, chain.c.depth + 1)
        .where(parent.c.id == chain.c.parent_id, chain.c.depth < _MAX_DEPTH))
    return select(chain.c.name).order_by(chain.c.depth.desc())


def all_codes(conn: Connection) -> list[Code]:
    """Every code in tree order (parents before children, siblings by position then name)."""
    rows = conn.execute(select(codes).order_by(codes.c.position, codes.c.name)).all()
    children: dict[int | None, list[object]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row)
    ordered: list[Code] = []

    def walk(parent_id: int | None, path: tuple[str, ...]) -> None:
        for row in children.get(parent_id, []):
            own = (*path, row.name)  # type: ignore[attr-defined]
            ordered.append(
                Code(
                    id=row.id,  # type: ignore[attr-defined]
                    name=row.name,  # type: ignore[attr-defined]
                    parent_id=row.parent_id,  # type: ignore[attr-defined]
                    path=own,
                    **{f: getattr(row, f) for f in FIELDS},
                    version=row.version,  # type: ignore[attr-defined]
                )
            )
            walk(row.id, own)  # type: ignore[attr-defined]

    walk(None, ())
    return ordered


def find_child(conn: Connection, parent_id: int | None, name: str) -> int | None:
    """The id of the code called ``name`` (ignoring case) under ``parent_id``."""
    parent = codes.c.parent_id.is_(None) if parent_id is None else codes.c.parent_id == parent_id
    return conn.execute(
        select(codes.c.id).where(parent, func.lower(codes.c.name) == func.lower(name))
    ).scalar_one_or_none()


def find_by_name(conn: Connection, name: str) -> list[int]:
    """Ids of every code called ``name`` (ignoring case), wherever it sits in the tree."""
    return list(
        conn.execute(select(codes.c.id).where(func.lower(codes.c.name) == func.lower(name))).scalars()
    )


def count(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(codes)).scalar_one()


def insert_code(
    conn: Connection, parent_id: int | None, name: str, fields: dict[str, str], position: int
) -> int:
    return conn.execute(  # type: ignore[no-any-return]
        insert(codes).values(
            parent_id=parent_id, name=name, position=position, created_at=now(), **fields
        )
    ).inserted_primary_key[0]  # type: ignore[index]


def update_code(conn: Connection, code_id: int, fields: dict[str, str]) -> None:
    if fields:
        conn.execute(update(codes).where(codes.c.id == code_id).values(**fields, version=codes.c.version + 1))


def get_row(conn: Connection, code_id: int) -> object | None:
    return conn.execute(select(codes).where(codes.c.id == code_id)).first()


def move_code(conn: Connection, code_id: int, parent_id: int | None, name: str) -> None:
    conn.execute(update(codes).where(codes.c.id == code_id).values(parent_id=parent_id, name=name,
                                                                  version=codes.c.version + 1))
