"""Scale benchmark: importing and checking ONE large transcript, per size.

Prints ONE JSON document to stdout (progress goes to stderr). For each size (MB, 10^6 bytes, of UTF-8
text) it writes a single interview transcript of that size, made of turns from ``bench/corpus.py``
(``Interviewer:`` and ``P01:`` paragraphs), with a little accented text, curly quotes and an emoji
every few turns as real transcripts have, then in a fresh child process per step times:

* ``import`` - ``cotheme.create_project`` + ``Project.import_files([path])`` (read, decode, parse turns,
  store, index for search), minus creating the empty project;
* ``code`` - (not timed) 100 codings spread over the transcript, so the coding checks have rows;
* ``check`` - ``Project.check()`` on that project (what ``cotheme check`` and ``restore`` run).

Each step reports wall-clock ``seconds``, the child's ``cpu_seconds`` (judge by these on a busy
machine), its peak resident memory during the step (``peak_rss_mb``: VmHWM, reset just before the step),
the resident memory before the step (``base_rss_mb``: Python, cotheme and its libraries) and
``rss_over_file`` = (peak - base) / file size: the budget is 4. A step over ``--timeout`` seconds is
stopped and reported as such. Projects are SQLite files in a temp dir
(``--pg`` adds PostgreSQL, where only the client's memory is measured). The steps run with
``COTHEME_MAX_IMPORT_MB=1000`` unless it is set, so sizes over the default import limit are measured.

    .venv/bin/python bench/scale_bench.py --sizes 1,2,8,32,200 --out bench/out/scale.json
    .venv/bin/python bench/scale_bench.py --sizes 1,2,8
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
from engines import pg_schema  # noqa: E402
from figures_out import emit  # noqa: E402

PG_DEFAULT = os.environ.get("COTHEME_TEST_PG_URL", "postgresql://root@127.0.0.1:5432/test")
MB = 1_000_000
#: The memory budget: peak resident memory a step adds, as a multiple of the file's size.
RSS_BUDGET = 4.0
CODINGS = 100
#: Non-ASCII a real transcript holds: accents, curly quotes, a dash, an emoji now and then.
EXTRAS = (" Café’s “nice”, naïve — she said.", " It was fine 🙂.", " São Paulo, Zoë, Ångström.")


def write_transcript(path: Path, size_mb: float, seed: int = 1) -> int:
    """Write about ``size_mb`` MB of one interview to ``path`` (streamed: ~70 kB in memory at a time)."""
    target = int(size_mb * MB)
    rng = random.Random(seed)
    written = 0
    with path.open("wb") as out:
        part = 0
        while written < target:
            label = corpus.participant_label(seed + part)
            chunk = corpus.make_interview(seed + part, 10_000).decode("utf-8").replace(f"{label}:", "P01:")
            paragraphs = chunk.rstrip("\n").split("\n\n")
            for i in range(1, len(paragraphs), 7):
                paragraphs[i] += rng.choice(EXTRAS)
            data = ("\n\n".join(paragraphs) + "\n\n").encode("utf-8")
            data = data[: target - written] if written + len(data) > target else data
            out.write(data)
            written += len(data)
            part += 1
    _end_cleanly(path)
    return path.stat().st_size


def _end_cleanly(path: Path) -> None:
    """The last chunk was cut at a byte count: drop a character cut in two and end the line."""
    with path.open("rb+") as f:
        f.seek(max(0, path.stat().st_size - 8))
        tail = f.read()
        keep = len(tail)
        while keep and (tail[keep - 1] & 0xC0) == 0x80:
            keep -= 1
        if keep and tail[keep - 1] >= 0xC0:
            keep -= 1
        f.seek(path.stat().st_size - len(tail) + keep)
        f.truncate()
        f.write(b"\n")


# -- the steps, each run in a child process of its own --------------------------------------------


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as f:
        line = next(line for line in f if line.startswith(field + ":"))
    return int(line.split()[1]) / 1024


def _reset_peak() -> float:
    """Forget the peak so far (Linux: ``clear_refs`` 5 resets VmHWM) and return the resident memory now."""
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    return _status_mb("VmRSS")


def _rss_mb() -> float:
    """The peak resident memory since ``_reset_peak`` (VmHWM)."""
    return _status_mb("VmHWM")


def step_import(target: str, file: str) -> dict[str, Any]:
    import cotheme

    project = cotheme.create_project(target, title="Scale", lead="Lead")
    base = _reset_peak()
    wall, cpu = time.perf_counter(), time.process_time()
    project.documents.import_files([file])
    seconds, cpu_s = time.perf_counter() - wall, time.process_time() - cpu
    peak = _rss_mb()
    project.close()
    return {"seconds": seconds, "cpu_seconds": cpu_s, "peak_rss_mb": peak, "base_rss_mb": base}


def step_code(target: str) -> dict[str, Any]:
    import cotheme

    with cotheme.open_project(target) as project:
        project.codes.create("Scale")
        doc = project.documents.list()[0]
        length = len(project.documents.get(doc.id).text)
        rng = random.Random(3)
        for i in range(CODINGS):
            start = (length // CODINGS) * i + rng.randrange(0, 200)
            project.codings.add(doc.id, "Scale", start=start, end=min(length, start + rng.randrange(20, 400)))
    return {}


def step_check(target: str) -> dict[str, Any]:
    import cotheme

    project = cotheme.open_project(target)
    base = _reset_peak()
    wall, cpu = time.perf_counter(), time.process_time()
    report = project.safety.check()
    seconds, cpu_s = time.perf_counter() - wall, time.process_time() - cpu
    peak = _rss_mb()
    project.close()
    return {"seconds": seconds, "cpu_seconds": cpu_s, "peak_rss_mb": peak, "base_rss_mb": base,
            "ok": report.ok, "problems": report.problems[:3]}


STEPS = {"import": step_import, "code": step_code, "check": step_check}


def run_step(name: str, args: list[str], timeout: float) -> dict[str, Any]:
    command = [sys.executable, __file__, "--step", name, *args]
    # Sizes over the default import limit are measured too: they are what tells where the limit goes.
    env = {**os.environ, "COTHEME_MAX_IMPORT_MB": os.environ.get("COTHEME_MAX_IMPORT_MB", "1000")}
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False, env=env)
    except subprocess.TimeoutExpired:
        return {"timed_out_after_s": timeout}
    if done.returncode != 0:
        return {"failed": done.stderr.strip().splitlines()[-1:] or ["exit code %d" % done.returncode]}
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def measure(size: float, folder: Path, target: str, timeout: float) -> dict[str, Any]:
    file = folder / f"scale-{size}MB.txt"
    nbytes = write_transcript(file, size)
    result: dict[str, Any] = {"size_mb": size, "file_bytes": nbytes}
    imported = run_step("import", [target, str(file)], timeout)
    result["import"] = imported
    if "seconds" in imported:
        run_step("code", [target], timeout)
        result["check"] = run_step("check", [target], timeout)
    for step in ("import", "check"):
        figures = result.get(step, {})
        if "peak_rss_mb" in figures:
            figures["rss_over_file"] = round((figures["peak_rss_mb"] - figures["base_rss_mb"]) * 2**20 / nbytes, 2)
            figures["within_budget"] = figures["rss_over_file"] <= RSS_BUDGET
    file.unlink()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,8,32,200", help="transcript sizes in MB, comma-separated")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before a step is stopped")
    parser.add_argument("--pg", action="store_true", help="also PostgreSQL")
    parser.add_argument("--pg-url", default=PG_DEFAULT)
    parser.add_argument("--out", type=Path, help="also write the JSON to this file")
    parser.add_argument("--step", choices=sorted(STEPS), help=argparse.SUPPRESS)
    parser.add_argument("rest", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        print(json.dumps(STEPS[args.step](*args.rest)))
        return 0
    sizes = [float(s) for s in args.sizes.split(",") if s.strip()]
    results: dict[str, Any] = {
        "bench": "scale", "rss_budget_over_file": RSS_BUDGET, "load_average_1min": os.getloadavg()[0],
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "sqlite": [],
    }
    if args.pg:
        results["postgresql"] = []
    with tempfile.TemporaryDirectory(prefix="cotheme-scale-") as tmp:
        folder = Path(tmp)
        for size in sizes:
            print(f"sqlite {size} MB ...", file=sys.stderr, flush=True)
            target = str(folder / f"scale-{size}.cotheme")
            results["sqlite"].append(measure(size, folder, target, args.timeout))
            for suffix in ("", "-wal", "-shm"):
                Path(target + suffix).unlink(missing_ok=True)
            if args.pg:
                print(f"postgresql {size} MB ...", file=sys.stderr, flush=True)
                with pg_schema(args.pg_url, "scale") as url:
                    results["postgresql"].append(measure(size, folder, url, args.timeout))
    results["load_average_1min_after"] = os.getloadavg()[0]
    return emit(results, args.out)


if __name__ == "__main__":
    sys.exit(main())
