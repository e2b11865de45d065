"""Agreement and reconciliation over HTTP (in-process) on the demo study: API, pages, reflexive mode."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cotheme.domain.plain import plain
from cotheme.services.project import Project
from tests.web.conftest import client_for, csrf

CODERS = "Sam%20Okafor,Rowan%20Pike"


@pytest.fixture
def demo(demo_path: Path, tmp_path: Path) -> Iterator[tuple[Project, TestClient]]:
    copy = tmp_path / "demo.cotheme"
    copy.write_bytes(demo_path.read_bytes())
    with Project.open(copy) as project:
        yield project, client_for(project)


def test_agreement_api_and_page(demo: tuple[Project, TestClient]) -> None:
    project, client = demo
    report = client.get(f"/api/v1/agreement?coders={CODERS}&bootstrap=50").json()
    assert report["coders"] == ["Sam Okafor", "Rowan Pike"] and len(report["documents"]) == 6
    kappa = report["overall"]["cohen_kappa"]
    assert -1 <= kappa["low"] <= kappa["value"] <= kappa["high"] <= 1 and report["overall_alpha_u"]["value"] < 1
    assert report == plain(project.agreement(["Sam Okafor", "Rowan Pike"], bootstrap=50))  # same as --json
    ids = [str(m.id) for m in project.members() if m.name in ("Sam Okafor", "Rowan Pike")]
    page = client.get(f"/agreement?coder={ids[0]}&coder={ids[1]}&bootstrap=50")
    assert page.status_code == 200 and "Cohen’s κ" not in page.text
    assert "Cohen&#39;s κ" in page.text and 'id="per-code"' in page.text and "/reconcile?doc=" in page.text
    for tag in re.findall(r"<script[^>]*>", page.text):
        assert 'src="/static/' in tag or 'type="application/json"' in tag, tag
    bad = client.get("/api/v1/agreement?coders=Sam%20Okafor&bootstrap=0")
    assert bad.status_code == 422 and "at least two" in bad.json()["error"]
    assert client.get("/agreement").status_code == 200  # the form alone


def test_reflexive_mode_over_http(demo: tuple[Project, TestClient]) -> None:
    project, client = demo
    assert client.get("/api/v1/settings/reflexive-mode").json() == {"on": False}
    assert client.put("/api/v1/settings/reflexive-mode", json={"on": True}).status_code == 403  # CSRF
    assert client.put("/api/v1/settings/reflexive-mode", json={"on": True}, headers=csrf(client)).json() == {"on": True}
    report = client.get(f"/api/v1/agreement?coders={CODERS}").json()
    assert report["reflexive"] and report["overall"] is None and report["overall_alpha_u"] is None
    assert all(c["scores"] is None and c["alpha_u"] is None for c in report["codes"]) and report["differences"]
    ids = [str(m.id) for m in project.members()][:2]
    page = client.get(f"/agreement?coder={ids[0]}&coder={ids[1]}").text
    assert "Differences to discuss" in page and 'id="per-code"' not in page and "κ" not in page.split("<main")[1]


def test_reconcile_api_and_page(demo: tuple[Project, TestClient]) -> None:
    project, client = demo
    found = client.get(f"/api/v1/reconcile?doc=P01&coders={CODERS}").json()
    assert found["counts"]["pending"] == len(found["items"]) > 0
    differ = next(i for i in found["items"] if i["kind"] == "differ")
    original = differ["first"][0]["coding"]
    headers = csrf(client)
    made = client.post("/api/v1/reconcile/accept", json={"coding_id": original["id"]}, headers=headers)
    assert made.status_code == 201 and made.json()["coder"] == "consensus"
    assert made.json()["start"] == original["start"] and made.json()["code_id"] == original["code_id"]
    again = client.post("/api/v1/reconcile/accept", json={"coding_id": original["id"]}, headers=headers)
    assert again.status_code == 409 and "already in the consensus" in again.json()["error"]
    other = differ["second"][0]["coding"]["id"]
    assert client.post("/api/v1/reconcile/reject", json={"coding_id": other}, headers=headers).status_code == 204
    agree = next(i for i in found["items"] if i["kind"] == "agree")
    both = [s["coding"]["id"] for s in (*agree["first"], *agree["second"])]
    merged = client.post("/api/v1/reconcile/merge", json={"coding_ids": both}, headers=headers)
    assert merged.status_code == 201
    assert client.post("/api/v1/reconcile/merge", json={"coding_ids": [both[0]]}, headers=headers).status_code == 422
    after = client.get(f"/api/v1/reconcile?doc=P01&coders={CODERS}").json()
    assert after["counts"]["resolved"] == 2 and len(after["consensus"]) == 2
    assert client.get(f"/api/v1/codings/{original['id']}").json()["coder"] == original["coder"]
    page = client.get("/reconcile?doc=1&first=Sam%20Okafor&second=Rowan%20Pike")
    assert page.status_code == 200 and 'id="reconcile-data"' in page.text and 'id="rc-items"' in page.text
    assert client.get("/reconcile").status_code == 200
    assert 'role="alert"' in client.get("/reconcile?doc=1&coders=Sam%20Okafor").text
    paths = set(client.get("/api/v1/openapi.json").json()["paths"])
    assert {"/api/v1/agreement", "/api/v1/reconcile", "/api/v1/reconcile/accept", "/api/v1/reconcile/merge",
            "/api/v1/reconcile/reject", "/api/v1/settings/reflexive-mode"} <= paths


def test_hostile_text_stays_text(hostile_project: Project) -> None:
    """Transcript text, code and member names with markup in them are escaped on both pages."""
    hostile_project.add_member("<b>Ana</b>")
    hostile_project.add_member("Ben<script>")
    hostile_project.create_code("<img src=x onerror=alert(1)>")
    hostile_project.code("1", "<img src=x onerror=alert(1)>", quote="<img src=x", coder="<b>Ana</b>")
    hostile_project.code("1", "Trust", quote="<script>alert('x')</script>", coder="Ben<script>")
    client = client_for(hostile_project)
    ids = [str(m.id) for m in hostile_project.members() if m.name in ("<b>Ana</b>", "Ben<script>")]
    pages = [client.get(f"/agreement?coder={ids[0]}&coder={ids[1]}&doc=1&bootstrap=0").text,
             client.get(f"/reconcile?doc=1&first={ids[0]}&second={ids[1]}").text]
    for page in pages:
        assert "<img src=x" not in page and "<script>alert" not in page and "<b>Ana</b>" not in page
        assert "</script><script" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in pages[0]
