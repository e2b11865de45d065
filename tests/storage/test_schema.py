"""The schema comes from migrations only, matches the model, and SQLite is set up safely."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

import cotheme
from cotheme.errors import Conflict, ProjectError
from cotheme.storage import migrate
from cotheme.storage.schema import metadata
from cotheme.storage.store import Store


def test_migrated_schema_matches_model(target: str) -> None:
    store = Store.create(target)
    try:
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
        # The search engine's own objects (FTS5 tables, the tsvector column) are not in the model.
        diff = [d for d in diff if "search_fts" not in str(d) and "tsv" not in str(d)]
        assert diff == []
        assert migrate.current(store.engine) == migrate.head()
    finally:
        store.close()


def test_sqlite_file_is_wal_with_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "s.cotheme"
    cotheme.create_project(path).close()
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()
    store = Store.open(str(path))
    with store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.close()


def test_create_refuses_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "s.cotheme"
    cotheme.create_project(path).close()
    with pytest.raises(Conflict, match="already exists"):
        cotheme.create_project(path)


def test_create_refuses_database_with_tables(target: str) -> None:
    cotheme.create_project(target).close()
    if not target.startswith("postgresql"):
        return  # the file case is covered above
    with pytest.raises(Conflict, match="already holds tables"):
        cotheme.create_project(target)


def test_open_refuses_missing_garbage_and_foreign_files(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="cotheme init"):
        cotheme.open_project(tmp_path / "none.cotheme")
    garbage = tmp_path / "garbage.cotheme"
    garbage.write_bytes(b"\x00\x01 not a database at all" * 100)
    with pytest.raises(ProjectError, match="not a cotheme project"):
        cotheme.open_project(garbage)
    other = tmp_path / "other.cotheme"
    raw = sqlite3.connect(other)
    raw.execute("CREATE TABLE x (y)")
    raw.commit()
    raw.close()
    with pytest.raises(ProjectError, match="not a cotheme project"):
        cotheme.open_project(other)


def test_code_names_unique_among_siblings_in_the_database(project: cotheme.Project) -> None:
    from sqlalchemy import insert
    from sqlalchemy.exc import IntegrityError

    from cotheme.storage.schema import codes
    from cotheme.storage.store import now

    store = project._store  # noqa: SLF001 - checking the constraint itself, below the service
    with store.write() as conn:
        conn.execute(insert(codes).values(name="Trust", created_at=now()))
    with pytest.raises(IntegrityError), store.write() as conn:
        conn.execute(insert(codes).values(name="Trust", created_at=now()))
