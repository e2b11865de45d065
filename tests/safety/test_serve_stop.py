"""The project file alone is the project: a real ``cotheme serve`` process is sent codings through the
API, then stopped with SIGTERM or SIGHUP (its terminal closed), or simply left quiet for a few seconds;
a copy of the ``.cotheme`` file alone, without its ``-wal``, must hold every coding. Plain and encrypted
(SQLCipher) project files.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import cotheme
from tests.conftest import INTERVIEW

SRC = Path(cotheme.__file__).resolve().parents[1]  # the cotheme under test, for the server process too
PASSPHRASE = "a long enough test passphrase"
#: The promise: 5 s after the last change the file holds it; a little slack for a busy machine.
QUIET_S = 6.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Served:
    """``python -m cotheme serve PROJECT`` in a process of its own, and an API client with its token."""

    def __init__(self, path: Path, passphrase: str | None, *, nohup: bool = False) -> None:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SRC), *sys.path]))
        if passphrase:
            env["COTHEME_PASSPHRASE"] = passphrase
        port = _free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "cotheme", "serve", str(path), "--port", str(port)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True,
            preexec_fn=(lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN)) if nohup else None,
        )
        assert self.proc.stdout is not None
        token = ""
        for line in self.proc.stdout:
            if "token=" in line:
                token = line.strip().rsplit("token=", 1)[1]
                break
        assert token, self.proc.stderr.read() if self.proc.stderr else "no URL printed"
        self.client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60,
                                   headers={"Authorization": f"Bearer {token}"})
        deadline = time.monotonic() + 30
        while True:
            try:
                self.client.get("/api/v1/documents")
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the server did not answer"
                time.sleep(0.1)

    def code(self, count: int) -> set[int]:
        ids = set()
        for n in range(count):
            response = self.client.post("/api/v1/codings",
                                        json={"document_id": 1, "code_id": 1, "start": n, "end": n + 5})
            assert response.status_code == 201, response.text
            ids.add(response.json()["id"])
        return ids

    def stop(self, sig: int) -> int:
        self.client.close()
        if self.proc.poll() is None:
            os.kill(self.proc.pid, sig)
        try:
            return self.proc.wait(timeout=30)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


@pytest.fixture
def project_file(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[Path, str | None]]:
    passphrase = PASSPHRASE if getattr(request, "param", "plain") == "encrypted" else None
    path = tmp_path / "study.cotheme"
    source = tmp_path / "P01.txt"
    source.write_text(INTERVIEW, encoding="utf-8")
    with cotheme.create_project(path, title="Stop", lead="Lead", passphrase=passphrase) as project:
        project.import_files([source])
        project.create_code("Kept")
    yield path, passphrase


def _codings_in_copy_of_file_alone(path: Path, passphrase: str | None, tmp_path: Path) -> set[int]:
    elsewhere = tmp_path / "emailed"
    elsewhere.mkdir(exist_ok=True)
    copy = elsewhere / "study.cotheme"
    shutil.copyfile(path, copy)  # the single file, as a user copies or emails it
    with cotheme.open_project(copy, passphrase=passphrase) as project:
        return {e.id for e in project.codings()}


@pytest.mark.parametrize(
    ("project_file", "sig"),
    [("plain", signal.SIGTERM), ("plain", signal.SIGHUP), ("encrypted", signal.SIGTERM)],
    indirect=["project_file"], ids=["sigterm", "sighup", "sigterm-encrypted"],
)
def test_a_stopped_server_leaves_every_coding_in_the_file_alone(
    project_file: tuple[Path, str | None], sig: int, tmp_path: Path,
) -> None:
    path, passphrase = project_file
    served = Served(path, passphrase)
    try:
        acknowledged = served.code(12)
        noted = (path.parent / "study.cotheme-server").exists()  # who is serving, for busy sentences
    finally:
        returncode = served.stop(sig)
    assert acknowledged <= _codings_in_copy_of_file_alone(path, passphrase, tmp_path)
    assert returncode == 0  # a clean stop, not death by the signal
    assert noted and not (path.parent / "study.cotheme-server").exists()


@pytest.mark.parametrize("project_file", ["plain", "encrypted"], indirect=True)
def test_a_quiet_server_has_written_every_coding_into_the_file(
    project_file: tuple[Path, str | None], tmp_path: Path,
) -> None:
    path, passphrase = project_file
    served = Served(path, passphrase)
    try:
        acknowledged = served.code(12)
        time.sleep(QUIET_S)
        in_copy = _codings_in_copy_of_file_alone(path, passphrase, tmp_path)
    finally:
        served.stop(signal.SIGTERM)
    assert acknowledged <= in_copy


def test_a_server_started_under_nohup_outlives_its_terminal(
    project_file: tuple[Path, str | None], tmp_path: Path,
) -> None:
    path, _ = project_file
    served = Served(path, None, nohup=True)
    try:
        os.kill(served.proc.pid, signal.SIGHUP)
        time.sleep(1.0)
        still = served.proc.poll() is None and len(served.code(1)) == 1
    finally:
        served.stop(signal.SIGTERM)
    assert still
