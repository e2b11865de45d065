"""How much of a transcript is coded: which speaker turns hold at least one coding.

Owns ``covered_turns``, a single sweep over a document's turns and its codings' spans (both sorted),
instead of one overlap query per turn. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence


def covered_turns(turns: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int]]) -> int:
    """How many ``(start, end)`` turns overlap at least one ``(start, end)`` span.

    A turn and a span overlap when ``span.start < turn.end`` and ``span.end > turn.start`` (as the
    search for a coding's turns counts them). ``spans`` may overlap each other and be in any order;
    ``turns`` are a transcript's turns, which do not overlap. O((t + s) log s).
    """
    ordered_spans = sorted(spans)
    count = 0
    j = 0
    furthest = None  # the largest end among the spans starting before the current turn's end
    for turn_start, turn_end in sorted(turns, key=lambda t: (t[1], t[0])):
        while j < len(ordered_spans) and ordered_spans[j][0] < turn_end:
            end = ordered_spans[j][1]
            if furthest is None or end > furthest:
                furthest = end
            j += 1
        if furthest is not None and furthest > turn_start:
            count += 1
    return count
