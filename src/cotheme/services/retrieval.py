"""Retrieval: the extracts of one or several codes (any of them, or all overlapping), with chosen
participant attributes, filtered by attribute values."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from cotheme.domain.codings import Extract
from cotheme.errors import InvalidArgument
from cotheme.services.codebook import code_paths
from cotheme.storage import cases as cases_repo
from cotheme.storage import codings as codings_repo
from cotheme.storage import study
from cotheme.storage.store import Store


@dataclass(frozen=True, slots=True)
class Retrieved:
    """An extract with the participant attributes asked for and, in "and" mode, the other codes
    whose extracts overlap it."""

    extract: Extract
    attributes: dict[str, str]
    overlapping: tuple[str, ...] = ()


def overlapping(items: list[Extract], others: dict[int, list[Extract]]) -> dict[int, tuple[str, ...]]:
    """For each extract of the first code: the other codes overlapping it, if *all* of them do."""
    result: dict[int, tuple[str, ...]] = {}
    # Each other code's extracts by document (order kept), so an item only meets its own document's.
    by_doc: list[dict[int, list[Extract]]] = []
    for extracts in others.values():
        grouped: dict[int, list[Extract]] = defaultdict(list)
        for o in extracts:
            grouped[o.document_id].append(o)
        by_doc.append(grouped)
    for item in items:
        hits = []
        for grouped in by_doc:
            match = next((o for o in grouped.get(item.document_id, ())
                          if o.start < item.end and item.start < o.end), None)
            if match is None:
                break
            hits.append(match.code_path)
        else:
            result[item.id] = tuple(hits)
    return result


def retrieve(
    store: Store,
    code_ids: Sequence[int],
    *,
    mode: str = "or",
    where: dict[str, str] | None = None,
    show: Sequence[str] = (),
) -> list[Retrieved]:
    """Extracts of ``code_ids``: of any code (``or``) or of the first code where every other code
    overlaps it (``and``); only participants whose attributes equal ``where``'s values."""
    if mode not in ("or", "and"):
        raise InvalidArgument(f"'{mode}' is not a retrieval mode; use 'or' or 'and'.")
    if not code_ids:
        raise InvalidArgument("Choose at least one code to retrieve.")
    with store.read() as conn:
        found = codings_repo.extracts(conn, code_ids=list(code_ids), code_paths=code_paths(conn))
        cases = {c.pid: c for c in cases_repo.list_cases(conn)}
        missing = study.read_info(conn).missing_label
    unknown = [name for name in (*(where or {}), *show) if cases and name not in next(iter(cases.values())).attributes]
    if unknown:
        raise InvalidArgument(f"No participant attribute is called {', '.join(repr(u) for u in unknown)}.")
    overlaps: dict[int, tuple[str, ...]] = {}
    if mode == "and" and len(code_ids) > 1:
        by_code: dict[int, list[Extract]] = defaultdict(list)
        for e in found:
            by_code[e.code_id].append(e)
        first = by_code.pop(code_ids[0], [])
        overlaps = overlapping(first, {cid: by_code.get(cid, []) for cid in code_ids[1:]})
        found = [e for e in first if e.id in overlaps]
    result = []
    shown_of = {pid: case.shown(missing) for pid, case in cases.items()}  # once per participant
    for e in found:
        shown = shown_of.get(e.case_pid, {})
        if where and any(shown.get(k, "").casefold() != v.casefold() for k, v in where.items()):
            continue
        result.append(Retrieved(e, {k: shown.get(k, missing) for k in show}, overlaps.get(e.id, ())))
    return result
