"""A team server of several processes on PostgreSQL (``cotheme serve --workers N``): any process answers
any request. Two worker processes are started on two ports from the very configuration the supervisor
hands its workers (``web/workers.py``), so the test knows which process answered: a session made on one
works on the other, a write through one is seen by a read through the other (also where the reader had
its answer cached), the CSRF token of one is good on the other and a wrong one is refused by both, a
logout on one ends the session on both. ``cotheme serve --workers 2`` itself serves and stops whole on
SIGTERM and SIGHUP; a project file is refused more than one process.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import cotheme
from cotheme.errors import InvalidArgument
from cotheme.services.project import Project
from cotheme.services.serving import checked_workers, default_workers
from tests.cli_runner import cli
from tests.team.conftest import PASSWORD, populate

SRC = Path(cotheme.__file__).resolve().parents[1]
ENV = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SRC), *sys.path]))
#: One worker process, started exactly as the supervisor starts each (its configuration's ``load``).
WORKER = textwrap.dedent("""
    import sys, uvicorn
    from cotheme.web.workers import WorkerConfig
    target, port, key = sys.argv[1], int(sys.argv[2]), bytes.fromhex(sys.argv[3])
    config = WorkerConfig(target=target, token="unused", team=True, csrf_key=key, workers=2,
                          host="127.0.0.1", port=port, log_level="warning")
    uvicorn.Server(config).run()
""")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def answering(base: str, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while True:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else "the server ended"
        try:
            httpx.get(base + "/login", timeout=2)
            return
        except httpx.TransportError:
            assert time.monotonic() < deadline, "the server did not answer within 120 s"
            time.sleep(0.2)


def stopped(proc: subprocess.Popen[str], sig: int = signal.SIGTERM) -> int:
    if proc.poll() is None:
        proc.send_signal(sig)
    try:
        return proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise


@pytest.fixture
def pg_team(pg_schemas: object, tmp_path: Path) -> Iterator[tuple[str, Project]]:
    url = pg_schemas.new_url()  # type: ignore[attr-defined]
    with cotheme.create_project(url, title="Team study", lead="Lead") as project:
        yield url, populate(project, tmp_path)


@pytest.fixture
def two_workers(pg_team: tuple[str, Project]) -> Iterator[tuple[str, str, Project]]:
    url, project = pg_team
    key = secrets.token_bytes(32).hex()
    procs, bases = [], []
    try:
        for _ in range(2):
            port = free_port()
            procs.append(subprocess.Popen([sys.executable, "-c", WORKER, url, str(port), key], env=ENV,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True))
            bases.append(f"http://127.0.0.1:{port}")
        for base, proc in zip(bases, procs):
            answering(base, proc)
        yield bases[0], bases[1], project
    finally:
        for proc in procs:  # uvicorn stops cleanly, then ends itself with the signal it was sent
            assert stopped(proc) in (0, -signal.SIGTERM)


def login(client: httpx.Client, name: str = "Ann") -> str:
    response = client.post("/api/v1/login", json={"name": name, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return str(response.json()["token"])


def test_a_session_and_a_write_through_one_worker_hold_on_the_other(two_workers: tuple[str, str, Project]) -> None:
    one, other, project = two_workers
    doc = project.documents.list()[0].id
    code = next(c.code.id for c in project.codes.list() if c.code.name == "Waiting")
    with httpx.Client(base_url=one) as a, httpx.Client(base_url=other) as b:
        token = login(a)
        bearer = {"Authorization": f"Bearer {token}"}
        me = b.get("/api/v1/me", headers=bearer)
        assert me.status_code == 200 and me.json()["member"]["name"] == "Ann"
        before = b.get(f"/api/v1/documents/{doc}/codings", headers=bearer)  # the reader caches this answer
        assert before.status_code == 200
        added = a.post("/api/v1/codings", headers=bearer,
                       json={"document_id": doc, "code_id": code, "start": 0, "end": 11})
        assert added.status_code == 201, added.text
        seen = b.get(f"/api/v1/codings/{added.json()['id']}", headers=bearer)
        assert seen.status_code == 200 and seen.json()["coder"] == "Ann"
        after = b.get(f"/api/v1/documents/{doc}/codings", headers=bearer).json()
        assert {e["id"] for e in after} == {e["id"] for e in before.json()} | {added.json()["id"]}
        assert project.codings.get(added.json()["id"]).coder == "Ann"  # and in the database itself


def test_the_csrf_token_of_one_worker_is_good_on_the_other_and_a_wrong_one_is_refused(
        two_workers: tuple[str, str, Project]) -> None:
    one, other, project = two_workers
    doc = project.documents.list()[0].id
    code = next(c.code.id for c in project.codes.list() if c.code.name == "Listening")
    body = {"document_id": doc, "code_id": code, "start": 0, "end": 11}
    with httpx.Client(base_url=one) as a:
        login(a, "Bea")  # the session and its CSRF token arrive as cookies
        cookies = dict(a.cookies)
    with httpx.Client(base_url=other, cookies=cookies) as b:
        assert b.post("/api/v1/codings", json=body).status_code == 403  # a cookie and no CSRF header
        wrong = b.post("/api/v1/codings", json=body, headers={"X-CSRF-Token": "x" + cookies["cotheme_csrf"][1:]})
        assert wrong.status_code == 403
        right = b.post("/api/v1/codings", json=body, headers={"X-CSRF-Token": cookies["cotheme_csrf"]})
        assert right.status_code == 201, right.text
        assert right.json()["coder"] == "Bea"


def test_a_logout_on_one_worker_ends_the_session_on_the_other(two_workers: tuple[str, str, Project]) -> None:
    one, other, _project = two_workers
    with httpx.Client(base_url=one) as a, httpx.Client(base_url=other) as b:
        token = login(a, "Vic")
        bearer = {"Authorization": f"Bearer {token}"}
        assert b.get("/api/v1/me", headers=bearer).status_code == 200
        assert a.post("/api/v1/logout", headers=bearer).status_code in (200, 204)
        assert b.get("/api/v1/me", headers=bearer).status_code == 401


def test_a_server_of_several_processes_refuses_to_start_a_transcription(two_workers: tuple[str, str, Project]) -> None:
    one, _other, _project = two_workers
    with httpx.Client(base_url=one) as a:
        bearer = {"Authorization": f"Bearer {login(a, 'Lead')}"}
        answer = a.post("/api/v1/transcriptions?filename=talk.wav", headers=bearer, content=b"RIFF....WAVE")
        assert answer.status_code == 409
        assert "several processes" in answer.json()["error"]


def _children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in found]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_serve_with_two_workers_serves_and_stops_whole(pg_team: tuple[str, Project], sig: int) -> None:
    url, project = pg_team
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "cotheme", "serve", url, "--team", "--port", str(port),
                             "--workers", "2"], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        answering(base, proc)
        workers = [p for p in _children(proc.pid)
                   if "resource_tracker" not in Path(f"/proc/{p}/cmdline").read_text(errors="replace")]
        assert len(workers) == 2
        doc = project.documents.list()[0].id
        ids = set()
        for n in range(10):  # a new connection each time: the kernel hands them to either worker
            with httpx.Client(base_url=base) as client:
                bearer = {"Authorization": f"Bearer {login(client, 'Ann')}"} if n == 0 else bearer
                added = client.post("/api/v1/codings", headers=bearer,
                                    json={"document_id": doc, "code_id": 1, "start": n, "end": n + 4})
                assert added.status_code == 201, added.text
                ids.add(added.json()["id"])
        assert ids <= {e.id for e in project.codings.list()}
    finally:
        code = stopped(proc, sig)
    out = proc.stdout.read() if proc.stdout else ""
    assert code == 0 and "from 2 processes" in out
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{p}").exists() for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in workers if Path(f"/proc/{p}").exists()]


def test_a_project_file_is_served_by_one_process(tmp_path: Path) -> None:
    path = tmp_path / "study.cotheme"
    cotheme.create_project(path, title="Solo", lead="Lead").close()
    code, _out, err = cli("serve", str(path), "--workers", "2")
    assert code == 2 and "served by one process" in err


def test_how_many_processes_by_default() -> None:
    url = "postgresql://cotheme@db/study"
    assert default_workers("study.cotheme", cpus=8) == 1
    assert default_workers(url, cpus=1) == 1
    assert default_workers(url, cpus=2) == 1
    assert default_workers(url, cpus=4) == 2
    assert default_workers(url, cpus=16) == 4
    assert checked_workers(url, 3) == 3
    assert checked_workers("study.cotheme", None) == 1
    for wrong in (0, 33):
        with pytest.raises(InvalidArgument):
            checked_workers(url, wrong)
