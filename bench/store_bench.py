"""Storage benchmark: import, adding a coding, reading extracts and full-text search, per backend.

Prints ONE JSON document to stdout (progress goes to stderr). For each backend (SQLite always,
PostgreSQL with ``--pg``) and each corpus size it builds a fresh project from the synthetic corpus in
``bench/corpus.py`` and times the real service calls of ``cotheme.services.project.Project``:

* ``import_mb_per_s`` - ``Project.import_sources`` (parse + store + search indexing), one call per 100
  files, input MB (10^6 bytes) per second over the whole corpus;
* ``add_coding_ms`` / ``add_coding_40k_ms`` - ``Project.code(doc, code, start=, end=, coder=)`` at
  random spans of a 10k-word and of a 40k-word document (the two must be about equal);
* ``extracts_ms`` - ``Project.codings(code=...)`` for one code holding 10,000 codings spread over
  every document (inserted in bulk through the storage layer first);
* ``search_ms`` - ``Project.search(q)`` (limit 50), the median of per-query medians over a fixed
  query set of rare and common words, an AND, quoted phrases and a prefix.

Budgets (checked at the 300-interview size, see ``bench/README.md``) are written into the JSON with a
``within_budget`` flag per figure. Projects live in a temp dir (SQLite) or a fresh PostgreSQL schema
that is dropped afterwards.

    .venv/bin/python bench/store_bench.py --sizes 30,300 --pg --out bench/out/results.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import signal
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
from engines import pg_schema  # noqa: E402
from figures_out import emit  # noqa: E402

PG_DEFAULT = os.environ.get("COTHEME_TEST_PG_URL", "postgresql://root@127.0.0.1:5432/test")
LEAD = "Bench Lead"
BATCH_FILES = 100
CODING_CALLS = 300
CODING_WARMUP = 5
EXTRACT_CODINGS = 10_000
RUNS = 7
LONG_WORDS = 40_000
LONG_SEED = 900_000  # far from the corpus seeds (1..size)
BUDGET_SIZE = 300

BUDGET = {
    "import_mb_per_s": {"min": 5.0, "unit": "MB/s", "of": "whole-corpus throughput"},
    "add_coding_ms": {"max_p50": 5.0, "unit": "ms"},
    "add_coding_flatness": {"max": 1.5, "of": "add_coding_40k_ms.p50 / add_coding_ms.p50"},
    "extracts_ms": {"max_p50": 50.0, "unit": "ms", "count": EXTRACT_CODINGS},
    "search_ms": {"max": 30.0, "unit": "ms", "of": "median of per-query medians"},
    "applies_at_size": BUDGET_SIZE,
}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile (numpy's default), q in 0..100."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    pos = (len(ordered) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def summary(ms: list[float], cpu_ms: list[float] | None = None) -> dict[str, Any]:
    """p50/p95/max/min of wall-clock milliseconds; ``cpu_p50`` is this process's CPU time (on SQLite
    that includes the database engine, on PostgreSQL only the client side), which other busy
    processes on the machine disturb much less than wall-clock time."""
    figures = {
        "p50": round(percentile(ms, 50), 3),
        "p95": round(percentile(ms, 95), 3),
        "max": round(max(ms), 3),
        "min": round(min(ms), 3),
        "n": len(ms),
    }
    if cpu_ms:
        figures["cpu_p50"] = round(percentile(cpu_ms, 50), 3)
    return figures


class Clock:
    """Wall-clock and process CPU milliseconds of one timed block."""

    def __enter__(self) -> Clock:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.wall_ms = (time.perf_counter() - self.wall) * 1000
        self.cpu_ms = (time.process_time() - self.cpu) * 1000


def timed(call: Callable[[], Any], runs: int, warmup: int = 1) -> tuple[dict[str, Any], Any]:
    """Summary of ``runs`` calls after ``warmup`` untimed ones; also the last result."""
    result = None
    for _ in range(warmup):
        result = call()
    wall, cpu = [], []
    for _ in range(runs):
        with Clock() as clock:
            result = call()
        wall.append(clock.wall_ms)
        cpu.append(clock.cpu_ms)
    return summary(wall, cpu), result


# -- where projects live ---------------------------------------------------------------------------
@contextmanager
def sqlite_target() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="cotheme-bench-") as folder:
        yield str(Path(folder) / "bench.cotheme")


def target_for(backend: str, pg_url: str) -> Any:
    return sqlite_target() if backend == "sqlite" else pg_schema(pg_url)


# -- the measurements ------------------------------------------------------------------------------
def import_corpus(project: Any, size: int, words: int, seed: int) -> tuple[dict[str, Any], list[int]]:
    """Import ``size`` interviews, one ``import_sources`` call per 100 files; time only the calls."""
    from cotheme.services.importing import SourceFile

    seconds = 0.0
    total_bytes = 0
    batch_rates: list[float] = []
    ids: list[int] = []
    stream = corpus.interviews(size, words, seed)
    for first in range(0, size, BATCH_FILES):
        batch = [SourceFile(name=n, data=d) for n, d in _take(stream, min(BATCH_FILES, size - first))]
        nbytes = sum(len(f.data) for f in batch)
        t0 = time.perf_counter()
        imported = project.documents.import_sources(batch)
        dt = time.perf_counter() - t0
        seconds += dt
        total_bytes += nbytes
        batch_rates.append(nbytes / 1e6 / dt)
        ids.extend(d.id for d in imported)
        log(f"  imported {first + len(batch)}/{size} ({nbytes / 1e6 / dt:.1f} MB/s this batch)")
    figures = {
        "mb_per_s": round(total_bytes / 1e6 / seconds, 3),
        "seconds": round(seconds, 3),
        "input_mb": round(total_bytes / 1e6, 3),
        "files": size,
        "batch_mb_per_s": {"p50": round(percentile(batch_rates, 50), 3),
                           "p95": round(percentile(batch_rates, 95), 3), "n": len(batch_rates)},
    }
    return figures, ids


def _take(stream: Iterator[tuple[str, bytes]], n: int) -> list[tuple[str, bytes]]:
    return [next(stream) for _ in range(n)]


def add_codings(project: Any, doc_id: int, code: str, seed: int) -> dict[str, Any]:
    """``CODING_CALLS`` timed ``Project.code`` calls at random spans of one document."""
    length = len(project.documents.get(doc_id).text)
    rng = random.Random(seed)
    wall, cpu = [], []
    for i in range(CODING_WARMUP + CODING_CALLS):
        span = rng.randint(20, 400)
        start = rng.randrange(0, length - span)
        with Clock() as clock:
            project.codings.add(doc_id, code, start=start, end=start + span, coder=LEAD)
        if i >= CODING_WARMUP:
            wall.append(clock.wall_ms)
            cpu.append(clock.cpu_ms)
    return summary(wall, cpu) | {"document_chars": length}


def bulk_codings(target: str, doc_ids: list[int], code_id: int, seed: int) -> float:
    """Insert ``EXTRACT_CODINGS`` codings of one code, spread round-robin over ``doc_ids``, through
    ``cotheme.storage.codings.insert_many`` in one ``Store.write()``; quote and context come from
    the stored revision text exactly as a coding made through the service would have them."""
    from sqlalchemy import select

    from cotheme.domain.text import anchor_in
    from cotheme.storage import codings as codings_repo
    from cotheme.storage.schema import documents, members, revisions
    from cotheme.storage.store import Store, now

    rng = random.Random(seed)
    per_doc = {d: EXTRACT_CODINGS // len(doc_ids) for d in doc_ids}
    for d in doc_ids[: EXTRACT_CODINGS % len(doc_ids)]:
        per_doc[d] += 1
    t0 = time.perf_counter()
    store = Store.open(target)
    try:
        with store.write() as conn:
            coder_id = conn.execute(select(members.c.id).where(members.c.name == LEAD)).scalar_one()
            stamp = now()
            for first in range(0, len(doc_ids), 100):
                chunk = doc_ids[first : first + 100]
                texts = conn.execute(
                    select(documents.c.id, revisions.c.id, revisions.c.text)
                    .join(revisions, revisions.c.id == documents.c.current_revision_id)
                    .where(documents.c.id.in_(chunk))
                ).all()
                rows: list[dict[str, object]] = []
                for doc_id, rev_id, text in texts:
                    for _ in range(per_doc[doc_id]):
                        span = rng.randint(20, 400)
                        start = rng.randrange(0, len(text) - span)
                        a = anchor_in(text, start, start + span)
                        rows.append({
                            "document_id": doc_id, "revision_id": rev_id, "code_id": code_id,
                            "coder_id": coder_id, "start_offset": a.start, "end_offset": a.end,
                            "quote": a.quote, "prefix": a.prefix, "suffix": a.suffix,
                            "created_at": stamp, "updated_at": stamp,
                        })
                codings_repo.insert_many(conn, rows)
    finally:
        store.close()
    return time.perf_counter() - t0


def search_queries(seed: int, words: int) -> list[str]:
    """A fixed query set: rare and common words, an AND, quoted phrases, a prefix."""
    vocab = corpus.vocabulary()
    return [
        corpus.unique_words(seed)[0],  # rare: in 2 turns of one interview
        vocab[-1],  # rare: the least frequent synthetic word
        vocab[1500],  # uncommon
        vocab[0],  # common synthetic word
        "the",  # most common function word
        "people",  # common function word
        f"{vocab[3]} felt",  # two-word AND, both fairly common
        f"{vocab[-2]} the",  # AND of a rare and a very common word
        '"what made the difference"',  # quoted phrase, common (question stem)
        '"' + " ".join(_phrase(seed, words)) + '"',  # a three-word phrase of the first interview
        vocab[2][:3] + "*",  # prefix matching many words
    ]


def _phrase(seed: int, words: int) -> list[str]:
    """Three words from within one sentence of the first interview's first long answer."""
    text = corpus.make_interview(seed, words).decode("utf-8")
    answers = [p.split(": ", 1)[1] for p in text.split("\n\n") if not p.startswith("Interviewer")]
    for answer in answers:
        for sentence in re.split(r"[.?!]", answer):
            found = re.findall(r"\w+", sentence)
            if len(found) >= 6:
                return found[2:5]
    raise AssertionError("the corpus has no sentence of six words")


def search_figures(project: Any, queries: list[str]) -> dict[str, Any]:
    per_query = []
    for q in queries:
        figures, hits = timed(lambda q=q: project.documents.search(q), RUNS)
        per_query.append({"query": q, "hits": len(hits), **figures})
    medians = [p["p50"] for p in per_query]
    return {
        "p50": round(statistics.median(medians), 3),
        "worst_query_p50": round(max(medians), 3),
        "p95_of_medians": round(percentile(medians, 95), 3),
        "cpu_p50": round(statistics.median(p["cpu_p50"] for p in per_query), 3),
        "limit": 50,
        "queries": per_query,
    }


def extract_figures(project: Any, code: str) -> dict[str, Any]:
    figures, found = timed(lambda: project.codings.list(code=code), RUNS)
    return figures | {"count": len(found)}


def settle_postgres(target: str) -> None:
    """Bring PostgreSQL to the state autovacuum reaches about a minute after a bulk import: planner
    statistics on the new rows and the GIN index's pending list merged into the index."""
    from sqlalchemy import text

    from cotheme.storage.store import Store

    store = Store.open(target)
    try:
        with store.write() as conn:
            conn.execute(text("SELECT gin_clean_pending_list('ix_search_units_tsv'::regclass)"))
            conn.execute(text("ANALYZE search_units, codings, turns, documents, revisions"))
    finally:
        store.close()


def judge(figures: dict[str, Any]) -> dict[str, bool]:
    flat = figures["add_coding_40k_ms"]["p50"] / figures["add_coding_ms"]["p50"]
    figures["add_coding_flatness"] = round(flat, 3)
    return {
        "import_mb_per_s": figures["import_mb_per_s"] >= BUDGET["import_mb_per_s"]["min"],
        "add_coding_ms": figures["add_coding_ms"]["p50"] < BUDGET["add_coding_ms"]["max_p50"],
        "add_coding_40k_ms": figures["add_coding_40k_ms"]["p50"] < BUDGET["add_coding_ms"]["max_p50"],
        "add_coding_flatness": flat <= BUDGET["add_coding_flatness"]["max"],
        "extracts_ms": figures["extracts_ms"]["p50"] < BUDGET["extracts_ms"]["max_p50"]
        and figures["extracts_ms"]["count"] == EXTRACT_CODINGS,
        "search_ms": figures["search_ms"]["p50"] < BUDGET["search_ms"]["max"],
    }


def extra_import_runs(backend: str, pg_url: str, size: int, words: int, seed: int, runs: int) -> list[float]:
    """Repeat the import into throw-away projects to show its noise (MB/s per run)."""
    from cotheme.services.project import Project

    rates = []
    for i in range(runs):
        with target_for(backend, pg_url) as target:
            project = Project.create(target, title="bench import", lead=LEAD)
            try:
                log(f"  import noise run {i + 2}")
                figures, _ = import_corpus(project, size, words, seed)
                rates.append(figures["mb_per_s"])
            finally:
                project.close()
    return rates


def run_one(backend: str, size: int, words: int, seed: int, pg_url: str, import_runs: int) -> dict[str, Any]:
    from cotheme.services.importing import SourceFile
    from cotheme.services.project import Project

    log(f"{backend}, {size} interviews of {words} words")
    started = time.perf_counter()
    load_before = os.getloadavg()
    with target_for(backend, pg_url) as target:
        project = Project.create(target, title=f"bench {size}", lead=LEAD)
        try:
            imp, ids = import_corpus(project, size, words, seed)
            (long_doc,) = project.documents.import_sources(
                [SourceFile("long-40k.txt", corpus.make_interview(LONG_SEED, LONG_WORDS))]
            )
            project.codes.create("Bench/add")
            extracts_code = project.codes.create("Bench/extracts")
            log("  adding codings one by one")
            add = add_codings(project, ids[0], "Bench/add", seed)
            add_long = add_codings(project, long_doc.id, "Bench/add", seed + 1)
            log(f"  bulk-inserting {EXTRACT_CODINGS} codings")
            bulk_s = bulk_codings(target, ids, extracts_code.id, seed)
            log("  reading extracts")
            extracts = extract_figures(project, "Bench/extracts")
            log("  searching")
            search = search_figures(project, search_queries(seed, words))
            settled = None
            if backend == "postgresql":
                log("  ANALYZE and GIN pending-list flush (what autovacuum does within a minute), again")
                settle_postgres(target)
                settled = {
                    "extracts_ms": extract_figures(project, "Bench/extracts"),
                    "search_ms": search_figures(project, search_queries(seed, words)),
                }
        finally:
            project.close()
    rates = [imp["mb_per_s"]]
    if import_runs > 1:
        rates += extra_import_runs(backend, pg_url, size, words, seed, import_runs - 1)
    figures: dict[str, Any] = {
        "backend": backend,
        "size": size,
        "words": words,
        "import_mb_per_s": round(statistics.median(rates), 3),
        "import": imp | {"runs_mb_per_s": rates, "p50": round(percentile(rates, 50), 3),
                         "p95": round(percentile(rates, 95), 3)},
        "add_coding_ms": add,
        "add_coding_40k_ms": add_long,
        "extracts_ms": extracts | {"bulk_insert_s": round(bulk_s, 3)},
        "search_ms": search,
    }
    if settled is not None:
        figures["after_analyze"] = settled
    figures["within_budget"] = judge(figures)
    figures["budget_applies"] = size == BUDGET_SIZE
    figures["wall_seconds"] = round(time.perf_counter() - started, 1)
    # Other processes on the machine show up as noise; the 1-minute load average says how busy it was.
    figures["load_average_1min"] = {"before": round(load_before[0], 2), "after": round(os.getloadavg()[0], 2)}
    log(f"  done in {figures['wall_seconds']} s: " + json.dumps(figures["within_budget"]))
    return figures


def machine(backends: list[str], pg_url: str) -> dict[str, Any]:
    import sqlalchemy

    import cotheme

    info: dict[str, Any] = {
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__,
        "cotheme": cotheme.__version__,
    }
    if "postgresql" in backends:
        import psycopg

        with psycopg.connect(pg_url) as conn:
            info["postgresql"] = conn.execute("SHOW server_version").fetchone()[0]  # type: ignore[index]
        info["psycopg"] = psycopg.__version__
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time cotheme's storage on a synthetic corpus; print JSON.")
    parser.add_argument("--sizes", default="30,300", help="interview counts (default 30,300)")
    parser.add_argument("--words", type=int, default=10_000, help="words per interview (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the first interview (default 1)")
    parser.add_argument("--pg", action="store_true", help="also run on PostgreSQL")
    parser.add_argument("--pg-url", default=PG_DEFAULT, help=f"PostgreSQL URL (default {PG_DEFAULT})")
    parser.add_argument("--import-runs", type=int, default=None,
                        help="import repetitions per size (default 3 up to 300 interviews, else 1)")
    parser.add_argument("--out", type=Path, help="also write the JSON to this file")
    args = parser.parse_args(argv)
    # Turn SIGTERM into SystemExit so the temp dirs and PostgreSQL schemas are still removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if min(sizes) < 1:
        parser.error("sizes must be positive")
    backends = ["sqlite"] + (["postgresql"] if args.pg else [])
    corpus._pool()  # build the shared sentences before anything is timed
    results = []
    for backend in backends:
        for size in sizes:
            runs = args.import_runs or (3 if size <= BUDGET_SIZE else 1)
            results.append(run_one(backend, size, args.words, args.seed, args.pg_url, runs))
    document = {
        "benchmark": "cotheme store_bench",
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": machine(backends, args.pg_url),
        "parameters": {
            "sizes": sizes, "words": args.words, "seed": args.seed, "batch_files": BATCH_FILES,
            "add_coding_calls": CODING_CALLS, "add_coding_warmup": CODING_WARMUP,
            "long_document_words": LONG_WORDS, "extract_codings": EXTRACT_CODINGS,
            "runs": RUNS, "search_limit": 50,
        },
        "budget": BUDGET,
        "results": results,
    }
    return emit(document, args.out)


if __name__ == "__main__":
    sys.exit(main())
