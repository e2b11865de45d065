"""/api/v1 misfits and drafts, and the code page, through the in-process client with a stub model
server: NDJSON events, accept by id (the server's provenance), permissions, refusals as one sentence."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cotheme.services.project import Project
from tests.llm_stub import FINGERPRINT, Behaviour, stub_server
from tests.web.conftest import client_for, csrf

HOSTILE = "DEFINITION: <script>alert(1)</script><img src=x onerror=alert(2)>\nINCLUDE: [1]\nEXCLUDE: none"


@pytest.fixture
def coded(project: Project, tmp_path: Path) -> Project:
    path = tmp_path / "P01.txt"
    path.write_text("P01: I waited four months. Nobody rang back.\n\nP02: The food was cold.\n", encoding="utf-8")
    project.import_files([path])
    project.create_code("Waiting")
    project.create_code("Food", definition="Meals.")
    project.code("P01", "Waiting", quote="I waited four months.")
    project.code("P01", "Waiting", quote="Nobody rang back.")
    project.code("P01", "Waiting", quote="The food was cold.")
    return project


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[Behaviour]:
    with stub_server(Behaviour(text=HOSTILE)) as (url, behaviour):
        monkeypatch.setenv("COTHEME_LLM_URL", url + "/v1")
        monkeypatch.setenv("COTHEME_LLM_API", "openai")
        yield behaviour


def _events(client: TestClient, body: dict[str, object]) -> list[dict[str, object]]:
    response = client.post("/api/v1/drafts/stream", json=body, headers=csrf(client))
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/x-ndjson")
    return [json.loads(line) for line in response.text.splitlines() if line.strip()]


def test_stream_accept_and_list(coded: Project, stub: Behaviour) -> None:
    client = client_for(coded)
    waiting = next(c.code.id for c in coded.codes() if c.code.name == "Waiting")
    events = _events(client, {"code_id": waiting, "seed": 5})
    kinds = [e["type"] for e in events]
    assert kinds[0] == "extracts" and kinds[-1] == "draft" and "text" in kinds
    assert [x["text"] for x in events[0]["extracts"]][:1] == ["I waited four months."]  # type: ignore[index]
    final = events[-1]
    assert final["draft"]["provenance"]["digest"] == FINGERPRINT  # type: ignore[index]
    assert client.get("/api/v1/drafts").json() == []
    forged = client.post("/api/v1/drafts/accept", json={"draft_id": "made-up"}, headers=csrf(client))
    assert forged.status_code == 404 and "draft again" in forged.json()["error"]
    saved = client.post("/api/v1/drafts/accept", json={"draft_id": final["id"]}, headers=csrf(client))
    assert saved.status_code == 201 and saved.json()["provenance"]["seed"] == 5
    assert client.get("/api/v1/drafts").json()[0]["provenance"]["model"] == "stub-model:1b"
    page = client.get(f"/codes/{waiting}")
    assert page.status_code == 200 and "<script>alert(1)" not in page.text and "&lt;script&gt;alert(1)" in page.text


def test_an_accepted_theme_summary_shows_on_the_theme_page(coded: Project, stub: Behaviour) -> None:
    theme = coded.create_theme("Waiting for help", codes=["Waiting"])
    client = client_for(coded)
    events = _events(client, {"theme_id": theme.id})
    assert events[0]["kind"] == "theme-summary"
    assert client.post("/api/v1/drafts/accept", json={"draft_id": events[-1]["id"]}, headers=csrf(client)).status_code == 201
    page = client.get(f"/themes/{theme.id}").text
    assert "Accepted summaries" in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    assert "accepted by Lead" in page


def test_misfits_route(coded: Project) -> None:
    client = client_for(coded)
    found = client.get("/api/v1/misfits").json()
    assert found[0]["text"] == "The food was cold." and found[0]["nearest_code"] == "Food"
    assert "Closer to 'Food'" in found[0]["reason"]


def test_refusals(coded: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    client = client_for(coded)
    waiting = next(c.code.id for c in coded.codes() if c.code.name == "Waiting")
    monkeypatch.delenv("COTHEME_LLM_URL", raising=False)
    assert client.get("/api/v1/drafts/endpoint").json()["configured"] is False
    page = client.get(f"/codes/{waiting}")
    assert "COTHEME_LLM_URL" in page.text and 'id="draft-start"' not in page.text
    answer = client.post("/api/v1/drafts/stream", json={"code_id": waiting}, headers=csrf(client))
    assert answer.status_code == 409 and "COTHEME_LLM_URL" in answer.json()["error"]
    monkeypatch.setenv("COTHEME_LLM_URL", "http://192.0.2.1:9/v1")
    answer = client.post("/api/v1/drafts/stream", json={"code_id": waiting}, headers=csrf(client))
    assert answer.status_code == 409 and "nothing was sent" in answer.json()["error"]
