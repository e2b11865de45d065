"""/api/v1 for the Study page and the figures: the study's fields with the COREQ checklist they fill
(read by every member, changed by a lead), and each figure as SVG, PNG or PDF.

The JSON is the same as ``cotheme study show --json`` plus the checklist; a figure is the same bytes
as ``cotheme figure KIND PROJECT --out FILE``. Must not compute anything itself.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from cotheme.domain.figures import DEFAULT_DPI, FIGURE_KINDS, MAX_DPI, MIN_DPI
from cotheme.domain.project import STUDY_FIELDS
from cotheme.domain.study_fields import MAX_LENGTH
from cotheme.errors import InvalidArgument
from cotheme.formats.report_methods import coreq_summary
from cotheme.web.api_agreement import split
from cotheme.web.api_texts import ERRORS, Ctx

router = APIRouter(prefix="/api/v1", responses=ERRORS)

MEDIA = {"svg": "image/svg+xml", "png": "image/png", "pdf": "application/pdf"}
#: An SVG figure is shown inside the page: it may carry its own styles but never run script.
FIGURE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


class StudyIn(BaseModel):
    """Fields to set, by name (``cotheme study fields``); "" clears a COREQ field."""

    fields: dict[str, Annotated[str, Field(max_length=MAX_LENGTH + 100)]] = Field(min_length=1, max_length=80)


def study_json(ctx: Ctx) -> dict[str, Any]:
    p = ctx.project
    info = p.study.info()
    report = p.reports.methods()
    return {
        "metadata": {f: getattr(info, f) for f in STUDY_FIELDS},
        "fields": [{"name": e.field.name, "label": e.field.label, "section": e.field.section,
                    "coreq_item": e.field.item, "choices": list(e.field.choices), "value": e.value,
                    "prefilled": e.prefilled, "help": e.field.help} for e in p.study.get()],
        "coreq": [{"number": i.number, "domain": i.domain, "topic": i.topic, "item": i.item,
                   "answered": i.answered, "where": i.where, "answer": i.answer} for i in report.coreq],
        "summary": coreq_summary(report.coreq),
    }


@router.get("/study", tags=["study"])
def study(ctx: Ctx) -> dict[str, Any]:
    """The study's metadata, the Study page's fields and the COREQ checklist they answer."""
    return study_json(ctx)


@router.patch("/study", tags=["study"])
def set_study(body: StudyIn, ctx: Ctx) -> dict[str, Any]:
    """Set study fields (a lead): all of them or, when one is refused, none."""
    ctx.project.study.set_fields(body.fields)
    return study_json(ctx)


@router.get("/figures/{figure_kind}", response_class=Response, tags=["figures"])
def figure(
    figure_kind: str, ctx: Ctx,
    format: Annotated[str, Query(alias="format")] = "svg",  # noqa: A002
    dpi: Annotated[int, Query(ge=MIN_DPI, le=MAX_DPI)] = DEFAULT_DPI,
    values: str = "counts",
    columns_by: str | None = None,
    unit: str = "extract",
    docs: str | None = None,
) -> Response:
    """A figure (heatmap, cooccurrence or coverage) as svg, png or pdf (as ``cotheme figure``)."""
    kind = figure_kind
    if kind not in FIGURE_KINDS:
        raise InvalidArgument(f"'{kind}' is not a figure; choose heatmap, cooccurrence or coverage.")
    data = ctx.project.reports.figure(kind, format, dpi=dpi, values=values, columns_by=columns_by or None, unit=unit,
                              documents=split(docs))
    fmt = format.strip().lower()
    headers = {"Content-Security-Policy": FIGURE_CSP}
    if fmt != "svg":
        headers["Content-Disposition"] = f'attachment; filename="{kind}.{fmt}"'
    return Response(data, media_type=MEDIA[fmt], headers=headers)
