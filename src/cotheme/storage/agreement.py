"""Reading what agreement and reconciliation compare: codings of chosen coders on chosen documents,
with the revision each lies on, and the consensus notes kept as memos on codings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select

from cotheme.storage.schema import codings, documents, memos


@dataclass(frozen=True, slots=True)
class CodingRow:
    """One coding's placement; ``current`` is False while it waits on an earlier revision."""

    id: int
    document_id: int
    code_id: int
    coder_id: int | None
    start: int
    end: int
    current: bool


def coding_rows(conn: Connection, document_ids: Sequence[int], coder_ids: Sequence[int] | None) -> list[CodingRow]:
    """Codings by any of ``coder_ids`` (``None``: by anyone) on any of ``document_ids``, in document
    then text order."""
    if not document_ids or (coder_ids is not None and not coder_ids):
        return []
    query = (
        select(codings.c.id, codings.c.document_id, codings.c.code_id, codings.c.coder_id,
               codings.c.start_offset, codings.c.end_offset,
               (codings.c.revision_id == documents.c.current_revision_id).label("current"))
        .join(documents, documents.c.id == codings.c.document_id)
        .where(codings.c.document_id.in_(list(document_ids)))
        .order_by(codings.c.document_id, codings.c.start_offset, codings.c.id)
    )
    if coder_ids is not None:
        query = query.where(codings.c.coder_id.in_(list(coder_ids)))
    return [CodingRow(r.id, r.document_id, r.code_id, r.coder_id, r.start_offset, r.end_offset, bool(r.current))
            for r in conn.execute(query)]


def documents_coded_by(conn: Connection, coder_ids: Sequence[int]) -> list[int]:
    """Documents every one of ``coder_ids`` has coded at least once (current revision), by id."""
    sets = []
    for coder in coder_ids:
        rows = conn.execute(
            select(codings.c.document_id).distinct()
            .join(documents, documents.c.id == codings.c.document_id)
            .where(codings.c.coder_id == coder, codings.c.revision_id == documents.c.current_revision_id)
        )
        sets.append({r[0] for r in rows})
    return sorted(set.intersection(*sets)) if sets else []


def coding_notes(conn: Connection, coding_ids: Sequence[int], prefix: str) -> list[tuple[int, int, str]]:
    """(memo id, coding id, text) of memos on ``coding_ids`` whose text starts with ``prefix``."""
    if not coding_ids:
        return []
    rows = conn.execute(
        select(memos.c.id, memos.c.coding_id, memos.c.text)
        .where(memos.c.target == "coding", memos.c.coding_id.in_(list(coding_ids)),
               memos.c.text.startswith(prefix, autoescape=True))
        .order_by(memos.c.id)
    )
    return [(r.id, r.coding_id, r.text) for r in rows]


def blind_titles(conn: Connection, document_ids: Sequence[int]) -> list[str]:
    """Titles of those of ``document_ids`` that are blind (each coder sees only their own codings)."""
    if not document_ids:
        return []
    rows = conn.execute(select(documents.c.title).where(documents.c.id.in_(list(document_ids)), documents.c.blind)
                        .order_by(documents.c.id))
    return [r[0] for r in rows]


def codes_by_document(conn: Connection) -> dict[int, dict[int, set[int]]]:
    """For each document: the codes each member applied to its current revision (members who coded it)."""
    found: dict[int, dict[int, set[int]]] = {}
    for doc_id, coder_id, code_id in conn.execute(
        select(codings.c.document_id, codings.c.coder_id, codings.c.code_id).distinct()
        .join(documents, documents.c.id == codings.c.document_id)
        .where(codings.c.coder_id.is_not(None), codings.c.revision_id == documents.c.current_revision_id)
    ):
        found.setdefault(doc_id, {}).setdefault(coder_id, set()).add(code_id)
    return found
