"""The agreement page (scores per code and overall, or only the differences in reflexive mode) and the
reconciliation page (two coders side by side on one document, with accept/merge/reject)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from cotheme.domain.agreement_scores import MEASURES
from cotheme.domain.agreement_report import AgreementReport
from cotheme.domain.plain import plain
from cotheme.errors import CothemeError
from cotheme.web.api_agreement import split
from cotheme.web.api_texts import Ctx
from cotheme.web.pages import render

router = APIRouter(include_in_schema=False)

LABELS = {"percent_agreement": "Percent agreement", "cohen_kappa": "Cohen's κ", "fleiss_kappa": "Fleiss' κ",
          "gwet_ac1": "Gwet's AC1", "krippendorff_alpha": "Krippendorff's α (nominal)"}
UNITS = ("turn", "sentence", "char")


def _coders(ctx: Ctx) -> list[Any]:
    """Members who may have coded: everyone but viewers."""
    return [m for m in ctx.members if m.permission.value != "viewer"]


@router.get("/agreement", response_class=HTMLResponse)
def agreement_page(request: Request, ctx: Ctx, coders: str = "", docs: str = "", unit: str = "turn",
                   bootstrap: int = 1000) -> HTMLResponse:
    chosen = split(coders) or [v for v in request.query_params.getlist("coder") if v]
    wanted_docs = split(docs) or [v for v in request.query_params.getlist("doc") if v]
    report: AgreementReport | None = None
    error = ""
    if chosen:
        try:
            report = ctx.project.agreement.report(chosen, documents=wanted_docs or None, unit=unit,
                                           bootstrap=max(0, min(bootstrap, 10_000)))
        except CothemeError as exc:
            error = str(exc)
    return render(
        request, ctx, "agreement.html", "agreement", report=report, error=error, members=_coders(ctx),
        chosen={str(c) for c in chosen}, documents=ctx.project.documents.list(), chosen_docs=set(wanted_docs),
        unit=unit if unit in UNITS else "turn", units=UNITS, bootstrap=bootstrap, measures=MEASURES,
        labels=LABELS, reflexive=ctx.project.agreement.reflexive_mode(), leads=ctx.member.permission.value == "lead",
    )


@router.get("/reconcile", response_class=HTMLResponse)
def reconcile_page(request: Request, ctx: Ctx, doc: str = "", coders: str = "", first: str = "",
                   second: str = "") -> HTMLResponse:
    chosen = split(coders) or [c for c in (first, second) if c]
    comparison: dict[str, Any] | None = None
    error = ""
    if doc and chosen:
        try:
            comparison = plain(ctx.project.agreement.reconciliation(doc, chosen))
        except CothemeError as exc:
            error = str(exc)
    codes = [{"id": c.code.id, "path": c.code.path_text, "colour": c.code.colour} for c in ctx.project.codes.list()]
    return render(
        request, ctx, "reconcile.html", "reconcile", comparison=comparison, error=error, members=_coders(ctx),
        documents=ctx.project.documents.list(), doc=doc, chosen=chosen,
        data={"doc": doc, "coders": ",".join(chosen), "comparison": comparison, "codes": codes},
    )
