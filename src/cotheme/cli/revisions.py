"""``cotheme docs edit``, ``docs revisions``, ``docs text`` and ``cotheme review``: correcting transcripts
and placing the codings an edit left unsure. The ``docs`` commands are registered on the ``docs`` group
of ``cli.documents``; ``review`` is registered by ``cli.main``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cotheme.cli import documents
from cotheme.cli.context import JsonOpt, ProjectArg, opened
from cotheme.cli.output import print_json, print_table, say
from cotheme.domain.revisions import EditResult, ReviewItem
from cotheme.errors import InvalidArgument, NotFound
from cotheme.services.outputs import write_output
from cotheme.domain.plural import counted


@documents.app.command("edit")
def edit(
    project: ProjectArg,
    doc: Annotated[str, typer.Option("--doc", help="Document id or title.")],
    replace: Annotated[str | None, typer.Option("--replace", help="Text to replace (must occur once, or use --all).")] = None,
    with_text: Annotated[str | None, typer.Option("--with", help="What to put instead (may be empty).")] = None,
    every: Annotated[bool, typer.Option("--all", help="Replace every occurrence of --replace.")] = False,
    from_file: Annotated[Path | None, typer.Option("--from-file", help="A whole corrected text (UTF-8, as 'cotheme docs text' writes it).")] = None,
    start: Annotated[int | None, typer.Option("--start", help="Replace the span start-end (code points) with --with.")] = None,
    end: Annotated[int | None, typer.Option("--end", help="End of the span (exclusive).")] = None,
    reason: Annotated[str, typer.Option("--reason", help="Why: 'misheard word', 'speakers swapped', ...")] = "",
    author: Annotated[str | None, typer.Option("--author", help="Member making the edit (default: the only member).")] = None,
    expect: Annotated[int | None, typer.Option("--expect-revision", help="Refuse if the document is no longer at this revision.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Correct a transcript: a new revision; every coding is carried to it (or queued for review).

    Example: cotheme docs edit study.cotheme --doc P03 --replace "Connor" --with "Conor" --all --reason "name spelling"
    """
    new_text = None
    if from_file is not None:
        if not from_file.is_file():
            raise NotFound(f"{from_file}: no such file; check the path.")
        try:
            new_text = from_file.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise InvalidArgument(f"{from_file}: is not UTF-8 text; save it as UTF-8 and try again.") from None
    with opened(project) as p:
        result = p.documents.edit(doc, replace=replace, with_text=with_text, all=every, start=start, end=end,
                                 new_text=new_text, author=author, reason=reason, expected_revision=expect)
    if as_json:
        print_json(result)
        return
    say(_summary(result))


def _summary(result: EditResult) -> str:
    counts = ", ".join(f"{n} {status}" for status, n in sorted(result.codings.items())) or "no codings"
    line = (f"{result.title}: revision {result.revision} ({counted(result.replacements, 'place')} changed); codings: {counts}.")
    if result.review:
        ids = " ".join(str(i) for i in result.review)
        line += f" Needs review: {ids} (see 'cotheme review')."
    return line


@documents.app.command("revisions")
def history(
    project: ProjectArg,
    doc: Annotated[str, typer.Argument(help="Document id or title.")],
    as_json: JsonOpt = False,
) -> None:
    """List a transcript's revisions: number, author, time, reason, size, de-identified.

    Example: cotheme docs revisions study.cotheme P03
    """
    with opened(project) as p:
        found = p.documents.revisions(doc)
    if as_json:
        print_json(found)
        return
    print_table(
        "Revisions", ["revision", "author", "when", "reason", "words", "de-identified", "current"],
        ([r.number, r.author, r.created_at.strftime("%Y-%m-%d %H:%M"), r.reason, r.words,
          "yes" if r.deidentified else "", "*" if r.current else ""] for r in found),
    )


@documents.app.command("text")
def text(
    project: ProjectArg,
    doc: Annotated[str, typer.Argument(help="Document id or title.")],
    revision: Annotated[int | None, typer.Option("--revision", help="An earlier revision (default: the current one).")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write the text to this file (to edit it and give it back with --from-file).")] = None,
) -> None:
    """Print (or write) a transcript's plain text at a revision, one turn per line, no speaker labels.

    Example: cotheme docs text study.cotheme P03 --out P03.txt
    """
    with opened(project) as p:
        document = p.documents.revision(doc, revision) if revision is not None else p.documents.get(doc)
    if out is None:
        say(document.text)
        return
    write_output(out, document.text.encode("utf-8"))
    say(f"Wrote revision {document.revision} of {document.title} to {out}.")


def review(
    project: ProjectArg,
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document.")] = None,
    everything: Annotated[bool, typer.Option("--all", help="Also codings placed by a fuzzy search or edited inside.")] = False,
    place: Annotated[int | None, typer.Option("--place", help="Place this coding (at --start/--end, else at its suggestion).")] = None,
    start: Annotated[int | None, typer.Option("--start", help="Start offset in the current revision.")] = None,
    end: Annotated[int | None, typer.Option("--end", help="End offset (exclusive).")] = None,
    remove: Annotated[int | None, typer.Option("--remove", help="Delete this coding from the queue for good.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """The codings an edit could not carry with confidence; place or remove them.

    Example: cotheme review study.cotheme --place 42 --start 1200 --end 1288
    """
    with opened(project) as p:
        if place is not None:
            item = p.codings.place(place, start=start, end=end)
            _done(as_json, item, f"Coding {place} placed at {item.start}-{item.end}: '{item.quote}'.")
            return
        if remove is not None:
            p.codings.remove_from_review(remove)
            _done(as_json, {"removed": remove}, f"Coding {remove} removed.")
            return
        items = p.codings.review_queue(document=doc, everything=everything)
    if as_json:
        print_json(items)
        return
    print_table(
        f"{counted(len(items), 'coding')} to review",
        ["id", "document", "code", "status", "score", "text (old)", "on rev", "suggestion"],
        ([i.coding_id, i.document, i.code, i.status, "" if i.score is None else f"{i.score:.2f}", _old(i),
          f"{i.on_revision}/{i.current_revision}", _suggested(i)] for i in items),
    )


def _done(as_json: bool, value: object, sentence: str) -> None:
    if as_json:
        print_json(value)
    else:
        say(sentence)


def _old(item: ReviewItem) -> str:
    return item.quote if item.old_quote is None else f"{item.quote}  (was: {item.old_quote})"


def _suggested(item: ReviewItem) -> str:
    if item.suggestion is None:
        return ""
    start, end, words, score = item.suggestion
    return f"{start}-{end} '{words}' ({score:.2f})"
