"""Creating, recognising and upgrading a project's schema with Alembic.

Owns the only path by which tables come to exist: ``alembic upgrade head`` on the project's own
connection. Must not hold business rules.

Alembic is imported only to upgrade: opening a project that is up to date reads the revision with
one query and finds the newest revision from the migration files' own lines, because importing
Alembic and parsing every migration cost each command ~0.1-0.2 s.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from cotheme.errors import ProjectError
from cotheme.storage import table_versions

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
_ASSIGNED = r"^{name}(?:\s*:[^=\n]*)?\s*=\s*(?:[\"']([^\"'\n]+)[\"']|None)\s*$"
_REVISION = re.compile(_ASSIGNED.format(name="revision"), re.MULTILINE)
_DOWN = re.compile(_ASSIGNED.format(name="down_revision"), re.MULTILINE)


def _config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def head() -> str:
    """The newest schema revision this version of cotheme knows: the one no migration follows."""
    revisions: set[str] = set()
    followed: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision is None or down is None or revision[1] is None:
            return _alembic_head()  # written in a form these lines do not read: ask Alembic
        revisions.add(revision[1])
        if down[1] is not None:
            followed.add(down[1])
    heads = revisions - followed
    return heads.pop() if len(heads) == 1 else _alembic_head()


def _alembic_head() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(_config()).get_heads()
    return str(heads[0])


def current(engine: Engine) -> str | None:
    """The schema revision the database is at, or ``None`` when it holds no cotheme schema.

    Read-only: opening a project must not wait for another process's write lock (it did, for up to
    the busy timeout, and then reported the busy file as not a project)."""
    with engine.connect() as connection:
        connection.execution_options(cotheme_readonly=True)
        if not inspect(connection).has_table("alembic_version"):
            return None
        found = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        return str(found[0]) if len(found) == 1 else None


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
    from alembic import command

    command.upgrade(_config(connection), revision)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (default ``head()``) in one transaction.

    On SQLite a migration may rebuild a table (batch mode: copy, drop, rename). Dropping a parent
    table with foreign keys on would cascade into its children, so the keys are off for the
    migration, as SQLite's own ALTER TABLE procedure prescribes, and checked before the commit.
    """
    from alembic import command

    _migrate(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back to ``revision``, under the same rules as ``upgrade`` (tests use it to
    rebuild a project as an earlier version left it)."""
    from alembic import command

    _migrate(engine, command.downgrade, revision)


def _migrate(engine: Engine, step: Callable[[Config, str], None], revision: str) -> None:
    if engine.dialect.name != "sqlite":
        with engine.connect() as connection:
            connection.info[table_versions.MIGRATING] = True  # kept by the pooled connection: taken off below
            try:
                with connection.begin():
                    step(_config(connection), revision)
            finally:
                connection.info.pop(table_versions.MIGRATING, None)
        return
    with engine.connect() as connection:
        connection.info[table_versions.MIGRATING] = True  # kept by the pooled connection: taken off below
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
            connection.info.pop(table_versions.MIGRATING, None)
