"""/api/v1/deid/groups, /deid/rejected and /deid/risk, and the /deid page's filters, in-process: the
same rules and sentences as the CLI, 4xx for bad input, and a risk report that never holds a replaced
original. (Who may call them: every route is a lead's, checked by tests/team/test_permissions.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cotheme.services.project import Project
from tests.web.conftest import client_for, csrf

TEXT = ("Interviewer: Hello.\n\nP01: My sister Priya drove me. Priya's car is old. Email sam.k@example.org.\n\n"
        "Interviewer: Then?\n\nP01: My nan went to the Recovery College.\n")


@pytest.fixture
def web(project: Project, tmp_path: Path) -> tuple[TestClient, Project]:
    (tmp_path / "P01.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "P02.txt").write_text("Interviewer: Hi.\n\nP02: priya came as well.\n", encoding="utf-8")
    project.import_files([tmp_path / "P01.txt"])
    project.deid_scan(use_model=False)
    # Imported after the scan: its "priya" is an occurrence that no scan has proposed.
    project.import_files([tmp_path / "P02.txt"])
    return client_for(project), project


def test_groups_decisions_and_the_reject_list(web: tuple[TestClient, Project]) -> None:
    client, project = web
    groups = client.get("/api/v1/deid/groups").json()
    priya = next(g for g in groups if g["string"] == "Priya")
    assert priya["kind"] == "person" and priya["contexts"][0]["sentence"] == "My sister Priya drove me."
    assert {g["kind"] for g in client.get("/api/v1/deid/groups?kind=email").json()} == {"email"}
    assert client.get("/api/v1/deid/groups?min_confidence=2").status_code == 422
    bad = client.get("/api/v1/deid/groups?kind=shoe")
    assert bad.status_code == 422 and "'shoe' is not a kind" in bad.json()["error"]

    done = client.post("/api/v1/deid/groups", json={"string": "Priya's", "decision": "accept", "placeholder": "[sister]"},
                       headers=csrf(client))
    assert done.status_code == 200
    assert done.json()["message"] == "Accepted 'Priya' everywhere: 3 occurrences (1 that no scan had proposed) -> [sister]."
    assert {c.status for c in project.deid_candidates() if c.original.lower().startswith("priya")} == {"accepted"}
    assert client.post("/api/v1/deid/groups", json={"string": "Priya", "decision": "maybe"}, headers=csrf(client)).status_code == 422
    missing = client.post("/api/v1/deid/groups", json={"string": "Nobody", "decision": "accept"}, headers=csrf(client))
    assert missing.status_code == 404 and "No candidate is 'Nobody'" in missing.json()["error"]

    rejected = client.post("/api/v1/deid/groups", json={"string": "Recovery College", "decision": "reject"}, headers=csrf(client))
    assert "reject list" in rejected.json()["message"]
    assert [t["term"] for t in client.get("/api/v1/deid/rejected").json()] == ["Recovery College"]
    assert client.post("/api/v1/deid/rejected", json={"string": "Zoom"}, headers=csrf(client)).status_code == 200
    assert client.delete("/api/v1/deid/rejected?string=recovery%20college", headers=csrf(client)).status_code == 200
    assert [t["term"] for t in client.get("/api/v1/deid/rejected").json()] == ["Zoom"]
    gone = client.delete("/api/v1/deid/rejected?string=recovery%20college", headers=csrf(client))
    assert gone.status_code == 404 and "not on the reject list" in gone.json()["error"]

    page = client.get("/deid?kind=person&min_confidence=0.5&status=accepted")
    assert page.status_code == 200 and 'data-string="Priya"' in page.text and 'data-string="Recovery College"' not in page.text
    assert client.get("/deid?min_confidence=lots").status_code == 422


def test_residual_risk_over_http(web: tuple[TestClient, Project], tmp_path: Path) -> None:
    client, project = web
    project.deid_decide_string("Priya", "accept")
    project.deid_apply(passphrase="correct horse battery", key_path=tmp_path / "k")
    report = client.get("/api/v1/deid/risk?use_model=false").json()
    p01 = next(d for d in report["documents"] if d["document"] == "P01")
    assert p01["replaced"] == {"person": 2}
    assert "sam.k@example.org" in {x["text"] for x in p01["leftovers"]}
    for fmt in ("md", "html", "docx", "csv"):
        answer = client.get(f"/api/v1/deid/risk?format={fmt}&use_model=false")
        assert answer.status_code == 200 and b"Priya" not in answer.content and b"PRIYA" not in answer.content
        assert "default-src 'none'" in answer.headers["content-security-policy"]
        assert ("attachment" in answer.headers.get("content-disposition", "")) == (fmt != "html")
    bad = client.get("/api/v1/deid/risk?format=pdf")
    assert bad.status_code == 422 and "written as md, html, docx, csv" in bad.json()["error"]
