"""Building the FastAPI application for one open project."""

from __future__ import annotations

from pathlib import Path

from fastapi import Depends, FastAPI
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware

from cotheme import __version__
from cotheme.services.project import Project
from cotheme.web import (
    api_codebook,
    api_notes,
    api_revisions,
    api_texts,
    api_themes,
    errors,
    pages,
    pages_revisions,
    pages_themes,
)
from cotheme.web.body_limit import BodyLimit, max_request_bytes
from cotheme.web.security import Gate
from cotheme.web.static_assets import StaticAssets
from cotheme.web import api_history, api_team, pages_team
from cotheme.web import api_agreement, pages_agreement  # agreement, reconciliation
from cotheme.web import api_assist  # suggest, similar, candidate themes
from cotheme.web import api_drafts, pages_drafts  # misfits and drafts from the team's own model
from cotheme.web import api_exports, pages_exports  # the Exports page and its downloads
from cotheme.web.permissions import permitted
from cotheme.web.team_gate import TeamGate
from cotheme.web import api_imports, pages_import  # imports, interview details
from cotheme.web.uploads import UPLOAD_PATHS, max_upload_bytes
from cotheme.web import api_docs
from cotheme.web import api_attributes, pages_participants  # attribute definitions, participants page
from cotheme.web import api_study, pages_study  # the Study page (COREQ fields) and the figures
from cotheme.web import api_deid  # review by string, reject list, residual risk
from cotheme.web import api_coding_sheet  # codings in bulk from a sheet
from cotheme.web import team_home
from cotheme.web import api_events  # the live feed (server-sent events or polling)
from cotheme.web import api_checkins, pages_checkins  # offline working copies
from cotheme.web import api_calibration, pages_calibration  # calibration sessions
from cotheme.web import api_recordings  # recordings: range requests, uploads
from cotheme.web import api_transcribe  # transcribing recordings, fixing speakers
from cotheme.services.recordings import max_recording_bytes
from cotheme.web.body_limit import RECORDING_UPLOAD

STATIC = Path(__file__).with_name("static")
#: Responses not worth compressing again: already-compressed downloads (XLSX and DOCX are zip files).
#: Event streams, partial (range) responses and bodies with a Content-Encoding pass through untouched
#: (Starlette's own rules), so streaming and ranges keep working.
NOT_COMPRESSED = (*DEFAULT_EXCLUDED_CONTENT_TYPES, "application/pdf", "application/octet-stream", "audio/", "video/",
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                  "application/x-ndjson")  # streamed drafts: gzip would hold the pieces back
#: Bodies from this many bytes are gzipped when the browser accepts it (smaller ones gain nothing).
GZIP_FROM = 1024


def create_app(project: Project, token: str, *, team: bool | None = None) -> FastAPI:
    """The web workbench for ``project``; every request needs ``token`` (or its cookie), or on a team
    server (``team``; by default when any member has a password) a login session."""
    app = FastAPI(
        title="cotheme",
        version=__version__,
        summary="Co-produced thematic analysis of interview studies",
        description="The JSON API behind the cotheme pages. Offsets are Unicode code points.",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # api_docs.py serves it from our own files; FastAPI's page loads a CDN
        redoc_url=None,
        dependencies=[Depends(permitted)],  # each route's permission, before its body is read
    )
    app.state.project = project
    app.state.team = project.team.team_mode() if team is None else team
    errors.install(app)
    # Innermost, so it sees each route's whole body (and its size) before the gates stream it on.
    # Level 5: a 600 KB reader page compresses ~8x in ~4 ms; level 9 gains 2% for 3x the time.
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_FROM, compresslevel=5,
                       exclude_content_types=NOT_COMPRESSED)
    if app.state.team:
        app.add_middleware(TeamGate, project=project)
    else:
        app.add_middleware(Gate, token=token)
    app.add_middleware(BodyLimit, max_bytes=max_request_bytes(),  # outermost: before the gate reads anything
                       uploads=UPLOAD_PATHS, upload_bytes=max_upload_bytes(),
                       media=RECORDING_UPLOAD, media_bytes=max_recording_bytes())
    api_docs.mount_assets(app)  # before /static, which would otherwise answer its addresses
    app.mount("/static", StaticAssets(STATIC), name="static")  # read once, answered from memory
    for module in (api_texts, api_codebook, api_notes, api_themes, api_revisions, pages, pages_themes,
                   pages_revisions, api_team, api_history, pages_team, api_agreement, pages_agreement,
                   api_assist, api_imports, pages_import):
        app.include_router(module.router)
    app.include_router(api_exports.router)
    app.include_router(pages_exports.router)
    app.include_router(api_docs.router)
    app.include_router(api_attributes.router)
    app.include_router(pages_participants.router)
    app.include_router(api_study.router)
    app.include_router(pages_study.router)
    app.include_router(api_deid.router)
    app.include_router(api_coding_sheet.router)
    app.include_router(team_home.router)
    app.include_router(api_events.router)
    app.include_router(api_checkins.router)
    app.include_router(pages_checkins.router)
    app.include_router(api_calibration.router)
    app.include_router(pages_calibration.router)
    app.include_router(api_drafts.router)
    app.include_router(pages_drafts.router)
    app.include_router(api_recordings.router)
    app.include_router(api_transcribe.router)
    return app
