"""Bulk loading of untracked child rows (turns, search units): many rows, one round trip.

Owns how many rows reach the database fast on each engine. On PostgreSQL rows go through ``COPY ...
FROM STDIN`` on the transaction's own connection (about three times the speed of a pipelined
``executemany`` for 17,000 turns and search units per 100 interviews, whose cost was the server
answering one statement per row). On SQLite ``executemany`` of one prepared INSERT is already as fast
as it gets and stays in the caller's transaction.

``COPY`` goes under SQLAlchemy's statement events, so for a table the audit trail follows
(``tracking.TRACKED``) the caller must say ``audited=True``: the rows are then recorded here, each as
the insert it is (the same record an ``executemany`` of them would have left).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain, islice
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Table, insert

from cotheme.storage import tracking
from cotheme.storage.pgcopy import copy_rows
from cotheme.storage.tracking import TRACKED


#: Rows per ``executemany`` on SQLite: large enough that the per-statement cost is nothing beside
#: the rows (one statement is a fraction of a millisecond), small enough to bound the dicts held.
_ROWS_PER_EXECUTE = 2_000


def load_rows(conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[object]],
              *, audited: bool = False) -> None:
    """Insert ``rows`` (tuples in the order of ``columns``) into ``table`` in the open transaction.
    Column defaults are not applied on PostgreSQL: give every column that needs a value."""
    if not rows:
        return
    tracked = table.name in TRACKED
    if tracked and not audited:
        raise ValueError(f"{table.name} is audited; say audited=True, or insert it through SQLAlchemy")
    if conn.dialect.name == "postgresql":
        copy_rows(conn, table.name, columns, rows)
        if tracked:
            tracking.record(conn, table, [(None, dict(zip(columns, row, strict=True))) for row in rows])
        return
    # A batch at a time: SQLAlchemy holds two dicts per row while it runs, which for one 4 MB
    # transcript's 30,000 turns was 1.4 times the file's size in memory, over the text itself.
    for first in range(0, len(rows), _ROWS_PER_EXECUTE):
        batch = rows[first : first + _ROWS_PER_EXECUTE]
        conn.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in batch])  # audited by the hooks


def stream_rows(conn: Connection, table: Table, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """``load_rows`` of rows read one at a time: on PostgreSQL one ``COPY`` that sends them as they come
    (the driver flushes every few tens of kilobytes), so only a row exists at a time; on SQLite a batch
    of ``executemany`` at a time. Only for tables the audit trail does not follow."""
    if table.name in TRACKED:
        raise ValueError(f"{table.name} is audited; use load_rows(audited=True)")
    if conn.dialect.name == "postgresql":
        copy_rows(conn, table.name, columns, rows)
        return
    for batch in batches(rows, _ROWS_PER_EXECUTE):
        load_rows(conn, table, columns, batch)


def batches(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """``rows`` as lists of up to ``size``, read lazily (``itertools.batched`` before Python 3.12)."""
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


Loader = Callable[[Connection, list[Any]], None]
StreamLoader = Callable[[Connection, Iterator[Any]], None]


class Deferred:
    """Child rows held back until the end of a multi-file write, then loaded in one go per table.

    Importing 100 transcripts loaded each one's turns and search units as it went: 200 ``COPY``
    statements, each a round trip in which the server finished the previous file's search index before
    the next file could start. Held here and loaded at the end, they are two. Only for rows nothing
    reads before ``flush`` (an import does not read its own turns back); loaders run in the order first
    added.
    """

    def __init__(self) -> None:
        self._pending: dict[Loader, list[Any]] = {}
        self._streams: dict[StreamLoader, list[Iterable[Any]]] = {}
        self._order: list[Loader | StreamLoader] = []

    def add(self, loader: Loader, rows: Sequence[Any]) -> None:
        if loader not in self._pending:
            self._order.append(loader)
        self._pending.setdefault(loader, []).extend(rows)

    def add_stream(self, loader: StreamLoader, rows: Iterable[Any]) -> None:
        """Rows made only when flushed (``loader`` consumes them a batch at a time): a large document's
        search units made at once held its whole text again, as one string per turn."""
        if loader not in self._streams:
            self._order.append(loader)
        self._streams.setdefault(loader, []).append(rows)

    def flush(self, conn: Connection) -> None:
        pending, streams, order = self._pending, self._streams, self._order
        self._pending, self._streams, self._order = {}, {}, []
        for loader in order:
            if loader in pending:
                if pending[loader]:
                    loader(conn, pending[loader])
            else:
                loader(conn, chain.from_iterable(streams[loader]))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector held off while many rows and objects that cannot form cycles are made.

    Each few hundred allocations set off a pass, and every so often a full pass over the whole process:
    measured, half of the reads of 10,000 extracts took 2-3 times as long (30 ms became 80-110 ms), and
    the passes were a fifth of a 100,000-coding REFI-QDA import. The previous state is restored.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
