"""The Exports page (``/export``): every download a researcher needs, without a terminal.

The extracts form is a plain GET form onto ``/api/v1/extracts.csv`` (or ``.xlsx``): the browser
downloads the answer, so the page needs no script. Everything else is a link to a download route
(``api_exports``, ``api_themes``). What the page offers follows the acting member: the backup only
for leads; what each download holds, the member's view (blind documents stay hidden).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from cotheme.domain.project import Permission
from cotheme.formats.report_common import REPORT_FORMATS
from cotheme.web.api_texts import Ctx
from cotheme.web.pages import render

router = APIRouter(include_in_schema=False)

REPORT_NAMES = {
    "sample": "Sample characteristics (Table 1)", "themes": "Themes with illustrative quotes",
    "cooccurrence": "Code co-occurrence", "methods": "Methods appendix with COREQ checklist",
}


@router.get("/export", response_class=HTMLResponse)
def export(request: Request, ctx: Ctx) -> HTMLResponse:
    p = ctx.project
    missing = p.study.info().missing_label
    values: dict[str, set[str]] = {}
    for case in p.cases.list():
        for name, value in case.shown(missing).items():
            values.setdefault(name, set()).add(value)
    return render(
        request, ctx, "export.html", "export",
        codes=p.codes.list(), documents=p.documents.list(), coders=list(ctx.members),
        attribute_values={k: sorted(v) for k, v in values.items()},
        formats=REPORT_FORMATS, report_names=REPORT_NAMES,
        has_themes=bool(p.themes.list()), lead=ctx.member.permission is Permission.LEAD,
        restricted=ctx.member.permission is not Permission.LEAD and bool(p.team.blind_documents()),
    )
