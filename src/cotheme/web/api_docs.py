"""The browsable API reference at ``/api/v1/docs``: Swagger UI served from this server, never a CDN.

Swagger UI's files come from the ``fastapi-offline`` package (installed with cotheme) and are served
under ``/static/api-docs/``, so the page works offline, leaks nothing to a third party and passes our
Content-Security-Policy: no inline script (the page starts Swagger UI from ``static/js/api-docs.js``).
Must not change the OpenAPI document itself (FastAPI builds it from the routes).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from cotheme.web.pages import templates

#: Where Swagger UI's own files are served; mounted before ``/static`` (the first mount that matches wins).
ASSETS_URL = "/static/api-docs"

router = APIRouter(include_in_schema=False)


def assets_directory() -> Path:
    """Swagger UI's bundle and stylesheet as the ``fastapi-offline`` package ships them."""
    return Path(str(resources.files("fastapi_offline") / "static"))


def mount_assets(app: FastAPI) -> None:
    app.mount(ASSETS_URL, StaticFiles(directory=assets_directory()), name="api-docs-assets")


@router.get("/api/v1/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    return templates.TemplateResponse(request, "api_docs.html", {
        "assets": ASSETS_URL, "openapi_url": request.app.openapi_url, "title": request.app.title,
    })
