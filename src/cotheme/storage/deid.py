"""Repository of de-identification: the team's list of terms, the candidates a scan found with their
decisions, the record of scans, and the project setting "de-identified exports only".

Must not detect anything nor decide replacements; never stores the key (original -> replacement of what
was applied), which lives encrypted outside the project.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, func, insert, select, update

from cotheme.domain.deid import Found, Term, key_of
from cotheme.domain.deid_groups import group_key
from cotheme.domain.reanchor import TextChange
from cotheme.storage.schema import deid_candidates, deid_scans, deid_terms, documents, revisions
from cotheme.storage.store import now

EXPORTS_ONLY_KEY = "deidentified_exports_only"


# -- terms ------------------------------------------------------------------------------------------
def list_terms(conn: Connection) -> list[Term]:
    rows = conn.execute(select(deid_terms).order_by(deid_terms.c.id))
    return [Term(r.id, r.term, r.decision, r.role, r.replacement) for r in rows]


def find_term(conn: Connection, term: str) -> Term | None:
    r = conn.execute(select(deid_terms).where(deid_terms.c.term_key == key_of(term))).first()
    return Term(r.id, r.term, r.decision, r.role, r.replacement) if r else None


def save_term(conn: Connection, term: str, decision: str, role: str, replacement: str) -> None:
    """Insert the term, or update the one with the same key."""
    key = key_of(term)
    values = {"term": " ".join(term.split()), "decision": decision, "role": role, "replacement": replacement}
    if conn.execute(update(deid_terms).where(deid_terms.c.term_key == key).values(**values)).rowcount == 0:
        conn.execute(insert(deid_terms).values(term_key=key, created_at=now(), **values))


def delete_term(conn: Connection, term: str) -> bool:
    return bool(conn.execute(delete(deid_terms).where(deid_terms.c.term_key == key_of(term))).rowcount)


# -- candidates -------------------------------------------------------------------------------------
def candidate_rows(conn: Connection, *, doc_id: int | None = None, statuses: Sequence[str] | None = None,
                   candidate_id: int | None = None, current_only: bool = True) -> list[Any]:
    query = (
        select(deid_candidates, documents.c.title, revisions.c.number, revisions.c.text)
        .join(documents, documents.c.id == deid_candidates.c.document_id)
        .join(revisions, revisions.c.id == deid_candidates.c.revision_id)
        .order_by(deid_candidates.c.document_id, deid_candidates.c.field,
                  deid_candidates.c.start_offset, deid_candidates.c.id)
    )
    if current_only:
        query = query.where(deid_candidates.c.revision_id == documents.c.current_revision_id)
    if doc_id is not None:
        query = query.where(deid_candidates.c.document_id == doc_id)
    if statuses is not None:
        query = query.where(deid_candidates.c.status.in_(list(statuses)))
    if candidate_id is not None:
        query = query.where(deid_candidates.c.id == candidate_id)
    return list(conn.execute(query))


def replace_open(conn: Connection, doc_id: int, revision_id: int, field: str, found: Iterable[Found],
                 proposals: dict[str, str], speakers: Iterable[tuple[str, float]] = ()) -> int:
    """Store a fresh scan of one revision: undecided candidates are replaced, decided ones kept (a new
    find over a decided one is dropped). A find whose string was accepted elsewhere comes in proposed."""
    conn.execute(delete(deid_candidates).where(deid_candidates.c.revision_id == revision_id,
                                               deid_candidates.c.status == "open"))
    decided = conn.execute(
        select(deid_candidates.c.field, deid_candidates.c.start_offset, deid_candidates.c.end_offset,
               deid_candidates.c.original).where(deid_candidates.c.revision_id == revision_id)
    ).all()
    spans = [(r.start_offset, r.end_offset) for r in decided if r.field == "text"]
    labels = {r.original for r in decided if r.field == "speaker"}
    rows = []
    for f in found:
        if any(s < f.end and f.start < e for s, e in spans):
            continue
        rows.append(_row(doc_id, revision_id, field, f.start, f.end, f.text, f.kind.value, f.source, f.score,
                         f.replacement, proposals))
    for label, score in speakers:
        if label not in labels:
            rows.append(_row(doc_id, revision_id, "speaker", None, None, label, "person", "label", score, None, proposals))
    if rows:
        conn.execute(insert(deid_candidates), rows)
    return len(rows)


def _row(doc_id: int, revision_id: int, field: str, start: int | None, end: int | None, text: str, kind: str,
         source: str, score: float, replacement: str | None, proposals: dict[str, str]) -> dict[str, object]:
    proposed = proposals.get(group_key(text))
    return {"document_id": doc_id, "revision_id": revision_id, "field": field, "start_offset": start,
            "end_offset": end, "original": text, "kind": kind, "source": source, "score": score,
            "status": "proposed" if proposed is not None else "open",
            "replacement": proposed if proposed is not None else replacement}


def add_found(conn: Connection, doc_id: int, revision_id: int, found: Iterable[Found], status: str) -> int:
    """Add candidates where no candidate of the revision overlaps yet; return how many were added."""
    taken = [(r.start_offset, r.end_offset) for r in conn.execute(
        select(deid_candidates.c.start_offset, deid_candidates.c.end_offset)
        .where(deid_candidates.c.revision_id == revision_id, deid_candidates.c.field == "text"))]
    rows = []
    for f in found:
        if any(s < f.end and f.start < e for s, e in taken):
            continue
        taken.append((f.start, f.end))
        row = _row(doc_id, revision_id, "text", f.start, f.end, f.text, f.kind.value, f.source, f.score, f.replacement, {})
        row["status"] = status
        rows.append(row)
    if rows:
        conn.execute(insert(deid_candidates), rows)
    return len(rows)


def accepted_strings(conn: Connection) -> dict[str, str]:
    """Original (as ``group_key``) -> replacement of every accepted candidate with a replacement."""
    rows = conn.execute(
        select(deid_candidates.c.original, deid_candidates.c.replacement)
        .where(deid_candidates.c.status == "accepted", deid_candidates.c.replacement.is_not(None))
        .order_by(deid_candidates.c.id)
    )
    return {group_key(original): replacement for original, replacement in rows}


def decide(conn: Connection, candidate_id: int, status: str, replacement: str | None, member_id: int | None) -> None:
    conn.execute(update(deid_candidates).where(deid_candidates.c.id == candidate_id).values(
        status=status, replacement=replacement, decided_by=member_id, decided_at=now()))


def propose_same(conn: Connection, original: str, replacement: str | None, but: int, status: str = "proposed",
                 member_id: int | None = None) -> int:
    """Give every undecided candidate of the same string (any document) ``status`` and ``replacement``."""
    key = key_of(original)
    rows = conn.execute(
        select(deid_candidates.c.id, deid_candidates.c.original)
        .where(deid_candidates.c.status.in_(["open", "proposed"]), deid_candidates.c.id != but)
    ).all()
    ids = [r.id for r in rows if key_of(r.original) == key]
    if ids:
        conn.execute(update(deid_candidates).where(deid_candidates.c.id.in_(ids)).values(
            status=status, replacement=replacement, decided_by=member_id, decided_at=now()))
    return len(ids)


def delete_candidates(conn: Connection, ids: Sequence[int]) -> None:
    if ids:
        conn.execute(delete(deid_candidates).where(deid_candidates.c.id.in_(list(ids))))


def carry_candidates(conn: Connection, old_revision: int, new_revision: int, change: TextChange) -> None:
    """Candidates of a revision follow an edit: untouched spans move, touched ones are dropped (a new
    scan finds what is there now); speaker-label candidates move as they are. The new revision counts
    as not scanned: the edit may have brought in a name."""
    rows = conn.execute(select(deid_candidates.c.id, deid_candidates.c.field, deid_candidates.c.start_offset,
                               deid_candidates.c.end_offset).where(deid_candidates.c.revision_id == old_revision)).all()
    moved, dropped = [], []
    for r in rows:
        if r.field == "speaker":
            moved.append({"cid": r.id, "s": None, "e": None})
        elif change.touching(r.start_offset, r.end_offset):
            dropped.append(r.id)
        else:
            moved.append({"cid": r.id, "s": change.map_start(r.start_offset), "e": change.map_end(r.end_offset)})
    delete_candidates(conn, dropped)
    if moved:
        conn.execute(update(deid_candidates).where(deid_candidates.c.id == bindparam("cid")).values(
            revision_id=new_revision, start_offset=bindparam("s"), end_offset=bindparam("e")), moved)


# -- scans and the setting --------------------------------------------------------------------------
def record_scan(conn: Connection, revision_id: int, detectors: str) -> None:
    conn.execute(delete(deid_scans).where(deid_scans.c.revision_id == revision_id))
    conn.execute(insert(deid_scans).values(revision_id=revision_id, detectors=detectors[:200], scanned_at=now()))


def scan_of(conn: Connection, revision_id: int) -> str | None:
    """The detectors a revision was scanned with, or ``None`` if it never was."""
    return conn.execute(select(deid_scans.c.detectors).where(deid_scans.c.revision_id == revision_id)).scalar()


def deidentified_documents(conn: Connection) -> dict[int, tuple[str, bool]]:
    """Every document: id -> (title, whether its current revision is marked de-identified)."""
    rows = conn.execute(
        select(documents.c.id, documents.c.title, revisions.c.deidentified)
        .join(revisions, and_(revisions.c.id == documents.c.current_revision_id))
        .order_by(documents.c.id)
    )
    return {r.id: (r.title, bool(r.deidentified)) for r in rows}


def count_deidentified(conn: Connection) -> int:
    """How many documents' current revisions are marked de-identified (counted in the database)."""
    return int(conn.execute(
        select(func.count()).select_from(documents)
        .join(revisions, revisions.c.id == documents.c.current_revision_id)
        .where(revisions.c.deidentified)
    ).scalar_one())
