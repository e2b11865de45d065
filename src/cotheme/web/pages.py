"""The HTML pages: project home, transcript reader, codebook, memos, retrieval and search.

Pages render with Jinja2 (autoescaped); every transcript and memo string is data, never markup. Data
the page scripts need travels in ``<script type="application/json">`` blocks (tojson-escaped), so no
inline script is needed and the Content-Security-Policy can forbid it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from cotheme.domain.plural import counted
from cotheme.domain.search import SearchHit
from cotheme.errors import InvalidArgument
from cotheme.web.api_codebook import counted_out
from cotheme.web.api_notes import memo_out
from cotheme.web import reader_data
from cotheme.web.api_texts import Ctx, reader_codings
from cotheme.web.schemas import Id
from cotheme.web.team_home import has_team

templates = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
router = APIRouter(include_in_schema=False)
# Data blocks without the spaces json.dumps puts after separators (a 1,000-coding reader page: ~8% less).
templates.env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}


def clock(ms: int) -> str:
    seconds = ms // 1000
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


templates.env.globals["clock"] = clock
templates.env.globals["counted"] = counted
templates.env.filters["counted"] = counted


def live_from(ctx: Ctx) -> int:
    """The live feed's end, read before a live page reads what it shows: the page follows the feed from
    here (``cotheme-live-from``), so a change made while it was drawn or before its stream opened still
    reaches it."""
    return ctx.project.team.live_cursor()


def render(request: Request, ctx: Ctx, name: str, page: str, **values: Any) -> HTMLResponse:
    values.update(ctx=ctx, info=ctx.project.study.info(), page=page)
    return templates.TemplateResponse(request, name, values)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, ctx: Ctx) -> HTMLResponse:
    # A fixed number of statements whatever the number of documents (services/home.py): the first page
    # of transcripts, SQL totals, cached per data version; the team's progress comes after first paint.
    summary = ctx.project.study.home_summary()
    return render(
        request, ctx, "home.html", "home", summary=summary, documents=summary.documents.documents,
        cases=summary.cases, attribute_names=summary.attribute_names, codes=summary.codes,
        total_codings=summary.total_codings, memos=[memo_out(m) for m in summary.memos],
        sample=summary.sample, team_section=has_team(ctx), review_count=summary.review_count,
        deidentified=summary.deidentified,
    )


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def reader(request: Request, document_id: Id, ctx: Ctx) -> HTMLResponse:
    start = live_from(ctx)
    doc = ctx.project.documents.get(document_id)
    codings = reader_codings(ctx, document_id)
    codes = [counted_out(c).model_dump() for c in ctx.project.codes.list()]
    # The first screen of turns and the codings starting in them; reader.js fetches the rest as the
    # reader scrolls (``GET /api/v1/documents/{id}/turns``), so the page weighs the same for any length.
    shown = reader_data.first_count(doc)
    first = reader_data.coding_rows(doc, codings, 0, shown)
    data = first | {"n": len(codings), "m": len({e.coder for e in codings}) > 1, "t": len(doc.turns),
                    "b": reader_data.BATCH_TURNS}
    # The recording, if any, and each turn's [start, end] in it (ms) for the player (player.js).
    recording = ctx.project.documents.recording(document_id)
    times = [[t.t_start_ms, t.t_end_ms] for t in doc.turns] if recording is not None else None
    return render(
        request, ctx, "reader.html", "reader", doc=doc, turns=doc.turns[:shown], total_codings=len(codings),
        codes_json=codes, reader_json=data, recording=recording, turn_times=times,
        timed=any(t.t_start_ms is not None for t in doc.turns), live_from=start,
    )


@router.get("/codebook", response_class=HTMLResponse)
def codebook(request: Request, ctx: Ctx) -> HTMLResponse:
    return render(request, ctx, "codebook.html", "codebook", live_from=live_from(ctx))


@router.get("/memos", response_class=HTMLResponse)
def memos(request: Request, ctx: Ctx) -> HTMLResponse:
    return render(request, ctx, "memos.html", "memos", memos=[memo_out(m) for m in ctx.project.memos.list()])


@router.get("/retrieve", response_class=HTMLResponse)
def retrieve(request: Request, ctx: Ctx) -> HTMLResponse:
    chosen = {int(v) for v in request.query_params.getlist("code") if v.isdigit()}
    missing = ctx.project.study.info().missing_label
    values: dict[str, set[str]] = {}
    for case in ctx.project.cases.list():
        for name, value in case.shown(missing).items():
            values.setdefault(name, set()).add(value)
    return render(
        request, ctx, "retrieve.html", "retrieve", codes=ctx.project.codes.list(), chosen=chosen,
        subcodes=request.query_params.get("subcodes", "true").lower() not in ("false", "0", "no", "off"),
        attribute_values={k: sorted(v) for k, v in values.items()},
    )


def _parts(hit: SearchHit) -> list[tuple[str, bool]]:
    parts, last = [], 0
    for start, end in hit.snippet_marks:
        parts.append((hit.snippet[last:start], False))
        parts.append((hit.snippet[start:end], True))
        last = end
    parts.append((hit.snippet[last:], False))
    return parts


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, ctx: Ctx, q: str = "") -> HTMLResponse:
    hits: list[dict[str, Any]] = []
    error = ""
    if q.strip():
        try:
            hits = [dict(vars_of(h), parts=_parts(h)) for h in ctx.project.documents.search(q, 200)]
        except InvalidArgument as exc:
            error = str(exc)
    return render(request, ctx, "search.html", "search", hits=hits, query=q, error=error)


def vars_of(hit: SearchHit) -> dict[str, Any]:
    return {f: getattr(hit, f) for f in hit.__dataclass_fields__}
