"""Files that hold the study are created readable by their owner only (0600), whatever the umask lets
through: the project file and its -wal/-shm, backups, restored and re-encrypted files, and what cotheme
writes out of a project (reports, exports, the audit trail, texts, maps, the de-identification key)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

import cotheme
from cotheme.services import safekeeping
from tests.cli_runner import cli
from tests.conftest import INTERVIEW


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The common default, under which Python and SQLite create files 0644."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_project_files_and_backups_are_private(tmp_path: Path) -> None:
    study = tmp_path / "study.cotheme"
    (tmp_path / "P01.txt").write_text(INTERVIEW, encoding="utf-8")
    with cotheme.create_project(study, lead="Sam") as project:
        project.import_files([tmp_path / "P01.txt"])
        assert mode(study) == 0o600
        for sidecar in ("-wal", "-shm"):
            assert mode(study.with_name(study.name + sidecar)) == 0o600, sidecar
        project.backup(tmp_path / "backup.cotheme")
    assert mode(tmp_path / "backup.cotheme") == 0o600
    safekeeping.restore(tmp_path / "backup.cotheme", str(tmp_path / "restored.cotheme"))
    assert mode(tmp_path / "restored.cotheme") == 0o600
    safekeeping.encrypt(tmp_path / "restored.cotheme", "a long enough passphrase")
    assert mode(tmp_path / "restored.cotheme") == 0o600


def test_what_is_written_out_of_a_project_is_private(tmp_path: Path) -> None:
    study = str(tmp_path / "study.cotheme")
    (tmp_path / "P01.txt").write_text(INTERVIEW, encoding="utf-8")
    written = {
        "themes.md": ["report", "themes", study, "--out", "{out}"],
        "codebook.csv": ["codebook", "export", study, "{out}"],
        "project.qdpx": ["export", "qdpx", study, "{out}"],
        "P01.txt": ["docs", "text", study, "P01", "--out", "{out}"],
        "map.svg": ["map", study, "--out", "{out}"],
        "audit.csv": ["audit", study, "--out", "{out}"],
    }
    assert cli("init", study, "--lead", "Sam")[0] == 0
    assert cli("import", study, str(tmp_path / "P01.txt"))[0] == 0
    out = tmp_path / "out"
    out.mkdir()
    for name, args in written.items():
        code, _, err = cli(*(a.format(out=out / name) for a in args))
        assert code == 0, f"{name}: {err}"
        assert mode(out / name) == 0o600, name


def test_the_deidentification_key_is_private(tmp_path: Path) -> None:
    from cotheme.services import deid_key

    deid_key.save(tmp_path / "names.key", deid_key.Key(entries=[]), "a long enough passphrase")
    assert mode(tmp_path / "names.key") == 0o600
