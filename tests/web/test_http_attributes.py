"""/api/v1/attributes and the participants page over HTTP (in-process), on a copy of the demo study:
definitions with their categories, a lead's change reaching Table 1, a sheet upload, the sentences of
refusals, a coder refused, and Table 1's style, precision and LaTeX through the reports route."""

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


def test_definitions_list_and_change(demo: tuple[TestClient, Project]) -> None:
    client, project = demo
    listed = client.get("/api/v1/attributes").json()
    ethnicity = next(a for a in listed if a["name"] == "ethnicity")
    assert ethnicity["display"] == "Ethnicity" and ethnicity["shown"] is True
    assert ethnicity["categories"][-1] == {"label": "Information not available", "count": 2}
    answer = client.patch("/api/v1/attributes", headers=csrf(client), json={
        "name": "ethnicity", "label": "Ethnic group", "order": ["British Pakistani"], "shown": True})
    assert answer.status_code == 200
    saved = answer.json()
    assert saved["display"] == "Ethnic group" and saved["order"] == ["British Pakistani"]
    assert [c["label"] for c in saved["categories"]][:2] == ["British Pakistani", "Black British (Caribbean)"]
    assert saved["description"] == "Ethnicity as the participant described it."  # left out: unchanged
    assert project.attribute_definitions()[2].label == "Ethnic group"
    table = client.get("/api/v1/reports/sample?format=md").text
    assert "| Ethnic group |  |" in table and table.index("British Pakistani") < table.index("White British")
    page = client.get("/participants")
    assert page.status_code == 200 and "Ethnic group" in page.text and 'data-name="ethnicity"' in page.text


def test_refusals_are_sentences_and_coders_may_not_change(demo: tuple[TestClient, Project]) -> None:
    client, project = demo
    missing = client.patch("/api/v1/attributes", headers=csrf(client), json={"name": "sex", "label": "Sex"})
    assert missing.status_code == 404 and missing.json()["error"].startswith("There is no attribute 'sex'")
    twice = client.patch("/api/v1/attributes", headers=csrf(client), json={"name": "gender", "order": ["man", "MAN"]})
    assert twice.status_code == 422 and "names 'MAN' twice" in twice.json()["error"]
    bad = client.post("/api/v1/attributes/import", headers=csrf(client),
                      files={"file": ("defs.csv", b"name,label\ngender,G\nagee,A\n", "text/csv")})
    assert bad.status_code == 422
    assert bad.json()["error"].startswith("defs.csv, row 3: There is no attribute 'agee'")
    good = client.post("/api/v1/attributes/import", headers=csrf(client),
                       files={"file": ("defs.csv", b"name,label,shown\ngender,Gender identity,no\n", "text/csv")})
    assert good.status_code == 200 and good.json()[0]["shown"] is False
    assert "Gender identity" not in client.get("/api/v1/reports/sample?format=html").text.split("Recruitment")[0]
    viewer = next(m for m in project.members() if m.permission.value == "viewer")
    client.cookies.set("cotheme_member", str(viewer.id))
    refused = client.patch("/api/v1/attributes", headers=csrf(client), json={"name": "gender", "label": "X"})
    assert refused.status_code == 403 and list(refused.json()) == ["error"]
    assert client.get("/api/v1/attributes").status_code == 200
    page = client.get("/participants").text
    assert "form class=\"attribute-def\"" not in page and "Gender identity" in page  # read-only for a viewer


def test_table_one_options_through_the_reports_route(demo: tuple[TestClient, Project]) -> None:
    client, _ = demo
    tex = client.get("/api/v1/reports/sample?format=tex&style=n-percent&precision=1")
    assert tex.status_code == 200 and tex.headers["content-type"].startswith("application/x-tex")
    assert "\\toprule" in tex.text and "\\quad woman & 3 (50.0) \\\\" in tex.text
    assert 'filename="sample.tex"' in tex.headers["content-disposition"]
    percent = client.get("/api/v1/reports/sample?format=csv&style=percent")
    assert percent.status_code == 200 and "Characteristic,Category,%" in percent.text
    bad = client.get("/api/v1/reports/sample?format=html&style=nn")
    assert bad.status_code == 422 and bad.json()["error"] == "'nn' is not a Table 1 style; choose n-percent, n, percent."
    assert client.get("/api/v1/reports/sample?format=docx&precision=3").status_code == 422
    reports = client.get("/reports").text
    assert 'action="/api/v1/reports/sample"' in reports and 'value="tex"' in reports and 'name="precision"' in reports
