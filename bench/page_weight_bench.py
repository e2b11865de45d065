"""Home page time, reader page weight and server memory, against budgets (issue "ten times Taguette").

Prints ONE JSON document to stdout (progress to stderr). Three parts, each chosen with ``--part``:

* ``home`` - ``GET /`` at ``--docs`` interviews (default 300,3000) of ``--words`` words (default 300:
  the home page's cost depends on how many documents there are, not on their length), with 10,000
  codings spread over them, on SQLite and (``--pg``) PostgreSQL. Server time (``Server-Timing``),
  median of 20 in-process requests (Starlette's TestClient): ``cached`` (nothing changed since the
  last request) and ``after_write`` (a coding was added just before each request, so every request
  recomputes the summary). Budget: cached and after_write p50 < 20 ms at 300, < 50 ms at 3,000.
* ``reader`` - ``GET /documents/{id}`` of a 10,000- and a 40,000-word document, each with 1,000
  codings: the page's bytes as sent without and with gzip, its server time (median of 20), and in
  headless Chromium (served by uvicorn) the reader's ``data-ready-ms`` (median of 5 fresh contexts).
  Budget: the 40k page at most 1.2x the 10k page (flat in length), interactive < 500 ms.
* ``memory`` - a fresh Python process opens a 9,000-coding project (30 interviews of 10,000 words),
  builds the web app, serves the home page, a reader and the 9,000 extracts once through TestClient,
  and reports its resident set size (VmRSS, VmHWM) and the modules it imported.
* ``serve`` - the same project served by ``python -m cotheme serve`` in its own process, as a
  researcher runs it; a client in this process asks for the home page, a reader, the 9,000 extracts
  (JSON, the Retrieve page, CSV, Excel) and four more readers, and reads the server's VmRSS after each
  step and a second after the last (Taguette 1.5.2 sat at ~110 MB after the same kind of work,
  bench/versus_taguette.py); then the median time of ``RUNS`` requests of the home page, a reader
  and the extracts, so a memory setting that made pages slower shows.

    .venv/bin/python bench/page_weight_bench.py --part home --docs 300,3000 --pg
    .venv/bin/python bench/page_weight_bench.py --part reader
    .venv/bin/python bench/page_weight_bench.py --part memory
    .venv/bin/python bench/page_weight_bench.py --part serve

Run it with ``PYTHONPATH`` pointing at another source tree to measure that tree (before/after).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
from store_bench import LEAD, bulk_codings, import_corpus, log  # noqa: E402
from web_bench import (  # noqa: E402
    LONG_CODES, SECOND_CODER, TOKEN, LiveServer, long_codings, reader_interactive, server_ms,
)

RUNS = 20
BUDGET = {
    "home_ms": {300: 20.0, 3000: 50.0},
    "reader_growth_40k_over_10k": 1.2,
    "reader_interactive_ms": 500.0,
}
PG_URL = "postgresql://root@127.0.0.1:5432/test"


def _client(project: Any) -> Any:
    from fastapi.testclient import TestClient

    from cotheme.web.app import create_app

    client = TestClient(create_app(project, TOKEN))
    client.get(f"/?token={TOKEN}")
    client.headers["X-CSRF-Token"] = client.cookies.get("cotheme_csrf") or ""
    return client


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 2)


def _pg_target() -> tuple[str, str]:
    import psycopg

    name = f"cotheme_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')
    return f"{PG_URL}?options=-csearch_path%3D{name}", name


def _drop_pg(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


def home(docs: int, words: int, engine: str, folder: Path) -> dict[str, Any]:
    from cotheme.services.project import Project

    schema = None
    if engine == "postgresql":
        target, schema = _pg_target()
    else:
        target = str(folder / f"home-{docs}.cotheme")
    try:
        project = Project.create(target, title=f"home {docs}", lead=LEAD)
        log(f"home: {docs} interviews of {words} words on {engine}")
        _, ids = import_corpus(project, docs, words, 1)
        code_id = project.codes.create("Bench/extracts").id
        bulk_codings(target, ids, code_id, 1)
        client = _client(project)
        for _ in range(2):
            client.get("/").raise_for_status()
        cached = []
        for _ in range(RUNS):
            response = client.get("/")
            response.raise_for_status()
            cached.append(server_ms(response))
        after_write = []
        text = project.documents.get(ids[0]).text
        for i in range(RUNS):
            start = (i * 37) % max(len(text) - 40, 1)
            client.post("/api/v1/codings", json={"document_id": ids[0], "code_id": code_id,
                                                  "start": start, "end": start + 30}).raise_for_status()
            response = client.get("/")
            response.raise_for_status()
            after_write.append(server_ms(response))
        page_bytes = len(response.content)
        project.close()
    finally:
        if schema:
            _drop_pg(schema)
    budget = BUDGET["home_ms"].get(docs)
    return {"docs": docs, "engine": engine, "cached_p50_ms": _median(cached),
            "after_write_p50_ms": _median(after_write), "page_bytes": page_bytes, "budget_ms": budget,
            "within_budget": budget is None or max(_median(cached), _median(after_write)) < budget}


def reader(folder: Path) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    from cotheme.services.importing import SourceFile
    from cotheme.services.project import Project

    target = str(folder / "reader.cotheme")
    project = Project.create(target, title="reader", lead=LEAD)
    project.team.add_member(SECOND_CODER)
    codes = [project.codes.create(f"Reader/Theme {i + 1}").id for i in range(LONG_CODES)]
    docs = {}
    for words in (10_000, 40_000):
        (doc,) = project.documents.import_sources([SourceFile(f"long-{words}.txt", corpus.make_interview(700_000 + words, words))])
        long_codings(target, doc.id, codes, 7)
        docs[words] = doc.id
    client = _client(project)
    figures: dict[str, Any] = {}
    for words, doc_id in docs.items():
        url = f"/documents/{doc_id}"
        plain = client.get(url, headers={"Accept-Encoding": "identity"})
        with client.stream("GET", url, headers={"Accept-Encoding": "gzip"}) as raw:
            wire = b"".join(raw.iter_raw())
            encoding = raw.headers.get("content-encoding", "")
        times = []
        for _ in range(RUNS):
            times.append(server_ms(client.get(url)))
        figures[f"{words // 1000}k"] = {
            "page_bytes": len(plain.content),
            "page_bytes_on_the_wire_gzip": len(wire) if encoding == "gzip" else len(gzip.compress(plain.content)),
            "served_gzip": encoding == "gzip",
            "server_p50_ms": _median(times),
        }
    with LiveServer(project) as base, sync_playwright() as play:
        browser = play.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        try:
            for words, doc_id in docs.items():
                ready = reader_interactive(browser, base, doc_id)
                figures[f"{words // 1000}k"] |= {
                    "interactive_p50_ms": ready["p50"], "draw_stripes_p50_ms": ready["draw_stripes_ms"]["p50"],
                    "navigation_timing_median": ready["navigation_timing_median"]}
        finally:
            browser.close()
    project.close()
    growth = figures["40k"]["page_bytes"] / figures["10k"]["page_bytes"]
    figures["growth_40k_over_10k"] = round(growth, 2)
    figures["within_budget"] = growth <= BUDGET["reader_growth_40k_over_10k"] and all(
        figures[k]["interactive_p50_ms"] < BUDGET["reader_interactive_ms"] for k in ("10k", "40k"))
    return figures


MEMORY_CHILD = r"""
import json, sys
from pathlib import Path
from fastapi.testclient import TestClient
from cotheme.services.project import Project
from cotheme.web.app import create_app

def rss():
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return {k: int(fields[k].split()[0]) // 1024 for k in ("VmRSS", "VmHWM")}

start = rss()
project = Project.open(sys.argv[1])
client = TestClient(create_app(project, "t" * 22))
client.get("/?token=" + "t" * 22).raise_for_status()
client.get("/documents/1").raise_for_status()
code = max(client.get("/api/v1/codes").json(), key=lambda c: c["extracts"])
extracts = client.get(f"/api/v1/extracts?code={code['id']}").json()
heavy = sorted(m for m in ("argon2", "openpyxl", "pypdf", "numpy", "pandas", "onnxruntime", "docx", "matplotlib")
               if m in sys.modules)
print(json.dumps({"rss_mb_at_start": start["VmRSS"], **{k + "_mb": v for k, v in rss().items()},
                  "extracts": len(extracts), "modules": len(sys.modules), "heavy_modules_loaded": heavy}))
"""


def memory(folder: Path) -> dict[str, Any]:
    from cotheme.services.project import Project

    target = str(folder / "memory.cotheme")
    project = Project.create(target, title="memory", lead=LEAD)
    _, ids = import_corpus(project, 30, 10_000, 1)
    code_id = project.codes.create("Bench/extracts").id
    project.close()
    bulk_codings(target, ids, code_id, 1)
    import store_bench
    log(f"memory: {store_bench.EXTRACT_CODINGS} codings over 30 interviews; a fresh process serves them")
    runs = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", MEMORY_CHILD, target], check=True, capture_output=True,
                             text=True).stdout
        runs.append(json.loads(out))
    best = min(runs, key=lambda r: r["VmRSS_mb"])
    return best | {"runs_rss_mb": [r["VmRSS_mb"] for r in runs]}


def _rss_mb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def serve(folder: Path) -> dict[str, Any]:
    import os
    import re
    import socket

    import httpx

    from cotheme.services.project import Project

    target = folder / "serve.cotheme"
    project = Project.create(str(target), title="serve", lead=LEAD)
    _, ids = import_corpus(project, 30, 10_000, 1)
    code_id = project.codes.create("Bench/extracts").id
    project.close()
    bulk_codings(str(target), ids, code_id, 1)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    out = folder / "serve.log"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.Popen([sys.executable, "-m", "cotheme", "serve", str(target), "--port", str(port)],
                            stdout=out.open("wb"), stderr=subprocess.STDOUT, env=env, cwd=folder)
    try:
        deadline = time.monotonic() + 120
        while not (found := re.search(r"http://127\.0\.0\.1:\d+/\?token=[A-Za-z0-9_\-]+", out.read_text())):
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError(f"the server did not start:\n{out.read_text()[-2000:]}")
            time.sleep(0.05)
        rss = {"at_start": _rss_mb(proc.pid)}
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=300, follow_redirects=True) as client:
            client.get(found.group(0)).raise_for_status()
            rss["home"] = _rss_mb(proc.pid)
            steps = {"reader": f"/documents/{ids[0]}", "extracts": f"/api/v1/extracts?code={code_id}",
                     "retrieve_page": f"/retrieve?code={code_id}", "csv": f"/api/v1/extracts.csv?code={code_id}",
                     "xlsx": f"/api/v1/extracts.xlsx?code={code_id}"}
            for name, url in steps.items():
                client.get(url).raise_for_status()
                rss[name] = _rss_mb(proc.pid)
            for doc in ids[1:5]:
                client.get(f"/documents/{doc}").raise_for_status()
            client.get("/").raise_for_status()
            time.sleep(1.0)
            rss["after_a_second"] = _rss_mb(proc.pid)
            timing = {}
            for name, url in (("home", "/"), ("reader", steps["reader"]), ("extracts", steps["extracts"])):
                times = []
                for _ in range(RUNS):
                    t0 = time.perf_counter()
                    client.get(url).raise_for_status()
                    times.append((time.perf_counter() - t0) * 1000)
                timing[f"{name}_p50_ms"] = _median(times)
            rss["after_timing"] = _rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(30)
    return {"server_rss_mb": rss, "round_trip": timing, "taguette_mb": 110}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Home page time, reader page weight, server memory.")
    parser.add_argument("--part", choices=("home", "reader", "memory", "serve"), required=True)
    parser.add_argument("--docs", default="300,3000", help="home: interview counts (default 300,3000)")
    parser.add_argument("--words", type=int, default=300, help="home: words per interview (default 300)")
    parser.add_argument("--pg", action="store_true", help="home: PostgreSQL too")
    parser.add_argument("--out", type=Path, help="also write the JSON to this file")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    # A server thread may still fold its write-ahead log as the folder goes: leave such a straggler.
    with tempfile.TemporaryDirectory(prefix="cotheme-weight-", ignore_cleanup_errors=True) as tmp:
        folder = Path(tmp)
        if args.part == "home":
            engines = ["sqlite", "postgresql"] if args.pg else ["sqlite"]
            result: Any = [home(int(n), args.words, e, folder) for n in args.docs.split(",") for e in engines]
        elif args.part == "reader":
            result = reader(folder)
        elif args.part == "memory":
            result = memory(folder)
        else:
            result = serve(folder)
    document = {"part": args.part, "budget": {k: str(v) for k, v in BUDGET.items()}, "result": result,
                "seconds": round(time.perf_counter() - t0, 1)}
    text = json.dumps(document, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
