"""The project home's parts that come after first paint, as JSON: the team's work (the acting member's
queue of assigned documents and, for a lead, progress per coder and per document) and later pages of
the transcripts list.

The team part costs a pass over every coding, so the home page asks for it only when there is a team
(a team server, or more than one member) and only after it has drawn; on a single-user project it is
never computed. Its HTML comes from the same autoescaped template the page used to include.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request

from cotheme.domain.project import Permission
from cotheme.domain.team import summarise
from cotheme.web.api_texts import ERRORS, Ctx
from cotheme.web.schemas import DocumentOut

router = APIRouter(prefix="/api/v1/home", responses=ERRORS, tags=["documents"])


def has_team(ctx: Ctx) -> bool:
    """Whether the home page shows a team section: a team server, or several members."""
    return ctx.team or len(ctx.members) > 1


def team_home(ctx: Ctx) -> dict[str, Any]:
    """Template values: ``queue`` (the member's assigned documents) and, for leads, ``progress``."""
    values: dict[str, Any] = {"queue": ctx.project.team.queue(), "progress": None}
    if ctx.member.permission is Permission.LEAD:
        rows = ctx.project.team.progress()
        if rows:
            values["progress"] = {"rows": rows, "by_coder": summarise(rows, "coder")}
    return values


@router.get("/team")
def team(request: Request, ctx: Ctx) -> dict[str, Any]:
    """The queue and progress section of the home page as HTML (empty on a single-user project)."""
    from cotheme.web.pages import templates  # the pages' Jinja environment, with its globals

    if not has_team(ctx):
        return {"html": ""}
    html = templates.get_template("team_home.html").render(request=request, ctx=ctx, **team_home(ctx))
    return {"html": html}


@router.get("/documents")
def documents(ctx: Ctx, offset: int = Query(0, ge=0), limit: int = Query(50, ge=1, le=500),
              q: str = Query("", max_length=200)) -> dict[str, Any]:
    """A page of the transcripts list (``q``: only those whose title or case id contains it)."""
    page = ctx.project.documents.page(offset, limit, q)
    return {
        "total": page.total, "offset": page.offset,
        "documents": [
            DocumentOut(id=d.id, title=d.title, case_pid=d.case_pid, words=d.words, turns=d.turns,
                        speakers=list(d.speakers), codings=d.codings, coded_turns=d.coded_turns,
                        revision=d.revision).model_dump(exclude_none=True)
            for d in page.documents
        ],
    }
