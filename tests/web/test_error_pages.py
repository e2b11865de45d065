"""Errors on page addresses are HTML pages with the navigation and the error's sentence; everything
under /api/ keeps its JSON errors. Both faces say the same sentence."""

from __future__ import annotations

import re

import httpx
from fastapi.testclient import TestClient
from markupsafe import escape
from playwright.sync_api import Page, expect

from cotheme.services.project import Project
from tests.web.conftest import accessible

NAV = '<nav aria-label="Main">'


def _sentence(html: str) -> str:
    found = re.search(r'<p class="error">(.*?)</p>', html, re.S)
    assert found, html[:400]
    return found.group(1)


def _is_page(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    text = response.text
    assert NAV in text and '<a href="/codebook"' in text and "<h1>" in text
    return text


def test_unknown_and_invalid_page_addresses_answer_with_a_page(client: TestClient) -> None:
    missing = _is_page(client.get("/no/such/page"), 404)
    assert _sentence(missing) == "There is nothing at /no/such/page; check the address."
    assert "<h1>Page not found</h1>" in missing
    api_missing = client.get("/api/v1/documents/999")
    assert api_missing.status_code == 404
    no_document = _is_page(client.get("/documents/999"), 404)
    assert _sentence(no_document) == escape(api_missing.json()["error"])
    invalid = _is_page(client.get("/documents/abc"), 422)
    assert _sentence(invalid) == escape(client.get("/api/v1/documents/abc").json()["error"])
    assert _sentence(invalid).startswith("The request is not valid (document_id:")


def test_a_refused_page_is_a_page_with_the_reason(client: TestClient, hostile_project: Project) -> None:
    coder = hostile_project.add_member("Cora", permission="coder")
    client.cookies.set("cotheme_member", str(coder.id))
    refused = _is_page(client.get("/deid"), 403)
    assert "<h1>Not allowed</h1>" in refused
    assert "Cora" in _sentence(refused) and _sentence(refused).endswith(".")
    api_refused = client.get("/api/v1/deid/candidates")
    assert api_refused.status_code == 403 and list(api_refused.json()) == ["error"]


def test_api_errors_stay_json(client: TestClient) -> None:
    for path, status in (("/api/v1/nowhere", 404), ("/api/v1/documents/999", 404),
                         ("/api/v1/documents/abc", 422), ("/api", 404)):
        answer = client.get(path, headers={"Accept": "text/html"})  # even when a browser asks for HTML
        assert answer.status_code == status, path
        assert answer.headers["content-type"] == "application/json" and list(answer.json()) == ["error"]


def test_the_address_in_an_error_page_is_escaped(client: TestClient) -> None:
    text = _is_page(client.get("/%3Cscript%3Ealert(1)%3C%2Fscript%3E"), 404)
    assert "<script>alert(1)" not in text and "&lt;script&gt;alert(1)" in text


def test_error_page_in_the_browser(page: Page) -> None:
    answer = page.goto("/themes/999999")
    assert answer is not None and answer.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.locator("p.error")).to_contain_text("999999")
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Codebook")).to_be_visible()
    accessible(page)


def test_a_server_error_is_a_page_for_pages_and_json_for_the_api(hostile_project: Project,
                                                                   monkeypatch) -> None:  # noqa: ANN001
    from cotheme.web.app import create_app
    from tests.web.conftest import TOKEN

    client = TestClient(create_app(hostile_project, TOKEN), raise_server_exceptions=False)
    client.get(f"/?token={TOKEN}")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a defect, not the researcher's doing")

    monkeypatch.setattr(type(hostile_project), "memos", broken)
    page = _is_page(client.get("/memos"), 500)
    assert "<h1>Something went wrong</h1>" in page
    assert _sentence(page) == "Something went wrong on the server; the action was not completed."
    assert "a defect" not in page and "Traceback" not in page
    api = client.get("/api/v1/memos")
    assert api.status_code == 500 and api.json() == {"error": _sentence(page)}
