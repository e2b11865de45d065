"""The code hierarchy rule: a code with its sub-codes, and a passage counted once."""

from __future__ import annotations

import random

from cotheme.domain.codebook import Code
from cotheme.domain.extract_table import merge_passages
from cotheme.domain.hierarchy import (
    CodingFact, Tally, ancestors, count_label, expand, group_passages, hierarchy_counts, passage_key, subtree,
    subtrees, tally,
)
from cotheme.domain.plural import counted, plural

PEER = Code(1, "Peer support", None, ("Peer support",))
GROUPS = Code(2, "Group activities", 1, ("Peer support", "Group activities"))
ART = Code(3, "Art", 2, ("Peer support", "Group activities", "Art"))
WORKERS = Code(4, "Lived-experience workers", 1, ("Peer support", "Lived-experience workers"))
STIGMA = Code(5, "Stigma", None, ("Stigma",))
CODES = [PEER, GROUPS, ART, WORKERS, STIGMA]


def fact(code: int, doc: int = 1, start: int = 0, end: int = 10, coder: int | None = 7, case: int | None = 1) -> CodingFact:
    return CodingFact(code, doc, start, end, coder, case)


def test_subtrees_reach_every_depth() -> None:
    trees = subtrees(CODES)
    assert trees[1] == {1, 2, 3, 4} and trees[2] == {2, 3} and trees[3] == {3} and trees[5] == {5}
    assert subtree(CODES, 2) == {2, 3} and subtree(CODES, 99) == {99}
    assert ancestors(CODES)[3] == {1, 2, 3} and ancestors(CODES)[5] == {5}
    assert expand(trees, [1, 5], True) == [frozenset({1, 2, 3, 4}), frozenset({5})]
    assert expand(trees, [1], False) == [frozenset({1})]


def test_the_same_coder_on_the_same_span_with_a_code_and_its_sub_code_is_one_extract() -> None:
    assert tally([fact(1), fact(2)]) == Tally(1, 1)
    assert passage_key(1, 0, 10, 7) == passage_key(1, 0, 10, 7)


def test_another_coder_another_span_or_another_document_is_another_extract() -> None:
    assert tally([fact(1), fact(2, coder=8)]) == Tally(2, 1)           # two coders' readings
    assert tally([fact(1), fact(2, start=1)]) == Tally(2, 1)           # overlapping, not identical
    assert tally([fact(1), fact(2, doc=2, case=2)]) == Tally(2, 2)     # another participant
    assert tally([fact(1, case=None), fact(2, doc=2, case=None)]) == Tally(2, 0)  # no case: no participant


def test_own_and_with_sub_code_counts() -> None:
    facts = [fact(2), fact(3), fact(3, start=20, end=30), fact(4, doc=2, case=2), fact(5, doc=3, case=3)]
    counts = hierarchy_counts(CODES, facts)
    assert counts[1].own == Tally(0, 0) and counts[1].with_subcodes == Tally(3, 2) and counts[1].subcodes == 3
    assert counts[2].own == Tally(1, 1) and counts[2].with_subcodes == Tally(2, 1)
    assert counts[3].own == counts[3].with_subcodes == Tally(2, 1) and counts[3].subcodes == 0
    assert counts[5].own == counts[5].with_subcodes == Tally(1, 1)


def test_count_labels_and_plurals() -> None:
    assert count_label(0, 11, 3) == "0 own · 11 with sub-codes"
    assert count_label(5, 5, 0) == "5"
    assert [counted(n, "extract") for n in (0, 1, 2)] == ["0 extracts", "1 extract", "2 extracts"]
    assert counted(1, "participant") == "1 participant" and counted(3, "memo") == "3 memos"
    assert plural("category", 2) == "categories" and plural("day", 2) == "days" and plural("match", 2) == "matches"
    assert plural("person", 2) == "people" and plural("coding", 1) == "coding"


def test_passages_merge_in_reading_order_with_every_code() -> None:
    items = [((1, 0, 10, "Ann"), "Peer support", 1, "a"), ((1, 0, 10, "Ann"), "Peer support/Group activities", 2, "b"),
             ((1, 0, 10, "Bea"), "Peer support", 3, "c"), ((1, 0, 10, "Ann"), "Peer support", 4, "d")]
    assert group_passages(items) == [("a", ("Peer support", "Peer support/Group activities"), (1, 2, 4)),
                                     ("c", ("Peer support",), (3,))]
    assert merge_passages(items)[0] == ("a", "Peer support; Peer support/Group activities", (1, 2, 4))


def test_counts_from_sums_agree_with_counting_every_passage() -> None:
    """``counts_from`` (what the database sums up) against the rule applied coding by coding."""
    rng = random.Random(14)
    for _ in range(200):
        facts = [fact(rng.choice(CODES).id, doc=rng.randint(1, 3), start=rng.choice((0, 5)), end=rng.choice((10, 12)),
                      coder=rng.choice((7, 8, None)), case=rng.choice((1, 2, None))) for _ in range(rng.randint(0, 12))]
        counts = hierarchy_counts(CODES, facts)
        for code in CODES:
            tree = subtree(CODES, code.id)
            assert counts[code.id].own == tally(f for f in facts if f.code_id == code.id)
            assert counts[code.id].with_subcodes == tally(f for f in facts if f.code_id in tree)
