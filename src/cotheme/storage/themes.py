"""Repository of themes, the codes linked to them, their exemplar extracts and saved map positions.

Owns the SQL of the ``themes``, ``theme_codes`` and ``theme_exemplars`` tables. A theme's name is unique
among its siblings (the database enforces it too). Must not hold business rules beyond that.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, delete, func, insert, select, update

from cotheme.domain.themes import Exemplar, Theme, ThemeStatus, tree_order
from cotheme.storage.schema import members, theme_codes, theme_exemplars, themes
from cotheme.storage.store import as_utc, now


def all_themes(conn: Connection) -> list[Theme]:
    """Every theme in tree order with its linked codes."""
    linked: dict[int, list[int]] = {}
    for theme_id, code_id in conn.execute(
        select(theme_codes.c.theme_id, theme_codes.c.code_id).order_by(theme_codes.c.code_id)
    ):
        linked.setdefault(theme_id, []).append(code_id)
    found = [
        Theme(
            id=r.id,
            name=r.name,
            parent_id=r.parent_id,
            level=0,
            definition=r.definition,
            status=ThemeStatus(r.status),
            position=r.position,
            code_ids=tuple(linked.get(r.id, ())),
            x=r.map_x,
            y=r.map_y,
        )
        for r in conn.execute(select(themes))
    ]
    return tree_order(found)


def find_child(conn: Connection, parent_id: int | None, name: str) -> int | None:
    """The id of the theme called ``name`` (ignoring case) directly under ``parent_id``."""
    parent = themes.c.parent_id.is_(None) if parent_id is None else themes.c.parent_id == parent_id
    return conn.execute(
        select(themes.c.id).where(parent, func.lower(themes.c.name) == func.lower(name))
    ).scalar_one_or_none()


def find_by_name(conn: Connection, name: str) -> list[int]:
    """Ids of every theme called ``name`` (ignoring case), wherever it sits."""
    return list(
        conn.execute(select(themes.c.id).where(func.lower(themes.c.name) == func.lower(name))).scalars()
    )


def exists(conn: Connection, theme_id: int) -> bool:
    return conn.execute(select(themes.c.id).where(themes.c.id == theme_id)).first() is not None


def count_children(conn: Connection, parent_id: int | None) -> int:
    parent = themes.c.parent_id.is_(None) if parent_id is None else themes.c.parent_id == parent_id
    return conn.execute(select(func.count()).select_from(themes).where(parent)).scalar_one()


def insert_theme(
    conn: Connection,
    *,
    name: str,
    parent_id: int | None,
    definition: str,
    status: ThemeStatus,
    position: int,
) -> int:
    stamp = now()
    return conn.execute(  # type: ignore[no-any-return]
        insert(themes).values(
            name=name, parent_id=parent_id, definition=definition, status=status.value,
            position=position, created_at=stamp, updated_at=stamp,
        )
    ).inserted_primary_key[0]  # type: ignore[index]


def update_theme(conn: Connection, theme_id: int, values: dict[str, object]) -> None:
    if values:
        conn.execute(update(themes).where(themes.c.id == theme_id).values(**values, updated_at=now()))


def delete_theme(conn: Connection, theme_id: int) -> None:
    conn.execute(delete(themes).where(themes.c.id == theme_id))


def link_codes(conn: Connection, theme_id: int, code_ids: Iterable[int]) -> int:
    """Link codes to a theme (already linked ones are skipped); return how many were new."""
    have = set(
        conn.execute(select(theme_codes.c.code_id).where(theme_codes.c.theme_id == theme_id)).scalars()
    )
    new = [c for c in dict.fromkeys(code_ids) if c not in have]
    if new:
        conn.execute(insert(theme_codes), [{"theme_id": theme_id, "code_id": c} for c in new])
    return len(new)


def unlink_codes(conn: Connection, theme_id: int, code_ids: Iterable[int]) -> None:
    conn.execute(
        delete(theme_codes).where(
            theme_codes.c.theme_id == theme_id, theme_codes.c.code_id.in_(list(code_ids))
        )
    )


def set_position(conn: Connection, theme_id: int, x: float | None, y: float | None) -> None:
    conn.execute(update(themes).where(themes.c.id == theme_id).values(map_x=x, map_y=y))


def reset_positions(conn: Connection) -> None:
    conn.execute(update(themes).values(map_x=None, map_y=None))


# -- exemplars ----------------------------------------------------------------------------------
def exemplars(conn: Connection, theme_id: int | None = None) -> list[Exemplar]:
    """Exemplars (of one theme, or all) in the team's order."""
    query = (
        select(theme_exemplars, members.c.name.label("member"))
        .outerjoin(members, members.c.id == theme_exemplars.c.chosen_by)
        .order_by(theme_exemplars.c.theme_id, theme_exemplars.c.position, theme_exemplars.c.id)
    )
    if theme_id is not None:
        query = query.where(theme_exemplars.c.theme_id == theme_id)
    return [
        Exemplar(r.theme_id, r.coding_id, r.position, r.member, as_utc(r.created_at))
        for r in conn.execute(query)
    ]


def add_exemplar(conn: Connection, theme_id: int, coding_id: int, member_id: int | None) -> bool:
    """Mark a coding as an exemplar of a theme (last in order); ``False`` when it already was."""
    taken = conn.execute(
        select(theme_exemplars.c.id).where(
            theme_exemplars.c.theme_id == theme_id, theme_exemplars.c.coding_id == coding_id
        )
    ).first()
    if taken is not None:
        return False
    position = conn.execute(
        select(func.coalesce(func.max(theme_exemplars.c.position), -1)).where(
            theme_exemplars.c.theme_id == theme_id
        )
    ).scalar_one()
    conn.execute(
        insert(theme_exemplars).values(
            theme_id=theme_id, coding_id=coding_id, position=position + 1,
            chosen_by=member_id, created_at=now(),
        )
    )
    return True


def remove_exemplar(conn: Connection, theme_id: int, coding_id: int) -> bool:
    result = conn.execute(
        delete(theme_exemplars).where(
            theme_exemplars.c.theme_id == theme_id, theme_exemplars.c.coding_id == coding_id
        )
    )
    return bool(result.rowcount)
