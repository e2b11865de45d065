"""Reports benchmark: the write-up reports and the thematic map at study scale.

Prints ONE JSON document to stdout (progress to stderr). Per backend (SQLite always, PostgreSQL with
``--pg``) it builds a project of ``--interviews`` synthetic interviews (``bench/corpus.py``), one
participant each with four attributes, the relational-practice template (20 codes, 21 themes) plus
nine more subthemes, and ``--codings`` codings bulk-inserted through ``cotheme.storage.codings``
(spread over the codes and interviews; quotes and context taken from the stored text). It then times
the real calls of ``cotheme.services.project.Project`` and the writers in ``cotheme.formats``:

* ``report_themes_ms`` - ``themes_report()`` (no exemplars chosen, so representative extracts are
  picked from every coding) + ``write_themes(..., "md")``; ``..._docx_ms`` with the DOCX writer;
* ``report_matrix_ms`` - ``matrix("region")`` + ``write_matrix(..., "html")``;
* ``report_sample_ms`` - ``sample_table()`` with saved targets + ``write_sample(..., "md")``;
* ``map_50_nodes_ms`` - ``thematic_map(depth=3)`` (50 nodes) + ``write_svg``; ``map_png_ms`` adds
  the matplotlib PNG (the first call pays matplotlib's import, so it is a warm-up).

Budgets: themes < 2 s, matrix < 1 s, sample < 200 ms, map of 50 nodes < 500 ms.

    .venv/bin/python bench/reports_bench.py --interviews 300 --codings 100000 [--pg]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

PG_DEFAULT = os.environ.get("COTHEME_TEST_PG_URL", "postgresql://root@127.0.0.1:5432/test")
LEAD = "Bench Lead"
RUNS = 7
BUDGET_MS = {"report_themes_ms": 2000.0, "report_matrix_ms": 1000.0, "report_sample_ms": 200.0,
             "map_50_nodes_ms": 500.0}
ATTRIBUTES = {
    "gender": ["woman", "man", "non-binary", None],
    "age": ["19", "23", "31", "38", "45", "52", "58", "63", "71", None],
    "region": ["North", "South", "East", "West", "Central"],
    "ethnicity": ["White British", "Black British", "British Asian", "Mixed", "Other", None],
}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def summary(ms: list[float]) -> dict[str, Any]:
    ordered = sorted(ms)
    return {"p50": round(statistics.median(ordered), 3), "max": round(ordered[-1], 3),
            "min": round(ordered[0], 3), "n": len(ordered)}


def timed(call: Callable[[], Any], runs: int, warmup: int = 1) -> tuple[list[float], Any]:
    """Wall-clock milliseconds of ``runs`` calls after ``warmup`` untimed ones; the last result."""
    result = None
    for _ in range(warmup):
        result = call()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - t0) * 1000)
    return times, result


@contextmanager
def target_for(backend: str, pg_url: str) -> Iterator[str]:
    """A temp SQLite file, or a URL whose search_path is a fresh schema dropped afterwards."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="cotheme-reports-bench-") as folder:
            yield str(Path(folder) / "bench.cotheme")
        return
    import psycopg

    name = f"cotheme_rbench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')
    try:
        yield f"{pg_url}{'&' if '?' in pg_url else '?'}options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


def build(project: Any, target: str, interviews: int, words: int, codings: int, seed: int) -> dict[str, float]:
    from cotheme.services.importing import SourceFile

    rng = random.Random(seed)
    folder = Path(os.environ.get("TMPDIR", "/tmp"))
    people = folder / f"bench-people-{os.getpid()}.csv"
    rows = ["id," + ",".join(ATTRIBUTES)]
    labels = [corpus.participant_label(seed + i) for i in range(interviews)]
    for label in labels:
        rows.append(label + "," + ",".join(rng.choice(v) or "" for v in ATTRIBUTES.values()))
    people.write_text("\n".join(rows) + "\n", encoding="utf-8")
    t0 = time.perf_counter()
    project.cases.import_cases(people)
    people.unlink()
    stream = corpus.interviews(interviews, words, seed)
    for first in range(0, interviews, 100):
        batch = [SourceFile(name=n, data=d, case_pid=n.split("-")[0])
                 for n, d in (next(stream) for _ in range(min(100, interviews - first)))]
        project.documents.import_sources(batch)
        log(f"  imported {first + len(batch)}/{interviews}")
    imported = time.perf_counter() - t0
    project.codes.import_template("relational-practice")
    for i in range(9):  # 21 themes + 20 codes at depth 3 = 41 nodes; nine more subthemes make 50
        project.themes.create(f"Extra subtheme {i + 1}", parent="Understanding")
    (folder / "bench-targets.csv").write_text(
        "attribute,category,min_count,min_share\ngender,man,120,\nregion,North,,25%\nage,71,20,\n", encoding="utf-8")
    project.study.import_targets(folder / "bench-targets.csv")
    t1 = time.perf_counter()
    _bulk_codings(target, codings, seed)
    return {"import_s": round(imported, 2), "bulk_codings_s": round(time.perf_counter() - t1, 2)}


def _bulk_codings(target: str, total: int, seed: int) -> None:
    from sqlalchemy import select

    from cotheme.domain.text import anchor_in
    from cotheme.storage import codings as codings_repo
    from cotheme.storage.schema import codes, documents, members, revisions
    from cotheme.storage.store import Store, now

    rng = random.Random(seed)
    store = Store.open(target)
    try:
        with store.write() as conn:
            coder = conn.execute(select(members.c.id).where(members.c.name == LEAD)).scalar_one()
            code_ids = list(conn.execute(select(codes.c.id)).scalars())
            texts = conn.execute(
                select(documents.c.id, revisions.c.id, revisions.c.text)
                .join(revisions, revisions.c.id == documents.c.current_revision_id)
            ).all()
            stamp = now()
            per_doc = total // len(texts)
            for at, (doc_id, rev_id, text) in enumerate(texts):
                rows: list[dict[str, object]] = []
                for _ in range(per_doc + (1 if at < total % len(texts) else 0)):
                    span = rng.randint(40, 500)
                    start = rng.randrange(0, len(text) - span)
                    a = anchor_in(text, start, start + span)
                    rows.append({
                        "document_id": doc_id, "revision_id": rev_id, "code_id": rng.choice(code_ids),
                        "coder_id": coder, "start_offset": a.start, "end_offset": a.end, "quote": a.quote,
                        "prefix": a.prefix, "suffix": a.suffix, "created_at": stamp, "updated_at": stamp,
                    })
                codings_repo.insert_many(conn, rows)
    finally:
        store.close()


def measure(project: Any) -> dict[str, Any]:
    from cotheme.formats.map_render import render_map
    from cotheme.formats.map_svg import write_svg
    from cotheme.formats.report_narrative import write_themes
    from cotheme.formats.report_tables import write_matrix, write_sample

    title = project.study.info().title
    figures: dict[str, Any] = {}
    ms, report = timed(lambda: write_themes(project.reports.themes(attributes=["gender", "age"]), "md"), RUNS)
    figures["report_themes_ms"] = summary(ms)
    ms, _ = timed(lambda: write_themes(project.reports.themes(), "docx"), RUNS)
    figures["report_themes_docx_ms"] = summary(ms)
    ms, _ = timed(lambda: write_matrix(project.reports.matrix("region"), "html"), RUNS)
    figures["report_matrix_ms"] = summary(ms)
    ms, _ = timed(lambda: write_matrix(project.reports.matrix("age", count="extracts", rows="codes"), "xlsx"), RUNS)
    figures["report_matrix_codes_xlsx_ms"] = summary(ms)
    ms, _ = timed(lambda: write_sample(project.study.sample_table(), "md", title), RUNS)
    figures["report_sample_ms"] = summary(ms)
    ms, layout = timed(lambda: project.themes.map(depth=3), RUNS)
    figures["map_50_nodes_ms"] = summary(timed(lambda: write_svg(project.themes.map(depth=3)), RUNS)[0])
    figures["map_layout_only_ms"] = summary(ms) | {"nodes": len(layout.nodes)}
    figures["map_png_ms"] = summary(timed(lambda: render_map(project.themes.map(depth=3), "png"), 3)[0])
    figures["themes_report_bytes"] = len(report)
    return figures


def run(backend: str, args: argparse.Namespace) -> dict[str, Any]:
    import cotheme

    with target_for(backend, args.pg_url) as target:
        log(f"{backend}: building {args.interviews} interviews, {args.codings} codings")
        project = cotheme.create_project(target, title="Reports bench", lead=LEAD)
        try:
            setup = build(project, target, args.interviews, args.words, args.codings, args.seed)
            log(f"{backend}: measuring")
            figures = measure(project)
        finally:
            project.close()
    judged = {k: figures[k]["p50"] < limit for k, limit in BUDGET_MS.items()}
    return {"setup": setup, "figures": figures, "within_budget": judged}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--interviews", type=int, default=300)
    parser.add_argument("--codings", type=int, default=100_000)
    parser.add_argument("--words", type=int, default=3000, help="words per interview (default 3000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg", action="store_true", help="also run on PostgreSQL")
    parser.add_argument("--pg-url", default=PG_DEFAULT)
    args = parser.parse_args(argv)
    backends = ["sqlite", "postgresql"] if args.pg else ["sqlite"]
    result = {
        "bench": "reports",
        "interviews": args.interviews,
        "codings": args.codings,
        "budget_ms": BUDGET_MS,
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count()},
        "backends": {b: run(b, args) for b in backends},
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
