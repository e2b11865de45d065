"""Transcribing on the server: a job started with the recording as the body, polled until it has stored
its document and recording, cancelled without storing anything, seen only by who started it; and the
speakers fixed after it (rename, merge, one turn to another speaker) on both engines."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cotheme.services.project import Project
from tests.transcribe_audio import interview_wav
from tests.web.conftest import client_for, csrf


@pytest.fixture(scope="module")
def spoken(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path, _ = interview_wav(tmp_path_factory.mktemp("speech"), "P11.wav")
    return path.read_bytes()


def _start(client: TestClient, data: bytes, **params: str) -> dict:
    answer = client.post("/api/v1/transcriptions", params={"filename": "P11.wav", **params}, content=data,
                         headers={**csrf(client), "Content-Type": "application/octet-stream"})
    assert answer.status_code == 202, answer.text
    return answer.json()


def _wait(client: TestClient, job: int) -> dict:
    for _ in range(600):
        state = client.get(f"/api/v1/transcriptions/{job}").json()
        if state["state"] != "running":
            return state
        time.sleep(0.5)
    raise AssertionError("the transcription did not end")


def test_a_transcription_job_stores_its_document_and_recording(project: Project, spoken: bytes) -> None:
    client = client_for(project)
    job = _start(client, spoken, speakers="2")
    done = _wait(client, job["id"])
    assert done["state"] == "done" and done["error"] is None and done["total_s"] > 5
    [document] = done["documents"]
    assert document["title"] == "P11" and document["speakers"] == ["Speaker 1", "Speaker 2"]
    assert project.recording(document["id"]).size_bytes == len(spoken)
    turns = client.get(f"/api/v1/documents/{document['id']}").json()["turns"]
    assert [t["speaker"] for t in turns] == ["Speaker 1", "Speaker 2"] * 2 and turns[1]["t_start_ms"] > 2000

    headers = csrf(client)
    renamed = client.put(f"/api/v1/documents/{document['id']}/speakers", json={"old": "Speaker 1", "new": "Interviewer"},
                         headers=headers)
    assert renamed.status_code == 200 and renamed.json() == {"changed": 2, "speakers": ["Interviewer", "Speaker 2"]}
    moved = client.put(f"/api/v1/documents/{document['id']}/turns/3/speaker", json={"speaker": "Speaker 3"}, headers=headers)
    assert moved.status_code == 200 and moved.json()["speakers"] == ["Interviewer", "Speaker 2", "Speaker 3"]
    merged = client.put(f"/api/v1/documents/{document['id']}/speakers", json={"old": "Speaker 3", "new": "Speaker 2"},
                        headers=headers)
    assert merged.json()["speakers"] == ["Interviewer", "Speaker 2"]
    assert [t.speaker for t in project.document(document["id"]).turns] == ["Interviewer", "Speaker 2"] * 2
    missing = client.put(f"/api/v1/documents/{document['id']}/turns/9/speaker", json={"speaker": "X"}, headers=headers)
    assert missing.status_code == 404 and missing.json()["error"] == "That document has no turn 10."


def test_a_cancelled_transcription_stores_nothing(project: Project, spoken: bytes) -> None:
    client = client_for(project)
    job = _start(client, spoken)
    stopped = client.delete(f"/api/v1/transcriptions/{job['id']}", headers=csrf(client))
    assert stopped.status_code == 202
    done = _wait(client, job["id"])
    assert done["state"] == "cancelled" and done["error"] == "The transcription was stopped; nothing was imported."
    assert project.documents() == []


def test_bad_requests_get_one_sentence(project: Project, spoken: bytes) -> None:
    client = client_for(project)
    headers = {**csrf(client), "Content-Type": "application/octet-stream"}
    wrong = client.post("/api/v1/transcriptions", params={"filename": "a.wav", "model": "tiny.en", "language": "fr"},
                        content=spoken, headers=headers)
    assert wrong.status_code == 422 and "English only" in wrong.json()["error"]
    empty = client.post("/api/v1/transcriptions", params={"filename": "a.wav"}, content=b"", headers=headers)
    assert empty.status_code == 422 and empty.json()["error"].startswith("a.wav: no bytes came")
    assert client.get("/api/v1/transcriptions/999").status_code == 404
    junk = _start(client, b"not sound at all" * 50)
    failed = _wait(client, junk["id"])
    assert failed["state"] == "failed" and "could not be read as a recording" in failed["error"]
