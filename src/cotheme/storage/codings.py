"""Repository of codings and the extracts read from them.

The speaker of an extract is the speaker of the turn its start falls in (the last turn of its revision
starting at or before it). It is stored with the coding (``codings.speaker``, migration 0006) by every
write here that places a coding — ``insert_coding``, ``insert_many``, ``update_coding`` and, in
``revisions``, ``carry_codings`` and ``place`` through ``speaker_at`` — and renamed with its turns by
``documents.rename_speaker``; reading 10,000 extracts then needs no per-row lookup.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection, String, bindparam, delete, insert, select, type_coerce, update

from cotheme.domain.codings import Extract
from cotheme.domain.text import Anchor
from cotheme.storage import bulk
from cotheme.storage.schema import cases, codes, codings, documents, members, new_guid, turns


def insert_coding(
    conn: Connection,
    *,
    document_id: int,
    revision_id: int,
    code_id: int,
    coder_id: int | None,
    anchor: Anchor,
    stamp: datetime,
) -> int:
    return insert_placed(conn, document_id=document_id, revision_id=revision_id, code_id=code_id,
                         coder_id=coder_id, anchor=anchor, stamp=stamp)[0]


def insert_placed(
    conn: Connection,
    *,
    document_id: int,
    revision_id: int,
    code_id: int,
    coder_id: int | None,
    anchor: Anchor,
    stamp: datetime,
) -> tuple[int, str | None]:
    """Insert one coding; its id and the speaker it was given (the turn its start falls in), both
    returned by the INSERT itself."""
    result = conn.execute(
        _insert_one(),
        {"document_id": document_id, "revision_id": revision_id, "code_id": code_id, "coder_id": coder_id,
         "start_offset": anchor.start, "end_offset": anchor.end, "quote": anchor.quote, "prefix": anchor.prefix,
         "suffix": anchor.suffix, "created_at": stamp, "updated_at": stamp,
         "cotheme_revision": revision_id, "cotheme_start": anchor.start},
    )
    coding_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    returned = result.returned_defaults
    if returned is not None:
        return coding_id, returned._mapping["speaker"]
    speaker = conn.execute(select(codings.c.speaker).where(codings.c.id == coding_id)).scalar_one()
    return coding_id, speaker


@cache
def _insert_one() -> Any:
    """One coding's INSERT, built once with bound parameters: building it per call (values, the speaker's
    subquery) was a fifth of adding a coding's server time. The speaker comes back with it."""
    return (insert(codings).values(speaker=speaker_at(bindparam("cotheme_revision"), bindparam("cotheme_start")))
            .return_defaults(codings.c.speaker))


def speaker_at(revision: Any, start: Any) -> Any:
    """SQL for the speaker of the turn a coding starting at ``start`` on ``revision`` falls in; both
    may be values, bound parameters or columns."""
    return (
        select(turns.c.speaker)
        .where(turns.c.revision_id == revision, turns.c.start_offset <= start)
        .order_by(turns.c.start_offset.desc())
        .limit(1)
        .correlate_except(turns)
        .scalar_subquery()
    )


def insert_many(conn: Connection, rows: list[dict[str, object]]) -> None:
    """Bulk insert of coding rows already holding every column but ``speaker`` (used by generators
    and imports); the speakers are found here, from one read of the revisions' turns."""
    if not rows:
        return
    starts: dict[Any, list[Any]] = defaultdict(list)
    labels: dict[Any, list[Any]] = defaultdict(list)
    revision_ids = {row["revision_id"] for row in rows}
    for rev, start, label in conn.execute(
        select(turns.c.revision_id, turns.c.start_offset, turns.c.speaker)
        .where(turns.c.revision_id.in_(revision_ids))
        .order_by(turns.c.revision_id, turns.c.start_offset)
    ):
        starts[rev].append(start)
        labels[rev].append(label)
    for row in rows:
        rev = row["revision_id"]
        at = bisect_right(starts.get(rev, ()), row["start_offset"]) - 1
        row["speaker"] = labels[rev][at] if at >= 0 else None
        row.setdefault("guid", new_guid())  # COPY applies no column defaults
    # COPY on PostgreSQL: 100,000 codings of a REFI-QDA import took 2.4 s as an executemany.
    columns = list(rows[0])
    bulk.load_rows(conn, codings, columns, [tuple(row[c] for c in columns) for row in rows], audited=True)


def extracts(
    conn: Connection,
    *,
    code_ids: Sequence[int] | None = None,
    document_id: int | None = None,
    coder_id: int | None = None,
    coding_id: int | None = None,
    code_paths: Mapping[int, str] | None = None,
) -> list[Extract]:
    """Every extract matching all the given filters, in document then text order.

    ``code_paths`` (code id -> ``Parent/Child``) fills ``Extract.code_path``; without it the path is
    left empty for the caller to fill.
    """
    query = select(
        codings.c.id,
        codings.c.document_id,
        codings.c.speaker,
        codings.c.code_id,
        codings.c.coder_id,
        codings.c.start_offset,
        codings.c.end_offset,
        codings.c.quote,
        type_coerce(codings.c.created_at, String).label("created_at"),
    )
    if code_ids is not None:
        query = query.where(codings.c.code_id.in_(list(code_ids)))
    if document_id is not None:
        query = query.where(codings.c.document_id == document_id)
    if coder_id is not None:
        query = query.where(codings.c.coder_id == coder_id)
    paths = code_paths or {}
    if coding_id is not None:
        return _one(conn, query.where(codings.c.id == coding_id), paths)
    # Reading 10,000 extracts is dominated by per-row Python work, so: the rows are fetched at once
    # (``all()``, not one ``fetchone`` per row); titles, participant ids, code and coder names are read
    # once per document, code and member and shared, not joined into every row (on PostgreSQL each
    # joined string was decoded again for each of the 10,000 rows); the timestamp comes back as the
    # driver gives it (SQLAlchemy's SQLite DateTime parser is a regex per row; ``_stamp`` parses ISO
    # text in C); the path is filled here rather than with a ``dataclasses.replace()`` per extract.
    # Sorted here, not by ORDER BY: PostgreSQL sorted the wide rows (quotes included) on the server,
    # 12 ms for 10,000; on SQLite they arrive in order from ix_codings_code_document_start already, and
    # Python's sort of an ordered list is one pass.
    with bulk.collector_paused():
        rows = sorted(conn.execute(query).all(), key=_reading_order)
        doc_ids = {row[1] for row in rows}
        titles: dict[int, str] = {}
        pids: dict[int, str | None] = {}
        if doc_ids:
            for doc_id, title, pid in conn.execute(
                select(documents.c.id, documents.c.title, cases.c.pid)
                .outerjoin(cases, cases.c.id == documents.c.case_id)
                .where(documents.c.id.in_(doc_ids))
            ):
                titles[doc_id], pids[doc_id] = title, pid
        code_names = _names(conn, codes, {row[3] for row in rows})
        coders = _names(conn, members, {row[4] for row in rows} - {None})
        # PostgreSQL hands back aware datetimes already; SQLite, ISO text for ``_stamp``.
        stamp = _stamp if conn.dialect.name == "sqlite" else _as_is
        make = Extract
        return [
            make(row_id, doc_id, titles[doc_id], pids[doc_id], who, row_code_id, code_names[row_code_id],
                 paths.get(row_code_id, ""), coders.get(row_coder_id), start, end, quote, stamp(created))
            for row_id, doc_id, who, row_code_id, row_coder_id, start, end, quote, created in rows
        ]


def _as_is(value: Any) -> Any:
    return value


def _one(conn: Connection, query: Any, paths: Mapping[int, str]) -> list[Extract]:
    """The extract of one coding, names joined in (one statement: adding a coding reads it back)."""
    joined = (
        query.add_columns(documents.c.title, cases.c.pid, codes.c.name, members.c.name)
        .join(documents, documents.c.id == codings.c.document_id)
        .join(codes, codes.c.id == codings.c.code_id)
        .outerjoin(cases, cases.c.id == documents.c.case_id)
        .outerjoin(members, members.c.id == codings.c.coder_id)
    )
    return [
        Extract(row_id, doc_id, title, pid, who, code_id, code, paths.get(code_id, ""), coder, start, end,
                quote, _stamp(created))
        for row_id, doc_id, who, code_id, _, start, end, quote, created, title, pid, code, coder
        in conn.execute(joined)
    ]


def _names(conn: Connection, table: Any, ids: set[Any]) -> dict[Any, str]:
    """``name`` by id for the given ids of ``codes`` or ``members``."""
    if not ids:
        return {}
    return dict(conn.execute(select(table.c.id, table.c.name).where(table.c.id.in_(ids))).all())


def _reading_order(row: Sequence[object]) -> tuple[object, object, object]:
    return row[1], row[5], row[0]  # document, start, coding id


def _stamp(value: object) -> datetime:
    """A timestamp read raw: ISO text on SQLite (naive, meaning UTC), a ``datetime`` on PostgreSQL."""
    if isinstance(value, str):
        # Parsing with the offset appended is 8x cheaper than parsing then ``replace(tzinfo=UTC)``.
        return datetime.fromisoformat(value if value[-6] in "+-" else value + "+00:00")
    assert isinstance(value, datetime)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def get_row(conn: Connection, coding_id: int) -> object | None:
    return conn.execute(select(codings).where(codings.c.id == coding_id)).first()


def update_coding(conn: Connection, coding_id: int, *, code_id: int | None, anchor: Anchor | None, stamp: datetime) -> None:
    values: dict[str, object] = {"updated_at": stamp}
    if code_id is not None:
        values["code_id"] = code_id
    if anchor is not None:
        values.update(
            start_offset=anchor.start, end_offset=anchor.end, quote=anchor.quote,
            prefix=anchor.prefix, suffix=anchor.suffix, speaker=speaker_at(codings.c.revision_id, anchor.start),
        )
    conn.execute(update(codings).where(codings.c.id == coding_id).values(**values))


def delete_coding(conn: Connection, coding_id: int) -> None:
    conn.execute(delete(codings).where(codings.c.id == coding_id))
