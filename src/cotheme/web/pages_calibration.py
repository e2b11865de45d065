"""The Calibration page: sessions where everyone codes one transcript blind, then compares side by side."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from cotheme.domain.project import Permission
from cotheme.web.api_texts import Ctx
from cotheme.web.pages import render

router = APIRouter(include_in_schema=False)


@router.get("/calibration", response_class=HTMLResponse)
def calibration(request: Request, ctx: Ctx) -> HTMLResponse:
    return render(request, ctx, "calibration.html", "calibration", sessions=ctx.project.calibrations(),
                  documents=ctx.project.documents(), leads=ctx.member.permission is Permission.LEAD)
