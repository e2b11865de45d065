"""Code hierarchy semantics: a code "with its sub-codes", and the rule by which a passage counts once.

With its sub-codes, a code stands for itself and every code below it, at any depth. Its codings are
then counted as **extracts**, and the rule for "the same passage" is exact:

    two codings are one extract when they lie in the same document, on the identical span (same
    start and same end) and were made by the same coder (or both by no recorded coder).

So a passage a coder coded with "Peer support" and again with its sub-code "Peer support/Group
activities" is one extract of "Peer support" with its sub-codes (and one of each code on its own).
Codings on spans that only overlap, or by two coders, stay separate extracts: each coder's reading
of a passage is their own, and an overlap is a different passage. The participants of a set of
extracts are the distinct cases among them (an extract of a document linked to no case adds none).

Owns that rule (``passage_key``, ``tally``), the sub-tree of a code (``subtree``, ``subtrees``) and
the counts of every code own and with sub-codes (``hierarchy_counts``). Must not do I/O: the services
read the coding rows and hand them in.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from cotheme.domain.codebook import Code

T = TypeVar("T")
#: (document id, start, end, coder): codings with the same key are one extract. The coder is their
#: member id, or their name where only names are at hand (a name belongs to one member).
PassageKey = tuple[int, int, int, int | str | None]


class CodingFact(NamedTuple):
    """What counting needs of one coding: its code, its passage and its participant (case)."""

    code_id: int
    document_id: int
    start: int
    end: int
    coder_id: int | None
    case_id: int | None
    revision_id: int | None = None


@dataclass(frozen=True, slots=True)
class Tally:
    """Distinct extracts and distinct participants of a set of codings."""

    extracts: int
    participants: int


@dataclass(frozen=True, slots=True)
class HierarchyCount:
    """A code's counts on its own and with every code below it (equal for a code without sub-codes)."""

    own: Tally
    with_subcodes: Tally
    subcodes: int


def passage_key(document_id: int, start: int, end: int, coder_id: int | str | None) -> PassageKey:
    """The key two codings share exactly when they are one extract (see the module's rule)."""
    return (document_id, start, end, coder_id)


def tally(facts: Iterable[CodingFact]) -> Tally:
    """Distinct extracts (by ``passage_key``) and distinct participants of ``facts``."""
    passages: set[PassageKey] = set()
    people: set[int] = set()
    for fact in facts:  # the key spelled out: ``passage_key`` per coding cost a call each
        passages.add((fact.document_id, fact.start, fact.end, fact.coder_id))
        if fact.case_id is not None:
            people.add(fact.case_id)
    return Tally(len(passages), len(people))


def subtrees(codes: Sequence[Code]) -> dict[int, frozenset[int]]:
    """For every code, itself and every code below it, at any depth."""
    below: dict[int | None, list[int]] = defaultdict(list)
    for code in codes:
        below[code.parent_id].append(code.id)
    found: dict[int, frozenset[int]] = {}

    def walk(code_id: int) -> frozenset[int]:
        if code_id not in found:
            members, queue = {code_id}, list(below.get(code_id, ()))
            while queue:
                child = queue.pop()
                if child not in members:  # a cycle cannot be stored, but must not loop here either
                    members.add(child)
                    queue.extend(below.get(child, ()))
            found[code_id] = frozenset(members)
        return found[code_id]

    for code in codes:
        walk(code.id)
    return found


def subtree(codes: Sequence[Code], code_id: int) -> frozenset[int]:
    """``code_id`` and every code below it (just ``code_id`` when it has none or is unknown)."""
    return subtrees(codes).get(code_id, frozenset({code_id}))


def hierarchy_counts(codes: Sequence[Code], facts: Iterable[CodingFact]) -> dict[int, HierarchyCount]:
    """Every code's extracts and participants on its own and with its sub-codes, a passage coded with a
    code and one of its sub-codes counted once (from every coding; ``counts_from`` does the same from
    what a database can sum up)."""
    codings: Counter[int] = Counter()
    cases: dict[int, set[int]] = defaultdict(set)
    passages: dict[PassageKey, list[int]] = defaultdict(list)
    for fact in facts:
        codings[fact.code_id] += 1
        if fact.case_id is not None:
            cases[fact.code_id].add(fact.case_id)
        passages[key_of(fact)].append(fact.code_id)
    return counts_from(codes, codings, cases, [c for c in passages.values() if len(c) > 1])


def counts_from(codes: Sequence[Code], codings: Mapping[int, int], cases: Mapping[int, Iterable[int]],
                repeated: Iterable[Sequence[int]]) -> dict[int, HierarchyCount]:
    """The counts ``hierarchy_counts`` makes, from sums: ``codings`` per code, the ``cases`` each code's
    codings come from, and for every passage holding more than one coding the code of each of them
    (``repeated``). A set of codes has the codings of its codes as extracts, less, for every passage
    holding k > 1 of them, k - 1: so each passage counts once however many of its codes it carries."""
    trees = subtrees(codes)
    above = ancestors(codes)
    own_excess: Counter[int] = Counter()
    tree_excess: Counter[int] = Counter()
    for found in repeated:
        own_hits = Counter(found)
        tree_hits: Counter[int] = Counter()
        for code_id, n in own_hits.items():
            own_excess[code_id] += n - 1
            for a in above.get(code_id, (code_id,)):
                tree_hits[a] += n
        for a, n in tree_hits.items():
            tree_excess[a] += n - 1
    people = {code_id: set(found) for code_id, found in cases.items()}
    result: dict[int, HierarchyCount] = {}
    for code in codes:
        tree = trees[code.id]
        own = Tally(codings.get(code.id, 0) - own_excess[code.id], len(people.get(code.id, ())))
        if len(tree) == 1:
            whole = own
        else:
            reached: set[int] = set().union(*(people.get(c, set()) for c in tree))
            whole = Tally(sum(codings.get(c, 0) for c in tree) - tree_excess[code.id], len(reached))
        result[code.id] = HierarchyCount(own, whole, len(tree) - 1)
    return result


def expand(trees: Mapping[int, frozenset[int]], code_ids: Iterable[int], subcodes: bool) -> list[frozenset[int]]:
    """Each chosen code as the set it stands for: with ``subcodes`` its sub-tree, else itself."""
    return [trees.get(c, frozenset({c})) if subcodes else frozenset({c}) for c in code_ids]


def count_label(own: int, with_subcodes: int, subcodes: int) -> str:
    """A code's extract count as pages and commands show it: ``5`` for a code without sub-codes,
    ``0 own · 11 with sub-codes`` for one with them."""
    return str(own) if not subcodes else f"{own} own · {with_subcodes} with sub-codes"


def group_passages(items: Iterable[tuple[Hashable, str, int, T]]) -> list[tuple[T, tuple[str, ...], tuple[int, ...]]]:
    """Items in reading order with the codings of one passage (the same key: ``passage_key``, or the
    coder's name in its place) merged into one: (the first item's row, the distinct code paths, every
    coding id). Each item is (its passage key, its code path, its coding id, the row)."""
    merged: dict[Hashable, tuple[T, list[str], list[int]]] = {}
    for key, path, coding_id, row in items:
        found = merged.get(key)
        if found is None:
            merged[key] = (row, [path], [coding_id])
        else:
            if path not in found[1]:
                found[1].append(path)
            found[2].append(coding_id)
    return [(row, tuple(paths), tuple(ids)) for row, paths, ids in merged.values()]


def repeats(found: Sequence[int], code_ids: Collection[int]) -> int:
    """How many more times a passage whose codings have the codes ``found`` is counted among the
    codings of ``code_ids`` than the once it should be (0 when it holds at most one of them)."""
    hits = sum(1 for code_id in found if code_id in code_ids)
    return hits - 1 if hits > 1 else 0


def key_of(fact: CodingFact) -> PassageKey:
    """The passage ``fact`` is a coding of."""
    return (fact.document_id, fact.start, fact.end, fact.coder_id)


def ancestors(codes: Sequence[Code]) -> dict[int, frozenset[int]]:
    """For every code, itself and every code above it: the codes a coding of it counts for when each
    code stands with its sub-codes."""
    parent = {c.id: c.parent_id for c in codes}
    found: dict[int, frozenset[int]] = {}
    for code in codes:
        chain: list[int] = []
        at: int | None = code.id
        while at is not None and at not in chain:
            chain.append(at)
            at = parent.get(at)
        found[code.id] = frozenset(chain)
    return found
