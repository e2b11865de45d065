"""Where a bench's project lives: a file in a scratch folder on SQLite, or a throw-away schema on
PostgreSQL that is dropped when the bench ends. Shared by the benches that take an engine choice."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def pg_schema(url: str, name: str = "bench") -> Iterator[str]:
    """A URL whose search_path is a fresh schema of ``url``; the schema is dropped on the way out."""
    import psycopg

    schema = f"cotheme_{name}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        sep = "&" if "?" in url else "?"
        yield f"{url}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@contextmanager
def project_target(engine: str, folder: Path, pg_url: str, name: str) -> Iterator[str]:
    """A new project's target for ``engine``: ``folder/NAME.cotheme``, or a fresh schema of ``pg_url``."""
    if engine == "sqlite":
        yield str(folder / f"{name}.cotheme")
        return
    with pg_schema(pg_url, name) as url:
        yield url
