"""Writing tables that spreadsheet programs open: the one formula-escaping rule every CSV and XLSX
cotheme writes goes through, its inverse for reading our own files back, CSV bytes, and a small,
fast XLSX writer.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a formula by
Excel, LibreOffice or Google Sheets when the file is opened (CSV or formula injection); OWASP's advice
is a leading apostrophe, which spreadsheets show as text. Every writer of CSV and XLSX in
``cotheme.formats`` calls ``safe_cell``; ``read_sheet`` calls ``unsafe_cell`` so that a codebook or a
themes table we wrote reads back to the same names.

The XLSX writer streams inline strings into one worksheet: for 9,000 extracts it takes a tenth of the
time openpyxl's write-only mode takes, because it writes each cell's XML with one string format and
keeps no cell objects. Must not touch storage.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape  # for the sheet name, an attribute

__all__ = ["XLSX_CELL_LIMIT", "csv_bytes", "csv_cell", "csv_line", "safe_cell", "unsafe_cell", "xlsx_bytes"]

#: Starts of a cell that a spreadsheet would run as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: First characters worth a closer look (an apostrophe may precede an escaped start).
_SUSPECT = frozenset((*FORMULA_START, "'"))
#: Excel refuses to open a workbook with a longer cell (its documented limit per cell).
XLSX_CELL_LIMIT = 32_767
_CUT_NOTE = " […cut: Excel holds at most 32,767 characters in a cell; the CSV export has all of it]"
#: Characters XML 1.0 cannot carry at all (a workbook holding one does not open).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

def _needs_quote(text: str) -> bool:
    # A value that starts with an apostrophe before something escaped is escaped too, so that
    # ``unsafe_cell(safe_cell(v)) == v`` for every ``v``: "'=x" is written "''=x", not "'=x".
    while text.startswith("'"):
        text = text[1:]
    return text.startswith(FORMULA_START)


def safe_cell(value: object) -> object:
    """``value`` as a spreadsheet will show it and never run it: text that would start a formula gets
    a leading apostrophe; numbers and ``None`` pass unchanged."""
    if isinstance(value, str) and value[:1] in _SUSPECT and _needs_quote(value):
        return "'" + value
    return value


def unsafe_cell(text: str) -> str:
    """The value ``safe_cell`` was given, for text read back from a file we (or a careful program) wrote."""
    if text.startswith("'") and _needs_quote(text[1:]):
        return text[1:]
    return text


def csv_cell(value: object) -> str:
    """One CSV cell as ``csv.writer`` (minimal quoting, ``,``) writes it, through ``safe_cell``; a
    carriage return is quoted too. Written here: escaping and quoting in one pass took half the time
    of the csv module's writer for 9,000 extracts (which also leaves a lone CR unquoted)."""
    if value is None:
        return ""
    if value.__class__ is str:
        text: str = value  # type: ignore[assignment]
        if text[:1] in _SUSPECT and _needs_quote(text):
            text = "'" + text
    else:
        text = str(value)
    if '"' in text or "," in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_line(row: Iterable[object]) -> str:
    """One CSV line (without its line end), every cell through ``csv_cell``."""
    cells = list(map(csv_cell, row))
    line = ",".join(cells)
    return line if line or not cells else '""'  # one empty cell is written quoted, as csv.writer does


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]], *, bom: bool = False) -> bytes:
    """UTF-8 CSV (``\\n`` line ends) with every cell through ``safe_cell``; ``bom`` for files meant
    for Excel, which reads UTF-8 without one as the local code page."""
    lines = [csv_line(header)]
    lines.extend(map(csv_line, rows))
    lines.append("")
    return "\n".join(lines).encode("utf-8-sig" if bom else "utf-8")


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _text_cell(ref: str, text: str, style: int) -> str:
    # Characters XML cannot carry are replaced once over the whole sheet (``xlsx_bytes``).
    if len(text) > XLSX_CELL_LIMIT:
        text = text[: XLSX_CELL_LIMIT - len(_CUT_NOTE)] + _CUT_NOTE
    if text[:1] in _SUSPECT and _needs_quote(text):
        text = "'" + text
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    styled = f' s="{style}"' if style else ""
    return f'<c r="{ref}" t="inlineStr"{styled}><is><t xml:space="preserve">{text}</t></is></c>'


def _row_xml(number: int, values: Sequence[object], refs: Sequence[str], styles: Sequence[int]) -> str:
    cells = []
    for i, value in enumerate(values):
        if value is None or value == "":
            continue
        if value.__class__ is str:
            cells.append(_text_cell(f"{refs[i]}{number}", value, styles[i]))  # type: ignore[arg-type]
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            cells.append(f'<c r="{refs[i]}{number}"><v>{value!r}</v></c>')
        else:
            cells.append(_text_cell(f"{refs[i]}{number}", str(value), styles[i]))
    return f'<row r="{number}">{"".join(cells)}</row>'


def xlsx_bytes(
    sheet: str, header: Sequence[str], rows: Iterable[Sequence[object]], *,
    widths: Sequence[float] = (), wrap: Sequence[int] = (),
) -> bytes:
    """A workbook of one sheet: a bold, frozen header row, then ``rows``. Text cells go through
    ``safe_cell`` and stay text (inline strings, never formulas); ``widths`` sets column widths (in
    characters) and ``wrap`` lists the columns whose text wraps."""
    refs = [_column(i) for i in range(max(len(header), 1))]
    styles = [2 if i in wrap else 0 for i in range(len(refs))]
    parts = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
        'state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
    ]
    if widths:
        parts.append("<cols>" + "".join(
            f'<col min="{i}" max="{i}" width="{w:.1f}" customWidth="1"/>' for i, w in enumerate(widths, start=1)
        ) + "</cols>")
    parts.append("<sheetData>")
    parts.append(f'<row r="1">{"".join(_text_cell(f"{refs[i]}1", str(h), 1) for i, h in enumerate(header))}</row>')
    number = 1
    for number, values in enumerate(rows, start=2):
        parts.append(_row_xml(number, values, refs, styles))
    parts.append("</sheetData>")
    if header:
        parts.append(f'<autoFilter ref="A1:{refs[len(header) - 1]}{number}"/>')
    parts.append("</worksheet>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _ROOT_RELS)
        book.writestr("xl/workbook.xml", _WORKBOOK.format(name=escape(_sheet_name(sheet), {'"': "&quot;"})))
        book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        book.writestr("xl/styles.xml", _STYLES)
        book.writestr("xl/worksheets/sheet1.xml", _NOT_XML.sub("\ufffd", "".join(parts)))
    return buffer.getvalue()


def _sheet_name(name: str) -> str:
    # Excel's rules: at most 31 characters, none of : \ / ? * [ ].
    return re.sub(r"[:\\/?*\[\]]", " ", name)[:31] or "Sheet1"


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets>'
    "</workbook>"
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/></Relationships>'
)
#: Cell styles: 0 plain, 1 bold (the header), 2 wrapped text aligned to the top (long extracts).
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment wrapText="1" vertical="top"/></xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
