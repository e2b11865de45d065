"""The API reference at /api/v1/docs works offline: Swagger UI from our own origin (a Python package,
not a CDN), allowed by our CSP, listing the operations; no request leaves 127.0.0.1. ReDoc is off."""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi.testclient import TestClient
from playwright.sync_api import Browser, expect

from cotheme.services.project import Project
from tests.web.conftest import TOKEN

OWN_HOST = "127.0.0.1"


def test_api_docs_render_the_operations_from_our_own_origin(browser: Browser, live: tuple[str, Project]) -> None:
    base, _ = live
    context = browser.new_context(viewport={"width": 1366, "height": 900}, base_url=base)
    page = context.new_page()
    requests: list[str] = []
    problems: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda msg: problems.append(f"{msg.type}: {msg.text}") if msg.type in ("error", "warning") else None)
    page.on("pageerror", lambda exc: problems.append(f"pageerror: {exc}"))
    # The home page's after-first-paint fetches (its team part) are cut off by leaving it at once.
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}")
            if "/api/v1/home/" not in request.url else None)
    try:
        page.goto(f"/?token={TOKEN}")
        answer = page.goto("/api/v1/docs")
        assert answer is not None and answer.status == 200
        assert "script-src 'self'" in answer.headers["content-security-policy"]  # our CSP, unchanged
        # The groups start closed (the page stays short); open each to list its operations.
        expect(page.locator(".opblock-tag").first).to_be_visible(timeout=15_000)
        expect(page.locator(".info .title")).to_contain_text("cotheme")
        expect(page.locator(".opblock")).to_have_count(0)
        for tag in page.locator(".opblock-tag").all():
            tag.click()
        expect(page.locator(".opblock").first).to_be_visible()
        summaries = page.locator(".opblock-summary-path").all_inner_texts()
        assert len(summaries) > 50
        assert "/api/v1/documents/{document_id}" in {s.replace("\u200b", "") for s in summaries}
        page.locator(".opblock-summary-path", has_text="/api/v1/codes").first.click()  # opens an operation
        expect(page.locator(".opblock-body").first).to_be_visible()
    finally:
        context.close()
    assert problems == []
    hosts = {urlsplit(url).hostname for url in requests if not url.startswith("data:")}
    assert hosts == {OWN_HOST}, requests
    assert any(url.endswith("/static/api-docs/swagger-ui-bundle.js") for url in requests)
    assert any(url.endswith("/api/v1/openapi.json") for url in requests)


def test_api_docs_assets_come_from_the_package(client: TestClient) -> None:
    page = client.get("/api/v1/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "cdn" not in page.text.lower() and "<script>" not in page.text  # no CDN, no inline script
    bundle = client.get("/static/api-docs/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and "SwaggerUIBundle" in bundle.text[:2000]
    assert client.get("/static/api-docs/swagger-ui.css").status_code == 200
    assert client.get("/static/js/api-docs.js").status_code == 200  # /static itself still answers
    assert "/api/v1/docs" not in client.get("/api/v1/openapi.json").json()["paths"]


def test_redoc_is_off(client: TestClient) -> None:
    for path in ("/redoc", "/api/v1/redoc"):
        assert client.get(path).status_code == 404, path


def test_try_it_out_sends_the_csrf_token(browser: Browser, live: tuple[str, Project]) -> None:
    base, project = live
    context = browser.new_context(viewport={"width": 1366, "height": 900}, base_url=base)
    page = context.new_page()
    try:
        page.goto(f"/?token={TOKEN}")
        page.goto("/api/v1/docs")
        page.locator(".opblock-tag", has_text="memos").first.click()
        operation = page.locator(".opblock-post", has=page.locator(".opblock-summary-path", has_text="/api/v1/memos"))
        operation.first.locator(".opblock-summary").click()
        operation.first.get_by_role("button", name="Try it out").click()
        operation.first.locator("textarea.body-param__text").fill('{"text": "Written from the API reference"}')
        operation.first.get_by_role("button", name="Execute").click()
        expect(operation.first.locator(".live-responses-table tbody .response-col_status").first).to_have_text("201")
    finally:
        context.close()
    assert "Written from the API reference" in [m.text for m in project.memos()]
