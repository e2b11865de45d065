"""What an extracts table adds to each extract: the speaker turn it sits in with the turn's times, and
the memos written on the coding.

Both read by document (an ``IN`` list of a few hundred ids at most) rather than by coding: an ``IN`` list
of 9,000 coding ids cost SQLAlchemy more to compile than the rows cost to read. They go through the
ordinary connection, so the blind-document rule (``visibility.py``) applies to them as to every read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from typing import Any

from sqlalchemy import Connection, case, func, select, true

from cotheme.domain.extract_table import TurnPlace
from cotheme.storage.schema import codings, members, memos, turns

_NOWHERE = TurnPlace(None, None, None)


def _turn_at(offset: Any, *, before: bool = False) -> Any:
    """SQL: the id of the turn of the coding's revision that holds ``offset`` (with ``before``, the
    last turn starting before it)."""
    t = turns.alias("cotheme_turn")
    at = t.c.start_offset < offset if before else t.c.start_offset <= offset
    return (select(t.c.id).where(t.c.revision_id == codings.c.revision_id, at)
            .order_by(t.c.start_offset.desc()).limit(1).correlate(codings).scalar_subquery())


def turn_places(conn: Connection, document_ids: Collection[int], wanted: Collection[int]) -> dict[int, TurnPlace]:
    """For each coding in ``wanted`` (all in ``document_ids``): the turn (1-based) its start falls in,
    the start time of that turn and the end time of the turn its last character falls in (for
    captions without end times, the start of the next turn).

    Found in SQL, one index seek per coding (two more for a timed transcript): reading every turn of
    300 interviews (50,000 rows) to look them up here took three times as long. PostgreSQL gets the
    first turn from a LATERAL join: joining on the turn's id made it seek each turn twice."""
    if not wanted:
        return {}
    last, following = turns.alias("cotheme_last"), turns.alias("cotheme_next")
    if conn.dialect.name == "postgresql":
        first: Any = (select(turns.c.idx, turns.c.t_start_ms)
                      .where(turns.c.revision_id == codings.c.revision_id, turns.c.start_offset <= codings.c.start_offset)
                      .order_by(turns.c.start_offset.desc()).limit(1).lateral("cotheme_first"))
        joined = codings.outerjoin(first, true())
    else:
        first = turns.alias("cotheme_first")
        joined = codings.outerjoin(first, first.c.id == _turn_at(codings.c.start_offset))
    next_start = (select(following.c.t_start_ms)
                  .where(following.c.revision_id == codings.c.revision_id,
                         following.c.start_offset >= codings.c.end_offset)
                  .order_by(following.c.start_offset).limit(1).correlate(codings).scalar_subquery())
    end_ms = case((first.c.t_start_ms.is_not(None), func.coalesce(
        select(last.c.t_end_ms).where(last.c.id == _turn_at(codings.c.end_offset, before=True))
        .correlate(codings).scalar_subquery(), next_start)), else_=None)
    query = (
        select(codings.c.id, first.c.idx, first.c.t_start_ms, end_ms)
        .select_from(joined)
        .where(codings.c.document_id.in_(sorted(document_ids)))
    )
    keep = set(wanted)
    return {
        coding_id: _NOWHERE if idx is None else TurnPlace(idx + 1, start_ms, end)
        for coding_id, idx, start_ms, end in conn.execute(query).all() if coding_id in keep
    }


def coding_memos(conn: Connection, document_ids: Collection[int]) -> dict[int, list[tuple[str | None, str]]]:
    """(author, text) of the memos on each coding in ``document_ids``, oldest first."""
    found: dict[int, list[tuple[str | None, str]]] = defaultdict(list)
    for coding_id, author, text in conn.execute(
        select(memos.c.coding_id, members.c.name, memos.c.text)
        .join(codings, codings.c.id == memos.c.coding_id)
        .outerjoin(members, members.c.id == memos.c.author_id)
        .where(codings.c.document_id.in_(sorted(document_ids)))
        .order_by(memos.c.created_at, memos.c.id)
    ).all():
        found[coding_id].append((author, text))
    return found
