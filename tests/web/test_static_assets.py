"""The workbench's scripts and style sheets, answered from memory: the bytes of the file, gzipped when
the browser accepts it, a 304 for a copy the browser already has, nothing outside the folder, and
the security headers every answer carries (they need no token: the token page uses them too)."""

from __future__ import annotations

import gzip
from fastapi.testclient import TestClient

from cotheme.services.project import Project
from cotheme.web.app import STATIC, create_app
from tests.web.conftest import TOKEN, client_for


def test_a_script_is_its_file_gzipped_with_its_etag(project: Project) -> None:
    client = client_for(project)
    on_disk = (STATIC / "js" / "reader.js").read_bytes()
    with client.stream("GET", "/static/js/reader.js", headers={"Accept-Encoding": "gzip"}) as raw:
        wire = b"".join(raw.iter_raw())
        headers = raw.headers
    assert headers["content-encoding"] == "gzip" and gzip.decompress(wire) == on_disk
    assert headers["content-type"] == "text/javascript; charset=utf-8" and headers["vary"] == "Accept-Encoding"
    plain = client.get("/static/js/reader.js", headers={"Accept-Encoding": "identity"})
    assert plain.content == on_disk and "content-encoding" not in plain.headers
    assert int(plain.headers["content-length"]) == len(on_disk)
    again = client.get("/static/js/reader.js", headers={"If-None-Match": headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    other = client.get("/static/app.css", headers={"If-None-Match": headers["etag"]})
    assert other.status_code == 200 and other.headers["content-type"] == "text/css; charset=utf-8"


def test_every_file_in_the_folder_is_served_as_it_is(project: Project) -> None:
    client = client_for(project)
    files = [p for p in STATIC.rglob("*") if p.is_file()]
    assert len(files) > 20
    for path in files:
        response = client.get("/static/" + path.relative_to(STATIC).as_posix())
        assert response.status_code == 200 and response.content == path.read_bytes(), path


def test_nothing_outside_the_folder_and_only_reads(project: Project) -> None:
    client = client_for(project)
    assert client.get("/static/../app.py").status_code == 404
    assert client.get("/static/%2e%2e/app.py").status_code == 404
    assert client.get("/static/js/missing.js").status_code == 404
    assert client.get("/static/js").status_code == 404
    head = client.head("/static/app.css")
    assert head.status_code == 200 and head.content == b"" and int(head.headers["content-length"]) > 0
    posted = client.post("/static/app.css", headers={"X-CSRF-Token": client.cookies.get("cotheme_csrf") or ""})
    assert posted.status_code == 405


def test_open_to_a_page_without_the_token_with_the_security_headers(project: Project) -> None:
    stranger = TestClient(create_app(project, TOKEN))  # the token page itself needs its style sheet
    response = stranger.get("/static/app.css")
    assert response.status_code == 200 and response.content == (STATIC / "app.css").read_bytes()
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "cache-control" not in response.headers  # a browser may keep them (revalidated by ETag)
