"""What an extracts table adds to each extract: the speaker turn it sits in with the turn's times, and
the memos written on the coding.

Both read by coding id in chunks (one statement per ``CHUNK`` codings) and through the ordinary
connection, so the blind-document rule (``visibility.py``) applies to them as to every read.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator, Sequence

from sqlalchemy import Connection, select

from cotheme.domain.extract_table import TurnPlace
from cotheme.storage.schema import codings, members, memos, turns

#: Ids per ``IN (...)`` list: well under SQLite's 32,766 bound parameters, and few round trips for
#: 10,000 extracts.
CHUNK = 5000


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for first in range(0, len(ids), CHUNK):
        yield list(ids[first : first + CHUNK])


def turn_places(conn: Connection, coding_ids: Sequence[int]) -> dict[int, TurnPlace]:
    """For each coding: the turn (1-based) its start falls in, and the start time of that turn and
    the end time of the turn its last character falls in."""
    spans = []
    for chunk in _chunks(coding_ids):
        spans += conn.execute(
            select(codings.c.id, codings.c.revision_id, codings.c.start_offset, codings.c.end_offset)
            .where(codings.c.id.in_(chunk))
        ).all()
    starts: dict[int, list[int]] = defaultdict(list)
    rows: dict[int, list[tuple[int, int | None, int | None]]] = defaultdict(list)
    revision_ids = sorted({span[1] for span in spans})
    for chunk in _chunks(revision_ids):
        for revision_id, start, idx, t_start, t_end in conn.execute(
            select(turns.c.revision_id, turns.c.start_offset, turns.c.idx, turns.c.t_start_ms, turns.c.t_end_ms)
            .where(turns.c.revision_id.in_(chunk))
            .order_by(turns.c.revision_id, turns.c.start_offset)
        ):
            starts[revision_id].append(start)
            rows[revision_id].append((idx, t_start, t_end))
    places: dict[int, TurnPlace] = {}
    for coding_id, revision_id, start, end in spans:
        offsets = starts.get(revision_id)
        if not offsets:
            places[coding_id] = TurnPlace(None, None, None)
            continue
        first = max(bisect_right(offsets, start) - 1, 0)
        last = max(bisect_right(offsets, max(end - 1, start)) - 1, 0)
        found = rows[revision_id]
        end_ms = found[last][2]
        if end_ms is None and last + 1 < len(found):
            end_ms = found[last + 1][1]  # captions without end times: the turn ends where the next starts
        places[coding_id] = TurnPlace(found[first][0] + 1, found[first][1], end_ms)
    return places


def coding_memos(conn: Connection, coding_ids: Sequence[int]) -> dict[int, list[tuple[str | None, str]]]:
    """(author, text) of the memos on each coding, oldest first."""
    found: dict[int, list[tuple[str | None, str]]] = defaultdict(list)
    for chunk in _chunks(coding_ids):
        for coding_id, author, text in conn.execute(
            select(memos.c.coding_id, members.c.name, memos.c.text)
            .outerjoin(members, members.c.id == memos.c.author_id)
            .where(memos.c.coding_id.in_(chunk))
            .order_by(memos.c.created_at, memos.c.id)
        ):
            found[coding_id].append((author, text))
    return found
