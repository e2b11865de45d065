"""Passages: overlapping codings in one document become one passage with its text pieced together
from the quotes, all its coders and codes, and the memos on any of its codings; grouping keeps the
asked order first and shows a first page of each group."""

from __future__ import annotations

from datetime import datetime, timezone

from cotheme.domain.codings import Extract
from cotheme.domain.memos import Memo, MemoTarget
from cotheme.domain.passages import group_passages, merge_passages

TEXT = "So I was too ill for one lot and not ill enough for the other lot. I just fell through the middle."
NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


def extract(i: int, start: int, end: int, coder: str, code: str = "Waiting", doc: int = 1, text: str = TEXT) -> Extract:
    return Extract(i, doc, f"P0{doc}", f"P0{doc}", f"P0{doc}", 1, code, f"Access/{code}", coder, start, end,
                   text[start:end], NOW)


def test_overlapping_codings_become_one_passage_with_both_coders() -> None:
    second = TEXT.index("I just")
    found = merge_passages([
        extract(1, 0, second + 10, "Sam Okafor"),
        extract(2, second, len(TEXT), "Rowan Pike", code="Falling through"),
        extract(3, 0, 5, "Sam Okafor", doc=2),
    ])
    assert len(found) == 2
    passage = found[0]
    assert passage.text == TEXT and (passage.start, passage.end) == (0, len(TEXT))
    assert passage.coders == ("Rowan Pike", "Sam Okafor")
    assert passage.code_paths == ("Access/Waiting", "Access/Falling through")
    assert passage.coding_ids == (1, 2) and passage.lead_coding == 1


def test_adjacent_codings_stay_apart_and_memos_follow_their_coding() -> None:
    memo = Memo(7, "Keep this one.", "Rowan Pike", MemoTarget.CODING, 2, NOW, NOW)
    found = merge_passages([extract(1, 0, 10, "A"), extract(2, 10, 20, "B")], {2: [memo]})
    assert [p.coding_ids for p in found] == [(1,), (2,)]
    assert found[0].memos == () and found[1].memos == (memo,)


def test_a_quote_that_disagrees_with_its_span_gives_the_longest_text() -> None:
    odd = Extract(1, 1, "P01", "P01", None, 1, "c", "c", "A", 0, 10, "short", NOW)
    long = Extract(2, 1, "P01", "P01", None, 1, "c", "c", "B", 5, 30, TEXT[5:30], NOW)
    assert merge_passages([odd, long])[0].text == TEXT[5:30]


def test_groups_in_the_asked_order_then_largest_with_a_first_page() -> None:
    passages = merge_passages([extract(i, i * 10, i * 10 + 5, "A", doc=1 + i % 3) for i in range(9)])
    groups = group_passages(passages, lambda p: p.document, order=["P03"], first_page=2)
    assert [g.key for g in groups] == ["P03", "P01", "P02"]
    assert [len(g.passages) for g in groups] == [3, 3, 3]
    assert groups[0].hidden == 1
