"""``cotheme docs``: list transcripts, show one with its turns, rename a speaker, set interview details,
attach, show, save or remove a transcript's recording; and ``cotheme coders-import``, the setting that lets coders import and set those details."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cotheme.cli.context import JsonOpt, ProjectArg, opened
from cotheme.cli.output import Group, print_json, print_table, say
from cotheme.errors import Conflict, InvalidArgument

app = typer.Typer(cls=Group, help="List and inspect the transcripts of a project.", no_args_is_help=True)


def _clock(ms: int | None) -> str:
    if ms is None:
        return ""
    seconds = ms // 1000
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


@app.command("list")
def list_documents(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """List documents: id, title, case, words, turns, speakers, codings.

    Example: cotheme docs list study.cotheme --json
    """
    with opened(project) as p:
        docs = p.documents.list()
    if as_json:
        print_json(docs)
        return
    print_table(
        "Documents",
        ["id", "title", "case", "words", "turns", "speakers", "codings"],
        ([d.id, d.title, d.case_pid, d.words, d.turns, ", ".join(d.speakers), d.codings] for d in docs),
    )


@app.command("show")
def show(
    project: ProjectArg,
    doc: Annotated[str, typer.Argument(help="Document id or title.")],
    as_json: JsonOpt = False,
) -> None:
    """Print a transcript turn by turn, with speakers and timestamps.

    Example: cotheme docs show study.cotheme P03
    """
    with opened(project) as p:
        document = p.documents.get(doc)
    if as_json:
        print_json(document)
        return
    say(f"{document.title} (case {document.case_pid or '-'}, revision {document.revision})")
    for turn in document.turns:
        stamp = _clock(turn.t_start_ms)
        head = " ".join(x for x in (stamp and f"[{stamp}]", turn.speaker or "") if x)
        say(f"\n{head}:" if head else "")
        say(document.text[turn.start : turn.end])


@app.command("speakers")
def speakers(
    project: ProjectArg,
    doc: Annotated[str, typer.Argument(help="Document id or title.")],
    rename: Annotated[list[str], typer.Option("--rename", help="OLD=NEW; repeat for several.")],
) -> None:
    """Rename speaker labels in one document (e.g. a real name in a Zoom file -> P07).

    Example: cotheme docs speakers study.cotheme P07 --rename "Jane Smith=P07"
    """
    from cotheme.services.importing import parse_speaker_map

    mapping = parse_speaker_map(rename)
    with opened(project) as p:
        for old, new in mapping.items():
            changed = p.documents.rename_speaker(doc, old, new)
            say(f"Renamed '{old}' to '{new}' in {changed} turns.")


@app.command("set")
def set_details(
    project: ProjectArg,
    doc: Annotated[str, typer.Argument(help="Document id or title.")],
    date: Annotated[str | None, typer.Option("--date", help="Interview date, yyyy-mm-dd.")] = None,
    mode: Annotated[str | None, typer.Option("--mode", help="in person, video, telephone or other.")] = None,
    duration: Annotated[str | None, typer.Option("--duration", help="Duration in whole minutes.")] = None,
    interviewer: Annotated[str | None, typer.Option("--interviewer", help="Who held the interview.")] = None,
    setting: Annotated[str | None, typer.Option("--setting", help="Where: e.g. participant's home, clinic, online.")] = None,
    notes: Annotated[str | None, typer.Option("--notes", help="Field notes on the interview.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Set a transcript's interview details (used by the methods appendix and COREQ); "" clears one.

    Example: cotheme docs set study.cotheme P07 --date 2025-03-12 --mode video --duration 48 --interviewer "Sam Okafor"
    """
    with opened(project) as p:
        source = p.documents.set_interview(doc, date=date, mode=mode, duration=duration, interviewer=interviewer,
                                 setting=setting, notes=notes)
    if as_json:
        print_json(source)
        return
    print_table(
        "Interview details", ["date", "mode", "duration", "interviewer", "setting", "notes"],
        [[source.interview_date.isoformat() if source.interview_date else "", source.mode,
          "" if source.duration_minutes is None else f"{source.duration_minutes} min", source.interviewer,
          source.setting, source.field_notes]],
    )


def coders_import(
    project: ProjectArg,
    value: Annotated[str | None, typer.Argument(help="on or off (omit to show the setting).")] = None,
) -> None:
    """Whether coders may import files and change interview details (off: leads only; viewers never).

    Example: cotheme coders-import study.cotheme on
    """
    with opened(project) as p:
        if value is not None:
            if value.lower() not in ("on", "off"):
                raise InvalidArgument(f"'{value}' is not on or off.")
            p.team.set_coders_may_import(value.lower() == "on")
        state = p.team.coders_may_import()
    say(f"Coders may import: {'on' if state else 'off'}.")


@app.command("recording")
def recording(
    project: ProjectArg,
    doc: Annotated[str, typer.Argument(help="Document id or title.")],
    file: Annotated[str | None, typer.Argument(help="A recording to attach (.m4a .mp4 .wav .mp3 .ogg .flac .webm); it replaces any the document has.")] = None,
    remove: Annotated[bool, typer.Option("--remove", help="Remove the document's recording from the project.")] = False,
    out: Annotated[str | None, typer.Option("--out", help="Save the document's recording to this new file.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Attach a recording to a transcript (stored inside the project, under its encryption), or show, save or remove it.

    Example: cotheme docs recording study.cotheme P07 P07.m4a

    Example: cotheme docs recording study.cotheme P07 --out P07-copy.m4a
    """
    if sum(x for x in (file is not None, remove, out is not None)) > 1:
        raise InvalidArgument("Give a FILE to attach, --remove or --out, one at a time.")
    with opened(project) as p:
        if remove:
            gone = p.documents.detach_recording(doc)
            say(f"Removed the recording of '{doc}'." if gone else f"'{doc}' had no recording; nothing was changed.")
            return
        if out is not None:
            _save_recording(p, doc, Path(out))
            return
        info = p.documents.attach_recording(doc, file) if file is not None else p.documents.recording(doc)
    if as_json:
        print_json(info)
        return
    if info is None:
        say(f"'{doc}' has no recording; attach one with 'cotheme docs recording PROJECT DOC FILE'.")
        return
    print_table(
        "Recording", ["document", "file", "type", "length", "size"],
        [[doc, info.filename, info.mime, _clock(info.duration_ms), f"{info.size_bytes / 1e6:.1f} MB"]],
    )


def _save_recording(p: object, doc: str, out: Path) -> None:
    if out.exists():
        raise Conflict(f"{out} already exists; choose a new file name.")
    chunks = p.documents.recording_bytes(doc)  # type: ignore[attr-defined]
    with out.open("xb") as handle:
        for chunk in chunks:
            handle.write(chunk)
    say(f"Saved the recording of '{doc}' to {out}.")
