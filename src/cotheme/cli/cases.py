"""``cotheme cases``: participants and their attributes."""

from __future__ import annotations

from typing import Annotated

import typer

from cotheme.cli.context import JsonOpt, ProjectArg, opened
from cotheme.cli.output import Group, print_json, print_table, say
from cotheme.domain.plural import counted

app = typer.Typer(cls=Group, help="Participants (cases) and their attributes.", no_args_is_help=True)


@app.command("import")
def import_cases(
    project: ProjectArg,
    file: Annotated[str, typer.Argument(help="A .csv or .xlsx file, one row per participant.")],
    id_column: Annotated[str | None, typer.Option("--id-column", help="Column holding the participant id.")] = None,
) -> None:
    """Import participant attributes; empty cells become "not available". Columns interview_date,
    interview_mode, interview_duration, interviewer, interview_setting and field_notes set the interview
    details of each case's transcripts; a transcript titled like a row's id is linked to that case.

    Example: cotheme cases import study.cotheme participants.csv --id-column pid
    """
    with opened(project) as p:
        result = p.cases.import_cases(file, id_column)
    say(
        f"Imported {result.created} new and updated {result.updated} cases "
        f"(id column '{result.id_column}'; attributes: {', '.join(result.attributes) or 'none'})."
    )
    if result.details:
        say(f"Interview details from: {', '.join(result.details)}.")
    if result.linked:
        say(f"Linked {counted(result.linked, 'transcript')} to the case of the same name.")


@app.command("add")
def add(project: ProjectArg, pid: Annotated[str, typer.Argument(help="Pseudonymous id, e.g. P07.")]) -> None:
    """Add one case with every attribute not available.

    Example: cotheme cases add study.cotheme P07
    """
    with opened(project) as p:
        p.cases.add(pid)
    say(f"Added case {pid}.")


@app.command("list")
def list_command(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """List cases with their attributes (missing values shown as the project's label).

    Example: cotheme cases list study.cotheme --json
    """
    with opened(project) as p:
        found, missing = p.cases.list(), p.study.info().missing_label
    if as_json:
        print_json([{"id": c.pid, "attributes": c.shown(missing)} for c in found])
        return
    names = list(found[0].attributes) if found else []
    print_table("Cases", ["id", *names], ([c.pid, *c.shown(missing).values()] for c in found))
