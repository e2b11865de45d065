"""REFI-QDA exchange on the command line: ``cotheme export qdpx``, ``cotheme validate``, and the QDPX and
QDC branches of ``cotheme import``, ``cotheme init --from`` and ``cotheme codebook import|export``.

Owns how an import's result is shown (counts per kind, conflicts, notes) and how validation problems
are listed. Must not hold exchange rules; each command calls one operation of ``Project`` or of
``services.exchange``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cotheme.cli.context import JsonOpt, ProjectArg, opened
from cotheme.cli.output import Group, err, print_json, print_table, say
from cotheme.domain.plural import counted
from cotheme.errors import InvalidArgument
from cotheme.lazy import lazy
from cotheme.services.project import Project

if TYPE_CHECKING:
    from cotheme.services import exchange, import_preview
    from cotheme.services.exchange import ExchangeImport
else:  # loaded when a REFI-QDA file is read or written, not when a transcript import looks for one
    exchange = lazy("cotheme.services.exchange")
    import_preview = lazy("cotheme.services.import_preview")

app = typer.Typer(cls=Group, help="Export a project for other programs.", no_args_is_help=True)

KINDS = ("members", "codes", "attributes", "cases", "documents", "codings", "themes", "memos")


def same_text_choice(*, merge: bool, copy: bool) -> str:
    """What ``--merge`` / ``--allow-duplicate`` say about a file's document with the text of one of ours."""
    return import_preview.same_text_choice(merge=merge, copy=copy)


def is_qdpx(name: str) -> bool:
    return name.lower().endswith(".qdpx")


def import_files(project: str, files: Sequence[str], as_json: bool, *, transcript_options: bool = False,
                 same_text: str = "refuse") -> None:
    """``cotheme import PROJECT FILE.qdpx...``: every file must be a QDPX, merged all or none."""
    if not all(is_qdpx(f) for f in files):
        raise InvalidArgument(
            "Import .qdpx projects on their own: a REFI-QDA project and transcripts cannot be imported in "
            "one command. Import the transcripts with a second 'cotheme import'."
        )
    if transcript_options:
        raise InvalidArgument("--case, --speaker, --verbatim and --recording apply to transcripts, not to .qdpx projects.")
    with opened(project) as p, err.status(f"Importing {', '.join(Path(f).name for f in files)}"):
        results = p.exchange.import_qdpx_files(files, same_text=same_text)
    show_imports(results, as_json)


def init_from(project: str, file: str, title: str | None, lead: str | None) -> None:
    """``cotheme init --from FILE.qdpx PROJECT``."""
    if not is_qdpx(file):
        raise InvalidArgument(f"{file}: --from takes a REFI-QDA project file ending in .qdpx.")
    with err.status(f"Reading {Path(file).name}"):
        created, result = Project.create_from_qdpx(project, file, title=title, lead=lead)
    with created as p:
        say(f"Created {p.location} ('{p.study.info().title}') from {Path(file).name}, lead member {p.team.members()[0].name}.")
    show_imports([result], False)


def show_imports(results: Sequence[ExchangeImport], as_json: bool) -> None:
    if as_json:
        print_json(list(results))
        return
    for result in results:
        codebook = result.file.lower().endswith(".qdc")
        say(f"Imported {result.file}, written by {result.origin or 'an unnamed program'}"
            + ("." if codebook else f"; text positions read as {result.positions}."))
        print_table(
            "",
            ["kind", "created", "already there"],
            ([k, result.created.get(k, 0), result.matched.get(k, 0)] for k in KINDS
             if result.created.get(k) or result.matched.get(k)),
        )
        for line in result.conflicts:
            say(f"conflict (ours kept): {line}")
        for line in result.notes:
            say(f"note: {line}")


@app.command("qdpx")
def export_qdpx(
    project: ProjectArg,
    out: Annotated[str, typer.Argument(help="The .qdpx file to write (replaced if it exists).")],
    deidentified_only: Annotated[bool, typer.Option("--deidentified-only", help="Refuse unless every transcript is de-identified at its current revision.")] = False,
    nvivo: Annotated[bool, typer.Option("--nvivo", help="Write the form NVivo 12 writes: CRLF text with a BOM, positions in UTF-16 units.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Export the project as a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA or QualCoder.

    Example: cotheme export qdpx study.cotheme study.qdpx
    """
    with opened(project) as p, err.status(f"Writing {out}"):
        result = p.exchange.export_qdpx(out, deidentified_only=deidentified_only, nvivo=nvivo)
    if as_json:
        print_json(result)
        return
    counts = ", ".join(f"{n} {k}" for k, n in result.counts.items())
    say(f"Wrote {result.file}: {counts}.")
    for line in result.warnings:
        say(f"warning: {line}")


def validate(
    file: Annotated[str, typer.Argument(help="A REFI-QDA project (.qdpx) or codebook (.qdc).")],
    xsd_dir: Annotated[str | None, typer.Option("--xsd-dir", help="Folder with Project-mrt2019.xsd and Codebook-mrt2019.xsd (default: COTHEME_REFI_XSD_DIR).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Check a .qdpx or .qdc file: our own checks, and the REFI-QDA XML Schema when its folder is known;
    every problem is printed with its location, and the exit code is 2 when there is an error.

    Example: cotheme validate study.qdpx --xsd-dir ~/refi-qda-schemas
    """
    report = exchange.validate_file(Path(file), xsd_dir)
    if as_json:
        print_json({"file": report.file, "kind": report.kind, "schema": report.schema,
                    "errors": len(report.errors), "problems": list(report.problems)})
    else:
        for problem in report.problems:
            say(f"{problem.severity}: {problem}")
        schema = f"checked against {report.schema}" if report.schema else (
            "XML Schema validation skipped: give --xsd-dir or set COTHEME_REFI_XSD_DIR to the folder of the "
            "REFI-QDA schema files")
        warnings = len(report.problems) - len(report.errors)
        say(f"{report.file}: {counted(len(report.errors), 'error')}, {counted(warnings, 'warning')}; {schema}.")
    if report.errors:
        raise typer.Exit(2)


def import_codebook_qdc(project: str, file: str) -> None:
    """The ``.qdc`` branch of ``cotheme codebook import``."""
    with opened(project) as p:
        result = p.codes.import_qdc(file)
    show_imports([result], False)


def export_codebook_qdc(project: str, file: str) -> None:
    """The ``.qdc`` branch of ``cotheme codebook export``."""
    with opened(project) as p:
        written = p.codes.export_qdc(file)
    say(f"Wrote {written}.")
