"""The participants page: every case with its attributes, and (for a lead) each attribute's definition
to edit - display label, category order, description, shown in Table 1 - through ``api_attributes``."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from cotheme.domain.project import Permission
from cotheme.web.api_attributes import attributes_out
from cotheme.web.api_texts import Ctx
from cotheme.web.pages import render

router = APIRouter(include_in_schema=False)


@router.get("/participants", response_class=HTMLResponse)
def participants(request: Request, ctx: Ctx) -> HTMLResponse:
    return render(request, ctx, "participants.html", "participants", cases=ctx.project.cases.list(),
                  attributes=attributes_out(ctx), leads=ctx.member.permission is Permission.LEAD)
