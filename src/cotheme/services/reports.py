"""The write-up reports built from the data: themes with quotes, the theme/code x attribute matrix,
and code co-occurrence (the sample table is ``services/sample.py``, the methods appendix
``services/methods.py``).

Every report reads in one transaction and counts in SQL or over coding spans, never over transcript
text, so it stays fast at 100,000 codings. Must not format anything: ``cotheme.formats`` writes them.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence

from sqlalchemy import Connection, select

from cotheme.domain.codebook import Code
from cotheme.domain.hierarchy import CodingFact, ancestors, key_of, repeats, subtrees
from cotheme.domain.reports import Cooccurrence, Matrix, MatrixRow, Quote, ReportTheme, ThemesReport
from cotheme.domain.sample import Band, band_of, category_key
from cotheme.errors import InvalidArgument, NotFound
from cotheme.services import deid
from cotheme.services.themes import code_sets, count_table, summaries
from cotheme.storage import cases as cases_repo
from cotheme.storage import codes as codes_repo
from cotheme.storage import passages, reporting
from cotheme.storage import study
from cotheme.storage import themes as themes_repo
from cotheme.storage.schema import cases, codings, documents
from cotheme.storage.store import Store

#: A quote a reader takes in at a glance: about 15-100 words. Shorter extracts say too little out of
#: context, longer ones are paragraphs; 300 characters is the length aimed for.
QUOTE_MIN, QUOTE_MAX, QUOTE_AIM = 80, 600, 300


# -- themes ---------------------------------------------------------------------------------------
def _representative(spans: list[reporting.Span], n: int, weight: Mapping[int | None, int]) -> list[int]:
    """Up to ``n`` coding ids that show a theme across participants: one per participant in turn,
    participants with most extracts in the theme (``weight``) first, each time the extract nearest a
    readable length."""
    by_case: dict[int | None, list[reporting.Span]] = defaultdict(list)
    for span in spans:
        by_case[span.case_id].append(span)

    def fit(span: reporting.Span) -> tuple[bool, int, int]:
        length = span.end - span.start
        return (not QUOTE_MIN <= length <= QUOTE_MAX, abs(length - QUOTE_AIM), span.id)

    queues = [sorted(group, key=fit) for _, group in sorted(
        by_case.items(), key=lambda kv: (-weight.get(kv[0], 0), kv[0] is None, kv[0] or 0))]
    chosen: list[int] = []
    depth = 0
    while len(chosen) < n and any(depth < len(q) for q in queues):
        chosen.extend(q[depth].id for q in queues if depth < len(q) and len(chosen) < n)
        depth += 1
    return chosen


def _quotes(conn: Connection, ids: Sequence[int]) -> dict[int, tuple[str, str, str | None]]:
    rows = conn.execute(
        select(codings.c.id, codings.c.quote, documents.c.title, cases.c.pid)
        .join(documents, documents.c.id == codings.c.document_id)
        .outerjoin(cases, cases.c.id == documents.c.case_id)
        .where(codings.c.id.in_(list(ids)))
    )
    return {r.id: (r.quote, r.title, r.pid) for r in rows}


def themes_report(store: Store, *, quotes: int = 3, attributes: Sequence[str] = ()) -> ThemesReport:
    """Each theme in hierarchy order with definition, subthemes and its exemplars - or, when the team
    chose none, the ``quotes`` most representative extracts. Refused while the project allows only
    de-identified exports and a transcript is not de-identified (the report quotes transcript text)."""
    deid.require_deidentified(store, None, action="themes report")
    with store.read() as conn:
        table = count_table(conn)
        found = summaries(conn, table)
        themes = [s.theme for s in found]
        sets = code_sets(themes, codes_repo.all_codes(conn))
        chosen_by_team: dict[int, list[int]] = defaultdict(list)
        for exemplar in themes_repo.exemplars(conn):
            chosen_by_team[exemplar.theme_id].append(exemplar.coding_id)
        by_code: dict[int, list[reporting.Span]] = defaultdict(list)
        if quotes > 0 and any(t.id not in chosen_by_team and sets[t.id] for t in themes):
            # Only each (code, participant)'s best few candidates: a theme's quotes are among them.
            for span in reporting.best_spans(conn, quotes, QUOTE_AIM, QUOTE_MIN, QUOTE_MAX):
                by_code[span.code_id].append(span)
        picks: dict[int, tuple[list[int], bool]] = {}
        for theme in themes:
            if theme.id in chosen_by_team:
                picks[theme.id] = (chosen_by_team[theme.id], True)
            else:
                pool = [s for c in sets[theme.id] for s in by_code.get(c, [])]
                weight: Counter[int | None] = Counter()
                for code_id in sets[theme.id]:
                    weight.update(table.get(code_id, {}))
                picks[theme.id] = (_representative(pool, quotes, weight), False)
        texts = _quotes(conn, sorted({i for ids, _ in picks.values() for i in ids}))
        people = {c.pid: c.attributes for c in cases_repo.list_cases(conn)} if attributes else {}
        info = study.read_info(conn)
    shown = _attribute_names(people, attributes)

    def quote(coding_id: int, exemplar: bool) -> Quote:
        text, document, pid = texts[coding_id]
        values = people.get(pid, {}) if pid else {}
        return Quote(text, pid, document, coding_id,
                     {a: values.get(a) or info.missing_label for a in shown}, exemplar)

    entries = tuple(
        ReportTheme(
            name=s.theme.name, level=s.theme.level, definition=s.theme.definition,
            status=s.theme.status.value,
            children=tuple(t.name for t in themes if t.parent_id == s.theme.id),
            quotes=tuple(quote(i, picks[s.theme.id][1]) for i in picks[s.theme.id][0] if i in texts),
            extracts=s.extracts, participants=s.participants,
        )
        for s in found
    )
    return ThemesReport(info.title, entries)


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
        name = _attribute_names({c.pid: c.attributes for c in people} or {"": {}}, [by])[0]
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
