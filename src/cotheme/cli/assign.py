"""``cotheme assign``, ``cotheme progress`` and ``cotheme docs blind|reveal``: sharing the transcripts
out among coders and seeing how far each is."""

from __future__ import annotations

from typing import Annotated

import typer

from cotheme.cli.context import JsonOpt, ProjectArg, opened
from cotheme.cli.output import print_json, print_table, say
from cotheme.domain.plain import plain
from cotheme.domain.team import summarise


def assign(
    project: ProjectArg,
    doc: Annotated[str, typer.Option("--doc", help="Document id or title.")],
    coder: Annotated[list[str] | None, typer.Option("--coder", help="A coder's name; repeat for several.")] = None,
    all_coders: Annotated[bool, typer.Option("--all-coders", help="Every coder (a calibration transcript).")] = False,
    remove: Annotated[bool, typer.Option("--remove", help="Take the document back from these coders.")] = False,
    blind: Annotated[bool | None, typer.Option("--blind/--open", help="Also make it blind (each coder sees only their own codings) or open.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Assign a document to one or several coders (or take it back).

    Example: cotheme assign study.cotheme --doc P01 --all-coders --blind
    """
    with opened(project) as p:
        given = p.team.assign(doc, coder or [], remove=remove, blind=blind, everyone=all_coders)
    if as_json:
        print_json(given)
        return
    if not given:
        say(f"{doc} is assigned to nobody now.")
        return
    state = "blind" if given[0].blind else "open"
    say(f"{given[0].document} ({state}) is assigned to {', '.join(a.coder for a in given)}.")


def progress(
    project: ProjectArg,
    coder: Annotated[str | None, typer.Option("--coder", help="Only this coder.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Progress per coder and document: share of turns with at least one of the coder's codings.

    Example: cotheme progress study.cotheme --json
    """
    with opened(project) as p:
        rows = p.team.progress(coder)
    if as_json:
        print_json({"rows": [dict(plain(r), share=round(r.share, 4)) for r in rows],
                    "by_coder": summarise(rows, "coder"), "by_document": summarise(rows, "document")})
        return
    print_table("Progress", ["document", "coder", "assigned", "blind", "coded turns", "share", "codings"],
                ([r.document, r.coder, "yes" if r.assigned else "no", "yes" if r.blind else "",
                  f"{r.coded_turns}/{r.turns}", f"{r.share:.0%}", r.codings] for r in rows))
    print_table("By coder (assigned documents)", ["coder", "documents", "codings", "mean share"],
                ([s.name, s.documents, s.codings, f"{s.mean_share:.0%}"] for s in summarise(rows, "coder")))


def blind(
    project: ProjectArg,
    docs: Annotated[list[str], typer.Argument(help="Document ids or titles.")],
) -> None:
    """Make documents blind: each coder sees only their own codings until a lead reveals them.

    Example: cotheme docs blind study.cotheme P01
    """
    with opened(project) as p:
        for doc in docs:
            p.team.set_blind(doc, True)
    say(f"Blind now: {', '.join(docs)}. Coders see only their own codings there.")


def reveal(
    project: ProjectArg,
    docs: Annotated[list[str], typer.Argument(help="Document ids or titles.")],
) -> None:
    """Reveal blind documents: everyone sees all codings again.

    Example: cotheme docs reveal study.cotheme P01
    """
    with opened(project) as p:
        for doc in docs:
            p.team.set_blind(doc, False)
    say(f"Open now: {', '.join(docs)}. Everyone sees every coding.")
