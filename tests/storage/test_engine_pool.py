"""PostgreSQL's pooled connections: one left idle is checked before use, and one the server dropped
meanwhile (a restart, an administrator, a network timeout) is replaced instead of failing a request."""

from __future__ import annotations

import psycopg
import pytest

import cotheme
from cotheme.storage import engine as engine_module
from tests.conftest import PG_URL, PgSchemas


def _backend_pids(project: cotheme.Project) -> set[int]:
    pool = project._store.engine.pool
    return {record.dbapi_connection.info.backend_pid for record in list(pool._pool.queue)}  # type: ignore[attr-defined]


def test_a_dropped_idle_connection_is_replaced(pg_schemas: PgSchemas, monkeypatch: pytest.MonkeyPatch) -> None:
    with cotheme.create_project(pg_schemas.new_url(), title="Pool", lead="Lead") as project:
        project.codes.create("Trust")
        pids = _backend_pids(project)
        assert pids
        with psycopg.connect(PG_URL, autocommit=True) as admin:
            for pid in pids:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        monkeypatch.setattr(engine_module, "IDLE_PING_S", 0.0)  # as if it had been idle for a while
        assert [c.code.name for c in project.codes.list()] == ["Trust"]
        assert not _backend_pids(project) & pids
