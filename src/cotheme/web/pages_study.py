"""The Study page (the study's metadata and the fields that answer the COREQ checklist, with the
checklist beside them) and the Figures page (the heatmaps and coverage strips, drawn as SVG).

Every member sees both; the Study page's form saves through ``PATCH /api/v1/study`` (a lead). Must
not compute anything itself.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from cotheme.domain.figures import HEATMAP_VALUES
from cotheme.domain.project import Permission, STUDY_FIELDS
from cotheme.domain.study_fields import SECTIONS
from cotheme.web.api_study import study_json
from cotheme.web.api_texts import Ctx
from cotheme.web.pages import render

router = APIRouter(include_in_schema=False)

#: The metadata fields the Study page shows (the software version is the project's own record).
SHOWN_METADATA = tuple(f for f in STUDY_FIELDS if f != "software_version")


@router.get("/study", response_class=HTMLResponse)
def study_page(request: Request, ctx: Ctx) -> HTMLResponse:
    data = study_json(ctx)
    by_section = {s: [f for f in data["fields"] if f["section"] == s] for s in SECTIONS}
    return render(request, ctx, "study.html", "study", data=data, sections=by_section, metadata=SHOWN_METADATA,
                  editable=ctx.member.permission is Permission.LEAD)


@router.get("/figures", response_class=HTMLResponse)
def figures_page(request: Request, ctx: Ctx, columns_by: str = "", values: str = "counts") -> HTMLResponse:
    cases = ctx.project.cases.list()
    attributes = list(cases[0].attributes) if cases else []
    return render(request, ctx, "figures.html", "reports", attributes=attributes,
                  columns_by=columns_by if columns_by in attributes else "",
                  values=values if values in HEATMAP_VALUES else "counts", value_choices=HEATMAP_VALUES)
