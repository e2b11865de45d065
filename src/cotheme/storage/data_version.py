"""The project's data version: a number every committed write transaction raises by one.

Owns the ``data_version`` table. ``Store.write`` bumps it as the last statement of each write
transaction, so the new number becomes visible together with the change (on SQLite and PostgreSQL
alike, whichever process wrote). A reader that reads the number *before* the data it sums up may
cache the result under that number: a later change always raises it. An in-process cache keyed by
anything else would miss other processes' writes. Must not decide what is cached.

The number is the sum of one counter per *slot*. A single row raised by every write is a lock that
every write transaction holds until it commits, so on PostgreSQL concurrent writers committed one
after another: ten coders wrote 139 codings/s through the Python API, and 298/s with no counter at all
(bench/team_bench.py on PostgreSQL through the Python API). Each PostgreSQL connection raises the slot of its
server process (``backend_pid % SLOTS``), so two writers wait for each other only when their
connections share a slot. The sum stays exact and transactional: each commit raises exactly one slot
by one, atomically with the change, so the committed sum rises by one per committed write. SQLite
has one writer at a time and uses one slot; a project written before slots keeps its row 1 as one
of them, so its number only goes on rising.

Since the per-table counters (``table_versions``), a ``Store.write`` raises its slot in that table, in
the row named ``WRITES``, with the same statement that raises the tables it changed: one statement per
commit, not two. The version is the sum of both tables' counts (this table keeps what was counted
before, and what ``bump`` raises).
"""

from __future__ import annotations

import importlib
from typing import Any

from sqlalchemy import Connection, func, select

from cotheme.storage.schema import data_version, table_versions

#: Slots on PostgreSQL. Ten pooled connections share a slot with one another pairwise with a
#: probability of ~16% at 256 slots (and then only wait for each other, as before); the reader sums
#: at most 256 short rows.
SLOTS = 256

#: The ``table_versions`` row every write transaction raises.
WRITES = ""

_READ = select(
    select(func.sum(data_version.c.n)).scalar_subquery(),
    select(func.sum(table_versions.c.n)).where(table_versions.c.name == WRITES).scalar_subquery(),
)


def dialect_module(conn: Connection) -> Any:
    """The SQLAlchemy dialect package of ``conn`` (``sqlalchemy.dialects.sqlite`` or ``.postgresql``),
    imported when first needed: a command on a SQLite file never loads the PostgreSQL dialect."""
    return importlib.import_module(f"sqlalchemy.dialects.{conn.dialect.name}")


#: One statement per engine and slot that makes the slot's row or raises it, atomically on both engines
#: (two first writers at once cannot both insert it). Each is built on first use and kept: they are on
#: the path of every write.
_BUMP: dict[tuple[str, int], Any] = {}


def _bump_statement(conn: Connection, slot: int) -> Any:
    key = (conn.dialect.name, slot)
    statement = _BUMP.get(key)
    if statement is None:
        statement = dialect_module(conn).insert(data_version).values(id=slot, n=1).on_conflict_do_update(
            index_elements=[data_version.c.id], set_={"n": data_version.c.n + 1})
        _BUMP[key] = statement
    return statement


def slot(conn: Connection) -> int:
    """The counter this connection raises: 1 on SQLite, else its server process's slot (1..SLOTS)."""
    if conn.dialect.name != "postgresql":
        return 1
    pid = getattr(getattr(conn.connection.driver_connection, "info", None), "backend_pid", 0) or 0
    return int(pid) % SLOTS + 1


def bump(conn: Connection) -> None:
    """Raise the version inside the caller's write transaction."""
    conn.execute(_bump_statement(conn, slot(conn)))


def current(conn: Connection) -> int | None:
    """The committed version this transaction sees (``None``: nothing written yet, nothing to key on)."""
    kept, written = conn.execute(_READ).one()
    return None if kept is None and written is None else int(kept or 0) + int(written or 0)
