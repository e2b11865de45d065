"""Shared fixtures: a fresh project per test on SQLite (a temp file) and on PostgreSQL (its own schema).

PostgreSQL is real: ``COTHEME_TEST_PG_URL`` (default ``postgresql://root@127.0.0.1:5432/test``). When
no server answers, the PostgreSQL half of the suite fails loudly; it is never skipped.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

import cotheme
from cotheme.services.project import Project

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
PG_URL = os.environ.get("COTHEME_TEST_PG_URL", "postgresql://root@127.0.0.1:5432/test")
BACKENDS = ["sqlite", "postgresql"]


class PgSchemas:
    """Creates throw-away schemas in the test database and drops them afterwards."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.created: list[str] = []

    def new_url(self) -> str:
        name = f"cotheme_t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{name}"')
        self.created.append(name)
        sep = "&" if "?" in self.url else "?"
        return f"{self.url}{sep}options=-csearch_path%3D{name}"

    def drop_all(self) -> None:
        with psycopg.connect(self.url, autocommit=True) as conn:
            for name in self.created:
                conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        self.created.clear()


@pytest.fixture(scope="session")
def pg_schemas() -> Iterator[PgSchemas]:
    schemas = PgSchemas(PG_URL)
    yield schemas
    schemas.drop_all()


@pytest.fixture(params=BACKENDS)
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a new project goes: a file path on SQLite, a fresh schema's URL on PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "study.cotheme")
    schemas: PgSchemas = request.getfixturevalue("pg_schemas")
    return schemas.new_url()


@pytest.fixture
def project(target: str) -> Iterator[Project]:
    """A fresh, empty project with one lead member called 'Lead'."""
    with cotheme.create_project(target, title="Test study", lead="Lead") as opened:
        yield opened


INTERVIEW = (
    "Interviewer: Thank you for joining. How did you first hear about the service?\n\n"
    "P01: My GP mentioned it, but the waiting list was long. I waited four months.\n\n"
    "Interviewer: What was that like?\n\n"
    "P01: Honestly it was hard. When I finally got in, she actually listened to me, "
    "which felt new. Café visits with the peer group helped 🙂 a lot.\n"
)


@pytest.fixture
def interview_file(tmp_path: Path) -> Path:
    path = tmp_path / "P01.txt"
    path.write_text(INTERVIEW, encoding="utf-8")
    return path
