"""Creating, recognising and upgrading a project's schema with Alembic.

Owns the only path by which tables come to exist: ``alembic upgrade head`` on the project's own
connection. Must not hold business rules.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from cotheme.errors import ProjectError

MIGRATIONS = Path(__file__).with_name("migrations")


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head() -> str:
    """The newest schema revision this version of cotheme knows."""
    heads = ScriptDirectory.from_config(_config()).get_heads()
    return heads[0]


def current(engine: Engine) -> str | None:
    """The schema revision the database is at, or ``None`` when it holds no cotheme schema.

    Read-only: opening a project must not wait for another process's write lock (it did, for up to
    the busy timeout, and then reported the busy file as not a project)."""
    with engine.connect() as connection:
        connection.execution_options(cotheme_readonly=True)
        return MigrationContext.configure(connection).get_current_revision()


def has_tables(engine: Engine) -> bool:
    """True when the database already holds any table."""
    with engine.connect() as connection:
        connection.execution_options(cotheme_readonly=True)
        return has_tables_on(connection)


def has_tables_on(connection: Connection) -> bool:
    """``has_tables`` inside the caller's transaction (restoring a backup into PostgreSQL)."""
    return bool(inspect(connection).get_table_names())


def upgrade_on(connection: Connection, revision: str = "head") -> None:
    """Create or upgrade the schema inside the caller's PostgreSQL transaction (DDL is transactional
    there, so a restore that fails half-way leaves nothing behind)."""
    command.upgrade(_config(connection), revision)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (default ``head()``) in one transaction.

    On SQLite a migration may rebuild a table (batch mode: copy, drop, rename). Dropping a parent
    table with foreign keys on would cascade into its children, so the keys are off for the
    migration, as SQLite's own ALTER TABLE procedure prescribes, and checked before the commit.
    """
    _migrate(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back to ``revision``, under the same rules as ``upgrade`` (tests use it to
    rebuild a project as an earlier version left it)."""
    _migrate(engine, command.downgrade, revision)


def _migrate(engine: Engine, step: Callable[[Config, str], None], revision: str) -> None:
    if engine.dialect.name != "sqlite":
        with engine.begin() as connection:
            step(_config(connection), revision)
        return
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        # The pragma is a no-op inside a transaction; pysqlite runs in autocommit here (engine.py).
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                step(_config(connection), revision)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise ProjectError(
                        f"Changing the project's schema would break {len(broken)} references "
                        f"(first in table {broken[0][0]}); nothing was changed."
                    )
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
