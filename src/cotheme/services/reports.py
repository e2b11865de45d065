"""The write-up reports built from the data: the theme/code x attribute matrix and code co-occurrence
(the themes with their quotes are ``services/report_quotes.py``, re-exported here; the sample table is
``services/sample.py``, the methods appendix ``services/methods.py``).

Every report reads in one transaction and counts in SQL or over coding spans, never over transcript
text, so it stays fast at 100,000 codings. Must not format anything: ``cotheme.formats`` writes them.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence

from sqlalchemy import Connection, select

from cotheme.domain.cases import attribute_names
from cotheme.domain.codebook import Code
from cotheme.domain.hierarchy import CodingFact, ancestors, key_of, repeats, subtrees
from cotheme.domain.reports import Cooccurrence, Matrix, MatrixRow
from cotheme.domain.sample import Band, band_of, category_key
from cotheme.errors import InvalidArgument
from cotheme.services.report_quotes import themes_report
from cotheme.services.themes import code_sets, count_table
from cotheme.storage import cases as cases_repo
from cotheme.storage import codes as codes_repo
from cotheme.storage import passages, reporting
from cotheme.storage import study
from cotheme.storage import themes as themes_repo
from cotheme.storage.store import Store

__all__ = ["cooccurrence", "matrix", "themes_report"]


# -- matrix ---------------------------------------------------------------------------------------
def matrix(
    store: Store, by: str, *, count: str = "participants", rows: str = "themes", bands: Sequence[Band] = (),
    subcodes: bool = True,
) -> Matrix:
    """Themes (or codes) x the categories of attribute ``by``, counting participants or extracts.

    A theme's row counts the extracts of its codes, their subcodes and its subthemes; a code's row its
    own and, with ``subcodes``, those of every code below it (as ``cotheme codebook list`` shows both).
    A passage coded with several of a row's codes is one extract (``domain/hierarchy.py``). Extracts
    from documents linked to no participant count under the "not available" column; they add to no
    participant count.
    """
    if count not in ("participants", "extracts"):
        raise InvalidArgument(f"--count must be participants or extracts, not '{count}'.")
    if rows not in ("themes", "codes"):
        raise InvalidArgument(f"--rows must be themes or codes, not '{rows}'.")
    with store.read() as conn:
        missing = study.read_info(conn).missing_label
        people = cases_repo.list_cases(conn)
        name = attribute_names({c.pid: c.attributes for c in people} or {"": {}}, [by])[0]
        table = count_table(conn)
        repeated = passages.repeated_passages(conn)
        codes = codes_repo.all_codes(conn)
        if rows == "themes":
            themes = themes_repo.all_themes(conn)
            sets = code_sets(themes, codes)
            labelled = [(t.name, t.level, sets[t.id]) for t in themes]
        else:
            trees = subtrees(codes)
            labelled = [(c.name, len(c.path) - 1, set(trees[c.id]) if subcodes else {c.id}) for c in codes]
        title = study.read_info(conn).title
    ids = {c.pid: c.id for c in people}
    category: dict[int | None, str] = {None: missing}
    for case in people:
        value = case.attributes.get(name)
        category[ids[case.pid]] = missing if value is None else (band_of(value, bands) if bands else value)
    labels = {category[i] for i in ids.values()}
    if any(None in per_case for per_case in table.values()):
        labels.add(missing)  # extracts from documents linked to no participant
    columns = sorted(labels, key=lambda label: category_key(label, missing))
    at = {label: i for i, label in enumerate(columns)}

    def extracts_in(code_ids: Collection[int]) -> list[int]:
        """Extracts per column: the codings of ``code_ids``, less for each passage holding k > 1 of
        them k - 1 (each passage counts once: ``domain/hierarchy.py``)."""
        cells = [0] * len(columns)
        for code_id in code_ids:
            for case_id, n in table.get(code_id, {}).items():
                cells[at[category[case_id]]] += n
        for case_id, found in repeated:
            cells[at[category[case_id]]] -= repeats(found, code_ids)
        return cells

    matrix_rows = []
    for label, level, code_ids in labelled:
        if count == "extracts":
            cells = extracts_in(code_ids)
        else:
            cells = [0] * len(columns)
            seen: set[int] = set()
            for code_id in code_ids:
                for case_id in table.get(code_id, {}):
                    if case_id is not None and case_id not in seen:
                        seen.add(case_id)
                        cells[at[category[case_id]]] += 1
        matrix_rows.append(MatrixRow(label, level, tuple(cells), sum(cells)))
    if count == "participants":
        totals = Counter(category[i] for i in ids.values())
        column_totals = tuple(totals.get(c, 0) for c in columns)
    else:
        column_totals = tuple(extracts_in(table.keys()))
    return Matrix(title, name, count, rows, tuple(columns), tuple(matrix_rows), column_totals,
                  subcodes=subcodes or rows == "themes")


# -- co-occurrence --------------------------------------------------------------------------------
def cooccurrence(store: Store, *, unit: str = "extract", subcodes: bool = True) -> Cooccurrence:
    """How often two codes meet: overlapping extracts (``extract``) or the same speaker turn (``turn``).

    With ``subcodes`` each code stands for itself and every code below it: its own count is its
    distinct passages (a passage coded with a code and its sub-code once), a pair counts distinct pairs
    of passages (or turns), and a code is not compared with its own sub-codes (it contains them)."""
    if unit not in ("extract", "turn"):
        raise InvalidArgument(f"--unit must be extract or turn, not '{unit}'.")
    with store.read() as conn:
        spans = reporting.spans(conn)
        codes = codes_repo.all_codes(conn)
        starts = reporting.turn_starts(conn) if unit == "turn" else {}
        facts = passages.coding_facts(conn) if subcodes else []
        title = study.read_info(conn).title
    if subcodes:
        counts = _rolled_up(facts, codes, starts, unit)
        used = [c for c in codes if counts[0][c.id]]
        index = [c.id for c in used]
        grid = tuple(tuple(counts[0][a] if a == b else counts[1][(min(a, b), max(a, b))] for b in index)
                     for a in index)
        return Cooccurrence(title, unit, tuple(c.path_text for c in used), grid, subcodes=True)
    pairs: Counter[tuple[int, int]] = Counter()
    own: Counter[int] = Counter()
    if unit == "extract":
        _overlaps(spans, pairs, own)
    else:
        _same_turn(spans, starts, pairs, own)
    used = [c for c in codes if own[c.id]]
    index = [c.id for c in used]
    grid = tuple(
        tuple(own[a] if a == b else pairs[(min(a, b), max(a, b))] for b in index) for a in index
    )
    return Cooccurrence(title, unit, tuple(c.path_text for c in used), grid, subcodes=False)


def _rolled_up(facts: Sequence[CodingFact], codes: Sequence[Code], starts: Mapping[int, list[int]],
               unit: str) -> tuple[Counter[int], Counter[tuple[int, int]]]:
    """Own counts and pair counts with every code standing for its sub-tree: each coding counts for
    its code and every code above it, and each passage (or turn) once.

    The codings are first merged into passages (each with the set of codes it carries) and the sweep
    counts which *sets* of codes meet; the sets are few, so lifting each to the codes above it is done
    once per set rather than once per meeting (100,000 codings: seconds, not half a minute)."""
    above = ancestors(codes)

    def lift(own_codes: frozenset[int]) -> frozenset[int]:
        return frozenset().union(*(above.get(c, frozenset({c})) for c in own_codes))

    def related(a: int, b: int) -> bool:
        return a in above.get(b, ()) or b in above.get(a, ())

    singles: Counter[frozenset[int]] = Counter()  # passages (or turns) by the codes they carry
    meetings: Counter[tuple[frozenset[int], frozenset[int]]] = Counter()  # two overlapping passages
    if unit == "extract":
        carried: dict[tuple[int, int, int, int | None], set[int]] = defaultdict(set)
        for fact in facts:
            carried[key_of(fact)].add(fact.code_id)
        active: list[tuple[int, frozenset[int]]] = []
        document = None
        for (doc_id, start, end, _), found in sorted(carried.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2])):
            held = frozenset(found)
            singles[held] += 1
            if doc_id != document:
                document, active = doc_id, []
            active = [(e, h) for e, h in active if e > start]
            for _, other in active:
                meetings[(other, held)] += 1
            active.append((end, held))
    else:
        present: dict[tuple[int | None, int], set[int]] = defaultdict(set)
        for fact in facts:
            turn = bisect.bisect_right(starts.get(fact.revision_id or 0, []), fact.start) - 1
            present[(fact.revision_id, turn)].add(fact.code_id)
        singles.update(frozenset(found) for found in present.values())
    own: Counter[int] = Counter()
    pairs: Counter[tuple[int, int]] = Counter()
    for held, n in singles.items():
        lifted = sorted(lift(held))
        for a in lifted:
            own[a] += n
        for i, a in enumerate(lifted):  # codes the one passage (or turn) carries together
            for b in lifted[i + 1:]:
                if not related(a, b):
                    pairs[(a, b)] += n
    for (first, second), n in meetings.items():
        # A set: a pair of codes the two passages meet on counts once per meeting, whichever way round.
        for key in {(min(a, b), max(a, b)) for a in lift(first) for b in lift(second) if a != b and not related(a, b)}:
            pairs[key] += n
    return own, pairs


def _overlaps(spans: Sequence[reporting.Span], pairs: Counter[tuple[int, int]], own: Counter[int]) -> None:
    active: list[reporting.Span] = []
    document = None
    for span in spans:  # sorted by document, then start
        own[span.code_id] += 1
        if span.document_id != document:
            document, active = span.document_id, []
        active = [a for a in active if a.end > span.start]
        for other in active:
            if other.code_id != span.code_id:
                pairs[(min(other.code_id, span.code_id), max(other.code_id, span.code_id))] += 1
        active.append(span)


def _same_turn(
    spans: Sequence[reporting.Span], starts: Mapping[int, list[int]],
    pairs: Counter[tuple[int, int]], own: Counter[int],
) -> None:
    turns: dict[tuple[int, int], set[int]] = defaultdict(set)
    for span in spans:
        # The turn a coding starts in; a transcript without turns is one unit.
        turn = bisect.bisect_right(starts.get(span.revision_id, []), span.start) - 1
        turns[(span.revision_id, turn)].add(span.code_id)
    for present in turns.values():
        ordered = sorted(present)
        for code_id in ordered:
            own[code_id] += 1
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                pairs[(a, b)] += 1
