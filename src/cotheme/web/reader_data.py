"""What the reader sends: the first screen of a transcript in its page, the rest a batch at a time.

Owns the split (how many turns the first screen holds) and the compact form of turns and codings on
the wire, so a page's weight and time stay flat in the document's length. Turns travel as arrays
``[index, speaker, start, end, clock, text]``; codings as ``[id, code_id, start, end, coder]``, with a
sixth item, the coded text, only when a coding runs past its turn (otherwise the browser reads it from
the turn it starts in). Coders are named once per batch (``k``) and referred to by position; codes by
id (the page's codebook has their names and paths). A coding travels with the turn it starts in, the
turn whose list of codings tells it to a screen reader. Must not decide who may read what: the codings
given are the ones the acting member may see.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from cotheme.domain.codings import Extract
from cotheme.domain.documents import Document

#: The first screen: turns until this many characters are shown (a tall screen's worth and more) ...
FIRST_CHARS = 6000
#: ... and never more turns than this.
FIRST_TURNS = 40
#: Turns per later batch, fetched as the reader scrolls towards them.
BATCH_TURNS = 60


def first_count(doc: Document) -> int:
    """How many turns the page itself carries."""
    shown = 0
    for count, turn in enumerate(doc.turns[:FIRST_TURNS], start=1):
        shown += turn.end - turn.start
        if shown >= FIRST_CHARS:
            return count
    return min(len(doc.turns), FIRST_TURNS)


def clock(ms: int | None) -> str:
    if ms is None:
        return ""
    seconds = ms // 1000
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


def turn_rows(doc: Document, lo: int, hi: int) -> list[list[Any]]:
    return [[t.index, t.speaker or "", t.start, t.end, clock(t.t_start_ms), doc.text[t.start:t.end]]
            for t in doc.turns[lo:hi]]


def coding_rows(doc: Document, codings: Sequence[Extract], lo: int, hi: int) -> dict[str, Any]:
    """The codings starting in turns ``lo`` to ``hi`` (the first batch also takes any before turn 0)."""
    turns = doc.turns
    low = turns[lo].start if 0 < lo < len(turns) else None
    high = turns[hi].start if hi < len(turns) else None
    coders: dict[str, int] = {}
    rows: list[list[Any]] = []
    for e in codings:
        if (low is not None and e.start < low) or (high is not None and e.start >= high):
            continue
        row: list[Any] = [e.id, e.code_id, e.start, e.end, coders.setdefault(e.coder or "", len(coders))]
        holder = _holder(turns, e.start)
        if holder is None or e.end > holder.end or e.start < holder.start:
            row.append(e.text)
        rows.append(row)
    return {"c": rows, "k": list(coders)}


def _holder(turns: Sequence[Any], cp: int) -> Any:
    lo, hi, found = 0, len(turns) - 1, None
    while lo <= hi:
        mid = (lo + hi) // 2
        if turns[mid].start <= cp:
            found, lo = turns[mid], mid + 1
        else:
            hi = mid - 1
    return found if found is not None else (turns[0] if turns else None)


def compact(value: Any) -> str:
    """JSON without spaces (the page's and the batch route's)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
