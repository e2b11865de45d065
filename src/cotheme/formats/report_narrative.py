"""Writer of the themes report: the themes with their quotes, as md, docx, html and json (the methods
appendix is ``report_methods.py``).

Each ``write_*`` takes the report's domain object and a format name and returns bytes. Must not touch
storage.
"""

from __future__ import annotations

import json

from cotheme.domain.reports import Quote, ThemesReport
from cotheme.formats.report_common import (
    check_format,
    docx_bytes,
    esc,
    html_page,
    new_docx,
)

__all__ = ["themes_json", "write_themes"]


def _who(quote: Quote) -> str:
    """``P03, woman, 65–74``: the attribution the report chose (empty when quotes go unattributed)."""
    return quote.attribution


def themes_json(report: ThemesReport) -> dict[str, object]:
    return {
        "title": report.title,
        "themes": [
            {
                "name": t.name, "level": t.level, "definition": t.definition, "status": t.status,
                "children": list(t.children), "extracts": t.extracts, "participants": t.participants,
                "quotes": [
                    {"text": q.text, "case": q.case, "document": q.document, "coding_id": q.coding_id,
                     "attributes": q.attributes, "exemplar": q.exemplar, "attribution": q.attribution}
                    for q in t.quotes
                ],
            }
            for t in report.themes
        ],
    }


def write_themes(report: ThemesReport, fmt: str) -> bytes:
    fmt = check_format("themes", fmt)
    heading = "Themes"
    if fmt == "json":
        return (json.dumps(themes_json(report), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    if fmt == "md":
        lines = [f"# {heading}", "", report.title, ""]
        for t in report.themes:
            lines += [f"{'#' * min(t.level + 2, 6)} {t.name}", ""]
            if t.definition:
                lines += [f"*{t.definition}*", ""]
            lines += [f"{t.participants} participants, {t.extracts} extracts.", ""]
            if t.children:
                lines += ["Subthemes: " + "; ".join(t.children) + ".", ""]
            for q in t.quotes:
                lines += [f"> {q.text.strip()}".replace("\n", "\n> ")]
                lines += [f"> — {_who(q)}", ""] if _who(q) else [""]
        return "\n".join(lines).encode("utf-8")
    if fmt == "docx":
        document = new_docx(heading, report.title)
        for t in report.themes:
            document.add_heading(t.name, level=min(t.level + 1, 9))
            if t.definition:
                document.add_paragraph().add_run(t.definition).italic = True
            document.add_paragraph(f"{t.participants} participants, {t.extracts} extracts.")
            if t.children:
                document.add_paragraph("Subthemes: " + "; ".join(t.children) + ".")
            for q in t.quotes:
                paragraph = document.add_paragraph(style="Quote")
                paragraph.add_run(f"“{q.text.strip()}”")
                if _who(q):
                    paragraph.add_run(f" ({_who(q)})").italic = True
        return docx_bytes(document)
    parts = []
    for t in report.themes:
        level = min(t.level + 2, 6)
        parts.append(f"<section><h{level}>{esc(t.name)}</h{level}>")
        if t.definition:
            parts.append(f'<p class="definition">{esc(t.definition)}</p>')
        parts.append(f'<p class="meta">{t.participants} participants, {t.extracts} extracts'
                     + (f" · subthemes: {esc('; '.join(t.children))}" if t.children else "") + "</p>")
        parts += [
            f'<blockquote>{esc(q.text.strip())}'
            + (f'<span class="who">{esc(_who(q))}</span>' if _who(q) else "") + "</blockquote>"
            for q in t.quotes
        ]
        parts.append("</section>")
    return html_page(heading, "".join(parts), report.title)
