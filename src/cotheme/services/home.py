"""What the project home shows first, each part kept until a write changes a table that part read.

Owns ``HomeSummary`` (the counts, the codebook summary, the sample table, recent memos and the first
page of transcripts and participants) and ``documents_page`` (a later page, or the documents whose
title holds a search). The summary is made of parts (the first page of transcripts, the coding
totals, the de-identified count, the codebook, the participants and sample table, the recent memos),
each computed in a fixed number of statements and kept in this process under (open project, restricted
viewer, part) with the counters of the tables it read (``storage/table_versions.py``). Every
committed write, by any process, raises the counters of the tables it changed in the same
transaction, and the counters are read before any part is computed, so a kept part is used only
while nothing it read has changed: a new coding recomputes the coding counts and the first page, not
the de-identified count, the participants or the memos. Must not decide who may see what
(``visibility`` does, and the viewer is part of the key) nor compute the team's progress
(``team_home`` loads that after first paint).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from cotheme.domain.cases import Case
from cotheme.domain.documents import DocumentSummary
from cotheme.domain.memos import Memo
from cotheme.domain.sample import SampleTable
from cotheme.services import codebook, notes, review_queue, sample, version_cache
from cotheme.services.codebook import CodeCount
from cotheme.storage import attribute_defs
from cotheme.storage import cases as cases_repo
from cotheme.storage import data_version, table_versions, visibility
from cotheme.storage import deid as deid_repo
from cotheme.storage import documents as docs_repo
from cotheme.storage import revisions as revisions_repo
from cotheme.storage.schema import cases as cases_table
from cotheme.storage.store import Store

#: Transcripts and participants on the first screen; the rest come a page at a time.
PAGE = 50
#: How many parts a process keeps (six parts for each of a few projects or viewers at once).
KEEP = 96


@dataclass(frozen=True, slots=True)
class DocumentsPage:
    documents: list[DocumentSummary]
    total: int
    offset: int


@dataclass(frozen=True, slots=True)
class HomeSummary:
    version: int | None
    documents: DocumentsPage
    document_count: int
    total_codings: int
    deidentified: int
    review_count: int
    codes: list[CodeCount]
    cases: list[Case]
    case_count: int
    attribute_names: list[str]
    #: Each attribute's display label (its definition's label, else its name): the table's headings.
    attribute_labels: dict[str, str]
    sample: SampleTable
    memos: list[Memo]


#: (project, viewer, part) -> (the counters of the tables the part read, the part).
_CACHE: OrderedDict[tuple[int, int | None, str], tuple[tuple[tuple[str, int], ...], Any]] = OrderedDict()
_LOCK = threading.Lock()


def clear() -> None:
    """Forget every kept part (tests compare a kept summary with one computed afresh)."""
    with _LOCK:
        _CACHE.clear()


def documents_page(store: Store, offset: int = 0, limit: int = PAGE, title: str = "") -> DocumentsPage:
    """One page of transcript summaries in id order (``title``: only those whose title or case holds it)."""
    with store.read() as conn:
        return _page(conn, max(offset, 0), min(max(limit, 1), 500), title.strip())


def _page(conn: Connection, offset: int, limit: int, title: str) -> DocumentsPage:
    ids, total = docs_repo.page_ids(conn, offset, limit, title)
    return DocumentsPage(docs_repo.summaries(conn, ids), total, offset)


def home_summary(store: Store) -> HomeSummary:
    """The home page's first screen: each part from this process's cache while what it read holds."""
    with store.read() as conn:
        version = data_version.current(conn)
        versions = table_versions.current(conn)
    viewer = visibility.scope()
    found = {name: _part(store, viewer, name, compute, versions) for name, compute in _PARTS.items()}
    documents, total_codings, review_count = found["documents"], *found["codings"]
    cases, case_count, labels, sample_table = found["people"]
    return HomeSummary(
        version=version, documents=documents, document_count=documents.total, total_codings=total_codings,
        deidentified=found["deidentified"], review_count=review_count, codes=list(found["codes"]),
        cases=list(cases), case_count=case_count,
        attribute_names=list(cases[0].attributes) if cases else [], attribute_labels=dict(labels),
        sample=sample_table, memos=list(found["memos"]),
    )


def _part(store: Store, viewer: int | None, name: str, compute: Callable[[Store], Any],
          versions: Mapping[str, int]) -> Any:
    """One part, kept or computed now (and then kept under the counters of what it read)."""
    key = (version_cache.store_number(store), viewer, name)
    with _LOCK:
        kept = _CACHE.get(key)
        if kept is not None and table_versions.still(kept[0], versions):
            _CACHE.move_to_end(key)
            return kept[1]
    with table_versions.reading() as read:
        value = compute(store)
    stamp = table_versions.stamp(read, versions)
    if stamp is not None:
        with _LOCK:
            _CACHE[key] = (stamp, value)
            _CACHE.move_to_end(key)
            while len(_CACHE) > KEEP:
                _CACHE.popitem(last=False)
    return value


def _documents(store: Store) -> DocumentsPage:
    with store.read() as conn:
        return _page(conn, 0, PAGE, "")


def _codings(store: Store) -> tuple[int, int]:
    """How many codings, and how many wait in the review queue: one pass over the codings."""
    with store.read() as conn:
        counts = revisions_repo.status_counts(conn)
    return sum(counts.values()), sum(counts.get(status, 0) for status in review_queue.WAITING)


def _deidentified(store: Store) -> int:
    with store.read() as conn:
        return deid_repo.count_deidentified(conn)


def _people(store: Store) -> tuple[tuple[Case, ...], int, tuple[tuple[str, str], ...], SampleTable]:
    with store.read() as conn:
        case_count = conn.execute(select(func.count()).select_from(cases_table)).scalar_one()
        shown = tuple(cases_repo.list_cases(conn)[:PAGE]) if case_count else ()
        labels = tuple((d.name, d.display) for d in attribute_defs.list_definitions(conn))
    return shown, case_count, labels, sample.sample_table(store)


def _codes(store: Store) -> tuple[CodeCount, ...]:
    return tuple(codebook.counted_codes(store))


def _memos(store: Store) -> tuple[Memo, ...]:
    return tuple(notes.list_memos(store, None, None)[:5])


#: The parts of the summary, each computed on its own and kept under what it read.
_PARTS: dict[str, Callable[[Store], Any]] = {
    "documents": _documents, "codings": _codings, "deidentified": _deidentified, "people": _people,
    "codes": _codes, "memos": _memos,
}
