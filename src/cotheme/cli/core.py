"""The project commands at the top of ``cotheme``: ``init``, ``import``, ``code``, ``codings``,
``search`` and ``demo``.

Each command parses its arguments, calls one operation of ``Project`` and prints the result. The
root command (``cli/main.py``) imports this module only when one of them runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

import cotheme
from cotheme.cli import exchange
from cotheme.cli.context import JsonOpt, ProjectArg, ask_passphrase, opened
from cotheme.cli.output import err, marked, print_json, print_table, say
from cotheme.domain.hierarchy import group_passages, passage_key
from cotheme.domain.plural import counted
from cotheme.errors import InvalidArgument

def init(
    project: ProjectArg,
    title: Annotated[str | None, typer.Option("--title", help="The study's title.")] = None,
    lead: Annotated[str | None, typer.Option("--lead", help="Name of the lead member (default: your user name).")] = None,
    from_file: Annotated[str | None, typer.Option("--from", help="Start from a REFI-QDA project (.qdpx) made by NVivo, ATLAS.ti, MAXQDA, QualCoder or cotheme.")] = None,
    encrypt: Annotated[bool, typer.Option("--encrypt", help="Encrypt the project file with a passphrase (asked twice, or COTHEME_PASSPHRASE).")] = False,
) -> None:
    """Create a new project file (or set up an empty PostgreSQL database).

    Example: cotheme init study.cotheme --title "Living with support"

    Example: cotheme init --encrypt study.cotheme
    """
    if from_file is not None and encrypt:  # never a plain copy on the disk first
        raise InvalidArgument(
            "--encrypt and --from cannot go together: create the encrypted project, then import the .qdpx into it."
        )
    if from_file is not None:
        exchange.init_from(project, from_file, title, lead)
        return
    passphrase = ask_passphrase(project, confirm=True) if encrypt else None
    project_obj = cotheme.create_project(project, title=title, lead=lead, passphrase=passphrase)
    with project_obj as p:
        say(f"Created {p.location} ('{p.study.info().title}'), lead member {p.team.members()[0].name}.")


def import_files(
    project: ProjectArg,
    files: Annotated[list[str], typer.Argument(help="Transcripts: .txt .md .docx .pdf .vtt .srt; REFI-QDA projects: .qdpx; or recordings to transcribe: .wav .mp3 .m4a .ogg .flac .mp4 .webm")],
    case: Annotated[str | None, typer.Option("--case", help="Link every file to this case id.")] = None,
    speaker: Annotated[list[str] | None, typer.Option("--speaker", help="Rename a speaker, OLD=NEW; repeatable.")] = None,
    allow_duplicate: Annotated[bool, typer.Option("--allow-duplicate", help="Import a text already in the project (.qdpx: as a copy).")] = False,
    merge: Annotated[bool, typer.Option("--merge", help=".qdpx: a document with the text of one already here is that document; its work is added, nothing doubled.")] = False,
    verbatim: Annotated[bool, typer.Option("--verbatim", help="Keep a .txt/.md file's text exactly (speaker labels, blank lines), so offsets counted over the file still fit; speakers are still found as turns.")] = False,
    speakers: Annotated[int | None, typer.Option("--speakers", help="Recordings: how many people speak (default 2).")] = None,
    model: Annotated[str | None, typer.Option("--model", help="Recordings: the Whisper model, tiny.en (default) or base.")] = None,
    language: Annotated[str | None, typer.Option("--language", help="Recordings: the language spoken (default en).")] = None,
    recording: Annotated[str | None, typer.Option("--recording", help="The interview's recording (.m4a .mp4 .wav .mp3 .ogg .flac .webm), stored inside the project with the one transcript given; its cue times link the turns to it.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Import transcripts, all or none, in one transaction (or REFI-QDA .qdpx projects, merged by GUID).

    Example: cotheme import study.cotheme P07.vtt --case P07 --speaker "Jane Smith=Interviewer"
    Example: cotheme import study.cotheme from-qualcoder.qdpx --merge

    Example: cotheme import study.cotheme P08.txt --verbatim

    Example: cotheme import study.cotheme P09.vtt --recording P09.m4a

    Example: cotheme import study.cotheme P09.m4a --speakers 2 --model base
    """
    from cotheme.services.transcribe_audio import is_recording

    if any(is_recording(f) for f in files):
        from cotheme.cli import transcribe

        transcribe.import_recordings(project, files, case=case, speaker=speaker or [], verbatim=verbatim,
                                     merge=merge, allow_duplicate=allow_duplicate, recording=recording,
                                     speakers=speakers,
                                     model=model, language=language, as_json=as_json)
        return
    if speakers is not None or model is not None or language is not None:
        raise InvalidArgument("--speakers, --model and --language apply to recordings (.wav .mp3 .m4a .ogg "
                              ".flac .mp4 .webm), not to transcripts.")
    if any(exchange.is_qdpx(f) for f in files):
        exchange.import_files(project, files, as_json, transcript_options=bool(case or speaker or verbatim or recording),
                              same_text=exchange.same_text_choice(merge=merge, copy=allow_duplicate))
        return
    if merge:
        raise InvalidArgument("--merge applies to .qdpx projects, not to transcripts.")
    if recording is not None and len(files) != 1:
        raise InvalidArgument("--recording goes with one transcript; import the others separately.")
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from cotheme.services.importing import parse_speaker_map

    mapping = parse_speaker_map(speaker or [])
    with opened(project) as p, Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        console=err, transient=True, disable=len(files) < 2,
    ) as bar:
        task = bar.add_task("Reading", total=len(files))

        def advance(name: str) -> None:
            bar.update(task, advance=1, description=f"Reading {name}")

        imported = p.documents.import_files(
            files, case=case, speakers=mapping, allow_duplicate=allow_duplicate, progress=advance, verbatim=verbatim,
            recording=recording,
        )
    if as_json:
        print_json(imported)
        return
    print_table(
        f"Imported {counted(len(imported), 'document')}",
        ["id", "title", "file", "case", "turns", "speakers"],
        ([d.id, d.title, d.file, d.case_pid, d.turns, ", ".join(d.speakers)] for d in imported),
    )


def code(
    project: ProjectArg,
    doc: Annotated[str | None, typer.Option("--doc", help="Document id or title.")] = None,
    code_name: Annotated[str | None, typer.Option("--code", help="Code name or Parent/Child path.")] = None,
    start: Annotated[int | None, typer.Option("--start", help="Start offset (code points).")] = None,
    end: Annotated[int | None, typer.Option("--end", help="End offset (code points, exclusive).")] = None,
    quote: Annotated[str | None, typer.Option("--quote", help="Code the first exact occurrence of this text.")] = None,
    coder: Annotated[str | None, typer.Option("--coder", help="Member who codes (default: the only member).")] = None,
    create: Annotated[bool, typer.Option("--create", help="Create the code if it does not exist.")] = False,
    from_csv: Annotated[str | None, typer.Option("--from-csv", help="Add every coding a .csv/.xlsx sheet lists "
                                                 "(document, code, quote or start/end, coder, memo), all rows or none.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Apply a code to a span of a transcript, or many codings at once from a sheet (all rows or none).

    Example: cotheme code study.cotheme --doc P03 --code "Feeling listened to" --quote "she actually listened"

    Example: cotheme code study.cotheme --from-csv codings.csv
    """
    if from_csv is not None:
        if doc is not None or code_name is not None or start is not None or end is not None or quote is not None:
            raise InvalidArgument("--from-csv takes the documents, codes and spans from the sheet; "
                                  "leave out --doc, --code, --start, --end and --quote.")
        with opened(project) as p:
            added = p.codings.import_file(from_csv, coder=coder, create=create)
        if as_json:
            print_json(added)
            return
        say(added.sentence(Path(from_csv).name))
        return
    if doc is None or code_name is None:
        raise InvalidArgument("Say which document and code with --doc and --code (or give a sheet with --from-csv).")
    with opened(project) as p:
        extract = p.codings.add(doc, code_name, start=start, end=end, quote=quote, coder=coder, create=create)
    if as_json:
        print_json(extract)
        return
    say(f"Coding {extract.id}: '{extract.code_path}' on {extract.document} {extract.start}-{extract.end}.")


def codings(
    project: ProjectArg,
    code_name: Annotated[str | None, typer.Option("--code", help="Only this code.")] = None,
    subcodes: Annotated[bool, typer.Option("--with-subcodes/--no-subcodes", help="With --code: also the codings of every code below it (a passage coded with a code and its sub-code is one extract).")] = True,
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document.")] = None,
    coder: Annotated[str | None, typer.Option("--coder", help="Only this coder.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List extracts with document, case, speaker, code, coder, offsets and text; a passage one coder
    coded with several codes (a code and its sub-code) is one row, its codes and coding ids joined.

    Example: cotheme codings study.cotheme --code "Peer support" --json

    Example: cotheme codings study.cotheme --code "Peer support" --no-subcodes
    """
    with opened(project) as p:
        found = p.codings.list(code=code_name, document=doc, coder=coder, subcodes=subcodes)
    if as_json:
        print_json(found)  # one object per coding: a merged row's codings each keep their id and code
        return
    rows = group_passages((passage_key(e.document_id, e.start, e.end, e.coder), e.code_path, e.id, e) for e in found)
    title = counted(len(rows), "extract")
    if len(rows) != len(found):
        title += f" ({counted(len(found), 'coding')})"
    print_table(
        title,
        ["id", "document", "case", "speaker", "code", "coder", "span", "text"],
        ([", ".join(map(str, ids)), e.document, e.case_pid, e.speaker, "; ".join(paths), e.coder,
          f"{e.start}-{e.end}", e.text] for e, paths, ids in rows),
    )


def search(
    project: ProjectArg,
    query: Annotated[str, typer.Argument(help='Words (all must occur), "a phrase", or prefix*.')],
    limit: Annotated[int, typer.Option("--limit", help="At most this many hits.")] = 50,
    as_json: JsonOpt = False,
) -> None:
    """Full-text search across transcripts and memos.

    Example: cotheme search study.cotheme '"waiting list" referral'
    """
    with opened(project) as p:
        hits = p.documents.search(query, limit)
    if as_json:
        print_json(hits)
        return
    print_table(
        f"{counted(len(hits), 'hit')} for {query}",
        ["where", "speaker", "offsets", "text"],
        (
            [h.document if h.kind == "document" else f"memo {h.memo_id}", h.speaker,
             f"{h.start}-{h.end}", marked(h.snippet, h.snippet_marks)]
            for h in hits
        ),
    )


def demo(
    port: Annotated[int, typer.Option("--port", help="Port to serve the demo on.")] = 8765,
    out_path: Annotated[str, typer.Option("--out", help="Where to build the demo project.")] = "cotheme-demo.cotheme",
    no_serve: Annotated[bool, typer.Option("--no-serve", help="Build and summarise only.")] = False,
) -> None:
    """Build the fictional demo study into a fresh project file and serve it on 127.0.0.1.

    Example: cotheme demo --port 8765
    """
    from cotheme.cli.serve import run_server
    from cotheme.services.demo import build_demo

    with build_demo(out_path) as p:
        docs = p.documents.list()
        say(f"Built the fictional demo study '{p.study.info().title}' at {p.location}.")
        print_table(
            "Documents", ["id", "title", "case", "words", "turns", "codings"],
            ([d.id, d.title, d.case_pid, d.words, d.turns, d.codings] for d in docs),
        )
        say(
            f"{len(p.cases.list())} participants, {len(p.codes.list())} codes, "
            f"{sum(d.codings for d in docs)} codings, {len(p.memos.list())} memos, "
            f"members: {', '.join(m.name for m in p.team.members())}."
        )
        if not no_serve:
            run_server(p, "127.0.0.1", port)
