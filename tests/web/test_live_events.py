"""GET /api/v1/events over a real server: the stream delivers each change it may, resumes after a
dropped line, never carries a blind coder another's coding, and two server processes on one PostgreSQL
database deliver the same events; without ``Accept: text/event-stream`` it answers one JSON batch."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import cotheme
from cotheme.services.project import Project
from tests.web.conftest import TOKEN, LiveServer

TEXT = "Interviewer: How was it?\n\nP01: The waiting list was long and she listened to me.\n"


def study(target: str, tmp_path: Path) -> Project:
    project = cotheme.create_project(target, title="Live study", lead="Lead")
    for name in ("Ann", "Bea"):
        project.add_member(name, permission="coder")
    for title in ("P01", "P02"):
        path = tmp_path / f"{title}.txt"
        path.write_text(TEXT.replace("How was it?", f"How was it, {title}?"), encoding="utf-8")
        project.import_files([path])
    project.create_code("Waiting")
    return project


def client_as(base: str, project: Project, member: str, token: str = TOKEN) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=10)
    client.get(f"/?token={token}")
    member_id = next(m.id for m in project.members() if m.name == member)
    client.cookies.set("cotheme_member", str(member_id))
    return client


class Stream:
    """Events of one open stream, read on a thread into a queue."""

    def __init__(self, client: httpx.Client, path: str = "/api/v1/events", headers: dict[str, str] | None = None) -> None:
        self.events: queue.Queue[tuple[str, str, dict[str, object]]] = queue.Queue()
        self.opened = threading.Event()
        self._client, self._path, self._headers = client, path, headers or {}
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()
        assert self.opened.wait(10), "the stream did not open"

    def _read(self) -> None:
        headers = {"Accept": "text/event-stream", **self._headers}
        try:
            with self._client.stream("GET", self._path, headers=headers, timeout=None) as response:
                assert response.headers["content-type"].startswith("text/event-stream")
                fields: dict[str, str] = {}
                for line in response.iter_lines():
                    if line.startswith("retry:"):
                        self.opened.set()
                    if not line:
                        if "data" in fields:
                            self.events.put((fields.get("id", ""), fields.get("event", "message"),
                                             json.loads(fields["data"])))
                        fields = {}
                    elif not line.startswith(":") and ":" in line:
                        name, _, value = line.partition(":")
                        fields[name] = value.removeprefix(" ")
        except (httpx.HTTPError, RuntimeError):
            return  # closed by the test

    def next(self, kind: str, timeout: float = 5.0) -> tuple[str, dict[str, object]]:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                event_id, name, data = self.events.get(timeout=left)
            except queue.Empty:
                break
            if name == kind:
                return event_id, data
        raise AssertionError(f"no {kind} event within {timeout} s")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Project]]:
    project = study(str(tmp_path / "live.cotheme"), tmp_path)
    with LiveServer(project) as base:
        yield base, project
    project.close()


def test_a_coding_reaches_another_members_stream_within_a_second(served: tuple[str, Project]) -> None:
    base, project = served
    bea = client_as(base, project, "Bea")
    stream = Stream(bea, "/api/v1/events?document=1")
    ann = client_as(base, project, "Ann")
    started = time.monotonic()
    made = ann.post("/api/v1/codings", json={"document_id": 1, "code_id": 1, "start": 40, "end": 52},
                    headers={"X-CSRF-Token": ann.cookies["cotheme_csrf"]})
    assert made.status_code == 201, made.text
    event_id, event = stream.next("coding")
    assert time.monotonic() - started < 1.0
    assert (event["action"], event["row_id"], event["actor"], event["document_id"]) == ("insert", made.json()["id"], "Ann", 1)
    # Resuming with Last-Event-ID: the same event is not sent twice; the next one comes.
    again = Stream(bea, "/api/v1/events", headers={"Last-Event-ID": event_id})
    project.acting_as("Ann").delete_coding(made.json()["id"])
    _, gone = again.next("coding")
    assert (gone["action"], gone["row_id"]) == ("delete", made.json()["id"])


def test_presence_is_sent_on_the_stream(served: tuple[str, Project]) -> None:
    base, project = served
    ann_stream = Stream(client_as(base, project, "Ann"), "/api/v1/events?document=1")
    assert [p["name"] for p in ann_stream.next("presence")[1]] == ["Ann"]  # type: ignore[union-attr]
    Stream(client_as(base, project, "Bea"), "/api/v1/events?document=1")
    while True:  # Bea's arrival, once the waker has seen her presence row
        names = [p["name"] for p in ann_stream.next("presence")[1]]  # type: ignore[union-attr]
        if names == ["Ann", "Bea"]:
            break


def test_a_blind_coder_never_receives_another_coders_events(served: tuple[str, Project]) -> None:
    base, project = served
    project.set_blind("P01")
    bea_stream = Stream(client_as(base, project, "Bea"))
    lead_stream = Stream(client_as(base, project, "Lead"))
    ann = project.acting_as("Ann")
    hidden = ann.code("P01", "Waiting", quote="waiting list", coder="Ann")
    ann.add_memo("Ann's thought on it", target="coding", target_id=hidden.id, author="Ann")
    ann.delete_coding(hidden.id)
    shown = ann.code("P02", "Waiting", quote="waiting list", coder="Ann")  # not blind: everyone hears
    _, first = bea_stream.next("coding")
    assert first["row_id"] == shown.id  # the blind coding's insert and delete never came before it
    assert bea_stream.events.empty() or all(e[2].get("row_id") != hidden.id for e in list(bea_stream.events.queue))
    lead_ids = [lead_stream.next("coding")[1]["row_id"] for _ in range(3)]
    assert lead_ids == [hidden.id, hidden.id, shown.id]


def test_without_an_event_stream_accept_header_the_feed_is_a_json_batch(served: tuple[str, Project]) -> None:
    base, project = served
    bea = client_as(base, project, "Bea")
    start = bea.get("/api/v1/events").json()
    assert start["events"] == [] and start["cursor"] >= 0
    project.acting_as("Ann").code("P01", "Waiting", quote="waiting list", coder="Ann")
    batch = bea.get(f"/api/v1/events?after={start['cursor']}&document=1&token=poll-1").json()
    assert [(e["kind"], e["action"]) for e in batch["events"]] == [("coding", "insert")]
    assert [p["name"] for p in batch["present"]] == ["Bea"]
    assert bea.get(f"/api/v1/events?after={batch['cursor']}").json()["events"] == []


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_two_server_processes_on_one_postgresql_database_deliver_the_same_events(
        pg_schemas: object, tmp_path: Path) -> None:
    url = pg_schemas.new_url()  # type: ignore[attr-defined]
    project = study(url, tmp_path)
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(Path(__file__).parents[2] / "src"),
                                                                      os.environ.get("PYTHONPATH")]))}
    other = subprocess.Popen([sys.executable, "-m", "cotheme", "serve", url, "--port", str(port)],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        announced = ""
        deadline = time.monotonic() + 60
        while "token=" not in announced and time.monotonic() < deadline:
            announced += other.stdout.readline()  # type: ignore[union-attr]
        token = re.search(r"token=([\w-]+)", announced)
        assert token, announced
        with LiveServer(project) as base:
            here = Stream(client_as(base, project, "Bea"))
            there = Stream(client_as(f"http://127.0.0.1:{port}", project, "Bea", token.group(1)))
            made = project.acting_as("Ann").code("P01", "Waiting", quote="waiting list", coder="Ann")
            first, second = here.next("coding"), there.next("coding")
            assert first == second and first[1]["row_id"] == made.id
    finally:
        other.send_signal(signal.SIGINT)
        try:
            other.wait(15)
        except subprocess.TimeoutExpired:
            other.kill()
        project.close()
