"""Repository of the assistant's cache and records: passages with their embedding (float32 bytes) per
document revision, and the provenance of codings made by accepting a suggestion.

Must not compute embeddings or scores (services do), and must not touch the codings' own rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Connection, delete, func, insert, select

from cotheme.storage import visibility
from cotheme.storage.schema import (
    assist_passages,
    assist_provenance,
    assist_texts,
    codes,
    codings,
    documents,
    members,
    revisions,
    settings,
    turns,
)

#: The settings row that changes with every change of the cached passages.
STAMP_KEY = "assist_index_stamp"


class PassageRow(NamedTuple):
    id: int
    document_id: int
    revision_id: int
    kind: str
    start: int
    end: int
    vector: bytes


class CodedSpan(NamedTuple):
    coding_id: int
    code_id: int
    document_id: int
    revision_id: int
    start: int
    end: int
    quote: str


def current_revisions(conn: Connection) -> list[tuple[int, str, int]]:
    """(document id, title, current revision id) of every document, in id order."""
    return [tuple(r) for r in conn.execute(  # type: ignore[misc]
        select(documents.c.id, documents.c.title, documents.c.current_revision_id).order_by(documents.c.id)
    )]


def indexed(conn: Connection, model: str) -> dict[int, int]:
    """Document id -> the revision its passages were embedded from, for vectors of ``model``."""
    rows = conn.execute(
        select(assist_passages.c.document_id, func.max(assist_passages.c.revision_id))
        .where(assist_passages.c.model == model)
        .group_by(assist_passages.c.document_id)
    )
    return dict(rows.all())  # type: ignore[arg-type]


def revision_text(conn: Connection, revision_id: int) -> tuple[str, list[tuple[int, int]]]:
    """A revision's text and its turns' spans."""
    text = conn.execute(select(revisions.c.text).where(revisions.c.id == revision_id)).scalar_one()
    spans = conn.execute(
        select(turns.c.start_offset, turns.c.end_offset).where(turns.c.revision_id == revision_id).order_by(turns.c.idx)
    )
    return text, [(s, e) for s, e in spans]


def replace_passages(
    conn: Connection, document_id: int, revision_id: int, model: str,
    rows: Iterable[tuple[str, int, int, bytes]],
) -> int:
    """Drop every cached passage of the document and store ``rows`` (kind, start, end, vector)."""
    conn.execute(delete(assist_passages).where(assist_passages.c.document_id == document_id))
    values = [
        {"document_id": document_id, "revision_id": revision_id, "kind": kind, "start_offset": start,
         "end_offset": end, "model": model, "vector": vector}
        for kind, start, end, vector in rows
    ]
    if values:
        conn.execute(insert(assist_passages), values)
    _changed(conn)
    return len(values)


def drop_other_models(conn: Connection, model: str) -> int:
    """Forget vectors made by any other model: they cannot be compared with ``model``'s."""
    dropped = conn.execute(delete(assist_passages).where(assist_passages.c.model != model)).rowcount
    conn.execute(delete(assist_texts).where(assist_texts.c.model != model))
    if dropped:
        _changed(conn)
    return dropped


def drop_all(conn: Connection) -> int:
    """Forget every cached passage and text vector (assistance turned off)."""
    dropped = conn.execute(delete(assist_passages)).rowcount
    conn.execute(delete(assist_texts))
    _changed(conn)
    return dropped


def drop_stale(conn: Connection, keep: set[int]) -> None:
    """Forget passages of documents no longer present (deleted documents cascade anyway)."""
    stale = select(assist_passages.c.document_id).where(assist_passages.c.document_id.not_in(keep))
    if conn.execute(delete(assist_passages).where(assist_passages.c.document_id.in_(stale.scalar_subquery()))).rowcount:
        _changed(conn)


def passage_count(conn: Connection, model: str) -> int:
    """How many rows ``passages`` yields."""
    return counts(conn, model)[1]


def passages(conn: Connection, model: str, kinds: Sequence[str] = ("turn", "sentence")) -> Iterator[PassageRow]:
    """Every cached passage of the documents' current revisions embedded by ``model``, in id order,
    streamed (a server-side cursor on PostgreSQL) rather than held all at once."""
    query = (
        select(
            assist_passages.c.id, assist_passages.c.document_id, assist_passages.c.revision_id,
            assist_passages.c.kind, assist_passages.c.start_offset, assist_passages.c.end_offset,
            assist_passages.c.vector,
        )
        .join(documents, documents.c.current_revision_id == assist_passages.c.revision_id)
        .where(assist_passages.c.model == model, assist_passages.c.kind.in_(list(kinds)))
        .order_by(assist_passages.c.id)
    )
    for row in conn.execution_options(yield_per=2000).execute(query):
        yield PassageRow(*row)


def passage(conn: Connection, passage_id: int) -> PassageRow | None:
    row = conn.execute(
        select(
            assist_passages.c.id, assist_passages.c.document_id, assist_passages.c.revision_id,
            assist_passages.c.kind, assist_passages.c.start_offset, assist_passages.c.end_offset,
            assist_passages.c.vector,
        ).where(assist_passages.c.id == passage_id)
    ).first()
    return PassageRow(*row) if row else None


def counts(conn: Connection, model: str) -> tuple[int, int]:
    """(documents indexed at their current revision, passages of them) for ``model``."""
    row = conn.execute(
        select(func.count(func.distinct(assist_passages.c.document_id)), func.count())
        .select_from(assist_passages)
        .join(documents, documents.c.current_revision_id == assist_passages.c.revision_id)
        .where(assist_passages.c.model == model)
    ).one()
    return int(row[0]), int(row[1])


def document_indexed(conn: Connection, document_id: int, model: str) -> bool:
    """Whether the document's current revision has passages of ``model`` (one indexed row read)."""
    current = select(documents.c.current_revision_id).where(documents.c.id == document_id).scalar_subquery()
    found = conn.execute(
        select(assist_passages.c.id)
        .where(assist_passages.c.revision_id == current, assist_passages.c.model == model)
        .limit(1)
    ).first()
    return found is not None


def coded_spans(conn: Connection, code_ids: Sequence[int] | None = None) -> list[CodedSpan]:
    """Every coding as (coding, code, document, revision, start, end, quote)."""
    query = select(
        codings.c.id, codings.c.code_id, codings.c.document_id, codings.c.revision_id,
        codings.c.start_offset, codings.c.end_offset, codings.c.quote,
    ).order_by(codings.c.id)
    if code_ids is not None:
        query = query.where(codings.c.code_id.in_(list(code_ids)))
    return [CodedSpan(*r) for r in conn.execute(query)]


def text_vectors(conn: Connection, model: str, digests: Sequence[str]) -> dict[str, bytes]:
    """Cached vectors of texts (by SHA-256) embedded by ``model``."""
    found: dict[str, bytes] = {}
    wanted = sorted(set(digests))
    for first in range(0, len(wanted), 500):
        query = select(assist_texts.c.text_sha256, assist_texts.c.vector).where(
            assist_texts.c.model == model, assist_texts.c.text_sha256.in_(wanted[first:first + 500]))
        found.update((str(d), bytes(v)) for d, v in conn.execute(query))
    return found


def add_text_vectors(conn: Connection, model: str, vectors: dict[str, bytes]) -> None:
    """Keep the vectors of newly embedded texts (by SHA-256); texts already kept are left alone."""
    known = text_vectors(conn, model, list(vectors))
    rows = [{"model": model, "text_sha256": d, "vector": v} for d, v in vectors.items() if d not in known]
    if rows:
        conn.execute(insert(assist_texts), rows)


def uncodable_codes(conn: Connection) -> set[int]:
    """Codes another program marked not codable (REFI-QDA ``isCodable="false"``: folders)."""
    from cotheme.storage.exchange import uncodable

    guids = uncodable(conn)
    if not guids:
        return set()
    return {int(r[0]) for r in conn.execute(select(codes.c.id).where(codes.c.guid.in_(sorted(guids))))}


def parent_codes(conn: Connection) -> set[int]:
    """Codes that have child codes."""
    query = select(codes.c.parent_id).where(codes.c.parent_id.is_not(None)).distinct()
    return {int(r[0]) for r in conn.execute(query)}


def speaker_turns(conn: Connection) -> list[tuple[int, int, int, str, str]]:
    """(revision, start, end, speaker, the document's interviewer) of every turn of the current revisions
    that has a speaker."""
    query = (
        select(turns.c.revision_id, turns.c.start_offset, turns.c.end_offset, turns.c.speaker,
               documents.c.interviewer)
        .join(documents, documents.c.current_revision_id == turns.c.revision_id)
        .where(turns.c.speaker.is_not(None))
    )
    return [(int(r[0]), int(r[1]), int(r[2]), str(r[3]), str(r[4] or "")) for r in conn.execute(query)]


def codings_stamp(conn: Connection) -> tuple[object, ...]:
    """Changes whenever a coding is added, moved, recoded or deleted, and with whose view of blind
    documents is read (the profile cache key): two coders' views can count alike yet hold different
    codings, and a profile remembers where its codings lie."""
    row = conn.execute(select(func.count(), func.max(codings.c.id), func.max(codings.c.updated_at))).one()
    return (*row, visibility.scope())


def index_stamp(conn: Connection, model: str) -> tuple[object, ...]:
    """Changes whenever cached passages or documents' revisions change (the in-process cache key).

    Read from a settings row written with every change of the cache, plus two small aggregates over
    documents and revisions: counting 300,000 passage rows with their vectors would scan ~0.5 GB."""
    stored = conn.execute(select(settings.c.value).where(settings.c.key == STAMP_KEY)).scalar_one_or_none()
    docs = conn.execute(select(func.count(), func.max(revisions.c.id)).select_from(revisions)).one()
    return (model, stored, *docs, conn.execute(select(func.count()).select_from(documents)).scalar_one())


def _changed(conn: Connection) -> None:
    conn.execute(delete(settings).where(settings.c.key == STAMP_KEY))
    conn.execute(insert(settings).values(key=STAMP_KEY, value=uuid.uuid4().hex))


def add_provenance(
    conn: Connection, *, coding_id: int, source: str, model: str, score: float, member_id: int | None,
    stamp: datetime,
) -> None:
    conn.execute(insert(assist_provenance).values(
        coding_id=coding_id, source=source, model=model[:200], score=score, accepted_by=member_id,
        accepted_at=stamp,
    ))


def provenance(conn: Connection) -> list[tuple[int, str, str, float, str | None, datetime]]:
    """(coding id, source, model, score, member name, time) of every accepted suggestion."""
    rows = conn.execute(
        select(
            assist_provenance.c.coding_id, assist_provenance.c.source, assist_provenance.c.model,
            assist_provenance.c.score, members.c.name, assist_provenance.c.accepted_at,
        )
        .outerjoin(members, members.c.id == assist_provenance.c.accepted_by)
        .order_by(assist_provenance.c.coding_id)
    )
    return [tuple(r) for r in rows]  # type: ignore[misc]


def accepted_count(conn: Connection) -> dict[str, int]:
    """Accepted suggestions still coded in the project, per model."""
    rows = conn.execute(
        select(assist_provenance.c.model, func.count()).group_by(assist_provenance.c.model)
    )
    return {model: int(n) for model, n in rows}
