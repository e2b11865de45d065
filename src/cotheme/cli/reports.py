"""``cotheme report KIND`` (sample, themes, matrix, cooccurrence, methods, deid-risk) and ``cotheme targets``
(the sampling targets kept in the project).

A report is written to ``--out`` (its format from ``--format`` or the file's extension) or, for text
formats, printed. Each command calls one ``Project`` method and one writer in ``cotheme.formats``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from cotheme.cli.context import JsonOpt, ProjectArg, opened
from cotheme.cli.output import Group, print_json, print_table, say
from cotheme.domain.sample import parse_bands
from cotheme.errors import InvalidArgument
from cotheme.formats.report_common import REPORT_FORMATS, check_format
from cotheme.formats.report_deid_risk import check_risk_format, write_risk
from cotheme.formats.report_methods import write_methods
from cotheme.formats.report_narrative import write_themes
from cotheme.formats.report_tables import write_cooccurrence, write_matrix, write_sample
from cotheme.formats.targets_file import read_targets
from cotheme.services.outputs import write_output

app = typer.Typer(cls=Group, help="Reports for the write-up: sample, themes, matrix, cooccurrence, methods, deid-risk.",
                  no_args_is_help=True)
targets_app = typer.Typer(cls=Group, help="Purposive-sampling targets kept in the project.", no_args_is_help=True)

FormatOpt = Annotated[str | None, typer.Option("--format", help="Output format (default: from --out, else md).")]
OutOpt = Annotated[str | None, typer.Option("--out", help="Write to this file instead of printing.")]
_BINARY = ("docx", "xlsx")


def _format(kind: str, fmt: str | None, out: str | None) -> str:
    if fmt is None and out is not None and Path(out).suffix:
        fmt = Path(out).suffix.lstrip(".")
    return check_format(kind, fmt or REPORT_FORMATS[kind][0])


def _emit(data: bytes, fmt: str, out: str | None) -> None:
    if out is not None:
        write_output(out, data)
        say(f"Wrote {out}.")
        return
    if fmt in _BINARY:
        raise InvalidArgument(f"A {fmt} report is a file: give --out FILE.{fmt}.")
    sys.stdout.write(data.decode("utf-8"))


def _names(text: str | None) -> list[str]:
    return [n.strip() for n in (text or "").split(",") if n.strip()]


@app.command("sample")
def sample(
    project: ProjectArg,
    fmt: FormatOpt = None,
    out: OutOpt = None,
    attributes: Annotated[str | None, typer.Option("--attributes", help="Attributes to show, in this order: A,B,...")] = None,
    bands: Annotated[list[str] | None, typer.Option("--bands", help="Group a numeric attribute: age=18-24,25-34,65+ (repeatable).")] = None,
    targets: Annotated[str | None, typer.Option("--targets", help="Targets file (.csv/.xlsx) to check instead of the saved targets.")] = None,
    style: Annotated[str, typer.Option("--style", help="Cells: n-percent (\"5 (17)\"), n or percent.")] = "n-percent",
    precision: Annotated[int, typer.Option("--precision", help="Decimal places of the percentages (0-2).")] = 0,
) -> None:
    """Sample characteristics ("Table 1") in journal layout, recruited against targets with the gaps
    flagged. Formats: md, csv, json, docx, html, xlsx, tex (LaTeX with booktabs).

    Example: cotheme report sample study.cotheme --format docx --out table1.docx --bands age=18-24,25-34,35-64,65+ --precision 1
    """
    kind = _format("sample", fmt, out)
    band_map = parse_bands(";".join(bands or []))
    given = read_targets(Path(targets).name, Path(targets).read_bytes()) if targets else None
    with opened(project) as p:
        table = p.study.sample_table(attributes=_names(attributes) or None, bands=band_map, targets=given)
        title = p.study.info().title
    _emit(write_sample(table, kind, title, style=style, precision=precision), kind, out)


@app.command("themes")
def themes(
    project: ProjectArg,
    fmt: FormatOpt = None,
    out: OutOpt = None,
    quotes: Annotated[int, typer.Option("--max-quotes", "--quotes", help="At most N quotes per theme or subtheme (exemplars first).")] = 3,
    attributes: Annotated[str | None, typer.Option("--attributes", help="Attributes shown with each quote: A,B,...")] = None,
    attribution: Annotated[str | None, typer.Option("--attribution", help="none, id or id-attributes (default: id-attributes with --attributes, else id).")] = None,
    repeat_quotes: Annotated[bool, typer.Option("--repeat-quotes", help="Quote a subtheme's extracts under its theme too.")] = False,
    exemplars_only: Annotated[bool, typer.Option("--exemplars-only", help="Where a theme has exemplars, quote only them.")] = False,
    untrimmed: Annotated[bool, typer.Option("--untrimmed", help="Quote extracts as coded, without trimming to sentences.")] = False,
) -> None:
    """Each theme with definition, subthemes and illustrative quotes, each passage quoted once.

    Example: cotheme report themes study.cotheme --format docx --out themes.docx --attributes gender,age_band --max-quotes 3
    """
    kind = _format("themes", fmt, out)
    with opened(project) as p:
        report = p.reports.themes(quotes=quotes, attributes=_names(attributes), attribution=attribution,
                                 repeat_quotes=repeat_quotes, exemplars_only=exemplars_only, trim=not untrimmed)
    _emit(write_themes(report, kind), kind, out)


@app.command("matrix")
def matrix(
    project: ProjectArg,
    by: Annotated[str, typer.Option("--by", help="The attribute whose categories make the columns.")],
    fmt: FormatOpt = None,
    out: OutOpt = None,
    count: Annotated[str, typer.Option("--count", help="participants or extracts.")] = "participants",
    rows: Annotated[str, typer.Option("--rows", help="themes or codes.")] = "themes",
    bands: Annotated[str | None, typer.Option("--bands", help="Bands for a numeric --by attribute: 18-24,25-34,65+.")] = None,
    subcodes: Annotated[bool, typer.Option("--with-subcodes/--no-subcodes", help="With --rows codes: each code counts with every code below it (a passage coded with both once).")] = True,
) -> None:
    """Themes or codes by the categories of an attribute, counting participants or extracts.

    Example: cotheme report matrix study.cotheme --by gender --count extracts --format html --out matrix.html
    """
    kind = _format("matrix", fmt, out)
    band_list = parse_bands(f"{by}={bands}")[by] if bands else ()
    with opened(project) as p:
        result = p.reports.matrix(by, count=count, rows=rows, bands=band_list, subcodes=subcodes)
    _emit(write_matrix(result, kind), kind, out)


@app.command("cooccurrence")
def cooccurrence(
    project: ProjectArg,
    fmt: FormatOpt = None,
    out: OutOpt = None,
    unit: Annotated[str, typer.Option("--unit", help="extract (overlapping extracts) or turn (same speaker turn).")] = "extract",
    subcodes: Annotated[bool, typer.Option("--with-subcodes/--no-subcodes", help="Each code stands for itself and every code below it (a code is then not compared with its own sub-codes).")] = True,
) -> None:
    """Codes by codes: how often two codes overlap in an extract or meet in a speaker turn.

    Example: cotheme report cooccurrence study.cotheme --unit turn --format html --out cooccurrence.html
    """
    kind = _format("cooccurrence", fmt, out)
    with opened(project) as p:
        result = p.reports.cooccurrence(unit=unit, subcodes=subcodes)
    _emit(write_cooccurrence(result, kind), kind, out)


@app.command("methods")
def methods(project: ProjectArg, fmt: FormatOpt = None, out: OutOpt = None) -> None:
    """The methods appendix with the COREQ checklist prefilled from the project.

    Example: cotheme report methods study.cotheme --format docx --out methods.docx
    """
    kind = _format("methods", fmt, out)
    with opened(project) as p:
        report = p.reports.methods()
    _emit(write_methods(report, kind), kind, out)


@app.command("deid-risk")
def deid_risk(
    project: ProjectArg,
    fmt: Annotated[str | None, typer.Option("--format", help="md, html, docx or csv (default: from --out, else md).")] = None,
    out: OutOpt = None,
    docs: Annotated[list[str] | None, typer.Option("--docs", help="Only these documents (id or title); repeatable or comma-separated.")] = None,
    no_model: Annotated[bool, typer.Option("--no-model", help="Patterns and the project's list only.")] = False,
) -> None:
    """The residual risk report for an ethics committee: per transcript, the kinds replaced (counts
    only, never the originals) and what is left that looks like an identifier, in its sentence.

    Example: cotheme report deid-risk study.cotheme --format docx --out residual-risk.docx
    """
    if fmt is None and out is not None and Path(out).suffix:
        fmt = Path(out).suffix.lstrip(".")
    kind = check_risk_format(fmt or "md")
    names = [d.strip() for v in docs or [] for d in v.split(",") if d.strip()]
    with opened(project) as p:
        report = p.deid.risk(names or None, use_model=not no_model)
    _emit(write_risk(report, kind), kind, out)


@targets_app.command("import")
def import_targets(
    project: ProjectArg,
    file: Annotated[str, typer.Argument(help="A .csv/.xlsx: attribute, category, min_count, min_share.")],
) -> None:
    """Save sampling targets in the project (replacing the ones there).

    Example: cotheme targets import study.cotheme targets.csv
    """
    with opened(project) as p:
        saved = p.study.import_targets(file)
    say(f"Saved {len(saved)} targets.")


@targets_app.command("list")
def list_targets(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """List the saved targets with what has been recruited so far and the gaps.

    Example: cotheme targets list study.cotheme --json
    """
    with opened(project) as p:
        table = p.study.sample_table(attributes=[])
    checks = table.targets
    if as_json:
        print_json([
            {"attribute": c.target.attribute, "category": c.target.category, "min_count": c.target.min_count,
             "min_share": c.target.min_share, "recruited": c.recruited, "needed": c.needed, "gap": c.gap}
            for c in checks
        ])
        return
    print_table(
        f"Targets (n = {table.n})",
        ["attribute", "category", "min count", "min share", "recruited", "status"],
        ([c.target.attribute, c.target.category, c.target.min_count,
          "" if c.target.min_share is None else f"{100 * c.target.min_share:.0f}%", c.recruited,
          f"gap: {c.needed} more" if c.gap else "met"] for c in checks),
    )
