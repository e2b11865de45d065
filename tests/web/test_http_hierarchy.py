"""HTTP on the demo study: codes with own and with-sub-code counts, retrieval with and without
sub-codes (a passage once, with its memos), reports with sub-codes, memos naming their targets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cotheme.services.project import Project
from tests.web.conftest import client_for, csrf


@pytest.fixture
def demo(demo_path: Path, tmp_path: Path) -> Iterator[tuple[TestClient, Project]]:
    copy = tmp_path / "demo.cotheme"
    copy.write_bytes(demo_path.read_bytes())
    with Project.open(copy) as project:
        yield client_for(project), project


def _peer(client: TestClient) -> dict[str, object]:
    return next(c for c in client.get("/api/v1/codes").json() if c["path"] == "Peer support")


def test_codes_carry_own_and_with_sub_code_counts(demo: tuple[TestClient, Project]) -> None:
    client, _ = demo
    peer = _peer(client)
    assert (peer["extracts"], peer["extracts_with_subcodes"], peer["subcodes"]) == (0, 11, 3)
    assert peer["participants_with_subcodes"] == 5
    page = client.get("/retrieve").text
    assert "Peer support <span class=\"muted\">(0 own · 11 with sub-codes)</span>" in page
    assert 'id="subcodes" name="subcodes" value="true" checked' in page
    assert 'id="subcodes" name="subcodes" value="true" >' in client.get("/retrieve?subcodes=false").text


def test_extracts_of_a_parent_with_and_without_sub_codes(demo: tuple[TestClient, Project]) -> None:
    client, project = demo
    peer = _peer(client)["id"]
    found = client.get(f"/api/v1/extracts?code={peer}").json()
    assert len(found) == 11 and all(item["codes"][0].startswith("Peer support/") for item in found)
    assert client.get(f"/api/v1/extracts?code={peer}&subcodes=false").json() == []
    coding = found[0]["coding_ids"][0]
    answer = client.post("/api/v1/memos", json={"text": "Told in the group's words", "target": "coding",
                                                "target_id": coding}, headers=csrf(client))
    assert answer.status_code == 201
    memo = answer.json()
    assert memo["about"].startswith(f"on a coding in {found[0]['extract']['document']}, turn ")
    assert memo["link"] == f"/documents/{found[0]['extract']['document_id']}#turn-{memo['turn'] - 1}"
    again = client.get(f"/api/v1/extracts?code={peer}").json()
    assert [m["text"] for m in again[0]["memos"]] == ["Told in the group's words"]
    assert all(item["memos"] == [] for item in again[1:])


def test_memos_name_their_targets_with_links(demo: tuple[TestClient, Project]) -> None:
    client, project = demo
    stigma = next(c.code.id for c in project.codes() if c.code.name == "Stigma")
    project.add_memo("Stigma is everywhere", target="code", target_id=stigma, author="Sam Okafor")
    memos = client.get("/api/v1/memos").json()
    assert memos[0]["about"] == "on code Stigma" and memos[0]["link"] == f"/retrieve?code={stigma}"
    on_doc = next(m for m in memos if m["target"] == "document")
    assert on_doc["about"] == f"on {on_doc['target_name']}" and on_doc["link"] == f"/documents/{on_doc['target_id']}"
    project_memo = next(m for m in memos if m["target"] == "project")
    assert project_memo["about"] == "on the project" and project_memo["link"] is None
    page = client.get("/memos").text
    assert f'<a class="memo-target" href="/retrieve?code={stigma}">on code Stigma</a>' in page
    assert "on code 12" not in page and "document 5" not in page


def test_reports_take_sub_codes(demo: tuple[TestClient, Project]) -> None:
    client, _ = demo
    on = client.get("/api/v1/reports/cooccurrence?format=json").json()
    off = client.get("/api/v1/reports/cooccurrence?format=json&subcodes=false").json()
    assert on["subcodes"] and "Peer support" in on["codes"] and "Peer support" not in off["codes"]
    rows = client.get("/api/v1/reports/matrix?format=json&by=gender").json()
    assert rows["subcodes"] is True
