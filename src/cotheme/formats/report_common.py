"""What every report writer shares: the HTML page shell and its print-friendly style, heat-map
colours, Markdown cell escaping, and saving a Word document to bytes (CSV and XLSX cells are escaped by
``spreadsheet.safe_cell``).

Must not know any one report; must not touch storage.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cotheme.errors import InvalidArgument

if TYPE_CHECKING:  # python-docx (and lxml under it) is imported by the writers that use it, not here
    from docx.document import Document as DocxDocument

__all__ = [
    "REPORT_FORMATS",
    "check_format",
    "docx_bytes",
    "docx_table",
    "esc",
    "heat",
    "html_page",
    "md_cell",
    "new_docx",
]

#: The formats each report kind is written in (the issue's contract; the CLI validates against it).
REPORT_FORMATS: dict[str, tuple[str, ...]] = {
    "sample": ("md", "csv", "json", "docx", "html", "xlsx", "tex"),
    "themes": ("md", "docx", "html", "json"),
    "matrix": ("md", "csv", "json", "xlsx", "html"),
    "cooccurrence": ("csv", "json", "html"),
    "methods": ("md", "docx", "html"),
}

_STYLE = """
body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #1f2328; margin: 2rem auto;
       max-width: 70rem; padding: 0 1.5rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.25rem; margin-top: 1.8rem; }
h3 { font-size: 1.1rem; } h4, h5, h6 { font-size: 1rem; }
.meta { color: #57606a; margin-top: 0; }
table { border-collapse: collapse; margin: .8rem 0 1.2rem; font-size: .92rem; }
th, td { border: 1px solid #d0d7de; padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.group th { background: #eaeef2; }
tr.gap td { background: #fff1e5; } .gap-flag { color: #9a3412; font-weight: 600; }
.met-flag { color: #1a7f37; }
blockquote { margin: .6rem 0 .6rem 0; padding: .4rem .9rem; border-left: 4px solid #0072b2;
             background: #f6f8fa; }
blockquote .who { display: block; color: #57606a; font-size: .85rem; margin-top: .3rem; }
.definition { font-style: italic; }
.todo { color: #9a3412; }
.legend { color: #57606a; font-size: .85rem; }
@media print { body { margin: 0; max-width: none; } }
"""


def check_format(kind: str, fmt: str) -> str:
    """``fmt`` lower-cased when report ``kind`` is written in it, else ``InvalidArgument``."""
    value = fmt.strip().lower().lstrip(".")
    if value not in REPORT_FORMATS[kind]:
        raise InvalidArgument(
            f"The {kind} report is written as {', '.join(REPORT_FORMATS[kind])}, not '{fmt}'."
        )
    return value


def esc(text: object) -> str:
    return html.escape("" if text is None else str(text))


def html_page(title: str, body: str, subtitle: str = "") -> bytes:
    """A complete, self-contained HTML page (no scripts, no external resources)."""
    meta = f'<p class="meta">{esc(subtitle)}</p>' if subtitle else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{esc(title)}</title>"
        f"<style>{_STYLE}</style></head><body><h1>{esc(title)}</h1>{meta}{body}</body></html>\n"
    ).encode("utf-8")


def heat(value: int, top: int) -> str:
    """A CSS background for a heat-map cell: from white to a blue that still reads black text."""
    if top <= 0 or value <= 0:
        return ""
    share = value / top
    # Up to 75% strength so the darkest cell keeps black text at a readable contrast.
    return f' style="background: rgba(0, 114, 178, {0.08 + 0.67 * share:.2f})"'


def md_cell(text: object) -> str:
    """A value that can sit in a Markdown table cell (pipes escaped, lines joined)."""
    return ("" if text is None else str(text)).replace("|", "\\|").replace("\n", " ")


def new_docx(title: str, subtitle: str = "") -> DocxDocument:
    from docx import Document as new_document
    from docx.shared import Pt

    document = new_document()
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(title, level=0)
    if subtitle:
        document.add_paragraph(subtitle)
    return document


def docx_table(document: DocxDocument, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = str(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = "" if value is None else str(value)


def docx_bytes(document: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
