"""Backups and restores of a whole project, on either engine.

A backup is always a cotheme project file (SQLite, encrypted when its source was or when asked): it
opens with cotheme as it is, and ``restore`` loads it into a project file or a PostgreSQL database.

- SQLite: SQLite's online backup API copies the pages in one step while the project stays in use
  (WAL: writers are not blocked); an encrypted project's backup carries the same key.
- PostgreSQL: one REPEATABLE READ, read-only transaction reads every table (a consistent snapshot),
  written into a fresh project file with the same schema.

Every file is written beside its destination, verified, then renamed into place. A restored project
holds no login sessions (``forget_sessions``): a token from before the restore, a stolen one or one of a
member removed since, must not open it. Must not know about business rules; table lists come from
``schema.metadata``.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Engine, Integer, Table, delete, insert, select, text

from cotheme.errors import Conflict, ProjectError
from cotheme.storage import cipher, migrate
from cotheme.storage.private import create_private
from cotheme.storage.schema import login_sessions, metadata
from cotheme.storage.store import Store

#: Rows per INSERT batch when copying tables (bounded memory, few round trips).
_BATCH = 500
#: Tables of large binary rows (a recording's 1 MiB chunks), copied a few rows at a time.
_BLOB_TABLES = frozenset({"recording_chunks"})
_BLOB_BATCH = 4
#: A backup copies rows as they are: no member's view restricts what is read (``visibility``), and the
#: copy is not a change to record in the audit trail (``tracking``): the copied trail is the record.
WHOLE = {"cotheme_internal": True, "cotheme_untracked": True}


def sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def backup_file(store: Store, out: Path) -> None:
    """Copy an open SQLite project to ``out`` with the online backup API (same key if encrypted)."""
    temp = sidecar(out, ".partial")
    remove(temp)
    create_private(temp)
    with store.engine.connect() as conn:
        source = conn.connection.driver_connection
        encrypted = type(source).__module__.startswith("sqlcipher3")
        if encrypted and not store.passphrase:
            raise ProjectError("The passphrase of this encrypted project is not known; open it with its passphrase.")
        dest = cipher.connect(temp, store.passphrase or "") if encrypted else sqlite3.connect(temp)
        try:
            source.backup(dest)  # pages=-1: the whole file in one step, one consistent snapshot
            verdict = dest.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dest.close()
    if verdict != "ok":
        remove(temp)
        raise ProjectError(f"The backup written to {out} did not verify ({verdict}); it was removed.")
    os.replace(temp, out)


def snapshot(store: Store, out: Path, passphrase: str | None = None) -> None:
    """Write a PostgreSQL project to the project file ``out`` (encrypted with ``passphrase``)."""
    temp = sidecar(out, ".partial")
    remove(temp)
    copy = Store.create(str(temp), passphrase)
    try:
        with store.engine.connect() as src:
            src = src.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
            with src.begin(), copy.write() as dst:
                copy_rows(src, dst)
    except Exception:
        copy.close()
        remove(temp)
        raise
    copy.close()
    os.replace(temp, out)


def place(temp: Path, target: Path) -> None:
    """Move the closed project file ``temp`` over ``target`` in one atomic rename."""
    if sidecar(target, "-wal").exists():
        raise Conflict(f"{target} is open in another program (such as 'cotheme serve'); close it first.")
    if sidecar(temp, "-wal").exists():
        raise ProjectError(f"{temp} is still in use; nothing was replaced.")
    remove(sidecar(target, "-shm"))
    os.replace(temp, target)


def restore_database(backup: Store, engine: Engine, *, force: bool, where: str) -> None:
    """Load the opened ``backup`` into a PostgreSQL database, in one transaction."""
    with engine.begin() as dst:
        if migrate.has_tables_on(dst):
            if not force:
                raise Conflict(f"{where} already holds a project; add --force to replace it with the backup.")
            for table in [*reversed(metadata.sorted_tables), "alembic_version"]:
                name = table if isinstance(table, str) else table.name
                dst.exec_driver_sql(f'DROP TABLE IF EXISTS "{name}" CASCADE')
        migrate.upgrade_on(dst)
        with backup.read() as src:
            copy_rows(src, dst)
        forget_sessions(dst)
        reset_sequences(dst)


def forget_sessions(conn: Connection) -> None:
    """End every login session of a restored project (its members log in again)."""
    conn.execute(delete(login_sessions).execution_options(**WHOLE))


def copy_rows(src: Connection, dst: Connection) -> dict[str, int]:
    """Copy every table's rows from ``src`` to the empty tables of ``dst``; the count per table.

    Rows stream a batch at a time (a recording's chunks are megabytes each, so the project's media is
    never in memory at once), except for the few rows of a self-referencing table, ordered first."""
    counts = {}
    for table in metadata.sorted_tables:
        size = _BLOB_BATCH if table.name in _BLOB_TABLES else _BATCH
        query = select(table).order_by(*table.primary_key.columns).execution_options(**WHOLE)
        counts[table.name] = 0
        for batch in _batches(src, table, query, size):
            dst.execute(insert(table).execution_options(**WHOLE), [_portable(row) for row in batch])
            counts[table.name] += len(batch)
    return counts


def _batches(src: Connection, table: Table, query: Any, size: int) -> Iterator[list[dict[str, Any]]]:
    if any(fk.column.table is table for fk in table.foreign_keys):
        rows = _parents_first(table, [dict(row._mapping) for row in src.execute(query)])
        for start in range(0, len(rows), size):
            yield rows[start : start + size]
        return
    result = src.execute(query.execution_options(stream_results=True, yield_per=size))
    for part in result.partitions(size):
        yield [dict(row._mapping) for row in part]


def reset_sequences(conn: Connection) -> None:
    """After rows were copied in with their ids, make PostgreSQL's id sequences continue after them."""
    for table in metadata.sorted_tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, Integer):
            continue
        name, column = table.name, keys[0].name
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence(:t, :c), COALESCE(MAX(\"{column}\"), 0) + 1, false) "
                f'FROM "{name}"'
            ),
            {"t": name, "c": column},
        )


def _parents_first(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of a self-referencing table (codes, themes) ordered so every parent comes before its child."""
    links = [fk for fk in table.foreign_keys if fk.column.table is table]
    if not links:
        return rows
    column, key = links[0].parent.name, links[0].column.name
    placed: set[Any] = set()
    ordered: list[dict[str, Any]] = []
    waiting = rows
    while waiting:
        ready = [r for r in waiting if r[column] is None or r[column] in placed]
        if not ready:  # a cycle cannot be stored; keep the rows so the database says what is wrong
            ready = waiting
        ordered.extend(ready)
        placed.update(r[key] for r in ready)
        ready_ids = {id(r) for r in ready}
        waiting = [r for r in waiting if id(r) not in ready_ids]
    return ordered


def _portable(row: dict[str, Any]) -> dict[str, Any]:
    """Timestamps as aware UTC: SQLite hands back naive UTC, PostgreSQL the session's time zone."""
    return {key: _utc(value) if isinstance(value, datetime) else value for key, value in row.items()}


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def table_dump(conn: Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows in primary-key order, timestamps as UTC (for comparing two projects). The
    data version and the table counters are left out: they count write transactions (a restore is one),
    they are not content."""
    return {
        table.name: [
            tuple(_utc(v) if isinstance(v, datetime) else v for v in row)
            for row in conn.execute(
                select(table).order_by(*table.primary_key.columns).execution_options(**WHOLE)
            )
        ]
        for table in metadata.sorted_tables
        if table.name not in ("data_version", "table_versions")
    }
