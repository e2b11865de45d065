"""The handle on one project's database: engine, dialect and transaction scopes.

Services own the transaction boundary by calling ``write()`` (one atomic unit that commits or rolls
back whole) or ``read()``; repositories receive the connection. Must not hold business rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DatabaseError, OperationalError

from cotheme.errors import Conflict, ProjectError
from cotheme.storage import migrate
from cotheme.storage.engine import describe, is_url, make_engine


def now() -> datetime:
    """The current time in UTC, as every stored timestamp is."""
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """A stored timestamp as an aware UTC datetime (SQLite hands them back naive)."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


class Store:
    """An open project database."""

    def __init__(self, target: str, engine: Engine) -> None:
        self.target = target
        self.engine = engine
        self.dialect = engine.dialect.name

    @classmethod
    def create(cls, target: str) -> Store:
        """Create the schema for a new project; refuse a file or database that already holds one."""
        if not is_url(target):
            path = Path(target)
            if path.exists():
                raise Conflict(f"{path} already exists; open it, or choose a new file name.")
            if not path.parent.exists():
                raise ProjectError(f"The folder {path.parent} does not exist; create it first.")
        engine = make_engine(target)
        try:
            if migrate.has_tables(engine):
                raise Conflict(
                    f"{describe(target)} already holds tables; use an empty database for a new project."
                )
            migrate.upgrade(engine)
        except OperationalError as exc:
            engine.dispose()
            raise ProjectError(f"Cannot create a project at {describe(target)}: {exc.orig}.") from None
        except Exception:
            engine.dispose()
            raise
        return cls(target, engine)

    @classmethod
    def open(cls, target: str) -> Store:
        """Open an existing project, upgrading its schema when it is older than this cotheme."""
        if not is_url(target) and not Path(target).is_file():
            raise ProjectError(
                f"There is no project at {target}; create one with 'cotheme init {target}'."
            )
        engine = make_engine(target)
        try:
            revision = migrate.current(engine)
        except (DatabaseError, OperationalError):
            engine.dispose()
            raise ProjectError(
                f"{describe(target)} is not a cotheme project (it cannot be read as one)."
            ) from None
        if revision is None:
            engine.dispose()
            raise ProjectError(
                f"{describe(target)} is not a cotheme project; create one with 'cotheme init'."
            )
        if revision != migrate.head():
            migrate.upgrade(engine)
        return cls(target, engine)

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction that changes data: it commits whole or leaves the project as it was."""
        with self.engine.begin() as connection:
            yield connection

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only transaction (on SQLite it does not take the write lock)."""
        with self.engine.connect() as connection:
            connection = connection.execution_options(cotheme_readonly=True)
            with connection.begin():
                yield connection

    def close(self) -> None:
        self.engine.dispose()

