"""The import page (``/import``): transcripts (with a preview and a speaker-rename step), the
participants sheet, the codebook and a codings sheet, each through the pages' own /api/v1 calls; and
who may see it (a codings sheet is coding, so coders see that part even when they may not import).

The page itself only shows what the member may do: the routes below it check permission again.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from cotheme.domain.interview import MODES
from cotheme.domain.project import Permission
from cotheme.formats.registry import registered_extensions
from cotheme.web.api_texts import Ctx
from cotheme.web.context import RequestContext
from cotheme.web.pages import render, templates

router = APIRouter(include_in_schema=False)


def may_import(ctx: RequestContext) -> bool:
    """Leads, and coders when the lead allows it; viewers never."""
    if ctx.member.permission is Permission.LEAD:
        return True
    return ctx.member.permission is Permission.CODER and bool(ctx.project.team.coders_may_import())


templates.env.globals["may_import"] = may_import
templates.env.globals["interview_modes"] = MODES


@router.get("/import", response_class=HTMLResponse)
def import_page(request: Request, ctx: Ctx) -> HTMLResponse:
    transcripts = ",".join((*registered_extensions(), ".qdpx", ".qdc"))
    lead = ctx.member.permission is Permission.LEAD
    return render(
        request, ctx, "import.html", "import", allowed=may_import(ctx), accept_transcripts=transcripts,
        coders_import=ctx.project.team.coders_may_import(), lead=lead,
        may_code=ctx.member.permission is not Permission.VIEWER,  # a codings sheet is coding, not importing
        coders=[m.name for m in ctx.project.team.members()] if lead else [],
    )
