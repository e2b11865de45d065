"""/api/v1 for memos, participants, retrieval and search."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import TypeAdapter

from cotheme.domain.memos import Memo, MemoTarget
from cotheme.services.retrieval import Retrieved
from cotheme.web.api_texts import ERRORS, Ctx
from cotheme.web.markdown import to_html
from cotheme.web.schemas import CaseOut, HitOut, Id, MemoIn, MemoOut, RetrievedOut

router = APIRouter(prefix="/api/v1", responses=ERRORS)
RETRIEVED_JSON = TypeAdapter(list[Retrieved])


def memo_link(m: Memo) -> str | None:
    """The page of a memo's target: the code's extracts in Retrieve, the document in the reader, a
    coding's turn in the reader (its ``turn-N`` anchor counts from 0), the theme's page."""
    place = m.place
    if m.target_id is None or place is None or not place.name:
        return None
    if m.target is MemoTarget.CODE:
        return f"/retrieve?code={m.target_id}"
    if m.target is MemoTarget.DOCUMENT:
        return f"/documents/{m.target_id}"
    if m.target is MemoTarget.THEME:
        return f"/themes/{m.target_id}"
    if m.target is MemoTarget.CODING and place.document_id is not None:
        return f"/documents/{place.document_id}" + (f"#turn-{place.turn - 1}" if place.turn is not None else "")
    return None


def memo_out(m: Memo) -> MemoOut:
    return MemoOut(
        id=m.id, text=m.text, html=to_html(m.text), author=m.author, target=m.target.value,
        target_id=m.target_id, created_at=m.created_at,
        about=m.place.text if m.place is not None else "", target_name=m.place.name if m.place else "",
        turn=m.place.turn if m.place else None, link=memo_link(m),
    )


@router.get("/memos", response_model=list[MemoOut], tags=["memos"])
def memos(ctx: Ctx, target: str | None = None, target_id: Id | None = None) -> list[MemoOut]:
    """Memos newest first, optionally only those on one target (project, document, code, coding)."""
    return [memo_out(m) for m in ctx.project.memos.list(target, target_id)]


@router.post("/memos", response_model=MemoOut, status_code=201, tags=["memos"])
def add_memo(body: MemoIn, ctx: Ctx) -> MemoOut:
    """Write a memo (Markdown) as the acting member."""
    memo = ctx.project.memos.add(body.text, target=body.target, target_id=body.target_id, author=ctx.member.name)
    return memo_out(memo)


@router.get("/cases", response_model=list[CaseOut], tags=["cases"])
def cases(ctx: Ctx) -> list[CaseOut]:
    missing = ctx.project.study.info().missing_label
    return [CaseOut(id=c.pid, attributes=c.shown(missing)) for c in ctx.project.cases.list()]


@router.get("/extracts", response_model=list[RetrievedOut], tags=["retrieval"])
def extracts(
    ctx: Ctx,
    code: Annotated[list[Id], Query(description="Code ids; repeat for several.")],
    mode: Annotated[str, Query(pattern="^(or|and)$")] = "or",
    where: Annotated[list[str], Query(description="ATTRIBUTE=VALUE; repeat for several.")] = [],  # noqa: B006
    show: Annotated[list[str], Query(description="Attributes to show with each extract.")] = [],  # noqa: B006
    subcodes: Annotated[bool, Query(description="Each code stands for itself and every code below it.")] = True,
) -> Response:
    """Extracts of any (``or``) or all overlapping (``and``) of the codes, each with its sub-codes unless
    ``subcodes=false`` (a passage coded with several of them once), filtered by attributes, with the
    memos written on their codings."""
    filters = {}
    for item in where:
        name, sep, value = item.partition("=")
        if sep:
            filters[name] = value
    found = ctx.project.codings.retrieve(code, mode=mode, where=filters, show=show, subcodes=subcodes)
    # The JSON of list[RetrievedOut] (the documented schema: Retrieved and Extract have the same fields),
    # written straight from the service's dataclasses: building 10,000 pydantic models first took
    # several times longer than the query itself (bench/web_bench.py, retrieval_ms).
    return Response(RETRIEVED_JSON.dump_json(found), media_type="application/json")


@router.get("/search", response_model=list[HitOut], tags=["search"])
def search(ctx: Ctx, q: Annotated[str, Query(min_length=1, max_length=500)],
           limit: Annotated[int, Query(ge=1, le=500)] = 50) -> list[HitOut]:
    """Full-text search over transcripts and memos; hits in reading order."""
    return [
        HitOut(kind=h.kind, document_id=h.document_id, document=h.document, memo_id=h.memo_id,
               speaker=h.speaker, start=h.start, end=h.end, offsets=list(h.offsets),
               snippet=h.snippet, snippet_marks=list(h.snippet_marks))
        for h in ctx.project.documents.search(q, limit)
    ]
