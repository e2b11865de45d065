"""Table 1 written as a journal takes it, in every format: the same caption, rows and notes
(``domain.table_one`` decides them) as a three-line table - a rule above the column heads, one below
them, one under the last row, and no other lines.

DOCX sets every border of the table explicitly (a style or Word's defaults could add a grid); HTML is
one self-contained page; LaTeX is a ``table`` float with ``booktabs`` rules (the document needs
``\\usepackage{booktabs}``); CSV and XLSX hold the caption above and the notes below the rows, as the
table reads in Word. Must not touch storage.
"""

from __future__ import annotations

import html
import io

from typing import TYPE_CHECKING, Any

from cotheme.domain.table_one import TableOne
from cotheme.formats.spreadsheet import csv_bytes, safe_cell

if TYPE_CHECKING:  # python-docx and openpyxl are imported by the writers that use them, not here
    from docx.oxml import OxmlElement

__all__ = ["latex_escape", "table_one_csv", "table_one_docx", "table_one_html", "table_one_latex",
           "table_one_md", "table_one_xlsx"]

#: Rule widths in eighths of a point (Word's unit): heavier rules top and bottom, a light one under
#: the column heads, as journals print them.
_HEAVY, _LIGHT = "12", "6"
#: Centimetres: the indent of a category under its characteristic, and the two columns' widths.
_INDENT_CM = 0.5
_FONT = "Times New Roman"
_WIDTHS_CM = (9, 2.8)


# -- DOCX -------------------------------------------------------------------------------------------
def _borders(parent: OxmlElement, tag: str, sides: dict[str, str | None]) -> None:
    """Replace ``parent``'s ``tag`` (tblBorders/tcBorders) with exactly these sides (None: no line)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for old in parent.findall(qn(f"w:{tag}")):
        parent.remove(old)
    box = OxmlElement(f"w:{tag}")
    for side, size in sides.items():
        edge = OxmlElement(f"w:{side}")
        if size is None:
            edge.set(qn("w:val"), "nil")
        else:
            edge.set(qn("w:val"), "single")
            edge.set(qn("w:sz"), size)
            edge.set(qn("w:space"), "0")
            edge.set(qn("w:color"), "000000")
        box.append(edge)
    parent.append(box)


def _run(paragraph, text: str, *, bold: bool = False, italic: bool = False, size: float = 10) -> None:  # type: ignore[no-untyped-def]
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    run.font.color.rgb = RGBColor(0, 0, 0)


def table_one_docx(t: TableOne) -> bytes:
    from docx import Document as new_document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    widths: tuple[Any, ...] = tuple(Cm(w) for w in _WIDTHS_CM)
    document = new_document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(10)
    normal.font.name = _FONT  # a face every journal and Word install has; LibreOffice maps it too
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), _FONT)
    caption = document.add_paragraph(style="Caption")
    _run(caption, f"{t.number}. ", bold=True, size=10)
    _run(caption, t.title, size=10)
    caption.paragraph_format.keep_with_next = True
    table = document.add_table(rows=1 + len(t.rows), cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    tbl_pr = table._tbl.tblPr
    _borders(tbl_pr, "tblBorders", {"top": _HEAVY, "left": None, "bottom": _HEAVY, "right": None,
                                    "insideH": None, "insideV": None})
    table.autofit = False
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        grid_col.set(qn("w:w"), str(int(width.twips)))  # LibreOffice sizes columns by the grid
    for i, (label, value) in enumerate([t.head, *((r.label, r.value) for r in t.rows)]):
        row = table.rows[i]
        for j, (cell, text) in enumerate(zip(row.cells, (label, value), strict=True)):
            cell.width = widths[j]
            paragraph = cell.paragraphs[0]
            spacing = paragraph.paragraph_format
            spacing.space_before, spacing.space_after, spacing.line_spacing = Pt(1), Pt(1), 1.0
            _run(paragraph, text, size=10)
            if j == 1:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if i > 0 and j == 0 and t.rows[i - 1].level:
                paragraph.paragraph_format.left_indent = Cm(_INDENT_CM)
            if i == 0:  # the rule under the column heads
                _borders(cell._tc.get_or_add_tcPr(), "tcBorders", {"bottom": _LIGHT})
    header = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # the column heads again on each page the table runs onto
    header.append(repeat)
    for note_index, note in enumerate(t.notes):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.space_before = Pt(4 if note_index == 0 else 0)
        if note_index == 0:
            _run(paragraph, "Note. ", italic=True, size=9)
        _run(paragraph, note, size=9)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# -- HTML -------------------------------------------------------------------------------------------
_STYLE = """
body { font-family: "Times New Roman", Times, serif; color: #000; margin: 2rem auto; max-width: 40rem;
       padding: 0 1.5rem; line-height: 1.4; }
table.three-line { border-collapse: collapse; margin: .4rem 0; min-width: 24rem; }
table.three-line caption { caption-side: top; text-align: left; padding-bottom: .4rem; }
table.three-line caption b { font-weight: bold; }
table.three-line th, table.three-line td { border: none; padding: .15rem .8rem .15rem 0; text-align: left;
       font-weight: normal; vertical-align: top; }
table.three-line thead th { border-top: 2px solid #000; border-bottom: 1px solid #000; }
table.three-line tbody tr:last-child td, table.three-line tbody tr:last-child th { border-bottom: 2px solid #000; }
table.three-line .num { text-align: center; font-variant-numeric: tabular-nums; }
table.three-line .category { padding-left: 1.4rem; }
.notes { font-size: .85rem; margin: .3rem 0; } .notes p { margin: 0; }
h2 { font-size: 1.1rem; margin-top: 2rem; }
table.targets { border-collapse: collapse; font-size: .9rem; }
table.targets th, table.targets td { border: 1px solid #999; padding: .2rem .5rem; text-align: left; }
table.targets tr.gap td { background: #fff1e5; }
@media print { body { margin: 0; max-width: none; } }
"""


def _esc(text: object) -> str:
    return html.escape("" if text is None else str(text))


def table_one_html(t: TableOne, page_title: str) -> bytes:
    rows = []
    for r in t.rows:
        if r.level == 0:
            rows.append(f'<tr class="attribute"><th scope="rowgroup">{_esc(r.label)}</th><td></td></tr>')
        else:
            rows.append(f'<tr><td class="category">{_esc(r.label)}</td><td class="num">{_esc(r.value)}</td></tr>')
    notes = "".join(f"<p>{'<i>Note.</i> ' if i == 0 else ''}{_esc(n)}</p>" for i, n in enumerate(t.notes))
    body = (
        f'<table class="three-line"><caption><b>{_esc(t.number)}.</b> {_esc(t.title)}</caption>'
        f'<thead><tr><th scope="col">{_esc(t.head[0])}</th><th scope="col" class="num">{_esc(t.head[1])}</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        + (f'<div class="notes">{notes}</div>' if notes else "")
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(t.caption)} - {_esc(page_title)}</title><style>{_STYLE}</style></head>"
        f"<body>{body}</body></html>\n"
    ).encode("utf-8")


# -- Markdown ---------------------------------------------------------------------------------------
def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_").replace("\n", " ")


def table_one_md(t: TableOne) -> str:
    lines = [f"**{_md(t.number)}.** {_md(t.title)}", "", f"| {_md(t.head[0])} | {_md(t.head[1])} |", "| :-- | :-: |"]
    for r in t.rows:
        # An em space keeps the indent: Markdown drops leading ordinary spaces in a cell.
        label = _md(r.label) if r.level == 0 else "\u2003" + _md(r.label)
        lines.append(f"| {label} | {_md(r.value)} |")
    if t.notes:
        lines += ["", "*Note.* " + " ".join(_md(n) for n in t.notes)]
    return "\n".join(lines) + "\n"


# -- CSV and XLSX -----------------------------------------------------------------------------------
def table_one_csv(t: TableOne) -> bytes:
    """Caption, column heads, rows, a blank line, notes. A category sits in a column of its own (the
    indent a spreadsheet keeps), so each value starts its cell and is formula-escaped as such."""
    grid: list[list[object]] = [[t.head[0], "Category", t.head[1]]]
    grid += [[r.label, "", ""] if r.level == 0 else ["", r.label, r.value] for r in t.rows]
    if t.notes:
        grid.append(["", "", ""])
        grid += [[("Note. " if i == 0 else "") + n, "", ""] for i, n in enumerate(t.notes)]
    return csv_bytes([t.caption, "", ""], grid)  # every cell formula-escaped


def table_one_xlsx(t: TableOne) -> bytes:
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Table 1"
    heavy, light = Side(style="medium", color="000000"), Side(style="thin", color="000000")
    sheet.append([safe_cell(t.caption)])
    sheet["A1"].font = Font(bold=True)
    sheet.append([safe_cell(t.head[0]), safe_cell(t.head[1])])
    for cell in sheet[2]:
        cell.border = Border(top=heavy, bottom=light)
    for r in t.rows:
        sheet.append([safe_cell(r.label), safe_cell(r.value)])
        sheet.cell(sheet.max_row, 1).alignment = Alignment(indent=2 * r.level)
        sheet.cell(sheet.max_row, 2).alignment = Alignment(horizontal="center")
    for cell in sheet[sheet.max_row]:
        cell.border = Border(bottom=heavy)
    sheet["B2"].alignment = Alignment(horizontal="center")
    if t.notes:
        sheet.append([])
        for i, note in enumerate(t.notes):
            sheet.append([safe_cell(("Note. " if i == 0 else "") + note)])
    sheet.column_dimensions["A"].width = 48
    sheet.column_dimensions["B"].width = 14
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# -- LaTeX ------------------------------------------------------------------------------------------
_LATEX = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}


def latex_escape(text: str) -> str:
    """``text`` safe in LaTeX running text: the ten special characters written as commands."""
    return "".join(_LATEX.get(ch, ch) for ch in " ".join(text.split()))


def table_one_latex(t: TableOne) -> str:
    lines = [
        "% Table 1 written by cotheme; needs \\usepackage{booktabs} in the preamble.",
        "\\begin{table}[htbp]",
        "\\centering",
        f"\\caption{{{latex_escape(t.title)}}}",
        "\\label{tab:participants}",
        "\\begin{tabular}{@{}lc@{}}",
        "\\toprule",
        f"{latex_escape(t.head[0])} & {latex_escape(t.head[1])} \\\\",
        "\\midrule",
    ]
    for r in t.rows:
        label = latex_escape(r.label) if r.level == 0 else "\\quad " + latex_escape(r.label)
        lines.append(f"{label} & {latex_escape(r.value)} \\\\")
    lines.append("\\bottomrule")
    lines.append("\\end{tabular}")
    if t.notes:
        notes = " ".join(latex_escape(n) for n in t.notes)
        lines += ["\\par\\smallskip", f"\\parbox{{\\linewidth}}{{\\footnotesize\\textit{{Note.}} {notes}}}"]
    lines.append("\\end{table}")
    return "\n".join(lines) + "\n"
