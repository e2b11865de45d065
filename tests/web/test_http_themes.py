"""Themes, map, sample and report routes over HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

from fastapi.testclient import TestClient

from cotheme.formats.report_common import REPORT_FORMATS
from tests.web.conftest import csrf


def test_theme_routes(client: TestClient) -> None:
    headers = csrf(client)
    top = client.post("/api/v1/themes", json={"name": "Relational practice"}, headers=headers).json()
    sub = client.post("/api/v1/themes", json={"name": "Understanding", "parent_id": top["id"]}, headers=headers).json()
    assert sub["parent_id"] == top["id"] and sub["level"] == 1
    code_id = client.get("/api/v1/codes").json()[0]["id"]
    linked = client.post(f"/api/v1/themes/{sub['id']}/codes", json={"code_ids": [code_id]}, headers=headers).json()
    assert linked["code_ids"] == [code_id]
    edited = client.patch(f"/api/v1/themes/{sub['id']}", json={"status": "defined", "definition": "d"}, headers=headers)
    assert edited.json()["status"] == "defined"
    assert client.patch(f"/api/v1/themes/{sub['id']}", json={"status": "finished"}, headers=headers).status_code == 422
    coding = client.post("/api/v1/codings", json={"document_id": 1, "code_id": code_id, "start": 0, "end": 4},
                         headers=headers).json()
    assert client.post(f"/api/v1/themes/{sub['id']}/exemplars", json={"coding_id": coding["id"]},
                       headers=headers).status_code == 201
    review = client.get(f"/api/v1/themes/{sub['id']}/review").json()
    assert review["exemplar_ids"] == [coding["id"]] and review["extracts"] == 1
    assert client.delete(f"/api/v1/themes/{sub['id']}/exemplars/{coding['id']}", headers=headers).status_code == 204
    layout = client.get("/api/v1/map").json()
    assert {n["theme_id"] for n in layout["nodes"] if n["theme_id"]} == {top["id"], sub["id"]}
    assert client.post("/api/v1/map/positions", json={"positions": {str(sub["id"]): [10.0, 20.0]}},
                       headers=headers).status_code == 204
    moved = next(n for n in client.get("/api/v1/map").json()["nodes"] if n["theme_id"] == sub["id"])
    assert (moved["x"], moved["y"], moved["saved"]) == (10.0, 20.0, True)
    assert client.post("/api/v1/map/reset", headers=headers).status_code == 204
    svg = client.get("/api/v1/map.svg")
    assert svg.headers["content-type"].startswith("image/svg+xml") and b"Understanding" in svg.content
    assert client.delete(f"/api/v1/themes/{sub['id']}", headers=headers).status_code == 204


def test_reports_download_in_every_format(client: TestClient) -> None:
    client.post("/api/v1/themes", json={"name": "A theme"}, headers=csrf(client))
    for kind, formats in REPORT_FORMATS.items():
        for fmt in formats:
            extra = "&by=none" if kind == "matrix" else ""
            response = client.get(f"/api/v1/reports/{kind}?format={fmt}{extra}")
            if kind == "matrix":
                assert response.status_code == 404 and "none" in response.json()["error"]  # no such attribute
                continue
            assert response.status_code == 200, (kind, fmt, response.text[:200])
            if fmt == "html":
                policy = response.headers["content-security-policy"]
                assert "script-src" not in policy and "default-src 'none'" in policy
            elif fmt in ("docx", "xlsx"):
                assert response.headers["content-disposition"].startswith("attachment")
    assert client.get("/api/v1/reports/nonsense").status_code == 422
    assert client.get("/api/v1/reports/sample?format=exe").status_code == 422
    assert client.get("/api/v1/sample").json()["n"] == 0
