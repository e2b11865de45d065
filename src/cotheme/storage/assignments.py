"""Repository of assignments (which coder codes which document), blind documents, and the progress
query: per coder and document, the turns of the current revision holding at least one of the coder's
codings. Must not decide who may assign or see what.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, delete, func, insert, select, update

from cotheme.domain.team import Assignment, Progress
from cotheme.storage import coverage
from cotheme.storage.schema import assignments, codings, documents, members


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def assign(conn: Connection, document_id: int, member_id: int, by: int | None, at: datetime) -> bool:
    """Give the document to the member; ``False`` when it was theirs already."""
    exists = conn.execute(select(assignments.c.member_id).where(
        assignments.c.document_id == document_id, assignments.c.member_id == member_id)).first()
    if exists:
        return False
    conn.execute(insert(assignments).values(document_id=document_id, member_id=member_id, assigned_by=by,
                                            assigned_at=at))
    return True


def unassign(conn: Connection, document_id: int, member_id: int) -> bool:
    gone = conn.execute(delete(assignments).where(assignments.c.document_id == document_id,
                                                  assignments.c.member_id == member_id))
    return bool(gone.rowcount)


def list_assignments(conn: Connection, member_id: int | None = None) -> list[Assignment]:
    query = (
        select(assignments.c.document_id, documents.c.title, assignments.c.member_id, members.c.name,
               documents.c.blind, assignments.c.assigned_at)
        .join(documents, documents.c.id == assignments.c.document_id)
        .join(members, members.c.id == assignments.c.member_id)
        .order_by(documents.c.title, members.c.name)
    )
    if member_id is not None:
        query = query.where(assignments.c.member_id == member_id)
    return [Assignment(d, t, m, n, bool(b), _utc(at)) for d, t, m, n, b, at in conn.execute(query)]


def set_blind(conn: Connection, document_id: int, blind: bool) -> None:
    conn.execute(update(documents).where(documents.c.id == document_id).values(blind=blind))


def blind_documents(conn: Connection) -> set[int]:
    return set(conn.execute(select(documents.c.id).where(documents.c.blind)).scalars())


def progress(conn: Connection) -> list[Progress]:
    """Every assigned (document, coder) pair and every pair with codings, with turns coded by that coder
    on the document's current revision and the coder's codings there."""
    current = coverage.CurrentTurns(conn)
    counts = {(d, m): n for d, m, n in conn.execute(
        select(codings.c.document_id, codings.c.coder_id, func.count(codings.c.id))
        .where(codings.c.coder_id.is_not(None))
        .group_by(codings.c.document_id, codings.c.coder_id))}
    coded = coverage.coded_turn_counts_by_coder(conn, current)
    assigned = {(a.document_id, a.member_id) for a in list_assignments(conn)}
    names = dict(conn.execute(select(members.c.id, members.c.name)).all())
    docs = {i: (t, bool(b)) for i, t, b in conn.execute(select(documents.c.id, documents.c.title, documents.c.blind))}
    pairs = sorted(assigned | set(counts), key=lambda p: (docs[p[0]][0], names.get(p[1], "")))
    return [
        Progress(d, docs[d][0], m, names.get(m, ""), (d, m) in assigned, docs[d][1], coded.get((d, m), 0),
                 current.count(d), counts.get((d, m), 0))
        for d, m in pairs if d in docs and m in names
    ]
