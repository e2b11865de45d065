"""The second reader on the command line, as subcommands of ``cotheme assist``: ``misfits`` (coded
passages least like their code), ``draft`` (a draft from the team's own language model, streamed, shown
with the extracts it was given), ``accept-draft`` (save a draft a person accepted, as written or edited)
and ``drafts`` (what was accepted, with provenance).

The catalog loads the ``assist`` group from here, so these commands join the ones in ``cli/assist.py``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from cotheme.cli.assist import app
from cotheme.cli.context import JsonOpt, ProjectArg, interactive, opened
from cotheme.cli.output import err, print_json, print_table, say
from cotheme.errors import InvalidArgument

__all__ = ["app"]

CodeOpt = Annotated[str | None, typer.Option("--code", help="Code name or Parent/Child path.")]


@app.command("misfits")
def misfits(
    project: ProjectArg,
    code: CodeOpt = None,
    top: Annotated[int, typer.Option("--top", min=1, max=200, help="How many per code.")] = 5,
    as_json: JsonOpt = False,
) -> None:
    """Coded passages least like their code's other passages and definition, with the nearest other code.

    Example: cotheme assist misfits study.cotheme --code "Waiting" --top 5
    """
    with opened(project) as p:
        found = p.misfits(code, top=top)
    if as_json:
        print_json([{**_plain(m), "reason": m.reason} for m in found])
        return
    if not found:
        say("No code has two or more codings to compare yet.")
        return
    print_table("Coded passages least like their code (score above 0: closer to another code)",
                ["coding", "code", "document", "score", "reason", "text"],
                ([m.coding_id, m.code, m.document, f"{m.score:.2f}", m.reason, m.text] for m in found))


def _plain(value: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(value)


@app.command("draft")
def draft(
    project: ProjectArg,
    code: CodeOpt = None,
    theme: Annotated[str | None, typer.Option("--theme", help="A theme's name: draft its summary.")] = None,
    candidate: Annotated[int | None, typer.Option("--candidate", min=1, help="A candidate theme's number from 'cotheme assist themes': draft its name and definition.")] = None,
    groups: Annotated[int | None, typer.Option("--groups", min=1, help="With --candidate: the --groups given to 'cotheme assist themes'.")] = None,
    extracts: Annotated[int, typer.Option("--extracts", min=1, max=40, help="How many extracts to give the model.")] = 12,
    seed: Annotated[int, typer.Option("--seed", help="The seed asked of the model (recorded with the draft).")] = 0,
    out: Annotated[Path | None, typer.Option("--out", help="Keep the draft in this new .json file, to accept later with 'cotheme assist accept-draft'.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Draft a code's definition, a theme's summary or a candidate theme with the team's own language model.

    Shows the extracts the model was given and streams its answer; nothing is saved until a person
    accepts it (asked here in a terminal, or later with 'cotheme assist accept-draft PROJECT FILE').
    The endpoint is set with COTHEME_LLM_URL, COTHEME_LLM_API and COTHEME_LLM_MODEL (docs/assist.md).

    Example: cotheme assist draft study.cotheme --code "Waiting" --out waiting-draft.json
    """
    if out is not None and out.exists():
        raise InvalidArgument(f"{out} already exists; choose a new file name.")
    with opened(project) as p:
        made: dict[str, Any] | None = None
        for event in p.draft_stream(code=code, theme=theme, candidate=candidate, groups=groups,
                                    extracts=extracts, seed=seed):
            if event["type"] == "extracts" and not as_json:
                print_table(f"Extracts given to the model for '{event['target']}' (prompt {event['prompt']})",
                            ["n", "coding", "code", "extract"],
                            ([e["number"], e["coding_id"], e["code"], e["text"]] for e in event["extracts"]))
            elif event["type"] == "text" and not as_json:
                err.out(event["text"], end="", highlight=False)
            elif event["type"] == "draft":
                made = event["draft"]
        if made is None:
            raise InvalidArgument("The drafts endpoint stopped before the draft was complete; nothing was saved.")
        if out is not None:
            out.write_text(json.dumps(made, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        if as_json:
            print_json(made)
            return
        err.print()
        _show(made)
        if out is None and interactive():
            _decide(p, made)
        else:
            say("Nothing is saved. Accept it with 'cotheme assist accept-draft PROJECT FILE' (a file from --out).")


def _show(made: dict[str, Any]) -> None:
    prov = made["provenance"]
    say(f"Draft for '{made['target']}' by {prov['model']} at {prov['endpoint']} "
        f"(digest {prov['digest'] or 'not reported'}; prompt {prov['prompt']}; seed {prov['seed']})"
        + (" - cut at the length limit." if made["truncated"] else "."))
    for name, value in made["fields"].items():
        say(f"{name}: {value or '(missing)'}")
    if made["cited"]:
        say("Cites extracts " + ", ".join(str(n) for n in made["cited"]) + ".")


def _decide(p: Any, made: dict[str, Any]) -> None:
    choice = typer.prompt("Accept (a), edit then accept (e), or reject (r)?", default="r", err=True).strip().lower()
    if choice.startswith("a"):
        _saved(p.accept_draft(made))
    elif choice.startswith("e"):
        edited = typer.edit(made["text"])
        if edited is None or not edited.strip():
            say("Nothing was saved.")
            return
        _saved(p.accept_draft(made, text=edited))
    else:
        say("Rejected; nothing was saved.")


def _saved(saved: Any) -> None:
    say(f"Saved draft {saved.id} for '{saved.target}'{' as edited' if saved.edited else ''}, accepted by "
        f"{saved.accepted_by}; its provenance is in the audit trail and the methods report.")


@app.command("accept-draft")
def accept_draft(
    project: ProjectArg,
    file: Annotated[Path, typer.Argument(help="A draft kept with 'cotheme assist draft --out FILE'.")],
    text_file: Annotated[Path | None, typer.Option("--text-file", help="The draft as you edited it (same labelled form), instead of as written.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Save a draft you read and accept, as written or as you edited it, with its provenance.

    Example: cotheme assist accept-draft study.cotheme waiting-draft.json --text-file waiting-edited.txt
    """
    try:
        made = json.loads(file.read_text(encoding="utf-8"))
        text = None if text_file is None else text_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InvalidArgument(f"{file.name}: cannot read the draft ({exc.__class__.__name__}).") from None
    if not isinstance(made, dict):
        raise InvalidArgument(f"{file.name}: that is not a draft saved by 'cotheme assist draft --out FILE'.")
    with opened(project) as p:
        saved = p.accept_draft(made, text=text)
    if as_json:
        print_json(saved)
        return
    _saved(saved)


@app.command("drafts")
def drafts(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """Drafts people accepted, with their provenance: endpoint, model, digest, prompt, seed, who and when.

    Example: cotheme assist drafts study.cotheme --json
    """
    with opened(project) as p:
        found = p.drafts()
    if as_json:
        print_json(found)
        return
    print_table("Accepted drafts", ["id", "kind", "for", "model", "prompt", "accepted by", "at", "edited"],
                ([d.id, d.kind.value, d.target, d.provenance.model, d.provenance.prompt, d.accepted_by, d.accepted_at,
                  "yes" if d.edited else "no"] for d in found))
