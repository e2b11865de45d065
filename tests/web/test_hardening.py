"""The server's protective headers on every kind of response, Secure cookies over TLS only, proxy
headers believed only when configured, and the request body limit (413 with one JSON sentence)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from cotheme.services.project import Project
from cotheme.web.app import create_app
from cotheme.web.server import proxy_settings
from tests.web.conftest import TOKEN, client_for, csrf

#: Headers, cookies and limits do not depend on the engine: SQLite only.
sqlite_only = pytest.mark.parametrize("target", ["sqlite"], indirect=True)


def _protected(headers: dict[str, str] | object) -> None:
    get = headers.get  # type: ignore[attr-defined]
    policy = get("content-security-policy") or ""
    assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert get("x-content-type-options") == "nosniff"
    assert get("x-frame-options") == "DENY"


@sqlite_only
def test_every_kind_of_response_carries_the_headers(client: TestClient) -> None:
    for path in ("/", "/codebook", "/api/v1/documents", "/api/v1/documents/999", "/nowhere", "/static/app.css"):
        _protected(client.get(path).headers)
    stranger = TestClient(client.app)
    refused = stranger.get("/api/v1/documents")
    assert refused.status_code == 403
    _protected(refused.headers)


@sqlite_only
def test_cookies_are_secure_over_tls_only(hostile_project: Project) -> None:
    tls = TestClient(create_app(hostile_project, TOKEN), base_url="https://testserver")
    answer = tls.get(f"/?token={TOKEN}", follow_redirects=False)
    cookies = answer.headers.get_list("set-cookie")
    assert len(cookies) == 2 and all("; Secure" in c and "SameSite=strict" in c for c in cookies)
    assert answer.headers["strict-transport-security"].startswith("max-age=")
    plain = TestClient(create_app(hostile_project, TOKEN)).get(f"/?token={TOKEN}", follow_redirects=False)
    assert not any("Secure" in c for c in plain.headers.get_list("set-cookie"))
    assert "strict-transport-security" not in plain.headers


def test_forwarded_headers_are_believed_only_from_configured_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COTHEME_TRUSTED_PROXIES", raising=False)
    assert proxy_settings() == {"proxy_headers": False}
    monkeypatch.setenv("COTHEME_TRUSTED_PROXIES", "127.0.0.1")
    assert proxy_settings() == {"proxy_headers": True, "forwarded_allow_ips": "127.0.0.1"}


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch, hostile_project: Project) -> Iterator[TestClient]:
    monkeypatch.setenv("COTHEME_MAX_REQUEST_MB", "0.05")  # 52 KB
    yield client_for(hostile_project)


@sqlite_only
def test_request_bodies_over_the_limit_get_413(small_limit: TestClient) -> None:
    headers = csrf(small_limit)
    big = small_limit.post("/api/v1/memos", json={"text": "x" * 60_000}, headers=headers)
    assert big.status_code == 413
    assert "COTHEME_MAX_REQUEST_MB" in big.json()["error"]

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(70):
            yield b"y" * 1000
        yield b'"}'

    streamed = small_limit.post("/api/v1/memos", content=chunks(), headers=headers | {"content-type": "application/json"})
    assert streamed.status_code == 413
    fine = small_limit.post("/api/v1/memos", json={"text": "a memo of ordinary size"}, headers=headers)
    assert fine.status_code == 201


@sqlite_only
@pytest.mark.parametrize("path", ["//evil.example/", "//evil.example/x", "/\\evil.example/", "///evil.example/"])
def test_the_token_redirect_stays_on_this_server(hostile_project: Project, path: str) -> None:
    """``GET //evil.example/?token=T`` once answered ``Location: //evil.example/``: a browser reads a
    path that starts with two slashes (or a slash and a backslash) as another site."""
    stranger = TestClient(create_app(hostile_project, TOKEN))
    sent = stranger.get(f"http://testserver{path}?token={TOKEN}&x=1", follow_redirects=False)
    assert sent.status_code == 303
    location = sent.headers["location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\")), location
    assert stranger.cookies.get("cotheme_token") == TOKEN


def test_only_paths_on_this_server_are_redirect_targets() -> None:
    from cotheme.web.security import same_origin

    assert same_origin("/codebook?x=1") == "/codebook?x=1"
    for target in ("//evil.example/", "/\\evil.example", "/\t/evil.example", "https://evil.example/", "evil", "",
                   "/\r\n/evil.example", "\\\\evil.example"):
        assert same_origin(target) == "/", target
