"""/api/v1 for the codebook: list with counts, create, rename/edit, move."""

from __future__ import annotations

from fastapi import APIRouter

from cotheme.domain.codebook import Code, join_path
from cotheme.errors import NotFound
from cotheme.services.codebook import CodeCount
from cotheme.web.api_texts import ERRORS, Ctx
from cotheme.web.schemas import CodeEdit, CodeIn, CodeMove, CodeOut, Id

router = APIRouter(prefix="/api/v1", responses=ERRORS, tags=["codebook"])


def code_out(code: Code, extracts: int = 0, participants: int = 0) -> CodeOut:
    return CodeOut(
        id=code.id, name=code.name, parent_id=code.parent_id, path=code.path_text,
        definition=code.definition, inclusion=code.inclusion, exclusion=code.exclusion,
        example=code.example, colour=code.colour, extracts=extracts, participants=participants,
        extracts_with_subcodes=extracts, participants_with_subcodes=participants,
        version=code.version,
    )


def counted_out(c: CodeCount) -> CodeOut:
    """A code with its counts on its own and with its sub-codes."""
    return code_out(c.code, c.extracts, c.participants).model_copy(update={
        "extracts_with_subcodes": c.extracts_with_subcodes,
        "participants_with_subcodes": c.participants_with_subcodes, "subcodes": c.subcodes,
    })


def _counted(ctx: Ctx, code_id: Id) -> CodeOut:
    return counted_out(next(c for c in ctx.project.codes.list() if c.code.id == code_id))


@router.get("/codes", response_model=list[CodeOut])
def codes(ctx: Ctx) -> list[CodeOut]:
    """The code tree in order (parents before children) with extracts and participants per code, on its
    own and with its sub-codes (a passage coded with a code and its sub-code counted once)."""
    return [counted_out(c) for c in ctx.project.codes.list()]


@router.post("/codes", response_model=CodeOut, status_code=201)
def create_code(body: CodeIn, ctx: Ctx) -> CodeOut:
    """Create a code at the top level or under ``parent_id``."""
    parent: tuple[str, ...] = ()
    if body.parent_id is not None:
        parent = next((c.code.path for c in ctx.project.codes.list() if c.code.id == body.parent_id), ())
        if not parent:
            raise NotFound(f"There is no code {body.parent_id} to put the new code under.")
    fields = {k: v for k, v in body.model_dump(exclude={"name", "parent_id"}).items() if v}
    code = ctx.project.codes.create(join_path((*parent, body.name)), **fields)  # a "/" in the name stays in it
    return code_out(code)


@router.patch("/codes/{code_id}", response_model=CodeOut)
def edit_code(code_id: Id, body: CodeEdit, ctx: Ctx) -> CodeOut:
    """Rename a code or change its definition, inclusion, exclusion, example or colour."""
    fields = {k: v for k, v in body.model_dump(exclude={"name"}).items() if v is not None}
    ctx.project.codes.edit(code_id, name=body.name, **fields)
    return _counted(ctx, code_id)


@router.post("/codes/{code_id}/move", response_model=CodeOut)
def move_code(code_id: Id, body: CodeMove, ctx: Ctx) -> CodeOut:
    """Move a code under ``parent_id`` (``null``: the top level)."""
    ctx.project.codes.move(code_id, body.parent_id)
    return _counted(ctx, code_id)
