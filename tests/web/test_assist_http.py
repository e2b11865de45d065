"""/api/v1 for coding suggestions over HTTP in-process: the JSON shapes the code picker reads,
accepting with provenance as the acting member, 409 when turned off and 503 without the extra."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cotheme.services import assist_model
from cotheme.services.project import Project
from tests.web.conftest import client_for, csrf


def test_suggest_similar_and_accept(assisted: Project) -> None:
    client = client_for(assisted)
    status = client.get("/api/v1/assist").json()
    assert status["installed"] and status["enabled"] and status["indexed"] == 1
    found = client.get("/api/v1/suggest", params={"text": "I waited months on a list", "top": 2}).json()
    assert [set(s) for s in found] == [{"code_id", "code", "path", "score"}] * 2 and found[0]["code"] == "Waiting"
    text = assisted.document("P01").text
    start = text.index("she actually listened")
    span = {"document_id": 1, "start": start, "end": start + 27, "top": 1}
    assert client.post("/api/v1/suggest", json=span, headers=csrf(client)).json()[0]["code"] == "Listened to"
    listened = next(c.code.id for c in assisted.codes() if c.code.name == "Listened to")
    accepted = client.post("/api/v1/suggest/accept", json={**{k: span[k] for k in ("document_id", "start", "end")},
                                                           "code_id": listened}, headers=csrf(client))
    assert accepted.status_code == 201 and accepted.json()["coder"] == "Lead"
    waiting = next(c.code.id for c in assisted.codes() if c.code.name == "Waiting")
    answer = client.get("/api/v1/similar", params={"code_id": waiting, "top": 3}).json()
    similar = answer["passages"]
    assert answer["considered"] > 3 and answer["interviewer_left_out"] > 0
    assert answer["summary"].startswith(f"Considered {answer['considered']} passages not yet coded with the code; ")
    both = client.get("/api/v1/similar", params={"code_id": waiting, "include_interviewer": True}).json()
    assert both["interviewer_left_out"] == 0 and both["considered"] == answer["considered"] + answer["interviewer_left_out"]
    assert set(similar[0]) == {"passage_id", "document_id", "document", "kind", "start", "end", "text", "score"}
    made = client.post("/api/v1/similar/accept", json={"passage_id": similar[0]["passage_id"], "code_id": waiting},
                       headers=csrf(client))
    assert made.status_code == 201 and made.json()["start"] == similar[0]["start"]
    assert [row[1] for row in assisted.assist_provenance()] == ["suggest", "similar"]
    themes = client.get("/api/v1/assist/themes", params={"groups": 1}).json()
    assert set(themes[0]) == {"number", "codes", "cohesion", "extracts"}
    assert client.get("/api/v1/similar", params={"code_id": 999}).status_code == 404
    evaluation = client.post("/api/v1/assist/evaluate", headers=csrf(client))
    assert evaluation.status_code == 200 and evaluation.json()["passages"] >= 2
    assert {row["code"] for row in evaluation.json()["per_code"]} >= {"Waiting", "Listened to"}


def test_off_is_409_and_no_extra_is_503(assisted: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    client: TestClient = client_for(assisted)
    assisted.set_assist(False)
    refused = client.get("/api/v1/suggest", params={"text": "x"})
    assert refused.status_code == 409 and "cotheme assist on" in refused.json()["error"]
    assisted.set_assist(True)
    monkeypatch.setattr(assist_model, "_installed", lambda module: False)
    missing = client.get("/api/v1/suggest", params={"text": "x"})
    assert missing.status_code == 503 and "pip install 'cotheme[assist]'" in missing.json()["error"]
    assert client.get("/api/v1/assist").json()["installed"] is False


def test_the_picker_asks_once_whether_a_document_can_be_helped(assisted: Project, tmp_path: Path) -> None:
    client = client_for(assisted)
    assert client.get("/api/v1/documents/1/assist").json() == {"installed": True, "enabled": True, "indexed": True}
    (tmp_path / "P02.txt").write_text("Interviewer: Hello?\n\nP02: The food was cold.\n", encoding="utf-8")
    assisted.import_files([tmp_path / "P02.txt"])
    assert client.get("/api/v1/documents/2/assist").json()["indexed"] is False  # not indexed yet
    assisted.set_assist(False)
    assert client.get("/api/v1/documents/1/assist").json() == {"installed": True, "enabled": False, "indexed": False}
    assert client.get("/api/v1/documents/99/assist").status_code == 404
