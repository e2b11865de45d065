"""REFI-QDA benchmark: export a large project to QDPX, import it back, import NVivo's sample project.

Prints ONE JSON document to stdout (progress goes to stderr). It builds a fresh project (SQLite in a
temp dir, or a fresh PostgreSQL schema with ``--pg``) from the synthetic corpus of ``bench/corpus.py``:
``--interviews`` transcripts (default 300) of ``--words`` words (default 10,000), a codebook of 60 codes
in 3 levels, ``--codings`` codings (default 100,000) at random spans, inserted in bulk through the
storage layer with their quote and context as a coding made through the service would have them, and
40 themes in 3 levels (4 overarching, 12 themes, 24 subthemes) with linked codes, a memo and two
exemplars each, so themes go through export and import as sets with their extension. Then it times the
real calls of ``cotheme.services.project.Project``:

* ``export_s`` - ``Project.export_qdpx(out)``: read everything, write ``project.qde``, the texts and the
  extension into a zip (budget < 5 s at 300 interviews and 100k codings);
* ``import_s`` - ``Project.create_from_qdpx(new, out)`` minus creating the empty project: read and
  check the archive, then merge it into the new project in one transaction (budget < 10 s);
* ``nvivo_import_s`` - ``Project.import_qdpx`` of ``../shared/data/qdpx-real/nvivo-win-12.6_oltas0517.qdpx``
  into an empty project, the median of 5 runs (budget < 1 s).

Each figure also comes as ``*_cpu_s``, the CPU time of this process, which a busy shared machine
inflates less than wall-clock time; ``load_average_at_start`` says how busy the machine was.

    .venv/bin/python bench/refi_bench.py --interviews 300 --codings 100000
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
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
from engines import pg_schema  # noqa: E402
from store_bench import PG_DEFAULT, log, sqlite_target  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NVIVO = ROOT.parent / "shared" / "data" / "qdpx-real" / "nvivo-win-12.6_oltas0517.qdpx"
LEAD = "Bench Lead"
#: The machine's load when the run starts: on a shared machine wall-clock figures swell with it, so the
#: CPU seconds of this process (``*_cpu_s``) are printed beside them.
LOAD = [round(x, 2) for x in os.getloadavg()]
BUDGET = {"export_s": 5.0, "import_s": 10.0, "nvivo_import_s": 1.0,
          "applies_at": {"interviews": 300, "codings": 100_000}}


def build(project: Any, target: str, interviews: int, words: int, codings: int, seed: int) -> dict[str, Any]:
    from cotheme.services.importing import SourceFile

    t0 = time.perf_counter()
    stream = corpus.interviews(interviews, words, seed)
    text_bytes = 0
    for first in range(0, interviews, 100):
        batch = [SourceFile(name=n, data=d) for n, d in (next(stream) for _ in range(min(100, interviews - first)))]
        text_bytes += sum(len(f.data) for f in batch)
        project.documents.import_sources(batch)
        log(f"  imported {first + len(batch)}/{interviews} interviews")
    for top in range(4):
        for mid in range(3):
            for leaf in range(4):
                project.codes.create(f"Theme {top}/Area {mid}/Code {leaf}", definition=f"Definition {top}.{mid}.{leaf}",
                                    inclusion="when it fits", example="'an example'")
    _bulk_codings(target, codings, seed)
    made = _themes(project)
    log(f"  built in {time.perf_counter() - t0:.1f} s")
    return {"interviews": interviews, "words_per_interview": words, "codings": codings, "themes": made,
            "exemplars": len(project.themes.exemplars()), "input_mb": round(text_bytes / 1e6, 2)}


def _themes(project: Any) -> int:
    """4 overarching themes, each with 3 themes of an area's codes, each with 2 subthemes of 2 codes;
    every theme has a memo and two exemplars (codings of the first interview)."""
    some_codings = [e.id for e in project.codings.list(document=project.documents.list()[0].id)[:80]]
    made = 0
    for top in range(4):
        over = project.themes.create(f"Overarching {top}", definition=f"What binds area group {top}", status="reviewed")
        ids = [over.id]
        for mid in range(3):
            theme = project.themes.create(f"Theme {top}.{mid}", parent=over.id, status="defined",
                                         definition=f"Area {mid} of group {top}", codes=[f"Theme {top}/Area {mid}"])
            ids.append(theme.id)
            for half in range(2):
                leaves = [f"Theme {top}/Area {mid}/Code {leaf}" for leaf in (2 * half, 2 * half + 1)]
                ids.append(project.themes.create(f"Subtheme {top}.{mid}.{half}", parent=theme.id, codes=leaves).id)
        for theme_id in ids:
            project.memos.add(f"Memo on theme {theme_id}.", target="theme", target_id=theme_id, author=LEAD)
            for coding_id in some_codings[2 * made : 2 * made + 2]:
                project.themes.add_exemplar(theme_id, coding_id, LEAD)
            made += 1
    return made


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
            texts = conn.execute(select(documents.c.id, revisions.c.id, revisions.c.text)
                                 .join(revisions, revisions.c.id == documents.c.current_revision_id)).all()
            stamp = now()
            rows: list[dict[str, object]] = []
            for i in range(total):
                doc_id, rev_id, text = texts[i % len(texts)]
                span = rng.randint(20, 400)
                start = rng.randrange(0, len(text) - span)
                a = anchor_in(text, start, start + span)
                rows.append({"document_id": doc_id, "revision_id": rev_id, "code_id": rng.choice(code_ids),
                             "coder_id": coder, "start_offset": a.start, "end_offset": a.end, "quote": a.quote,
                             "prefix": a.prefix, "suffix": a.suffix, "created_at": stamp, "updated_at": stamp})
                if len(rows) == 10_000:
                    codings_repo.insert_many(conn, rows)
                    rows = []
            codings_repo.insert_many(conn, rows)
    finally:
        store.close()


def run(args: argparse.Namespace) -> dict[str, Any]:
    from cotheme.services.project import Project

    make_target = (lambda: pg_schema(args.pg_url)) if args.pg else sqlite_target
    figures: dict[str, Any] = {"backend": "postgresql" if args.pg else "sqlite"}
    with tempfile.TemporaryDirectory(prefix="cotheme-refi-") as folder, make_target() as source_target:
        out = Path(folder) / "bench.qdpx"
        with Project.create(source_target, title="REFI bench", lead=LEAD) as project:
            figures["project"] = build(project, source_target, args.interviews, args.words, args.codings, args.seed)
            t0, c0 = time.perf_counter(), time.process_time()
            result = project.exchange.export_qdpx(out)
            figures["export_s"] = round(time.perf_counter() - t0, 3)
            figures["export_cpu_s"] = round(time.process_time() - c0, 3)
        figures["qdpx_mb"] = round(out.stat().st_size / 1e6, 2)
        assert result.counts["codings"] == args.codings and result.counts["themes"] == 40
        log(f"  exported in {figures['export_s']} s ({figures['qdpx_mb']} MB)")
        with make_target() as new_target:
            t0, c0 = time.perf_counter(), time.process_time()
            with Project.create(new_target, title="empty", lead=LEAD):
                pass
            created_s, created_cpu = time.perf_counter() - t0, time.process_time() - c0
            fresh = _fresh(new_target, folder)
            t0, c0 = time.perf_counter(), time.process_time()
            back, imported = Project.create_from_qdpx(fresh, out)
            figures["import_s"] = round(time.perf_counter() - t0 - created_s, 3)
            figures["import_cpu_s"] = round(time.process_time() - c0 - created_cpu, 3)
            with back:
                assert imported.created["codings"] == args.codings, imported.created
                exemplars = figures["project"]["exemplars"]
                assert imported.created["themes"] == 40 and len(back.exemplars()) == exemplars, imported.created
        log(f"  imported back in {figures['import_s']} s")
    figures["nvivo_import_s"], figures["nvivo_import_cpu_s"] = _nvivo(make_target)
    figures["within_budget"] = {k: figures[k] < BUDGET[k] for k in ("export_s", "import_s", "nvivo_import_s")}
    figures["load_average_at_start"] = LOAD
    return figures


def _fresh(target: str, folder: str) -> str:
    """Another empty target beside ``target`` (a new file; on PostgreSQL the same fresh schema is used
    after dropping what the timing run of ``Project.create`` made there)."""
    if target.startswith("postgresql"):
        import psycopg

        schema = target.rsplit("%3D", 1)[1]
        with psycopg.connect(target.split("?")[0], autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
            conn.execute(f'CREATE SCHEMA "{schema}"')
        return target
    return str(Path(folder) / "back.cotheme")


def _nvivo(make_target: Any) -> tuple[float | None, float | None]:
    from cotheme.services.project import Project

    if not NVIVO.is_file():
        log(f"  {NVIVO} is missing; skipping the NVivo figure")
        return None, None
    times, cpu = [], []
    for _ in range(5):
        with make_target() as target, Project.create(target, title="NVivo", lead=LEAD) as project:
            t0, c0 = time.perf_counter(), time.process_time()
            project.exchange.import_qdpx(NVIVO)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
    log(f"  NVivo sample: {', '.join(f'{t:.3f}' for t in times)} s")
    return round(statistics.median(times), 3), round(statistics.median(cpu), 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time REFI-QDA export and import; print JSON.")
    parser.add_argument("--interviews", type=int, default=300)
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--codings", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg", action="store_true", help="run on PostgreSQL instead of SQLite")
    parser.add_argument("--pg-url", default=PG_DEFAULT)
    args = parser.parse_args(argv)
    figures = run(args)
    figures["budget"] = BUDGET
    figures["machine"] = {"python": platform.python_version(), "platform": platform.platform()}
    json.dump(figures, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
