"""/api/v1 for the second reader: misfit flags per code, the drafts endpoint's set-up, drafts streamed as
NDJSON events (cancelled when the page stops reading), accepting a draft by its id, accepted drafts.

A draft is accepted by the id the server gave it, so the provenance saved is the one the server recorded
(a page cannot send its own). What the model wrote travels as JSON strings; the page shows it with
``textContent`` only. Errors before the first event are the usual ``{"error": sentence}`` answers; an
error after the stream began arrives as a last event ``{"type": "error", "error": sentence}``.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from cotheme.errors import CothemeError
from cotheme.web.api_texts import ERRORS, Ctx
from cotheme.web.schemas import Id

router = APIRouter(prefix="/api/v1", responses={**ERRORS, 503: ERRORS[404]}, tags=["drafts"])


class MisfitOut(BaseModel):
    coding_id: int
    code_id: int
    code: str
    document_id: int
    document: str
    start: int
    end: int
    text: str
    score: float = Field(description="Nearest other code's fit minus the own code's (cosine); above 0: closer to another code.")
    own_fit: float
    nearest_code: str
    nearest_fit: float
    reason: str


class EndpointOut(BaseModel):
    configured: bool
    url: str
    api: str
    model: str
    hosts: list[str]
    how_to_set_up: str


class DraftIn(BaseModel):
    code_id: Id | None = None
    theme_id: Id | None = None
    candidate: int | None = Field(default=None, ge=1, le=1000)
    groups: int | None = Field(default=None, ge=1, le=1000, description="With candidate: the groups asked of /assist/themes.")
    extracts: int = Field(default=12, ge=1, le=40)
    seed: int = Field(default=0, ge=0, le=2**31 - 1)


class AcceptIn(BaseModel):
    draft_id: str = Field(min_length=1, max_length=64)
    text: str | None = Field(default=None, max_length=6000, description="The draft as edited; omit to accept it as written.")


class ProvenanceOut(BaseModel):
    endpoint: str
    api: str
    model: str
    digest: str
    prompt: str
    seed: int
    created: str


class AcceptedOut(BaseModel):
    id: int
    kind: str
    target: str
    target_id: int | None
    text: str
    edited: bool
    provenance: ProvenanceOut
    accepted_by: str
    accepted_at: str
    coding_ids: list[int]


@router.get("/misfits", response_model=list[MisfitOut])
def misfits(ctx: Ctx, code_id: Id | None = None,
            top: Annotated[int, Query(ge=1, le=200, description="How many per code.")] = 5) -> list[MisfitOut]:
    """Per code (or one code), the coded passages the acting member may see least like their code."""
    return [MisfitOut(**{f: getattr(m, f) for f in MisfitOut.model_fields if f != "reason"}, reason=m.reason)
            for m in ctx.project.misfits(code_id=code_id, top=top)]


@router.get("/drafts/endpoint", response_model=EndpointOut)
def endpoint(ctx: Ctx) -> EndpointOut:
    """The language model endpoint drafts use, or the sentence saying how to set one up."""
    return EndpointOut(**ctx.project.draft_endpoint())


@router.post("/drafts/stream")
def stream(body: DraftIn, request: Request, ctx: Ctx) -> StreamingResponse:
    """Draft with the team's model: NDJSON events ``extracts``, ``text`` (pieces), then ``draft`` (with
    its ``id``) or ``error``. Nothing is saved; closing the request cancels the draft."""
    events = ctx.project.draft_stream(code_id=body.code_id, theme_id=body.theme_id, candidate=body.candidate,
                                      groups=body.groups, extracts=body.extracts, seed=body.seed)
    return StreamingResponse(_ndjson(events, request), media_type="application/x-ndjson",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


async def _ndjson(events: Iterator[dict[str, Any]], request: Request) -> AsyncIterator[bytes]:
    try:
        while True:
            try:
                event = await run_in_threadpool(next, events, None)
            except CothemeError as exc:
                yield (json.dumps({"type": "error", "error": str(exc)}) + "\n").encode()
                return
            if event is None or await request.is_disconnected():
                return
            yield (json.dumps(event, ensure_ascii=False) + "\n").encode("utf-8")
    finally:
        events.close()  # a cancelled draft closes the connection to the model


def _accepted(a: Any) -> AcceptedOut:
    p = a.provenance
    return AcceptedOut(id=a.id, kind=a.kind.value, target=a.target, target_id=a.target_id, text=a.text,
                       edited=a.edited, provenance=ProvenanceOut(endpoint=p.endpoint, api=p.api, model=p.model,
                                                                 digest=p.digest, prompt=p.prompt, seed=p.seed,
                                                                 created=p.created),
                       accepted_by=a.accepted_by, accepted_at=a.accepted_at, coding_ids=list(a.coding_ids))


@router.post("/drafts/accept", response_model=AcceptedOut, status_code=201)
def accept(body: AcceptIn, ctx: Ctx) -> AcceptedOut:
    """Save a draft the acting member read: as written, or as edited (``text``), with its provenance."""
    return _accepted(ctx.project.accept_draft(body.draft_id, text=body.text, member=ctx.member.name))


@router.get("/drafts", response_model=list[AcceptedOut])
def accepted(ctx: Ctx) -> list[AcceptedOut]:
    """Drafts people accepted, oldest first, with their provenance."""
    return [_accepted(a) for a in ctx.project.drafts()]
