"""``covered_turns`` against the definition it replaces: one overlap test per turn."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cotheme.domain.coverage import covered_turns


def brute_force(turns: list[tuple[int, int]], spans: list[tuple[int, int]]) -> int:
    return sum(1 for ts, te in turns if any(s < te and e > ts for s, e in spans))


@st.composite
def transcript(draw: st.DrawFn) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    cuts = sorted(set(draw(st.lists(st.integers(0, 300), min_size=1, max_size=25))))
    turns = list(zip([0, *cuts], cuts, strict=False))
    turns = [t for t in turns if t[0] < t[1]]
    starts = draw(st.lists(st.integers(0, 300), max_size=30))
    spans = [(s, s + draw(st.integers(0, 120))) for s in starts]
    return turns, spans


@given(transcript())
def test_matches_the_per_turn_definition(case: tuple[list[tuple[int, int]], list[tuple[int, int]]]) -> None:
    turns, spans = case
    assert covered_turns(turns, spans) == brute_force(turns, spans)


def test_examples() -> None:
    turns = [(0, 10), (10, 20), (20, 30), (30, 40)]
    assert covered_turns(turns, []) == 0
    assert covered_turns(turns, [(5, 25)]) == 3
    assert covered_turns(turns, [(10, 10)]) == 0  # an empty span at a boundary touches nothing
    assert covered_turns(turns, [(12, 13), (0, 40)]) == 4
    assert covered_turns(turns, [(39, 45), (0, 1)]) == 2
    assert covered_turns([], [(0, 5)]) == 0
