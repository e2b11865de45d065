"""The recording routes: range requests (206, Content-Range, 416), no caching, uploads streamed into
the store, removal, permissions, and a coding's time span (both engines)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cotheme.services.importing import RecordingSource, SourceFile
from cotheme.services.project import Project
from cotheme.storage.recordings import CHUNK_SIZE
from tests.recording_media import tone_wav
from tests.web.conftest import client_for, csrf

VTT = (
    b"WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v Interviewer>How was it?\n\n"
    b"00:00:02.000 --> 00:00:05.000\n<v P01>It was hard at first.\n"
)


@pytest.fixture(scope="module")
def wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tone_wav(tmp_path_factory.mktemp("media") / "talk.wav", 40)


@pytest.fixture
def recorded(project: Project, wav: Path) -> tuple[TestClient, int, bytes]:
    doc = project.import_sources([SourceFile("talk.vtt", VTT, recording=RecordingSource.from_path(wav))])[0].id
    return client_for(project), doc, wav.read_bytes()


def test_whole_file_and_ranges(recorded: tuple[TestClient, int, bytes]) -> None:
    client, doc, data = recorded
    url = f"/api/v1/documents/{doc}/recording"
    whole = client.get(url)
    assert whole.status_code == 200 and whole.content == data
    assert whole.headers["accept-ranges"] == "bytes" and whole.headers["cache-control"] == "no-store"
    assert whole.headers["content-type"] == "audio/wav" and "content-encoding" not in whole.headers
    for header, start, end in [
        ("bytes=0-99", 0, 99), (f"bytes={CHUNK_SIZE - 10}-{CHUNK_SIZE + 10}", CHUNK_SIZE - 10, CHUNK_SIZE + 10),
        ("bytes=-16", len(data) - 16, len(data) - 1), ("bytes=1000-", 1000, len(data) - 1),
        (f"bytes=5-{len(data) * 2}", 5, len(data) - 1),
    ]:
        part = client.get(url, headers={"Range": header})
        assert part.status_code == 206, header
        assert part.headers["content-range"] == f"bytes {start}-{end}/{len(data)}"
        assert part.content == data[start : end + 1]
        assert int(part.headers["content-length"]) == end - start + 1
    refused = client.get(url, headers={"Range": f"bytes={len(data)}-"})
    assert refused.status_code == 416 and refused.headers["content-range"] == f"bytes */{len(data)}"


def test_info_upload_replace_and_remove(recorded: tuple[TestClient, int, bytes], tmp_path: Path) -> None:
    client, doc, data = recorded
    info = client.get(f"/api/v1/documents/{doc}/recording/info").json()
    assert info["filename"] == "talk.wav" and info["size_bytes"] == len(data) and info["duration_ms"] == 40000
    short = tone_wav(tmp_path / "second take.wav", 2).read_bytes()
    put = client.put(f"/api/v1/documents/{doc}/recording", params={"filename": "second take.wav"}, content=short,
                     headers={**csrf(client), "Content-Type": "audio/x-wav"})
    assert put.status_code == 200, put.text
    assert put.json()["filename"] == "second take.wav" and put.json()["mime"] == "audio/wav"
    assert client.get(f"/api/v1/documents/{doc}/recording").content == short
    bad = client.put(f"/api/v1/documents/{doc}/recording", params={"filename": "notes.mp3"},
                     content=b"not audio at all" * 50, headers=csrf(client))
    assert bad.status_code == 422
    assert bad.json()["error"].startswith("notes.mp3 is not an audio or video recording cotheme can play")
    assert client.get(f"/api/v1/documents/{doc}/recording").content == short  # the old one stays
    assert client.delete(f"/api/v1/documents/{doc}/recording", headers=csrf(client)).status_code == 204
    gone = client.get(f"/api/v1/documents/{doc}/recording")
    assert gone.status_code == 404 and "has no recording" in gone.json()["error"]


def test_a_viewer_listens_but_may_not_upload(recorded: tuple[TestClient, int, bytes], project: Project) -> None:
    client, doc, data = recorded
    project.add_member("Vee", permission="viewer")
    client.cookies.set("cotheme_member", str([m.id for m in project.members() if m.name == "Vee"][0]))
    assert client.get(f"/api/v1/documents/{doc}/recording", headers={"Range": "bytes=0-3"}).content == b"RIFF"
    put = client.put(f"/api/v1/documents/{doc}/recording", params={"filename": "x.wav"}, content=data[:1000],
                     headers=csrf(client))
    assert put.status_code == 403


def test_coding_time_span(recorded: tuple[TestClient, int, bytes], project: Project) -> None:
    client, doc, _ = recorded
    text = project.document(doc).text
    start = text.index("hard")
    coding = project.code(doc, "Hard times", start=start, end=start + 4, create=True)
    got = client.get(f"/api/v1/codings/{coding.id}/time").json()
    assert got == {"coding_id": coding.id, "start_ms": 2000, "end_ms": 5000}


def test_import_a_transcript_with_its_recording_in_one_request(project: Project, wav: Path) -> None:
    client = client_for(project)
    files = [("files", ("talk.vtt", VTT, "text/vtt")), ("recording", ("talk.wav", wav.read_bytes(), "audio/wav"))]
    answer = client.post("/api/v1/imports/recorded", files=files, data={"case": ""}, headers=csrf(client))
    assert answer.status_code == 201, answer.text
    doc = answer.json()["documents"][0]["id"]
    assert client.get(f"/api/v1/documents/{doc}/recording").content == wav.read_bytes()
    assert [(t.t_start_ms, t.t_end_ms) for t in project.document(doc).turns] == [(0, 2000), (2000, 5000)]


def test_a_bad_recording_with_its_transcript_imports_nothing(project: Project) -> None:
    client = client_for(project)
    files = [("files", ("talk.vtt", VTT, "text/vtt")), ("recording", ("talk.m4a", b"plain text" * 100, "audio/mp4"))]
    answer = client.post("/api/v1/imports/recorded", files=files, headers=csrf(client))
    assert answer.status_code == 422
    assert answer.json()["error"].startswith("talk.m4a is not an audio or video recording")
    assert project.documents() == []
    missing = client.post("/api/v1/imports/recorded", files=[("files", ("talk.vtt", VTT, "text/vtt"))],
                          headers=csrf(client))
    assert missing.status_code == 422 and "No 'recording' file came with the request" in missing.json()["error"]


def test_a_video_call_plays_in_a_video_element(project: Project, tmp_path: Path) -> None:
    from tests.recording_media import encoded

    video = encoded(tmp_path / "call.mp4", "aac", 1.0, video=True)
    doc = project.import_sources([SourceFile("call.vtt", VTT, recording=RecordingSource.from_path(video))])[0].id
    client = client_for(project)
    page = client.get(f"/documents/{doc}").text
    assert '<video id="player-media"' in page and f'src="/api/v1/documents/{doc}/recording"' in page
    head = client.get(f"/api/v1/documents/{doc}/recording", headers={"Range": "bytes=0-11"})
    assert head.status_code == 206 and head.headers["content-type"] == "video/mp4" and head.content[4:8] == b"ftyp"


def test_a_refused_transcript_leaves_no_stored_upload(project: Project, wav: Path) -> None:
    from sqlalchemy import func, select

    from cotheme.storage.schema import recording_chunks, recordings

    client = client_for(project)
    files = [("files", ("talk.vtt", VTT, "text/vtt")), ("recording", ("talk.wav", wav.read_bytes(), "audio/wav"))]
    assert client.post("/api/v1/imports/recorded", files=files, headers=csrf(client)).status_code == 201
    again = client.post("/api/v1/imports/recorded", files=files, headers=csrf(client))
    assert again.status_code == 409 and "has the same text as the document 'talk'" in again.json()["error"]
    with project._store.read() as conn:
        assert conn.scalar(select(func.count()).select_from(recordings)) == 1
        chunks = conn.scalar(select(func.count()).select_from(recording_chunks))
    assert chunks == -(-wav.stat().st_size // (1 << 20))


def test_a_malformed_multipart_body_is_refused_not_an_error(project: Project) -> None:
    """A carriage return inside a part's header (as a fuzzer sends) is the sender's mistake: 422 with a
    sentence, nothing imported, never a 500."""
    client = client_for(project)
    boundary = "b0undary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a\rb.vtt\"\r\n\r\n"
            f"WEBVTT\r\n--{boundary}--\r\n").encode()
    answer = client.post("/api/v1/imports/recorded", content=body,
                         headers={**csrf(client), "Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert answer.status_code == 422, answer.text
    assert "not a well-formed multipart form" in answer.json()["error"]
    assert project.documents.list() == []
