"""/api/v1 for attribute definitions: each attribute's label, category order, description and whether
Table 1 shows it, with the categories its participants have (what the participants page edits), one
definition changed at a time, and a sheet of them imported.

Every refusal is the sentence the CLI gives, as ``{"error": ...}``. Must not lay out Table 1.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from cotheme.domain.attribute_defs import MAX_CATEGORIES, MAX_DESCRIPTION, MAX_LABEL, AttributeDefinition
from cotheme.web.api_texts import ERRORS, Ctx
from cotheme.web.uploads import read_upload

router = APIRouter(prefix="/api/v1", responses={**ERRORS, 413: ERRORS[422]}, tags=["participants"])


class CategoryOut(BaseModel):
    label: str
    count: int


class AttributeOut(BaseModel):
    name: str
    label: str = Field(description="The display label; empty: the name is shown.")
    display: str
    order: list[str]
    description: str
    shown: bool = Field(description="Whether Table 1 shows the attribute.")
    categories: list[CategoryOut] = Field(default=[], description="Its categories in display order, with counts.")


class AttributePatch(BaseModel):
    """What to change; a field left out stays as it is, an empty one clears it."""

    label: str | None = Field(default=None, max_length=MAX_LABEL * 4)
    order: list[str] | None = Field(default=None, max_length=MAX_CATEGORIES * 4)
    description: str | None = Field(default=None, max_length=MAX_DESCRIPTION * 4)
    shown: bool | None = None


class AttributeName(BaseModel):
    name: str = Field(min_length=1, max_length=400)


class AttributeChange(AttributeName, AttributePatch):
    """One attribute, named, and what to change of its definition."""


def _out(d: AttributeDefinition, categories: list[CategoryOut] | None = None) -> AttributeOut:
    return AttributeOut(name=d.name, label=d.label, display=d.display, order=list(d.order),
                        description=d.description, shown=d.shown, categories=categories or [])


def attributes_out(ctx: Ctx) -> list[AttributeOut]:
    definitions = ctx.project.cases.attribute_definitions()
    names = [d.name for d in definitions]
    table = ctx.project.study.sample_table(attributes=names, targets=[]) if names else None
    counts = {a.name: [CategoryOut(label=c.label, count=c.count) for c in a.categories]
              for a in (table.attributes if table else ())}
    return [_out(d, counts.get(d.name)) for d in definitions]


@router.get("/attributes", response_model=list[AttributeOut])
def attributes(ctx: Ctx) -> list[AttributeOut]:
    """Every attribute's definition with its categories in display order ("not available" last)."""
    return attributes_out(ctx)


@router.patch("/attributes", response_model=AttributeOut)
def set_attribute(body: AttributeChange, ctx: Ctx) -> AttributeOut:
    """Change one attribute's label, category order, description or whether Table 1 shows it."""
    saved = ctx.project.cases.set_attribute(body.name, label=body.label, order=body.order,
                                      description=body.description, shown=body.shown)
    return next(a for a in attributes_out(ctx) if a.name == saved.name)


_SHEET = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"], "properties": {"file": {
        "type": "string", "format": "binary",
        "description": "A .csv/.xlsx with the columns name, label, order, description, shown."}}}}}}}


@router.post("/attributes/import", response_model=list[AttributeOut], openapi_extra=_SHEET)
async def import_attributes(request: Request, ctx: Ctx) -> list[AttributeOut]:
    """Set the definitions of the attributes a sheet names, all or none."""
    name, data = (await read_upload(request, "file")).files[0]
    saved = await run_in_threadpool(ctx.project.cases.import_attribute_data, name, data)
    return [_out(d) for d in saved]
