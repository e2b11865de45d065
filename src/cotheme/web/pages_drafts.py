"""The code's page: its definition, the coded passages that may not fit it (misfits, loaded by the page
from /api/v1/misfits) and, for a lead, a definition drafted by the team's own language model to read,
edit, accept or reject. Everything the model wrote is shown as text (``second_reader.js``)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from cotheme.domain.project import Permission
from cotheme.errors import NotFound
from cotheme.web.api_texts import Ctx
from cotheme.web.pages import render
from cotheme.web.schemas import Id

router = APIRouter(include_in_schema=False)


@router.get("/codes/{code_id}", response_class=HTMLResponse)
def code_page(request: Request, code_id: Id, ctx: Ctx) -> HTMLResponse:
    found = next((c for c in ctx.project.codes() if c.code.id == code_id), None)
    if found is None:
        raise NotFound(f"There is no code {code_id}; it may have been deleted.")
    return render(request, ctx, "code_page.html", "codebook", counted_code=found, code=found.code,
                  leads=ctx.member.permission is Permission.LEAD, endpoint=ctx.project.draft_endpoint())
