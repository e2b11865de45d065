"""``cotheme attributes``: how each participant attribute is shown in the write-up (label, category
order, description, shown in Table 1)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from cotheme.cli.context import JsonOpt, ProjectArg, opened
from cotheme.cli.output import Group, print_json, print_table, say
from cotheme.domain.attribute_defs import AttributeDefinition, order_text
from cotheme.errors import InvalidArgument
from cotheme.domain.plural import counted

app = typer.Typer(cls=Group, help="Attribute definitions: labels, category orders and Table 1.",
                  no_args_is_help=True)


def _json(d: AttributeDefinition) -> dict[str, Any]:
    return {"name": d.name, "label": d.label, "order": list(d.order), "description": d.description,
            "shown": d.shown}


def _line(d: AttributeDefinition) -> str:
    order = f"; order: {order_text(d.order)}" if d.order else ""
    return f"{d.name}: label '{d.display}'{order}; {'shown in' if d.shown else 'hidden from'} Table 1."


@app.command("set")
def set_command(
    project: ProjectArg,
    name: Annotated[str, typer.Argument(help="The attribute, as its column was named.")],
    label: Annotated[str | None, typer.Option("--label", help="Display label in reports (\"\" shows the name).")] = None,
    order: Annotated[str | None, typer.Option("--order", help="Categories in order: \"a,b,c\" (\"\" clears it).")] = None,
    description: Annotated[str | None, typer.Option("--description", help="A note under Table 1 (\"\" clears it).")] = None,
    hide: Annotated[bool, typer.Option("--hide", help="Leave the attribute out of Table 1.")] = False,
    show: Annotated[bool, typer.Option("--show", help="Show the attribute in Table 1 again.")] = False,
) -> None:
    """Set an attribute's label, category order, description, or whether Table 1 shows it. Categories
    the order leaves out follow it in their natural order; "not available" always comes last.

    Example: cotheme attributes set study.cotheme service_use --label "Main service used" --order "drop-in,peer support group"
    """
    if hide and show:
        raise InvalidArgument("Give --hide or --show, not both.")
    with opened(project) as p:
        saved = p.cases.set_attribute(name, label=label, order=order, description=description,
                                shown=False if hide else (True if show else None))
    say(f"Saved {_line(saved)}")


@app.command("list")
def list_command(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """List each attribute's label, category order, description and whether Table 1 shows it.

    Example: cotheme attributes list study.cotheme --json
    """
    with opened(project) as p:
        found = p.cases.attribute_definitions()
    if as_json:
        print_json([_json(d) for d in found])
        return
    print_table("Attributes", ["name", "label", "order", "description", "Table 1"],
                ([d.name, d.display, order_text(d.order), d.description, "shown" if d.shown else "hidden"]
                 for d in found))


@app.command("import")
def import_command(
    project: ProjectArg,
    file: Annotated[str, typer.Argument(help="A .csv/.xlsx: name, label, order, description, shown.")],
) -> None:
    """Set the definitions of the attributes a sheet names (one row each), all or none. Columns: name
    (required), label, order ("a, b, c"), description, shown (yes/no; empty: yes).

    Example: cotheme attributes import study.cotheme attributes.csv
    """
    with opened(project) as p:
        saved = p.cases.import_attribute_definitions(file)
    say(f"Saved the definitions of {counted(len(saved), 'attribute')}: {', '.join(d.name for d in saved) or 'none'}.")
