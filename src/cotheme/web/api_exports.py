"""/api/v1 downloads of the Exports page: the extracts table as CSV and XLSX, the whole
project as QDPX, the codebook (.csv, .md, .qdc), the themes table, the thematic map as PNG and PDF
(SVG is ``api_themes``), and a backup file (leads only).

Every route calls one operation of the project *as the acting member*, so the permission and the
blind-document view apply as on every read (``services/acting.py``). Operations that write a file
write it into a private temporary folder that is removed once the response is sent.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from cotheme.domain.extract_table import parse_attribute_filters
from cotheme.errors import InvalidArgument
from cotheme.formats.map_render import DEFAULT_DPI, render_map
from cotheme.web.api_texts import ERRORS, Ctx

router = APIRouter(prefix="/api/v1", responses=ERRORS)

MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "md": "text/markdown; charset=utf-8",
    "qdpx": "application/zip",
    "qdc": "application/xml",
    "png": "image/png",
    "tiff": "image/tiff",
    "pdf": "application/pdf",
    "cotheme": "application/octet-stream",
}
CodeIds = Annotated[list[int], Query(description="Code ids; repeat for several. None: every code.")]
Where = Annotated[list[str], Query(description="ATTRIBUTE=VALUE; repeat for several (a repeated attribute accepts any of its values).")]
Show = Annotated[list[str], Query(description="Attribute columns to include; none: every attribute.")]
DocumentIds = Annotated[list[int], Query(description="Document ids; repeat for several. None: every document.")]
Coders = Annotated[list[str], Query(description="Coder names; repeat for several. None: every coder.")]
Subcodes = Annotated[bool, Query(description="A code stands for itself and every code below it.")]
Mode = Annotated[str, Query(pattern="^(or|and)$", description="or: any of the codes; and: all overlapping.")]


def _slug(title: str) -> str:
    """An ASCII file name from the project's title (a header cannot carry every character)."""
    words = re.sub(r"[^A-Za-z0-9]+", " ", title).split()[:5]  # "living-with-support-experiences-of"
    return "-".join(words).lower()[:40].strip("-") or "project"


def _attachment(data: bytes, name: str, fmt: str) -> Response:
    return Response(data, media_type=MEDIA[fmt], headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _written(name: str, fmt: str, write: Callable[[Path], Any]) -> FileResponse:
    """Run ``write(path)`` into a new private folder; send the file, then remove the folder."""
    folder = Path(tempfile.mkdtemp(prefix="cotheme-export-"))
    try:
        target = folder / name
        write(target)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(target, media_type=MEDIA[fmt], filename=name,
                        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True))


def _extracts(ctx: Ctx, fmt: str, code: list[int], mode: str, subcodes: bool, where: list[str],
              show: list[str], document: list[int], coder: list[str]) -> Response:
    table, data = ctx.project.reports.extracts_file(
        fmt, codes=code, mode=mode, subcodes=subcodes, documents=document, coders=coder,
        attributes=dict(parse_attribute_filters(where)), show=show or None,
    )
    return _attachment(data, f"{_slug(table.title)}-extracts.{fmt}", fmt)


@router.get("/extracts.csv", response_class=Response, tags=["exports"])
def extracts_csv(ctx: Ctx, code: CodeIds = [], mode: Mode = "or", subcodes: Subcodes = True,  # noqa: B006
                 where: Where = [], show: Show = [], document: DocumentIds = [],  # noqa: B006
                 coder: Coders = []) -> Response:  # noqa: B006
    """The extracts as CSV (UTF-8 with BOM): the filters of ``/api/v1/extracts`` plus sub-codes,
    documents and coders; one row per passage; formula cells escaped."""
    return _extracts(ctx, "csv", code, mode, subcodes, where, show, document, coder)


@router.get("/extracts.xlsx", response_class=Response, tags=["exports"])
def extracts_xlsx(ctx: Ctx, code: CodeIds = [], mode: Mode = "or", subcodes: Subcodes = True,  # noqa: B006
                  where: Where = [], show: Show = [], document: DocumentIds = [],  # noqa: B006
                  coder: Coders = []) -> Response:  # noqa: B006
    """The extracts as an Excel workbook, with the same filters and columns as ``extracts.csv``."""
    return _extracts(ctx, "xlsx", code, mode, subcodes, where, show, document, coder)


@router.get("/export.qdpx", response_class=FileResponse, tags=["exports"])
def export_qdpx(ctx: Ctx) -> FileResponse:
    """The whole project as a REFI-QDA project (.qdpx), as the acting member may read it."""
    name = f"{_slug(ctx.project.study.info().title)}.qdpx"
    return _written(name, "qdpx", ctx.project.exchange.export_qdpx)


@router.get("/codebook.csv", response_class=FileResponse, tags=["exports"])
def codebook_csv(ctx: Ctx) -> FileResponse:
    """The codebook as CSV (name, parent, definition, inclusion, exclusion, example, colour)."""
    return _written("codebook.csv", "csv", ctx.project.codes.export)


@router.get("/codebook.md", response_class=FileResponse, tags=["exports"])
def codebook_md(ctx: Ctx) -> FileResponse:
    """The codebook as readable Markdown."""
    return _written("codebook.md", "md", ctx.project.codes.export)


@router.get("/codebook.qdc", response_class=FileResponse, tags=["exports"])
def codebook_qdc(ctx: Ctx) -> FileResponse:
    """The codebook as a REFI-QDA codebook (.qdc)."""
    return _written("codebook.qdc", "qdc", ctx.project.codes.export_qdc)


@router.get("/themes.csv", response_class=FileResponse, tags=["exports"])
def themes_csv(ctx: Ctx) -> FileResponse:
    """The themes table (name, parent, definition, status, codes), as ``cotheme themes export`` writes it."""
    return _written("themes.csv", "csv", ctx.project.themes.export)


@router.get("/themes.md", response_class=FileResponse, tags=["exports"])
def themes_md(ctx: Ctx) -> FileResponse:
    """The themes as Markdown headings with definition, status, codes and counts."""
    return _written("themes.md", "md", ctx.project.themes.export)


MapDepth = Annotated[int | None, Query(ge=1, le=6, description="Levels below the centre; one more than the themes adds their codes.")]
MapLayoutKind = Annotated[str, Query(description="radial (the centre in the middle) or tree (left to right).")]
MapDpi = Annotated[int, Query(description="Dots per inch of a PNG or TIFF (72-1200).")]
MapSubcodes = Annotated[bool, Query(description="A drawn code brings its sub-codes, outside it.")]


def _map(ctx: Ctx, fmt: str, depth: int | None, layout: str, dpi: int, subcodes: bool) -> Response:
    drawn = ctx.project.themes.map(depth, layout, subcodes=subcodes)
    if not drawn.nodes:
        raise InvalidArgument("The project has no themes yet, so there is no map to draw.")
    data = render_map(drawn, fmt, f"Thematic map: {ctx.project.study.info().title}", dpi)
    return _attachment(data, f"map.{'tif' if fmt == 'tiff' else fmt}", fmt)


@router.get("/map.png", response_class=Response, tags=["exports"])
def map_png(ctx: Ctx, depth: MapDepth = None, layout: MapLayoutKind = "radial", dpi: MapDpi = DEFAULT_DPI,
            subcodes: MapSubcodes = True) -> Response:
    """The thematic map as a PNG image (as ``cotheme map --out map.png --dpi 300``)."""
    return _map(ctx, "png", depth, layout, dpi, subcodes)


@router.get("/map.tiff", response_class=Response, tags=["exports"])
def map_tiff(ctx: Ctx, depth: MapDepth = None, layout: MapLayoutKind = "radial", dpi: MapDpi = DEFAULT_DPI,
             subcodes: MapSubcodes = True) -> Response:
    """The thematic map as a TIFF image (as ``cotheme map --out map.tif --dpi 300``)."""
    return _map(ctx, "tiff", depth, layout, dpi, subcodes)


@router.get("/map.pdf", response_class=Response, tags=["exports"])
def map_pdf(ctx: Ctx, depth: MapDepth = None, layout: MapLayoutKind = "radial", subcodes: MapSubcodes = True) -> Response:
    """The thematic map as a vector PDF with its fonts embedded (as ``cotheme map --out map.pdf``)."""
    return _map(ctx, "pdf", depth, layout, DEFAULT_DPI, subcodes)


@router.get("/backup", response_class=FileResponse, tags=["exports"])
def backup(ctx: Ctx) -> FileResponse:
    """A backup of the whole project (leads only): a project file that ``cotheme restore`` reads; a
    project file's backup keeps its encryption."""
    name = f"{_slug(ctx.project.study.info().title)}-backup-{date.today().isoformat()}.cotheme"
    return _written(name, "cotheme", ctx.project.safety.backup)
