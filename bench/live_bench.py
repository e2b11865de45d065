"""Live updates under load: N coders connected to one team server (loopback only), each following the
live feed (``GET /api/v1/events``, server-sent events) and adding a coding every ``--every`` seconds for
``--seconds``. Prints one JSON document: writes, write latency percentiles, event delivery percentiles
(from a write's acknowledgement to each other coder's stream receiving its event; an event that came
before the acknowledgement counts 0), lost events (acknowledged codings some stream never received),
errors, and the load average before and after.

    .venv/bin/python bench/live_bench.py --engine sqlite [--coders 50] [--every 2] [--seconds 120]
    .venv/bin/python bench/live_bench.py --engine pg --pg postgresql://root@127.0.0.1/test

The project and server are made as ``team_bench.py`` makes them (accounts, one transcript, one code); all
clients run in this one process on asyncio, so the figures include the client's share of the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from engines import project_target  # noqa: E402
from team_bench import PASSWORD, Server, prepare  # noqa: E402


def cuts(values: list[float]) -> dict[str, float]:
    if len(values) < 2:
        return {"p50": 0.0, "p95": 0.0, "p99": 0.0, "max": round(max(values, default=0.0), 1)}
    q = statistics.quantiles(values, n=100)
    return {"p50": round(q[49], 1), "p95": round(q[94], 1), "p99": round(q[98], 1), "max": round(max(values), 1)}


class Coder:
    def __init__(self, base: str, name: str, setup: dict[str, Any]) -> None:
        self.name, self.setup = name, setup
        self.client = httpx.AsyncClient(base_url=base, timeout=60)
        self.headers: dict[str, str] = {}
        self.received: dict[int, float] = {}  # coding id -> when its event arrived
        self.acked: dict[int, float] = {}     # coding id -> when this coder's write was acknowledged
        self.write_ms: list[float] = []
        self.errors: list[str] = []
        self.ready = asyncio.Event()

    async def login(self) -> None:
        token = (await self.client.post("/api/v1/login", json={"name": self.name, "password": PASSWORD})).json()["token"]
        self.headers = {"Authorization": f"Bearer {token}"}

    async def listen(self, stop: asyncio.Event) -> None:
        headers = self.headers | {"Accept": "text/event-stream"}
        url = f"/api/v1/events?document={self.setup['doc']}"
        try:
            async with self.client.stream("GET", url, headers=headers, timeout=None) as response:
                event, data = "", ""
                async for line in response.aiter_lines():
                    if line.startswith("retry:"):
                        self.ready.set()
                    elif line.startswith("event:"):
                        event = line[6:].strip()
                    elif line.startswith("data:"):
                        data = line[5:].strip()
                    elif not line:
                        if event == "coding" and data:
                            payload = json.loads(data)
                            if payload["action"] == "insert":
                                self.received.setdefault(int(payload["row_id"]), time.perf_counter())
                        event, data = "", ""
        except httpx.HTTPError as exc:
            if not stop.is_set():
                self.errors.append(f"stream: {type(exc).__name__}")

    async def write(self, stop: asyncio.Event, every: float, rng: random.Random) -> None:
        await asyncio.sleep(rng.random() * every)  # spread the writers over the interval
        while not stop.is_set():
            start = rng.randrange(0, self.setup["length"] - 10)
            body = {"document_id": self.setup["doc"], "code_id": self.setup["code"], "start": start, "end": start + 8}
            began = time.perf_counter()
            try:
                response = await self.client.post("/api/v1/codings", json=body, headers=self.headers)
            except httpx.HTTPError as exc:
                self.errors.append(f"write: {type(exc).__name__}")
            else:
                done = time.perf_counter()
                self.write_ms.append((done - began) * 1000)
                if response.status_code == 201:
                    self.acked[int(response.json()["id"])] = done
                else:
                    self.errors.append(f"write: {response.status_code}")
            await asyncio.sleep(max(0.0, every - (time.perf_counter() - began)))


async def drive(base: str, setup: dict[str, Any], coders: int, every: float, seconds: float) -> dict[str, Any]:
    people = [Coder(base, name, setup) for name in setup["names"][:coders]]
    await asyncio.gather(*(coder.login() for coder in people))
    stop = asyncio.Event()
    listeners = [asyncio.create_task(p.listen(stop)) for p in people]
    await asyncio.wait_for(asyncio.gather(*(p.ready.wait() for p in people)), 60)
    await asyncio.sleep(1.0)
    rng = random.Random(7)
    writers = [asyncio.create_task(p.write(stop, every, random.Random(rng.random()))) for p in people]
    await asyncio.sleep(seconds)
    stop.set()
    await asyncio.gather(*writers)
    await asyncio.sleep(3.0)  # the last events on their way
    for task in listeners:
        task.cancel()
    await asyncio.gather(*listeners, return_exceptions=True)
    acked = {cid: t for p in people for cid, t in p.acked.items()}
    delivery = [max(0.0, (p.received[cid] - t) * 1000) for p in people for cid, t in acked.items() if cid in p.received]
    lost = sum(1 for p in people for cid in acked if cid not in p.received)
    if lost and os.environ.get("LIVE_BENCH_DEBUG"):
        ended = max(acked.values())
        for p in people:
            missing = [(cid, round(ended - acked[cid], 2)) for cid in acked if cid not in p.received]
            if missing:
                print(p.name, "missing", missing, "received", len(p.received), file=sys.stderr)
    for p in people:
        await p.client.aclose()
    return {"writes": len(acked), "write_ms": cuts([x for p in people for x in p.write_ms]),
            "deliveries": len(delivery), "delivery_ms": cuts(delivery), "lost_events": lost,
            "errors": sum(len(p.errors) for p in people), "error_kinds": sorted({e for p in people for e in p.errors})}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=["sqlite", "pg"], default="sqlite")
    parser.add_argument("--coders", type=int, default=50)
    parser.add_argument("--every", type=float, default=2.0)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--pg", default=os.environ.get("COTHEME_TEST_PG_URL", "postgresql://root@127.0.0.1:5432/test"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, project_target(args.engine, Path(tmp), args.pg, "live") as target:
        setup = prepare(target, args.coders, Path(tmp))
        load_before = os.getloadavg()[0]
        server = Server(target)
        try:
            figures = asyncio.run(drive(server.base, setup, args.coders, args.every, args.seconds))
        finally:
            server.stop()
    print(json.dumps({"engine": args.engine, "coders": args.coders, "every_s": args.every, "seconds": args.seconds,
                      **figures, "load": [round(load_before, 2), round(os.getloadavg()[0], 2)],
                      "cpus": os.cpu_count()}, indent=2))


if __name__ == "__main__":
    main()
