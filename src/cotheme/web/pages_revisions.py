"""Pages for the re-anchoring review queue and de-identification review."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from cotheme.web.api_texts import Ctx
from cotheme.web.pages import render

router = APIRouter(include_in_schema=False)


@router.get("/review", response_class=HTMLResponse)
def review(request: Request, ctx: Ctx) -> HTMLResponse:
    return render(request, ctx, "review.html", "review", items=ctx.project.review_queue())


@router.get("/deid", response_class=HTMLResponse)
def deid(request: Request, ctx: Ctx) -> HTMLResponse:
    return render(request, ctx, "deid.html", "deid", candidates=ctx.project.deid_candidates(),
                  exports_only=ctx.project.deidentified_exports_only(),
                  done=ctx.project.deidentified_documents(), documents=ctx.project.documents())
