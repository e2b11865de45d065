"""/api/v1 for themes (phases 3-5), the thematic map, the sample monitor and report downloads."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from cotheme.domain.plain import plain
from cotheme.domain.themes import ThemeSummary
from cotheme.errors import InvalidArgument
from cotheme.formats.map_svg import layout_json, write_svg
from cotheme.formats.report_common import REPORT_FORMATS, check_format
from cotheme.formats.report_narrative import write_methods, write_themes
from cotheme.formats.report_tables import sample_json, write_cooccurrence, write_matrix, write_sample
from cotheme.web.api_texts import ERRORS, Ctx
from cotheme.web.schemas import Id

router = APIRouter(prefix="/api/v1", responses=ERRORS)

MEDIA = {
    "md": "text/markdown; charset=utf-8", "csv": "text/csv; charset=utf-8", "json": "application/json",
    "html": "text/html; charset=utf-8", "svg": "image/svg+xml",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


class ThemeOut(BaseModel):
    id: int
    name: str
    parent_id: int | None
    level: int
    definition: str
    status: str
    code_ids: list[int]
    codes: list[str]
    extracts: int
    participants: int


class ThemeIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    parent_id: Id | None = None
    definition: str = ""
    status: str = "candidate"


class ThemeEdit(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    definition: str | None = None
    status: str | None = None


class CodeLinks(BaseModel):
    code_ids: list[Id]
    unlink: bool = False


class ExemplarIn(BaseModel):
    coding_id: Id


class Positions(BaseModel):
    positions: dict[Id, tuple[float, float] | None]


def theme_out(s: ThemeSummary) -> ThemeOut:
    t = s.theme
    return ThemeOut(id=t.id, name=t.name, parent_id=t.parent_id, level=t.level, definition=t.definition,
                    status=t.status.value, code_ids=list(t.code_ids), codes=list(s.codes),
                    extracts=s.extracts, participants=s.participants)


def _one(ctx: Ctx, theme_id: Id) -> ThemeOut:
    return theme_out(next(s for s in ctx.project.themes() if s.theme.id == theme_id))


@router.get("/themes", response_model=list[ThemeOut], tags=["themes"])
def themes(ctx: Ctx) -> list[ThemeOut]:
    """Themes in hierarchy order with their codes and counts."""
    return [theme_out(s) for s in ctx.project.themes()]


@router.post("/themes", response_model=ThemeOut, status_code=201, tags=["themes"])
def create_theme(body: ThemeIn, ctx: Ctx) -> ThemeOut:
    theme = ctx.project.create_theme(body.name, parent=body.parent_id, definition=body.definition,
                                     status=body.status)
    return _one(ctx, theme.id)


@router.patch("/themes/{theme_id}", response_model=ThemeOut, tags=["themes"])
def edit_theme(theme_id: Id, body: ThemeEdit, ctx: Ctx) -> ThemeOut:
    changes = {k: v for k, v in body.model_dump().items() if v is not None}
    ctx.project.update_theme(theme_id, **changes)
    return _one(ctx, theme_id)


@router.delete("/themes/{theme_id}", status_code=204, tags=["themes"])
def delete_theme(theme_id: Id, ctx: Ctx) -> Response:
    ctx.project.delete_theme(theme_id)
    return Response(status_code=204)


@router.post("/themes/{theme_id}/codes", response_model=ThemeOut, tags=["themes"])
def link_codes(theme_id: Id, body: CodeLinks, ctx: Ctx) -> ThemeOut:
    """Link codes to the theme (or unlink them)."""
    ctx.project.link_codes(theme_id, body.code_ids, unlink=body.unlink)
    return _one(ctx, theme_id)


@router.post("/themes/{theme_id}/exemplars", status_code=201, tags=["themes"])
def add_exemplar(theme_id: Id, body: ExemplarIn, ctx: Ctx) -> dict[str, Any]:
    """Mark a coding as an illustrative quote of the theme."""
    return plain(ctx.project.add_exemplar(theme_id, body.coding_id, ctx.member.name))  # type: ignore[no-any-return]


@router.delete("/themes/{theme_id}/exemplars/{coding_id}", status_code=204, tags=["themes"])
def remove_exemplar(theme_id: Id, coding_id: Id, ctx: Ctx) -> Response:
    ctx.project.remove_exemplar(theme_id, coding_id)
    return Response(status_code=204)


@router.get("/themes/{theme_id}/review", tags=["themes"])
def review(theme_id: Id, ctx: Ctx) -> dict[str, Any]:
    """One theme's extracts by code and participant, counts, subthemes and codes in no theme."""
    return plain(ctx.project.theme_review(theme_id))  # type: ignore[no-any-return]


@router.get("/map", tags=["themes"])
def thematic_map(ctx: Ctx, depth: Annotated[int | None, Query(ge=1, le=6)] = None) -> dict[str, Any]:
    """The thematic map laid out: nodes with positions and sizes, edges."""
    return layout_json(ctx.project.thematic_map(depth))


@router.get("/map.svg", tags=["themes"], response_class=Response)
def thematic_map_svg(ctx: Ctx, depth: Annotated[int | None, Query(ge=1, le=6)] = None) -> Response:
    svg = write_svg(ctx.project.thematic_map(depth), f"Thematic map: {ctx.project.info().title}")
    return Response(svg, media_type=MEDIA["svg"])


@router.post("/map/positions", status_code=204, tags=["themes"])
def save_positions(body: Positions, ctx: Ctx) -> Response:
    """Save dragged positions of themes (``null`` returns a theme to the automatic layout)."""
    ctx.project.save_map_positions(dict(body.positions))
    return Response(status_code=204)


@router.post("/map/reset", status_code=204, tags=["themes"])
def reset_positions(ctx: Ctx) -> Response:
    ctx.project.reset_map_positions()
    return Response(status_code=204)


@router.get("/sample", tags=["reports"])
def sample(ctx: Ctx) -> dict[str, Any]:
    """Participants per attribute category, checked against the saved targets."""
    return sample_json(ctx.project.sample_table())


@router.get("/reports/{kind}", tags=["reports"], response_class=Response)
def report(
    kind: str, ctx: Ctx,
    format: Annotated[str | None, Query(alias="format")] = None,  # noqa: A002
    by: str | None = None,
    subcodes: Annotated[bool, Query(description="matrix (code rows) and cooccurrence: each code with its "
                                    "sub-codes, a passage coded with both counted once.")] = True,
) -> Response:
    """A report as a file: sample, themes, matrix (needs ``by``), cooccurrence or methods."""
    if kind not in REPORT_FORMATS:
        raise InvalidArgument(f"'{kind}' is not a report; choose one of {', '.join(REPORT_FORMATS)}.")
    fmt = check_format(kind, format or REPORT_FORMATS[kind][0])
    data = _render(ctx, kind, fmt, by, subcodes)
    name = f"{kind}.{fmt}"
    # HTML reports carry their own <style>; they may style themselves but never run script.
    headers = {"Content-Security-Policy": REPORT_CSP}
    if fmt not in ("html", "svg"):
        headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return Response(data, media_type=MEDIA.get(fmt, "application/octet-stream"), headers=headers)


def _render(ctx: Ctx, kind: str, fmt: str, by: str | None, subcodes: bool = True) -> bytes:
    p = ctx.project
    if kind == "sample":
        return write_sample(p.sample_table(), fmt, p.info().title)
    if kind == "themes":
        return write_themes(p.themes_report(), fmt)
    if kind == "matrix":
        if not by:
            raise InvalidArgument("A matrix report needs an attribute: add ?by=ATTRIBUTE.")
        return write_matrix(p.matrix(by, subcodes=subcodes), fmt)
    if kind == "cooccurrence":
        return write_cooccurrence(p.cooccurrence(subcodes=subcodes), fmt)
    return write_methods(p.methods_report(), fmt)
