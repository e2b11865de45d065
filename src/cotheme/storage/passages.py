"""Reads what counting extracts needs: each coding's code, passage (document, span, coder) and case.

Plain tuples, no text: counting 100,000 codings reads six integers per coding. Through the ordinary
connection, so the blind-document rule (``visibility.py``) limits what a restricted member counts as
it limits what they read. Must not count: ``domain/hierarchy.py`` owns the rule.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Connection, select

from cotheme.domain.hierarchy import CodingFact
from cotheme.storage.schema import codings, documents


def coding_facts(conn: Connection, code_ids: Collection[int] | None = None) -> list[CodingFact]:
    """Every visible coding (of ``code_ids`` when given) as a ``CodingFact``."""
    query = (select(codings.c.code_id, codings.c.document_id, codings.c.start_offset, codings.c.end_offset,
                    codings.c.coder_id, documents.c.case_id, codings.c.revision_id)
             .join(documents, documents.c.id == codings.c.document_id))
    if code_ids is not None:
        query = query.where(codings.c.code_id.in_(sorted(code_ids)))
    return [CodingFact(*row) for row in conn.execute(query)]
