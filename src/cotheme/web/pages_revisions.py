"""Pages for the re-anchoring review queue and de-identification review."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from cotheme.domain.deid import Kind
from cotheme.errors import InvalidArgument
from cotheme.web.api_texts import Ctx
from cotheme.web.pages import render

router = APIRouter(include_in_schema=False)

CONFIDENCES = (("", "Any"), ("0.5", "0.50"), ("0.7", "0.70"), ("0.8", "0.80"), ("0.9", "0.90"))
STATUSES = (("", "All"), ("undecided", "Undecided"), ("accepted", "Accepted"), ("rejected", "Rejected"))
#: Strings shown at once; filters (or deciding, then filtering by status) reach the rest.
PAGE_GROUPS = 250
STATE_LABELS = {"open": "undecided", "proposed": "proposed", "accepted": "accepted", "rejected": "rejected",
                "mixed": "partly decided"}


@router.get("/review", response_class=HTMLResponse)
def review(request: Request, ctx: Ctx) -> HTMLResponse:
    return render(request, ctx, "review.html", "review", items=ctx.project.codings.review_queue())


@router.get("/deid", response_class=HTMLResponse)
def deid(request: Request, ctx: Ctx, kind: str = "", min_confidence: str = "", status: str = "") -> HTMLResponse:
    try:
        confidence = float(min_confidence) if min_confidence.strip() else None
    except ValueError:
        raise InvalidArgument(f"'{min_confidence}' is not a confidence; give a number between 0 and 1.") from None
    groups = ctx.project.deid.groups(kind=kind or None, min_confidence=confidence, status=status or None)
    return render(request, ctx, "deid.html", "deid", groups=groups[:PAGE_GROUPS], total_groups=len(groups),
                  total_occurrences=sum(g.count for g in groups), rejected=ctx.project.deid.rejected(),
                  kinds=[k.value for k in Kind], kind=kind, min_confidence=confidence,
                  min_confidence_value=min_confidence.strip(), confidences=CONFIDENCES, status=status,
                  statuses=STATUSES, state_labels=STATE_LABELS,
                  exports_only=ctx.project.deid.exports_only(),
                  done=ctx.project.deid.documents(), documents=ctx.project.documents.list())
