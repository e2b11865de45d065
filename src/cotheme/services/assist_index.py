"""The passage index of coding suggestions: embedding each document's current revision once,
and the in-process copy of every cached vector that "similar" and "suggest" compute with.

Owns when a document is (re-)embedded: when no vectors of the current model exist for its current
revision. Each document's passages are replaced in one transaction of their own, so an interrupted
``cotheme index`` keeps what it finished and resumes with the rest; the passages are a cache that can
always be rebuilt, not the team's data. Turns that hold several sentences get the normalised mean of
their sentences' vectors instead of a second pass of the model over the same words (half the work;
measured in bench/assist_bench.py).

Must not rank anything (``assist_rank``) nor decide what is shown (``assist``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from cotheme.domain.assist import IndexReport, Kind, Span, passages
from cotheme.services import assist_model
from cotheme.services.assist_rank import Matrix, to_bytes, unit
from cotheme.storage import assist as repo
from cotheme.storage.store import Store

#: Called with (passages embedded so far, passages to embed in all, document title).
IndexProgress = Callable[[int, int, str], None]


@dataclass
class Cached:
    """Every cached passage of the current revisions, in arrays (loaded once per process and index)."""

    stamp: tuple[object, ...]
    ids: np.ndarray
    documents: np.ndarray
    revisions: np.ndarray
    kinds: np.ndarray  # True for a turn
    starts: np.ndarray
    ends: np.ndarray
    vectors: Matrix

    def slice_of(self, revision_id: int) -> slice:
        """Where a revision's passages lie (each document's passages are stored together, in order)."""
        if not hasattr(self, "_slices"):
            values, first, count = np.unique(self.revisions, return_index=True, return_counts=True)
            self._slices = {int(v): slice(int(f), int(f + c)) for v, f, c in zip(values, first, count)}
        return self._slices.get(revision_id, slice(0, 0))

    def position(self, passage_id: int) -> int | None:
        found = int(np.searchsorted(self.ids, passage_id))
        return found if found < len(self.ids) and int(self.ids[found]) == passage_id else None


_lock = threading.Lock()
_cache: dict[tuple[str, str], Cached] = {}


def _to_embed(spans: list[Span]) -> tuple[list[Span], list[Span]]:
    """The sentences, and the turns of one sentence: the spans the model reads (``passages`` puts a
    turn's sentences right after it, so a turn whose next span is not a sentence has none)."""
    sentences = [s for s in spans if s.kind is Kind.SENTENCE]
    lone = [t for t, after in zip(spans, [*spans[1:], None])
            if t.kind is Kind.TURN and (after is None or after.kind is not Kind.SENTENCE)]
    return sentences, lone


def _embed_document(encoder: assist_model.Encoder, text: str, turns: list[tuple[int, int]],
                    done: Callable[[int], None]) -> list[tuple[str, int, int, bytes]]:
    spans = passages(text, turns)
    sentences, lone_turns = _to_embed(spans)
    texts = [text[s.start:s.end] for s in sentences] + [text[t.start:t.end] for t in lone_turns]
    vectors = encoder.encode(texts, progress=done) if texts else np.zeros((0, encoder.dim))
    by_span = {(s.kind, s.start, s.end): vectors[i] for i, s in enumerate([*sentences, *lone_turns])}
    sentence_starts = np.array([s.start for s in sentences], dtype=np.int64)
    rows: list[tuple[str, int, int, bytes]] = []
    for span in spans:
        vector = by_span.get((span.kind, span.start, span.end))
        if vector is None:  # a turn of several sentences: their mean
            inside = np.flatnonzero((sentence_starts >= span.start) & (sentence_starts < span.end))
            vector = unit(vectors[inside].mean(axis=0, keepdims=True))[0]
        rows.append((span.kind.value, span.start, span.end, to_bytes(vector)))
    return rows


def pending(store: Store, model: str) -> list[tuple[int, str, int]]:
    """(document, title, revision) of every document whose current revision has no vectors yet."""
    with store.read() as conn:
        done = repo.indexed(conn, model)
        return [d for d in repo.current_revisions(conn) if done.get(d[0]) != d[2]]


def index(store: Store, encoder: assist_model.Encoder, progress: IndexProgress | None = None) -> IndexReport:
    """Embed every document whose current revision is not embedded yet by ``encoder``'s model."""
    started = time.perf_counter()
    with store.write() as conn:
        repo.drop_other_models(conn, encoder.name)
        everything = repo.current_revisions(conn)
        repo.drop_stale(conn, {d[0] for d in everything})
    todo = pending(store, encoder.name)
    texts: dict[int, tuple[str, list[tuple[int, int]]]] = {}
    total = 0
    with store.read() as conn:
        for doc_id, _title, rev_id in todo:
            texts[doc_id] = repo.revision_text(conn, rev_id)
            total += sum(map(len, _to_embed(passages(*texts[doc_id]))))
    count = [0]
    stored = 0
    for doc_id, title, rev_id in todo:
        def done(n: int, title: str = title) -> None:
            count[0] += n
            if progress is not None:
                progress(count[0], total, title)

        rows = _embed_document(encoder, *texts.pop(doc_id), done)
        with store.write() as conn:
            stored += repo.replace_passages(conn, doc_id, rev_id, encoder.name, rows)
    with store.read() as conn:
        _indexed, passage_count = repo.counts(conn, encoder.name)
    return IndexReport(encoder.name, len(everything), len(todo), len(everything) - len(todo),
                       passage_count, round(time.perf_counter() - started, 2))


def cached(store: Store, model: str, dim: int) -> Cached:
    """Every vector of the current revisions, read from the project once and kept while it is unchanged."""
    with store.read() as conn:
        stamp = repo.index_stamp(conn, model)
    key = (store.target, model)
    with _lock:
        found = _cache.get(key)
        if found is not None and found.stamp == stamp:
            return found
    with store.read() as conn:
        fresh = _load(repo.passage_count(conn, model), repo.passages(conn, model), stamp, dim)
    with _lock:
        _cache[key] = fresh
    return fresh


def _load(count: int, rows: Iterator[repo.PassageRow], stamp: tuple[object, ...], dim: int) -> Cached:
    """Fill preallocated arrays row by row: holding every row first needs the vectors' size three times
    over (rows, joined bytes, array): 1.7 GB at 300 interviews instead of 0.45 GB."""
    ids, documents, revisions, starts, ends = (np.zeros(count, dtype=np.int64) for _ in range(5))
    kinds = np.zeros(count, dtype=bool)
    vectors = np.zeros((count, dim), dtype=np.float32)
    filled = 0
    for row in rows:
        if filled == count:  # passages added since the count: the next stamp check reloads
            break
        ids[filled], documents[filled], revisions[filled] = row.id, row.document_id, row.revision_id
        kinds[filled], starts[filled], ends[filled] = row.kind == "turn", row.start, row.end
        vectors[filled] = np.frombuffer(row.vector, dtype="<f4")
        filled += 1
    return Cached(stamp, ids[:filled], documents[:filled], revisions[:filled], kinds[:filled],
                  starts[:filled], ends[:filled], vectors[:filled])


def forget(store: Store) -> None:
    """Drop the in-process copies of this project's vectors (tests; after turning assistance off)."""
    with _lock:
        for key in [k for k in _cache if k[0] == store.target]:
            del _cache[key]
