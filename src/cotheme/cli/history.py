"""``cotheme codebook history|as-of|diff|undo|merge|split|delete`` and ``cotheme audit``: the
codebook's versioned history, revising the coding frame, and the audit trail."""

from __future__ import annotations

from typing import Annotated

import typer

from cotheme.cli.context import JsonOpt, ProjectArg, opened
from cotheme.cli.output import print_json, print_table, say
from cotheme.errors import InvalidArgument
from cotheme.domain.plural import counted

RationaleOpt = Annotated[str, typer.Option("--rationale", help="Why: kept with the change in the history.")]


def history(
    project: ProjectArg,
    code: Annotated[int | None, typer.Option("--code", help="Only changes to this code (id).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Every change to the codebook, oldest first: version, time, author, kind, what, why.

    Example: cotheme codebook history study.cotheme
    """
    with opened(project) as p:
        changes = p.codes.history(code)
    if as_json:
        print_json(changes)
        return
    print_table("Codebook history", ["version", "time (UTC)", "author", "kind", "change", "rationale"],
                ([c.version, c.at.strftime("%Y-%m-%d %H:%M"), c.author, c.kind + (" (undone)" if c.undone_by else ""),
                  c.summary, c.rationale] for c in changes))


def as_of(
    project: ProjectArg,
    date: Annotated[str, typer.Argument(help="YYYY-MM-DD (the end of that day, UTC) or YYYY-MM-DDTHH:MM.")],
    as_json: JsonOpt = False,
) -> None:
    """The codebook as it stood at a date.

    Example: cotheme codebook as-of study.cotheme 2025-03-01
    """
    with opened(project) as p:
        codes = p.codes.as_of(date)
    if as_json:
        print_json([{"id": c.id, "path": c.path_text, "definition": c.definition} for c in codes])
        return
    print_table(f"Codebook as of {date}", ["id", "code", "definition"],
                ([c.id, "  " * (len(c.path) - 1) + c.name, c.definition] for c in codes))


def diff(
    project: ProjectArg,
    since: Annotated[str, typer.Argument(help="The earlier date (YYYY-MM-DD).")],
    until: Annotated[str, typer.Argument(help="The later date (YYYY-MM-DD).")],
    as_json: JsonOpt = False,
) -> None:
    """What changed in the codebook between two dates.

    Example: cotheme codebook diff study.cotheme 2025-03-01 2025-04-01
    """
    with opened(project) as p:
        found = p.codes.diff(since, until)
    if as_json:
        print_json(found)
        return
    rows = ([["added", a, ""] for a in found.added] + [["removed", r, ""] for r in found.removed]
            + [["renamed", a, b] for a, b in found.renamed] + [["moved", a, b] for a, b in found.moved]
            + [["redefined", r, ""] for r in found.redefined])
    print_table(f"Codebook {since} to {until}", ["what", "code", "now"], rows)
    say(f"{counted(len(found.changes), 'change')} in between; see 'cotheme codebook history'.")


def undo(project: ProjectArg, rationale: RationaleOpt = "") -> None:
    """Undo the last codebook change (itself recorded as a change); repeat to go further back.

    Example: cotheme codebook undo study.cotheme --rationale "merged too early"
    """
    with opened(project) as p:
        change = p.codes.undo(rationale)
    say(f"Version {change.version}: {change.summary}.")


def merge(
    project: ProjectArg,
    codes: Annotated[list[str], typer.Argument(help="The codes to merge away (names, paths or ids).")],
    into: Annotated[str, typer.Option("--into", help="The code that stays.")],
    rationale: RationaleOpt = "",
) -> None:
    """Merge codes into another: their codings, memos, sub-codes and theme links move to it.

    Example: cotheme codebook merge study.cotheme "Waiting" "Delays" --into "Access barriers" --rationale "one idea"
    """
    with opened(project) as p:
        survivor = p.codes.merge(codes, into, rationale=rationale)
    say(f"Merged {', '.join(codes)} into '{survivor.path_text}'.")


def _parts(specs: list[str]) -> dict[str, list[int]]:
    parts: dict[str, list[int]] = {}
    for spec in specs:
        name, sep, ids = spec.rpartition("=")
        try:
            parts[name.strip()] = [int(i) for i in ids.split(",") if i.strip()] if sep else []
        except ValueError:
            raise InvalidArgument(f"--into '{spec}': write NAME=CODING_ID,CODING_ID (ids from 'cotheme codings').") from None
        if not sep or not name.strip():
            raise InvalidArgument(f"--into '{spec}': write NAME=CODING_ID,CODING_ID (ids from 'cotheme codings').")
    return parts


def split(
    project: ProjectArg,
    code: Annotated[str, typer.Argument(help="The code to split (name, path or id).")],
    into: Annotated[list[str], typer.Option("--into", help="NEW_NAME=CODING_ID,CODING_ID; repeat for each new code.")],
    remove: Annotated[bool, typer.Option("--remove", help="Delete the old code (every coding must be reassigned).")] = False,
    rationale: RationaleOpt = "",
) -> None:
    """Split a code: new codes beside it take the codings you list for each.

    Example: cotheme codebook split study.cotheme "Support" --into "Peer support=12,15" --into "Family support=13"
    """
    with opened(project) as p:
        made = p.codes.split(code, _parts(into), keep=not remove, rationale=rationale)
    say(f"Split '{code}' into {', '.join(repr(c.path_text) for c in made)}.")


def delete(
    project: ProjectArg,
    code: Annotated[str, typer.Argument(help="The code to delete (name, path or id).")],
    move_to: Annotated[str | None, typer.Option("--move-to", help="Move its codings and memos to this code first.")] = None,
    rationale: RationaleOpt = "",
) -> None:
    """Delete a code; refused while it has codings, memos or sub-codes unless --move-to takes them.

    Example: cotheme codebook delete study.cotheme "Misc" --move-to "Other"
    """
    with opened(project) as p:
        p.codes.delete(code, move_to=move_to, rationale=rationale)
    say(f"Deleted '{code}'.")


def audit(
    project: ProjectArg,
    table: Annotated[str | None, typer.Option("--table", help="Only changes to codings, documents, cases, members, codes, ...")] = None,
    since: Annotated[str | None, typer.Option("--since", help="From this date (YYYY-MM-DD) on.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many (newest first).")] = 200,
    out: Annotated[str | None, typer.Option("--out", help="Write the whole trail (or --table/--since) to this new .csv file.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """The audit trail: every change to codings, documents, cases, members and the codebook.

    Example: cotheme audit study.cotheme --since 2025-03-01 --out audit.csv
    """
    with opened(project) as p:
        if out is not None:
            written = p.team.export_audit(out, table=table, since=since)
            say(f"Wrote {written}.")
            return
        entries = p.team.audit(table=table, since=since, limit=limit)
    if as_json:
        print_json(entries)
        return
    print_table("Audit trail (newest first)", ["id", "time (UTC)", "who", "action", "table", "row", "after"],
                ([e.id, e.at.strftime("%Y-%m-%d %H:%M:%S"), e.actor, e.action, e.table, e.row_id,
                  (e.after or "")[:80]] for e in entries))
