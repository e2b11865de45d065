"""What the project home shows first, computed in a fixed number of queries and cached per data version.

Owns ``HomeSummary`` (the counts, the codebook summary, the sample table, recent memos and the first
page of transcripts and participants) and ``documents_page`` (a later page, or the documents whose
title holds a search). The summary is kept in this process under (project, data version, restricted
viewer): the data version (``storage/data_version.py``) rises with every committed write by any
process, and is read before the data, so a cached summary is used only while nothing has changed
since it was read. A miss costs a fixed number of statements whatever the number of documents: the
list is paged, the totals are SQL aggregates. Must not decide who may see what (``visibility`` does,
and is part of the key) nor compute the team's progress (``team_home`` loads that after first paint).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from cotheme.domain.cases import Case
from cotheme.domain.documents import DocumentSummary
from cotheme.domain.memos import Memo
from cotheme.domain.sample import SampleTable
from cotheme.services import codebook, notes, review_queue, sample
from cotheme.services.codebook import CodeCount
from cotheme.services.deid import deidentified_documents
from cotheme.storage import attribute_defs
from cotheme.storage import cases as cases_repo
from cotheme.storage import data_version, visibility
from cotheme.storage import documents as docs_repo
from cotheme.storage.schema import cases as cases_table
from cotheme.storage.schema import codings
from cotheme.storage.store import Store

#: Transcripts and participants on the first screen; the rest come a page at a time.
PAGE = 50
#: How many summaries a process keeps (a few projects or viewers at once).
KEEP = 16


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


_CACHE: OrderedDict[tuple[str, int, int | None], HomeSummary] = OrderedDict()
_LOCK = threading.Lock()


def _version(store: Store) -> int | None:
    with store.read() as conn:
        return data_version.current(conn)


def documents_page(store: Store, offset: int = 0, limit: int = PAGE, title: str = "") -> DocumentsPage:
    """One page of transcript summaries in id order (``title``: only those whose title or case holds it)."""
    with store.read() as conn:
        return _page(conn, max(offset, 0), min(max(limit, 1), 500), title.strip())


def _page(conn: Connection, offset: int, limit: int, title: str) -> DocumentsPage:
    ids, total = docs_repo.page_ids(conn, offset, limit, title)
    return DocumentsPage(docs_repo.summaries(conn, ids), total, offset)


def home_summary(store: Store) -> HomeSummary:
    """The home page's first screen, from this process's cache while the data version holds."""
    version = _version(store)
    key = (store.target, version, visibility.scope()) if version is not None else None
    if key is not None:
        with _LOCK:
            found = _CACHE.get(key)
            if found is not None:
                _CACHE.move_to_end(key)
                return found
    summary = _compute(store, version)
    if key is not None:
        with _LOCK:
            _CACHE[key] = summary
            while len(_CACHE) > KEEP:
                _CACHE.popitem(last=False)
    return summary


def _compute(store: Store, version: int | None) -> HomeSummary:
    with store.read() as conn:
        first = _page(conn, 0, PAGE, "")
        total_codings = conn.execute(select(func.count()).select_from(codings)).scalar_one()
        case_count = conn.execute(select(func.count()).select_from(cases_table)).scalar_one()
        shown_cases = cases_repo.list_cases(conn)[:PAGE] if case_count else []
        labels = {d.name: d.display for d in attribute_defs.list_definitions(conn)}
    return HomeSummary(
        version=version, documents=first, document_count=first.total, total_codings=total_codings,
        deidentified=len(deidentified_documents(store)), review_count=review_queue.waiting(store), codes=codebook.list_codes(store),
        cases=shown_cases, case_count=case_count,
        attribute_names=list(shown_cases[0].attributes) if shown_cases else [], attribute_labels=labels,
        sample=sample.sample_table(store), memos=notes.list_memos(store, None, None)[:5],
    )
