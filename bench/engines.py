"""Where a bench's project lives: a file in a scratch folder on SQLite, or a throw-away schema on
PostgreSQL that is dropped when the bench ends. Shared by the benches that take ``--engine sqlite|pg``."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg


@contextmanager
def project_target(engine: str, folder: Path, pg_url: str, name: str) -> Iterator[str]:
    """A new project's target for ``engine``: ``folder/NAME.cotheme``, or a fresh schema of ``pg_url``."""
    if engine == "sqlite":
        yield str(folder / f"{name}.cotheme")
        return
    schema = f"cotheme_{name}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        sep = "&" if "?" in pg_url else "?"
        yield f"{pg_url}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
