"""Ten coders applying codings at once through a live team server (issue #4), on a project file and on
PostgreSQL: prints JSON figures (codings acknowledged and stored per engine, per second, answers other
than 201, latency percentiles).

    .venv/bin/python bench/team_bench.py --seconds 60 [--coders 10] [--pg postgresql://root@127.0.0.1/test]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import httpx
import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cotheme  # noqa: E402
from tests.team.conftest import PASSWORD, TEXT  # noqa: E402
from tests.web.conftest import LiveServer  # noqa: E402


def coder(base: str, name: str, doc: int, code: int, length: int, until: float, tally: Counter[str],
          latencies: list[float]) -> None:
    rng = random.Random(name)
    with httpx.Client(base_url=base, timeout=120) as client:
        token = client.post("/api/v1/login", json={"name": name, "password": PASSWORD}).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        while time.monotonic() < until:
            start = rng.randrange(0, length - 10)
            began = time.perf_counter()
            response = client.post("/api/v1/codings", headers=headers,
                                   json={"document_id": doc, "code_id": code, "start": start, "end": start + 8})
            latencies.append((time.perf_counter() - began) * 1000)
            tally["ok" if response.status_code == 201 else str(response.status_code)] += 1


def run(target: str, coders: int, seconds: float, folder: Path) -> dict[str, object]:
    project = cotheme.create_project(target, title="Team bench", lead="Lead")
    names = [f"Coder {i:02d}" for i in range(coders)]
    for name in names:
        project.add_user(name, PASSWORD)
    path = folder / "P01.txt"
    path.write_text(TEXT, encoding="utf-8")
    doc = project.import_files([path], allow_duplicate=True)[0]
    code = project.create_code("Busy")
    length = len(project.document(doc.id).text)
    tallies = {n: Counter[str]() for n in names}
    latencies: list[float] = []
    with LiveServer(project) as base:
        until = time.monotonic() + seconds
        threads = [threading.Thread(target=coder, args=(base, n, doc.id, code.id, length, until, tallies[n], latencies))
                   for n in names]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    stored = Counter(e.coder for e in project.codings())
    acknowledged = sum(t["ok"] for t in tallies.values())
    others = sum((t for t in tallies.values()), Counter[str]())
    others.pop("ok", None)
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    result = {
        "engine": "postgresql" if target.startswith("postgresql") else "sqlite", "coders": coders,
        "seconds": seconds, "acknowledged": acknowledged, "stored": sum(stored.values()),
        "every_acknowledged_stored": all(stored[n] == tallies[n]["ok"] for n in names),
        "per_second": round(acknowledged / seconds, 1), "other_answers": dict(others),
        "server_errors": sum(n for s, n in others.items() if s.startswith("5")),
        "latency_ms_p50": round(cuts[49], 1), "latency_ms_p95": round(cuts[94], 1),
    }
    project.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--coders", type=int, default=10)
    parser.add_argument("--pg", default="postgresql://root@127.0.0.1:5432/test")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as folder:
        results.append(run(str(Path(folder) / "bench.cotheme"), args.coders, args.seconds, Path(folder)))
        schema = f"cotheme_bench_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(args.pg, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        try:
            sep = "&" if "?" in args.pg else "?"
            results.append(run(f"{args.pg}{sep}options=-csearch_path%3D{schema}", args.coders, args.seconds, Path(folder)))
        finally:
            with psycopg.connect(args.pg, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
