"""Full-text search over transcripts and memos, one interface over two engines.

Units (a turn of a document's current revision, or a memo) live in ``search_units``; SQLite finds
candidates with FTS5, PostgreSQL with a GIN-indexed ``tsvector``. Offsets and snippets are then
computed from the unit text by ``cotheme.domain.search`` so both engines answer identically.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, column, delete, select, table, text

from cotheme.domain.search import Query, SearchHit, Term, locate, snippet
from cotheme.storage import bulk
from cotheme.storage.schema import documents, search_units


@dataclass(frozen=True, slots=True)
class Unit:
    """A searchable piece of text and where it sits."""

    kind: str
    body: str
    document_id: int | None = None
    memo_id: int | None = None
    start_offset: int = 0
    speaker: str | None = None


_COLUMNS = ("kind", "body", "document_id", "memo_id", "start_offset", "speaker")
#: Rows per INSERT statement: 150 rows of 6 columns stay under the 999 bound parameters an old
#: SQLite allows.
_ROWS_PER_INSERT = 150


def add_units(conn: Connection, units: Iterable[Unit], later: bulk.Deferred | None = None) -> None:
    """Index ``units`` (blank ones are left out); with ``later``, when that is flushed. ``units`` is
    read lazily, a batch at a time, so a large document's units never all exist at once."""
    rows = (
        (u.kind, u.body, u.document_id, u.memo_id, u.start_offset, u.speaker)
        for u in units
        if u.body.strip()
    )
    if later is not None:
        later.add_stream(insert_rows, rows)
    else:
        insert_rows(conn, rows)


def insert_rows(conn: Connection, rows: Iterable[tuple[object, ...]]) -> None:
    """Search-unit rows in the order of ``_COLUMNS``, read a batch at a time."""
    if conn.dialect.name != "sqlite":
        # One COPY (``bulk``), fed a row at a time: a pipelined executemany left the server answering
        # one INSERT per row, and rows gathered into batches of 10,000 held that many unit texts at
        # once (for one long transcript, a whole copy of its text).
        bulk.stream_rows(conn, search_units, _COLUMNS, rows)
        return
    # Multi-row INSERTs, not executemany: each statement opens a savepoint, at which SQLite's FTS5
    # flushes its pending terms to disk (fts5SavepointMethod), so one statement per row made
    # indexing ~3x slower (1.08 s against 0.34 s of CPU for 100 interviews of 10k words). The SQL is
    # written here rather than built with insert().values(rows), which costs more to compile than
    # it saves.
    one_row = "(" + ", ".join("?" * len(_COLUMNS)) + ")"
    head = f"INSERT INTO search_units ({', '.join(_COLUMNS)}) VALUES "
    for chunk in bulk.batches(rows, _ROWS_PER_INSERT):
        values = tuple(v for row in chunk for v in row)
        conn.exec_driver_sql(head + ", ".join([one_row] * len(chunk)), values)


def drop_document_units(conn: Connection, document_id: int) -> None:
    conn.execute(delete(search_units).where(search_units.c.document_id == document_id))


def drop_memo_units(conn: Connection, memo_id: int) -> None:
    conn.execute(delete(search_units).where(search_units.c.memo_id == memo_id))


def _fts5(query: Query) -> str:
    def term(t: Term) -> str:
        phrase = '"' + " ".join(t.words) + '"'
        return phrase + "*" if t.prefix else phrase

    return " ".join(term(t) for t in query.terms)


def _tsquery(query: Query) -> str:
    def term(t: Term) -> str:
        words = [f"'{w}'" for w in t.words]
        if t.prefix:
            words[-1] += ":*"
        return "(" + " <-> ".join(words) + ")"

    return " & ".join(term(t) for t in query.terms)


#: The FTS5 table (made by the migrations, not in the metadata): only its rowid is read.
_FTS = table("search_fts", column("rowid"))


def _candidates(conn: Connection, query: Query, limit: int) -> Sequence[object]:
    # Core, not SQL text: a memo unit is hidden from a member who may not read its memo, and that rule
    # (storage/visibility.py) can only rewrite a statement it can see into.
    u = search_units
    columns = (u.c.id, u.c.kind, u.c.document_id, u.c.memo_id, u.c.start_offset, u.c.speaker, u.c.body)
    if conn.dialect.name == "sqlite":
        # Ordering by the FTS5 rowid (equal to u.id) lets FTS5 walk its doclist in order and stop at
        # the limit; ORDER BY u.id made SQLite fetch and sort every match first, e.g. 34 ms instead
        # of 0.6 ms for "the" over 300 interviews.
        found = (select(*columns).select_from(_FTS.join(u, u.c.id == _FTS.c.rowid))
                 .where(text("search_fts MATCH :q").bindparams(q=_fts5(query))).order_by(_FTS.c.rowid))
    else:
        found = (select(*columns)
                 .where(text("search_units.tsv @@ to_tsquery('simple', :q)").bindparams(q=_tsquery(query)))
                 .order_by(u.c.id))
    return conn.execute(found.limit(limit)).all()


def search(conn: Connection, query: Query, limit: int = 50) -> list[SearchHit]:
    """Hits in reading order (documents as imported, then turn order; memos by creation)."""
    # Fetch extra candidates: the engine's tokenizer may match a unit that the exact word-boundary
    # check in ``locate`` then rejects (rare, e.g. underscores), and we still want ``limit`` hits.
    rows = _candidates(conn, query, limit * 2 + 10)
    # Titles of the documents hit only, not of every document in the project.
    doc_ids = {row.document_id for row in rows} - {None}  # type: ignore[attr-defined]
    hit_docs = select(documents.c.id, documents.c.title).where(documents.c.id.in_(doc_ids))
    titles = dict(conn.execute(hit_docs).all())
    hits: list[SearchHit] = []
    for row in rows:
        spans = locate(query, row.body)  # type: ignore[attr-defined]
        if not spans:
            continue
        snip, marks = snippet(row.body, spans)  # type: ignore[attr-defined]
        base = row.start_offset  # type: ignore[attr-defined]
        absolute = tuple((s + base, e + base) for s, e in spans)
        hits.append(
            SearchHit(
                kind="document" if row.kind == "turn" else "memo",  # type: ignore[attr-defined]
                document_id=row.document_id,  # type: ignore[attr-defined]
                document=titles.get(row.document_id),  # type: ignore[attr-defined]
                memo_id=row.memo_id,  # type: ignore[attr-defined]
                start=absolute[0][0],
                end=absolute[0][1],
                offsets=absolute,
                snippet=snip,
                snippet_marks=marks,
                speaker=row.speaker,  # type: ignore[attr-defined]
            )
        )
        if len(hits) >= limit:
            break
    return hits
