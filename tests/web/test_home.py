"""The project home: a fixed number of SQL statements whatever the number of documents, counts that
follow every change (made here or by another process) on SQLite and PostgreSQL, the transcripts list a
page at a time, the team part after first paint; and gzip on the responses that gain from it."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.responses import StreamingResponse
from sqlalchemy import event

import cotheme
from cotheme.services.project import Project
from tests.conftest import INTERVIEW
from tests.web.conftest import client_for


def _files(folder: Path, n: int, first: int = 1) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(first, first + n):
        path = folder / f"P{i:03d}.txt"
        path.write_text(INTERVIEW + f"\nInterviewer: Anything else, participant {i}?\n", encoding="utf-8")
        paths.append(path)
    return paths


@contextmanager
def _statements(project: Project) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001, ARG001
        seen.append(statement)

    engine = project._store.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


def _home_statements(project: Project, tmp_path: Path, n: int) -> tuple[int, int, str]:
    project.import_files(_files(tmp_path / f"in{n}", n))
    project.code(1, "Waiting", quote="the waiting list was long", create=True)
    client = client_for(project)  # its first request already computed the summary
    project.create_code("Trust")  # a new data version: the next request computes it again
    with _statements(project) as first:
        page = client.get("/").text
    with _statements(project) as again:
        assert client.get("/").text == page  # from the cache: nothing changed
    return len(first), len(again), page


def test_home_statements_do_not_grow_with_documents(target: str, tmp_path: Path,
                                                    request: pytest.FixtureRequest) -> None:
    counts = []
    for n in (5, 50):
        if target.startswith("postgresql"):
            where = target if n == 5 else request.getfixturevalue("pg_schemas").new_url()
        else:
            where = str(tmp_path / f"p{n}.cotheme")
        with cotheme.create_project(where, title="Home", lead="Lead") as project:
            first, again, page = _home_statements(project, tmp_path, n)
        assert " shown" not in page and 'id="docs-more"' not in page  # 5 and 50 both fit on the first page
        assert len(re.findall(r'<a href="/documents/\d+">', page)) == n
        assert f"(0 of {n} transcripts done)" in page
        counts.append((first, again))
    assert counts[0] == counts[1], counts
    assert counts[0][1] < counts[0][0], "a cached summary costs fewer statements than computing it"


def test_home_counts_follow_imports_codings_and_deletes(project: Project, tmp_path: Path) -> None:
    client = client_for(project)
    assert "0 codes, 0 codings" in client.get("/").text
    project.import_files(_files(tmp_path / "a", 3))
    page = client.get("/").text
    assert page.count('<a href="/documents/') == 3 and "(0 of 3 transcripts done)" in page
    coding = project.code(1, "Waiting", quote="the waiting list was long", create=True)
    assert "1 code, 1 coding" in client.get("/").text
    project.code(2, "Waiting", quote="the waiting list was long", create=True)
    assert "1 code, 2 codings" in client.get("/").text
    project.delete_coding(coding.id)
    assert "1 code, 1 coding" in client.get("/").text
    # Another process (its own engine and connections) changes the project: this server sees it.
    with cotheme.open_project(project.location) as other:
        other.import_files(_files(tmp_path / "b", 2, first=10))
        other.create_code("Trust")
    page = client.get("/").text
    assert page.count('<a href="/documents/') == 5 and "2 codes, 1 coding" in page
    # The browser's own changes (through the API) show too.
    api = client.post("/api/v1/codings", json={"document_id": 3, "code_id": 1, "start": 0, "end": 11},
                      headers={"X-CSRF-Token": client.cookies.get("cotheme_csrf") or ""})
    assert api.status_code == 201, api.text
    assert "2 codes, 2 codings" in client.get("/").text


def test_home_lists_transcripts_a_page_at_a_time(project: Project, tmp_path: Path) -> None:
    project.import_files(_files(tmp_path / "many", 55))
    client = client_for(project)
    page = client.get("/").text
    assert page.count('<a href="/documents/') == 50 and "50 of 55 shown" in page and 'id="docs-more"' in page
    rest = client.get("/api/v1/home/documents?offset=50&limit=50").json()
    assert rest["total"] == 55 and [d["title"] for d in rest["documents"]] == [f"P{i:03d}" for i in range(51, 56)]
    found = client.get("/api/v1/home/documents?q=p05").json()
    assert found["total"] == 6 and {d["title"] for d in found["documents"]} == {f"P{i:03d}" for i in range(50, 56)}
    assert client.get("/api/v1/home/documents?q=100%25").json()["total"] == 0  # % is a character, not a wildcard
    assert client.get("/api/v1/home/documents?limit=0").status_code == 422


def test_team_part_only_with_a_team(project: Project, interview_file: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    project.import_files([interview_file])
    project.code(1, "Waiting", quote="the waiting list was long", create=True)
    client = client_for(project)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the team's progress was computed on a single-user project")

    with monkeypatch.context() as patch:
        patch.setattr(Project, "progress", never)
        patch.setattr(Project, "queue", never)
        assert 'id="team-home"' not in client.get("/").text  # one member: never computed
        assert client.get("/api/v1/home/team").json() == {"html": ""}
    project.add_member("Ann", permission="coder")
    assert 'id="team-home"' in client.get("/").text
    assert "what each coder has coded so far" in client.get("/api/v1/home/team").json()["html"]


def test_gzip_when_asked_and_not_for_event_streams(hostile_project: Project) -> None:
    client = client_for(hostile_project)
    app = client.app

    async def ticks() -> Iterator[bytes]:  # type: ignore[misc]
        yield b"data: " + b"x" * 4000 + b"\n\n"

    app.add_api_route("/test-events", lambda: StreamingResponse(ticks(), media_type="text/event-stream"))
    zipped = client.get("/documents/1", headers={"Accept-Encoding": "gzip"})
    assert zipped.status_code == 200 and zipped.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["vary"] and "Content-Security-Policy" in zipped.headers
    with client.stream("GET", "/documents/1", headers={"Accept-Encoding": "gzip"}) as raw:
        wire = b"".join(raw.iter_raw())
    assert gzip.decompress(wire).decode() == zipped.text and len(wire) < len(zipped.content) / 2
    plain = client.get("/documents/1", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.text == zipped.text
    small = client.get("/api/v1/members", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers  # under 1 KB: not worth it
    stream = client.get("/test-events", headers={"Accept-Encoding": "gzip"})
    assert stream.status_code == 200 and "content-encoding" not in stream.headers
    assert stream.text.startswith("data: xxx")


def test_participant_columns_are_headed_by_the_attributes_labels(project: Project, tmp_path: Path) -> None:
    sheet = tmp_path / "people.csv"
    sheet.write_text("id,service_use\nP001,drop-in\n", encoding="utf-8")
    project.import_cases(sheet)
    client = client_for(project)
    assert '<th scope="col">service_use</th>' in client.get("/").text
    project.set_attribute("service_use", label="Main service used")  # a write: the cached page is redrawn
    page = client.get("/").text
    assert '<th scope="col">Main service used</th>' in page and '<th scope="col">service_use</th>' not in page
