"""double_coding.py: which transcripts two coders double-coded (assigned to both, or a code in common)."""

from __future__ import annotations

from cotheme.domain.double_coding import coded_by_several, double_coded


def test_only_assigned_or_shared_code_transcripts_are_double_coded() -> None:
    codes = {
        1: {10: {100}, 11: {101}},           # different codes, not assigned: shared out
        2: {10: {100}, 11: {101}},           # different codes, assigned to both: double-coded
        3: {10: {100, 102}, 11: {102}},      # one code in common: double-coded
        4: {10: {100}, 11: {100}, 12: {103}},  # 10 and 11 share a code; 12 coded other codes
        5: {10: {100}},                      # one coder only
    }
    assigned = {2: {10, 11}, 5: {10, 11}}
    assert double_coded(codes, assigned) == {(10, 11): [2, 3, 4]}
    assert coded_by_several(codes) == 4


def test_assigned_to_one_of_the_pair_is_not_enough() -> None:
    codes = {1: {10: {100}, 11: {101}}}
    assert double_coded(codes, {1: {10, 12}}) == {}
