"""Repository of the codebook's history: versioned changes, the code states they left, what they moved.

A change (``codebook_changes``, its id is the version) is one user action: create, rename, redefine,
move, merge, split, delete, import or undo, with author, time and rationale. ``tracking.py`` adds one
state per code row it sees change (JSON before and after); the first state of a transaction opens the
change, with the kind and rationale a service declared for it (``intend``/``begin``), else a kind read
off the state. Must not decide what a change means: ``services/history.py`` does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from cotheme.storage.schema import codebook_changes, codebook_moves, codebook_states

_CURRENT = "cotheme_codebook_change"
_INTENT = "cotheme_codebook_intent"
INTERNAL = {"cotheme_internal": True}


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """A stored change with the states it recorded (rows as dicts, ``None`` = the code did not exist)."""

    id: int
    at: datetime
    author: str
    kind: str
    rationale: str
    undo_of: int | None
    undone_by: int | None
    states: tuple[tuple[int, dict[str, Any] | None, dict[str, Any] | None], ...]
    moves: tuple[tuple[str, int, int, int | None], ...]


def _tx(conn: Connection) -> object:
    return conn.get_transaction()


def intend(conn: Connection, kind: str | None, rationale: str = "", undo_of: int | None = None) -> None:
    """Say what the codebook writes of this transaction are (the change opens at the first one)."""
    conn.info[_INTENT] = (_tx(conn), kind, rationale.strip(), undo_of)


def begin(conn: Connection, kind: str, rationale: str = "", undo_of: int | None = None,
          actor: tuple[int, str] | None = None) -> int:
    """Open the change now (a merge records its moves before any code row changes) and return its id."""
    intend(conn, kind, rationale, undo_of)
    return _current(conn, kind, actor)


def _current(conn: Connection, inferred: str, actor: tuple[int, str] | None) -> int:
    held = conn.info.get(_CURRENT)
    if held is not None and held[0] is _tx(conn):
        return int(held[1])
    intent = conn.info.get(_INTENT)
    kind, rationale, undo_of = inferred, "", None
    if intent is not None and intent[0] is _tx(conn):
        kind, rationale, undo_of = intent[1] or inferred, intent[2], intent[3]
    change_id = int(conn.execute(
        insert(codebook_changes).execution_options(**INTERNAL).values(
            at=datetime.now(UTC), author_id=actor[0] if actor else None, author=actor[1] if actor else "",
            kind=kind, rationale=rationale, undo_of=undo_of,
        )
    ).inserted_primary_key[0])  # type: ignore[index]
    conn.info[_CURRENT] = (_tx(conn), change_id)
    return change_id


def _kind_of(before: dict[str, Any] | None, after: dict[str, Any] | None) -> str:
    if before is None:
        return "create"
    if after is None:
        return "delete"
    if before.get("name") != after.get("name"):
        return "rename"
    if before.get("parent_id") != after.get("parent_id"):
        return "move"
    return "redefine"


def add_state(conn: Connection, code_id: int, before: str | None, after: str | None,
              actor: tuple[int, str] | None) -> None:
    """Record one code row's change in the current change (opening it when it is the first)."""
    kind = _kind_of(json.loads(before) if before else None, json.loads(after) if after else None)
    change_id = _current(conn, kind, actor)
    conn.execute(insert(codebook_states).execution_options(**INTERNAL).values(
        change_id=change_id, code_id=code_id, before=before, after=after))


def add_moves(conn: Connection, change_id: int, moves: list[tuple[str, int, int, int | None]]) -> None:
    """Record rows a change moved between codes: (kind, row id, old code, new code or None)."""
    if moves:
        conn.execute(insert(codebook_moves), [
            {"change_id": change_id, "kind": k, "row_id": r, "old_code": o, "new_code": n} for k, r, o, n in moves
        ])


def set_kind(conn: Connection, change_id: int, kind: str) -> None:
    conn.execute(update(codebook_changes).where(codebook_changes.c.id == change_id).values(kind=kind))


def changes(conn: Connection, *, since: datetime | None = None, until: datetime | None = None) -> list[ChangeRow]:
    """Every change in version order (optionally with ``since`` < time <= ``until``)."""
    query = select(codebook_changes).order_by(codebook_changes.c.id)
    if since is not None:
        query = query.where(codebook_changes.c.at > since)
    if until is not None:
        query = query.where(codebook_changes.c.at <= until)
    heads = conn.execute(query).all()
    if not heads:
        return []
    ids = [h.id for h in heads]
    states: dict[int, list[tuple[int, dict[str, Any] | None, dict[str, Any] | None]]] = {}
    for row in conn.execute(select(codebook_states).where(codebook_states.c.change_id.in_(ids))
                            .order_by(codebook_states.c.id)):
        states.setdefault(row.change_id, []).append(
            (row.code_id, json.loads(row.before) if row.before else None, json.loads(row.after) if row.after else None))
    moves: dict[int, list[tuple[str, int, int, int | None]]] = {}
    for row in conn.execute(select(codebook_moves).where(codebook_moves.c.change_id.in_(ids))
                            .order_by(codebook_moves.c.id)):
        moves.setdefault(row.change_id, []).append((row.kind, row.row_id, row.old_code, row.new_code))
    undone = dict(conn.execute(select(codebook_changes.c.undo_of, codebook_changes.c.id)
                               .where(codebook_changes.c.undo_of.is_not(None))).all())
    return [
        ChangeRow(h.id, h.at if h.at.tzinfo else h.at.replace(tzinfo=UTC), h.author, h.kind, h.rationale,
                  h.undo_of, undone.get(h.id), tuple(states.get(h.id, ())), tuple(moves.get(h.id, ())))
        for h in heads
    ]
