"""The data behind the figures: the code x participant heatmap, the code co-occurrence heatmap and the
coverage strips of each transcript.

Reads through the same repositories as the reports, inside one read transaction, so a member sees only
the codings they may see (a blind document's rule applies below, in ``storage/visibility.py``). Codes
are grouped under the theme that draws on them most specifically. Must not draw anything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from cotheme.domain.codebook import Code
from cotheme.domain.figures import (
    HEATMAP_VALUES, Coverage, CoverageLane, CoverageStrip, Heatmap, HeatmapRow, merge_segments,
)
from cotheme.domain.cases import attribute_names
from cotheme.domain.sample import ordered_categories
from cotheme.domain.themes import Theme
from cotheme.errors import InvalidArgument, NotFound
from cotheme.services.coreq_answers import major_and_minor
from cotheme.services.reports import cooccurrence
from cotheme.services.themes import code_sets, count_table
from cotheme.storage import attribute_defs
from cotheme.storage import cases as cases_repo
from cotheme.storage import codes as codes_repo
from cotheme.storage import figure_facts, reporting, study
from cotheme.storage import themes as themes_repo
from cotheme.storage.store import Store

NO_THEME = "No theme"
NO_PARTICIPANT = "No participant"


def theme_groups(themes: Sequence[Theme], codes: Sequence[Code]) -> dict[int, str]:
    """Code id -> the name of the most specific theme linked to it or to a code above it ("No theme")."""
    linked: dict[int, list[Theme]] = defaultdict(list)
    for theme in themes:
        for code_id in theme.code_ids:
            linked[code_id].append(theme)
    parent = {c.id: c.parent_id for c in codes}
    groups = {}
    for code in codes:
        found: list[Theme] = []
        at: int | None = code.id
        while at is not None and not found:
            found, at = linked.get(at, []), parent.get(at)
        groups[code.id] = max(found, key=lambda t: t.level).name if found else NO_THEME
    return groups


def _group_order(themes: Sequence[Theme]) -> dict[str, int]:
    order = {t.name: i for i, t in enumerate(themes)}
    order[NO_THEME] = len(order)
    return order


def code_participant_heatmap(store: Store, *, values: str = "counts", columns_by: str | None = None) -> Heatmap:
    """Codes (rows, grouped by theme) x participants (columns, grouped by ``columns_by``'s categories):
    how many codings each participant's transcripts hold, or only whether they hold any."""
    if values not in HEATMAP_VALUES:
        raise InvalidArgument(f"--values must be counts or presence, not '{values}'.")
    with store.read() as conn:
        info = study.read_info(conn)
        table = count_table(conn)
        codes = codes_repo.all_codes(conn)
        themes = themes_repo.all_themes(conn)
        cases = cases_repo.list_cases(conn)
        defined = {d.name: d.order for d in attribute_defs.list_definitions(conn)}
    people_values = {c.pid: c.attributes for c in cases} or {"": {}}
    attribute = attribute_names(people_values, [columns_by])[0] if columns_by else None
    people = [(c.id, c.pid, (c.attributes.get(attribute) or info.missing_label) if attribute else "") for c in cases]
    # Column groups in the order Table 1 uses: the defined category order, "not available" last.
    rank = {label: i for i, label in enumerate(
        ordered_categories({p[2] for p in people}, defined.get(attribute or "", ()), info.missing_label))}
    people.sort(key=lambda p: (rank[p[2]], p[1]))
    if any(None in per_case for per_case in table.values()):
        people.append((None, NO_PARTICIPANT, NO_PARTICIPANT if attribute else ""))  # type: ignore[arg-type]
    groups = theme_groups(themes, codes)
    order = _group_order(themes)
    used = sorted((c for c in codes if table.get(c.id)), key=lambda c: order[groups[c.id]])  # stable: tree order
    rows = tuple(
        HeatmapRow(code.path_text, groups[code.id], tuple(
            min(n, 1) if values == "presence" else n
            for n in (table[code.id].get(case_id, 0) for case_id, _, _ in people)))
        for code in used
    )
    return Heatmap(
        info.title, rows, tuple(p[1] for p in people), tuple(p[2] for p in people), "Code",
        f"Participant (by {attribute})" if attribute else "Participant",
        "participant has codings" if values == "presence" else "codings", presence=values == "presence",
    )


def cooccurrence_heatmap(store: Store, *, unit: str = "extract") -> Heatmap:
    """Codes x codes: how often two codes meet in one extract (or speaker turn), codes grouped by theme."""
    found = cooccurrence(store, unit=unit)
    with store.read() as conn:
        codes = codes_repo.all_codes(conn)
        themes = themes_repo.all_themes(conn)
    groups = theme_groups(themes, codes)
    by_path = {c.path_text: groups[c.id] for c in codes}
    order = _group_order(themes)
    at = sorted(range(len(found.codes)), key=lambda i: order[by_path.get(found.codes[i], NO_THEME)])
    names = tuple(found.codes[i] for i in at)
    rows = tuple(HeatmapRow(found.codes[i], by_path.get(found.codes[i], NO_THEME),
                            tuple(found.counts[i][j] for j in at)) for i in at)
    unit_label = "extracts that overlap" if unit == "extract" else "speaker turns shared"
    # The columns are the rows again: their groups are drawn once, beside the rows.
    return Heatmap(found.title, rows, names, ("",) * len(names), "Code", "Code", unit_label)


def coverage(store: Store, *, documents: Sequence[str] = ()) -> Coverage:
    """For each transcript (or the ``documents`` named), where along its length each major theme is
    coded (one lane per top-level code while there are no themes)."""
    with store.read() as conn:
        title = study.read_info(conn).title
        codes = codes_repo.all_codes(conn)
        themes = themes_repo.all_themes(conn)
        docs = figure_facts.current_lengths(conn)
        spans = reporting.spans(conn)
    if documents:
        wanted = {d.strip().casefold() for d in documents if d.strip()}
        missing = wanted - {t.casefold() for _, t, _, _ in docs}
        if missing:
            raise NotFound(f"There is no transcript '{sorted(missing)[0]}' ('cotheme docs list' lists them).")
        docs = [d for d in docs if d[1].casefold() in wanted]
    major, _ = major_and_minor(list(themes))
    if major:
        sets = code_sets(themes, codes)
        lanes = [(t.name, sets[t.id]) for t in major]
    else:
        tops = [c for c in codes if c.parent_id is None]
        lanes = [(c.name, code_sets([Theme(c.id, c.name, None, 0, code_ids=(c.id,))], codes)[c.id]) for c in tops]
    by_revision: dict[int, list[reporting.Span]] = defaultdict(list)
    for span in spans:
        by_revision[span.revision_id].append(span)
    strips = tuple(
        CoverageStrip(doc_title, length, tuple(
            CoverageLane(name, merge_segments(
                [(s.start, s.end) for s in by_revision.get(revision, []) if s.code_id in members], length))
            for name, members in lanes))
        for _, doc_title, revision, length in docs
    )
    return Coverage(title, tuple(name for name, _ in lanes), strips)
