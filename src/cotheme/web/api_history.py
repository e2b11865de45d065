"""/api/v1 for the codebook's history: versioned changes, the codebook as of a date, the
diff between two dates, undo, and the revisions that need more than an edit: merge, split, delete."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from cotheme.domain.plain import plain
from cotheme.web.api_codebook import code_out
from cotheme.web.api_texts import ERRORS, Ctx
from cotheme.web.schemas import CodeOut, Id

router = APIRouter(prefix="/api/v1", responses=ERRORS, tags=["codebook"])
When = Annotated[str, Query(min_length=4, max_length=40, description="YYYY-MM-DD (end of that day, UTC) or ISO time.")]


class Rationale(BaseModel):
    rationale: str = Field(default="", max_length=10_000)


class MergeIn(Rationale):
    source_ids: list[Id] = Field(min_length=1)
    into_id: Id


class SplitIn(Rationale):
    code_id: Id
    parts: dict[str, list[Id]] = Field(min_length=1, description="New code name -> coding ids it takes.")
    keep: bool = True


@router.get("/codebook/history")
def history(ctx: Ctx, code_id: Id | None = None) -> list[dict[str, Any]]:
    """Every codebook change, oldest first: version, time, author, kind, summary, rationale."""
    return plain(ctx.project.codes.history(code_id))  # type: ignore[no-any-return]


@router.get("/codebook/as-of", response_model=list[CodeOut])
def as_of(ctx: Ctx, date: When) -> list[CodeOut]:
    """The code tree as it stood at ``date`` (counts are not reconstructed: 0)."""
    return [code_out(c) for c in ctx.project.codes.as_of(date)]


@router.get("/codebook/diff")
def diff(ctx: Ctx, since: When, until: When) -> dict[str, Any]:
    """Codes added, removed, renamed, moved, redefined between two dates, and the changes between."""
    return plain(ctx.project.codes.diff(since, until))  # type: ignore[no-any-return]


@router.post("/codebook/undo")
def undo(body: Rationale, ctx: Ctx) -> dict[str, Any]:
    """Take back the newest change not yet undone (refused when its codes changed since)."""
    return plain(ctx.project.codes.undo(body.rationale))  # type: ignore[no-any-return]


@router.post("/codebook/merge", response_model=CodeOut)
def merge(body: MergeIn, ctx: Ctx) -> CodeOut:
    """Merge codes into one: codings, memos, sub-codes and theme links move to the survivor."""
    return code_out(ctx.project.codes.merge(body.source_ids, body.into_id, rationale=body.rationale))


@router.post("/codebook/split", response_model=list[CodeOut])
def split(body: SplitIn, ctx: Ctx) -> list[CodeOut]:
    """Split a code: new codes beside it take the codings listed for each."""
    made = ctx.project.codes.split(body.code_id, body.parts, keep=body.keep, rationale=body.rationale)
    return [code_out(c) for c in made]


@router.delete("/codes/{code_id}", status_code=204)
def delete(code_id: Id, ctx: Ctx, move_to: Id | None = None,
           rationale: Annotated[str, Query(max_length=10_000)] = "") -> Response:
    """Delete a code; refused while it has codings or memos unless ``move_to`` takes them."""
    ctx.project.codes.delete(code_id, move_to=move_to, rationale=rationale)
    return Response(status_code=204)
