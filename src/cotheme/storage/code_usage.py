"""Repository of what hangs on a code: its codings, memos, sub-codes and theme links, and moving them
to another code (merge, split, delete with --move-to). Must not decide whether a move is allowed.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, delete, func, select, update

from cotheme.storage.schema import codes, codings, memos, theme_codes

INTERNAL = {"cotheme_internal": True}
#: (kind, row id, old code, new code or None) as ``history.add_moves`` records them.
Move = tuple[str, int, int, int | None]


def coding_ids(conn: Connection, code_id: int) -> list[int]:
    """Every coding of the code, whoever made it (a lead's merge must see blind codings too)."""
    return list(conn.execute(select(codings.c.id).where(codings.c.code_id == code_id)
                             .order_by(codings.c.id).execution_options(**INTERNAL)).scalars())


def memo_ids(conn: Connection, code_id: int) -> list[int]:
    return list(conn.execute(select(memos.c.id).where(memos.c.code_id == code_id)).scalars())


def child_ids(conn: Connection, code_id: int) -> list[int]:
    return list(conn.execute(select(codes.c.id).where(codes.c.parent_id == code_id)).scalars())


def theme_ids(conn: Connection, code_id: int) -> list[int]:
    return list(conn.execute(select(theme_codes.c.theme_id).where(theme_codes.c.code_id == code_id)).scalars())


def move_codings(conn: Connection, ids: Sequence[int], source: int, target: int) -> list[Move]:
    if not ids:
        return []
    conn.execute(update(codings).where(codings.c.id.in_(list(ids)), codings.c.code_id == source)
                 .values(code_id=target))
    return [("coding", i, source, target) for i in ids]


def move_memos(conn: Connection, source: int, target: int) -> list[Move]:
    ids = memo_ids(conn, source)
    if ids:
        conn.execute(update(memos).where(memos.c.id.in_(ids)).values(code_id=target))
    return [("memo", i, source, target) for i in ids]


def move_theme_links(conn: Connection, source: int, target: int | None) -> list[Move]:
    """Link the source's themes to ``target`` instead (or drop them with ``None``)."""
    moves: list[Move] = []
    held = set(theme_ids(conn, target)) if target is not None else set()
    for theme_id in theme_ids(conn, source):
        if target is None or theme_id in held:
            conn.execute(delete(theme_codes).where(theme_codes.c.theme_id == theme_id, theme_codes.c.code_id == source))
            moves.append(("theme_link", theme_id, source, None))
        else:
            conn.execute(update(theme_codes).where(theme_codes.c.theme_id == theme_id,
                                                   theme_codes.c.code_id == source).values(code_id=target))
            moves.append(("theme_link", theme_id, source, target))
    return moves


def touch(conn: Connection, code_id: int) -> None:
    """Bump the code's version (it survives a merge, or is the source of a split)."""
    conn.execute(update(codes).where(codes.c.id == code_id).values(version=codes.c.version + 1))


def locked_version(conn: Connection, code_id: int) -> int | None:
    """The code's version, the row locked until the transaction ends (PostgreSQL: SELECT ... FOR UPDATE
    waits for a concurrent save and then reads its version; SQLite writers are serialised already)."""
    return conn.execute(select(codes.c.version).where(codes.c.id == code_id).with_for_update()).scalar_one_or_none()


def delete_code(conn: Connection, code_id: int) -> None:
    conn.execute(delete(codes).where(codes.c.id == code_id))


def max_position(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(func.max(codes.c.position), 0))).scalar_one())
