"""Importing transcripts: files in, documents out, all in one transaction.

Owns titles (file stem, made unique), duplicate detection by content hash, linking to a case, speaker
renaming at import, verbatim imports (the file's text kept exactly), the preview of an import (what each
file would become, and the sentence it would be refused with, storing nothing), and progress reporting.
Parsing belongs to ``cotheme.formats``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Connection

from cotheme.domain.documents import SourceInfo
from cotheme.domain.names import single_line
from cotheme.domain.text import word_count
from cotheme.domain.transcript import ParsedTranscript, TurnDraft
from cotheme.errors import Conflict, CothemeError, InputError, InvalidArgument, NotFound, TooLarge
from cotheme.formats.decode import describe_size
from cotheme.formats.registry import reader_for
from cotheme.formats.verbatim import read_verbatim
from cotheme.services import allocator, limits, recordings
from cotheme.services.limits import max_import_bytes
from cotheme.storage import bulk
from cotheme.storage import cases as cases_repo
from cotheme.storage import documents as docs_repo
from cotheme.storage.store import Store

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class ImportedDocument:
    id: int
    title: str
    file: str
    case_pid: str | None
    turns: int
    speakers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RecordingSource:
    """A recording to store with a transcript: its file name and how to open its bytes."""

    name: str
    open: Callable[[], BinaryIO]
    #: An upload already stored (``recordings.stage_recording``): linked rather than read again.
    staged: int | None = None

    @classmethod
    def from_path(cls, path: Path) -> RecordingSource:
        if not path.is_file():
            raise NotFound(f"There is no file {path}; check the recording's path. Nothing was imported.")
        return cls(path.name, lambda: path.open("rb"))


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One file to import: its name, bytes and what the user knows about the interview. With ``path``
    (and no ``data``) the bytes are read from there only when the file is parsed, and let go after."""

    name: str
    data: bytes
    source: SourceInfo = SourceInfo()
    case_pid: str | None = None
    path: Path | None = None
    #: The interview's recording, stored with the transcript in the same transaction (its turns' cue
    #: times then point into it).
    recording: RecordingSource | None = None

    def content(self) -> bytes:
        """The file's bytes: ``data``, or what ``path`` holds now."""
        return self.path.read_bytes() if self.path is not None and not self.data else self.data


def parse_speaker_map(pairs: Sequence[str]) -> dict[str, str]:
    """``["OLD=NEW", ...]`` as a mapping; refuse an item without ``=`` or with an empty side."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        old, sep, new = pair.partition("=")
        if not sep or not old.strip() or not new.strip():
            raise InvalidArgument(f"'{pair}' is not OLD=NEW; write e.g. --speaker \"Jane Smith=P07\".")
        mapping[single_line(old)] = single_line(new)
    return mapping


def rename_speakers(parsed: ParsedTranscript, mapping: dict[str, str]) -> ParsedTranscript:
    """The transcript with speaker labels renamed (exact label, then case-insensitive)."""
    if not mapping:
        return parsed
    folded = {k.lower(): v for k, v in mapping.items()}

    def rename(turn: TurnDraft) -> TurnDraft:
        if turn.speaker is None:
            return turn
        new = mapping.get(turn.speaker, folded.get(turn.speaker.lower(), turn.speaker))
        return replace(turn, speaker=new)

    return parsed.with_turns(rename(t) for t in parsed.iter_turns())


def parse_source(item: SourceFile, speakers: dict[str, str] | None = None, *, verbatim: bool = False) -> ParsedTranscript:
    """One file parsed (verbatim: its text kept exactly) with its speakers renamed."""
    limit = max_import_bytes()
    reader = read_verbatim if verbatim else reader_for(item.name)
    # The bytes go straight to the reader, which alone then holds them and lets them go once decoded.
    return rename_speakers(reader(item.name, item.content(), max_bytes=limit), speakers or {})


def read_files(paths: Sequence[Path]) -> list[SourceFile]:
    """Read each path's bytes; refuse missing files, folders and files over the import limit (checked
    with ``stat`` before anything is read, so a huge file costs no memory) with a sentence naming them."""
    return [replace(file, data=file.content(), path=None) for file in found_files(paths)]


def found_files(paths: Sequence[Path]) -> list[SourceFile]:
    """Each path as a file to import, read only when it is parsed (its bytes are then let go as soon as
    its text is read, not held by the caller through the whole import); refused as ``read_files`` does."""
    files = []
    limit = max_import_bytes()
    for path in paths:
        if not path.exists():
            raise NotFound(f"{path}: no such file; check the path.")
        if not path.is_file():
            raise InputError(f"{path}: is not a file; name the transcript files to import.")
        size = path.stat().st_size
        if size > limit:
            raise TooLarge(
                f"{path}: is {describe_size(size)}, over the {describe_size(limit)} import limit ({limits.WHY}); "
                "split it or raise the limit with COTHEME_MAX_IMPORT_MB. Nothing was imported."
            )
        files.append(SourceFile(name=path.name, data=b"", path=path))
    return files


def with_recording(files: Sequence[SourceFile], recording: Path) -> list[SourceFile]:
    """The one transcript of ``files`` with ``recording`` to store beside it."""
    if len(files) != 1:
        raise InvalidArgument(
            f"A recording goes with one transcript, and {len(files)} were given; import the others separately."
        )
    return [replace(files[0], recording=RecordingSource.from_path(recording))]


def import_transcripts(
    store: Store,
    files: Sequence[SourceFile],
    *,
    case_pid: str | None = None,
    speakers: dict[str, str] | None = None,
    allow_duplicate: bool = False,
    progress: Progress | None = None,
    verbatim: bool = False,
) -> list[ImportedDocument]:
    """Parse and store every file, or none: one bad file leaves the project exactly as it was."""

    def parse(item: SourceFile) -> _Parsed:
        parsed = parse_source(item, speakers, verbatim=verbatim)
        # Counted here, beside parsing, so the thread that stores has less to do (see below).
        counted = _Parsed(parsed, _sha256(parsed), words_in(parsed))
        if parsed.length >= _LARGE:
            allocator.give_back()  # the lines and pieces parsing dropped, before storing needs memory
        return counted

    # Parsing is Python work; storing is mostly the database's (PostgreSQL building the search index,
    # SQLite's engine, both outside the GIL). A thread parses file k+1 while file k is stored, which
    # on 2 cores takes the slower of the two rather than their sum. A file that does not parse raises
    # inside the transaction, which then rolls back: still every file or none.
    # One file is parsed here, before the transaction: there is nothing to overlap, and memory a
    # thread frees stays in that thread's allocator arena, out of reach of the storing that follows.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="cotheme-parse") as pool:
        pending = [pool.submit(parse, item) for item in files] if len(files) > 1 else [_now(parse, f) for f in files]
        try:
            with store.write() as conn:
                known = _Known(conn)
                stored = []
                for item, job in zip(files, pending, strict=True):
                    if progress:
                        progress(item.name)
                    stored.append(
                        _store_one(conn, known, item, job.result(), case_pid or item.case_pid, allow_duplicate)
                    )
                known.later.flush(conn)  # every file's turns and search units, one statement each
                return stored
        finally:
            for job in pending:
                job.cancel()


def store_parsed(
    conn: Connection, item: SourceFile, parsed: ParsedTranscript, *, case_pid: str | None = None,
    allow_duplicate: bool = False,
) -> ImportedDocument:
    """Store one transcript made elsewhere (e.g. transcribed from a recording) inside the caller's
    transaction, with the same titles, duplicate check and case linking as an imported file."""
    known = _Known(conn)
    stored = _store_one(conn, known, item, _Parsed(parsed, _sha256(parsed), words_in(parsed)),
                        case_pid or item.case_pid, allow_duplicate)
    known.later.flush(conn)
    return stored


#: Characters from which a parsed text is large enough that its parse's freed pages are worth handing
#: back (a trim costs about a millisecond; a transcript of this size holds megabytes of dropped lines).
_LARGE = 1 << 20


def _now(parse: Callable[[SourceFile], _Parsed], item: SourceFile) -> Future[_Parsed]:
    """``parse(item)`` done now, as a finished future (its error raised where the result is asked for)."""
    done: Future[_Parsed] = Future()
    try:
        done.set_result(parse(item))
    except BaseException as exc:  # raised by ``result()`` inside the transaction, as a thread's would be
        done.set_exception(exc)
    return done


def _sha256(parsed: ParsedTranscript) -> str:
    """The SHA-256 of the text as UTF-8, a piece at a time (the same digest as in one go): neither the
    whole text as a ``str`` nor one more copy of its bytes is made for it."""
    digest = hashlib.sha256()
    for piece in parsed.utf8_pieces():
        digest.update(piece)
    return digest.hexdigest()


def words_in(parsed: ParsedTranscript) -> int:
    """``word_count`` of the text, a piece at a time (pieces are cut at line ends, between words)."""
    return sum(word_count(piece) for piece in parsed.text_pieces())


@dataclass(frozen=True, slots=True)
class _Parsed:
    """A parsed transcript with its content hash and word count."""

    transcript: ParsedTranscript
    sha256: str
    words: int


class _Known:
    """What storing each file checks against, read once per import: the project's content hashes,
    titles and cases (three queries instead of three per file), kept up to date as files are stored."""

    def __init__(self, conn: Connection) -> None:
        self.by_hash: dict[str, str] = {}
        self.titles: set[str] = set()
        for title, sha in docs_repo.titles_and_hashes(conn):
            self.titles.add(title)
            self.by_hash.setdefault(sha, title)
        self.cases = cases_repo.case_ids_by_pid(conn)
        self.pids = {case_id: pid for pid, case_id in self.cases.items()}
        self.later = bulk.Deferred()  # turns and search units, written once all files are in

    def case(self, conn: Connection, pid: str) -> int | None:
        """The case called ``pid``: as written, else ignoring case as the engine folds it."""
        if not self.cases:
            return None
        return self.cases.get(pid.strip()) or cases_repo.find_case(conn, pid)


def _admit(
    conn: Connection, known: _Known, name: str, sha: str, case_pid: str | None, allow_duplicate: bool
) -> tuple[int | None, str]:
    """(case id, title) the file ``name`` will be stored with; ``Conflict``/``NotFound`` when it may not."""
    existing = known.by_hash.get(sha)
    if existing is not None and not allow_duplicate:
        raise Conflict(
            f"{name}: has the same text as the document '{existing}' already in the project; "
            "nothing was imported. Use --allow-duplicate to import it again."
        )
    stem = single_line(Path(name).stem) or "Untitled"
    case_id = None
    if case_pid is not None:
        case_id = known.case(conn, case_pid)
        if case_id is None:
            raise NotFound(
                f"{name}: there is no case '{case_pid}'; add it with 'cotheme cases add' or "
                "'cotheme cases import' first. Nothing was imported."
            )
    else:
        case_id = known.case(conn, stem)  # P07.txt links itself to case P07
    title = _unique_title(known.titles, stem)
    known.by_hash.setdefault(sha, title)
    return case_id, title


def _store_one(
    conn: Connection,
    known: _Known,
    item: SourceFile,
    prepared: _Parsed,
    case_pid: str | None,
    allow_duplicate: bool,
) -> ImportedDocument:
    parsed, sha = prepared.transcript, prepared.sha256
    case_id, title = _admit(conn, known, item.name, sha, case_pid, allow_duplicate)
    source = replace(item.source, file_name=item.name, format=parsed.format)
    doc_id = docs_repo.insert_document(
        conn, title=title, case_id=case_id, source=source, sha256=sha, parsed=parsed, words=prepared.words,
        later=known.later,
    )
    if item.recording is not None and item.recording.staged is not None:
        recordings.link_staged(conn, doc_id, item.recording.staged)
    elif item.recording is not None:
        with item.recording.open() as media:
            recordings.attach_recording(conn, doc_id, media, filename=item.recording.name)
    pid = known.pids.get(case_id) if case_id is not None else None
    return ImportedDocument(doc_id, title, item.name, pid, parsed.turn_count, tuple(parsed.speakers))


def _unique_title(taken: set[str], stem: str) -> str:
    title, n = stem, 2
    while title in taken:
        title, n = f"{stem} ({n})", n + 1
    taken.add(title)
    return title


@dataclass(frozen=True, slots=True)
class FilePreview:
    """What importing one file would do: its title, format, speakers, words, turns and case, the
    document (or earlier file of the batch) with the same text, and the sentence the import would
    refuse it with (``error``; then nothing of the batch would be stored)."""

    file: str
    title: str = ""
    format: str = ""
    speakers: tuple[str, ...] = ()
    words: int = 0
    turns: int = 0
    case_pid: str | None = None
    duplicate_of: str | None = None
    error: str | None = None


def preview_transcripts(
    store: Store,
    files: Sequence[SourceFile],
    *,
    case_pid: str | None = None,
    speakers: dict[str, str] | None = None,
    allow_duplicate: bool = False,
    verbatim: bool = False,
) -> list[FilePreview]:
    """Each file as ``import_transcripts`` would store it, with every file's refusal; stores nothing."""
    previews = []
    with store.read() as conn:
        known = _Known(conn)
        for item in files:
            try:
                parsed = parse_source(item, speakers, verbatim=verbatim)
            except CothemeError as exc:
                previews.append(FilePreview(item.name, error=str(exc)))
                continue
            sha = _sha256(parsed)
            shown = FilePreview(item.name, Path(item.name).stem, parsed.format, tuple(parsed.speakers),
                                words_in(parsed), parsed.turn_count, duplicate_of=known.by_hash.get(sha))
            try:
                case_id, title = _admit(conn, known, item.name, sha, case_pid or item.case_pid, allow_duplicate)
            except CothemeError as exc:
                previews.append(replace(shown, error=str(exc)))
                continue
            previews.append(replace(shown, title=title, case_pid=known.pids.get(case_id) if case_id else None))
    return previews
