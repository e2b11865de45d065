"""Export benchmark: the extracts table of a 300-interview study as CSV and XLSX.

Prints ONE JSON document to stdout (progress goes to stderr). For each backend (SQLite; PostgreSQL with
``--pg``) a fresh project gets ``--interviews`` interviews from ``corpus.py`` (``store_bench.import_corpus``),
a participant for each with six attributes, a codebook of 4 top-level codes with 3 sub-codes each,
``--extracts`` codings (random spans of 20-400 code points, spread round-robin over every interview,
codes and two coders, bulk-inserted as ``store_bench.bulk_codings`` does) and a memo on every 30th
coding. Then, 1 untimed + ``--runs`` timed runs each:

* ``csv_s`` / ``xlsx_s`` - ``GET /api/v1/extracts.csv`` / ``.xlsx`` (every extract) through the
  in-process HTTP client, the way the Exports page downloads them: the service read (one transaction,
  turn places and memos), the file written, the response sent. Budgets: < 0.2 s and < 1 s (Taguette
  1.5.2 takes 1.9 s and 2.4 s for the same export on this machine).
* ``table_s``, ``csv_bytes_s``, ``xlsx_bytes_s`` - the parts: ``Project.extract_table()`` alone, and
  ``write_extracts`` of that table to CSV and XLSX.
* ``openpyxl_write_only_s`` - the same rows through openpyxl's write-only workbook, for comparison
  (why ``formats/spreadsheet.py`` writes the XML itself).

Each figure gives ``median``, ``min``, ``max`` and ``cpu_median`` (seconds); ``rows`` counts the data
rows of the parsed CSV (it must equal ``--extracts``).

    .venv/bin/python bench/export_bench.py --out bench/out/export.json
    .venv/bin/python bench/export_bench.py --interviews 30 --extracts 900 --runs 3   # a quick run
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_bench import LEAD, import_corpus, log, machine, target_for  # noqa: E402

BUDGET = {"csv_s": 0.2, "xlsx_s": 1.0}
SECOND_CODER = "Bench Coder"
ATTRIBUTES = {
    "gender": ["woman", "man", "non-binary"], "age_band": ["18-24", "25-34", "35-44", "45-54", "55-64", "65+"],
    "service_use": ["drop-in", "one-to-one support", "peer group"], "region": ["north", "south", "east", "west"],
    "employment": ["employed", "unemployed", "retired", "student"], "interview_mode": ["in person", "video", "telephone"],
}


def timed(call: Callable[[], Any], runs: int) -> tuple[dict[str, float], Any]:
    result = call()  # untimed: caches warm, as for a researcher's second download
    wall, cpu = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        result = call()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return {"median": round(statistics.median(wall), 4), "min": round(min(wall), 4), "max": round(max(wall), 4),
            "cpu_median": round(statistics.median(cpu), 4), "n": runs}, result


def participants(project: Any, folder: Path, seed: int) -> None:
    """One participant per interview (its id the document's title) with six attributes, linked."""
    from sqlalchemy import select, update

    from cotheme.storage.schema import cases, documents
    from cotheme.storage.store import Store

    rng = random.Random(seed)
    titles = [d.title for d in project.documents.list()]
    sheet = folder / "participants.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", *ATTRIBUTES])
        for title in titles:
            writer.writerow([title, *(rng.choice(values) for values in ATTRIBUTES.values())])
    project.cases.import_cases(sheet)
    store = Store.open(project._store.target)  # noqa: SLF001 - the bench links in bulk, as store_bench writes
    try:
        with store.write() as conn:
            ids = dict(conn.execute(select(cases.c.pid, cases.c.id)).all())
            for doc_id, title in conn.execute(select(documents.c.id, documents.c.title)).all():
                conn.execute(update(documents).where(documents.c.id == doc_id).values(case_id=ids[title]))
    finally:
        store.close()


def codings(project: Any, count: int, seed: int) -> None:
    """``count`` codings over every interview, codes and both coders, in bulk; a memo on every 30th."""
    from sqlalchemy import select

    from cotheme.domain.text import anchor_in
    from cotheme.storage import codings as codings_repo
    from cotheme.storage.schema import codings as codings_table
    from cotheme.storage.schema import documents, members, revisions
    from cotheme.storage.store import Store, now

    for top in range(4):
        project.codes.create(f"Theme {top + 1}")
        for sub in range(3):
            project.codes.create(f"Theme {top + 1}/Aspect {sub + 1}")
    project.team.add_member(SECOND_CODER)
    code_ids = [c.code.id for c in project.codes.list()]
    rng = random.Random(seed)
    store = Store.open(project._store.target)  # noqa: SLF001 - the bench writes in bulk, as store_bench does
    try:
        with store.write() as conn:
            coders = [conn.execute(select(members.c.id).where(members.c.name == n)).scalar_one()
                      for n in (LEAD, SECOND_CODER)]
            texts = conn.execute(
                select(documents.c.id, revisions.c.id, revisions.c.text)
                .join(revisions, revisions.c.id == documents.c.current_revision_id)
            ).all()
            stamp, rows = now(), []
            for i in range(count):
                doc_id, rev_id, text = texts[i % len(texts)]
                span = rng.randint(20, 400)
                start = rng.randrange(0, len(text) - span)
                a = anchor_in(text, start, start + span)
                rows.append({"document_id": doc_id, "revision_id": rev_id, "code_id": code_ids[i % len(code_ids)],
                             "coder_id": coders[i % 2], "start_offset": a.start, "end_offset": a.end,
                             "quote": a.quote, "prefix": a.prefix, "suffix": a.suffix,
                             "created_at": stamp, "updated_at": stamp})
            codings_repo.insert_many(conn, rows)
            memo_targets = [r[0] for r in conn.execute(select(codings_table.c.id).order_by(codings_table.c.id))][::30]
    finally:
        store.close()
    for coding_id in memo_targets:
        project.memos.add(f"Memo on coding {coding_id}: =1+1 is escaped.", target="coding", target_id=coding_id,
                         author=LEAD)


def openpyxl_write_only(table: Any) -> bytes:
    import openpyxl

    from cotheme.domain.extract_table import clock
    from cotheme.formats.spreadsheet import safe_cell

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("extracts")
    sheet.append(list(table.header))
    for r in table.rows:
        sheet.append([safe_cell(v) for v in (r.document, r.case, r.speaker, clock(r.start_ms), clock(r.end_ms),
                                              r.turn, r.code_path, r.coder, r.text, r.memo, *r.values)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def run_one(backend: str, args: argparse.Namespace) -> dict[str, Any]:
    import cotheme
    from cotheme.formats.extract_file import write_extracts
    from cotheme.web.app import create_app
    from fastapi.testclient import TestClient

    figures: dict[str, Any] = {"backend": backend, "load_average_1min": [round(os.getloadavg()[0], 2)]}
    with target_for(backend, args.pg_url) as target, tempfile.TemporaryDirectory() as folder:
        with cotheme.create_project(target, title="Export bench", lead=LEAD) as project:
            log(f"{backend}: importing {args.interviews} interviews")
            import_corpus(project, args.interviews, args.words, args.seed)
            participants(project, Path(folder), args.seed)
            codings(project, args.extracts, args.seed)
            log(f"{backend}: timing")
            client = TestClient(create_app(project, "bench-token"))
            headers = {"Authorization": "Bearer bench-token"}

            def get(fmt: str) -> bytes:
                response = client.get(f"/api/v1/extracts.{fmt}", headers=headers)
                assert response.status_code == 200, response.text
                return response.content

            figures["csv_s"], data = timed(lambda: get("csv"), args.runs)
            figures["rows"] = len(list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))) - 1
            figures["csv_mb"] = round(len(data) / 1e6, 2)
            figures["xlsx_s"], book = timed(lambda: get("xlsx"), args.runs)
            figures["xlsx_mb"] = round(len(book) / 1e6, 2)
            figures["table_s"], table = timed(project.reports.extract_table, args.runs)
            figures["csv_bytes_s"], _ = timed(lambda: write_extracts(table, "csv"), args.runs)
            figures["xlsx_bytes_s"], _ = timed(lambda: write_extracts(table, "xlsx"), args.runs)
            figures["openpyxl_write_only_s"], _ = timed(lambda: openpyxl_write_only(table), args.runs)
    figures["load_average_1min"].append(round(os.getloadavg()[0], 2))
    figures["within_budget"] = {k: figures[k]["median"] < v for k, v in BUDGET.items()}
    figures["within_budget"]["rows"] = figures["rows"] == args.extracts
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--interviews", type=int, default=300)
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--extracts", type=int, default=9_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg", action="store_true", help="Also measure on PostgreSQL.")
    parser.add_argument("--pg-url", default=os.environ.get("COTHEME_TEST_PG_URL", "postgresql://root@127.0.0.1:5432/test"))
    parser.add_argument("--out", help="Also write the JSON here.")
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.pg else ["sqlite"]
    result = {"bench": "export", "interviews": args.interviews, "words": args.words, "extracts": args.extracts,
              "budget": BUDGET, "results": [run_one(b, args) for b in backends], "machine": machine(backends, args.pg_url)}
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
