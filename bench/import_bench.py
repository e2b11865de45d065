"""Import benchmark: uploading transcripts through the import API, against budgets.

Prints ONE JSON document to stdout (progress goes to stderr). A fresh, empty project (SQLite file, or
PostgreSQL with ``--pg URL``) is served by uvicorn on 127.0.0.1 (a thread of this process, as
tests/web/conftest.py does) and measured from outside through real HTTP, as the import page sends it:

* ``upload_import_s`` - client-measured wall time of ONE ``POST /api/v1/imports`` carrying
  ``--interviews`` transcripts of ``--words`` words (``bench/corpus.py``, speaker-prefixed .txt) as
  multipart ``files``: upload, parsing and storing, until the 201 answer. Budget: 30 x 10k words < 10 s.
  Each run uses a new project (a second run would be refused as duplicates).
* ``preview_ms`` - client-measured round trip of ``POST /api/v1/imports/preview`` with one transcript
  of ``--words`` words, as ``.txt`` and as ``.docx`` (the same words, one paragraph per turn). Budget:
  < 300 ms. ``server_ms`` beside it is the server's own time (``Server-Timing: app;dur=``).

Figures are ``p50`` (what is judged), ``min`` and ``max`` of ``--runs`` runs, with ``budget`` and
``within_budget``; ``load_average_1min`` before and after says how busy the machine was.

    .venv/bin/python bench/import_bench.py --out bench/out/import.json
    .venv/bin/python bench/import_bench.py --pg postgresql+psycopg://root@127.0.0.1:5432/test
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import docx
import httpx
import uvicorn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import interviews, make_interview  # noqa: E402

import cotheme  # noqa: E402
from cotheme.services.project import Project  # noqa: E402
from cotheme.web.app import create_app  # noqa: E402

TOKEN = "bench-token"
BUDGET_IMPORT_S = 10.0
BUDGET_PREVIEW_MS = 300.0


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextmanager
def served(project: Project) -> Iterator[httpx.Client]:
    server = uvicorn.Server(uvicorn.Config(create_app(project, TOKEN), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=300,
                      headers={"Authorization": f"Bearer {TOKEN}"}) as client:
        yield client
    server.should_exit = True
    thread.join(timeout=10)


@contextmanager
def fresh_project(pg: str | None, folder: Path) -> Iterator[Project]:
    if pg is None:
        with cotheme.create_project(folder / f"{uuid.uuid4().hex}.cotheme", lead="Lead") as project:
            yield project
        return
    import sqlalchemy as sa

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(pg)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    url = f"{pg}{'&' if '?' in pg else '?'}options=-csearch_path%3D{schema}"
    try:
        with cotheme.create_project(url, lead="Lead") as project:
            yield project
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def as_docx(text: bytes) -> bytes:
    document = docx.Document()
    for paragraph in text.decode("utf-8").split("\n\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph.strip())
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def figure(values: list[float], budget: float) -> dict[str, object]:
    p50 = statistics.median(values)
    return {"p50": round(p50, 3), "min": round(min(values), 3), "max": round(max(values), 3), "runs": len(values),
            "budget": budget, "within_budget": p50 < budget}


def bench_import(args: argparse.Namespace, folder: Path) -> dict[str, object]:
    files = [("files", (name, data, "text/plain")) for name, data in interviews(args.interviews, args.words, 1)]
    megabytes = sum(len(f[1][1]) for f in files) / 1024 / 1024
    times = []
    for run in range(args.runs):
        with fresh_project(args.pg, folder) as project, served(project) as client:
            began = time.perf_counter()
            answer = client.post("/api/v1/imports", files=files)
            times.append(time.perf_counter() - began)
            assert answer.status_code == 201, answer.text
            assert len(answer.json()["documents"]) == args.interviews
            say(f"import run {run + 1}: {times[-1]:.2f} s")
    return {"interviews": args.interviews, "words": args.words, "upload_mb": round(megabytes, 2),
            **figure(times, BUDGET_IMPORT_S)}


def bench_preview(args: argparse.Namespace, folder: Path) -> dict[str, object]:
    text = make_interview(7, args.words)
    found: dict[str, object] = {}
    with fresh_project(args.pg, folder) as project, served(project) as client:
        for kind, name, data in (("txt", "P07.txt", text), ("docx", "P07.docx", as_docx(text))):
            client.post("/api/v1/imports/preview", files=[("files", (name, data))])  # warm up
            rounds, server = [], []
            for _ in range(args.preview_runs):
                began = time.perf_counter()
                answer = client.post("/api/v1/imports/preview", files=[("files", (name, data))])
                rounds.append((time.perf_counter() - began) * 1000)
                server.append(float(answer.headers["server-timing"].split("dur=")[1]))
                assert answer.status_code == 200 and answer.json()[0]["error"] is None, answer.text
            found[kind] = {**figure(rounds, BUDGET_PREVIEW_MS), "server_ms_p50": round(statistics.median(server), 2),
                           "words": answer.json()[0]["words"], "turns": answer.json()[0]["turns"]}
            say(f"preview {kind}: p50 {statistics.median(rounds):.1f} ms")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--interviews", type=int, default=30)
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--preview-runs", type=int, default=20)
    parser.add_argument("--pg", help="a PostgreSQL URL (a schema is made and dropped); default: SQLite file")
    parser.add_argument("--out", help="also write the JSON here")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        result = {
            "engine": "postgresql" if args.pg else "sqlite",
            "upload_import_s": bench_import(args, Path(tmp)),
            "preview_ms": bench_preview(args, Path(tmp)),
            "load_average_1min": {"before": round(load_before, 2), "after": round(os.getloadavg()[0], 2)},
            "cpus": os.cpu_count(),
        }
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
