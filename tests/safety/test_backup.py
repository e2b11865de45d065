"""Backups and restores: restore gives back an identical project (every table compared) on both
engines, never overwrites without --force, keeps encryption; the daily schedule keeps the newest N."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

import cotheme
from cotheme.cli.main import app
from cotheme.errors import Conflict
from cotheme.services import safekeeping
from tests.conftest import PgSchemas
from tests.safety.conftest import dump

runner = CliRunner()


def cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env=env)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout + result.stderr


def test_backup_then_restore_gives_an_identical_project(full: str, tmp_path: Path, pg_schemas: PgSchemas) -> None:
    original = dump(full)
    assert all(original[t] for t in ("documents", "revisions", "codings", "memos", "themes", "deid_terms"))
    out = tmp_path / "backup.cotheme"
    code, output = cli("backup", full, str(out), "--json")
    assert code == 0, output
    assert out.read_bytes().startswith(b"SQLite format 3")
    assert dump(str(out)) == original  # the backup is itself a project
    for restored in (str(tmp_path / "restored.cotheme"), pg_schemas.new_url()):
        code, output = cli("restore", str(out), restored)
        assert code == 0, output
        assert dump(restored) == original
        with cotheme.open_project(restored) as project:
            assert project.check().ok
            coder = project.members()[0].name
            project.code("P02", "Trust", quote="the", create=True, coder=coder)  # ids continue after the copy


def test_restore_refuses_to_overwrite_without_force(tmp_path: Path, interview_file: Path) -> None:
    out, full = tmp_path / "b.cotheme", str(tmp_path / "study.cotheme")
    with cotheme.create_project(full, lead="Lead") as project:
        project.import_files([interview_file])
        project.backup(out)
        with pytest.raises(Conflict, match="already exists"):
            project.backup(out)
        project.add_memo("written after the backup", author=project.members()[0].name)
    after = dump(full)
    code, output = cli("restore", str(out), full)
    assert code == 2 and "--force" in output
    assert dump(full) == after
    assert cli("restore", str(out), full, "--force")[0] == 0
    assert "written after the backup" not in str(dump(full)["memos"])


def test_a_damaged_backup_is_not_restored(tmp_path: Path) -> None:
    bad = tmp_path / "bad.cotheme"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    code, output = cli("restore", str(bad), str(tmp_path / "new.cotheme"))
    assert code == 2 and "Traceback" not in output
    assert not (tmp_path / "new.cotheme").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.cotheme"]


def test_backups_of_encrypted_projects_stay_encrypted(tmp_path: Path, interview_file: Path) -> None:
    path, out, back = tmp_path / "e.cotheme", tmp_path / "e-backup.cotheme", tmp_path / "e-restored.cotheme"
    with cotheme.create_project(path, lead="Lead", passphrase="pw") as project:
        project.import_files([interview_file])
        info = project.backup(out)
    assert info.encrypted and not out.read_bytes().startswith(b"SQLite format 3")
    assert b"listened" not in out.read_bytes()
    with pytest.raises(cotheme.ProjectError):
        safekeeping.restore(out, str(back))
    safekeeping.restore(out, str(back), passphrase="pw")
    assert dump(str(back), "pw") == dump(str(path), "pw")


def test_a_postgresql_backup_can_be_encrypted(pg_schemas: PgSchemas, tmp_path: Path, interview_file: Path) -> None:
    url = pg_schemas.new_url()
    with cotheme.create_project(url, lead="Lead") as project:
        project.import_files([interview_file])
    out = tmp_path / "pg.cotheme"
    code, output = cli("backup", url, str(out), "--encrypt", env={"COTHEME_PASSPHRASE": "pw"})
    assert code == 0 and "encrypted" in output
    assert b"listened" not in out.read_bytes()
    assert dump(str(out), "pw") == dump(url)


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2025, 5, 1, 2, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_daily_backups_keep_the_newest_n(tmp_path: Path, interview_file: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "unrelated.txt").write_text("not ours")
    clock = FakeClock()
    with cotheme.create_project(tmp_path / "study.cotheme", lead="Lead") as project:
        schedule = project.backup_schedule(folder, keep=3)
        schedule.clock = clock
        made = []
        for hour in range(0, 24 * 6, 6):  # six days, looked at every six hours
            clock.now = datetime(2025, 5, 1, 2, 0, tzinfo=UTC) + timedelta(hours=hour)
            made.append(schedule.run_once())
        kept = [p.name for p in schedule.backups()]
    assert len([m for m in made if m is not None]) == 6
    assert kept == [f"study-202505{day:02d}-020000.cotheme" for day in (4, 5, 6)]
    assert (folder / "unrelated.txt").exists()
    with cotheme.open_project(folder / kept[-1]) as restored:
        assert restored.members()[0].name == "Lead"


def test_the_schedule_runs_in_a_thread_and_stops(tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    with cotheme.create_project(tmp_path / "s.cotheme", lead="Lead") as project:
        schedule = project.backup_schedule(folder, keep=2)
        thread = schedule.start(wake_seconds=0.05)
        for _ in range(200):
            if schedule.backups():
                break
            thread.join(0.05)
        schedule.stop()
    assert len(schedule.backups()) == 1 and not thread.is_alive()
