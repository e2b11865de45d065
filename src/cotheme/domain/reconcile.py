"""Reconciliation: two coders' codings of one document side by side, and the consensus layer.

Pairing rules (``compare``):

* **agree**: codings of the same code by both coders whose spans overlap (chains of overlapping
  codings of that code form one item, so one long span against two short ones is one item);
* **differ**: what is left, where a coding of one coder overlaps a coding of the other with a
  different code (again chained into one item);
* **only**: what is left after that: coded by one of the two only.

The consensus layer is the codings of the member called "consensus". Each consensus coding carries a
memo that names the codings it came from, in a fixed form this module writes and reads back
(``provenance``/``parse``), e.g. ``Consensus: merged codings 12, 15 (...)``; a rejected coding
carries a memo ``Consensus: rejected coding 12 (...)``. The originals are never changed. Must not do
I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from cotheme.domain.codings import Extract

#: The name (and role label) of the member whose codings are the consensus layer.
CONSENSUS = "consensus"
#: Every consensus memo starts with this.
PREFIX = "Consensus: "
_NOTE = re.compile(r"^Consensus: (accepted|merged|rejected) codings? (\d+(?:, \d+)*)")


class Kind(StrEnum):
    AGREE = "agree"
    DIFFER = "differ"
    ONLY = "only"


class Decision(StrEnum):
    """What became of an original coding in the consensus layer."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    MERGED = "merged"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Side:
    """One original coding in the comparison, with what reconciliation decided about it."""

    coding: Extract
    decision: Decision = Decision.PENDING
    consensus_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Item:
    """Codings of the two coders that belong together; ``start``-``end`` spans all of them."""

    id: str
    kind: Kind
    start: int
    end: int
    first: tuple[Side, ...]
    second: tuple[Side, ...]
    resolved: bool = False  # every coding in it has a decision


@dataclass(frozen=True, slots=True)
class Comparison:
    """One document, two coders: every item in text order and the consensus codings so far."""

    document_id: int
    document: str
    coders: tuple[str, str]
    items: tuple[Item, ...]
    consensus: tuple[Extract, ...]
    counts: dict[str, int]


def _overlap(a: Extract, b: Extract) -> bool:
    return a.start < b.end and b.start < a.end


def _components(nodes: Sequence[Extract], linked: Callable[[Extract, Extract], bool]) -> list[list[Extract]]:
    """Connected groups of ``nodes`` under ``linked(a, b)`` (which implies overlap), in text order."""
    nodes = sorted(nodes, key=lambda e: (e.start, e.id))
    parent = list(range(len(nodes)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(nodes)):
        j = i + 1
        while j < len(nodes) and nodes[j].start < nodes[i].end:  # only overlapping ones can link
            if linked(nodes[i], nodes[j]):
                parent[root(i)] = root(j)
            j += 1
    groups: dict[int, list[Extract]] = {}
    for i, node in enumerate(nodes):
        groups.setdefault(root(i), []).append(node)
    return sorted(groups.values(), key=lambda g: (min(e.start for e in g), min(e.id for e in g)))


def compare(first: Sequence[Extract], second: Sequence[Extract],
            decisions: dict[int, tuple[Decision, tuple[int, ...]]] | None = None) -> list[Item]:
    """The items of two coders' codings of one document (see the module docstring)."""
    mine = {e.id for e in first}
    everyone = [*first, *second]
    same = _components(everyone, lambda a, b: a.code_id == b.code_id and _overlap(a, b))
    agree = [g for g in same if any(e.id in mine for e in g) and any(e.id not in mine for e in g)]
    left = [e for g in same if g not in agree for e in g]
    groups = [(Kind.AGREE, g) for g in agree]
    for g in _components(left, lambda a, b: _overlap(a, b) and (a.id in mine) != (b.id in mine)
                         and a.code_id != b.code_id):
        both = any(e.id in mine for e in g) and any(e.id not in mine for e in g)
        groups.append((Kind.DIFFER if both else Kind.ONLY, g))
    known = decisions or {}

    def side(e: Extract) -> Side:
        decision, ids = known.get(e.id, (Decision.PENDING, ()))
        return Side(e, decision, ids)

    items = [
        Item(
            id="-".join(str(e.id) for e in sorted(g, key=lambda x: x.id)), kind=kind,
            start=min(e.start for e in g), end=max(e.end for e in g),
            first=tuple(side(e) for e in g if e.id in mine),
            second=tuple(side(e) for e in g if e.id not in mine),
            resolved=all(side(e).decision is not Decision.PENDING for e in g),
        )
        for kind, g in groups
    ]
    return sorted(items, key=lambda i: (i.start, i.end, i.id))


def counts(items: Iterable[Item]) -> dict[str, int]:
    """How many items of each kind (only-first and only-second apart) and how many are resolved."""
    out = {"agree": 0, "differ": 0, "only_first": 0, "only_second": 0, "resolved": 0, "pending": 0}
    for item in items:
        key = item.kind.value if item.kind is not Kind.ONLY else ("only_first" if item.first else "only_second")
        out[key] += 1
        out["resolved" if item.resolved else "pending"] += 1
    return out


# -- the consensus memos --------------------------------------------------------------------------
def describe(e: Extract) -> str:
    return f"{e.coder or 'unknown coder'}: '{e.code_path or e.code}', {e.start}-{e.end}"


def provenance(sources: Sequence[Extract]) -> str:
    """The memo on a consensus coding made from ``sources`` (one: accepted; several: merged)."""
    ids = ", ".join(str(e.id) for e in sources)
    verb = "accepted coding" if len(sources) == 1 else "merged codings"
    return f"{PREFIX}{verb} {ids} ({'; '.join(describe(e) for e in sources)})."


def rejection(coding: Extract) -> str:
    """The memo on an original coding that was left out of the consensus."""
    return f"{PREFIX}rejected coding {coding.id} ({describe(coding)}); not taken into the consensus."


def parse(text: str) -> tuple[Decision, tuple[int, ...]] | None:
    """What a consensus memo says: the decision and the original coding ids (``None`` if not one)."""
    match = _NOTE.match(text)
    if match is None:
        return None
    return Decision(match.group(1)), tuple(int(i) for i in match.group(2).split(", "))


def merged_span(codings: Sequence[Extract]) -> tuple[int, int] | None:
    """The union of the codings' spans when it is one stretch of text (else ``None``)."""
    ordered = sorted(codings, key=lambda e: e.start)
    start, end = ordered[0].start, ordered[0].end
    for e in ordered[1:]:
        if e.start > end:
            return None
        end = max(end, e.end)
    return start, end
