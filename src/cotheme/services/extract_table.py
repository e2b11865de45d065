"""The extracts table for download: the extracts a filter chooses, one row per passage, with turn,
times, memos and every participant attribute.

Reads in one transaction through the ordinary repositories, so the acting member's view (blind
documents, ``storage/visibility.py``) holds here as in Retrieve. Refused while the project allows only
de-identified exports and a transcript the table quotes is not de-identified. Must not format bytes:
``cotheme.formats.extract_file`` writes CSV and XLSX.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from cotheme.domain.codebook import Code
from cotheme.domain.extract_table import ExtractFilter, ExtractRow, ExtractTable, merge_passages
from cotheme.errors import InvalidArgument, NotFound
from cotheme.services import deid
from cotheme.services.codebook import resolve_code
from cotheme.services.coding import resolve_document
from cotheme.services.members import resolve_coder
from cotheme.services.retrieval import overlapping
from cotheme.storage import cases as cases_repo
from cotheme.storage import codes as codes_repo
from cotheme.storage import codings as codings_repo
from cotheme.storage import extract_places, study
from cotheme.storage.extract_places import CodingRow
from cotheme.storage.store import Store


def _code_set(conn: Connection, ref: int | str, codes: Sequence[Code], subcodes: bool) -> set[int]:
    """The code ``ref`` names (an id, a name or a path) and, with ``subcodes``, every code below it."""
    if isinstance(ref, int):
        if not any(c.id == ref for c in codes):
            raise NotFound(f"There is no code {ref}; it may have been deleted.")
        code_id = ref
    else:
        code_id = resolve_code(conn, ref)
    chosen = {code_id}
    if subcodes:
        for code in codes:  # tree order: a parent comes before its children
            if code.parent_id in chosen:
                chosen.add(code.id)
    return chosen


def _read(conn: Connection, wanted: ExtractFilter) -> tuple[list[CodingRow], dict[int, str]]:
    """The codings ``wanted`` chooses, in reading order, and each code's path."""
    codes = codes_repo.all_codes(conn)
    groups = [_code_set(conn, ref, codes, wanted.subcodes) for ref in wanted.codes]
    documents = {resolve_document(conn, str(d)) for d in wanted.documents}
    members = [resolve_coder(conn, name) for name in wanted.coders]
    coders, names = {m.id for m in members}, {m.name for m in members}
    paths = {c.id: c.path_text for c in codes}
    chosen = dict(code_ids=sorted(set().union(*groups)) if groups else None,
                  document_id=next(iter(documents)) if len(documents) == 1 else None,
                  coder_id=next(iter(coders)) if len(coders) == 1 else None)
    found = extract_places.coding_rows(conn, **chosen)
    if documents:
        found = [r for r in found if r[1] in documents]
    if names:
        found = [r for r in found if r[6] in names]
    if wanted.mode == "and" and len(groups) > 1:
        kept = _all_overlapping(conn, chosen, paths, groups, documents, names)
        found = [r for r in found if r[0] in kept]
    return found, paths


def _all_overlapping(conn: Connection, chosen: dict[str, Any], paths: dict[int, str], groups: list[set[int]],
                     documents: set[int], names: set[str]) -> set[int]:
    """The codings of the first code group that a coding of every other group overlaps (``and``), found
    on whole extracts as Retrieve finds them."""
    found = codings_repo.extracts(conn, code_paths=paths, **chosen)
    found = [e for e in found if (not documents or e.document_id in documents) and (not names or e.coder in names)]
    by_group = [[e for e in found if e.code_id in group] for group in groups]
    kept = overlapping(by_group[0], dict(enumerate(by_group[1:])))
    return {e.id for e in by_group[0] if e.id in kept}


def _attribute_names(known: Sequence[str], wanted: ExtractFilter) -> tuple[str, ...]:
    unknown = [n for n in (*wanted.attributes, *(wanted.show or ())) if n not in known]
    if unknown:
        raise InvalidArgument(
            f"No participant attribute is called {', '.join(repr(u) for u in unknown)} "
            f"(attributes: {', '.join(known) or 'none yet'})."
        )
    return tuple(known) if wanted.show is None else tuple(n for n in known if n in wanted.show)


def _memo_text(notes: Sequence[tuple[str | None, str]]) -> str:
    return "\n\n".join(f"{author}: {text}" if author else text for author, text in notes)


def extract_table(store: Store, wanted: ExtractFilter) -> ExtractTable:
    """The table of the extracts ``wanted`` chooses, in document then text order."""
    if wanted.mode not in ("or", "and"):
        raise InvalidArgument(f"'{wanted.mode}' is not a way to combine codes; use 'or' or 'and'.")
    with store.read() as conn:
        found, paths = _read(conn, wanted)
        cases = cases_repo.list_cases(conn)
        info = study.read_info(conn)
        known = list(cases[0].attributes) if cases else list(cases_repo.attribute_ids(conn))
        shown = _attribute_names(known, wanted)
        values = {c.pid: c.shown(info.missing_label) for c in cases}
        if wanted.attributes:
            accepted = {k: {v.casefold() for v in vs} for k, vs in wanted.attributes.items()}
            found = [r for r in found if r[3] in values and all(
                values[r[3]].get(k, "").casefold() in vs for k, vs in accepted.items())]
        passages = merge_passages(((r[1], r[7], r[8], r[6]), paths.get(r[5], ""), r[0], r) for r in found)
        document_ids = {r[1] for r in found}
        memos = extract_places.coding_memos(conn, document_ids)
    deid.require_deidentified(store, sorted(document_ids), action="extracts export")
    # Each participant's values once, in column order, not once per extract.
    columns = {pid: tuple(own[a] for a in shown) for pid, own in values.items()}
    missing = tuple(info.missing_label for _ in shown)
    rows = []
    for (_, _, document, pid, speaker, _, coder, _, _, text, turn, start_ms, end_ms), code_path, merged in passages:
        notes = [note for i in merged for note in memos.get(i, ())] if memos else []
        rows.append(ExtractRow(document, pid, speaker, start_ms, end_ms, turn, code_path, coder, text,
                               _memo_text(notes) if notes else "", columns.get(pid or "", missing)))
    return ExtractTable(info.title, shown, tuple(rows))


def filter_of(
    *, codes: Sequence[int | str] = (), mode: str = "or", subcodes: bool = True,
    documents: Sequence[int | str] = (), coders: Sequence[str] = (),
    attributes: dict[str, Sequence[str]] | None = None, show: Sequence[str] | None = None,
) -> ExtractFilter:
    """An ``ExtractFilter`` from plain arguments (what the Python API, CLI and web pass)."""
    grouped: dict[str, tuple[str, ...]] = defaultdict(tuple)
    for name, accepted in (attributes or {}).items():
        grouped[name] = (accepted,) if isinstance(accepted, str) else tuple(accepted)
    return ExtractFilter(tuple(codes), mode, subcodes, tuple(documents), tuple(coders), dict(grouped),
                         None if show is None else tuple(show))
