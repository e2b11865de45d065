"""The data version on SQLite and PostgreSQL: every committed write raises it by exactly one, whichever
connection (and so whichever slot) wrote; a write not yet committed does not raise it for anyone else;
concurrent writers on PostgreSQL do not wait for each other on the counter; a project whose counter was
one row keeps counting up from it; and the home page's cache follows writes made by other connections."""

from __future__ import annotations

import threading
import time

from sqlalchemy import text

import cotheme
from cotheme.services.project import Project
from cotheme.storage import data_version
from cotheme.storage.store import Store
from tests.web.conftest import client_for


def _version(store: Store) -> int | None:
    with store.read() as conn:
        return data_version.current(conn)


def test_every_committed_write_raises_the_version_by_one(project: Project) -> None:
    store = project._store
    before = _version(store)
    assert before is not None  # creating the project wrote
    project.codes.create("Trust")
    assert _version(store) == before + 1
    with store.write():  # an empty transaction is still a write transaction
        pass
    assert _version(store) == before + 2


def test_a_write_is_counted_only_when_it_commits(project: Project) -> None:
    store = project._store
    before = _version(store)
    try:
        with store.write() as conn:
            data_version.bump(conn)  # raised inside a transaction that then fails
            raise RuntimeError("the change fails")
    except RuntimeError:
        pass
    assert _version(store) == before  # rolled back with the change


def test_writers_on_other_connections_each_raise_the_sum(target: str) -> None:
    with cotheme.create_project(target, title="Slots", lead="Lead") as first, \
            cotheme.open_project(target) as second:
        before = _version(first._store)
        with first._store.write() as a:
            slot_a = data_version.slot(a)
        with second._store.write() as b:
            slot_b = data_version.slot(b)
        assert _version(first._store) == before + 2
        assert _version(second._store) == before + 2
        if target.startswith("postgresql"):
            with first._store.read() as conn:
                rows = dict(conn.execute(text("SELECT slot, n FROM table_versions WHERE name = ''")).all())
            assert set(rows) <= set(range(1, data_version.SLOTS + 1))
            assert slot_a in rows and slot_b in rows
        else:
            assert slot_a == slot_b == 1


def test_concurrent_writers_do_not_queue_on_the_counter(target: str) -> None:
    """Two PostgreSQL writers whose connections have different slots both bump and commit while the
    other's transaction is still open (with one shared row the second waited for the first's commit).
    SQLite has one writer at a time anyway; there the two commit one after the other."""
    if not target.startswith("postgresql"):
        with cotheme.create_project(target, title="Slots", lead="Lead") as project:
            before = _version(project._store)
            for _ in range(2):
                with project._store.write() as conn:
                    data_version.bump(conn)
            assert _version(project._store) == before + 4  # twice: the store's own bump and ours
            return
    with cotheme.create_project(target, title="Slots", lead="Lead") as project:
        engine = project._store.engine
        first = engine.connect()
        second = engine.connect()
        while data_version.slot(second) == data_version.slot(first):  # a pool connection in another slot
            second.close()
            second = engine.connect()
        before = _version(project._store)
        outer = first.begin()
        data_version.bump(first)  # holds its slot's row until it commits
        done = threading.Event()

        def other() -> None:
            with second.begin():
                data_version.bump(second)
            done.set()

        worker = threading.Thread(target=other)
        worker.start()
        assert done.wait(5), "the second writer waited for the first one's counter"
        assert _version(project._store) == before + 1  # the first one has not committed yet
        outer.commit()
        worker.join()
        assert _version(project._store) == before + 2
        first.close()
        second.close()


def test_a_single_row_counter_keeps_rising(project: Project) -> None:
    store = project._store
    with store.write() as conn:
        conn.execute(text("DELETE FROM data_version"))
        conn.execute(text("INSERT INTO data_version (id, n) VALUES (1, 1000)"))
    # That write's own bump landed on its slot too; from here on every write goes on up.
    start = _version(store)
    assert start is not None and start > 1000
    project.codes.create("Trust")
    assert _version(store) == start + 1


def test_home_cache_follows_writes_from_other_connections(project: Project) -> None:
    client = client_for(project)
    assert "0 codes, 0 codings" in client.get("/").text
    started = time.monotonic()
    for n in range(1, 4):  # each write on a new engine (other connections, other slots on PostgreSQL)
        with cotheme.open_project(project.location) as other:
            other.codes.create(f"Code {n}")
        assert f"{n} code" in client.get("/").text, n
    assert time.monotonic() - started < 60
