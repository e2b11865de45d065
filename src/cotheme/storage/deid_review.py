"""Repository of review by string and of what de-identification replaced: decisions on many
candidates at once, and the per-revision counts of replacements by kind (with the placeholder written,
never the original) that the residual risk report reads.

Must not detect anything nor choose replacements; never stores an original that was replaced.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.engine import Row

from cotheme.storage.schema import deid_candidates, deid_replaced, documents, revisions
from cotheme.storage.store import now


def current_candidates(conn: Connection) -> list[Row]:  # type: ignore[type-arg]
    """Every candidate of each document's current revision with its document's title, without the
    revision's text (a project-wide review would otherwise carry one copy of a transcript per candidate)."""
    query = (
        select(deid_candidates, documents.c.title)
        .join(documents, documents.c.id == deid_candidates.c.document_id)
        .where(deid_candidates.c.revision_id == documents.c.current_revision_id)
        .order_by(deid_candidates.c.document_id, deid_candidates.c.field, deid_candidates.c.start_offset,
                  deid_candidates.c.id)
    )
    return list(conn.execute(query))


def revision_texts(conn: Connection, revision_ids: Sequence[int]) -> dict[int, str]:
    """Revision id -> its text, each read once."""
    if not revision_ids:
        return {}
    rows = conn.execute(select(revisions.c.id, revisions.c.text).where(revisions.c.id.in_(list(set(revision_ids)))))
    return {r.id: r.text for r in rows}


def set_status(conn: Connection, ids: Sequence[int], status: str, replacement: str | None,
               member_id: int | None) -> None:
    """Give candidates ``ids`` one decision (``open`` clears who decided and the replacement)."""
    if not ids:
        return
    decided = status != "open"
    conn.execute(update(deid_candidates).where(deid_candidates.c.id.in_(list(ids))).values(
        status=status, replacement=replacement, decided_by=member_id if decided else None,
        decided_at=now() if decided else None))


def record_replaced(conn: Connection, revision_id: int, document_id: int,
                    counts: Mapping[tuple[str, str], int]) -> None:
    """What revision ``revision_id`` replaced: (kind, replacement) -> how many."""
    rows = [{"revision_id": revision_id, "document_id": document_id, "kind": kind[:20], "replacement": rep[:300],
             "count": n} for (kind, rep), n in counts.items() if n]
    if rows:
        conn.execute(insert(deid_replaced), rows)


def replaced_by_document(conn: Connection) -> dict[int, dict[str, int]]:
    """Document id -> kind -> replacements made over all its de-identifying revisions."""
    rows = conn.execute(
        select(deid_replaced.c.document_id, deid_replaced.c.kind, func.sum(deid_replaced.c.count))
        .group_by(deid_replaced.c.document_id, deid_replaced.c.kind)
    )
    out: dict[int, dict[str, int]] = defaultdict(dict)
    for doc_id, kind, total in rows:
        out[doc_id][kind] = int(total)
    return dict(out)


def replacements(conn: Connection) -> set[str]:
    """Every replacement string de-identification has written into a transcript."""
    return {r for (r,) in conn.execute(select(deid_replaced.c.replacement).distinct())}
