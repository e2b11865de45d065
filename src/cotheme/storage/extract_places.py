"""The rows of an extracts table as plain tuples: the codings a filter chooses, each with its document,
participant, code and coder (resolved once per document and member) and the speaker turn it sits in with
the turn's times; and the memos written on the codings.

One statement reads the codings with their turns and returns plain tuples, not ``Extract`` objects: for
9,000 extracts, building an object per row, parsing a timestamp the table never shows and a second pass
over the codings for their turns cost more than reading the rows. Everything goes through the ordinary
connection, so the blind-document rule (``visibility.py``) applies to it as to every read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, case, func, select, text, true

from cotheme.storage.schema import cases, codings, documents, members, memos, turns

#: One coding of an extracts table: id, document id, document title, participant id, speaker, code id,
#: coder name, start, end, quoted text, then its turn (1 = the first), the start time of that turn and
#: the end time of the turn its last character falls in (milliseconds; ``None`` when unknown).
CodingRow = tuple[int, int, str, str | None, str | None, int, str | None, int, int, str,
                  int | None, int | None, int | None]


def coding_rows(conn: Connection, *, code_ids: Collection[int] | None = None, document_id: int | None = None,
                coder_id: int | None = None) -> list[CodingRow]:
    """Every coding matching all the given filters with its turn and times, in document then text order
    (then coding id), as ``codings.extracts`` orders its extracts."""
    if conn.dialect.name == "postgresql":
        # The turn seeks push the plan's cost estimate past ``jit_above_cost`` (100,000), and compiling
        # it took 22 ms of the 80 ms this statement took for 9,000 codings; index seeks gain nothing
        # from it. ``LOCAL``: until this read transaction ends.
        conn.execute(text("SET LOCAL jit = off"))
    joined, idx, start_ms, end_ms = _turn_columns(conn)
    query = (select(codings.c.id, codings.c.document_id, codings.c.speaker, codings.c.code_id,
                    codings.c.coder_id, codings.c.start_offset, codings.c.end_offset, codings.c.quote,
                    idx, start_ms, end_ms)
             .select_from(joined))
    if code_ids is not None:
        query = query.where(codings.c.code_id.in_(sorted(code_ids)))
    if document_id is not None:
        query = query.where(codings.c.document_id == document_id)
    if coder_id is not None:
        query = query.where(codings.c.coder_id == coder_id)
    # Sorted here rather than by ORDER BY, as ``codings.extracts`` does: PostgreSQL sorted the wide rows
    # (quotes included) on the server, and an ``itemgetter`` key sorts 9,000 tuples in a few ms.
    rows = sorted(conn.execute(query).all(), key=_reading_order)
    named = _documents(conn, {row[1] for row in rows})
    coder_ids = sorted({row[4] for row in rows} - {None})
    coders: dict[int, str] = dict(conn.execute(
        select(members.c.id, members.c.name).where(members.c.id.in_(coder_ids))).all()) if coder_ids else {}
    return [(row_id, doc_id, *named[doc_id], speaker, code_id, coders.get(who), start, end, quote,
             None if turn is None else turn + 1, turn_ms, last_ms)
            for row_id, doc_id, speaker, code_id, who, start, end, quote, turn, turn_ms, last_ms in rows]


def _documents(conn: Connection, doc_ids: set[int]) -> dict[int, tuple[str, str | None]]:
    """(title, participant id) of each document."""
    if not doc_ids:
        return {}
    return {doc_id: (title, pid) for doc_id, title, pid in conn.execute(
        select(documents.c.id, documents.c.title, cases.c.pid)
        .outerjoin(cases, cases.c.id == documents.c.case_id).where(documents.c.id.in_(sorted(doc_ids))))}


#: Reading order: document, start, coding id (an ``itemgetter`` sorts without a Python call per row).
_reading_order = itemgetter(1, 5, 0)


def _turn_at(offset: Any, *, before: bool = False) -> Any:
    """SQL: the id of the turn of the coding's revision that holds ``offset`` (with ``before``, the
    last turn starting before it)."""
    t = turns.alias("cotheme_turn")
    at = t.c.start_offset < offset if before else t.c.start_offset <= offset
    return (select(t.c.id).where(t.c.revision_id == codings.c.revision_id, at)
            .order_by(t.c.start_offset.desc()).limit(1).correlate(codings).scalar_subquery())


def _turn_columns(conn: Connection) -> tuple[Any, Any, Any, Any]:
    """``codings`` joined to the turn each coding's start falls in, and SQL for that turn's index
    (0-based), its start time and the end time of the turn the coding's last character falls in (for
    captions without end times, the start of the next turn).

    Found in SQL, one index seek per coding (two more for a timed transcript): reading every turn of
    300 interviews (50,000 rows) to look them up in Python took three times as long. PostgreSQL gets
    the first turn from a LATERAL join: joining on the turn's id made it seek each turn twice."""
    last, following = turns.alias("cotheme_last"), turns.alias("cotheme_next")
    if conn.dialect.name == "postgresql":
        first: Any = (select(turns.c.idx, turns.c.t_start_ms)
                      .where(turns.c.revision_id == codings.c.revision_id, turns.c.start_offset <= codings.c.start_offset)
                      .order_by(turns.c.start_offset.desc()).limit(1).lateral("cotheme_first"))
        joined = codings.outerjoin(first, true())
    else:
        first = turns.alias("cotheme_first")
        joined = codings.outerjoin(first, first.c.id == _turn_at(codings.c.start_offset))
    next_start = (select(following.c.t_start_ms)
                  .where(following.c.revision_id == codings.c.revision_id,
                         following.c.start_offset >= codings.c.end_offset)
                  .order_by(following.c.start_offset).limit(1).correlate(codings).scalar_subquery())
    end_ms = case((first.c.t_start_ms.is_not(None), func.coalesce(
        select(last.c.t_end_ms).where(last.c.id == _turn_at(codings.c.end_offset, before=True))
        .correlate(codings).scalar_subquery(), next_start)), else_=None)
    return joined, first.c.idx, first.c.t_start_ms, end_ms


def coding_memos(conn: Connection, document_ids: Collection[int]) -> dict[int, list[tuple[str | None, str]]]:
    """(author, text) of the memos on each coding in ``document_ids``, oldest first."""
    found: dict[int, list[tuple[str | None, str]]] = defaultdict(list)
    for coding_id, author, text in conn.execute(
        select(memos.c.coding_id, members.c.name, memos.c.text)
        .join(codings, codings.c.id == memos.c.coding_id)
        .outerjoin(members, members.c.id == memos.c.author_id)
        .where(codings.c.document_id.in_(sorted(document_ids)))
        .order_by(memos.c.created_at, memos.c.id)
    ).all():
        found[coding_id].append((author, text))
    return found
