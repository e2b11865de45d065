"""``cotheme extracts export``: the extracts a filter chooses, as a CSV or XLSX file.

Parses the filters (the same as ``cotheme codings``, repeatable, plus the Retrieve page's: how codes
combine, sub-codes, participant attributes), calls ``Project.export_extracts`` and says what it wrote.
"""

from __future__ import annotations

from typing import Annotated

import typer

from cotheme.cli.context import JsonOpt, ProjectArg, opened
from cotheme.cli.output import Group, print_json, say
from cotheme.domain.extract_table import parse_attribute_filters
from cotheme.domain.plural import counted

app = typer.Typer(cls=Group, help="Extracts for analysis elsewhere: CSV or XLSX.", no_args_is_help=True)


@app.command("export")
def export(
    project: ProjectArg,
    out: Annotated[str, typer.Argument(help="The file to write: OUT.csv or OUT.xlsx.", show_default=False)],
    code: Annotated[list[str] | None, typer.Option("--code", help="Only this code (name or Parent/Child path); repeatable.")] = None,
    mode: Annotated[str, typer.Option("--mode", help="or: extracts of any of the codes; and: of the first code where all the others overlap.")] = "or",
    subcodes: Annotated[bool, typer.Option("--with-subcodes/--no-subcodes", " /--without-subcodes", help="A code stands for itself and every code below it (a passage coded with both appears once).")] = True,
    doc: Annotated[list[str] | None, typer.Option("--doc", help="Only this document (id or title); repeatable.")] = None,
    coder: Annotated[list[str] | None, typer.Option("--coder", help="Only this coder; repeatable.")] = None,
    attribute: Annotated[list[str] | None, typer.Option("--attribute", help="Only participants with NAME=VALUE; repeat a name to accept several values.")] = None,
    show: Annotated[list[str] | None, typer.Option("--show", help="Attribute columns to include (default: every attribute); repeatable.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Write extracts with document, case, speaker, times, turn, code path, coder, text, memo and attributes.

    Example: cotheme extracts export study.cotheme waiting.xlsx --code "Access" --attribute gender=woman
    """
    with opened(project) as p:
        table = p.reports.export_extracts(
            out, codes=code or (), mode=mode, subcodes=subcodes, documents=doc or (), coders=coder or (),
            attributes=parse_attribute_filters(attribute or []), show=show,
        )
    if as_json:
        print_json({"file": out, "extracts": len(table.rows), "columns": list(table.header)})
        return
    say(f"Wrote {counted(len(table.rows), 'extract')} to {out}.")
