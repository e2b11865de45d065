"""The residual risk report written as Markdown, HTML, Word or CSV (``cotheme report deid-risk``).

Per transcript: whether it is de-identified, the replacements made by kind (counts only: the report
never holds an original that was replaced) and each leftover that still looks like an identifier, with
its kind, confidence and sentence. Must not touch storage.
"""

from __future__ import annotations

import csv
import io

from cotheme.domain.deid_groups import DocumentRisk, RiskReport
from cotheme.formats.report_common import (
    docx_bytes, docx_table, esc, html_page, md_cell, new_docx,
)
from cotheme.errors import InvalidArgument
from cotheme.formats.spreadsheet import safe_cell
from cotheme.domain.plural import counted

#: The formats the report is written in (not one of the Reports page's reports: it is for leads).
FORMATS = ("md", "html", "docx", "csv")
_LEFT_HEADER = ["Kind", "Found by", "Confidence", "Where", "In context"]
_EXPLAIN = ("Replaced identifiers are given as counts by kind only; the originals are in the encrypted key "
            "file, kept apart from the project. Leftovers are text that still looks like an identifier "
            "(placeholders and strings the team rejected are not listed): check each before release.")


def _subtitle(report: RiskReport) -> str:
    left = sum(len(d.leftovers) for d in report.documents)
    done = sum(1 for d in report.documents if d.deidentified)
    return (f"{counted(len(report.documents), 'transcript')}, {done} de-identified; {counted(left, 'leftover candidate')}; "
            f"checked with {report.detectors}.")


def _replaced(d: DocumentRisk) -> str:
    return ", ".join(f"{kind} {n}" for kind, n in d.replaced.items()) or "none"


def _rows(d: DocumentRisk) -> list[list[object]]:
    return [[x.kind, x.source, f"{x.score:.2f}", "speaker label" if x.field == "speaker" else "text", x.context]
            for x in d.leftovers]


def _status(d: DocumentRisk) -> str:
    state = "de-identified" if d.deidentified else "not de-identified"
    rejected = f"; {d.rejected} candidate(s) the team judged not identifying left out" if d.rejected else ""
    return f"Revision {d.revision}, {state}. Replaced: {_replaced(d)}. Leftovers: {len(d.leftovers)}{rejected}."


def check_risk_format(fmt: str) -> str:
    value = fmt.strip().lower().lstrip(".")
    if value not in FORMATS:
        raise InvalidArgument(f"The deid-risk report is written as {', '.join(FORMATS)}, not '{fmt}'.")
    return value


def write_risk(report: RiskReport, fmt: str) -> bytes:
    """``report`` in ``fmt`` (md, html, docx or csv)."""
    fmt = check_risk_format(fmt)
    title = f"Residual risk after de-identification: {report.title}".rstrip(": ")
    if fmt == "csv":
        return _csv(report)
    if fmt == "md":
        return _md(report, title).encode("utf-8")
    if fmt == "html":
        return _html(report, title)
    document = new_docx(title, _subtitle(report))
    document.add_paragraph(_EXPLAIN)
    if report.note:
        document.add_paragraph(report.note)
    for d in report.documents:
        document.add_heading(d.document, level=2)
        document.add_paragraph(_status(d))
        if d.leftovers:
            docx_table(document, _LEFT_HEADER, _rows(d))
    return docx_bytes(document)


def _md(report: RiskReport, title: str) -> str:
    out = [f"# {title}", "", _subtitle(report), "", _EXPLAIN, ""]
    if report.note:
        out += [report.note, ""]
    for d in report.documents:
        out += [f"## {md_cell(d.document)}", "", _status(d), ""]
        if d.leftovers:
            out += ["| " + " | ".join(_LEFT_HEADER) + " |", "| --- | --- | ---: | --- | --- |"]
            out += ["| " + " | ".join(md_cell(v) for v in row) + " |" for row in _rows(d)]
            out.append("")
    return "\n".join(out) + "\n"


def _html(report: RiskReport, title: str) -> bytes:
    parts = [f"<p>{esc(_EXPLAIN)}</p>"]
    if report.note:
        parts.append(f'<p class="legend">{esc(report.note)}</p>')
    for d in report.documents:
        parts.append(f"<h2>{esc(d.document)}</h2><p>{esc(_status(d))}</p>")
        if d.leftovers:
            head = "".join(f'<th scope="col">{esc(h)}</th>' for h in _LEFT_HEADER)
            body = "".join("<tr>" + "".join(f"<td>{esc(v)}</td>" for v in row) + "</tr>" for row in _rows(d))
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    return html_page(title, "".join(parts), _subtitle(report))


def _csv(report: RiskReport) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["document", "revision", "deidentified", "row", "kind", "count_or_confidence", "found_by",
                     "where", "context"])
    for d in report.documents:
        flag = "yes" if d.deidentified else "no"
        for kind, n in d.replaced.items():
            writer.writerow([_cell(d.document), d.revision, flag, "replaced", kind, n, "", "", ""])
        for x in d.leftovers:
            writer.writerow([_cell(d.document), d.revision, flag, "leftover", x.kind, f"{x.score:.2f}", x.source,
                             "speaker label" if x.field == "speaker" else "text", _cell(x.context)])
    return buffer.getvalue().encode("utf-8")


def _cell(text: str) -> str:
    return str(safe_cell(text))
