"""kill -9 while coding through the web API: a real ``cotheme serve`` process is SIGKILLed at random
moments and started again, ``--kills`` times, while clients code through ``POST /api/v1/codings`` and
record the id of every coding the server acknowledged (2xx). At the end the project must open, pass
``cotheme check``, and hold every acknowledged coding. Prints one JSON document.

    .venv/bin/python bench/kill_bench.py --engine sqlite --kills 50
    .venv/bin/python bench/kill_bench.py --engine pg --kills 20 [--pg postgresql://root@127.0.0.1/test]

Each round starts the server (a fresh process: its imports, the project opened), lets ``--clients``
threads code at random spans, and kills it after a random 0.1-2 s. One round in three stops coding
for 1.5-3 s first, so the kill lands around the idle checkpoint that folds a project file's
write-ahead log into the file (a quiet server does that after 2 s). A request without an answer when
the server died is "in flight": it may or may not be stored, and is not counted as acknowledged.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from engines import project_target

TEXT = "".join(f"Interviewer: Question {n}?\n\nP01: Answer {n}: the waiting was long but the nurse was kind.\n\n"
               for n in range(30))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """One ``cotheme serve`` process and the token it printed."""

    def __init__(self, target: str) -> None:
        self.port = free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "cotheme", "serve", target, "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )
        assert self.proc.stdout is not None
        self.token = ""
        for line in self.proc.stdout:
            if "token=" in line:
                self.token = line.strip().rsplit("token=", 1)[1]
                break
        if not self.token:
            raise RuntimeError(f"the server printed no URL (exit {self.proc.wait()})")
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                httpx.get(self.base + "/api/v1/documents", headers=self.headers, timeout=2)
                return
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("the server did not answer within 60 s")

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def kill(self) -> bool:
        """SIGKILL; True when the process was still alive to be killed."""
        alive = self.proc.poll() is None
        if alive:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        return alive


class Coder(threading.Thread):
    """Codes through the API until told to stop or the server dies; keeps acknowledged ids."""

    def __init__(self, server: Server, setup: dict[str, int], seed: int, tally: dict[str, Any]) -> None:
        super().__init__(daemon=True)
        self.server, self.setup, self.rng, self.tally = server, setup, random.Random(seed), tally
        self.pause = threading.Event()  # set: stop sending (a quiet spell before the kill)
        self.stop = threading.Event()

    def run(self) -> None:
        with httpx.Client(base_url=self.server.base, headers=self.server.headers, timeout=30) as client:
            while not self.stop.is_set():
                if self.pause.is_set():
                    time.sleep(0.02)
                    continue
                start = self.rng.randrange(0, self.setup["length"] - 12)
                body = {"document_id": self.setup["doc"], "code_id": self.setup["code"],
                        "start": start, "end": start + self.rng.randint(1, 12)}
                try:
                    response = client.post("/api/v1/codings", json=body)
                except httpx.HTTPError:
                    with self.tally["lock"]:
                        self.tally["in_flight"] += 1  # the server died before answering
                    return
                if 200 <= response.status_code < 300:
                    with self.tally["lock"]:
                        self.tally["acknowledged"].add(int(response.json()["id"]))
                else:
                    self.tally["refused"][str(response.status_code)] = self.tally["refused"].get(str(response.status_code), 0) + 1


def prepare(target: str, folder: Path) -> dict[str, int]:
    import cotheme

    path = folder / "P01.txt"
    path.write_text(TEXT, encoding="utf-8")
    with cotheme.create_project(target, title="Kill bench", lead="Lead") as project:
        doc = project.documents.import_files([path])[0]
        code = project.codes.create("Crash")
        return {"doc": doc.id, "code": code.id, "length": len(project.documents.get(doc.id).text)}


def run(target: str, engine: str, kills: int, clients: int, seed: int, folder: Path) -> dict[str, Any]:
    import cotheme

    setup = prepare(target, folder)
    rng = random.Random(seed)
    tally: dict[str, Any] = {"acknowledged": set(), "in_flight": 0, "refused": {}, "lock": threading.Lock()}
    landed = quiet_rounds = 0
    began, load_before = time.monotonic(), os.getloadavg()[0]
    for round_no in range(kills):
        server = Server(target)
        coders = [Coder(server, setup, seed * 1000 + round_no * 10 + n, tally) for n in range(clients)]
        for coder in coders:
            coder.start()
        time.sleep(rng.uniform(0.1, 2.0))
        if round_no % 3 == 2:  # a quiet spell: the kill lands around the idle checkpoint
            quiet_rounds += 1
            for coder in coders:
                coder.pause.set()
            time.sleep(rng.uniform(1.5, 3.0))
        landed += server.kill()
        for coder in coders:
            coder.stop.set()
            coder.join(timeout=60)
    with cotheme.open_project(target) as project:
        report = project.safety.check()
        present = {e.id for e in project.codings.list()}
    acknowledged: set[int] = tally["acknowledged"]
    return {
        "engine": engine, "kills": kills, "kills_landed": landed, "quiet_rounds": quiet_rounds,
        "clients": clients, "acknowledged": len(acknowledged), "acknowledged_lost": len(acknowledged - present),
        "stored": len(present), "in_flight_at_kill": tally["in_flight"], "refused": tally["refused"],
        "check_ok": report.ok, "check_problems": [str(p) for p in report.problems][:5],
        "seconds": round(time.monotonic() - began, 1),
        "load": [round(load_before, 2), round(os.getloadavg()[0], 2)], "cpus": os.cpu_count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", choices=["sqlite", "pg"], default="sqlite")
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--pg", default=os.environ.get("COTHEME_TEST_PG_URL", "postgresql://root@127.0.0.1:5432/test"))
    args = parser.parse_args()
    engine = "sqlite" if args.engine == "sqlite" else "postgresql"
    with tempfile.TemporaryDirectory() as folder, project_target(args.engine, Path(folder), args.pg, "kill") as target:
        result = run(target, engine, args.kills, args.clients, args.seed, Path(folder))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
