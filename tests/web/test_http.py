"""The server over HTTP (in-process): token gate, CSRF, headers, escaping, errors and the API."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from cotheme.services.project import Project
from cotheme.web.app import create_app
from tests.web.conftest import TOKEN, client_for, csrf

PAGES = ["/", "/documents/1", "/codebook", "/memos", "/retrieve", "/search?q=diary"]


def test_token_gate(hostile_project: Project) -> None:
    anonymous = TestClient(create_app(hostile_project, TOKEN))
    for path in [*PAGES, "/api/v1/documents", "/api/v1/openapi.json"]:
        response = anonymous.get(path)
        assert response.status_code == 403, path
    assert anonymous.get("/api/v1/codes").json() == {"error": anonymous.get("/api/v1/codes").json()["error"]}
    assert anonymous.get("/?token=wrong").status_code == 403
    first = anonymous.get(f"/documents/1?token={TOKEN}", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/documents/1"  # token leaves the URL
    assert "httponly" in first.headers["set-cookie"].lower() and "samesite=strict" in first.headers["set-cookie"].lower()
    assert anonymous.get("/documents/1").status_code == 200  # the cookie now opens every page
    bearer = TestClient(create_app(hostile_project, TOKEN))
    assert bearer.get("/api/v1/documents", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_csrf_required_for_cookie_requests(client: TestClient) -> None:
    body = {"document_id": 1, "code_id": 1, "start": 0, "end": 4}
    refused = client.post("/api/v1/codings", json=body)
    assert refused.status_code == 403 and "CSRF" in refused.json()["error"]
    assert client.post("/api/v1/codings", json=body, headers={"X-CSRF-Token": "forged"}).status_code == 403
    assert client.post("/api/v1/codings", json=body, headers=csrf(client)).status_code == 201


def test_security_headers_on_every_page(client: TestClient) -> None:
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        # no inline script anywhere: every <script> is external or a JSON data block
        for tag in re.findall(r"<script[^>]*>", response.text):
            assert 'src="/static/' in tag or 'type="application/json"' in tag, tag


def test_hostile_text_is_escaped(client: TestClient) -> None:
    page = client.get("/documents/1").text
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=" in page
    assert "{{ 7*7 }}" in page and ">49<" not in page
    # the embedded JSON cannot close its script element
    assert "</script><script" not in page
    search = client.get("/search?q=wrote").text
    assert "<img src=x" not in search and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in search
    memo = client.post("/api/v1/memos", json={"text": "<script>alert(2)</script> **bold** [x](javascript:alert(3))"},
                       headers=csrf(client)).json()
    assert "<script>" not in memo["html"] and "&lt;script&gt;" in memo["html"]
    assert "<strong>bold</strong>" in memo["html"] and "href=\"javascript" not in memo["html"]
    memos_page = client.get("/memos").text
    assert "<script>alert(2)" not in memos_page


def test_errors_are_json_sentences(client: TestClient) -> None:
    headers = csrf(client)
    cases = [
        client.get("/api/v1/documents/999"),
        client.get("/api/v1/codings/999"),
        client.post("/api/v1/codings", json={"document_id": 1, "code_id": 1, "start": 5, "end": 99999}, headers=headers),
        client.post("/api/v1/codings", json={"document_id": 1}, headers=headers),
        client.post("/api/v1/codes", json={"name": "Trust"}, headers=headers),
        client.post("/api/v1/codes", json={"name": "   "}, headers=headers),
        client.get("/api/v1/extracts"),
        client.get("/api/v1/search?q=%22%22"),
        client.get("/api/v1/nowhere"),
    ]
    for response in cases:
        assert 400 <= response.status_code < 500, response.text
        body = response.json()
        assert list(body) == ["error"] and body["error"].endswith((".", ")")), body
        assert "Traceback" not in response.text


def test_a_slash_in_a_new_code_name_stays_in_the_name(client: TestClient) -> None:
    """A "/" is part of a name given as a name (the path comes from parent_id), on the web as in a file."""
    headers = csrf(client)
    made = client.post("/api/v1/codes", json={"name": "active/empathic listening"}, headers=headers)
    assert made.status_code == 201
    assert (made.json()["path"], made.json()["parent_id"]) == ("active/empathic listening", None)
    child = client.post("/api/v1/codes", json={"name": "mm/hm", "parent_id": made.json()["id"]}, headers=headers)
    assert child.json()["path"] == "active/empathic listening/mm/hm"
    assert child.json()["parent_id"] == made.json()["id"]


def test_coding_offsets_are_code_points_with_emoji(client: TestClient) -> None:
    document = client.get("/api/v1/documents/1").json()
    text = document["text"]
    start = text.index("in my diary")
    end = text.index("café") + len("café")
    made = client.post("/api/v1/codings", json={"document_id": 1, "code_id": 1, "start": start, "end": end},
                       headers=csrf(client))
    assert made.status_code == 201
    assert made.json()["text"] == "in my diary 🙂 — café" == text[start:end]


def test_coding_life_cycle_and_codebook_edits(client: TestClient) -> None:
    headers = csrf(client)
    parent = client.post("/api/v1/codes", json={"name": "Relationships"}, headers=headers).json()
    child = client.post("/api/v1/codes", json={"name": "Listening", "parent_id": parent["id"]}, headers=headers).json()
    assert child["path"] == "Relationships/Listening"
    made = client.post("/api/v1/codings", json={"document_id": 1, "code_id": child["id"], "start": 0, "end": 9},
                       headers=headers).json()
    changed = client.patch(f"/api/v1/codings/{made['id']}", json={"code_id": 1, "end": 14}, headers=headers).json()
    text = client.get("/api/v1/documents/1").json()["text"]
    assert changed["code_id"] == 1 and changed["end"] == 14 and changed["text"] == text[0:14]
    assert client.delete(f"/api/v1/codings/{made['id']}", headers=headers).status_code == 204
    assert client.get(f"/api/v1/codings/{made['id']}").status_code == 404
    renamed = client.patch(f"/api/v1/codes/{child['id']}", json={"name": "Being listened to", "colour": "#123abc"},
                           headers=headers).json()
    assert renamed["path"] == "Relationships/Being listened to" and renamed["colour"] == "#123ABC"
    moved = client.post(f"/api/v1/codes/{child['id']}/move", json={"parent_id": None}, headers=headers).json()
    assert moved["path"] == "Being listened to"
    loop = client.post(f"/api/v1/codes/{parent['id']}/move", json={"parent_id": parent["id"]}, headers=headers)
    assert loop.status_code == 422


def test_openapi_documents_every_api_route(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/v1/documents", "/api/v1/documents/{document_id}", "/api/v1/codings", "/api/v1/codings/{coding_id}",
            "/api/v1/codes", "/api/v1/codes/{code_id}", "/api/v1/codes/{code_id}/move", "/api/v1/memos",
            "/api/v1/cases", "/api/v1/extracts", "/api/v1/search", "/api/v1/members"} <= paths
    assert all(p.startswith("/api/v1/") for p in paths)


def test_retrieval_with_attribute_filter(demo_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "d.cotheme"
    copy.write_bytes(demo_path.read_bytes())
    with Project.open(copy) as project:
        client = client_for(project)
        codes = client.get("/api/v1/codes").json()
        busiest = max(codes, key=lambda c: c["extracts"])
        everyone = client.get(f"/api/v1/extracts?code={busiest['id']}&show=interview_mode").json()
        assert len(everyone) == busiest["extracts"]
        assert all(set(item["attributes"]) == {"interview_mode"} for item in everyone)
        phone = client.get(f"/api/v1/extracts?code={busiest['id']}&where=interview_mode=telephone").json()
        modes = {c.pid: c.attributes["interview_mode"] for c in project.cases()}
        assert phone and all(modes[i["extract"]["case_pid"]] == "telephone" for i in phone)
        assert len(phone) < len(everyone)
        two = sorted(codes, key=lambda c: -c["extracts"])[:2]
        either = client.get(f"/api/v1/extracts?code={two[0]['id']}&code={two[1]['id']}").json()
        assert len(either) == two[0]["extracts"] + two[1]["extracts"]
        both = client.get(f"/api/v1/extracts?code={two[0]['id']}&code={two[1]['id']}&mode=and").json()
        assert len(both) <= two[0]["extracts"]
        assert all(i["overlapping"] for i in both)


def test_the_home_page_counts_corrections_and_progress(demo_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "d.cotheme"
    copy.write_bytes(demo_path.read_bytes())
    with Project.open(copy) as project:
        client = client_for(project)
        page = client.get("/").text
        assert "0 codings to review" in page and "(0 of 6 transcripts done)" in page
        assert 'id="team-home"' in page  # the demo has several members: the team part comes after first paint
        team = client.get("/api/v1/home/team").json()["html"]
        assert "No transcript is assigned yet" in team  # the demo assigns none: said, not an empty table
        text = project.document("P01").text
        project.edit_document("P01", start=0, end=len(text), with_text="Interviewer: A new text.\n",
                              author="Sam Okafor")
        page = client.get("/").text
        waiting = len(project.review_queue())
        assert waiting > 0 and project.review_waiting() == waiting and f"{waiting} coding{'' if waiting == 1 else 's'} to review" in page
        project.assign("P01", ["Rowan Pike"])
        assert "No transcript is assigned yet" not in client.get("/api/v1/home/team").json()["html"]
