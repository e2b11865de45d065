"""Per-table change counters: which tables each committed write changed, and which tables a read read.

Owns the ``table_versions`` table and three connection hooks. While a transaction runs, every INSERT,
UPDATE or DELETE (and every ``COPY``, through ``pgcopy``) names its table; a DELETE also names the
tables whose rows a foreign key deletes or nulls along with it. As the transaction commits, after the
audit trail is written, one statement raises the counter of each table it named and (for a
``Store.write``) the data version's own row, so the new counts commit with the change or not at all,
whichever process wrote. ``reading()`` collects the tables the
statements in its block read (after the blind-document rewrite, so what decides visibility counts too).

A write in SQL text raises every table (which one it changed is not parsed); a write through the
driver itself (``exec_driver_sql``, a raw cursor) passes no hook and must name its table with
``touched``, as ``pgcopy`` does.

A part of a page computed inside ``reading()`` may be kept under the counters of the tables it read,
read *before* the part was computed (``current``): while none of them has risen, nothing the part
read has changed. A coding added raises ``codings`` (and ``audit_log``), not ``documents`` nor
``cases``: the home page then recomputes its coding counts, not its sample table. A read the hooks
cannot see into (textual SQL) makes the part one that cannot be kept (``uncacheable``).

Counters are kept in slots, as ``data_version`` keeps its own, so two PostgreSQL writers wait for each
other only when their server processes share a slot; each transaction raises its tables in name order,
so two of them never wait for each other's rows in opposite orders. Must not decide what is cached.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import Connection, Engine, Table, event, func, select
from sqlalchemy.sql import visitors
from sqlalchemy.sql.dml import Delete, UpdateBase
from sqlalchemy.sql.elements import TextClause

from cotheme.storage import data_version
from cotheme.storage.schema import metadata, table_versions

#: The tables this transaction changed (``Connection.info``).
_TOUCHED = "cotheme_touched_tables"
#: Set in a connection's ``info`` by a schema migration: it raises no counter (the counters' own table
#: may not exist yet, or any more, at that step; nothing is cached before a project is opened).
MIGRATING = "cotheme_migrating"
#: A read whose tables are not known (textual SQL): a part that made one cannot be kept.
UNKNOWN = "*"
#: Tables a read may not be kept under: their counters are not raised (they count the counters).
UNVERSIONED = frozenset({"table_versions", "data_version", UNKNOWN})

_READS: ContextVar[set[str] | None] = ContextVar("cotheme_tables_read", default=None)
_NAMES: weakref.WeakKeyDictionary[Any, frozenset[str]] = weakref.WeakKeyDictionary()


def _cascades() -> dict[str, frozenset[str]]:
    """For each table, the tables a DELETE of its rows may change through ON DELETE (transitively)."""
    direct: dict[str, set[str]] = {}
    for table in metadata.tables.values():
        for fk in table.foreign_keys:
            if (fk.ondelete or "").upper() in ("CASCADE", "SET NULL", "SET DEFAULT"):
                direct.setdefault(fk.column.table.name, set()).add(table.name)
    closure: dict[str, frozenset[str]] = {}
    for name in direct:
        seen: set[str] = set()
        todo = [name]
        while todo:
            for child in direct.get(todo.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        closure[name] = frozenset(seen)
    return closure


_CASCADES = _cascades()
_EVERY_TABLE = frozenset(metadata.tables)
#: A write in SQL text (which names its table in words the hook does not parse).
_TEXT_WRITE = re.compile(r"^\s*(insert|update|delete|replace)\b", re.I)


def install(engine: Engine) -> None:
    """Record what ``engine``'s transactions change and read; install after ``visibility``, whose
    rewrite adds the reads that decide what a restricted member sees."""
    if event.contains(engine, "before_execute", _before):
        return
    event.listen(engine, "before_execute", _before)
    event.listen(engine, "begin", _forget)
    event.listen(engine, "rollback", _forget)
    event.listen(engine, "commit", _raise)


def touched(conn: Connection, table: str) -> None:
    """Note that ``conn``'s transaction changed ``table`` (for writes the statement hook cannot see)."""
    conn.info.setdefault(_TOUCHED, set()).add(table)
    conn.info[_TOUCHED].update(_CASCADES.get(table, ()))


def _before(conn: Connection, clause: Any, multiparams: Sequence[Any], params: Mapping[str, Any],
            options: Mapping[str, Any]) -> None:
    if isinstance(clause, TextClause) and _TEXT_WRITE.match(clause.text):
        conn.info.setdefault(_TOUCHED, set()).update(_EVERY_TABLE)  # which table is not known: all of them
        return
    if isinstance(clause, UpdateBase):
        table = getattr(clause, "table", None)
        if isinstance(table, Table):
            names = conn.info.setdefault(_TOUCHED, set())
            names.add(table.name)
            if isinstance(clause, Delete):
                names.update(_CASCADES.get(table.name, ()))
        return
    reads = _READS.get()
    if reads is not None:
        reads.update(_read_names(clause))


def _read_names(clause: Any) -> frozenset[str]:
    try:
        return _NAMES[clause]
    except (KeyError, TypeError):
        pass
    if isinstance(clause, TextClause):
        return frozenset({UNKNOWN})
    found = frozenset(e.name for e in visitors.iterate(clause) if isinstance(e, Table))
    try:
        _NAMES[clause] = found
    except TypeError:
        pass
    return found


def _forget(conn: Connection, *_: Any) -> None:
    conn.info.pop(_TOUCHED, None)


def _raise(conn: Connection) -> None:
    names = conn.info.pop(_TOUCHED, None)
    if not names or conn.info.get(MIGRATING):
        return
    slot = data_version.slot(conn)
    dialect = data_version.dialect_module(conn)
    rows = [{"name": name, "slot": slot, "n": 1} for name in sorted(names - UNVERSIONED)]
    if not rows:
        return
    statement = dialect.insert(table_versions).values(rows)
    statement = statement.on_conflict_do_update(
        index_elements=[table_versions.c.name, table_versions.c.slot], set_={"n": table_versions.c.n + 1})
    conn.execute(statement.execution_options(cotheme_internal=True, cotheme_untracked=True))
    conn.info.pop(_TOUCHED, None)  # the statement above named its own table


_CURRENT = select(table_versions.c.name, func.sum(table_versions.c.n)).group_by(table_versions.c.name)


def current(conn: Connection) -> dict[str, int]:
    """Each table's committed counter as this transaction sees it (a table never changed: absent)."""
    return {name: int(n) for name, n in conn.execute(_CURRENT.execution_options(cotheme_internal=True))}


@contextmanager
def reading() -> Iterator[set[str]]:
    """The names of the tables the statements run in the block read (filled as they run)."""
    found: set[str] = set()
    token = _READS.set(found)
    try:
        yield found
    finally:
        _READS.reset(token)


def stamp(names: set[str] | frozenset[str], versions: Mapping[str, int]) -> tuple[tuple[str, int], ...] | None:
    """The counters of ``names`` in ``versions``, to keep a read under (``None``: it cannot be kept)."""
    if names & UNVERSIONED:
        return None
    return tuple(sorted((name, versions.get(name, 0)) for name in names))


def still(kept: tuple[tuple[str, int], ...], versions: Mapping[str, int]) -> bool:
    """Whether none of the tables of a kept read has changed since: ``versions`` is read now."""
    return all(versions.get(name, 0) == n for name, n in kept)
