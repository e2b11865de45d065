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
from cotheme.formats.report_methods import write_methods
from cotheme.formats.report_narrative import write_themes
from cotheme.formats.report_tables import sample_json, write_cooccurrence, write_matrix, write_sample
from cotheme.web.api_texts import ERRORS, Ctx
from cotheme.web.schemas import Id

router = APIRouter(prefix="/api/v1", responses=ERRORS)

MEDIA = {
    "md": "text/markdown; charset=utf-8", "csv": "text/csv; charset=utf-8", "json": "application/json",
    "html": "text/html; charset=utf-8", "svg": "image/svg+xml",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "tex": "application/x-tex; charset=utf-8",
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


class ExemplarsIn(BaseModel):
    coding_ids: list[Id] = Field(min_length=1, max_length=10_000)
    remove: bool = False


class Positions(BaseModel):
    positions: dict[Id, tuple[float, float] | None]


def theme_out(s: ThemeSummary) -> ThemeOut:
    t = s.theme
    return ThemeOut(id=t.id, name=t.name, parent_id=t.parent_id, level=t.level, definition=t.definition,
                    status=t.status.value, code_ids=list(t.code_ids), codes=list(s.codes),
                    extracts=s.extracts, participants=s.participants)


def _one(ctx: Ctx, theme_id: Id) -> ThemeOut:
    return theme_out(next(s for s in ctx.project.themes.list() if s.theme.id == theme_id))


@router.get("/themes", response_model=list[ThemeOut], tags=["themes"])
def themes(ctx: Ctx) -> list[ThemeOut]:
    """Themes in hierarchy order with their codes and counts."""
    return [theme_out(s) for s in ctx.project.themes.list()]


@router.post("/themes", response_model=ThemeOut, status_code=201, tags=["themes"])
def create_theme(body: ThemeIn, ctx: Ctx) -> ThemeOut:
    theme = ctx.project.themes.create(body.name, parent=body.parent_id, definition=body.definition,
                                     status=body.status)
    return _one(ctx, theme.id)


@router.patch("/themes/{theme_id}", response_model=ThemeOut, tags=["themes"])
def edit_theme(theme_id: Id, body: ThemeEdit, ctx: Ctx) -> ThemeOut:
    changes = {k: v for k, v in body.model_dump().items() if v is not None}
    ctx.project.themes.update(theme_id, **changes)
    return _one(ctx, theme_id)


@router.delete("/themes/{theme_id}", status_code=204, tags=["themes"])
def delete_theme(theme_id: Id, ctx: Ctx) -> Response:
    ctx.project.themes.delete(theme_id)
    return Response(status_code=204)


@router.post("/themes/{theme_id}/codes", response_model=ThemeOut, tags=["themes"])
def link_codes(theme_id: Id, body: CodeLinks, ctx: Ctx) -> ThemeOut:
    """Link codes to the theme (or unlink them)."""
    ctx.project.themes.link_codes(theme_id, body.code_ids, unlink=body.unlink)
    return _one(ctx, theme_id)


@router.post("/themes/{theme_id}/exemplars", status_code=201, tags=["themes"])
def add_exemplar(theme_id: Id, body: ExemplarIn, ctx: Ctx) -> dict[str, Any]:
    """Mark a coding as an illustrative quote of the theme."""
    return plain(ctx.project.themes.add_exemplar(theme_id, body.coding_id, ctx.member.name))  # type: ignore[no-any-return]


@router.post("/themes/{theme_id}/exemplars/bulk", tags=["themes"])
def set_exemplars(theme_id: Id, body: ExemplarsIn, ctx: Ctx) -> dict[str, Any]:
    """Mark (``remove``: unmark) several codings as exemplars of the theme at once, all or none."""
    done = ctx.project.themes.set_exemplars(theme_id, body.coding_ids, member=ctx.member.name, remove=body.remove)
    return {"changed": done.changed, "unchanged": done.unchanged,
            "exemplar_ids": [e.coding_id for e in ctx.project.themes.exemplars(theme_id)]}


@router.delete("/themes/{theme_id}/exemplars/{coding_id}", status_code=204, tags=["themes"])
def remove_exemplar(theme_id: Id, coding_id: Id, ctx: Ctx) -> Response:
    ctx.project.themes.remove_exemplar(theme_id, coding_id)
    return Response(status_code=204)


@router.get("/themes/{theme_id}/review", tags=["themes"])
def review(theme_id: Id, ctx: Ctx, group: str = "subtheme") -> dict[str, Any]:
    """One theme's extracts by code and participant, its passages (each once, with every coding on
    it) grouped by ``group`` (subtheme, participant or code), counts, subthemes and codes in no theme."""
    return plain(ctx.project.themes.review(theme_id, group_by=group))  # type: ignore[no-any-return]


MapDepth = Annotated[int | None, Query(ge=1, le=6, description="Levels below the centre; one more than the themes adds their codes.")]
MapLayoutKind = Annotated[str, Query(description="radial (the centre in the middle) or tree (left to right).")]
MapSubcodes = Annotated[bool, Query(description="A drawn code brings its sub-codes, outside it.")]
MapLegend = Annotated[bool, Query(description="A key to the fills and borders below the map.")]


@router.get("/map", tags=["themes"])
def thematic_map(ctx: Ctx, depth: MapDepth = None, layout: MapLayoutKind = "radial",
                 subcodes: MapSubcodes = True, legend: MapLegend = True) -> dict[str, Any]:
    """The thematic map laid out: nodes with positions and sizes, edges, legend."""
    return layout_json(ctx.project.themes.map(depth, layout, subcodes=subcodes, legend=legend))


@router.get("/map.svg", tags=["themes"], response_class=Response)
def thematic_map_svg(ctx: Ctx, depth: MapDepth = None, layout: MapLayoutKind = "radial",
                     subcodes: MapSubcodes = True, legend: MapLegend = True) -> Response:
    """The thematic map as SVG (as ``cotheme map --out map.svg``)."""
    drawn = ctx.project.themes.map(depth, layout, subcodes=subcodes, legend=legend)
    svg = write_svg(drawn, f"Thematic map: {ctx.project.study.info().title}")
    return Response(svg, media_type=MEDIA["svg"])


@router.post("/map/positions", status_code=204, tags=["themes"])
def save_positions(body: Positions, ctx: Ctx) -> Response:
    """Save dragged positions of themes (``null`` returns a theme to the automatic layout)."""
    ctx.project.themes.save_map_positions(dict(body.positions))
    return Response(status_code=204)


@router.post("/map/reset", status_code=204, tags=["themes"])
def reset_positions(ctx: Ctx) -> Response:
    ctx.project.themes.reset_map_positions()
    return Response(status_code=204)


@router.get("/sample", tags=["reports"])
def sample(ctx: Ctx) -> dict[str, Any]:
    """Participants per attribute category, checked against the saved targets."""
    return sample_json(ctx.project.study.sample_table())


@router.get("/reports/{kind}", tags=["reports"], response_class=Response)
def report(
    kind: str, ctx: Ctx,
    format: Annotated[str | None, Query(alias="format")] = None,  # noqa: A002
    by: str | None = None,
    style: Annotated[str, Query(description="Table 1 cells: n-percent, n or percent.")] = "n-percent",
    precision: Annotated[int, Query(ge=0, le=2, description="Table 1: decimal places of percentages.")] = 0,
    max_quotes: Annotated[int, Query(ge=0, le=100)] = 3,
    attribution: str | None = None,
    attributes: Annotated[list[str] | None, Query()] = None,
    repeat_quotes: bool = False,
    exemplars_only: bool = False,
    untrimmed: bool = False,
    subcodes: Annotated[bool, Query(description="matrix (code rows) and cooccurrence: each code with its "
                                    "sub-codes, a passage coded with both counted once.")] = True,
) -> Response:
    """A report as a file: sample, themes, matrix (needs ``by``), cooccurrence or methods.

    The themes report takes the options of ``cotheme report themes``: ``max_quotes`` per theme,
    ``attribution`` (none, id, id-attributes), ``attributes`` (``gender,age_band`` or repeated), ``repeat_quotes``,
    ``exemplars_only`` and ``untrimmed``."""
    if kind not in REPORT_FORMATS:
        raise InvalidArgument(f"'{kind}' is not a report; choose one of {', '.join(REPORT_FORMATS)}.")
    fmt = check_format(kind, format or REPORT_FORMATS[kind][0])
    if kind == "sample":  # Table 1's options
        p = ctx.project
        data = write_sample(p.study.sample_table(), fmt, p.study.info().title, style=style, precision=precision)
    elif kind == "themes":
        names = [n.strip() for given in attributes or [] for n in given.split(",") if n.strip()]
        data = write_themes(ctx.project.reports.themes(
            quotes=max_quotes, attributes=names, attribution=attribution or None, repeat_quotes=repeat_quotes,
            exemplars_only=exemplars_only, trim=not untrimmed), fmt)
    else:
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
        return write_sample(p.study.sample_table(), fmt, p.study.info().title)
    if kind == "matrix":
        if not by:
            raise InvalidArgument("A matrix report needs an attribute: add ?by=ATTRIBUTE.")
        return write_matrix(p.reports.matrix(by, subcodes=subcodes), fmt)
    if kind == "cooccurrence":
        return write_cooccurrence(p.reports.cooccurrence(subcodes=subcodes), fmt)
    return write_methods(p.reports.methods(), fmt)
