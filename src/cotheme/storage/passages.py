"""Reads what counting extracts needs: each coding's code, passage (document, span, coder) and case.

Plain tuples, no text: ``coding_facts`` reads seven integers per coding (for reports that need each
coding's place); ``code_sums`` lets the database sum them up for the codebook's counts. Through the ordinary
connection, so the blind-document rule (``visibility.py``) limits what a restricted member counts as
it limits what they read. Must not count: ``domain/hierarchy.py`` owns the rule.
"""

from __future__ import annotations

from collections.abc import Collection

from collections import defaultdict

from sqlalchemy import Connection, and_, func, select

from cotheme.domain.hierarchy import CodingFact
from cotheme.storage.schema import codings, documents, turns


def coding_facts(conn: Connection, code_ids: Collection[int] | None = None) -> list[CodingFact]:
    """Every visible coding (of ``code_ids`` when given) as a ``CodingFact``."""
    query = (select(codings.c.code_id, codings.c.document_id, codings.c.start_offset, codings.c.end_offset,
                    codings.c.coder_id, documents.c.case_id, codings.c.revision_id)
             .join(documents, documents.c.id == codings.c.document_id))
    if code_ids is not None:
        query = query.where(codings.c.code_id.in_(sorted(code_ids)))
    return [CodingFact(*row) for row in conn.execute(query).all()]


def code_sums(conn: Connection) -> tuple[dict[int, int], dict[int, set[int]], list[list[int]]]:
    """What ``hierarchy.counts_from`` needs, summed up in the database: codings per code, the cases
    each code's codings come from, and for each passage with more than one coding the code of each.
    Three statements whose answers are sized by codes x cases and by the passages coded more than
    once: counting 100,000 codings never brings them all into Python."""
    per_code = dict(conn.execute(select(codings.c.code_id, func.count()).group_by(codings.c.code_id)).all())
    cases: dict[int, set[int]] = defaultdict(set)
    for code_id, case_id in conn.execute(
            select(codings.c.code_id, documents.c.case_id).distinct()
            .join(documents, documents.c.id == codings.c.document_id)
            .where(documents.c.case_id.is_not(None))).all():
        cases[code_id].add(case_id)
    return per_code, cases, [found for _, found in repeated_passages(conn)]


def repeated_passages(conn: Connection) -> list[tuple[int | None, list[int]]]:
    """Every passage holding more than one coding: its case and the code of each of its codings."""
    # Codings that share a document and a start offset (grouped along ix_codings_document_start, no sort:
    # 47 ms for 100,000 codings where grouping by the whole passage sorted them, 180 ms), then those of
    # the very same passage among them.
    same_start = (select(codings.c.document_id, codings.c.start_offset)
                  .group_by(codings.c.document_id, codings.c.start_offset)
                  .having(func.count() > 1).subquery("cotheme_same_start"))
    passages: dict[tuple[int, int, int, int | None], tuple[int | None, list[int]]] = {}
    for doc_id, start, end, coder, code_id, case_id in conn.execute(
            select(codings.c.document_id, codings.c.start_offset, codings.c.end_offset, codings.c.coder_id,
                   codings.c.code_id, documents.c.case_id)
            .join(same_start, and_(same_start.c.document_id == codings.c.document_id,
                                   same_start.c.start_offset == codings.c.start_offset))
            .join(documents, documents.c.id == codings.c.document_id)).all():
        passages.setdefault((doc_id, start, end, coder), (case_id, []))[1].append(code_id)
    return [(case_id, found) for case_id, found in passages.values() if len(found) > 1]



def turn_numbers(conn: Connection, code_ids: Collection[int]) -> dict[int, int]:
    """The turn (1 = the first) each coding of ``code_ids`` starts in, on its own revision, by coding
    id; a coding in a transcript without turns has none. One statement, an index seek per coding."""
    t = turns.alias("cotheme_start_turn")
    turn = (select(t.c.idx).where(t.c.revision_id == codings.c.revision_id, t.c.start_offset <= codings.c.start_offset)
            .order_by(t.c.start_offset.desc()).limit(1).correlate(codings).scalar_subquery())
    rows = conn.execute(select(codings.c.id, turn).where(codings.c.code_id.in_(sorted(code_ids)))).all()
    return {coding_id: idx + 1 for coding_id, idx in rows if idx is not None}
