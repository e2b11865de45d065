"""Encryption at rest: an encrypted project file is unreadable without its passphrase (checked with plain
sqlite3), opens everywhere with it, refuses a wrong one in one sentence, and converts both ways.
PostgreSQL URLs carry ``sslmode``."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import cotheme
from cotheme.cli import context
from cotheme.cli.main import app
from cotheme.errors import PassphraseRequired, ProjectError
from cotheme.web.app import create_app
from tests.conftest import INTERVIEW, PgSchemas

runner = CliRunner()
SECRET = "correct horse 'battery' staple"
#: Words of INTERVIEW that must not appear anywhere in the encrypted file.
WORDS = [b"waiting list", b"listened", b"peer group", b"Interviewer", b"Caf\xc3\xa9"]


def cli(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env=env, input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout + result.stderr


@pytest.fixture(scope="module")
def encrypted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One encrypted project for the tests that only read it (each open costs the key derivation)."""
    folder = tmp_path_factory.mktemp("encrypted")
    path, transcript = folder / "secret.cotheme", folder / "P01.txt"
    transcript.write_text(INTERVIEW, encoding="utf-8")
    env = {"COTHEME_PASSPHRASE": SECRET}
    assert cli("init", "--encrypt", str(path), "--lead", "Lead", env=env)[0] == 0
    code, output = cli("import", str(path), str(transcript), env=env)
    assert code == 0, output
    return path


def test_the_file_is_unreadable_without_the_key(encrypted: Path) -> None:
    data = encrypted.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert not any(word in data for word in WORDS)
    assert not encrypted.with_name(encrypted.name + "-wal").exists()
    plain = sqlite3.connect(encrypted)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        plain.execute("SELECT name FROM sqlite_master").fetchall()
    plain.close()
    if shutil.which("sqlite3"):  # the sqlite3 command-line shell, when installed
        shell = subprocess.run(["sqlite3", str(encrypted), ".tables"], capture_output=True, text=True, timeout=30)
        assert shell.returncode != 0 and "not a database" in shell.stderr


def test_it_opens_with_the_passphrase_everywhere(encrypted: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with cotheme.open_project(encrypted, passphrase=SECRET) as project:
        assert [d.title for d in project.documents()] == ["P01"]
        assert project.search("listened")
        served = TestClient(create_app(project, "tok"))  # what 'cotheme serve' runs
        answer = served.get("/api/v1/documents", headers={"Authorization": "Bearer tok"})
        assert answer.status_code == 200 and answer.json()[0]["title"] == "P01"
    monkeypatch.setenv("COTHEME_PASSPHRASE", SECRET)
    with cotheme.open_project(encrypted) as project:
        assert project.check().ok
    code, output = cli("docs", "list", str(encrypted))
    assert code == 0 and "P01" in output


def test_a_wrong_or_missing_passphrase_is_refused_in_one_sentence(encrypted: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = encrypted.read_bytes()
    with pytest.raises(ProjectError, match="passphrase does not open"):
        cotheme.open_project(encrypted, passphrase="wrong")
    with pytest.raises(PassphraseRequired):
        cotheme.open_project(encrypted)
    code, output = cli("docs", "list", str(encrypted), env={"COTHEME_PASSPHRASE": "wrong"})
    assert code == 2 and "passphrase does not open" in output and "Traceback" not in output
    monkeypatch.setattr(context, "interactive", lambda: False)
    code, output = cli("docs", "list", str(encrypted))
    assert code == 2 and "COTHEME_PASSPHRASE" in output
    assert encrypted.read_bytes() == before


def test_the_passphrase_is_asked_for_in_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COTHEME_PASSPHRASE", raising=False)
    monkeypatch.setattr(context, "interactive", lambda: True)
    path = tmp_path / "asked.cotheme"
    code, output = cli("init", "--encrypt", str(path), input="one\ntwo\nsame\nsame\n")
    assert code == 0, output
    assert "do not match" in output
    code, output = cli("study", "show", str(path), input="same\n")
    assert code == 0 and "asked" in output


def test_encrypt_and_decrypt_convert_a_project(project_file: Path) -> None:
    env = {"COTHEME_PASSPHRASE": SECRET}
    with cotheme.open_project(project_file) as project:
        before = project.codings_frame().to_dict()
    assert cli("encrypt", str(project_file), env=env)[0] == 0
    assert not project_file.read_bytes().startswith(b"SQLite format 3")
    code, output = cli("encrypt", str(project_file), env=env)
    assert code == 2 and "already encrypted" in output
    with cotheme.open_project(project_file, passphrase=SECRET) as project:
        assert project.codings_frame().to_dict() == before
        assert project.check().ok
    code, output = cli("decrypt", str(project_file), env={"COTHEME_PASSPHRASE": "wrong"})
    assert code == 2 and "passphrase does not open" in output
    assert cli("decrypt", str(project_file), env=env)[0] == 0
    assert project_file.read_bytes().startswith(b"SQLite format 3")
    with cotheme.open_project(project_file) as project:
        assert project.codings_frame().to_dict() == before
    assert sorted(p.name for p in project_file.parent.iterdir() if "cotheme" in p.name) == [project_file.name]


@pytest.fixture
def project_file(tmp_path: Path, interview_file: Path) -> Path:
    path = tmp_path / "plain.cotheme"
    with cotheme.create_project(path, lead="Lead") as project:
        project.import_files([interview_file])
        project.code("P01", "Waiting", quote="waiting list", create=True)
    return path


def test_postgresql_is_not_encrypted_by_cotheme_but_takes_sslmode(pg_schemas: PgSchemas) -> None:
    url = pg_schemas.new_url()
    code, output = cli("init", "--encrypt", url, env={"COTHEME_PASSPHRASE": SECRET})
    assert code == 2 and "encrypt the server's disk" in output
    with cotheme.create_project(url + "&sslmode=disable", lead="Lead") as project:
        assert project.members()[0].name == "Lead"
    with pytest.raises(ProjectError, match="Cannot connect to .*SSL"):
        cotheme.open_project(url + "&sslmode=require")
    code, output = cli("docs", "list", url + "&sslmode=require")
    assert code == 2 and "Cannot connect" in output and "Traceback" not in output
