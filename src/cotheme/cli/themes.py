"""``cotheme themes``, ``cotheme exemplar`` and ``cotheme map``: the theme hierarchy, the quotes
chosen to illustrate it, and the thematic map drawn from it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from cotheme.cli.context import JsonOpt, ProjectArg, opened
from cotheme.cli.output import Group, print_json, print_table, say
from cotheme.domain.thematic_map import check_layout
from cotheme.domain.themes import ThemeSummary
from cotheme.errors import InvalidArgument
from cotheme.formats.map_render import DEFAULT_DPI, FORMATS, pixel_size, render_map
from cotheme.formats.map_svg import write_svg
from cotheme.services.outputs import write_output

app = typer.Typer(cls=Group, help="Themes: import, list and export the theme hierarchy.", no_args_is_help=True)


@app.command("import")
def import_themes(
    project: ProjectArg,
    file: Annotated[str, typer.Argument(help="A .csv/.xlsx: name, parent, definition, status, codes (';'-separated).")],
) -> None:
    """Import themes, all or none; a theme already there (same name and parent) is updated.

    Example: cotheme themes import study.cotheme themes.csv
    """
    with opened(project) as p:
        result = p.themes.import_themes(file)
    say(f"Created {result.created} themes, updated {result.updated}, linked {result.linked} codes.")


def _tree(found: list[ThemeSummary]) -> list[dict[str, Any]]:
    nodes: dict[int, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for item in found:
        t = item.theme
        node = {"id": t.id, "name": t.name, "level": t.level, "status": t.status.value,
                "definition": t.definition, "codes": list(item.codes), "extracts": item.extracts,
                "participants": item.participants, "children": []}
        nodes[t.id] = node
        (nodes[t.parent_id]["children"] if t.parent_id is not None else roots).append(node)
    return roots


@app.command("list")
def list_themes(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """List themes as a tree with definitions, codes and counts of extracts and participants.

    Example: cotheme themes list study.cotheme --json
    """
    with opened(project) as p:
        found = p.themes.list()
    if as_json:
        print_json(_tree(found))
        return
    print_table(
        "Themes",
        ["id", "theme", "status", "extracts", "participants", "codes", "definition"],
        ([s.theme.id, "  " * s.theme.level + s.theme.name, s.theme.status.value, s.extracts,
          s.participants, "; ".join(s.codes), s.theme.definition] for s in found),
    )


@app.command("export")
def export_themes(
    project: ProjectArg,
    file: Annotated[str, typer.Argument(help="Where to write: a .csv (imports back) or .md file.")],
) -> None:
    """Export the themes as CSV or Markdown.

    Example: cotheme themes export study.cotheme themes.md
    """
    with opened(project) as p:
        written = p.themes.export(file)
    say(f"Wrote {written}.")


def exemplar(
    project: ProjectArg,
    theme: Annotated[str | None, typer.Option("--theme", help="Theme name (or number); with --from-csv, for rows without a theme.")] = None,
    coding: Annotated[int | None, typer.Option("--coding", help="Coding id (see 'cotheme codings').")] = None,
    from_csv: Annotated[str | None, typer.Option("--from-csv", help="A .csv/.xlsx of marked extracts: theme, coding id or document and text.")] = None,
    member: Annotated[str | None, typer.Option("--member", help="Who chose it (default: the only member).")] = None,
    remove: Annotated[bool, typer.Option("--remove", help="Unmark it instead.")] = False,
) -> None:
    """Mark an extract as an illustrative quote of a theme (shown first in the themes report), or
    many at once from a sheet (all rows or none).

    Example: cotheme exemplar study.cotheme --theme "Timely support" --coding 42 --member "Rowan Pike"
    Example: cotheme exemplar study.cotheme --from-csv marked-extracts.csv --member "Rowan Pike"
    """
    if from_csv is not None:
        if coding is not None:
            raise InvalidArgument("Give either --coding or --from-csv, not both.")
        with opened(project) as p:
            done = p.themes.import_exemplars(from_csv, theme=theme, member=member, remove=remove)
        verb = "Unmarked" if remove else "Marked"
        say(f"{verb} {done.changed} exemplar{'s' if done.changed != 1 else ''}"
            f" ({done.unchanged} already {'not ' if remove else ''}so, {done.skipped} unmarked rows skipped).")
        return
    if theme is None or coding is None:
        raise InvalidArgument("Say which extract: --theme NAME --coding ID, or --from-csv FILE.")
    with opened(project) as p:
        if remove:
            p.themes.remove_exemplar(theme, coding)
            say(f"Coding {coding} is no longer an exemplar of '{theme}'.")
            return
        chosen = p.themes.add_exemplar(theme, coding, member)
    say(f"Coding {chosen.coding_id} is exemplar {chosen.position + 1} of '{theme}'.")


def map_command(
    project: ProjectArg,
    out: Annotated[str, typer.Option("--out", help="Where to write: .svg, .png, .tif/.tiff or .pdf.")],
    depth: Annotated[int | None, typer.Option("--depth", help="Levels below the centre; one more than the themes adds their codes.")] = None,
    layout: Annotated[str, typer.Option("--layout", help="radial (the centre in the middle, themes around it) or tree (left to right).")] = "radial",
    dpi: Annotated[int, typer.Option("--dpi", help="Dots per inch of a PNG or TIFF (72-1200); SVG and PDF are vector.")] = DEFAULT_DPI,
    legend: Annotated[bool, typer.Option("--legend/--no-legend", help="Add a key to the fills and borders below the map.")] = True,
    subcodes: Annotated[bool, typer.Option("--with-subcodes/--without-subcodes", help="A drawn code brings its sub-codes, outside it.")] = True,
    reset: Annotated[bool, typer.Option("--reset", help="Forget positions saved in the map editor first.")] = False,
) -> None:
    """Draw the thematic map: the overarching theme at the centre, themes and subthemes around it.

    Example: cotheme map study.cotheme --out map.png --dpi 600 --depth 3
    """
    target = Path(out)
    fmt = target.suffix.lower().lstrip(".")
    fmt = "tiff" if fmt == "tif" else fmt
    if fmt not in ("svg", *FORMATS):
        raise InvalidArgument(f"{target.name}: choose a .svg, .png, .tiff or .pdf file for the map.")
    check_layout(layout)
    with opened(project) as p:
        if reset:
            p.themes.reset_map_positions()
        drawn = p.themes.map(depth, layout, subcodes=subcodes, legend=legend)
        title = f"Thematic map: {p.study.info().title}"
    if not drawn.nodes:
        raise InvalidArgument("The project has no themes yet; add some with 'cotheme themes import'.")
    data = write_svg(drawn, title) if fmt == "svg" else render_map(drawn, fmt, title, dpi)
    write_output(target, data)
    if fmt in ("png", "tiff"):
        wide, high = pixel_size(drawn, dpi)
        say(f"Wrote {target} ({len(drawn.nodes)} nodes, {wide} x {high} pixels at {dpi} dpi).")
    else:
        say(f"Wrote {target} ({len(drawn.nodes)} nodes).")
