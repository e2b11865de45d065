"""``cotheme calibrate``: calibration sessions on one transcript (start blind, reveal, close with decisions)."""

from __future__ import annotations

from typing import Annotated

import typer

from cotheme.cli.context import JsonOpt, ProjectArg, opened
from cotheme.cli.output import print_json, print_table, say
from cotheme.domain.plain import plain
from cotheme.errors import InvalidArgument


def calibrate(
    project: ProjectArg,
    doc: Annotated[str | None, typer.Option("--doc", help="The transcript (title or id).")] = None,
    start: Annotated[bool, typer.Option("--start", help="Open a session: assign it to the coders and make it blind.")] = False,
    coder: Annotated[list[str] | None, typer.Option("--coder", help="With --start: only these coders (default: every coder).")] = None,
    reveal: Annotated[bool, typer.Option("--reveal", help="Show everyone's codings side by side.")] = False,
    close: Annotated[str | None, typer.Option("--close", help="Close the session with the decisions the team made.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Calibration sessions: everyone codes one transcript blind, then it is revealed side by side to agree.

    Example: cotheme calibrate study.cotheme --doc P01 --start

    Example: cotheme calibrate study.cotheme --doc P01 --reveal

    Example: cotheme calibrate study.cotheme --doc P01 --close "Waiting covers referral to first contact only."
    """
    actions = sum((start, reveal, close is not None))
    if actions > 1:
        raise InvalidArgument("Give one of --start, --reveal or --close.")
    if actions and doc is None:
        raise InvalidArgument("Name the transcript with --doc.")
    with opened(project) as p:
        if start:
            session = p.start_calibration(doc, coder or ())
            say(f"Calibration on {session.document}: assigned to {', '.join(session.coders)}, blind until you "
                f"reveal it (cotheme calibrate {project} --doc {doc} --reveal).")
            return
        if reveal:
            session = p.reveal_calibration(doc)
            say(f"Revealed {session.document}: everyone's codings show side by side in the reader (lanes by coder); "
                "take disagreements into the consensus layer with cotheme reconcile.")
            return
        if close is not None:
            session = p.close_calibration(doc, close)
            say(f"Closed the calibration on {session.document}; the decisions are kept with it and as a memo.")
            return
        found = p.calibrations()
    if as_json:
        print_json([plain(s) | {"state": s.state} for s in found])
        return
    if not found:
        say("No calibration session yet: start one with --doc TITLE --start.")
        return
    print_table("Calibration sessions", ["transcript", "state", "coders (codings)", "decisions"],
                ([s.document, s.state, ", ".join(f"{c} ({n})" for c, n in s.codings.items()), s.decisions]
                 for s in found))
