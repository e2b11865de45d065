"""``cotheme deid``: find identifiers in transcripts, decide on each, apply the replacements as a new
revision, keep the team's list of names (and the reject list: its ignored strings), review by string
across all transcripts, and the "de-identified exports only" setting. The residual risk report is
``cotheme report deid-risk``.

The key's passphrase comes from ``COTHEME_DEID_PASSPHRASE`` or is asked for (never an option: it
would stay in the shell history)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cotheme.cli.context import JsonOpt, ProjectArg, opened
from cotheme.cli.output import Group, print_json, print_table, say
from cotheme.domain.deid import Candidate
from cotheme.domain.deid_groups import CandidateGroup, decision_sentence
from cotheme.errors import InvalidArgument
from cotheme.services.deid_key import PASSPHRASE_ENV, passphrase_from_env
from cotheme.domain.plural import counted

app = typer.Typer(cls=Group, help="De-identify transcripts: scan, review, apply.", no_args_is_help=True)

DocsOpt = Annotated[list[str] | None, typer.Option("--docs", help="Only these documents (id or title); repeatable or comma-separated.")]


def _docs(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [d.strip() for v in values for d in v.split(",") if d.strip()]


@app.command("scan")
def scan(
    project: ProjectArg,
    docs: DocsOpt = None,
    no_model: Annotated[bool, typer.Option("--no-model", help="Patterns and the project's list only.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Find candidate identifiers (names, places, streets, organisations and services, schools,
    workplaces, dates, ages, phone numbers, emails, web addresses, social-media handles, NHS numbers,
    UK postcodes) in the current revision of each transcript.

    Example: cotheme deid scan study.cotheme --docs P01,P02
    """
    with opened(project) as p:
        report = p.deid.scan(_docs(docs), use_model=not no_model)
    if as_json:
        print_json(report)
        return
    print_table(
        f"Scanned {counted(len(report.documents), 'document')}, {report.words} words in {report.seconds:.1f} s "
        f"({report.model or 'patterns and list only'})",
        ["document", "revision", "candidates", "by kind"],
        ([d.document, d.revision, d.candidates, ", ".join(f"{k} {n}" for k, n in sorted(d.by_kind.items()))]
         for d in report.documents),
    )
    if report.note:
        say(report.note)
    say("Review them with 'cotheme deid review', then 'cotheme deid apply'.")


@app.command("review")
def review(
    project: ProjectArg,
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document.")] = None,
    status: Annotated[str | None, typer.Option("--status", help="open, proposed, accepted or rejected (with --by-string also undecided or mixed).")] = None,
    by_string: Annotated[bool, typer.Option("--by-string", help="One row per string across all transcripts (count, kind, confidence, contexts).")] = False,
    kind: Annotated[str | None, typer.Option("--kind", help="With --by-string: only this kind (person, place, organisation, date, ...).")] = None,
    min_confidence: Annotated[float | None, typer.Option("--min-confidence", help="With --by-string: only groups at least this confident (0-1).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List the candidates with their context, status and the replacement they would get; --by-string
    groups them by string (any case, possessive "'s" folded) to accept or reject each everywhere.

    Example: cotheme deid review study.cotheme --by-string --kind person --min-confidence 0.7
    """
    if by_string:
        if doc is not None:
            raise InvalidArgument("--by-string groups every transcript; leave out --doc.")
        with opened(project) as p:
            groups = p.deid.groups(kind=kind, min_confidence=min_confidence, status=status)
        if as_json:
            print_json(groups)
            return
        print_table(
            f"{counted(len(groups), 'string')}, {counted(sum(g.count for g in groups), 'candidate')}",
            ["string", "kind", "count", "documents", "confidence", "status", "placeholder", "for example"],
            ([g.string, g.kind, g.count, g.documents, f"{g.confidence:.2f}", g.status, g.placeholder,
              _example(g)] for g in groups),
        )
        say("Decide each everywhere with 'cotheme deid accept PROJECT --string S' or 'cotheme deid reject PROJECT --string S'.")
        return
    if kind is not None or min_confidence is not None:
        raise InvalidArgument("--kind and --min-confidence go with --by-string.")
    with opened(project) as p:
        found = p.deid.candidates(document=doc, status=status)
    if as_json:
        print_json(found)
        return
    print_table(
        f"{counted(len(found), 'candidate')}",
        ["id", "document", "kind", "found by", "score", "status", "original in context", "replacement"],
        ([c.id, c.document, c.kind, c.source, f"{c.score:.2f}", c.status, _where(c), c.proposed] for c in found),
    )


def _example(g: CandidateGroup) -> str:
    c = g.contexts[0]
    if c.start is None or c.end is None:
        return f"{c.document}: {c.sentence}"
    return f"{c.document}: {c.sentence[:c.start]}«{c.sentence[c.start:c.end]}»{c.sentence[c.end:]}"


def _where(c: Candidate) -> str:
    return f"speaker label «{c.original}»" if c.field == "speaker" else c.context


IdsArg = Annotated[list[int] | None, typer.Argument(help="Candidate ids (from 'cotheme deid review').")]
StringOpt = Annotated[str | None, typer.Option("--string", help="Decide every candidate of this string, in every transcript (any case, possessive folded).")]
EverywhereOpt = Annotated[bool, typer.Option("--everywhere", help="Decide every undecided candidate of the same string too.")]
MemberOpt = Annotated[str | None, typer.Option("--member", help="Who decides (default: the only member).")]


@app.command("accept")
def accept(
    project: ProjectArg,
    ids: IdsArg = None,
    string: StringOpt = None,
    replacement: Annotated[str | None, typer.Option("--as", "--placeholder", help="Your own replacement, e.g. \"[participant's sister]\".")] = None,
    everywhere: EverywhereOpt = False,
    member: MemberOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Accept candidates (optionally with your own replacement); the same string is proposed everywhere.
    With --string, accept that string in every transcript at once.

    Example: cotheme deid accept study.cotheme --string "Priya" --placeholder "[participant's sister]"
    """
    _decide(project, ids, string, "accept", replacement, everywhere, member, as_json)


@app.command("reject")
def reject(project: ProjectArg, ids: IdsArg = None, string: StringOpt = None, everywhere: EverywhereOpt = False,
           member: MemberOpt = None, as_json: JsonOpt = False) -> None:
    """Reject candidates (not identifying); --everywhere also ignores the string in later scans. With
    --string, reject that string in every transcript and put it on the reject list.

    Example: cotheme deid reject study.cotheme --string "Dad"
    """
    _decide(project, ids, string, "reject", None, everywhere, member, as_json)


@app.command("undo")
def undo(project: ProjectArg, string: Annotated[str, typer.Argument(help="The string whose decision to undo.")],
         as_json: JsonOpt = False) -> None:
    """Make every candidate of a string undecided again (and take it off the reject list).

    Example: cotheme deid undo study.cotheme "Dad"
    """
    with opened(project) as p:
        done = p.deid.decide_string(string, "undo")
    if as_json:
        print_json(done)
        return
    say(decision_sentence(done))


def _decide(project: str, ids: list[int] | None, string: str | None, decision: str, replacement: str | None,
            everywhere: bool, member: str | None, as_json: bool) -> None:
    if bool(ids) == (string is not None):
        raise InvalidArgument("Give candidate ids or --string STRING (one of them).")
    if string is not None:
        with opened(project) as p:
            group = p.deid.decide_string(string, decision, placeholder=replacement, member=member)
        if as_json:
            print_json(group)
        else:
            say(decision_sentence(group))
        return
    with opened(project) as p:
        done = [p.deid.decide(i, decision, replacement=replacement, member=member, everywhere=everywhere)
                for i in ids or []]
    if as_json:
        print_json(done)
        return
    for d in done:
        c = d.candidate
        extra = f"; {d.same_string} other {'occurrence' if d.same_string == 1 else 'occurrences'} of '{c.original}' {'too' if everywhere else 'proposed the same'}" if d.same_string else ""
        say(f"Candidate {c.id} '{c.original}' {c.status} -> {c.proposed}{extra}.")


@app.command("apply")
def apply(
    project: ProjectArg,
    min_score: Annotated[float | None, typer.Option("--min-score", help="Also apply undecided candidates scoring at least this (0-1).")] = None,
    key: Annotated[Path | None, typer.Option("--key", help="The encrypted key file (default: PROJECT.deidkey beside a project file).")] = None,
    author: Annotated[str | None, typer.Option("--author", help="Member applying (default: the only member).")] = None,
    docs: DocsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Apply accepted replacements as a new revision of each transcript (codings carried), all or none.

    Example: COTHEME_DEID_PASSPHRASE=... cotheme deid apply study.cotheme --min-score 0.9
    """
    passphrase = passphrase_from_env()
    if passphrase is None:
        passphrase = typer.prompt("Passphrase of the de-identification key", hide_input=True, err=True, default="",
                                  show_default=False)
    if not passphrase:
        raise InvalidArgument(f"deid apply needs the key's passphrase: type it when asked, or set {PASSPHRASE_ENV}.")
    with opened(project) as p:
        report = p.deid.apply(passphrase=passphrase, key_path=key, min_score=min_score, author=author,
                              documents=_docs(docs))
    if as_json:
        print_json(report)
        return
    print_table(
        f"Applied to {counted(len(report.documents), 'document')}; key {report.key_file} holds {report.key_entries} entries",
        ["document", "replacements", "revision", "de-identified", "undecided", "codings"],
        ([d.document, d.replacements, d.revision, "yes" if d.deidentified else "no", d.undecided,
          ", ".join(f"{n} {s}" for s, n in sorted(d.codings.items()))] for d in report.documents),
    )


@app.command("names")
def names(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """The project's list: names to find (with role and replacement) and strings to ignore.

    Example: cotheme deid names study.cotheme
    """
    with opened(project) as p:
        found = p.deid.names()
    if as_json:
        print_json(found)
        return
    print_table("Names and ignored strings", ["name", "decision", "role", "replacement"],
                ([t.term, t.decision, t.role, t.replacement] for t in found))


@app.command("add-name")
def add_name(
    project: ProjectArg,
    name: Annotated[str, typer.Argument(help="A participant's or staff member's name as it may appear.")],
    role: Annotated[str, typer.Option("--role", help="participant, staff, family, ... (names the pseudonym).")] = "",
    replacement: Annotated[str, typer.Option("--as", help="Fixed replacement (default: the next pseudonym of the role).")] = "",
) -> None:
    """Add a name to the project's list; its parts and close misspellings are found too.

    Example: cotheme deid add-name study.cotheme "Sarah Jones" --role staff
    """
    with opened(project) as p:
        term = p.deid.add_name(name, role=role, replacement=replacement)
    say(f"'{term.term}' will be found and replaced by {term.replacement}.")


@app.command("ignore")
def ignore(project: ProjectArg, text: Annotated[str, typer.Argument(help="A string never to propose.")]) -> None:
    """Never propose this string again (e.g. a service name that identifies no one).

    Example: cotheme deid ignore study.cotheme "Zoom"
    """
    with opened(project) as p:
        p.deid.add_name(text, ignore=True)
    say(f"'{text}' will not be proposed again.")


@app.command("remove-name")
def remove_name(project: ProjectArg, name: Annotated[str, typer.Argument(help="A name or ignored string.")]) -> None:
    """Take a name (or an ignored string) off the project's list.

    Example: cotheme deid remove-name study.cotheme "Sarah Jones"
    """
    with opened(project) as p:
        p.deid.remove_name(name)
    say(f"'{name}' is off the list.")


@app.command("exports-only")
def exports_only(
    project: ProjectArg,
    value: Annotated[str | None, typer.Argument(help="on or off (omit to show the setting).")] = None,
) -> None:
    """The setting "de-identified exports only": exports and reports refuse transcripts not de-identified.

    Example: cotheme deid exports-only study.cotheme on
    """
    with opened(project) as p:
        if value is not None:
            if value.lower() not in ("on", "off"):
                raise InvalidArgument(f"'{value}' is not on or off.")
            p.deid.set_exports_only(value.lower() == "on")
        state, done = p.deid.exports_only(), len(p.deid.documents())
        total = len(p.documents.list())
    say(f"De-identified exports only: {'on' if state else 'off'} ({done} of {total} documents de-identified).")
