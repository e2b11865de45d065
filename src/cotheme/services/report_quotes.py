"""The themes report: each theme with its definition, subthemes and the quotes that illustrate it.

Owns which quotes a theme gets: the team's exemplars first (in the team's order), then the most
representative other extracts up to the chosen maximum; each passage quoted once in the whole report
(a subtheme's quote is not repeated under its theme, nor a double-coded passage twice) unless the
team asks for repeats; each quote trimmed to whole sentences or marked with "…"; and its attribution.
Reads in one transaction, counting over coding spans rather than transcript text. Must not format
anything: ``formats/report_narrative.py`` writes the report.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select

from cotheme.domain.cases import attribute_names
from cotheme.domain.quote_trim import trim_quote
from cotheme.domain.reports import Quote, ReportTheme, ThemesReport, attribution_text, display_value, parse_attribution
from cotheme.domain.themes import Theme, descendants
from cotheme.errors import InvalidArgument
from cotheme.services import deid, study_fields
from cotheme.services.themes import code_sets, count_table, summaries
from cotheme.storage import attribute_defs
from cotheme.storage import cases as cases_repo
from cotheme.storage import codes as codes_repo
from cotheme.storage import reporting
from cotheme.storage import study
from cotheme.storage import themes as themes_repo
from cotheme.storage.schema import cases, codings, documents
from cotheme.storage.store import Store

#: A quote a reader takes in at a glance: about 15-100 words. Shorter extracts say too little out of
#: context, longer ones are paragraphs; 300 characters is the length aimed for.
QUOTE_MIN, QUOTE_MAX, QUOTE_AIM = 80, 600, 300
#: Candidates read per (code, participant) beyond the quotes wanted: room for passages already quoted.
SPARE = 2


@dataclass(frozen=True, slots=True)
class _Row:
    quote: str
    prefix: str
    suffix: str
    document_id: int
    document: str
    pid: str | None
    start: int
    end: int


class _Claims:
    """The passages quoted so far, per document, so no passage is quoted twice."""

    def __init__(self) -> None:
        self.spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
        self.ids: set[int] = set()

    def free(self, coding_id: int, document_id: int, start: int, end: int) -> bool:
        if coding_id in self.ids:
            return False
        return not any(s < end and start < e for s, e in self.spans[document_id])

    def take(self, coding_id: int, document_id: int, start: int, end: int) -> None:
        self.ids.add(coding_id)
        self.spans[document_id].append((start, end))


def _representative(
    spans: list[reporting.Span], n: int, weight: Mapping[int | None, int], ok: Callable[[reporting.Span], bool],
) -> list[reporting.Span]:
    """Up to ``n`` spans that show a theme across participants: one per participant in turn,
    participants with most extracts in the theme (``weight``) first, each time the extract nearest a
    readable length that ``ok`` accepts (taken as it is chosen)."""
    by_case: dict[int | None, list[reporting.Span]] = defaultdict(list)
    for span in spans:
        by_case[span.case_id].append(span)

    def fit(span: reporting.Span) -> tuple[bool, int, int]:
        length = span.end - span.start
        return (not QUOTE_MIN <= length <= QUOTE_MAX, abs(length - QUOTE_AIM), span.id)

    queues = [sorted(group, key=fit) for _, group in sorted(
        by_case.items(), key=lambda kv: (-weight.get(kv[0], 0), kv[0] is None, kv[0] or 0))]
    chosen: list[reporting.Span] = []
    while len(chosen) < n and any(queues):
        for queue in queues:
            while queue and len(chosen) < n:
                span = queue.pop(0)
                if ok(span):
                    chosen.append(span)
                    break
    return chosen


def _rows(conn: Connection, ids: Sequence[int]) -> dict[int, _Row]:
    found = conn.execute(
        select(codings.c.id, codings.c.quote, codings.c.prefix, codings.c.suffix, codings.c.document_id,
               documents.c.title, cases.c.pid, codings.c.start_offset, codings.c.end_offset)
        .join(documents, documents.c.id == codings.c.document_id)
        .outerjoin(cases, cases.c.id == documents.c.case_id)
        .where(codings.c.id.in_(list(ids)))
    )
    return {r[0]: _Row(*r[1:]) for r in found}


def attribute_labels(conn: Connection, wanted: Sequence[str]) -> dict[str, list[str]]:
    """Each participant's values of the ``wanted`` attributes as a quote's attribution shows them,
    in the order asked. The one place that turns a stored value into its printed label."""
    people = {c.pid: c.attributes for c in cases_repo.list_cases(conn)}
    names = attribute_names(people or {"": {}}, wanted)
    missing = study.read_info(conn).missing_label
    return {pid: [display_value(values.get(n) or missing) for n in names] for pid, values in people.items()}


def _pools(themes: Sequence[Theme], sets: Mapping[int, set[int]], repeat: bool) -> dict[int, set[int]]:
    """The codes whose extracts may illustrate each theme: all it draws on when quotes may repeat,
    else those none of its subthemes draws on (their quotes stand under them)."""
    if repeat:
        return {t.id: set(sets[t.id]) for t in themes}
    pools = {}
    for theme in themes:
        below = set().union(*(sets[d] for d in descendants(themes, theme.id)[1:]))
        pools[theme.id] = sets[theme.id] - below
    return pools


def _team_attribution(
    store: Store, attribution: str | None, attributes: Sequence[str]
) -> tuple[str | None, Sequence[str]]:
    """The attribution asked for, else the one the team chose on the Study page (the one the COREQ
    checklist reports); a team choice of ``id-attributes`` with none named shows Table 1's attributes."""
    if attribution is not None:
        return attribution, attributes
    chosen = study_fields.attribution(store) or None
    if chosen == "id-attributes" and not attributes:
        with store.read() as conn:
            attributes = [d.name for d in attribute_defs.list_definitions(conn) if d.shown]
        if not attributes:
            chosen = "id"
    return chosen, attributes


def themes_report(
    store: Store, *, quotes: int = 3, attributes: Sequence[str] = (), attribution: str | None = None,
    repeat_quotes: bool = False, exemplars_only: bool = False, trim: bool = True,
) -> ThemesReport:
    """Each theme in hierarchy order with definition, subthemes and at most ``quotes`` quotes: the
    team's exemplars first, then (unless ``exemplars_only`` and the theme has some) the most
    representative other extracts. Refused while the project allows only de-identified exports and a
    transcript is not de-identified (the report quotes transcript text)."""
    if quotes < 0:
        raise InvalidArgument(f"--max-quotes must be 0 or more, not {quotes}.")
    attribution, attributes = _team_attribution(store, attribution, attributes)
    mode = parse_attribution(attribution, attributes)
    deid.require_deidentified(store, None, action="themes report")
    with store.read() as conn:
        table = count_table(conn)
        found = summaries(conn, table)
        themes = [s.theme for s in found]
        sets = code_sets(themes, codes_repo.all_codes(conn))
        pools = _pools(themes, sets, repeat_quotes)
        chosen_by_team: dict[int, list[int]] = defaultdict(list)
        for exemplar in themes_repo.exemplars(conn):
            chosen_by_team[exemplar.theme_id].append(exemplar.coding_id)
        rows = _rows(conn, sorted({i for ids in chosen_by_team.values() for i in ids}))
        by_code: dict[int, list[reporting.Span]] = defaultdict(list)
        if quotes > 0:
            for span in reporting.best_spans(conn, quotes + SPARE, QUOTE_AIM, QUOTE_MIN, QUOTE_MAX):
                by_code[span.code_id].append(span)
        picks = _pick(themes, pools, chosen_by_team, rows, by_code, table,
                      quotes=quotes, repeat=repeat_quotes, exemplars_only=exemplars_only)
        rows.update(_rows(conn, sorted({i for ids in picks.values() for i, _ in ids} - set(rows))))
        labels = attribute_labels(conn, attributes) if mode == "id-attributes" else {}
        title = study.read_info(conn).title

    def quote(coding_id: int, exemplar: bool) -> Quote:
        row = rows[coding_id]
        values = labels.get(row.pid, []) if row.pid else []
        text = trim_quote(row.quote, row.prefix, row.suffix) if trim else row.quote.strip()
        return Quote(text, row.pid, row.document, coding_id, dict(zip(attributes, values)), exemplar,
                     attribution_text(row.pid, values, mode))

    entries = tuple(
        ReportTheme(
            name=s.theme.name, level=s.theme.level, definition=s.theme.definition,
            status=s.theme.status.value,
            children=tuple(t.name for t in themes if t.parent_id == s.theme.id),
            quotes=tuple(quote(i, chosen) for i, chosen in picks[s.theme.id] if i in rows),
            extracts=s.extracts, participants=s.participants,
        )
        for s in found
    )
    return ThemesReport(title, entries)


def _pick(
    themes: Sequence[Theme], pools: Mapping[int, set[int]], chosen_by_team: Mapping[int, list[int]],
    rows: Mapping[int, _Row], by_code: Mapping[int, list[reporting.Span]],
    table: Mapping[int, Mapping[int | None, int]], *, quotes: int, repeat: bool, exemplars_only: bool,
) -> dict[int, list[tuple[int, bool]]]:
    """(coding id, is an exemplar) per theme. The deepest themes choose first, so a passage goes to
    the most specific theme that quotes it; with ``repeat`` each theme keeps its own claims."""
    shared = _Claims()
    picks: dict[int, list[tuple[int, bool]]] = {}
    for theme in sorted(themes, key=lambda t: -t.level):
        claims = _Claims() if repeat else shared
        chosen: list[tuple[int, bool]] = []
        for coding_id in chosen_by_team.get(theme.id, []):
            row = rows.get(coding_id)
            if row is None or len(chosen) >= quotes:
                continue
            if claims.free(coding_id, row.document_id, row.start, row.end):
                claims.take(coding_id, row.document_id, row.start, row.end)
                chosen.append((coding_id, True))
        if not (exemplars_only and chosen_by_team.get(theme.id)) and len(chosen) < quotes:
            pool = [s for c in pools[theme.id] for s in by_code.get(c, [])]
            weight: Counter[int | None] = Counter()
            for code_id in pools[theme.id]:
                weight.update(table.get(code_id, {}))

            def ok(span: reporting.Span) -> bool:
                if not claims.free(span.id, span.document_id, span.start, span.end):
                    return False
                claims.take(span.id, span.document_id, span.start, span.end)
                return True

            chosen += [(s.id, False) for s in _representative(pool, quotes - len(chosen), weight, ok)]
        picks[theme.id] = chosen
    return picks
