"""Many coders writing at once: N processes add codings to one document for S seconds, through the web
API of one real ``cotheme serve`` (``--mode web``, default; as many server processes as it starts by
default, or ``--workers N``) or each straight through the Python
API on its own connection (``--mode api``), on a project file (``--engine sqlite``) or PostgreSQL
(``--engine pg``). Prints one JSON document: writes acknowledged, failures by kind, writes per second,
latency percentiles, and the acknowledged codings missing from the project at the end (must be 0).

    .venv/bin/python bench/team_bench.py --engine sqlite [--mode web|api] [--coders 10] [--seconds 60]
    .venv/bin/python bench/team_bench.py --engine pg --seconds 20 --pg postgresql://root@127.0.0.1/test

The project (10 coders with accounts, one short transcript, one code) is made with the ``cotheme``
found on ``PYTHONPATH``, so the same script measures any tree. Each writer process logs in (web) or
opens the project (api) and makes one untimed warm-up coding first; all start together. A failure's kind is its HTTP status and the first
words of the server's sentence (web), or the exception's class and first words (api): a raw
``OperationalError`` shows up under its own name. ``load`` is the 1-minute load average before and
after (the figures move with it on a shared machine). On PostgreSQL, ``pg_busy_connection_samples``
counts what the project's busy connections waited on, sampled every 50 ms: ``Lock`` is writers queuing
on a row lock (the contention to remove), ``Client`` the database waiting for Python. Web mode also
gives ``server_time_ms`` (the server's own time per write, from its ``Server-Timing`` header: latency
minus it is queueing for the event loop, a thread or the socket, and the client's own time) and
``server_cpu_ms_per_write`` (CPU of the server and its worker processes during the run / writes).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

from engines import project_target

PASSWORD = "correct horse battery staple"
TEXT = "".join(
    f"Interviewer: Question {n}: how did the waiting feel then?\n\n"
    f"P01: Answer {n}: it was long, and the nurse was kind but the waiting times were hard on me.\n\n"
    for n in range(40)
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def prepare(target: str, coders: int, folder: Path) -> dict[str, Any]:
    """A project with ``coders`` accounts, one transcript and one code; their ids and the text length."""
    import cotheme
    from argon2 import PasswordHasher
    from cotheme.services import accounts

    accounts.HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)  # the bench is not about logins
    names = [f"Coder {i:02d}" for i in range(coders)]
    with cotheme.create_project(target, title="Team bench", lead="Lead") as project:
        for name in names:
            project.team.add_user(name, PASSWORD)
        path = folder / "P01.txt"
        path.write_text(TEXT, encoding="utf-8")
        doc = project.documents.import_files([path], allow_duplicate=True)[0]
        code = project.codes.create("Busy")
        length = len(project.documents.get(doc.id).text)
    return {"names": names, "doc": doc.id, "code": code.id, "length": length}


class Server:
    """``python -m cotheme serve TARGET --team`` in its own process, on a free port."""

    def __init__(self, target: str, workers: int | None = None) -> None:
        self.port = free_port()
        chosen = [] if workers is None else ["--workers", str(workers)]
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "cotheme", "serve", target, "--team", "--port", str(self.port), *chosen],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server did not start: {self.proc.stderr.read() if self.proc.stderr else ''}")
            try:
                httpx.get(self.base + "/login", timeout=1)
                return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("the server did not answer within 60 s")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(root: int) -> float:
    """CPU time (user + system, s) used so far by process ``root`` and every live process under it
    (a server's workers), from Linux's /proc; 0.0 elsewhere."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        pid = int(entry.parent.name)
        parents[pid] = int(fields[1])
        times[pid] = (int(fields[11]) + int(fields[12])) / _TICK
    total = 0.0
    for pid, cpu in times.items():
        up = pid
        while up not in (0, 1) and up != root:
            up = parents.get(up, 0)
        if up == root:
            total += cpu
    return total


def kind_of(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split()[:6])}"


def web_writer(base: str, name: str, setup: dict[str, Any], start_at: float, seconds: float) -> dict[str, Any]:
    rng = random.Random(name)
    latencies: list[float] = []
    served: list[float] = []  # the server's own time (its Server-Timing header): the rest is queueing
    failures: Counter[str] = Counter()
    ids: list[int] = []
    with httpx.Client(base_url=base, timeout=120) as client:
        token = client.post("/api/v1/login", json={"name": name, "password": PASSWORD}).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        body = {"document_id": setup["doc"], "code_id": setup["code"], "start": 0, "end": 8}
        warm = client.post("/api/v1/codings", headers=headers, json=body)  # first-use costs, not timed
        if warm.status_code == 201:
            ids.append(int(warm.json()["id"]))
        time.sleep(max(0.0, start_at - time.time()))
        until = time.monotonic() + seconds
        while time.monotonic() < until:
            start = rng.randrange(0, setup["length"] - 10)
            body = {"document_id": setup["doc"], "code_id": setup["code"], "start": start, "end": start + 8}
            began = time.perf_counter()
            try:
                response = client.post("/api/v1/codings", headers=headers, json=body)
            except httpx.HTTPError as exc:
                failures[kind_of(exc)] += 1
                continue
            latencies.append((time.perf_counter() - began) * 1000)
            timing = response.headers.get("server-timing", "")
            if "dur=" in timing:
                served.append(float(timing.split("dur=", 1)[1].split(",")[0]))
            if response.status_code == 201:
                ids.append(int(response.json()["id"]))
            else:
                sentence = str(response.json().get("error", "")) if response.headers.get("content-type", "").startswith("application/json") else ""
                failures[f"{response.status_code}: {' '.join(sentence.split()[:8])}"] += 1
    return {"latencies": latencies, "failures": dict(failures), "ids": ids, "served": served}


def api_writer(target: str, name: str, setup: dict[str, Any], start_at: float, seconds: float) -> dict[str, Any]:
    import cotheme
    from cotheme.errors import CothemeError

    rng = random.Random(name)
    latencies: list[float] = []
    failures: Counter[str] = Counter()
    ids: list[int] = []
    with cotheme.open_project(target) as project:
        ids.append(project.codings.add(str(setup["doc"]), "Busy", start=0, end=8, coder=name).id)  # warm, not timed
        time.sleep(max(0.0, start_at - time.time()))
        until = time.monotonic() + seconds
        while time.monotonic() < until:
            start = rng.randrange(0, setup["length"] - 10)
            began = time.perf_counter()
            try:
                coding = project.codings.add(str(setup["doc"]), "Busy", start=start, end=start + 8, coder=name)
            except CothemeError as exc:
                failures[kind_of(exc)] += 1
                continue
            except Exception as exc:  # a raw database error is what the bench is looking for
                failures["raw " + kind_of(exc)] += 1
                continue
            latencies.append((time.perf_counter() - began) * 1000)
            ids.append(coding.id)
    return {"latencies": latencies, "failures": dict(failures), "ids": ids}


class WaitSampler:
    """What the project's PostgreSQL connections wait on, sampled every 50 ms while the writers run
    (``pg_stat_activity``; the connections carry this run's ``application_name``): ``Lock`` samples
    are writers queuing on a row lock, ``Client`` ones the server waiting for Python."""

    def __init__(self, url: str, name: str) -> None:
        self.url, self.name = url.split("?")[0], name
        self.seen: Counter[str] = Counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            while not self._stop.wait(0.05):
                rows = conn.execute(
                    "SELECT coalesce(wait_event_type, 'CPU') FROM pg_stat_activity "
                    "WHERE application_name = %s AND state <> 'idle'", (self.name,)).fetchall()
                self.seen.update(row[0] for row in rows)

    def stop(self) -> dict[str, int]:
        self._stop.set()
        self._thread.join()
        return dict(self.seen.most_common())


def run(target: str, engine: str, mode: str, coders: int, seconds: float, folder: Path,
        workers: int | None = None) -> dict[str, Any]:
    setup = prepare(target, coders, folder)
    load_before = os.getloadavg()[0]
    sampler = None
    if engine == "postgresql":
        name = f"team_bench_{os.getpid()}"
        target = f"{target}&application_name={name}" if "?" in target else f"{target}?application_name={name}"
        sampler = WaitSampler(target, name)
    server = Server(target, workers) if mode == "web" else None
    try:
        start_at = time.time() + 8.0  # every writer started, logged in and warm before the clock starts
        context = multiprocessing.get_context("spawn")
        with context.Pool(coders) as pool:
            jobs = [
                pool.apply_async(web_writer, (server.base, n, setup, start_at, seconds)) if server is not None
                else pool.apply_async(api_writer, (target, n, setup, start_at, seconds))
                for n in setup["names"]
            ]
            cpu_began = None
            if server is not None:
                time.sleep(max(0.0, start_at - time.time()))
                cpu_began = cpu_seconds(server.proc.pid)
            results = [job.get(timeout=seconds + 600) for job in jobs]
            server_cpu = cpu_seconds(server.proc.pid) - cpu_began if server is not None and cpu_began is not None else None
    finally:
        if server is not None:
            server.stop()
    import cotheme

    with cotheme.open_project(target) as project:
        stored = {e.id for e in project.codings.list()}
    latencies = [x for r in results for x in r["latencies"]]
    ok = [i for r in results for i in r["ids"]]
    failures = sum((Counter(r["failures"]) for r in results), Counter[str]())
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    served = [x for r in results for x in r.get("served", [])]
    served_cuts = statistics.quantiles(served, n=100) if len(served) > 1 else None
    return {
        "engine": engine, "mode": mode, "coders": coders, "seconds": seconds,
        "workers": workers if workers is not None else "default",
        "writes": len(latencies), "failures": sum(failures.values()), "failures_by_kind": dict(failures),
        "raw_failures": sum(n for k, n in failures.items() if k.startswith(("raw ", "500"))),
        "lost_writes": len(set(ok) - stored), "writes_per_s": round(len(latencies) / seconds, 1),
        "latency_ms": {"p50": round(cuts[49], 1), "p95": round(cuts[94], 1), "p99": round(cuts[98], 1),
                       "max": round(max(latencies, default=0.0), 1)},
        # From the gate to the answer's first byte, inside the server: latency minus this is the time a
        # request waited for the event loop, a thread or the socket (and the client's own time).
        "server_time_ms": {"p50": round(served_cuts[49], 1), "p95": round(served_cuts[94], 1),
                           "p99": round(served_cuts[98], 1)} if served_cuts else None,
        "server_cpu_ms_per_write": round(server_cpu * 1000 / len(latencies), 2) if server_cpu and latencies else None,
        "load": [round(load_before, 2), round(os.getloadavg()[0], 2)], "cpus": os.cpu_count(),
        "pg_busy_connection_samples": sampler.stop() if sampler is not None else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", choices=["sqlite", "pg"], default="sqlite")
    parser.add_argument("--mode", choices=["web", "api"], default="web")
    parser.add_argument("--coders", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=None,
                        help="server processes (web mode); default: the server's own default")
    parser.add_argument("--pg", default=os.environ.get("COTHEME_TEST_PG_URL", "postgresql://root@127.0.0.1:5432/test"))
    args = parser.parse_args()
    engine = "sqlite" if args.engine == "sqlite" else "postgresql"
    with tempfile.TemporaryDirectory() as folder, project_target(args.engine, Path(folder), args.pg, "bench") as target:
        result = run(target, engine, args.mode, args.coders, args.seconds, Path(folder), args.workers)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
