"""The Check-ins page: take a working copy to code offline, bring it back, and (for a lead) decide what
check-ins left, through ``api_checkins``."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from cotheme.domain.project import Permission
from cotheme.web.api_texts import Ctx
from cotheme.web.pages import render

router = APIRouter(include_in_schema=False)


@router.get("/checkins", response_class=HTMLResponse)
def checkins(request: Request, ctx: Ctx) -> HTMLResponse:
    leads = ctx.member.permission is Permission.LEAD
    return render(request, ctx, "checkins.html", "checkins", leads=leads,
                  items=ctx.project.team.merge_items() if leads else [], documents=ctx.project.documents.list(),
                  codes=[c.code for c in ctx.project.codes.list()],
                  copies=ctx.project.team.checkouts() if leads else [])
