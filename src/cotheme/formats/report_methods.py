"""Writer of the methods appendix: its sections, then the COREQ checklist with, for each of the 32
items, whether it is answered, where a reader finds the answer (a section of the appendix, the Study
page, Table 1) and the answer, or "open". As md, docx or html.

Must not touch storage nor word any answer (``services/coreq_answers.py`` does).
"""

from __future__ import annotations

from cotheme.domain.coreq import TO_COMPLETE
from cotheme.domain.reports import CoreqItem, MethodsReport
from cotheme.formats.report_common import check_format, docx_bytes, docx_table, esc, html_page, md_cell, new_docx

__all__ = ["coreq_summary", "write_methods"]

HEADER = ["No.", "Domain / topic", "Item", "Answered", "Where", "Reported"]


def coreq_summary(items: tuple[CoreqItem, ...]) -> str:
    """``"24 of 32 COREQ items answered; open: 2, 4, ..."``."""
    open_items = [str(i.number) for i in items if not i.answered]
    return (f"{len(items) - len(open_items)} of {len(items)} COREQ items answered"
            + (f"; open: {', '.join(open_items)}." if open_items else "."))


def _row(item: CoreqItem) -> list[object]:
    return [item.number, f"{item.domain} / {item.topic}", item.item, "yes" if item.answered else "no",
            item.where or "", item.answer]


def write_methods(report: MethodsReport, fmt: str) -> bytes:
    fmt = check_format("methods", fmt)
    heading = "Methods appendix"
    rows = [_row(i) for i in report.coreq]
    summary = coreq_summary(report.coreq)
    if fmt == "md":
        lines = [f"# {heading}", "", report.title, ""]
        for section in report.sections:
            lines += [f"## {section.title}", ""] + [f"- {line}" for line in section.lines] + [""]
        lines += ["## COREQ checklist", "", summary, "", "| " + " | ".join(HEADER) + " |",
                  "| ---: | --- | --- | --- | --- | --- |"]
        lines += ["| " + " | ".join(md_cell(v) for v in row) + " |" for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    if fmt == "docx":
        document = new_docx(heading, report.title)
        for section in report.sections:
            document.add_heading(section.title, level=1)
            for line in section.lines:
                document.add_paragraph(line, style="List Bullet")
        document.add_heading("COREQ checklist", level=1)
        document.add_paragraph(summary)
        docx_table(document, HEADER, rows)
        return docx_bytes(document)
    parts = []
    for section in report.sections:
        parts.append(f"<h2>{esc(section.title)}</h2><ul>" + "".join(f"<li>{esc(x)}</li>" for x in section.lines) + "</ul>")
    parts.append(f'<h2>COREQ checklist</h2><p class="summary">{esc(summary)}</p><table><thead><tr>'
                 + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr></thead><tbody>")
    for item in report.coreq:
        answer = f'<span class="todo">{TO_COMPLETE}</span>' if not item.answered else esc(item.answer)
        parts.append(f'<tr><td class="num">{item.number}</td><td>{esc(item.domain)}<br><small>{esc(item.topic)}</small></td>'
                     f"<td>{esc(item.item)}</td><td>{'yes' if item.answered else 'no'}</td>"
                     f"<td>{esc(item.where)}</td><td>{answer}</td></tr>")
    parts.append("</tbody></table>")
    return html_page(heading, "".join(parts), report.title)
