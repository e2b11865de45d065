"""A project file another process keeps locked is busy, not broken: reading it still works, a change
waits a bounded time and then gets one sentence saying the project is busy and who holds it (CLI: exit
75; API: 503 with Retry-After; Python: ``ProjectBusy``), never advice to restore a backup.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import cotheme
from tests.cli_runner import cli
from tests.conftest import INTERVIEW
from tests.safety.test_serve_stop import Served

#: Another process holding the write lock of a project file, as a long import or a stuck script would.
HOLDER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
connection.execute("UPDATE members SET name = name")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("COMMIT")
"""
#: Longer than SQLite's busy timeout (10 s), after which a writer used to fail with a raw error.
LONG_HOLD_S = 11.0


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.cotheme"
    source = tmp_path / "P01.txt"
    source.write_text(INTERVIEW, encoding="utf-8")
    with cotheme.create_project(path, title="Busy", lead="Lead") as project:
        project.import_files([source])
        project.create_code("Waiting")
    return path


@contextmanager
def held(path: Path, seconds: float = 120) -> Iterator[None]:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), str(seconds)], stdout=subprocess.PIPE,
                              text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    try:
        yield
    finally:
        holder.kill()
        holder.wait()


@pytest.fixture
def locked(study: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``study`` with its write lock held by another process; changes wait 1 s for it here."""
    monkeypatch.setenv("COTHEME_BUSY_WAIT", "1")
    with held(study):
        yield study


def _is_busy_sentence(text: str) -> None:
    assert "is busy" in text, text
    assert "restore" not in text and "not a cotheme project" not in text, text


def test_reading_a_locked_project_does_not_wait_for_the_lock(locked: Path) -> None:
    code, out, err = cli("docs", "list", str(locked), "--json")
    assert code == 0, err
    assert '"P01"' in out


def test_changing_a_locked_project_says_it_is_busy_not_broken(locked: Path) -> None:
    code, _out, err = cli("code", str(locked), "--doc", "P01", "--code", "Waiting", "--quote", "waiting list")
    assert code == 75, err  # EX_TEMPFAIL: try again later
    _is_busy_sentence(err)
    assert "another program" in err


def test_the_python_api_raises_project_busy_not_a_raw_database_error(
    study: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COTHEME_BUSY_WAIT", "1")
    with cotheme.open_project(study) as project, held(study):  # opened before the other process locks it
        with pytest.raises(cotheme.CothemeError) as raised:
            project.code("P01", "Waiting", start=0, end=5, coder="Lead")
    assert type(raised.value).__name__ == "ProjectBusy"
    _is_busy_sentence(str(raised.value))


def test_a_change_waits_out_a_lock_held_longer_than_the_busy_timeout(study: Path) -> None:
    with cotheme.open_project(study) as project, held(study, LONG_HOLD_S):
        began = time.monotonic()
        coding = project.code("P01", "Waiting", start=0, end=5, coder="Lead")
        waited = time.monotonic() - began
    assert waited > 5  # it did wait for the other process
    with cotheme.open_project(study) as project:
        assert coding.id in {e.id for e in project.codings()}


def test_the_api_answers_503_with_retry_after_when_busy(study: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.web.conftest import client_for

    monkeypatch.setenv("COTHEME_BUSY_WAIT", "1")
    with cotheme.open_project(study) as project:
        client = client_for(project)
        with held(study):
            response = client.post("/api/v1/codings", json={"document_id": 1, "code_id": 1, "start": 0, "end": 5},
                                   headers={"X-CSRF-Token": client.cookies.get("cotheme_csrf") or ""})
    assert response.status_code == 503, response.text
    assert int(response.headers["Retry-After"]) > 0
    _is_busy_sentence(response.json()["error"])


def test_the_busy_sentence_names_a_running_server(locked: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    served = Served(locked, None)
    try:
        code, _out, err = cli("code", str(locked), "--doc", "P01", "--code", "Waiting", "--quote", "waiting list")
    finally:
        served.stop(15)
    assert code == 75, err
    _is_busy_sentence(err)
    assert f"'cotheme serve' (process {served.proc.pid}" in err


def test_an_unreadable_file_is_still_told_as_one(tmp_path: Path) -> None:
    path = tmp_path / "broken.cotheme"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    code, _out, err = cli("docs", "list", str(path))
    assert code == 2
    assert "restore" in err and "is busy" not in err


def test_check_tells_a_locked_search_index_as_busy_not_damaged(locked: Path) -> None:
    """FTS5's integrity check needs the write lock; another holder must never read as a damaged index."""
    with cotheme.open_project(locked) as project:
        report = project.check()
    problems = dict(report.checks)["search_index"]
    assert problems and all("busy" in p and "damaged" not in p for p in problems), problems


def test_check_waits_out_a_short_lock_on_the_search_index(study: Path) -> None:
    with held(study, seconds=0.5), cotheme.open_project(study) as project:
        report = project.check()
    assert report.ok, report.checks
