"""Giving one turn of a document's current revision to another speaker (splitting a speaker that a
transcription ran together), with the speaker stored beside it kept in step: the codings that start in
that turn (``codings.speaker`` is the speaker of the last turn starting at or before a coding's start)
and the search units of the turn. Renaming every turn of a speaker is ``documents.rename_speaker``.
"""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from cotheme.storage.documents import current_revision
from cotheme.storage.schema import codings, search_units, turns


def set_turn_speaker(conn: Connection, doc_id: int, idx: int, speaker: str) -> bool:
    """Label turn ``idx`` (from 0) of the document's current revision ``speaker``; ``False`` when the
    revision has no such turn."""
    rev_id = current_revision(conn, doc_id)
    row = conn.execute(
        select(turns.c.id, turns.c.start_offset).where(turns.c.revision_id == rev_id, turns.c.idx == idx)
    ).first()
    if row is None:
        return False
    following = conn.execute(
        select(turns.c.start_offset).where(turns.c.revision_id == rev_id, turns.c.idx > idx)
        .order_by(turns.c.idx).limit(1)
    ).scalar()
    conn.execute(update(turns).where(turns.c.id == row.id).values(speaker=speaker))
    in_turn = [codings.c.revision_id == rev_id, codings.c.start_offset >= row.start_offset]
    units = [search_units.c.document_id == doc_id, search_units.c.start_offset >= row.start_offset]
    if following is not None:
        in_turn.append(codings.c.start_offset < following)
        units.append(search_units.c.start_offset < following)
    conn.execute(update(codings).where(*in_turn).values(speaker=speaker)
                 .execution_options(cotheme_untracked=True))  # derived from the turn; the turn is the change
    conn.execute(update(search_units).where(*units).values(speaker=speaker))
    return True
