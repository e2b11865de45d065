"""Repository of codings and the extracts read from them.

The speaker of an extract is the speaker of the turn its start falls in, found with one indexed
lookup per row rather than by loading transcripts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, String, and_, delete, insert, select, type_coerce, update

from cotheme.domain.codings import Extract
from cotheme.domain.text import Anchor
from cotheme.storage.schema import cases, codes, codings, documents, members, turns


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
    return conn.execute(  # type: ignore[no-any-return]
        insert(codings).values(
            document_id=document_id,
            revision_id=revision_id,
            code_id=code_id,
            coder_id=coder_id,
            start_offset=anchor.start,
            end_offset=anchor.end,
            quote=anchor.quote,
            prefix=anchor.prefix,
            suffix=anchor.suffix,
            created_at=stamp,
            updated_at=stamp,
        )
    ).inserted_primary_key[0]  # type: ignore[index]


def insert_many(conn: Connection, rows: list[dict[str, object]]) -> None:
    """Bulk insert of coding rows already holding every column (used by generators and imports)."""
    if rows:
        conn.execute(insert(codings), rows)


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
    speaker = (
        select(turns.c.speaker)
        .where(
            and_(turns.c.revision_id == codings.c.revision_id, turns.c.start_offset <= codings.c.start_offset)
        )
        .order_by(turns.c.start_offset.desc())
        .limit(1)
        .correlate(codings)
        .scalar_subquery()
    )
    query = (
        select(
            codings.c.id,
            codings.c.document_id,
            documents.c.title,
            cases.c.pid,
            speaker.label("speaker"),
            codes.c.name.label("code"),
            codes.c.id.label("code_id"),
            members.c.name.label("coder"),
            codings.c.start_offset,
            codings.c.end_offset,
            codings.c.quote,
            type_coerce(codings.c.created_at, String).label("created_at"),
        )
        .join(documents, documents.c.id == codings.c.document_id)
        .join(codes, codes.c.id == codings.c.code_id)
        .outerjoin(cases, cases.c.id == documents.c.case_id)
        .outerjoin(members, members.c.id == codings.c.coder_id)
        .order_by(codings.c.document_id, codings.c.start_offset, codings.c.id)
    )
    if code_ids is not None:
        query = query.where(codings.c.code_id.in_(list(code_ids)))
    if document_id is not None:
        query = query.where(codings.c.document_id == document_id)
    if coder_id is not None:
        query = query.where(codings.c.coder_id == coder_id)
    if coding_id is not None:
        query = query.where(codings.c.id == coding_id)
    paths = code_paths or {}
    # Reading 10,000 extracts is dominated by per-row Python work, so the rows are fetched at once
    # (``all()``, not one ``fetchone`` per row), the timestamp comes back as the driver gives it
    # (SQLAlchemy's SQLite DateTime parser is a regex per row; ``_stamp`` parses ISO text in C) and
    # the path is filled here rather than with a ``dataclasses.replace()`` per extract.
    rows = conn.execute(query).all()
    make = Extract
    return [
        make(row_id, doc_id, title, pid, who, row_code_id, code_name, paths.get(row_code_id, ""),
             coder, start, end, quote, _stamp(created))
        for row_id, doc_id, title, pid, who, code_name, row_code_id, coder, start, end, quote, created
        in rows
    ]


def _stamp(value: object) -> datetime:
    """A timestamp read raw: ISO text on SQLite, a ``datetime`` on PostgreSQL; aware UTC either way."""
    stamp = datetime.fromisoformat(value) if isinstance(value, str) else value
    assert isinstance(stamp, datetime)
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=UTC)


def get_row(conn: Connection, coding_id: int) -> object | None:
    return conn.execute(select(codings).where(codings.c.id == coding_id)).first()


def update_coding(conn: Connection, coding_id: int, *, code_id: int | None, anchor: Anchor | None, stamp: datetime) -> None:
    values: dict[str, object] = {"updated_at": stamp}
    if code_id is not None:
        values["code_id"] = code_id
    if anchor is not None:
        values.update(
            start_offset=anchor.start, end_offset=anchor.end, quote=anchor.quote,
            prefix=anchor.prefix, suffix=anchor.suffix,
        )
    conn.execute(update(codings).where(codings.c.id == coding_id).values(**values))


def delete_coding(conn: Connection, coding_id: int) -> None:
    conn.execute(delete(codings).where(codings.c.id == coding_id))
