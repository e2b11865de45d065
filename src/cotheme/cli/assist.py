"""Private coding suggestions on the command line: ``cotheme index``, ``cotheme suggest``,
``cotheme similar`` and the ``cotheme assist`` group (on, off, status, accept, themes).

Everything runs on the local model; without the optional extra each command says how to install it.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from cotheme.cli.context import JsonOpt, ProjectArg, opened
from cotheme.cli.output import Group, err, print_json, print_table, say
from cotheme.domain.plural import counted

app = typer.Typer(cls=Group, help="Private coding suggestions: turn them on or off, accept, candidate themes.",
                  no_args_is_help=True)

TopOpt = Annotated[int, typer.Option("--top", min=1, max=200, help="How many to show.")]
MemberOpt = Annotated[str | None, typer.Option("--coder", help="Who accepts (default: the only member).")]


def index(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """Embed the turns and sentences of every transcript not embedded yet (changed ones again), locally.

    Example: cotheme index study.cotheme
    """
    with opened(project) as p, Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=err, transient=True,
    ) as bar:
        task = bar.add_task("Embedding passages", total=None)

        def advance(done: int, total: int, title: str) -> None:
            bar.update(task, completed=done, total=total, description=f"Embedding {title}")

        report = p.index(advance)
    if as_json:
        print_json(report)
        return
    say(f"Indexed {counted(report.embedded, 'document')} ({report.unchanged} unchanged) with {report.model}: "
        f"{report.passages} passages in all, {report.seconds:.1f} s.")


def suggest(
    project: ProjectArg,
    text: Annotated[str | None, typer.Option("--text", help="The passage to suggest codes for.")] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Or a document (id or title) with --start and --end.")] = None,
    start: Annotated[int | None, typer.Option("--start", help="Start offset (code points).")] = None,
    end: Annotated[int | None, typer.Option("--end", help="End offset (code points, exclusive).")] = None,
    top: TopOpt = 5,
    as_json: JsonOpt = False,
) -> None:
    """Suggest codes for a passage, best first, from each code's definition, notes and coded extracts.

    Example: cotheme suggest study.cotheme --text "I waited four months to be seen" --top 3
    """
    with opened(project) as p:
        found = p.suggest(text, document=doc, start=start, end=end, top=top)
    if as_json:
        print_json([{"code": s.path, "score": s.score} for s in found])
        return
    print_table("Suggested codes (score: fit to the code's definition and coded extracts; higher fits better)",
                ["code", "score"],
                ([s.path, f"{s.score:.2f}"] for s in found))


def similar(
    project: ProjectArg,
    code: Annotated[str, typer.Option("--code", help="Code name or Parent/Child path.")],
    top: TopOpt = 10,
    include_interviewer: Annotated[bool, typer.Option(
        "--include-interviewer", help="Also the interviewer's turns (left out by default).")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Passages across all transcripts most like a code's extracts and definition, not yet coded with it.

    The interviewer's turns are left out unless --include-interviewer is given.

    Example: cotheme similar study.cotheme --code "Waiting" --top 5
    """
    with opened(project) as p:
        found = p.similar(code, top=top, include_interviewer=include_interviewer)
    if as_json:
        print_json({"passages": list(found.passages), "considered": found.considered,
                    "interviewer_left_out": found.interviewer_left_out, "summary": found.summary})
        return
    hint = " (include them with --include-interviewer)" if found.interviewer_left_out else ""
    say(found.summary[:-1] + hint + ".")
    print_table(
        f"Passages like '{code}' (accept one with 'cotheme assist accept PROJECT --code NAME PASSAGE')",
        ["passage", "document", "span", "score", "text"],
        ([s.passage_id, s.document, f"{s.start}-{s.end}", f"{s.score:.2f}", s.text] for s in found),
    )


@app.command("evaluate")
def evaluate(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """Evaluate the suggestions as a coder: each coded passage hidden in turn, compared with the people's codes.

    Reports top-1 and top-3 (the first suggestion, or one of the first three, is a code people gave the
    passage) and Cohen's kappa per code between the first suggestion and the people, with the number of
    codings each code had; the methods report quotes the overall figures.

    Example: cotheme assist evaluate study.cotheme --json
    """
    with opened(project) as p:
        found = p.assist_evaluate()
    if as_json:
        print_json(found)
        return
    hidden = "one at a time" if found.folds == found.passages else f"in {found.folds} groups"
    say(f"{counted(found.passages, 'coded passage')} hidden {hidden}; first suggestion right for "
        f"{_share(found.top1)}, among the first three for {_share(found.top3)}; mean kappa per code "
        f"{_number(found.kappa)} ({found.model}).")
    print_table("Agreement per code (kappa: first suggestion against the people's codes)",
                ["code", "codings", "tested", "top-1", "top-3", "kappa", "suggested"],
                ([a.code, a.examples, a.tested, _share(a.top1), _share(a.top3), _number(a.kappa),
                  "yes" if a.suggestible else "no"] for a in found.per_code))


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


@app.command("on")
def turn_on(project: ProjectArg) -> None:
    """Allow coding suggestions in this project (the default).

    Example: cotheme assist on study.cotheme
    """
    with opened(project) as p:
        p.set_assist(True)
    say("Coding suggestions are on; run 'cotheme index' to embed the transcripts.")


@app.command("off")
def turn_off(project: ProjectArg) -> None:
    """Turn coding suggestions off completely: every command refuses and the cached passages are deleted.

    Example: cotheme assist off study.cotheme
    """
    with opened(project) as p:
        deleted = p.set_assist(False)
    say(f"Coding suggestions are off; {deleted} cached passage(s) deleted. Codings made earlier keep their provenance.")


@app.command("status")
def status(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """Whether suggestions are installed and allowed, the model, what is indexed, how many were accepted.

    Example: cotheme assist status study.cotheme --json
    """
    with opened(project) as p:
        info = p.assist_status()
    if as_json:
        print_json(info)
        return
    say(f"Installed: {'yes' if info.installed else 'no'}; allowed in this project: {'yes' if info.enabled else 'no'}.")
    say(f"Model: {info.model}. Indexed {info.indexed} of {counted(info.documents, 'document')}, {info.passages} passages. "
        f"Accepted suggestions: {info.accepted}.")
    for note in info.notes:
        say(note)


@app.command("accept")
def accept(
    project: ProjectArg,
    passages: Annotated[list[int], typer.Argument(help="Passage ids from 'cotheme similar'.")],
    code: Annotated[str, typer.Option("--code", help="Code name or Parent/Child path.")],
    coder: MemberOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Code passages found by 'cotheme similar': normal codings recorded with model, score, time and coder.

    Example: cotheme assist accept study.cotheme --code "Waiting" 812 815
    """
    with opened(project) as p:
        made = [p.accept_similar(passage, code=code, member=coder) for passage in passages]
    if as_json:
        print_json(made)
        return
    for extract in made:
        say(f"Coding {extract.id}: '{extract.code_path}' on {extract.document} {extract.start}-{extract.end}.")


@app.command("themes")
def themes(
    project: ProjectArg,
    groups: Annotated[int | None, typer.Option("--groups", min=1, help="How many groups (default: the square root of the number of codes).")] = None,
    extracts: Annotated[int, typer.Option("--extracts", min=0, max=20, help="Extracts shown per group.")] = 3,
    as_json: JsonOpt = False,
) -> None:
    """Candidate themes: codes grouped by their definitions and extracts, with the extracts that tie each group.

    Example: cotheme assist themes study.cotheme --groups 4
    """
    with opened(project) as p:
        found = p.candidate_themes(groups, extracts)
    if as_json:
        print_json(found)
        return
    if not found:
        say("No group of two or more codes; try fewer groups (--groups).")
    for theme in found:
        print_table(
            f"Candidate theme {theme.number} (cohesion {theme.cohesion:.2f}): " + "; ".join(theme.codes),
            ["coding", "code", "extract"],
            ([c, path, text] for c, path, text in theme.extracts),
        )
