"""Repository of documents, their revisions and turns.

Owns writing a parsed transcript as a document with revision 1, its turns and its search units, and
reading documents back. Reading a span's quote and context is done in SQL so that adding a coding costs
the same whatever the transcript's length.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Connection, Integer, LargeBinary, Text, bindparam, cast, func, insert, literal, or_, select, true, update
from sqlalchemy.sql.elements import ColumnElement

from cotheme.domain.documents import Document, DocumentSummary, SourceInfo, Turn
from cotheme.domain.text import CONTEXT_CHARS, Anchor, check_span, word_count
from cotheme.domain.transcript import ParsedTranscript
from cotheme.storage import bulk, coverage, search
from cotheme.storage.schema import cases, codings, documents, revisions, search_units, turns
from cotheme.storage.store import now

#: The columns of a turn row, in the order ``bulk.load_rows`` is given them.
TURN_COLUMNS = ("revision_id", "idx", "speaker", "start_offset", "end_offset", "t_start_ms", "t_end_ms")


def titles_and_hashes(conn: Connection) -> list[tuple[str, str]]:
    """(title, content hash) of every document, oldest first."""
    rows = conn.execute(select(documents.c.title, documents.c.content_sha256).order_by(documents.c.id))
    return [(title, sha) for title, sha in rows]


def insert_document(
    conn: Connection,
    *,
    title: str,
    case_id: int | None,
    source: SourceInfo,
    sha256: str,
    parsed: ParsedTranscript,
    author_id: int | None = None,
    words: int | None = None,
    later: bulk.Deferred | None = None,
) -> int:
    """Store a transcript as a new document at revision 1; return the document id. ``words`` is the
    text's word count when the caller has counted it already (the importer does, beside parsing). With
    ``later``, the turns and search units are written when the caller flushes it."""
    stamp = now()
    doc_id: int = conn.execute(
        insert(documents).values(
            title=title,
            case_id=case_id,
            file_name=source.file_name,
            format=source.format,
            content_sha256=sha256,
            interview_date=source.interview_date,
            mode=source.mode,
            duration_minutes=source.duration_minutes,
            interviewer=source.interviewer,
            setting=source.setting,
            field_notes=source.field_notes,
            created_at=stamp,
        )
    ).inserted_primary_key[0]  # type: ignore[index]
    rev_id: int = conn.execute(
        insert(revisions).values(
            document_id=doc_id,
            number=1,
            text=_text_value(conn, parsed),
            char_length=parsed.length,
            words=sum(word_count(piece) for piece in parsed.text_pieces()) if words is None else words,
            author_id=author_id,
            reason="imported",
            created_at=stamp,
        )
    ).inserted_primary_key[0]  # type: ignore[index]
    # Pointing a new document at its first revision is part of creating it, not a change of its own:
    # the audit trail has the document's insert, and this statement stays out of it (it cost
    # three more round trips per imported file on PostgreSQL: the rows before, after, and the record).
    conn.execute(
        update(documents).where(documents.c.id == doc_id).values(current_revision_id=rev_id)
        .execution_options(cotheme_untracked=True)
    )
    # Rows made as they are loaded, a batch at a time: a list of every turn's row was a third of a
    # transcript's size again, and each search unit's text is its turn's text, a copy of the whole.
    turn_rows = ((rev_id, i, t.speaker, t.start, t.end, t.t_start_ms, t.t_end_ms) for i, t in enumerate(parsed.iter_turns()))
    if later is not None:
        later.add_stream(insert_turn_rows, turn_rows)
    else:
        insert_turn_rows(conn, turn_rows)
    search.add_units(
        conn,
        (
            search.Unit("turn", body, doc_id, None, t.start, t.speaker)
            for t, body in zip(parsed.iter_turns(), parsed.turn_texts(), strict=True)
        ),
        later,
    )
    return doc_id


#: A text of fewer characters than this is bound as a ``str``: its copies are nothing (see ``_text_value``).
_ENCODE_CHARS = 1 << 16


def _text_value(conn: Connection, parsed: ParsedTranscript) -> str | ColumnElement[str]:
    """A long text as its UTF-8 bytes, made text by the database (stored exactly as the string would be).

    Bound as a ``str``, the driver encodes it in one go into a buffer sized for the widest character
    (3-4 bytes per character) and keeps the result on the string: measured, storing a 4 MB transcript
    added 3.9 times the file's size at the peak; and a transcript read as UTF-8 would first have to be
    decoded whole (4 bytes a character once one emoji is in it). Its bytes are bound as they are: SQLite
    casts them to TEXT, PostgreSQL's ``convert_from`` checks and converts them. A text holding NUL stays
    a ``str`` so that the statement guard refuses it as it does any text."""
    if parsed.length < _ENCODE_CHARS:
        return parsed.text
    data = parsed.utf8
    if b"\x00" in data:
        return parsed.text
    if conn.dialect.name == "sqlite":
        return cast(literal(data, LargeBinary), Text)
    return func.convert_from(literal(data, LargeBinary), literal("UTF8"))


def insert_turn_rows(conn: Connection, rows: Iterable[tuple[object, ...]]) -> None:
    """Turn rows in the order of ``TURN_COLUMNS``, read as they are loaded."""
    bulk.stream_rows(conn, turns, TURN_COLUMNS, rows)


def resolve(conn: Connection, ref: str) -> int | None:
    """A document id from its number or its title (exact, then case-insensitive)."""
    found = resolve_current(conn, ref)
    return found[0] if found is not None else None


def resolve_current(conn: Connection, ref: str) -> tuple[int, int] | None:
    """(document id, current revision id) from the document's number or its title (exact, then
    case-insensitive): one statement when the reference is right."""
    ref = ref.strip()
    wanted = select(documents.c.id, documents.c.current_revision_id)
    found = None
    if ref.isdigit():
        found = conn.execute(wanted.where(documents.c.id == int(ref))).first()
    if found is None:
        found = conn.execute(wanted.where(documents.c.title == ref)).first()
    if found is None:
        found = conn.execute(wanted.where(func.lower(documents.c.title) == func.lower(ref))).first()
    return (found[0], found[1]) if found is not None else None


def current_revision(conn: Connection, doc_id: int) -> int:
    return conn.execute(
        select(documents.c.current_revision_id).where(documents.c.id == doc_id)
    ).scalar_one()


def read_turns(conn: Connection, revision_id: int) -> tuple[Turn, ...]:
    rows = conn.execute(
        select(turns).where(turns.c.revision_id == revision_id).order_by(turns.c.idx)
    )
    return tuple(
        Turn(r.idx, r.speaker, r.start_offset, r.end_offset, r.t_start_ms, r.t_end_ms) for r in rows
    )


def read_document(conn: Connection, doc_id: int) -> Document:
    row = conn.execute(
        select(documents, cases.c.pid, revisions.c.number, revisions.c.text)
        .join(revisions, revisions.c.id == documents.c.current_revision_id)
        .outerjoin(cases, cases.c.id == documents.c.case_id)
        .where(documents.c.id == doc_id)
    ).one()
    return Document(
        id=row.id,
        title=row.title,
        case_pid=row.pid,
        revision_id=row.current_revision_id,
        revision=row.number,
        text=row.text,
        turns=read_turns(conn, row.current_revision_id),
        source=SourceInfo(
            file_name=row.file_name,
            format=row.format,
            interview_date=row.interview_date,
            mode=row.mode,
            duration_minutes=row.duration_minutes,
            interviewer=row.interviewer,
            setting=row.setting,
            field_notes=row.field_notes,
        ),
    )


def _int4(value: int) -> int:
    return min(max(value, 0), 2**31 - 2)


def anchor(conn: Connection, revision_id: int, start: int, end: int) -> Anchor:
    """The quote and context of ``start``-``end`` in a revision, read in SQL (1-based substr).

    One ``substr`` reads prefix, quote and suffix together: PostgreSQL decompresses a long TOASTed
    text for every ``substr`` call, so three calls cost three times as much on a 40k-word transcript.
    Both arguments are clamped to 0..2^31-1 (PostgreSQL's ``substr`` takes 32-bit integers, and no text
    is that long) so a bad span reaches ``check_span`` and its sentence instead of a PostgreSQL error.
    """
    lo = _int4(start - CONTEXT_CHARS)
    length, window = conn.execute(
        select(revisions.c.char_length, _window(start, end)).where(revisions.c.id == revision_id)
    ).one()
    return SpanRead(0, revision_id, "", None, length, window, lo).anchor(start, end)


def _window(start: int, end: int) -> Any:
    lo = _int4(start - CONTEXT_CHARS)
    return func.substr(revisions.c.text, lo + 1, _int4(end + CONTEXT_CHARS - lo))


class SpanRead(NamedTuple):
    """A document's current revision as one coding needs it: ids, the names an extract shows, and the
    text around the span (``window``, starting at offset ``lo``)."""

    document_id: int
    revision_id: int
    title: str
    case_pid: str | None
    length: int
    window: str
    lo: int

    def anchor(self, start: int, end: int) -> Anchor:
        """The quote and context of ``start``-``end`` (the span this was read for), checked to lie inside the text."""
        check_span(start, end, self.length)
        lo, window = self.lo, self.window
        return Anchor(start=start, end=end, quote=window[start - lo : end - lo], prefix=window[: start - lo],
                      suffix=window[end - lo :])


def current_span(conn: Connection, doc_id: int, start: int, end: int) -> SpanRead | None:
    """Document ``doc_id``'s current revision, its title and participant, and the text around
    ``start``-``end``, in one statement (adding a coding reads nothing else of the document)."""
    lo = _int4(start - CONTEXT_CHARS)
    row = conn.execute(_span_query(), {"cotheme_document": doc_id, "cotheme_from": lo + 1,
                                       "cotheme_length": _int4(end + CONTEXT_CHARS - lo)}).first()
    if row is None:
        return None
    return SpanRead(row[0], row[1], row[2], row[3], row[4], row[5], lo)


@cache
def _span_query() -> Any:
    """``current_span``'s statement, built once with bound parameters (it is on every coding's path)."""
    window = func.substr(revisions.c.text, bindparam("cotheme_from", type_=Integer),
                         bindparam("cotheme_length", type_=Integer))
    return (select(documents.c.id, documents.c.current_revision_id, documents.c.title, cases.c.pid,
                   revisions.c.char_length, window)
            .join(revisions, revisions.c.id == documents.c.current_revision_id)
            .outerjoin(cases, cases.c.id == documents.c.case_id)
            .where(documents.c.id == bindparam("cotheme_document")))


def summaries(conn: Connection, ids: Sequence[int] | None = None) -> list[DocumentSummary]:
    """Every document's summary, or (``ids``) those documents' only, each read in a fixed number of
    statements whatever their number."""
    chosen = documents.c.id.in_(list(ids)) if ids is not None else true()
    coding_counts = (
        select(codings.c.document_id, func.count().label("n"))
        .where(codings.c.document_id.in_(list(ids)) if ids is not None else true())
        .group_by(codings.c.document_id)
        .subquery()
    )
    rows = conn.execute(
        select(
            documents.c.id,
            documents.c.title,
            cases.c.pid,
            revisions.c.words,
            revisions.c.number,
            func.coalesce(coding_counts.c.n, 0).label("codings"),
        )
        .join(revisions, revisions.c.id == documents.c.current_revision_id)
        .outerjoin(cases, cases.c.id == documents.c.case_id)
        .outerjoin(coding_counts, coding_counts.c.document_id == documents.c.id)
        .where(chosen)
        .order_by(documents.c.id)
    ).all()
    current = coverage.CurrentTurns(conn, ids)
    coded = coverage.coded_turn_counts(conn, current, ids)
    return [
        DocumentSummary(
            id=r.id,
            title=r.title,
            case_pid=r.pid,
            words=r.words,
            turns=current.count(r.id),
            speakers=tuple(current.speakers.get(r.id, ())),
            codings=r.codings,
            revision=r.number,
            coded_turns=coded.get(r.id, 0),
        )
        for r in rows
    ]


def page_ids(conn: Connection, offset: int, limit: int, title: str = "") -> tuple[list[int], int]:
    """Ids of one page of documents in id order (``title``: whose title or case id holds it, any case),
    and how many documents match in all."""
    query = select(documents.c.id).outerjoin(cases, cases.c.id == documents.c.case_id)
    if title:
        pattern = "%" + title.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(or_(func.lower(documents.c.title).like(pattern, escape="\\"),
                                func.lower(cases.c.pid).like(pattern, escape="\\")))
    total = conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    ids = list(conn.execute(query.order_by(documents.c.id).offset(offset).limit(limit)).scalars())
    return ids, total


def rename_speaker(conn: Connection, doc_id: int, old: str, new: str) -> int:
    """Rename a speaker label in the document's current revision; return how many turns changed."""
    rev_id = current_revision(conn, doc_id)
    changed = conn.execute(
        update(turns).where(turns.c.revision_id == rev_id, turns.c.speaker == old).values(speaker=new)
    ).rowcount
    # A coding's stored speaker is its turn's label (``storage.codings``): every turn labelled ``old``
    # is renamed, so every coding on this revision labelled ``old`` is too.
    conn.execute(
        update(codings).where(codings.c.revision_id == rev_id, codings.c.speaker == old).values(speaker=new)
        .execution_options(cotheme_untracked=True)  # derived from the turns; the rename is the change
    )
    conn.execute(
        update(search_units)
        .where(search_units.c.document_id == doc_id, search_units.c.speaker == old)
        .values(speaker=new)
    )
    return changed


def distinct_speakers(conn: Connection, doc_id: int) -> list[str]:
    rev_id = current_revision(conn, doc_id)
    return list(
        conn.execute(
            select(turns.c.speaker)
            .where(turns.c.revision_id == rev_id, turns.c.speaker.is_not(None))
            .distinct()
        ).scalars()
    )


def set_details(conn: Connection, doc_id: int, values: dict[str, object]) -> None:
    """Set interview-detail columns (checked by ``domain.interview.checked``) of one document."""
    if values:
        conn.execute(update(documents).where(documents.c.id == doc_id).values(**values))


def documents_of_cases(conn: Connection) -> dict[int, list[int]]:
    """Case id -> the ids of the documents linked to it."""
    found: dict[int, list[int]] = {}
    for doc_id, case_id in conn.execute(
        select(documents.c.id, documents.c.case_id).where(documents.c.case_id.is_not(None)).order_by(documents.c.id)
    ):
        found.setdefault(case_id, []).append(doc_id)
    return found


def title_ids(conn: Connection) -> list[tuple[int, str]]:
    """(id, title) of every document, oldest first."""
    return [(doc_id, title) for doc_id, title in conn.execute(select(documents.c.id, documents.c.title).order_by(documents.c.id))]


def unlinked_titles(conn: Connection) -> dict[str, int]:
    """Folded title -> id of every document not linked to a case (a sheet's row may name it)."""
    rows = conn.execute(select(documents.c.id, documents.c.title).where(documents.c.case_id.is_(None)))
    return {title.casefold(): doc_id for doc_id, title in rows}


def set_case(conn: Connection, doc_id: int, case_id: int | None) -> None:
    conn.execute(update(documents).where(documents.c.id == doc_id).values(case_id=case_id))
