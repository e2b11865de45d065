"""Writers of the table-shaped reports: the sample table ("Table 1", with recruitment targets), the
theme/code x attribute matrix (html heat-map, xlsx) and code co-occurrence. CSV and XLSX cells go
through ``spreadsheet.safe_cell`` (formula escaping).

Each ``write_*`` takes the report's domain object and a format name and returns bytes. Must not touch
storage.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from cotheme.domain.reports import Cooccurrence, Matrix
from cotheme.domain.sample import SampleTable, TargetCheck
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
    """The issue's JSON shape, plus ``targets`` when any are checked."""
    value: dict[str, Any] = {
        "n": table.n,
        "attributes": [
            {"name": a.name, "categories": [{"label": c.label, "count": c.count} for c in a.categories]}
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


def write_sample(table: SampleTable, fmt: str, title: str) -> bytes:
    fmt = check_format("sample", fmt)
    heading = f"Sample characteristics (n = {table.n})"
    target_rows = [
        [t.target.attribute, t.target.category, _target_text(t), t.recruited, _pct(t.recruited, table.n), _status(t)]
        for t in table.targets
    ]
    target_header = ["Attribute", "Category", "Target", "Recruited", "%", "Status"]
    if fmt == "json":
        return _json(sample_json(table))
    if fmt == "csv":
        rows: list[list[object]] = [["attribute", "category", "count", "percent"]]
        rows += [[a.name, c.label, c.count, _pct(c.count, table.n)] for a in table.attributes for c in a.categories]
        return _csv(rows)
    if fmt == "md":
        lines = [f"# {heading}", "", f"{title}", "", "| Characteristic | n | % |", "| --- | ---: | ---: |"]
        for a in table.attributes:
            lines.append(f"| **{md_cell(a.name)}** | | |")
            lines += [f"| {md_cell(c.label)} | {c.count} | {_pct(c.count, table.n)} |" for c in a.categories]
        if table.targets:
            lines += ["", "## Recruitment targets", "", "| " + " | ".join(target_header) + " |",
                      "| --- | --- | --- | ---: | ---: | --- |"]
            lines += ["| " + " | ".join(md_cell(v) for v in row) + " |" for row in target_rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    if fmt == "docx":
        document = new_docx(heading, title)
        body = []
        for a in table.attributes:
            body.append([a.name, "", ""])
            body += [[f"    {c.label}", c.count, _pct(c.count, table.n)] for c in a.categories]
        docx_table(document, ["Characteristic", "n", "%"], body)
        if table.targets:
            document.add_heading("Recruitment targets", level=1)
            docx_table(document, target_header, target_rows)
        return docx_bytes(document)
    parts = ['<table><thead><tr><th>Characteristic</th><th class="num">n</th><th class="num">%</th></tr></thead><tbody>']
    for a in table.attributes:
        parts.append(f'<tr class="group"><th colspan="3">{esc(a.name)}</th></tr>')
        parts += [
            f'<tr><td>{esc(c.label)}</td><td class="num">{c.count}</td><td class="num">{_pct(c.count, table.n)}</td></tr>'
            for c in a.categories
        ]
    parts.append("</tbody></table>")
    if table.targets:
        parts.append("<h2>Recruitment targets</h2><table><thead><tr>" + "".join(
            f"<th>{esc(h)}</th>" for h in target_header) + "</tr></thead><tbody>")
        for check, row in zip(table.targets, target_rows, strict=True):
            flag = "gap-flag" if check.gap else "met-flag"
            cells = "".join(f"<td>{esc(v)}</td>" for v in row[:-1])
            parts.append(f'<tr class="{"gap" if check.gap else ""}">{cells}<td class="{flag}">{esc(row[-1])}</td></tr>')
        parts.append("</tbody></table>")
    return html_page(heading, "".join(parts), title)


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
