"""/api/v1/study and /api/v1/figures over HTTP on a copy of the demo study: the checklist in JSON, a
lead's change all or nothing, a coder refused, and each figure as SVG, PNG and PDF."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cotheme.services.project import Project
from tests.web.conftest import client_for, csrf


@pytest.fixture
def api(demo_path: Path, tmp_path: Path) -> Iterator[tuple[TestClient, Project]]:
    copy = tmp_path / "demo.cotheme"
    copy.write_bytes(demo_path.read_bytes())
    project = Project.open(copy)
    yield client_for(project), project
    project.close()


def test_study_json_and_a_leads_change(api: tuple[TestClient, Project]) -> None:
    client, project = api
    data = client.get("/api/v1/study").json()
    assert len(data["coreq"]) == 32 and data["metadata"]["ethics_reference"] == "DEMO-0000 (fictional)"
    item26 = data["coreq"][25]
    assert item26["answered"] and item26["where"] == "Themes" and item26["answer"].startswith("Themes were derived")
    assert data["coreq"][1] == {**data["coreq"][1], "answered": False, "where": "", "answer": "open"}
    changed = client.patch("/api/v1/study", json={"fields": {"team_credentials": "PhD; MSc", "attribution": "id"}},
                           headers=csrf(client))
    assert changed.status_code == 200
    assert changed.json()["coreq"][1] == {**changed.json()["coreq"][1], "answered": True, "where": "Study page",
                                          "answer": "PhD; MSc"}
    assert project.attribution() == "id"
    refused = client.patch("/api/v1/study", json={"fields": {"team_gender": "women", "attribution": "names"}},
                           headers=csrf(client))
    assert refused.status_code == 422 and "use one of none, id, id-attributes" in refused.json()["error"]
    assert {e.field.name: e.value for e in project.study()}["team_gender"] == ""  # nothing was changed
    unknown = client.patch("/api/v1/study", json={"fields": {"colour": "red"}}, headers=csrf(client))
    assert unknown.status_code == 422 and "'colour' is not a study field" in unknown.json()["error"]


def test_a_coder_reads_but_cannot_change_the_study(api: tuple[TestClient, Project]) -> None:
    client, project = api
    coder = next(m for m in project.members() if m.permission.value == "coder")
    client.cookies.set("cotheme_member", str(coder.id))
    assert client.get("/api/v1/study").status_code == 200
    assert client.get("/study").status_code == 200
    refused = client.patch("/api/v1/study", json={"fields": {"sampling": "x"}}, headers=csrf(client))
    assert refused.status_code == 403


@pytest.mark.parametrize("kind", ["heatmap", "cooccurrence", "coverage"])
def test_figures(api: tuple[TestClient, Project], kind: str) -> None:
    client, _ = api
    svg = client.get(f"/api/v1/figures/{kind}")
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    ET.fromstring(svg.content)
    png = client.get(f"/api/v1/figures/{kind}?format=png&dpi=100")
    assert png.status_code == 200 and png.content[:4] == b"\x89PNG" and "attachment" in png.headers["content-disposition"]
    pdf = client.get(f"/api/v1/figures/{kind}?format=pdf")
    assert pdf.status_code == 200 and pdf.content[:4] == b"%PDF"


def test_figure_options_and_refusals(api: tuple[TestClient, Project]) -> None:
    client, _ = api
    grouped = client.get("/api/v1/figures/heatmap?columns_by=gender&values=presence")
    assert grouped.status_code == 200 and b"non-binary" in grouped.content
    for url, sentence in (
        ("/api/v1/figures/pie", "'pie' is not a figure"),
        ("/api/v1/figures/heatmap?format=gif", "not 'gif'"),
        ("/api/v1/figures/heatmap?columns_by=shoe", "no attribute 'shoe'"),
    ):
        answer = client.get(url)
        assert answer.status_code in (404, 422) and sentence in answer.json()["error"], url
    assert client.get("/api/v1/figures/heatmap?dpi=5").status_code == 422
    page = client.get("/figures?columns_by=gender")
    assert page.status_code == 200 and "/api/v1/figures/heatmap?format=svg&amp;values=counts&amp;columns_by=gender" in page.text
    assert 'href="/figures"' in client.get("/reports").text
