"""Creating, recognising and upgrading a project's schema with Alembic.

Owns the only path by which tables come to exist: ``alembic upgrade head`` on the project's own
connection. Must not hold business rules.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

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
    """The schema revision the database is at, or ``None`` when it holds no cotheme schema."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def has_tables(engine: Engine) -> bool:
    """True when the database already holds any table."""
    with engine.connect() as connection:
        return bool(inspect(connection).get_table_names())


def upgrade(engine: Engine) -> None:
    """Bring the schema to ``head()`` in one transaction."""
    with engine.begin() as connection:
        command.upgrade(_config(connection), "head")
