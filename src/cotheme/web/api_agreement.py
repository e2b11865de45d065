"""/api/v1 for agreement between coders, reflexive mode, and reconciliation into the consensus layer.

Responses are the domain's own dataclasses (``AgreementReport``, ``Comparison``), so the JSON is the
same as ``cotheme agreement --json`` and ``cotheme reconcile --json``. In reflexive mode the report has
no scores (``null``) and only the differences. Members are named by id or name in ``coders``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from cotheme.domain.agreement_report import AgreementReport
from cotheme.domain.reconcile import Comparison
from cotheme.web.api_texts import ERRORS, Ctx, extract_out
from cotheme.web.schemas import ExtractOut, Id

router = APIRouter(prefix="/api/v1", responses=ERRORS)


class ReflexiveMode(BaseModel):
    on: bool


class CodingRef(BaseModel):
    coding_id: Id


class MergeIn(BaseModel):
    coding_ids: list[Id] = Field(min_length=2, max_length=100)
    code_id: Id | None = None  # required when the codings have different codes


def split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


@router.get("/agreement", response_model=AgreementReport, tags=["agreement"])
def agreement(
    ctx: Ctx,
    coders: Annotated[str, Query(description="Two or more members, comma-separated ids or names.")],
    docs: Annotated[str | None, Query(description="Documents (ids or titles), comma-separated; "
                                                  "default: every document all the coders coded.")] = None,
    unit: Annotated[str, Query(description="turn, sentence or char.")] = "turn",
    bootstrap: Annotated[int, Query(ge=0, le=10_000, description="Bootstrap resamples (0: no intervals).")] = 1000,
    seed: Annotated[int, Query(ge=0, le=2**32 - 1)] = 0,
) -> AgreementReport:
    """Per code and overall: percent agreement, Cohen's/Fleiss' kappa, Gwet's AC1, Krippendorff's alpha
    and alpha_u with bootstrap 95% intervals; in reflexive mode only the differences."""
    report: AgreementReport = ctx.project.agreement.report(split(coders), documents=split(docs) or None, unit=unit,
                                                    bootstrap=bootstrap, seed=seed)
    return report


@router.get("/settings/reflexive-mode", response_model=ReflexiveMode, tags=["agreement"])
def get_reflexive_mode(ctx: Ctx) -> ReflexiveMode:
    return ReflexiveMode(on=ctx.project.agreement.reflexive_mode())


@router.put("/settings/reflexive-mode", response_model=ReflexiveMode, tags=["agreement"])
def put_reflexive_mode(body: ReflexiveMode, ctx: Ctx) -> ReflexiveMode:
    """Reflexive mode on: agreement shows only differences, never a score (a lead's setting)."""
    ctx.project.agreement.set_reflexive_mode(body.on)
    return ReflexiveMode(on=ctx.project.agreement.reflexive_mode())


@router.get("/reconcile", response_model=Comparison, tags=["reconciliation"])
def reconciliation(
    ctx: Ctx,
    doc: Annotated[str, Query(description="Document id or title.")],
    coders: Annotated[str, Query(description="Exactly two members, comma-separated ids or names.")],
) -> Comparison:
    """Two coders' codings of one document side by side: agree, differ, only one coded, with the
    decisions taken so far and the consensus codings."""
    found: Comparison = ctx.project.agreement.reconciliation(doc, split(coders))
    return found


@router.post("/reconcile/accept", response_model=ExtractOut, status_code=201, tags=["reconciliation"])
def accept(body: CodingRef, ctx: Ctx) -> ExtractOut:
    """Copy a coding into the consensus layer; the original stays as it is."""
    return extract_out(ctx.project.agreement.accept(body.coding_id, member=ctx.member.name))


@router.post("/reconcile/merge", response_model=ExtractOut, status_code=201, tags=["reconciliation"])
def merge(body: MergeIn, ctx: Ctx) -> ExtractOut:
    """One consensus coding over the union of overlapping codings' spans."""
    code = None if body.code_id is None else str(body.code_id)
    return extract_out(ctx.project.agreement.merge(body.coding_ids, code=code, member=ctx.member.name))


@router.post("/reconcile/reject", status_code=204, tags=["reconciliation"])
def reject(body: CodingRef, ctx: Ctx) -> Response:
    """Leave a coding out of the consensus (recorded as a memo on it; the coding stays)."""
    ctx.project.agreement.reject(body.coding_id, member=ctx.member.name)
    return Response(status_code=204)
