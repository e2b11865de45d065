"""How codings become units (turn, sentence, character), and the reconciliation pairing rules."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np

from cotheme.domain.agreement import reliability
from cotheme.domain.agreement_units import CodedSpan, UnitKind, coded_values, differences, segments
from cotheme.domain.codings import Extract
from cotheme.domain.documents import Turn
from cotheme.domain.reconcile import Decision, Kind, compare, counts, merged_span, parse, provenance, rejection

TEXT = "Interviewer: How was it?\n\nP01: Hard. Then better! She listened.\n"
TURNS = (Turn(0, "Interviewer", 0, 24), Turn(1, "P01", 26, 64))


def test_turn_and_sentence_units() -> None:
    turns = segments(1, TEXT, TURNS, UnitKind.TURN)
    assert [(s.start, s.end, s.speaker) for s in turns] == [(0, 24, "Interviewer"), (26, 64, "P01")]
    sentences = segments(1, TEXT, TURNS, UnitKind.SENTENCE)
    assert [TEXT[s.start:s.end] for s in sentences] == [
        "Interviewer: How was it?", "P01: Hard.", "Then better!", "She listened."]
    assert {s.turn for s in sentences} == {0, 1}
    assert [(s.start, s.end) for s in segments(1, "No turns here.", (), UnitKind.TURN)] == [(0, 14)]


def test_character_units_are_weighted_runs() -> None:
    spans = [CodedSpan(1, 1, 7, 0, 31, 41), CodedSpan(2, 1, 7, 1, 36, 41)]
    runs = segments(1, TEXT, TURNS, UnitKind.CHAR, spans)
    assert sum(r.weight for r in runs) == len(TEXT)
    assert [(r.start, r.end) for r in runs] == [(0, 31), (31, 36), (36, 41), (41, len(TEXT))]
    values = coded_values(runs, spans, [7], 2)
    assert values[0].tolist() == [[0, 0], [1, 0], [1, 1], [0, 0]]
    weights = np.array([r.weight for r in runs])
    by_runs = reliability(values[0], categories=(0, 1), weights=weights, bootstrap=0)
    per_char = [[1 if 31 <= i < 41 else 0, 1 if 36 <= i < 41 else 0] for i in range(len(TEXT))]
    assert by_runs.cohen_kappa == reliability(per_char, categories=(0, 1), bootstrap=0).cohen_kappa
    found = differences(runs, values, [7], join_runs=True)
    assert [(d.start, d.end, d.coded_by, d.not_coded_by) for d in found] == [(31, 36, (0,), (1,))]


def test_a_coding_counts_for_every_unit_it_overlaps() -> None:
    units = segments(1, TEXT, TURNS, UnitKind.TURN)
    spans = [CodedSpan(1, 1, 3, 0, 20, 30), CodedSpan(2, 1, 3, 1, 40, 41), CodedSpan(3, 2, 3, 1, 0, 5)]
    values = coded_values(units, spans, [3, 4], 2)
    assert values[0].tolist() == [[1, 0], [1, 1]]  # coder 0 touches both turns; the other document is ignored
    assert values[1].tolist() == [[0, 0], [0, 0]]
    assert [(d.start, d.coded_by) for d in differences(units, values, [3, 4])] == [(0, (0,))]


def extract(i: int, code: int, start: int, end: int, coder: str = "A") -> Extract:
    stamp = datetime(2024, 1, 1, tzinfo=UTC)
    return Extract(i, 1, "P01", "P01", None, code, f"code{code}", f"code{code}", coder, start, end, "x", stamp)


def test_reconciliation_pairs_agree_differ_and_only() -> None:
    first = [extract(1, 10, 0, 20), extract(2, 11, 30, 40), extract(3, 12, 60, 70), extract(4, 10, 100, 110)]
    second = [extract(5, 10, 5, 25, "B"), extract(6, 13, 35, 45, "B"), extract(7, 12, 65, 68, "B"),
              extract(8, 12, 69, 80, "B"), extract(9, 14, 0, 10, "B")]
    items = compare(first, second, {1: (Decision.ACCEPTED, (99,))})
    kinds = [(i.kind, [s.coding.id for s in i.first], [s.coding.id for s in i.second]) for i in items]
    assert kinds == [
        (Kind.ONLY, [], [9]),  # B's other code inside A's agreed span: only B coded it
        (Kind.AGREE, [1], [5]),
        (Kind.DIFFER, [2], [6]),
        (Kind.AGREE, [3], [7, 8]),  # one long span against two short ones of the same code
        (Kind.ONLY, [4], []),
    ]
    assert items[1].first[0].decision is Decision.ACCEPTED and items[1].first[0].consensus_ids == (99,)
    assert not items[1].resolved  # B's coding 5 still waits
    summary = counts(items)
    assert summary == {"agree": 2, "differ": 1, "only_first": 1, "only_second": 1, "resolved": 0, "pending": 5}


def test_consensus_memos_round_trip() -> None:
    a, b = extract(12, 1, 0, 10), extract(15, 1, 5, 20, "B")
    assert parse(provenance([a])) == (Decision.ACCEPTED, (12,))
    assert parse(provenance([a, b])) == (Decision.MERGED, (12, 15))
    assert parse(rejection(b)) == (Decision.REJECTED, (15,))
    assert parse("Consensus is overrated.") is None
    assert merged_span([a, b]) == (0, 20)
    assert merged_span([a, extract(16, 1, 11, 20)]) is None  # a hole between them
