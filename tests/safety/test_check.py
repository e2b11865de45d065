"""``cotheme check``: a sound project passes on both engines; each kind of damage is found, named and
makes the command exit 2 (``--json`` lists every problem)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

import cotheme
from cotheme.cli.main import app
from cotheme.services.project import Project

runner = CliRunner()


def cli(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout + result.stderr


@pytest.fixture
def coded(project: Project, interview_file: Path) -> Project:
    project.import_files([interview_file])
    project.code("P01", "Waiting", quote="waiting list", create=True)
    project.code("P01", "Listening", quote="actually listened to me", create=True)
    project.add_memo("A memo on **trust**.")
    return project


def _damage(project: Project, sql: str) -> None:
    with project._store.write() as conn:  # noqa: SLF001 - damage below the services, on purpose
        conn.execute(text(sql))


def test_a_sound_project_passes(coded: Project, target: str) -> None:
    assert coded.check().ok
    code, output = cli("check", target, "--json")
    assert code == 0, output
    report = json.loads(output)
    assert report["ok"] is True
    assert {"current_revisions", "coding_quotes", "coding_speakers", "search_index"} <= set(report["checks"])


@pytest.mark.parametrize(
    ("sql", "check", "words"),
    [
        ("UPDATE codings SET quote = 'something else' WHERE id = 1", "coding_quotes", "Coding 1"),
        ("UPDATE codings SET end_offset = 100000 WHERE id = 2", "coding_quotes", "Coding 2"),
        ("UPDATE codings SET speaker = 'Nobody' WHERE id = 1", "coding_speakers", "Coding 1"),
        ("UPDATE documents SET current_revision_id = 999", "current_revisions", "Document 1 'P01'"),
        ("UPDATE search_units SET body = 'not the text' WHERE kind = 'turn' AND id = 1", "search_index", "no longer matches"),
        ("UPDATE search_units SET body = 'old memo' WHERE kind = 'memo'", "search_index", "memo"),
    ],
)
def test_damage_is_found_and_named(coded: Project, target: str, sql: str, check: str, words: str) -> None:
    _damage(coded, sql)
    report = coded.check()
    found = dict(report.checks)[check]
    assert found and words in found[0]
    code, output = cli("check", target)
    assert code == 2 and words in output and ("1 problem found" in output or "problems found" in output)


def test_sqlite_damage_below_the_schema_is_found(tmp_path: Path, interview_file: Path) -> None:
    path = tmp_path / "s.cotheme"
    with cotheme.create_project(path, lead="Lead") as project:
        project.import_files([interview_file])
        project.code("P01", "Waiting", quote="waiting list", create=True)
    raw = sqlite3.connect(path)
    raw.isolation_level = None
    raw.execute("PRAGMA foreign_keys = OFF")
    raw.execute("UPDATE codings SET code_id = 42")
    unit = raw.execute("SELECT id, body FROM search_units LIMIT 1").fetchone()
    raw.execute("INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', ?, ?)", unit)
    raw.close()
    code, output = cli("check", str(path), "--json")
    assert code == 2
    checks = json.loads(output)["checks"]
    assert "points at a codes row that does not exist" in checks["foreign_keys"][0]
    assert "search index is damaged" in checks["search_index"][0]
    assert checks["integrity"] == [] and checks["coding_quotes"] == []


def test_a_damaged_file_is_reported_not_raised(tmp_path: Path, interview_file: Path) -> None:
    path = tmp_path / "broken.cotheme"
    with cotheme.create_project(path, lead="Lead") as project:
        project.import_files([interview_file])
    raw = sqlite3.connect(path)
    root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'turns'").fetchone()[0]
    raw.close()
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    start = (root - 1) * 4096
    data[start + 8 : start + 40] = b"\x0f\xf0" * 16  # the turns table's cell pointers, scrambled
    path.write_bytes(bytes(data))
    code, output = cli("check", str(path), "--json")
    assert code == 2 and "Traceback" not in output
    assert json.loads(output)["checks"]["integrity"]
    for n in range(2, pages):  # now every page: the file no longer opens as a project
        data[n * 4096 + 100 : n * 4096 + 300] = b"\xff" * 200
    path.write_bytes(bytes(data))
    code, output = cli("check", str(path))
    assert code == 2 and "restore it from a backup" in output and "Traceback" not in output
