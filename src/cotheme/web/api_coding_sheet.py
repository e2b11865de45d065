"""/api/v1 for codings in bulk: a codings sheet (.csv, .xlsx) previewed row by row, then added all
rows or none.

The upload is read by ``uploads.read_upload`` (the import limit applied while it streams in) after the
permission check; the rows are applied in the thread pool, as the other routes do. A refusal is the
sentence the CLI prints, naming the file and row, as ``{"error": ...}``; the preview answers 200 with
that sentence beside the rows instead, and stores nothing.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from cotheme.web.api_texts import ERRORS, Ctx
from cotheme.web.uploads import Upload, read_upload

router = APIRouter(prefix="/api/v1", responses={**ERRORS, 413: ERRORS[422]}, tags=["codings"])

_FORM = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"], "properties": {
        "file": {"type": "string", "format": "binary",
                 "description": "Codings sheet (.csv, .xlsx): document, code, quote or start/end, coder, memo."},
        "coder": {"type": "string", "description": "Who coded the rows that name no coder (a lead may name anyone)."},
        "create": {"type": "boolean", "description": "A lead: create the codes the sheet names that do not exist."},
    }}}}}}


def _options(upload: Upload) -> dict[str, Any]:
    return {"coder": (upload.one("coder") or "").strip() or None, "create": upload.flag("create")}


@router.post("/codings/import/preview", openapi_extra=_FORM)
async def preview_codings(request: Request, ctx: Ctx) -> dict[str, Any]:
    """Each row as it would be coded (document, code, span, text, coder, memo), or the sentence refusing
    the sheet; nothing is stored."""
    upload = await read_upload(request, "file")
    name, data = upload.files[0]
    found = await run_in_threadpool(ctx.project.codings.preview, name, data, **_options(upload))
    return {**asdict(found), "memos": found.memos}


@router.post("/codings/import", status_code=201, openapi_extra=_FORM)
async def import_codings(request: Request, ctx: Ctx) -> dict[str, Any]:
    """Add every coding the sheet lists, all rows or none; answers how many codings and memos were added."""
    upload = await read_upload(request, "file")
    name, data = upload.files[0]
    added = await run_in_threadpool(ctx.project.codings.import_data, name, data, **_options(upload))
    return {"file": name, "coding_ids": list(added.coding_ids), "codings": added.codings, "memos": added.memos,
            "sentence": added.sentence(name)}
