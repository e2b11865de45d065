"""Web benchmark: the workbench's pages and API over HTTP and in headless Chromium, against budgets.

Prints ONE JSON document to stdout (progress goes to stderr). Two projects are measured:

* ``demo`` - the fictional demo study (``cotheme.services.demo.build_demo``);
* ``synthetic`` - ``--interviews`` interviews of 10,000 words from ``bench/corpus.py`` (imported with
  ``Project.import_sources`` through ``store_bench.import_corpus``), plus one extra 20,000-word document
  carrying 1,000 codings (spread over the whole text, overlapping, 8 codes, two coders) and one code
  holding 10,000 codings spread over the interviews (``store_bench.bulk_codings``).

Each project is served by uvicorn on 127.0.0.1 (a thread of this process, as tests/web/conftest.py
does) and measured from outside through real HTTP and a real browser:

* ``transcript_page_ms`` - the server's own time (its ``Server-Timing: app;dur=`` header) of
  ``GET /documents/{id}``: the biggest demo document, the 20k-word / 1,000-coding document;
* ``apply_coding_ms`` - client-measured round trip of ``POST /api/v1/codings`` (keep-alive httpx
  client, cookie + CSRF header as the page sends it) at random spans of that same document;
* ``retrieval_ms`` - the server time of ``GET /api/v1/extracts?code=`` for the code with most
  extracts (10,000 in the synthetic project), and ``retrieval_browser_ms``: in Chromium, from
  navigation start of ``/retrieve?code=ID`` until the first ``#results .extract`` is in the DOM;
* ``reader_interactive_ms`` - in Chromium, ``#reader[data-ready-ms]`` (performance.now() when the
  reader's script has drawn the stripes and bound its handlers) of that document, fresh browser
  context (cold cache) per load.

Every figure carries its ``budget`` and ``within_budget`` (see ``bench/README.md``); ``p50`` is what
is judged. The rest is context, not budget: ``client_round_trip_ms``; ``process_cpu_ms`` (CPU time of
this process per request - server thread plus httpx client - which busy neighbours disturb far less
than wall-clock time); response sizes; the page's navigation/resource timing; ``home_page_ms``
(``GET /``, every document with its coding progress); ``load_average_1min`` before and after each
project. Order per project: page, retrieval API, reader, retrieve page, then the 200 codings (so the
1,000-coding document still has exactly 1,000 codings when the reader is measured), then home.

    .venv/bin/python bench/web_bench.py --out bench/out/web.json
    .venv/bin/python bench/web_bench.py --interviews 30          # a quick run
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
from store_bench import LEAD, bulk_codings, import_corpus, log, summary  # noqa: E402

TOKEN = "bench-token-0123456789"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
VIEWPORT = {"width": 1280, "height": 900}

LONG_WORDS = 20_000
LONG_SEED = 800_000  # far from the corpus seeds (1..N) and store_bench's long document
LONG_CODINGS = 1_000
LONG_CODES = 8
SECOND_CODER = "Bench Coder"

PAGE_RUNS, PAGE_WARMUP = 20, 2
APPLY_CALLS, APPLY_WARMUP = 200, 5
RETRIEVAL_RUNS, RETRIEVAL_WARMUP = 10, 1
BROWSER_LOADS = 5
HOME_RUNS = 5

BUDGET: dict[str, dict[str, Any]] = {
    "transcript_page_ms": {"max_p50": 150.0, "unit": "ms", "of": "Server-Timing app;dur, median of 20"},
    "apply_coding_ms": {"max_p50": 50.0, "unit": "ms", "of": "client round trip, p50 of 200"},
    "retrieval_ms": {"max_p50": 200.0, "unit": "ms", "of": "Server-Timing app;dur, median of 10"},
    "retrieval_browser_ms": {"max_p50": None, "unit": "ms",
                             "of": "navigation start to first #results .extract, median of 5; no budget"},
    "reader_interactive_ms": {"max_p50": 1000.0, "unit": "ms",
                              "of": "#reader data-ready-ms (from navigation start), median of 5"},
}

# Runs before any page script (CDP addScriptToEvaluateOnNewDocument, not subject to the page's CSP):
# note when the first retrieval row enters the DOM and the frame after it.
FIRST_ROW_PROBE = """(() => {
  const mark = {};
  window.__bench = mark;
  const seen = () => {
    if (mark.dom_ms !== undefined || !document.querySelector('#results .extract')) return;
    mark.dom_ms = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => { mark.frame_ms = performance.now(); });
  };
  const observer = new MutationObserver(seen);
  observer.observe(document, { childList: true, subtree: true });
})();"""

NAV_TIMING = """() => {
  const n = performance.getEntriesByType('navigation')[0];
  const pick = (e) => e && {
    server_ms: e.serverTiming?.find((s) => s.name === 'app')?.duration ?? null,
    response_start_ms: e.responseStart, response_end_ms: e.responseEnd,
    transfer_bytes: e.transferSize, body_bytes: e.decodedBodySize,
  };
  return { ...pick(n), dom_interactive_ms: n.domInteractive,
           dom_content_loaded_ms: n.domContentLoadedEventEnd, load_ms: n.loadEventEnd };
}"""

RESOURCE_TIMING = """(part) => {
  const e = performance.getEntriesByType('resource').find((r) => r.name.includes(part));
  return e ? { server_ms: e.serverTiming?.find((s) => s.name === 'app')?.duration ?? null,
               start_ms: e.startTime, response_end_ms: e.responseEnd, body_bytes: e.decodedBodySize } : null;
}"""


# -- helpers ---------------------------------------------------------------------------------------
def server_ms(response: Any) -> float:
    """The server's own time of a response, from its ``Server-Timing: app;dur=<ms>`` header."""
    header = response.headers.get("server-timing", "")
    for part in header.split(","):
        name, _, rest = part.strip().partition(";")
        if name == "app" and rest.startswith("dur="):
            return float(rest[4:])
    raise RuntimeError(f"no Server-Timing app;dur in {response.request.url} ({header!r})")


def judged(name: str, figures: dict[str, Any]) -> dict[str, Any]:
    limit = BUDGET[name]["max_p50"]
    figures["budget"] = BUDGET[name]
    figures["within_budget"] = None if limit is None else figures["p50"] < limit
    return figures


class LiveServer:
    """uvicorn serving ``create_app(project, TOKEN)`` on a free loopback port, in a thread."""

    def __init__(self, project: Any) -> None:
        import uvicorn

        from cotheme.web.app import create_app

        config = uvicorn.Config(create_app(project, TOKEN), host="127.0.0.1", port=0,
                                log_level="warning", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the bench server did not start")
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *_exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


@contextmanager
def http_client(base: str) -> Iterator[Any]:
    """A keep-alive client holding the token and CSRF cookies, as a browser tab would."""
    import httpx

    with httpx.Client(base_url=base, timeout=60.0) as client:
        client.get(f"/?token={TOKEN}")  # 303 that sets cotheme_token and cotheme_csrf
        if not client.cookies.get("cotheme_csrf"):
            raise RuntimeError("the token URL did not set the CSRF cookie")
        client.headers["X-CSRF-Token"] = client.cookies["cotheme_csrf"]
        yield client


def timed_gets(client: Any, url: str, runs: int, warmup: int) -> dict[str, Any]:
    """Server time (and client round trip, and CPU time) of ``runs`` GETs after ``warmup`` untimed ones."""
    for _ in range(warmup):
        client.get(url).raise_for_status()
    server, roundtrip, cpu = [], [], []
    size = 0
    for _ in range(runs):
        c0, t0 = time.process_time(), time.perf_counter()
        response = client.get(url)
        roundtrip.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        response.raise_for_status()
        server.append(server_ms(response))
        size = len(response.content)
    return summary(server) | {"client_round_trip_ms": summary(roundtrip), "process_cpu_ms": summary(cpu),
                              "response_bytes": size}


# -- the measurements ------------------------------------------------------------------------------
def transcript_page(client: Any, doc_id: int) -> dict[str, Any]:
    return judged("transcript_page_ms", timed_gets(client, f"/documents/{doc_id}", PAGE_RUNS, PAGE_WARMUP))


def retrieval(client: Any, code_id: int) -> dict[str, Any]:
    from pydantic import TypeAdapter

    from cotheme.web.schemas import RetrievedOut

    url = f"/api/v1/extracts?code={code_id}"
    figures = timed_gets(client, url, RETRIEVAL_RUNS, RETRIEVAL_WARMUP)
    # Untimed: the body must still parse as the documented schema (list[RetrievedOut]).
    figures["extracts"] = len(TypeAdapter(list[RetrievedOut]).validate_json(client.get(url).content))
    return judged("retrieval_ms", figures)


def home_page(client: Any) -> dict[str, Any]:
    """Context, no budget: the project home lists every document with its coding progress."""
    return timed_gets(client, "/", HOME_RUNS, 1)


def apply_coding(client: Any, doc_id: int, length: int, code_ids: list[int], seed: int) -> dict[str, Any]:
    """``APPLY_CALLS`` POST /api/v1/codings at random spans (20-400 code points), random codes."""
    rng = random.Random(seed)
    roundtrip, server, cpu = [], [], []
    for i in range(APPLY_WARMUP + APPLY_CALLS):
        span = rng.randint(20, 400)
        start = rng.randrange(0, length - span)
        body = {"document_id": doc_id, "code_id": rng.choice(code_ids), "start": start, "end": start + span}
        c0, t0 = time.process_time(), time.perf_counter()
        response = client.post("/api/v1/codings", json=body)
        dt = (time.perf_counter() - t0) * 1000
        dc = (time.process_time() - c0) * 1000
        if response.status_code != 201:
            raise RuntimeError(f"POST /api/v1/codings -> {response.status_code}: {response.text[:200]}")
        if i >= APPLY_WARMUP:
            roundtrip.append(dt)
            cpu.append(dc)
            server.append(server_ms(response))
    return judged("apply_coding_ms", summary(roundtrip) | {"server_ms": summary(server),
                                                            "process_cpu_ms": summary(cpu)})


def _fresh_page(browser: Any, base: str) -> tuple[Any, Any, list[str]]:
    """A new browser context (empty cache) holding only the token cookie, its page, its JS errors."""
    context = browser.new_context(viewport=VIEWPORT, base_url=base)
    context.add_cookies([{"name": "cotheme_token", "value": TOKEN, "url": base}])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return context, page, errors


def reader_interactive(browser: Any, base: str, doc_id: int) -> dict[str, Any]:
    """``data-ready-ms`` of the reader over ``BROWSER_LOADS`` loads, each in a fresh context."""
    ready, walls, navs, draws = [], [], [], []
    stripes = 0
    for _ in range(BROWSER_LOADS):
        context, page, errors = _fresh_page(browser, base)
        try:
            t0 = time.perf_counter()
            page.goto(f"/documents/{doc_id}", wait_until="commit")
            page.wait_for_selector('#reader[data-ready="true"]', state="attached", timeout=60_000)
            walls.append((time.perf_counter() - t0) * 1000)
            ready.append(float(page.get_attribute("#reader", "data-ready-ms") or "nan"))
            draws.append(float(page.get_attribute("#reader", "data-draw-ms") or "nan"))
            navs.append(page.evaluate(NAV_TIMING))
            stripes = page.locator("#margin .stripe").count()
            if errors:
                raise RuntimeError(f"page errors in the reader: {errors}")
        finally:
            context.close()
    nav_median = {k: round(statistics.median(n[k] for n in navs), 2)
                  for k in navs[0] if all(isinstance(n[k], int | float) for n in navs)}
    return judged("reader_interactive_ms", summary(ready) | {
        "runs_ms": ready, "wall_clock_ms": summary(walls), "stripes": stripes, "draw_stripes_ms": summary(draws),
        "navigation_timing_median": nav_median,
    })


def retrieval_browser(browser: Any, base: str, code_id: int) -> dict[str, Any]:
    """From navigation start of ``/retrieve?code=ID`` to the first extract row in the DOM."""
    first, frames, walls, apis = [], [], [], []
    rows = 0
    for _ in range(BROWSER_LOADS):
        context, page, errors = _fresh_page(browser, base)
        try:
            page.add_init_script(FIRST_ROW_PROBE)
            t0 = time.perf_counter()
            page.goto(f"/retrieve?code={code_id}", wait_until="commit")
            page.wait_for_selector("#results .extract", state="attached", timeout=60_000)
            walls.append((time.perf_counter() - t0) * 1000)
            page.wait_for_function("() => window.__bench && window.__bench.frame_ms !== undefined")
            mark = page.evaluate("() => window.__bench")
            first.append(mark["dom_ms"])
            frames.append(mark["frame_ms"])
            apis.append(page.evaluate(RESOURCE_TIMING, "/api/v1/extracts"))
            rows = page.locator("#results .extract").count()
            if errors:
                raise RuntimeError(f"page errors on /retrieve: {errors}")
        finally:
            context.close()
    api = {k: round(statistics.median(a[k] for a in apis), 2) for k in apis[0]} if all(apis) else None
    return judged("retrieval_browser_ms", summary(first) | {
        "runs_ms": [round(v, 2) for v in first], "next_frame_ms": summary(frames),
        "wall_clock_ms": summary(walls), "rows_drawn": rows, "extracts_api_median": api,
    })


def measure(project: Any, name: str, doc_id: int, code_id: int, apply_codes: list[int],
            browser: Any, seed: int) -> dict[str, Any]:
    """Every figure for one open project, served live."""
    doc = project.documents.get(doc_id)
    codings_before = len(project.codings.list(document=doc_id))
    figures: dict[str, Any] = {
        "document": {"id": doc_id, "title": doc.title, "words": len(doc.text.split()),
                     "chars": len(doc.text), "turns": len(doc.turns), "codings": codings_before},
        "retrieval_code": {"id": code_id,
                           "extracts": next(c.extracts for c in project.codes.list() if c.code.id == code_id)},
    }
    load_before = os.getloadavg()[0]
    with LiveServer(project) as base, http_client(base) as client:
        log(f"  {name}: transcript page x{PAGE_RUNS}")
        figures["transcript_page_ms"] = transcript_page(client, doc_id)
        log(f"  {name}: retrieval API x{RETRIEVAL_RUNS}")
        figures["retrieval_ms"] = retrieval(client, code_id)
        log(f"  {name}: reader in Chromium x{BROWSER_LOADS}")
        figures["reader_interactive_ms"] = reader_interactive(browser, base, doc_id)
        log(f"  {name}: retrieve page in Chromium x{BROWSER_LOADS}")
        figures["retrieval_browser_ms"] = retrieval_browser(browser, base, code_id)
        log(f"  {name}: apply coding x{APPLY_CALLS}")
        figures["apply_coding_ms"] = apply_coding(client, doc_id, len(doc.text), apply_codes, seed)
        log(f"  {name}: project home x{HOME_RUNS}")
        figures["home_page_ms"] = home_page(client)
    # Other processes on the machine show up as noise; the 1-minute load average says how busy it was.
    figures["load_average_1min"] = {"before": round(load_before, 2), "after": round(os.getloadavg()[0], 2)}
    figures["within_budget"] = {k: v["within_budget"] for k, v in figures.items()
                                if isinstance(v, dict) and "within_budget" in v}
    log(f"  {name}: " + json.dumps({k: figures[k]["p50"] for k in figures["within_budget"]}))
    return figures


# -- the projects ----------------------------------------------------------------------------------
def demo_project(folder: Path) -> tuple[Any, dict[str, Any]]:
    from cotheme.services.demo import build_demo

    log("building the demo study")
    project = build_demo(folder / "demo.cotheme")
    biggest = max(project.documents.list(), key=lambda d: (d.words, -d.id))
    top = max(project.codes.list(), key=lambda c: (c.extracts, -c.code.id))
    codes = [c.code.id for c in project.codes.list()]
    return project, {"doc_id": biggest.id, "code_id": top.code.id, "apply_codes": codes}


def long_codings(target: str, doc_id: int, code_ids: list[int], seed: int) -> None:
    """``LONG_CODINGS`` codings over the whole of one document: mostly sentence-sized, some spanning
    several turns, so they overlap (several lanes); codes and coders mixed."""
    from sqlalchemy import select

    from cotheme.domain.text import anchor_in
    from cotheme.storage import codings as codings_repo
    from cotheme.storage.schema import documents, members, revisions
    from cotheme.storage.store import Store, now

    rng = random.Random(seed)
    store = Store.open(target)
    try:
        with store.write() as conn:
            coders = conn.execute(select(members.c.id)).scalars().all()
            rev_id, text = conn.execute(
                select(revisions.c.id, revisions.c.text)
                .join(documents, documents.c.current_revision_id == revisions.c.id)
                .where(documents.c.id == doc_id)
            ).one()
            stamp = now()
            rows: list[dict[str, object]] = []
            for i in range(LONG_CODINGS):
                # Evenly spread starts with jitter; lengths: 80% 20-300, 15% 300-1500, 5% 1500-4000.
                base = len(text) * i // LONG_CODINGS
                roll = rng.random()
                span = rng.randint(20, 300) if roll < 0.8 else rng.randint(300, 1500) if roll < 0.95 \
                    else rng.randint(1500, 4000)
                start = min(max(0, base + rng.randint(-200, 200)), len(text) - span)
                a = anchor_in(text, start, start + span)
                rows.append({
                    "document_id": doc_id, "revision_id": rev_id, "code_id": rng.choice(code_ids),
                    "coder_id": rng.choice(coders), "start_offset": a.start, "end_offset": a.end,
                    "quote": a.quote, "prefix": a.prefix, "suffix": a.suffix,
                    "created_at": stamp, "updated_at": stamp,
                })
            codings_repo.insert_many(conn, rows)
    finally:
        store.close()


def synthetic_project(folder: Path, interviews: int, words: int, seed: int) -> tuple[Any, dict[str, Any]]:
    from cotheme.services.importing import SourceFile
    from cotheme.services.project import Project

    target = str(folder / "synthetic.cotheme")
    log(f"building the synthetic project: {interviews} interviews of {words} words")
    project = Project.create(target, title=f"web bench {interviews}", lead=LEAD)
    project.team.add_member(SECOND_CODER)
    imported, ids = import_corpus(project, interviews, words, seed)
    (long_doc,) = project.documents.import_sources(
        [SourceFile("long-20k.txt", corpus.make_interview(LONG_SEED, LONG_WORDS))]
    )
    reader_codes = [project.codes.create(f"Reader/Theme {i + 1}").id for i in range(LONG_CODES)]
    extracts_code = project.codes.create("Bench/extracts").id
    log(f"  {LONG_CODINGS} codings on the {LONG_WORDS}-word document")
    long_codings(target, long_doc.id, reader_codes, seed)
    log("  10,000 codings of one code over the interviews")
    bulk_s = bulk_codings(target, ids, extracts_code, seed)
    setup = {"import": imported, "bulk_insert_s": round(bulk_s, 3)}
    return project, {"doc_id": long_doc.id, "code_id": extracts_code, "apply_codes": reader_codes,
                     "setup": setup}


def machine() -> dict[str, Any]:
    from importlib.metadata import version

    import cotheme

    info: dict[str, Any] = {
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "cotheme": cotheme.__version__,
    }
    for package in ("fastapi", "starlette", "uvicorn", "pydantic", "jinja2", "sqlalchemy", "httpx", "playwright"):
        info[package] = version(package)
    return info


def run(args: argparse.Namespace) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    corpus._pool()  # build the shared sentences before anything is timed
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="cotheme-webbench-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        results_browser = browser.version
        builders: list[tuple[str, Callable[[], tuple[Any, dict[str, Any]]]]] = [
            ("demo", lambda: demo_project(Path(tmp))),
            ("synthetic", lambda: synthetic_project(Path(tmp), args.interviews, args.words, args.seed)),
        ]
        for name, build in builders:
            if args.only and name != args.only:
                continue
            started = time.perf_counter()
            project, chosen = build()
            try:
                figures = measure(project, name, chosen["doc_id"], chosen["code_id"], chosen["apply_codes"],
                                  browser, args.seed)
            finally:
                project.close()
            if "setup" in chosen:
                figures["setup"] = chosen["setup"]
            figures["wall_seconds"] = round(time.perf_counter() - started, 1)
            results[name] = figures
        browser.close()
    return {"chromium": results_browser, "projects": results}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time cotheme's web pages and API; print JSON.")
    parser.add_argument("--interviews", type=int, default=300, help="synthetic interviews (default 300)")
    parser.add_argument("--words", type=int, default=10_000, help="words per interview (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the first interview (default 1)")
    parser.add_argument("--only", choices=("demo", "synthetic"), help="measure one project only")
    parser.add_argument("--out", type=Path, help="also write the JSON to this file")
    args = parser.parse_args(argv)
    if args.interviews < 1:
        parser.error("--interviews must be positive")
    started = time.perf_counter()
    measured = run(args)
    info = machine() | {"chromium": measured["chromium"]}
    projects = measured["projects"]
    document = {
        "benchmark": "cotheme web_bench",
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": info,
        "parameters": {
            "interviews": args.interviews, "words": args.words, "seed": args.seed,
            "long_document_words": LONG_WORDS, "long_document_codings": LONG_CODINGS,
            "long_document_codes": LONG_CODES, "extract_codings": 10_000,
            "page_runs": PAGE_RUNS, "apply_calls": APPLY_CALLS, "retrieval_runs": RETRIEVAL_RUNS,
            "browser_loads": BROWSER_LOADS, "viewport": VIEWPORT, "server": "uvicorn, thread of this process",
        },
        "budget": BUDGET,
        "projects": projects,
        "within_budget": all(ok is not False for p in projects.values() for ok in p["within_budget"].values()),
        "wall_seconds": round(time.perf_counter() - started, 1),
    }
    text = json.dumps(document, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
