"""Building the FastAPI application for one open project."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from cotheme import __version__
from cotheme.services.project import Project
from cotheme.web import api_codebook, api_notes, api_texts, api_themes, errors, pages, pages_themes
from cotheme.web.body_limit import BodyLimit, max_request_bytes
from cotheme.web.security import Gate

STATIC = Path(__file__).with_name("static")


def create_app(project: Project, token: str) -> FastAPI:
    """The web workbench for ``project``; every request needs ``token`` (or its cookie)."""
    app = FastAPI(
        title="cotheme",
        version=__version__,
        summary="Co-produced thematic analysis of interview studies",
        description="The JSON API behind the cotheme pages. Offsets are Unicode code points.",
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
    )
    app.state.project = project
    errors.install(app)
    app.add_middleware(Gate, token=token)
    app.add_middleware(BodyLimit, max_bytes=max_request_bytes())  # outermost: before the gate reads anything
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (api_texts, api_codebook, api_notes, api_themes, pages, pages_themes):
        app.include_router(module.router)
    return app
