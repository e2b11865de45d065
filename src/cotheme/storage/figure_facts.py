"""What the coverage figure needs beyond coding spans: each document's title, current revision and the
length of that revision's text in code points.

Must not read transcript text (its stored length suffices).
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from cotheme.storage.schema import documents, revisions


def current_lengths(conn: Connection) -> list[tuple[int, str, int, int]]:
    """``(document id, title, current revision id, characters)`` for every document, by title."""
    query = (
        select(documents.c.id, documents.c.title, revisions.c.id, revisions.c.char_length)
        .join(revisions, revisions.c.id == documents.c.current_revision_id)
        .order_by(documents.c.title)
    )
    return [(d, t, r, n) for d, t, r, n in conn.execute(query)]
