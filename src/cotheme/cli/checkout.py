"""``cotheme checkout``, ``cotheme checkin`` and ``cotheme checkins``: offline working copies and the
lead's queue of what came back."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from cotheme.cli.context import JsonOpt, ProjectArg, interactive, opened
from cotheme.cli.output import print_json, print_table, say
from cotheme.domain.plain import plain
from cotheme.domain.checkout import CheckinSummary
from cotheme.errors import InputError, InvalidArgument
from cotheme.services import remote_copy


def checkout(
    project: ProjectArg,
    out: Annotated[Path, typer.Argument(help="The working copy to write (a new .cotheme file).", show_default=False)],
    member: Annotated[str, typer.Option("--member", help="Whose working copy: their codings and memos travel.")],
    docs: Annotated[list[str] | None, typer.Option("--docs", help="A transcript to take (title or id); repeat "
                                                   "for several. Default: those assigned to the member.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Make a member's working copy for coding offline: their transcripts, the codebook, their own codings.

    PROJECT may be a team server's address (https://…): the copy is then downloaded as that member
    (password from COTHEME_PASSWORD, or asked), and checks in to the server.

    Example: cotheme checkout https://cotheme.example.ac.uk ann-train.cotheme --member Ann

    Example: cotheme checkout postgresql://cotheme@db/study ann-train.cotheme --member Ann

    Example: cotheme checkout study.cotheme ann.cotheme --member Ann --docs P03 --docs P07
    """
    if remote_copy.is_server(project):
        remote_copy.checkout(project, member, _password(project, member), out, docs or None)
        say(f"Downloaded {member}'s working copy from {project} to {out}. Code in it with any cotheme command "
            f"(or cotheme serve), then bring it back with: cotheme checkin {out}")
        return
    with opened(project) as p:
        made = p.checkout(out, member, docs or None)
    if as_json:
        print_json({"path": str(made.path), "member": made.member, "documents": list(made.documents),
                    "codings": made.codings, "guid": made.guid})
        return
    say(f"Wrote {made.member}'s working copy to {made.path}: {', '.join(made.documents)} "
        f"with {made.codings} of their codings. Code in it with any cotheme command (or cotheme serve), "
        f"then bring it back with: cotheme checkin {made.path}")


def checkin(
    copy: Annotated[Path, typer.Argument(help="The working copy made by 'cotheme checkout'.", show_default=False)],
    into: Annotated[str | None, typer.Option("--into", help="The project to merge into (default: the one the "
                                             "copy was made from).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Merge a working copy back: new codings and memos added, codebook changes proposed, conflicts queued.

    Example: cotheme checkin ann-train.cotheme

    Example: cotheme checkin ann.cotheme --into postgresql://cotheme@db/study
    """
    import cotheme

    if into is None:
        with cotheme.open_project(copy) as working:
            into = working.copy_origin()
            member = working.copy_owner(copy) if remote_copy.is_server(into) else ""
    if remote_copy.is_server(into):
        figures = remote_copy.checkin(into, member, _password(into, member), copy)
        summary = CheckinSummary(figures["member"], figures["added"], figures["changed"], figures["deleted"],
                                 figures["to_review"], figures["queued"])
    else:
        with opened(into) as p:
            summary = p.checkin(copy)
    if as_json:
        print_json(summary.as_json())
        return
    parts = [f"{n} {kind}" for kind, n in summary.added.items()]
    changed = [f"{n} {kind}" for kind, n in summary.changed.items()]
    deleted = [f"{n} {kind}" for kind, n in summary.deleted.items()]
    say(f"Checked in {summary.member}'s working copy into {into}.")
    say(f"Added: {', '.join(parts) or 'nothing'}. Changed: {', '.join(changed) or 'nothing'}. "
        f"Deleted: {', '.join(deleted) or 'nothing'}.")
    if summary.to_review:
        say(f"{summary.to_review} coding(s) on text corrected since wait in the review queue (cotheme review).")
    for sentence in summary.queued:
        say(f"For a lead to decide: {sentence}")
    if summary.queued:
        say(f"See them with: cotheme checkins {into}")


def _password(server: str, member: str) -> str:
    """The member's password for a team server: COTHEME_PASSWORD, else asked (never an option)."""
    given = os.environ.get("COTHEME_PASSWORD")
    if given:
        return given
    if not interactive():
        raise InputError(f"{server} needs {member}'s password: set COTHEME_PASSWORD, or run the command in a terminal.")
    return str(typer.prompt(f"{member}'s password on {server}", hide_input=True, err=True))


def checkins(
    project: ProjectArg,
    accept: Annotated[int | None, typer.Option("--accept", help="Take the copy's side of this item.")] = None,
    reject: Annotated[int | None, typer.Option("--reject", help="Keep the project's side of this item.")] = None,
    move_to: Annotated[str | None, typer.Option("--move-to", help="Rejecting a code added offline (or accepting "
                                                "a deletion): the code its codings move into.")] = None,
    every: Annotated[bool, typer.Option("--all", help="Also the items already decided.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """What check-ins left for a lead: codebook proposals and conflicts; accept or reject each.

    Example: cotheme checkins study.cotheme

    Example: cotheme checkins study.cotheme --reject 4 --move-to "Waiting times"
    """
    if accept is not None and reject is not None:
        raise InvalidArgument("Give --accept or --reject, not both.")
    with opened(project) as p:
        if accept is not None or reject is not None:
            item = p.decide_merge_item(accept if accept is not None else reject, accept is not None, move_to=move_to)
            say(f"Item {item.id} {item.status}: {item.sentence}")
            return
        items = p.merge_items(None if every else "open")
    if as_json:
        print_json([plain(i) for i in items])
        return
    if not items:
        say("Nothing waits for a decision." if not every else "No check-in has left anything to decide.")
        return
    print_table("From offline copies", ["id", "from", "kind", "status", "what"],
                ([i.id, i.member, i.kind, i.status, i.sentence] for i in items))

