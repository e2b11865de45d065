"""cotheme against Taguette 1.5.2, side by side over HTTP on the same synthetic corpus.

Installs Taguette 1.5.2 from the package registry into its own virtualenv (``build/taguette-venv`` by
default, made once and reused), serves it on 127.0.0.1 in single-user mode (its token URL logs the
client in; every POST carries Tornado's XSRF cookie as ``X-XSRFToken``, as its pages do) and serves a
cotheme project with ``python -m cotheme serve`` (the token cookie, and the CSRF header its pages
send). Both servers are separate processes, so each one's resident memory is its own.

Both get the same texts: interviews from ``bench/corpus.py``, sent to cotheme as the ``.txt`` it reads
and to Taguette as HTML (one ``<p>`` a turn, which it keeps without calling Calibre). Every timed
operation alternates the two servers (who goes first flips each round) and is repeated; a figure is the
median over ``--rounds`` rounds of each round's median (p95 for adding codings: over all calls). Each
time is the client's round trip (keep-alive httpx client): the only clock both servers share.

Operations (rows of the table):

* ``import_{2.5k,10k,40k}`` - upload one interview (Taguette: ``POST /api/project/N/document/new``,
  cotheme: ``POST /api/v1/imports``), a new one each call;
* ``add_coding_{2.5k,10k,40k}`` - ~200 codings at random spans (20-400 characters) of one document
  of that length (``highlight/new`` with one tag / ``POST /api/v1/codings``); p50 and p95;
* ``open_{10k,40k}`` - open a document holding 1,000 codings: what the browser fetches before the text
  shows (Taguette: the project page for the document, then the document's highlights and its
  ``/contents`` JSON, as its script does; cotheme: ``GET /documents/{id}``, the reader's first screen
  with its codings; the rest of a long transcript comes as the reader scrolls);
* ``retrieve_9000`` - every extract of the code that holds 9,000 codings (Taguette pages its
  highlights 50 at a time: all 180 pages, what reading them all takes; ``retrieve_first_page`` is its
  first page against cotheme's whole answer);
* ``export_csv_9000`` / ``export_xlsx_9000`` - those extracts as CSV and Excel files;
* ``export_project`` - the whole project (Taguette: ``project.sqlite3``; cotheme: ``/api/v1/backup``);
* ``home_62`` / ``home_300`` - the project's home page at 62 and 300 documents (Taguette: the project
  page, which lists every document and tag);
* ``server_rss_mb`` - each server's VmRSS after serving every operation on the 9,000-coding project.

Ratios are Taguette's time over cotheme's (> 1: cotheme faster); memory is cotheme's over Taguette's.

    .venv/bin/python bench/versus_taguette.py --out bench/out/versus.json            # ~8-10 min
    .venv/bin/python bench/versus_taguette.py --rounds 3 --quick                      # a quick look
    PYTHONPATH=/path/to/other/src .venv/bin/python bench/versus_taguette.py ...      # another tree
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TAGUETTE = "taguette==1.5.2"
SIZES = {"2.5k": 2_500, "10k": 10_000, "40k": 40_000}
SEED = 190_000  # far from the seeds other benches use


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise RuntimeError(f"no VmRSS for process {pid}")


def to_html(text: str) -> bytes:
    """The transcript as Taguette reads HTML: one paragraph a turn."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head><body>\n{body}\n</body></html>".encode()


TAGUETTE_FILL = r"""
import json, sqlite3, sys
from taguette.extract import extract
rows = json.load(sys.stdin)
conn = sqlite3.connect(sys.argv[1], timeout=60)
tag = int(sys.argv[2])
contents = {}
with conn:
    for doc, start, end in rows:
        if doc not in contents:
            contents[doc] = conn.execute("SELECT contents FROM documents WHERE id = ?", (doc,)).fetchone()[0]
        cur = conn.execute("INSERT INTO highlights (document_id, start_offset, end_offset, snippet) VALUES (?, ?, ?, ?)",
                           (doc, start, end, extract(contents[doc], start, end)))
        conn.execute("INSERT INTO highlight_tags (highlight_id, tag_id) VALUES (?, ?)", (cur.lastrowid, tag))
"""


# -- the two servers -------------------------------------------------------------------------------
class Server:
    name = ""
    proc: subprocess.Popen[bytes]
    client: Any

    def _wait_for_url(self, pattern: str, out: Path, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = re.search(pattern, out.read_text(errors="replace"))
            if found:
                return found.group(0)
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} stopped at start:\n{out.read_text()[-2000:]}")
            time.sleep(0.05)
        raise RuntimeError(f"{self.name} did not print its URL within {timeout:.0f} s:\n{out.read_text()[-2000:]}")

    def stop(self) -> None:
        self.client.close()
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def rss_mb(self) -> float:
        return rss_mb(self.proc.pid)


class Taguette(Server):
    name = "taguette"

    def __init__(self, venv: Path, folder: Path) -> None:
        import httpx

        port = free_port()
        out = folder / "taguette.log"
        self.venv, self.database = venv, folder / "taguette.sqlite3"
        self.proc = subprocess.Popen(
            [str(venv / "bin" / "taguette"), "--no-browser", "--port", str(port), "--database",
             str(self.database)],
            stdout=out.open("wb"), stderr=subprocess.STDOUT, cwd=folder)
        url = self._wait_for_url(r"http://localhost:\d+/\?token=[0-9a-f]+", out)
        self.client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=300.0)
        self.client.get(url.replace("localhost", "127.0.0.1"), follow_redirects=True).raise_for_status()
        self.client.get("/project/new").raise_for_status()  # its form sets the _xsrf cookie
        xsrf = self.client.cookies.get("_xsrf")
        if not xsrf:
            raise RuntimeError("Taguette did not set its _xsrf cookie")
        self.xsrf = xsrf
        self.client.headers["X-XSRFToken"] = xsrf

    def new_project(self, title: str) -> int:
        r = self.client.post("/project/new", data={"name": title, "description": "", "_xsrf": self.xsrf})
        if r.status_code not in (302, 303):
            r.raise_for_status()
            raise RuntimeError(f"Taguette did not create the project ({r.status_code})")
        return int(r.headers["location"].rstrip("/").rsplit("/", 1)[1])

    def new_code(self, project: int, name: str) -> int:
        r = self.client.post(f"/api/project/{project}/tag/new", json={"path": name, "description": ""})
        r.raise_for_status()
        return int(r.json()["id"])

    def import_doc(self, project: int, name: str, text: str) -> int:
        files = {"file": (f"{name}.html", to_html(text), "text/html")}
        r = self.client.post(f"/api/project/{project}/document/new",
                             data={"name": name, "description": ""}, files=files)
        r.raise_for_status()
        return int(r.json()["created"])

    def code(self, project: int, doc: int, code: int, start: int, end: int) -> None:
        r = self.client.post(f"/api/project/{project}/document/{doc}/highlight/new",
                             json={"start_offset": start, "end_offset": end, "tags": [code]})
        r.raise_for_status()

    def fill(self, project: int, code: int, rows: list[tuple[int, int, int]]) -> None:
        """Untimed bulk codings straight into Taguette's database, each snippet cut by Taguette's own
        ``extract.extract`` (what ``highlight/new`` stores), in its own interpreter."""
        done = subprocess.run([str(self.venv / "bin" / "python"), "-c", TAGUETTE_FILL, str(self.database), str(code)],
                              input=json.dumps(rows), text=True, capture_output=True, check=False)
        if done.returncode:
            raise RuntimeError(f"Taguette bulk fill failed: {done.stderr[-2000:]}")

    def length(self, project: int, doc: int) -> int:
        r = self.client.get(f"/api/project/{project}/document/{doc}/contents")
        r.raise_for_status()
        return len(html.unescape(re.sub(r"<[^>]*>", "", r.json()["contents"][0]["contents"])))

    def open_doc(self, project: int, doc: int) -> int:
        size = 0
        for url in (f"/project/{project}/document/{doc}", f"/api/project/{project}/document/{doc}",
                    f"/api/project/{project}/document/{doc}/contents"):
            r = self.client.get(url)  # the page, then its script fetches the highlights and the text
            r.raise_for_status()
            size += len(r.content)
        return size

    def retrieve(self, project: int, path: str, first_page_only: bool = False) -> int:
        got, page, pages = 0, 1, 1
        while page <= pages:
            r = self.client.get(f"/api/project/{project}/highlights/{path}", params={"page": page})
            r.raise_for_status()
            body = r.json()
            got += len(body["highlights"])
            pages = 1 if first_page_only else body["pages"]
            page += 1
        return got

    def export(self, project: int, kind: str, path: str) -> int:
        url = (f"/project/{project}/export/project.sqlite3" if kind == "project"
               else f"/project/{project}/export/highlights/{path}.{kind}")
        r = self.client.get(url)
        r.raise_for_status()
        return len(r.content)

    def home(self, project: int) -> int:
        r = self.client.get(f"/project/{project}")
        r.raise_for_status()
        return len(r.content)


class Cotheme(Server):
    name = "cotheme"

    def __init__(self, folder: Path, title: str) -> None:
        import httpx

        target = folder / f"{title}.cotheme"
        self.target = target
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (env.get("PYTHONPATH", ""),) if p) or str(ROOT / "src")
        subprocess.run([sys.executable, "-m", "cotheme", "init", str(target), "--title", title,
                        "--lead", "Bench Lead"], check=True, env=env, capture_output=True)
        port = free_port()
        out = folder / f"cotheme-{title}.log"
        self.proc = subprocess.Popen([sys.executable, "-m", "cotheme", "serve", str(target), "--port", str(port)],
                                     stdout=out.open("wb"), stderr=subprocess.STDOUT, env=env, cwd=folder)
        url = self._wait_for_url(r"http://127\.0\.0\.1:\d+/\?token=[A-Za-z0-9_\-]+", out)
        self.client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=300.0)
        self.client.get(url)
        csrf = self.client.cookies.get("cotheme_csrf")
        if not csrf:
            raise RuntimeError("cotheme did not set its CSRF cookie")
        self.client.headers["X-CSRF-Token"] = csrf

    def new_code(self, _project: int, name: str) -> int:
        r = self.client.post("/api/v1/codes", json={"name": name})
        r.raise_for_status()
        return int(r.json()["id"])

    def import_doc(self, _project: int, name: str, text: str) -> int:
        r = self.client.post("/api/v1/imports", files=[("files", (f"{name}.txt", text.encode(), "text/plain"))])
        r.raise_for_status()
        return int(r.json()["documents"][0]["id"])

    def code(self, _project: int, doc: int, code: int, start: int, end: int) -> None:
        r = self.client.post("/api/v1/codings", json={"document_id": doc, "code_id": code, "start": start, "end": end})
        r.raise_for_status()

    def fill(self, _project: int, code: int, rows: list[tuple[int, int, int]]) -> None:
        """Untimed bulk codings through cotheme's own storage (one write transaction, as
        ``store_bench.bulk_codings``); the server sees them at its next request (the data version rose)."""
        from sqlalchemy import select

        from cotheme.domain.text import anchor_in
        from cotheme.storage import codings as codings_repo
        from cotheme.storage.schema import documents, members, revisions
        from cotheme.storage.store import Store, now

        store = Store.open(str(self.target))
        try:
            with store.write() as conn:
                coder = conn.execute(select(members.c.id).where(members.c.name == "Bench Lead")).scalar_one()
                texts = {d: (rev, text) for d, rev, text in conn.execute(
                    select(documents.c.id, revisions.c.id, revisions.c.text)
                    .join(revisions, revisions.c.id == documents.c.current_revision_id)
                    .where(documents.c.id.in_(sorted({r[0] for r in rows})))).all()}
                stamp = now()
                batch = []
                for doc, start, end in rows:
                    rev, text = texts[doc]
                    a = anchor_in(text, start, end)
                    batch.append({"document_id": doc, "revision_id": rev, "code_id": code, "coder_id": coder,
                                  "start_offset": a.start, "end_offset": a.end, "quote": a.quote,
                                  "prefix": a.prefix, "suffix": a.suffix, "created_at": stamp, "updated_at": stamp})
                codings_repo.insert_many(conn, batch)
        finally:
            store.close()

    def length(self, _project: int, doc: int) -> int:
        r = self.client.get(f"/api/v1/documents/{doc}")
        r.raise_for_status()
        return len(r.json()["text"])

    def open_doc(self, _project: int, doc: int) -> int:
        r = self.client.get(f"/documents/{doc}")
        r.raise_for_status()
        return len(r.content)

    def retrieve(self, _project: int, code: int, first_page_only: bool = False) -> int:
        r = self.client.get("/api/v1/extracts", params={"code": code})
        r.raise_for_status()
        return len(r.json())

    def export(self, _project: int, kind: str, code: int) -> int:
        url = "/api/v1/backup" if kind == "project" else f"/api/v1/extracts.{kind}"
        r = self.client.get(url, params={} if kind == "project" else {"code": code})
        r.raise_for_status()
        return len(r.content)

    def home(self, _project: int) -> int:
        r = self.client.get("/")
        r.raise_for_status()
        return len(r.content)


# -- measuring -------------------------------------------------------------------------------------
def clock(call: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    value = call()
    return (time.perf_counter() - t0) * 1000, value


def alternate(rounds: int, calls: int, op: Callable[[str, int, int], Any]) -> dict[str, list[list[float]]]:
    """``rounds`` rounds of ``calls`` calls per server; who goes first flips each call."""
    times: dict[str, list[list[float]]] = {"taguette": [], "cotheme": []}
    for r in range(rounds):
        for side in times:
            times[side].append([])
        for i in range(calls):
            order = ("taguette", "cotheme") if (r + i) % 2 == 0 else ("cotheme", "taguette")
            for side in order:
                ms, _ = clock(lambda side=side: op(side, r, i))
                times[side][-1].append(ms)
    return times


def figure(times: dict[str, list[list[float]]], p95: bool = False) -> dict[str, Any]:
    """Medians of the rounds' medians (and p95 over every call), logged as soon as they are known so
    that a run stopped part-way still tells what it measured."""
    out = _figure(times, p95)
    log(f"  -> {json.dumps(out)}")
    return out


def _figure(times: dict[str, list[list[float]]], p95: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for side, runs in times.items():
        out[side] = round(statistics.median(statistics.median(r) for r in runs), 2)
        if p95:
            every = sorted(t for r in runs for t in r)
            out[f"{side}_p95"] = round(every[min(len(every) - 1, int(0.95 * len(every)))], 2)
    out["ratio"] = round(out["taguette"] / out["cotheme"], 1)
    if p95:
        out["ratio_p95"] = round(out["taguette_p95"] / out["cotheme_p95"], 1)
    return out


def spans(length: int, n: int, seed: int) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        span = rng.randint(20, 400)
        start = rng.randrange(0, max(1, length - span))
        out.append((start, start + span))
    return out


def common_length(servers: dict[str, Any], projects: dict[str, int], docs: dict[str, list[int]], k: int) -> int:
    """The shorter of the two servers' texts of the k-th document (cotheme keeps speaker labels out of
    the text; Taguette counts the text of its HTML): spans within it are valid on both."""
    return min(servers[s].length(projects[s], docs[s][k]) for s in servers)


# -- the scenario ----------------------------------------------------------------------------------
def ensure_taguette(venv: Path) -> Path:
    exe = venv / "bin" / "taguette"
    if exe.exists():
        return venv
    log(f"installing {TAGUETTE} into {venv} (once)")
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", TAGUETTE], check=True)
    return venv


def main_project(tg: Taguette, ct: Cotheme, args: argparse.Namespace) -> tuple[dict[str, Any], dict[str, Any]]:
    rows: dict[str, Any] = {}
    tp = tg.new_project("versus")
    projects = {"taguette": tp, "cotheme": 0}
    servers: dict[str, Server] = {"taguette": tg, "cotheme": ct}
    code = {s: servers[s].new_code(projects[s], "Versus/added") for s in servers}  # type: ignore[attr-defined]
    docs: dict[str, dict[str, list[int]]] = {s: {k: [] for k in SIZES} for s in servers}
    texts: dict[str, list[str]] = {k: [] for k in SIZES}

    # Imports: a new interview each call, the same text for both servers.
    for label, words in SIZES.items():
        n = args.import_calls
        for r in range(args.rounds):
            for i in range(n):
                texts[label].append(corpus.make_interview(SEED + words + 100 * r + i, words).decode("utf-8"))

        def do_import(side: str, r: int, i: int, label: str = label) -> None:
            text = texts[label][r * args.import_calls + i]
            docs[side][label].append(servers[side].import_doc(projects[side], f"{label}-{r}-{i}", text))  # type: ignore[attr-defined]

        log(f"import {label}: {args.rounds} rounds x {n}")
        rows[f"import_{label}"] = figure(alternate(args.rounds, n, do_import))

    # Adding codings: ~200 per document size, at the same spans on both.
    for label in SIZES:
        text = texts[label][0]
        first = common_length(servers, projects, {s: docs[s][label] for s in servers}, 0)
        where = spans(first - 10, args.codings, SEED + len(text))
        per_round = max(1, args.codings // args.rounds)

        def do_code(side: str, r: int, i: int, label: str = label, where: list[tuple[int, int]] = where,
                    per_round: int = per_round) -> None:
            start, end = where[(r * per_round + i) % len(where)]
            servers[side].code(projects[side], docs[side][label][0], code[side], start, end)  # type: ignore[attr-defined]

        log(f"add coding {label}: {args.rounds} rounds x {per_round}")
        rows[f"add_coding_{label}"] = figure(alternate(args.rounds, per_round, do_code), p95=True)

    # Open a 10k / 40k document holding 1,000 codings (untimed fill to 1,000 first).
    for label in ("10k", "40k"):
        text = texts[label][0]
        have = max(1, args.codings // args.rounds) * args.rounds
        first = common_length(servers, projects, {s: docs[s][label] for s in servers}, 0)
        fill = spans(first - 10, args.open_codings - have, SEED + 7 + len(text))
        log(f"open {label}: filling to {args.open_codings} codings")
        for side in servers:
            if args.fill == "direct":
                servers[side].fill(projects[side], code[side], [(docs[side][label][0], a, b) for a, b in fill])  # type: ignore[attr-defined]
                continue
            for start, end in fill:
                servers[side].code(projects[side], docs[side][label][0], code[side], start, end)  # type: ignore[attr-defined]

        def do_open(side: str, _r: int, _i: int, label: str = label) -> int:
            return servers[side].open_doc(projects[side], docs[side][label][0])  # type: ignore[attr-defined]

        rows[f"open_{label}"] = figure(alternate(args.rounds, args.open_calls, do_open))
        rows[f"open_{label}"]["bytes"] = {s: do_open(s, 0, 0) for s in servers}

    # 9,000 codings of one code, round-robin over every document imported.
    retrieval = {"taguette": tg.new_code(tp, "Retrieval"), "cotheme": ct.new_code(0, "Retrieval")}
    every = {s: [d for label in SIZES for d in docs[s][label]] for s in servers}
    lengths = [common_length(servers, projects, every, k) for k in range(len(every["cotheme"]))]
    log(f"coding {args.extracts} extracts on each server (untimed)")
    rng = random.Random(SEED + 9)
    fill_s = {s: 0.0 for s in servers}
    planned = []
    for n in range(args.extracts):
        k = n % len(lengths)
        span = rng.randint(20, 400)
        start = rng.randrange(0, lengths[k] - span - 10)
        planned.append((k, start, start + span))
    for side in servers:
        t0 = time.perf_counter()
        if args.fill == "direct":
            servers[side].fill(projects[side], retrieval[side], [(every[side][k], a, b) for k, a, b in planned])  # type: ignore[attr-defined]
        else:
            for k, a, b in planned:
                servers[side].code(projects[side], every[side][k], retrieval[side], a, b)  # type: ignore[attr-defined]
        fill_s[side] += time.perf_counter() - t0
    rows["_fill_codings_seconds"] = {s: round(v, 1) for s, v in fill_s.items()}
    key = {"taguette": "Retrieval", "cotheme": retrieval["cotheme"]}

    counts: dict[str, int] = {}

    def do_retrieve(side: str, _r: int, _i: int) -> None:
        counts[side] = servers[side].retrieve(projects[side], key[side])  # type: ignore[attr-defined]

    log("retrieve")
    rows[f"retrieve_{args.extracts}"] = figure(alternate(args.rounds, args.read_calls, do_retrieve))
    rows[f"retrieve_{args.extracts}"]["extracts"] = dict(counts)
    rows["retrieve_first_page"] = figure(alternate(args.rounds, args.read_calls, lambda side, _r, _i: servers[side]
                                                   .retrieve(projects[side], key[side], True)))  # type: ignore[attr-defined]
    for kind in ("csv", "xlsx", "project"):
        log(f"export {kind}")
        name = f"export_{kind}_{args.extracts}" if kind != "project" else "export_project"
        rows[name] = figure(alternate(args.rounds, args.read_calls, lambda side, _r, _i, kind=kind: servers[side]
                                      .export(projects[side], kind, key[side])))  # type: ignore[attr-defined]
    memory = {"taguette_mb": tg.rss_mb(), "cotheme_mb": ct.rss_mb()}
    memory["ratio"] = round(memory["cotheme_mb"] / memory["taguette_mb"], 2)
    return rows, memory


def home_rows(tg: Taguette, folder: Path, args: argparse.Namespace) -> dict[str, Any]:
    ct = Cotheme(folder, "home")
    try:
        tp = tg.new_project("home")
        servers: dict[str, Any] = {"taguette": (tg, tp), "cotheme": (ct, 0)}
        for server, project in servers.values():
            for c in range(8):
                server.new_code(project, f"Home/code {c + 1}")
        rows: dict[str, Any] = {}
        have = 0
        for target in args.home_docs:
            log(f"home: importing up to {target} documents on each server")
            for n in range(have, target):
                text = corpus.make_interview(SEED + 50_000 + n, args.home_words).decode("utf-8")
                for server, project in servers.values():
                    server.import_doc(project, f"home-{n}", text)
            have = target
            for server, project in servers.values():
                server.home(project)  # the first after the imports is a write's recomputation
            rows[f"home_{target}"] = figure(alternate(args.rounds, args.read_calls, lambda side, _r, _i:
                                                      servers[side][0].home(servers[side][1])))
            rows[f"home_{target}"]["bytes"] = {s: v[0].home(v[1]) for s, v in servers.items()}
        return rows
    finally:
        ct.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="cotheme against Taguette 1.5.2 over HTTP.")
    parser.add_argument("--venv", type=Path, default=ROOT / "build" / "taguette-venv",
                        help="Taguette's own virtualenv (made with pip install taguette==1.5.2 if missing)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per operation (default 5)")
    parser.add_argument("--quick", action="store_true", help="fewer codings and extracts, to try the bench")
    parser.add_argument("--fill", choices=("direct", "api"), default="direct",
                        help="how the untimed codings (1,000 per open document, the 9,000 extracts) are made: "
                             "straight into each database (default) or one HTTP call each (~10x longer)")
    parser.add_argument("--out", type=Path, help="also write the JSON here")
    args = parser.parse_args(argv)
    args.import_calls, args.codings, args.open_codings, args.open_calls = 2, 200, 1000, 4
    args.extracts, args.read_calls, args.home_docs, args.home_words = 9000, 2, [62, 300], 1000
    if args.quick:
        args.codings, args.open_codings, args.extracts, args.home_docs = 40, 200, 900, [10, 30]
    venv = ensure_taguette(args.venv.resolve())
    t0 = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="cotheme-versus-"))
    load = [os.getloadavg()[0]]
    tg = Taguette(venv, folder)
    try:
        ct = Cotheme(folder, "versus")
        try:
            rows, memory = main_project(tg, ct, args)
        finally:
            ct.stop()
        rows |= home_rows(tg, folder, args)
    finally:
        tg.stop()
        shutil.rmtree(folder, ignore_errors=True)
    load.append(os.getloadavg()[0])
    document = {
        "what": "client round trip in ms over HTTP on 127.0.0.1, median of per-round medians; ratio = taguette / cotheme",
        "rounds": args.rounds, "rows": rows, "server_rss": memory,
        "below_10x": sorted(k for k, v in rows.items() if not k.startswith("_") and v["ratio"] < 10),
        "load_average_1min": load, "seconds": round(time.perf_counter() - t0, 1),
        "cotheme_source": os.environ.get("PYTHONPATH", str(ROOT / "src")), "fill": args.fill,
    }
    text = json.dumps(document, indent=2)
    print(text)
    print(table(document), file=sys.stderr)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n")
    return 0


def table(document: dict[str, Any]) -> str:
    lines = ["| operation | Taguette 1.5.2 ms | cotheme ms | ratio |", "|---|---|---|---|"]
    for name, row in document["rows"].items():
        if name.startswith("_"):
            continue
        lines.append(f"| {name} | {row['taguette']} | {row['cotheme']} | {row['ratio']}x |")
        if "taguette_p95" in row:
            lines.append(f"| {name} p95 | {row['taguette_p95']} | {row['cotheme_p95']} | {row['ratio_p95']}x |")
    m = document["server_rss"]
    lines.append(f"| server RSS MB | {m['taguette_mb']} | {m['cotheme_mb']} | {m['ratio']}x (cotheme/Taguette) |")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
