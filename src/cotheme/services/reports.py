"""The write-up reports built from the data: the theme/code x attribute matrix and code co-occurrence
(the themes with their quotes are ``services/report_quotes.py``, re-exported here; the sample table is
``services/sample.py``, the methods appendix ``services/methods.py``).

Every report reads in one transaction and counts in SQL or over coding spans, never over transcript
text, so it stays fast at 100,000 codings. Must not format anything: ``cotheme.formats`` writes them.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from sqlalchemy import Connection, select

from cotheme.domain.reports import Cooccurrence, Matrix, MatrixRow
from cotheme.domain.sample import Band, band_of, category_key
from cotheme.errors import InvalidArgument, NotFound
from cotheme.services.report_quotes import themes_report
from cotheme.services.themes import code_sets, count_table
from cotheme.storage import cases as cases_repo
from cotheme.storage import codes as codes_repo
from cotheme.storage import reporting
from cotheme.storage import study
from cotheme.storage import themes as themes_repo
from cotheme.storage.store import Store

__all__ = ["cooccurrence", "matrix", "themes_report"]


# -- shared -------------------------------------------------------------------------------------
def _attribute_names(people: Mapping[str, Mapping[str, str | None]], wanted: Sequence[str]) -> list[str]:
    known = list(next(iter(people.values()), {}))
    by_fold = {k.casefold(): k for k in known}
    names = []
    for name in wanted:
        if name.strip().casefold() not in by_fold:
            raise NotFound(f"There is no attribute '{name.strip()}' (attributes: {', '.join(known) or 'none'}).")
        names.append(by_fold[name.strip().casefold()])
    return names


# -- matrix ---------------------------------------------------------------------------------------
def matrix(
    store: Store, by: str, *, count: str = "participants", rows: str = "themes", bands: Sequence[Band] = ()
) -> Matrix:
    """Themes (or codes) x the categories of attribute ``by``, counting participants or extracts.

    A theme's row counts the codings of its codes, their subcodes and its subthemes; a code's row its
    own codings (as ``cotheme codebook list`` does). Extracts from documents linked to no participant
    count under the "not available" column; they add to no participant count.
    """
    if count not in ("participants", "extracts"):
        raise InvalidArgument(f"--count must be participants or extracts, not '{count}'.")
    if rows not in ("themes", "codes"):
        raise InvalidArgument(f"--rows must be themes or codes, not '{rows}'.")
    with store.read() as conn:
        missing = study.read_info(conn).missing_label
        people = cases_repo.list_cases(conn)
        name = _attribute_names({c.pid: c.attributes for c in people} or {"": {}}, [by])[0]
        table = count_table(conn)
        codes = codes_repo.all_codes(conn)
        if rows == "themes":
            themes = themes_repo.all_themes(conn)
            sets = code_sets(themes, codes)
            labelled = [(t.name, t.level, sets[t.id]) for t in themes]
        else:
            labelled = [(c.name, len(c.path) - 1, {c.id}) for c in codes]
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
    matrix_rows = []
    for label, level, code_ids in labelled:
        cells = [0] * len(columns)
        seen: set[int] = set()
        for code_id in code_ids:
            for case_id, n in table.get(code_id, {}).items():
                column = at[category[case_id]]
                if count == "extracts":
                    cells[column] += n
                elif case_id is not None and case_id not in seen:
                    seen.add(case_id)
                    cells[column] += 1
        total = sum(cells)
        matrix_rows.append(MatrixRow(label, level, tuple(cells), total))
    if count == "participants":
        totals = Counter(category[i] for i in ids.values())
    else:
        totals = Counter()
        for per_case in table.values():
            for case_id, n in per_case.items():
                totals[category[case_id]] += n
    return Matrix(title, name, count, rows, tuple(columns), tuple(matrix_rows),
                  tuple(totals.get(c, 0) for c in columns))


# -- co-occurrence --------------------------------------------------------------------------------
def cooccurrence(store: Store, *, unit: str = "extract") -> Cooccurrence:
    """How often two codes meet: overlapping extracts (``extract``) or the same speaker turn (``turn``)."""
    if unit not in ("extract", "turn"):
        raise InvalidArgument(f"--unit must be extract or turn, not '{unit}'.")
    with store.read() as conn:
        spans = reporting.spans(conn)
        codes = codes_repo.all_codes(conn)
        starts = reporting.turn_starts(conn) if unit == "turn" else {}
        title = study.read_info(conn).title
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
    return Cooccurrence(title, unit, tuple(c.path_text for c in used), grid)


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
