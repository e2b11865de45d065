"""/api/v1 for offline working copies: take one (a download), bring one back (an upload), and the lead's
queue of what check-ins left. The service decides who may do what; this module moves files."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from cotheme.domain.plain import plain
from cotheme.errors import InputError
from cotheme.web.api_texts import ERRORS, Ctx
from cotheme.web.uploads import read_upload

router = APIRouter(prefix="/api/v1", responses=ERRORS, tags=["team"])


class CheckoutIn(BaseModel):
    member: str | None = Field(default=None, description="Whose copy (default: yours; a lead may name anyone).")
    documents: list[str] = Field(default_factory=list, description="Transcripts to take (default: those assigned).")


class CheckinOut(BaseModel):
    member: str
    added: dict[str, int]
    changed: dict[str, int]
    deleted: dict[str, int]
    to_review: int
    queued: list[str]


class MergeItemOut(BaseModel):
    id: int
    checkout: str
    member: str
    kind: str = Field(description="proposal or conflict")
    subject: str = Field(description="code, document, coding or memo")
    subject_guid: str
    field: str
    sentence: str
    ours: Any
    theirs: Any
    status: str
    decided_by: str


class DecisionIn(BaseModel):
    accept: bool = Field(description="True: take the copy's side; false: keep the project's.")
    move_to: str | None = Field(default=None, description="Rejecting a code added offline: where its codings go.")


@router.post("/checkout", response_class=Response, responses={200: {"content": {"application/octet-stream": {}}}})
def checkout(body: CheckoutIn, request: Request, ctx: Ctx) -> Response:
    """Your working copy (a .cotheme project file) to code offline; bring it back with POST /checkin."""
    member = body.member or ctx.member.name
    with tempfile.TemporaryDirectory(prefix="cotheme-") as folder:
        path = Path(folder) / "copy.cotheme"
        # The copy checks in to this server's address (where a laptop reaches it), not its database.
        ctx.project.checkout(path, member, body.documents or None, str(request.base_url).rstrip("/"))
        data = path.read_bytes()
    name = "".join(ch for ch in member if ch.isalnum() or ch in "-_") or "member"
    return Response(data, media_type="application/octet-stream",
                    headers={"Content-Disposition": f'attachment; filename="{name}-working-copy.cotheme"'})


@router.post("/checkin", response_model=CheckinOut)
async def checkin(request: Request, ctx: Ctx) -> CheckinOut:
    """Merge an uploaded working copy back (field ``file``)."""
    upload = await read_upload(request, "file")
    if len(upload.files) != 1:
        raise InputError("Send one working copy at a time.")
    fd, name = tempfile.mkstemp(prefix="cotheme-checkin-", suffix=".cotheme")
    try:
        with os.fdopen(fd, "wb") as out:  # mkstemp: readable by this user only
            out.write(upload.files[0][1])
        summary = await run_in_threadpool(ctx.project.checkin, name, None, upload.files[0][0])
    finally:
        for leftover in (name, f"{name}-wal", f"{name}-shm"):
            if os.path.exists(leftover):
                os.remove(leftover)
    return CheckinOut(**summary.as_json())


@router.get("/merge-items", response_model=list[MergeItemOut])
def merge_items(ctx: Ctx, status: Annotated[str, Query(pattern="^(open|accepted|rejected|all)$")] = "open") -> list[MergeItemOut]:
    """What check-ins left for a lead: codebook proposals and conflicts."""
    found = ctx.project.merge_items(None if status == "all" else status)
    return [MergeItemOut(**plain(item)) for item in found]


@router.post("/merge-items/{item_id}", response_model=MergeItemOut)
def decide(item_id: int, body: DecisionIn, ctx: Ctx) -> MergeItemOut:
    """Accept (the copy's side) or reject (the project's) one item."""
    return MergeItemOut(**plain(ctx.project.decide_merge_item(item_id, body.accept, move_to=body.move_to)))
