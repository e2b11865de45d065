"""Writers of the table-shaped reports: the sample table ("Table 1", with recruitment targets), the
theme/code x attribute matrix (html heat-map, xlsx) and code co-occurrence. CSV and XLSX cells go
through ``spreadsheet.safe_cell`` (formula escaping).

Each ``write_*`` takes the report's domain object and a format name and returns bytes. Must not touch
storage.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import Any

from cotheme.domain.reports import Cooccurrence, Matrix

from cotheme.domain.sample import SampleTable, TargetCheck
from cotheme.domain.table_one import DEFAULT_STYLE, table_one
from cotheme.formats.report_common import (
    check_format,
    docx_bytes,
    docx_table,
    esc,
    heat,
    html_page,
    md_cell,
    new_docx,
)
from cotheme.formats.spreadsheet import csv_bytes, xlsx_bytes
from cotheme.formats.table_one import (
    table_one_csv,
    table_one_docx,
    table_one_html,
    table_one_latex,
    table_one_md,
    table_one_xlsx,
)

__all__ = ["sample_json", "write_cooccurrence", "write_matrix", "write_sample"]


def _csv(rows: Sequence[Sequence[object]]) -> bytes:
    return csv_bytes(rows[0], rows[1:])  # every cell formula-escaped


def _json(value: Any) -> bytes:
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _indent(level: int) -> str:
    return "  " * level


def _pct(count: int, n: int) -> str:
    return f"{100 * count / n:.0f}%" if n else "-"


# -- sample ---------------------------------------------------------------------------------------
def _target_text(check: TargetCheck) -> str:
    parts = []
    if check.target.min_count is not None:
        parts.append(f"at least {check.target.min_count}")
    if check.target.min_share is not None:
        parts.append(f"at least {100 * check.target.min_share:.0f}%")
    return " and ".join(parts)


def _status(check: TargetCheck) -> str:
    return f"GAP: {check.needed} more needed" if check.gap else "met"


def sample_json(table: SampleTable) -> dict[str, Any]:
    """The counts as data: each attribute's name, display label and categories in display order, plus
    ``targets`` when any are checked."""
    value: dict[str, Any] = {
        "n": table.n,
        "attributes": [
            {"name": a.name, "label": a.display,
             "categories": [{"label": c.label, "count": c.count} for c in a.categories]}
            for a in table.attributes
        ],
    }
    if table.targets:
        value["targets"] = [
            {"attribute": t.target.attribute, "category": t.target.category,
             "min_count": t.target.min_count, "min_share": t.target.min_share,
             "recruited": t.recruited, "share": round(t.share, 4), "needed": t.needed, "gap": t.gap}
            for t in table.targets
        ]
    return value


def write_sample(table: SampleTable, fmt: str, title: str, *, style: str = DEFAULT_STYLE,
                 precision: int = 0) -> bytes:
    """Table 1 in ``fmt`` (journal layout: ``domain.table_one``), and the recruitment targets after it
    when any are checked; ``title`` (the study's) names the HTML page. JSON is the counts as data."""
    fmt = check_format("sample", fmt)
    layout = table_one(table, style=style, precision=precision)
    if fmt == "json":
        return _json(sample_json(table))
    targets = [[_target_label(table, t), t.target.category, _target_text(t), t.recruited,
                _pct(t.recruited, table.n), _status(t)] for t in table.targets]
    header = ["Attribute", "Category", "Target", "Recruited", "%", "Status"]
    if fmt == "csv":
        data = table_one_csv(layout)
        return data + (b"\n" + _csv([header, *targets]) if targets else b"")
    if fmt == "xlsx":
        return table_one_xlsx(layout)
    if fmt == "tex":
        return table_one_latex(layout).encode("utf-8")
    if fmt == "md":
        text = table_one_md(layout)
        if targets:
            text += "\n## Recruitment targets\n\n| " + " | ".join(header) + " |\n| --- | --- | --- | ---: | ---: | --- |\n"
            text += "".join("| " + " | ".join(md_cell(v) for v in row) + " |\n" for row in targets)
        return text.encode("utf-8")
    if fmt == "docx":
        data = table_one_docx(layout)
        if not targets:
            return data
        import docx  # here, not at import: a server that never writes Word files never loads it

        document = docx.Document(io.BytesIO(data))
        document.add_page_break()  # Table 1 keeps its page to itself, ready to paste into a manuscript
        document.add_heading("Recruitment targets", level=2)
        docx_table(document, header, targets)
        return docx_bytes(document)
    page = table_one_html(layout, title)
    if not targets:
        return page
    parts = ["<h2>Recruitment targets</h2><table class=\"targets\"><thead><tr>"
             + "".join(f"<th>{esc(h)}</th>" for h in header) + "</tr></thead><tbody>"]
    for check, row in zip(table.targets, targets, strict=True):
        cells = "".join(f"<td>{esc(v)}</td>" for v in row[:-1])
        parts.append(f'<tr class="{"gap" if check.gap else "met"}">{cells}<td>{esc(row[-1])}</td></tr>')
    parts.append("</tbody></table>")
    return page.replace(b"</body>", ("".join(parts)).encode("utf-8") + b"</body>", 1)


def _target_label(table: SampleTable, check: TargetCheck) -> str:
    """The attribute's display label, or the name the target gives when no attribute has it."""
    for name, label in table.labels:
        if name.casefold() == check.target.attribute.casefold():
            return label
    return check.target.attribute


# -- matrix ---------------------------------------------------------------------------------------
def _matrix_title(m: Matrix) -> str:
    with_subcodes = ", with sub-codes" if m.rows_kind == "codes" and m.subcodes else ""
    return f"{m.rows_kind.capitalize()} by {m.by} ({m.count}{with_subcodes})"


def write_matrix(m: Matrix, fmt: str) -> bytes:
    fmt = check_format("matrix", fmt)
    first = "Theme" if m.rows_kind == "themes" else "Code"
    header = [first, *(f"{c} (n={t})" if m.count == "participants" else c for c, t in zip(m.columns, m.totals, strict=True)), "Total"]
    if fmt == "json":
        return _json({
            "title": m.title, "by": m.by, "count": m.count, "rows_kind": m.rows_kind, "subcodes": m.subcodes,
            "columns": list(m.columns), "column_totals": list(m.totals),
            "rows": [{"label": r.label, "level": r.level, "values": list(r.values), "total": r.total} for r in m.rows],
        })
    if fmt == "csv":
        return _csv([[first.lower(), "level", *m.columns, "total"]]
                    + [[r.label, r.level, *r.values, r.total] for r in m.rows])
    if fmt == "md":
        lines = [f"# {_matrix_title(m)}", "", "| " + " | ".join(md_cell(h) for h in header) + " |",
                 "| --- |" + " ---: |" * (len(header) - 1)]
        lines += ["| " + " | ".join([md_cell("\u2003" * r.level + r.label), *map(str, r.values), str(r.total)]) + " |"
                  for r in m.rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    if fmt == "xlsx":
        return xlsx_bytes("matrix", header, ([_indent(r.level) + r.label, *r.values, r.total] for r in m.rows),
                          widths=[40] + [14] * (len(header) - 1))
    top = max((v for r in m.rows for v in r.values), default=0)
    parts = ["<table><thead><tr>" + "".join(
        f'<th{" class=num" if i else ""}>{esc(h)}</th>' for i, h in enumerate(header)) + "</tr></thead><tbody>"]
    for r in m.rows:
        label = f'<td style="padding-left:{0.6 + 1.2 * r.level:.1f}rem">{esc(r.label)}</td>'
        cells = "".join(f'<td class="num"{heat(v, top)}>{v}</td>' for v in r.values)
        parts.append(f'<tr>{label}{cells}<td class="num"><strong>{r.total}</strong></td></tr>')
    parts.append('</tbody></table><p class="legend">Darker cells count more '
                 f'{esc(m.count)}; the darkest is {top}.</p>')
    return html_page(_matrix_title(m), "".join(parts), m.title)


# -- co-occurrence --------------------------------------------------------------------------------
def write_cooccurrence(c: Cooccurrence, fmt: str) -> bytes:
    fmt = check_format("cooccurrence", fmt)
    if fmt == "json":
        return _json({"title": c.title, "unit": c.unit, "subcodes": c.subcodes, "codes": list(c.codes),
                      "counts": [list(r) for r in c.counts]})
    if fmt == "csv":
        return _csv([["code", *c.codes]] + [[code, *row] for code, row in zip(c.codes, c.counts, strict=True)])
    top = max((v for i, row in enumerate(c.counts) for j, v in enumerate(row) if i != j), default=0)
    numbers = "".join(f'<th class="num" title="{esc(code)}">{i}</th>' for i, code in enumerate(c.codes, start=1))
    parts = [f"<table><thead><tr><th>Code</th>{numbers}</tr></thead><tbody>"]
    for i, (code, row) in enumerate(zip(c.codes, c.counts, strict=True)):
        cells = "".join(
            f'<td class="num"><strong>{v}</strong></td>' if i == j else f'<td class="num"{heat(v, top)}>{v or ""}</td>'
            for j, v in enumerate(row)
        )
        parts.append(f"<tr><td>{i + 1}. {esc(code)}</td>{cells}</tr>")
    unit = "overlapping extracts" if c.unit == "extract" else "the same speaker turn"
    rolled = (" Each code counts with its sub-codes (a passage coded with a code and its sub-code once); a code "
              "and its own sub-code are not compared." if c.subcodes else "")
    parts.append(f'</tbody></table><p class="legend">Counts of codes meeting in {unit}; the diagonal '
                 f"(bold) is each code's own count; columns are numbered as the rows.{rolled}</p>")
    return html_page("Code co-occurrence", "".join(parts), c.title)
