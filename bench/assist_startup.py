"""How long the first ``cotheme suggest`` of a fresh process takes, and a warm one; prints JSON.

Runs ``cotheme suggest PROJECT --text ...`` in ``--runs`` fresh processes one after the other (wall
and CPU seconds of each: the CPU is what an idle machine's wall time would be, near enough, since the
work is one thread), then times ``--warm`` suggestions in one process after its first. The project must be
indexed (``cotheme demo --no-serve --out demo.cotheme && cotheme index demo.cotheme``) and the ONNX
graph exported (the first use after installing does it, once per user: ~10 CPU s with PyTorch).

    .venv/bin/python bench/assist_startup.py demo.cotheme [--runs 5] [--warm 20]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

TEXT = "I waited four months to be seen and nobody rang me back."


def _fresh(project: str) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cotheme", "suggest", project, "--text", TEXT, "--top", "3"],
                   check=True, capture_output=True, env=os.environ.copy())
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _warm(project: str, count: int) -> list[tuple[float, float]]:
    import cotheme

    with cotheme.open_project(project) as p:
        p.suggest(TEXT, top=3)
        times = []
        for i in range(count):
            started, cpu = time.perf_counter(), time.process_time()
            p.suggest(f"{TEXT} ({i})", top=3)
            times.append((time.perf_counter() - started, time.process_time() - cpu))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warm", type=int, default=20)
    args = parser.parse_args()
    fresh = [_fresh(args.project) for _ in range(args.runs)]
    warm = _warm(args.project, args.warm)
    print(json.dumps({
        "fresh_wall_s": [round(w, 2) for w, _ in fresh], "fresh_cpu_s": [round(c, 2) for _, c in fresh],
        "fresh_wall_median_s": round(statistics.median(w for w, _ in fresh), 2),
        "fresh_cpu_median_s": round(statistics.median(c for _, c in fresh), 2),
        "warm_median_ms": round(1000 * statistics.median(w for w, _ in warm), 1),
        "warm_max_ms": round(1000 * max(w for w, _ in warm), 1),
        "warm_cpu_median_ms": round(1000 * statistics.median(c for _, c in warm), 1),
        "load_average": os.getloadavg(),
    }, indent=2))


if __name__ == "__main__":
    main()
