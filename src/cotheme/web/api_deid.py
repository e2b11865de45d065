"""/api/v1 for review of de-identification candidates by string, the reject list and the residual
risk report (scanning, single decisions and applying are in ``api_revisions``)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from cotheme.domain.deid_groups import decision_sentence
from cotheme.domain.plain import plain
from cotheme.formats.report_deid_risk import check_risk_format, write_risk
from cotheme.web.api_texts import ERRORS, Ctx
from cotheme.web.api_themes import MEDIA, REPORT_CSP
from cotheme.web.schemas import Id

router = APIRouter(prefix="/api/v1", responses=ERRORS)


class GroupDecisionIn(BaseModel):
    """Accept (optionally as ``placeholder``), reject or undo every candidate of ``string``."""

    string: str = Field(min_length=1, max_length=300)
    decision: str = Field(pattern="^(accept|reject|undo)$")
    placeholder: str | None = Field(default=None, max_length=300)


class RejectIn(BaseModel):
    string: str = Field(min_length=1, max_length=300)


@router.get("/deid/groups", tags=["de-identification"])
def groups(
    ctx: Ctx, kind: str | None = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    status: str | None = None,
) -> list[dict[str, Any]]:
    """Candidates grouped by string across all transcripts, with count, kind, confidence and contexts."""
    return plain(ctx.project.deid.groups(kind=kind, min_confidence=min_confidence, status=status))  # type: ignore[no-any-return]


@router.post("/deid/groups", tags=["de-identification"])
def decide(body: GroupDecisionIn, ctx: Ctx) -> dict[str, Any]:
    """Decide a string everywhere; ``message`` says what it did in the CLI's words."""
    done = ctx.project.deid.decide_string(body.string, body.decision, placeholder=body.placeholder,
                                          member=ctx.member.name)
    return {**plain(done), "message": decision_sentence(done)}


@router.get("/deid/rejected", tags=["de-identification"])
def rejected(ctx: Ctx) -> list[dict[str, Any]]:
    """The reject list: strings later scans leave out."""
    return plain(ctx.project.deid.rejected())  # type: ignore[no-any-return]


@router.post("/deid/rejected", tags=["de-identification"])
def add_rejected(body: RejectIn, ctx: Ctx) -> dict[str, Any]:
    term = ctx.project.deid.add_name(body.string, ignore=True)
    return {**plain(term), "message": f"'{term.term}' will not be proposed again."}


@router.delete("/deid/rejected", tags=["de-identification"])
def remove_rejected(ctx: Ctx, string: Annotated[str, Query(min_length=1, max_length=300)]) -> dict[str, str]:
    ctx.project.deid.unreject(string)
    return {"message": f"'{string}' is off the reject list; later scans propose it again."}


@router.get("/deid/risk", tags=["de-identification"], response_class=Response)
def risk(
    ctx: Ctx,
    format: Annotated[str, Query(alias="format")] = "json",  # noqa: A002
    use_model: bool = True,
    document_id: Annotated[list[Id] | None, Query()] = None,
) -> Response:
    """The residual risk report: per transcript, kinds replaced (counts only) and leftovers; as JSON or
    a file (md, html, docx, csv)."""
    report = ctx.project.deid.risk(document_id or None, use_model=use_model)
    if format == "json":
        return Response(json.dumps(plain(report), ensure_ascii=False), media_type="application/json")
    fmt = check_risk_format(format)
    headers = {"Content-Security-Policy": REPORT_CSP}
    if fmt != "html":
        headers["Content-Disposition"] = f'attachment; filename="residual-risk.{fmt}"'
    return Response(write_risk(report, fmt), media_type=MEDIA.get(fmt, "application/octet-stream"), headers=headers)
