"""The pages for phases 3-6: themes, one theme's review, the editable thematic map, and reports."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from cotheme.domain.project import Permission

from cotheme.domain.passages import GROUPINGS
from cotheme.formats.report_common import REPORT_FORMATS
from cotheme.web.markdown import to_html
from cotheme.web.api_texts import Ctx
from cotheme.web.schemas import Id
from cotheme.web.pages import live_from, render

router = APIRouter(include_in_schema=False)


@router.get("/themes", response_class=HTMLResponse)
def themes(request: Request, ctx: Ctx) -> HTMLResponse:
    leads = ctx.member.permission is Permission.LEAD
    start = live_from(ctx)
    return render(request, ctx, "themes.html", "themes", themes=ctx.project.themes.list(), leads=leads,
                  endpoint=ctx.project.assist.draft_endpoint() if leads else None, live_from=start)


@router.get("/themes/{theme_id}", response_class=HTMLResponse)
def theme_review(request: Request, theme_id: Id, ctx: Ctx, group: str = "subtheme") -> HTMLResponse:
    """One theme's review: its passages (each once, with all its coders and the memos on its
    codings) grouped by subtheme, participant or code, the first few of each group shown."""
    start = live_from(ctx)
    review = ctx.project.themes.review(theme_id, group_by=group)
    memo_html = {m.id: to_html(m.text) for g in review.passages.groups for p in g.passages for m in p.memos}
    return render(request, ctx, "theme_review.html", "themes", review=review, groupings=GROUPINGS,
                  exemplars=set(review.exemplar_ids), all_codes=ctx.project.codes.list(), memo_html=memo_html,
                  endpoint=ctx.project.assist.draft_endpoint(),
                  summaries=[d for d in ctx.project.assist.drafts() if d.kind.value == "theme-summary" and d.target_id == theme_id],
                  live_from=start)


@router.get("/map", response_class=HTMLResponse)
def thematic_map(request: Request, ctx: Ctx) -> HTMLResponse:
    return render(request, ctx, "map.html", "map", live_from=live_from(ctx))


@router.get("/reports", response_class=HTMLResponse)
def reports(request: Request, ctx: Ctx) -> HTMLResponse:
    cases = ctx.project.cases.list()
    return render(request, ctx, "reports.html", "reports", formats=REPORT_FORMATS,
                  attributes=list(cases[0].attributes) if cases else [])
