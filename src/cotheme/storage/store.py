"""The handle on one project's database: engine, dialect and transaction scopes.

Services own the transaction boundary by calling ``write()`` (one atomic unit that commits or rolls
back whole) or ``read()``; repositories receive the connection. Must not hold business rules.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DatabaseError, DataError, OperationalError

from cotheme.errors import Conflict, InvalidArgument, ProjectBusy, ProjectError
from cotheme.storage import data_version
from cotheme.storage import busy, migrate, nul_guard, table_versions, tracking
from cotheme.storage.checkpoint import IdleCheckpoint, checkpoint
from cotheme.storage.cipher import PASSPHRASE_ENV
from cotheme.storage.engine import BUSY_TIMEOUT_MS, describe, is_url, make_engine
from cotheme.storage.private import create_private



def now() -> datetime:
    """The current time in UTC, as every stored timestamp is."""
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """A stored timestamp as an aware UTC datetime (SQLite hands them back naive)."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


class Store:
    """An open project database."""

    def __init__(self, target: str, engine: Engine, passphrase: str | None = None) -> None:
        self.target = target
        self.engine = engine
        tracking.install(engine)  # the audit trail, codebook history and blind documents
        nul_guard.install(engine)
        table_versions.install(engine)  # after tracking: sees the blind-document rewrite and the trail
        self.dialect = engine.dialect.name
        # Writers of one process queue here, in turn, rather than in SQLite's busy handler, which polls
        # with back-off and let one of ten concurrent coders wait past BUSY_TIMEOUT_MS
        # (bench/team_bench.py); other processes meet busy.begin_immediate. PostgreSQL locks rows.
        self._writers = busy.TurnLock() if self.dialect == "sqlite" else None
        # A project file holds every committed change a moment after the last one (checkpoint.py).
        self._idle = (
            IdleCheckpoint(engine, self._writers_if_free, BUSY_TIMEOUT_MS) if self.dialect == "sqlite" else None
        )
        #: The key of an encrypted project file, held in memory only (backups are keyed with it).
        self.passphrase = passphrase

    @classmethod
    def create(cls, target: str, passphrase: str | None = None) -> Store:
        """Create the schema for a new project; refuse a file or database that already holds one.

        A new project file is encrypted with ``passphrase`` when one is given (SQLCipher)."""
        if is_url(target) and passphrase is not None:
            raise ProjectError(
                "cotheme does not encrypt a PostgreSQL database itself; encrypt the server's disk and "
                "connect with sslmode=require (see docs/security.md)."
            )
        if not is_url(target):
            path = Path(target)
            if path.exists():
                raise Conflict(f"{path} already exists; open it, or choose a new file name.")
            if not path.parent.exists():
                raise ProjectError(f"The folder {path.parent} does not exist; create it first.")
            create_private(path)  # 0600 from the start; SQLite fills the empty file
        engine = make_engine(target, passphrase)
        try:
            if migrate.has_tables(engine):
                raise Conflict(
                    f"{describe(target)} already holds tables; use an empty database for a new project."
                )
            migrate.upgrade(engine)
        except OperationalError as exc:
            engine.dispose()
            if busy.is_busy(exc.orig):
                raise ProjectBusy(busy.sentence(describe(target), busy.wait_seconds())) from None
            raise ProjectError(f"Cannot create a project at {describe(target)}: {exc.orig}.") from None
        except Exception:
            engine.dispose()
            raise
        return cls(target, engine, passphrase)

    @classmethod
    def open(cls, target: str, passphrase: str | None = None) -> Store:
        """Open an existing project, upgrading its schema when it is older than this cotheme.

        An encrypted file needs ``passphrase`` (else ``COTHEME_PASSPHRASE``)."""
        if not is_url(target) and not Path(target).is_file():
            raise ProjectError(
                f"There is no project at {target}; create one with 'cotheme init {target}'."
            )
        engine = make_engine(target, passphrase)
        try:
            revision = migrate.current(engine)
        except OperationalError as exc:
            engine.dispose()
            if busy.is_busy(exc.orig):  # locked is not unreadable: never send anyone to a restore
                raise ProjectBusy(busy.sentence(describe(target), engine_wait_s())) from None
            if is_url(target):  # the server did not answer or refused us (sslmode, password, ...)
                reason = str(exc.orig).strip().splitlines()[0] if exc.orig else "no answer"
                raise ProjectError(f"Cannot connect to {describe(target)}: {reason}.") from None
            raise ProjectError(_unreadable(target, exc)) from None
        except DatabaseError as exc:
            engine.dispose()
            raise ProjectError(_unreadable(target, exc)) from None
        if revision is None:
            engine.dispose()
            raise ProjectError(
                f"{describe(target)} is not a cotheme project; create one with 'cotheme init'."
            )
        if revision != migrate.head():
            with _plain_errors(target):
                migrate.upgrade(engine)
        return cls(target, engine, _key_of(engine, passphrase))

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction that changes data: it commits whole or leaves the project as it was.

        Waits for the writers of this process and then (SQLite) of other processes, each for at most
        ``busy.wait_seconds()``; past that it raises ``ProjectBusy`` with nothing changed."""
        if self._writers is not None and not self._writers.acquire(timeout=busy.wait_seconds()):
            raise ProjectBusy(
                f"{describe(self.target)} is busy with another change in this program (such as an import), "
                f"and cotheme waited {busy.wait_seconds():.0f} s for it. Try again in a moment; nothing was "
                "changed, and the project is not damaged."
            )
        try:
            with _plain_errors(self.target), self.engine.begin() as connection:
                yield connection
                # Raised as it commits, with the tables it changed (one statement, table_versions.py),
                # so its row lock is held only while committing.
                table_versions.touched(connection, data_version.WRITES)
        finally:
            if self._writers is not None:
                self._writers.release()
        if self._idle is not None:
            self._idle.wrote()

    @contextmanager
    def _writers_if_free(self) -> Iterator[bool]:
        """This process's writer lock if no write holds it now (yields whether it was taken)."""
        taken = self._writers is not None and self._writers.acquire(blocking=False)
        try:
            yield taken
        finally:
            if taken and self._writers is not None:
                self._writers.release()

    @contextmanager
    def serving(self, port: int) -> Iterator[None]:
        """While a server in this process serves the project on ``port``: a note beside the project
        file names it to other processes that find the project busy (``busy.serving``)."""
        if is_url(self.target):
            yield
            return
        with busy.serving(Path(self.target), port):
            yield

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only transaction (on SQLite it does not take the write lock)."""
        with _plain_errors(self.target), self.engine.connect() as connection:
            connection = connection.execution_options(cotheme_readonly=True)
            with connection.begin():
                yield connection

    @contextmanager
    def glance(self) -> Iterator[Connection]:
        """A read of one statement (a session's member on every request of a team server). PostgreSQL
        runs it outside a transaction (autocommit): one statement sees one snapshot anyway, and the
        BEGIN and COMMIT around it were two round trips of three. SQLite: as ``read()``."""
        if self.dialect != "postgresql":
            with self.read() as connection:
                yield connection
            return
        with _plain_errors(self.target), self.engine.connect() as connection:
            yield connection.execution_options(isolation_level="AUTOCOMMIT", cotheme_readonly=True)

    def close(self) -> None:
        """Close the project; a project file is left whole (its write-ahead log folded in), so the
        ``.cotheme`` file alone holds everything even while another process keeps the log open."""
        if self._idle is not None and self._idle.close():
            with self._writers_if_free() as free:
                if free:
                    try:
                        checkpoint(self.engine, BUSY_TIMEOUT_MS)
                    except Exception:  # noqa: BLE001 - sqlite3's or sqlcipher3's own error classes
                        pass  # an unreadable or vanished file: closing must still release it
        self.engine.dispose()


def engine_wait_s() -> float:
    """How long a statement waits for a lock before SQLite reports it busy (s)."""
    return BUSY_TIMEOUT_MS / 1000


@contextmanager
def _plain_errors(target: str) -> Iterator[None]:
    """Database errors that are not bugs, as sentences. An id or offset beyond 64 bits (an API caller
    can send any integer) is the caller's mistake, not a server error: SQLite raises OverflowError
    binding it, PostgreSQL 'out of range'. A lock another process kept past the busy
    timeout is a busy project, not a broken one."""
    try:
        yield
    except OperationalError as exc:
        if not busy.is_busy(exc.orig):
            raise
        raise ProjectBusy(busy.sentence(describe(target), engine_wait_s())) from None
    except OverflowError:
        raise InvalidArgument(_OUT_OF_RANGE) from None
    except DataError as exc:
        if "out of range" not in str(exc.orig):
            raise
        raise InvalidArgument(_OUT_OF_RANGE) from None


_OUT_OF_RANGE = "A number in the request is out of range (ids and offsets are below 2^31); check it."


def _key_of(engine: Engine, given: str | None) -> str | None:
    """The passphrase an opened SQLite engine uses (given, or from the environment), else ``None``."""
    if engine.dialect.name != "sqlite" or engine.dialect.loaded_dbapi.__name__.split(".")[0] != "sqlcipher3":
        return None
    return given if given is not None else os.environ.get(PASSPHRASE_ENV)


def _unreadable(target: str, exc: DatabaseError) -> str:
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig else "unknown"
    return (
        f"{describe(target)} is not a cotheme project (it cannot be read as one: {reason}); if it was one, "
        "restore it from a backup with 'cotheme restore'."
    )
