"""``cotheme codebook``: import, export and list the coding frame."""

from __future__ import annotations

from typing import Annotated

import typer

from cotheme.cli import exchange
from cotheme.cli.context import JsonOpt, ProjectArg, opened
from cotheme.cli.output import Group, print_json, print_table, say
from cotheme.domain.plural import counted

app = typer.Typer(cls=Group, help="The codebook (coding frame).", no_args_is_help=True)


@app.command("import")
def import_codebook(
    project: ProjectArg,
    file: Annotated[str | None, typer.Argument(help="A CSV or .xlsx (name, parent, definition, inclusion, exclusion, example, colour), a Markdown codebook (.md, headings per code) or a REFI-QDA .qdc.")] = None,
    template: Annotated[str | None, typer.Option("--template", help="Load a built-in framework instead of FILE (see 'cotheme codebook templates').")] = None,
) -> None:
    """Import codes from a CSV; parent by name, or a '/'-separated path in name.

    Example: cotheme codebook import study.cotheme codebook.csv
    """
    if (file is None) == (template is None):
        raise typer.BadParameter("give a codebook FILE or --template NAME (one of the two).")
    if template is not None:
        with opened(project) as p:
            loaded = p.codes.import_template(template)
        say(f"Loaded the '{loaded.template.name}' template: created {loaded.codes_created} codes "
            f"(updated {loaded.codes_updated}) and {loaded.themes_created} themes "
            f"(updated {loaded.themes_updated}). Source: {loaded.template.citation}")
        return
    if file is not None and file.lower().endswith(".qdc"):
        exchange.import_codebook_qdc(project, file)
        return
    with opened(project) as p:
        result = p.codes.import_codebook(file)
    say(f"Created {result.created} codes and updated {result.updated}.")


@app.command("export")
def export(
    project: ProjectArg,
    file: Annotated[str, typer.Argument(help="Where to write: a .csv, .md or REFI-QDA .qdc file.")],
) -> None:
    """Export the codebook as CSV (re-importable), Markdown (for an appendix) or REFI-QDA .qdc.

    Example: cotheme codebook export study.cotheme codebook.md
    """
    if file.lower().endswith(".qdc"):
        exchange.export_codebook_qdc(project, file)
        return
    with opened(project) as p:
        written = p.codes.export(file)
    say(f"Wrote {written}.")


@app.command("list")
def list_codes(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """List codes as a tree with definitions and counts of extracts and participants, each code's own
    and, for a code with sub-codes, with them (a passage coded with a code and its sub-code counted once).

    Example: cotheme codebook list study.cotheme --json
    """
    with opened(project) as p:
        counts = p.codes.list()
    if as_json:
        print_json(
            [
                {
                    "id": c.code.id, "name": c.code.name, "path": c.code.path_text,
                    "parent_id": c.code.parent_id, "definition": c.code.definition,
                    "inclusion": c.code.inclusion, "exclusion": c.code.exclusion,
                    "example": c.code.example, "colour": c.code.colour,
                    "extracts": c.extracts, "participants": c.participants,
                    "extracts_with_subcodes": c.extracts_with_subcodes,
                    "participants_with_subcodes": c.participants_with_subcodes, "subcodes": c.subcodes,
                }
                for c in counts
            ]
        )
        return
    print_table(
        "Codebook",
        ["id", "code", "extracts", "participants", "with sub-codes", "definition"],
        (
            [c.code.id, "  " * (len(c.code.path) - 1) + c.code.name, c.extracts, c.participants,
             f"{counted(c.extracts_with_subcodes, 'extract')}, {counted(c.participants_with_subcodes, 'participant')}"
             if c.subcodes else "", c.code.definition]
            for c in counts
        ),
    )


@app.command("templates")
def templates(as_json: JsonOpt = False) -> None:
    """List the built-in codebook templates (frameworks with codes and themes) to load with --template.

    Example: cotheme codebook templates
    """
    from cotheme.services.project import Project

    found = Project.templates()
    if as_json:
        print_json([{"name": t.name, "title": t.title, "summary": t.summary, "citation": t.citation,
                     "codes": len(t.codes), "themes": len(t.themes)} for t in found])
        return
    print_table("Codebook templates", ["name", "title", "codes", "themes", "source"],
                ([t.name, t.title, len(t.codes), len(t.themes), t.citation] for t in found))
