"""How codings become reliability data: units of text, and who coded what in each.

For the nominal measures every code is judged separately on every unit of the chosen documents: a
coder's value for (unit, code) is 1 when any of their codings of that code overlaps the unit by at
least one character, else 0. The unit is a choice (``UnitKind``):

* ``turn`` (default): each speaker turn; a document without turns is one unit.
* ``sentence``: each sentence inside a turn (ends at ``.``, ``!``, ``?`` or ``…`` followed by space,
  closing quotes and brackets kept with it); sentences never cross turns.
* ``char``: each character (code point) of the text. Runs of characters that every coder treats
  alike are kept as one segment with a weight (its length), which gives the same coefficients as one
  unit per character and keeps a 20,000-word interview to a few hundred rows.

The "overall" figures pool every (unit, code) decision, and the bootstrap resamples whole units with
all their codes; with ``char`` units it resamples whole turns, since neighbouring characters are far
from independent and resampling them one by one would give intervals that are much too narrow. Must not do I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from cotheme.domain.documents import Turn
from cotheme.errors import InvalidArgument

if TYPE_CHECKING:  # numpy loads when values are computed: the unit kinds are read without it
    import numpy as np
    from numpy.typing import NDArray

_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")


class UnitKind(StrEnum):
    """What one unit of the nominal measures is."""

    TURN = "turn"
    SENTENCE = "sentence"
    CHAR = "char"

    @classmethod
    def parse(cls, value: str) -> UnitKind:
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise InvalidArgument(f"'{value}' is not a unit; use turn, sentence or char.") from None


@dataclass(frozen=True, slots=True)
class CodedSpan:
    """One coding as agreement sees it: whose (index into the coders), which code, where."""

    coding_id: int
    document_id: int
    code_id: int
    coder: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Segment:
    """A unit of text (``weight`` identical units for a run of characters)."""

    document_id: int
    start: int
    end: int
    speaker: str | None
    weight: int = 1
    turn: int = 0  # which turn of its document (0 before the first); the bootstrap's group for chars


def _turn_at(turns: Sequence[tuple[int, int, str | None]], at: int) -> int:
    found = 0
    for i, (start, _end, _who) in enumerate(turns):
        if start <= at:
            found = i
        else:
            break
    return found


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, at = [], start
    for match in _SENTENCE_END.finditer(text, start, end):
        out.append((at, match.end()))
        at = match.end()
    out.append((at, end))
    trimmed = []
    for s, e in out:
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if e - trail > s + lead:
            trimmed.append((s + lead, e - trail))
    return trimmed


def segments(document_id: int, text: str, turns: Sequence[Turn], kind: UnitKind,
             spans: Sequence[CodedSpan] = ()) -> list[Segment]:
    """The units of one document; ``spans`` (its codings) are needed for ``char`` only."""
    blocks = [(t.start, t.end, t.speaker) for t in sorted(turns, key=lambda t: t.start) if t.end > t.start]
    if not blocks and text:
        blocks = [(0, len(text), None)]
    if kind is UnitKind.TURN:
        return [Segment(document_id, s, e, who, 1, i) for i, (s, e, who) in enumerate(blocks)]
    if kind is UnitKind.SENTENCE:
        return [Segment(document_id, s, e, who, 1, i)
                for i, (b, c, who) in enumerate(blocks) for s, e in _sentences(text, b, c)]
    cuts = sorted({0, len(text), *(p for sp in spans for p in (sp.start, sp.end) if 0 <= p <= len(text))})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        turn = _turn_at(blocks, a)
        out.append(Segment(document_id, a, b, blocks[turn][2] if blocks else None, b - a, turn))
    return out


def coded_values(units: Sequence[Segment], spans: Sequence[CodedSpan], codes: Sequence[int],
                 coders: int) -> NDArray[np.int64]:
    """(codes, units, coders): 1 where the coder coded that code overlapping that unit, else 0."""
    import numpy as np

    values = np.zeros((len(codes), len(units), coders), dtype=np.int64)
    code_at = {code: i for i, code in enumerate(codes)}
    by_doc: dict[int, list[int]] = {}
    for i, unit in enumerate(units):
        by_doc.setdefault(unit.document_id, []).append(i)
    starts = np.array([u.start for u in units], dtype=np.int64)
    ends = np.array([u.end for u in units], dtype=np.int64)
    for span in spans:
        rows = by_doc.get(span.document_id)
        if not rows or span.code_id not in code_at:
            continue
        index = np.asarray(rows)
        hit = index[(starts[index] < span.end) & (ends[index] > span.start)]
        values[code_at[span.code_id], hit, span.coder] = 1
    return values


@dataclass(frozen=True, slots=True)
class UnitDifference:
    """A unit and code where the coders did not all do the same: for discussion, not scoring."""

    document_id: int
    start: int
    end: int
    speaker: str | None
    code_id: int
    coded_by: tuple[int, ...]  # coder indices
    not_coded_by: tuple[int, ...]


def differences(units: Sequence[Segment], values: NDArray[np.int64], codes: Sequence[int], *,
                join_runs: bool = False) -> list[UnitDifference]:
    """Every (unit, code) where the coders differ, in text order; with ``join_runs`` (character
    units) touching runs with the same pattern are joined into one difference."""
    import numpy as np

    found: list[UnitDifference] = []
    coders = values.shape[2] if values.ndim == 3 else 0
    for c, code in enumerate(codes):
        rows = values[c]
        split = np.nonzero(rows.min(axis=1) != rows.max(axis=1))[0] if len(rows) else []
        for u in split:
            unit = units[int(u)]
            yes = tuple(i for i in range(coders) if rows[u, i])
            no = tuple(i for i in range(coders) if not rows[u, i])
            last = found[-1] if found else None
            if (join_runs and last is not None and last.code_id == code and last.document_id == unit.document_id
                    and last.end == unit.start and last.coded_by == yes):
                found[-1] = UnitDifference(last.document_id, last.start, unit.end, last.speaker, code, yes, no)
            else:
                found.append(UnitDifference(unit.document_id, unit.start, unit.end, unit.speaker, code, yes, no))
    found.sort(key=lambda d: (d.document_id, d.start, d.code_id))
    return found
