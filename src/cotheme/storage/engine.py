"""Engines for a project: an SQLite file (``*.cotheme``) or a PostgreSQL URL.

Owns how a user's PROJECT argument becomes a SQLAlchemy engine, and the per-connection settings that
make SQLite safe for this use (WAL, foreign keys on, a writer's bounded wait for another process's
lock: ``busy.py``). An encrypted
file (or a new one given a passphrase) gets an SQLCipher engine from ``cipher.py``, whose connections
run ``PRAGMA key`` before these settings. Must not know about tables or migrations.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DisconnectionError

from cotheme.errors import ProjectError
from cotheme.storage import busy, cipher, schema

#: How long a statement other than a writer's BEGIN waits for a lock (ms): readers of a WAL file meet
#: one only for moments (another connection recovering or removing the WAL). Writers: ``busy.py``.
BUSY_TIMEOUT_MS = 10_000


def is_url(target: str) -> bool:
    """True when ``target`` names a database server rather than a project file."""
    return target.startswith(("postgresql:", "postgresql+", "postgres:"))


def describe(target: str) -> str:
    """The project as a user should read it in messages: the path, or the URL without password."""
    if is_url(target):
        try:
            return make_url(target).render_as_string(hide_password=True)
        except ArgumentError:
            return "the database URL"
    return str(target)


def make_engine(target: str, passphrase: str | None = None) -> Engine:
    """An engine for a project file path or a ``postgresql://`` URL.

    An encrypted file is opened with ``passphrase`` (else ``COTHEME_PASSPHRASE``); a file that does not
    exist yet, or is still empty, is created encrypted when a ``passphrase`` is given.
    """
    if is_url(target):
        return _postgres_engine(target)
    path = Path(target)
    if cipher.is_encrypted(path):
        return _sqlite_engine(path, cipher.passphrase_for(path, passphrase))
    if passphrase is not None and (not path.exists() or path.stat().st_size == 0):  # new (created 0600, empty)
        return _sqlite_engine(path, cipher.check_passphrase(passphrase))
    return _sqlite_engine(path)


def _postgres_engine(url_text: str) -> Engine:
    try:
        url = make_url(url_text.replace("postgres://", "postgresql://", 1))
    except ArgumentError as exc:
        raise ProjectError(f"'{describe(url_text)}' is not a database URL: {exc}.") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    engine = create_engine(url, future=True, pool_size=PG_POOL, max_overflow=PG_POOL)
    schema.with_postgresql_options()
    event.listen(engine, "checkin", _note_idle_since)
    event.listen(engine, "checkout", _ping_when_idle)
    return engine


#: Connections a server process keeps open to PostgreSQL (and as many more at a peak). A team server's
#: open pages read the live feed at the same moments as coders write: with SQLAlchemy's default five
#: (plus ten), fifty pages' reads left writes queued for a connection.
PG_POOL = 20

#: A pooled PostgreSQL connection unused this long is pinged before use (s). Pinging every checkout
#: (``pool_pre_ping``) cost a round trip per transaction, ~0.4 ms of a ~5 ms coding, and a web request
#: runs three; a busy server's connections are never idle that long, while one left overnight (or
#: across a database restart) is found dead here and replaced, not handed to a request.
IDLE_PING_S = 5.0


def _note_idle_since(_dbapi_connection: Any, record: Any) -> None:
    record.info["cotheme_idle_since"] = time.monotonic()


def _ping_when_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    since = record.info.get("cotheme_idle_since")
    if since is None or time.monotonic() - since < IDLE_PING_S:
        return
    try:
        dbapi_connection.execute("SELECT 1")
        dbapi_connection.rollback()
    except Exception as exc:  # noqa: BLE001 - any failure: the pool replaces this connection
        raise DisconnectionError(f"a pooled connection no longer answers: {exc}") from exc


def _sqlite_engine(path: Path, passphrase: str | None = None) -> Engine:
    if passphrase is None:
        engine = create_engine(f"sqlite:///{path}", future=True)
    else:
        engine = create_engine(
            f"sqlite:///{path}", module=cipher.dbapi(), creator=cipher.connector(path, passphrase), future=True
        )
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy, not pysqlite, decide when transactions begin (see _sqlite_begin).
    dbapi_connection.isolation_level = None
    # SQLite's own lower() folds ASCII only, so 'Öffentlich' would not match itself case-insensitively
    # while PostgreSQL's folds all of Unicode; Python's str.lower makes the two engines agree.
    dbapi_connection.create_function("lower", 1, _lower, deterministic=True)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    # NORMAL in WAL mode is durable against application crashes; only an OS crash may lose the
    # last commits, never corrupt the file.
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _sqlite_begin(connection: Any) -> None:
    # A writer takes the lock up front (BEGIN IMMEDIATE), so two writers queue instead of one failing
    # with "database is locked" half-way through a transaction; readers do not block writers.
    if connection.get_execution_options().get("cotheme_readonly", False):
        connection.exec_driver_sql("BEGIN")
        return
    raw = connection.connection.driver_connection
    busy.begin_immediate(raw, Path(connection.engine.url.database or ""), BUSY_TIMEOUT_MS)
