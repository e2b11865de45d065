"""``cotheme codebook``: import, export and list the coding frame."""

from __future__ import annotations

from typing import Annotated

import typer

from cotheme.cli.context import JsonOpt, ProjectArg, opened
from cotheme.cli.output import Group, print_json, print_table, say

app = typer.Typer(cls=Group, help="The codebook (coding frame).", no_args_is_help=True)


@app.command("import")
def import_codebook(
    project: ProjectArg,
    file: Annotated[str, typer.Argument(help="A CSV: name, parent, definition, inclusion, exclusion, example, colour.")],
) -> None:
    """Import codes from a CSV; parent by name, or a '/'-separated path in name.

    Example: cotheme codebook import study.cotheme codebook.csv
    """
    with opened(project) as p:
        result = p.import_codebook(file)
    say(f"Created {result.created} codes and updated {result.updated}.")


@app.command("export")
def export(
    project: ProjectArg,
    file: Annotated[str, typer.Argument(help="Where to write: a .csv or .md file.")],
) -> None:
    """Export the codebook as CSV (re-importable) or Markdown (for an appendix).

    Example: cotheme codebook export study.cotheme codebook.md
    """
    with opened(project) as p:
        written = p.export_codebook(file)
    say(f"Wrote {written}.")


@app.command("list")
def list_codes(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """List codes as a tree with definitions and counts of extracts and participants.

    Example: cotheme codebook list study.cotheme --json
    """
    with opened(project) as p:
        counts = p.codes()
    if as_json:
        print_json(
            [
                {
                    "id": c.code.id, "name": c.code.name, "path": c.code.path_text,
                    "parent_id": c.code.parent_id, "definition": c.code.definition,
                    "inclusion": c.code.inclusion, "exclusion": c.code.exclusion,
                    "example": c.code.example, "colour": c.code.colour,
                    "extracts": c.extracts, "participants": c.participants,
                }
                for c in counts
            ]
        )
        return
    print_table(
        "Codebook",
        ["id", "code", "extracts", "participants", "definition"],
        (
            [c.code.id, "  " * (len(c.code.path) - 1) + c.code.name, c.extracts, c.participants, c.code.definition]
            for c in counts
        ),
    )
