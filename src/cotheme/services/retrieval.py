"""Retrieval: the extracts of one or several codes (any of them, or all overlapping), each code with or
without its sub-codes, with chosen participant attributes and the memos on the codings, filtered by
attribute values.

With sub-codes, a passage coded with a code and one of its sub-codes is one extract (the rule is
``domain/hierarchy.py``'s): it is listed once, with every code it carries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cotheme.domain.codings import Extract
from cotheme.domain.hierarchy import expand, group_passages, subtrees
from cotheme.domain.memos import ExtractMemo
from cotheme.errors import InvalidArgument, NotFound
from cotheme.storage import bulk
from cotheme.storage import cases as cases_repo
from cotheme.storage import codes as codes_repo
from cotheme.storage import codings as codings_repo
from cotheme.storage import memos as memos_repo
from cotheme.storage import passages
from cotheme.storage import study
from cotheme.storage.store import Store


@dataclass(frozen=True, slots=True)
class Retrieved:
    """An extract with the participant attributes asked for, in "and" mode the other codes whose
    extracts overlap it, every code the passage carries among those retrieved (``codes``, with the
    ``coding_ids`` merged into it) and the memos written on those codings."""

    extract: Extract
    attributes: dict[str, str]
    overlapping: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    coding_ids: tuple[int, ...] = ()
    memos: tuple[ExtractMemo, ...] = ()
    #: The speaker turn the extract starts in (1 = the first), as the reader numbers turns.
    turn: int | None = None


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
    subcodes: bool = True,
) -> list[Retrieved]:
    """Extracts of ``code_ids`` (with ``subcodes``, each code with every code below it): of any code
    (``or``) or of the first code where every other code overlaps it (``and``); only participants
    whose attributes equal ``where``'s values; a passage coded with several of the codes once."""
    if mode not in ("or", "and"):
        raise InvalidArgument(f"'{mode}' is not a retrieval mode; use 'or' or 'and'.")
    if not code_ids:
        raise InvalidArgument("Choose at least one code to retrieve.")
    with store.read() as conn:
        codes = codes_repo.all_codes(conn)
        unknown_codes = sorted(set(code_ids) - {c.id for c in codes})
        if unknown_codes:
            raise NotFound(f"There is no code {unknown_codes[0]}; it may have been deleted. Reload the page.")
        groups = expand(subtrees(codes), code_ids, subcodes)
        wanted = sorted(frozenset().union(*groups))
        found = codings_repo.extracts(conn, code_ids=wanted, code_paths={c.id: c.path_text for c in codes})
        cases = {c.pid: c for c in cases_repo.list_cases(conn)}
        missing = study.read_info(conn).missing_label
        notes = memos_repo.memos_on_codings(conn, {e.document_id for e in found})
        turns = passages.turn_numbers(conn, wanted) if found else {}
    unknown = [name for name in (*(where or {}), *show) if cases and name not in next(iter(cases.values())).attributes]
    if unknown:
        raise InvalidArgument(f"No participant attribute is called {', '.join(repr(u) for u in unknown)}.")
    with bulk.collector_paused():  # thousands of small objects that form no cycles (see bulk.py)
        return _assemble(found, groups, mode, cases, missing, notes, where or {}, show, turns)


def _assemble(found: list[Extract], groups: list[frozenset[int]], mode: str, cases: dict[str, Any],
              missing: str, notes: list[ExtractMemo], where: dict[str, str], show: Sequence[str],
              turns: dict[int, int]) -> list[Retrieved]:
    """The retrieved extracts: the "and" overlap, passages merged, attributes and memos attached."""
    overlaps: dict[int, tuple[str, ...]] = {}
    if mode == "and" and len(groups) > 1:
        by_group = [[e for e in found if e.code_id in group] for group in groups]
        overlaps = overlapping(by_group[0], dict(enumerate(by_group[1:])))
        found = [e for e in by_group[0] if e.id in overlaps]
    memos_of: dict[int, list[ExtractMemo]] = defaultdict(list)
    for note in notes:
        memos_of[note.coding_id].append(note)
    result = []
    shown_of = {pid: case.shown(missing) for pid, case in cases.items()}  # once per participant
    # The key ``passage_key`` makes, spelled out (a call per extract showed); the coder's name stands
    # for their id: a name belongs to one member.
    merged = group_passages(((e.document_id, e.start, e.end, e.coder), e.code_path, e.id, e) for e in found)
    for e, paths, ids in merged:
        shown = shown_of.get(e.case_pid, {})
        if where and any(shown.get(k, "").casefold() != v.casefold() for k, v in where.items()):
            continue
        result.append(Retrieved(e, {k: shown.get(k, missing) for k in show}, overlaps.get(e.id, ()),
                                paths, ids,
                                tuple(m for i in ids for m in memos_of.get(i, ())), turns.get(e.id)))
    return result
