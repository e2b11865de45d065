"""Reading, in one pass, what the home page and the team's progress show per document: the speakers of
its current revision and how many of its turns hold a coding (overall and per coder).

Owns two queries over the current revisions (their turns; their codings' spans), each read once for
the whole project; the overlap count is ``cotheme.domain.coverage.covered_turns``. This replaced one
correlated EXISTS per turn, which cost ~0.5 s at 300 interviews and grew with codings per document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, and_, func, select, true

from cotheme.domain.coverage import covered_turns
from cotheme.storage.schema import codings, documents, turns

Span = tuple[int, int]


class CurrentTurns:
    """The turns of every document's current revision, by document id: spans in transcript order and
    speakers in order of first appearance."""

    def __init__(self, conn: Connection, ids: Sequence[int] | None = None) -> None:
        """Every document's turns, or (``ids``) only those documents' (a page of the home page's list)."""
        self.spans: dict[int, list[Span]] = defaultdict(list)
        self.speakers: dict[int, list[str]] = defaultdict(list)
        chosen = documents.c.id.in_(list(ids)) if ids is not None else true()
        doc_of = {rev: doc for doc, rev in conn.execute(
            select(documents.c.id, documents.c.current_revision_id).where(chosen))}
        if ids is not None:
            self._some(conn, doc_of, chosen)
            return
        # 50,000 turns at 300 interviews: read through the driver's own cursor, as plain tuples, in the
        # order of ix_turns_revision_start (no sort). SQLAlchemy's rows cost more than the query here,
        # and nothing in this statement touches codings, so the blind-document rewrite has nothing to do.
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(
                "SELECT revision_id, start_offset, end_offset FROM turns"
                " WHERE revision_id IN (SELECT current_revision_id FROM documents)"
                " ORDER BY revision_id, start_offset"
            )
            rows = cursor.fetchall()
        finally:
            cursor.close()
        for rev, start, end in rows:
            self.spans[doc_of[rev]].append((start, end))
        first_seen = (
            select(documents.c.id, turns.c.speaker, func.min(turns.c.idx).label("first"))
            .join(turns, turns.c.revision_id == documents.c.current_revision_id)
            .where(turns.c.speaker.is_not(None))
            .group_by(documents.c.id, turns.c.speaker)
            .order_by(documents.c.id, "first")
        )
        for doc_id, speaker, _ in conn.execute(first_seen):
            self.speakers[doc_id].append(speaker)

    def _some(self, conn: Connection, doc_of: dict[int, int], chosen: Any) -> None:
        if not doc_of:
            return
        rows = conn.execute(
            select(turns.c.revision_id, turns.c.start_offset, turns.c.end_offset, turns.c.speaker)
            .where(turns.c.revision_id.in_(list(doc_of)))
            .order_by(turns.c.revision_id, turns.c.start_offset)
        )
        for rev, start, end, speaker in rows:
            doc = doc_of[rev]
            self.spans[doc].append((start, end))
            if speaker is not None and speaker not in self.speakers[doc]:
                self.speakers[doc].append(speaker)

    def count(self, doc_id: int) -> int:
        return len(self.spans.get(doc_id, ()))


def _coding_spans(conn: Connection, *, by_coder: bool,
                  ids: Sequence[int] | None = None) -> dict[tuple[int, int | None], list[Span]]:
    """Spans of the codings on each document's current revision, by (document, coder or None)."""
    coder = codings.c.coder_id if by_coder else None
    columns = [codings.c.document_id, codings.c.start_offset, codings.c.end_offset]
    if coder is not None:
        columns.append(coder)
    query = select(*columns).join(
        documents,
        and_(documents.c.id == codings.c.document_id, documents.c.current_revision_id == codings.c.revision_id),
    )
    if coder is not None:
        query = query.where(coder.is_not(None))
    if ids is not None:
        query = query.where(codings.c.document_id.in_(list(ids)))
    spans: dict[tuple[int, int | None], list[Span]] = defaultdict(list)
    for row in conn.execute(query):
        spans[(row[0], row[3] if by_coder else None)].append((row[1], row[2]))
    return spans


def coded_turn_counts(conn: Connection, current: CurrentTurns | None = None,
                      ids: Sequence[int] | None = None) -> dict[int, int]:
    """Per document (or per document of ``ids``): how many turns of its current revision hold a coding."""
    current = current or CurrentTurns(conn)
    return {
        doc_id: covered_turns(current.spans.get(doc_id, ()), spans)
        for (doc_id, _), spans in _coding_spans(conn, by_coder=False, ids=ids).items()
    }


def coded_turn_counts_by_coder(conn: Connection, current: CurrentTurns | None = None) -> dict[tuple[int, int], int]:
    """Per (document, coder): how many turns of the current revision that coder coded at least once."""
    current = current or CurrentTurns(conn)
    result: dict[tuple[int, int], int] = {}
    for (doc_id, coder_id), spans in _coding_spans(conn, by_coder=True).items():
        assert coder_id is not None
        covered = covered_turns(current.spans.get(doc_id, ()), spans)
        if covered:
            result[(doc_id, coder_id)] = covered
    return result
