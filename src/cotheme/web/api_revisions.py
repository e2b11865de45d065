"""/api/v1 for correcting transcripts (revisions), the re-anchoring review queue and de-identification."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from cotheme.domain.plain import plain
from cotheme.web.api_texts import ERRORS, Ctx
from cotheme.web.schemas import Id, Offset

router = APIRouter(prefix="/api/v1", responses=ERRORS)


class EditIn(BaseModel):
    """Replace ``start``-``end`` (code points) of the revision the page loaded with ``text``."""

    start: Offset
    end: Offset
    text: str = Field(max_length=1_000_000)
    expected_revision: Offset
    reason: str = ""


class PlaceIn(BaseModel):
    start: Offset | None = None
    end: Offset | None = None


class DecisionIn(BaseModel):
    decision: str = Field(pattern="^(accept|reject)$")
    replacement: str | None = None
    everywhere: bool = False


class ScanIn(BaseModel):
    document_ids: list[Id] | None = None
    use_model: bool = True


class ApplyIn(BaseModel):
    passphrase: str = Field(min_length=1)
    min_score: float | None = Field(default=None, ge=0, le=1)


@router.post("/documents/{document_id}/edit", tags=["revisions"])
def edit(document_id: Id, body: EditIn, ctx: Ctx) -> dict[str, Any]:
    """A new revision with one span replaced; every coding is carried (or queued for review).
    Refused with 409 when the document changed since ``expected_revision``."""
    result = ctx.project.documents.edit(
        document_id, start=body.start, end=body.end, with_text=body.text, author=ctx.member.name,
        reason=body.reason or "corrected in the reader", expected_revision=body.expected_revision,
    )
    return plain(result)  # type: ignore[no-any-return]


@router.get("/documents/{document_id}/revisions", tags=["revisions"])
def revisions(document_id: Id, ctx: Ctx) -> list[dict[str, Any]]:
    return plain(ctx.project.documents.revisions(document_id))  # type: ignore[no-any-return]


@router.get("/review", tags=["revisions"])
def review_queue(ctx: Ctx, document_id: Id | None = None) -> list[dict[str, Any]]:
    """Codings an edit could not place with certainty, with their old text and a suggested place."""
    return plain(ctx.project.codings.review_queue(document=document_id))  # type: ignore[no-any-return]


@router.post("/review/{coding_id}/place", tags=["revisions"])
def place(coding_id: Id, body: PlaceIn, ctx: Ctx) -> dict[str, Any]:
    """Place a queued coding at ``start``-``end`` of the current text (or at the suggestion)."""
    return plain(ctx.project.codings.place(coding_id, start=body.start, end=body.end))  # type: ignore[no-any-return]


@router.delete("/review/{coding_id}", status_code=204, tags=["revisions"])
def remove(coding_id: Id, ctx: Ctx) -> Response:
    """Remove a queued coding (a person's decision, recorded; never done silently)."""
    ctx.project.codings.remove_from_review(coding_id)
    return Response(status_code=204)


@router.post("/deid/scan", tags=["de-identification"])
def scan(body: ScanIn, ctx: Ctx) -> dict[str, Any]:
    """Find candidate identifiers (patterns, the team's name list and, when installed, the model)."""
    return plain(ctx.project.deid.scan(body.document_ids, use_model=body.use_model))  # type: ignore[no-any-return]


@router.get("/deid/candidates", tags=["de-identification"])
def candidates(ctx: Ctx, document_id: Id | None = None, status: str | None = None) -> list[dict[str, Any]]:
    return plain(ctx.project.deid.candidates(document=document_id, status=status))  # type: ignore[no-any-return]


@router.post("/deid/candidates/{candidate_id}", tags=["de-identification"])
def decide(candidate_id: Id, body: DecisionIn, ctx: Ctx) -> dict[str, Any]:
    """Accept (optionally with an edited replacement) or reject one candidate."""
    decision = ctx.project.deid.decide(candidate_id, body.decision, replacement=body.replacement,
                                       member=ctx.member.name, everywhere=body.everywhere)
    return plain(decision)  # type: ignore[no-any-return]


@router.post("/deid/apply", tags=["de-identification"])
def apply(body: ApplyIn, ctx: Ctx) -> dict[str, Any]:
    """Apply accepted replacements as new revisions; the key is stored encrypted beside the project."""
    report = ctx.project.deid.apply(passphrase=body.passphrase, min_score=body.min_score, author=ctx.member.name)
    return plain(report)  # type: ignore[no-any-return]
