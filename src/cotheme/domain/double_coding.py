"""What counts as double coding, for the methods report's statement of agreement between coders.

Two coders double-coded a transcript when both coded its current revision and either

- it was assigned to both of them: an assignment with more than one coder is the team's decision to
  double-code it; or
- they coded it with the same part of the codebook: at least one code that both of them applied to
  it (the same code, not merely codes of one branch).

Two people who coded one transcript with different codes have shared the work out (one took the access
codes, the other the relationship codes); comparing them would report as disagreement what is a
division of labour, and a methods section would claim double coding that did not happen.
Must not do I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from itertools import combinations

#: Two member ids, the lower first.
Pair = tuple[int, int]


def double_coded(codes: Mapping[int, Mapping[int, Set[int]]],
                 assigned: Mapping[int, Set[int]]) -> dict[Pair, list[int]]:
    """For each pair of coders, the documents they double-coded, by id.

    ``codes`` maps a document to each of its coders' codes on its current revision; ``assigned`` a
    document to the members it is assigned to."""
    found: dict[Pair, list[int]] = {}
    for document in sorted(codes):
        by_coder = codes[document]
        for a, b in combinations(sorted(by_coder), 2):
            if {a, b} <= assigned.get(document, set()) or by_coder[a] & by_coder[b]:
                found.setdefault((a, b), []).append(document)
    return found


def coded_by_several(codes: Mapping[int, Mapping[int, Set[int]]]) -> int:
    """How many documents more than one coder coded at all (double-coded or not)."""
    return sum(1 for by_coder in codes.values() if len(by_coder) > 1)
