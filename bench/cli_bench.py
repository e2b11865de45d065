"""Command-line start-up benchmark: how long ``cotheme`` takes before and while it does a little work.

Prints ONE JSON document to stdout (progress goes to stderr). Every figure runs the command as a fresh
process (``python -m cotheme ...`` with ``--src`` first on ``PYTHONPATH``), ``--runs`` times, and gives
the median, min and max wall time and the median user+sys CPU time of the child (seconds). CPU time
is the steadier figure on a machine shared with other work: wall time there includes waiting for a core.

* ``version`` / ``help`` - ``cotheme --version``, ``cotheme --help``. Budget: < 0.15 s on an idle
  2-core machine.
* ``docs_list`` / ``codings_code`` - ``cotheme docs list DEMO`` and ``cotheme codings DEMO --code X`` on
  the demo study (built with ``cotheme demo --no-serve`` into a temp dir unless ``--demo`` names one).
  Budget: < 0.4 s.
* ``imports`` - for each of those commands, what ``python -X importtime`` reports: modules imported,
  the sum of their own import times, and which of the heavy libraries were imported at all.
* ``script`` - a 48-coding script (``--script N``) run as N ``cotheme code`` calls on one copy of the
  demo, and as one ``cotheme code --from-csv`` call on another copy (``null`` when this version of
  cotheme has no ``--from-csv``). Both copies must end with the same number of codings.

With ``--compare OLD_SRC`` the start-up figures are taken for both trees, one run of each in turn,
so a machine whose load changes during the bench weighs on both alike (``figures_compared``).

    .venv/bin/python bench/cli_bench.py --out bench/out/cli.json
    .venv/bin/python bench/cli_bench.py --src /tmp/old-src --runs 5 --script 0   # an older tree, no script
    .venv/bin/python bench/cli_bench.py --compare /tmp/old-src --script 0        # before and after, alternated
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from figures_out import emit  # the bench folder is on the path when a bench runs as a script

HERE = Path(__file__).resolve().parent
HEAVY = ("sqlalchemy", "alembic", "openpyxl", "pypdf", "docx", "matplotlib", "numpy", "pandas", "argon2",
         "fastapi", "onnxruntime", "spacy", "torch", "lxml", "cryptography", "rich", "typer")
BUDGET = {"version": 0.15, "help": 0.15, "docs_list": 0.4, "codings_code": 0.4}
CODE = "Referral routes"  # a code of the demo study
CODER = "Rowan Pike"  # a coder of the demo study


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Runner:
    """Runs ``python -m cotheme`` with a given source tree."""

    def __init__(self, python: str, src: Path) -> None:
        self.python = python
        # As an installed cotheme runs: byte code cached (a shell that sets PYTHONDONTWRITEBYTECODE would
        # otherwise compile every module of cotheme at every start).
        inherited = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        self.env = {**inherited, "PYTHONPATH": str(src), "COLUMNS": "120"}

    def run(self, args: list[str], *, flags: tuple[str, ...] = (), check: bool = True) -> tuple[float, float, str, str]:
        """(wall seconds, user+sys seconds, stdout, stderr) of one run."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run([self.python, *flags, "-m", "cotheme", *args], env=self.env,
                              capture_output=True, text=True, check=False)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if check and done.returncode != 0:
            raise SystemExit(f"cotheme {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()[-400:]}")
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return wall, cpu, done.stdout, done.stderr

    def timed(self, args: list[str], runs: int) -> dict[str, float]:
        self.run(args)  # untimed: byte-code caches written, files in the page cache
        return summary([self.run(args)[:2] for _ in range(runs)])

    def imports(self, args: list[str]) -> dict[str, Any]:
        _wall, _cpu, _out, err = self.run(args, flags=("-X", "importtime"))
        names, own = [], 0
        for line in err.splitlines():
            found = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)", line)
            if found:
                own += int(found[1])
                names.append(found[4])
        tops = {name.split(".")[0] for name in names}
        return {"modules": len(names), "own_import_s": round(own / 1e6, 4),
                "heavy": sorted(h for h in HEAVY if h in tops)}


def summary(samples: list[tuple[float, float]]) -> dict[str, float]:
    walls, cpus = [w for w, _ in samples], [c for _, c in samples]
    return {"median": round(statistics.median(walls), 4), "min": round(min(walls), 4),
            "max": round(max(walls), 4), "cpu_median": round(statistics.median(cpus), 4)}


def alternated(new: Runner, old: Runner, args: list[str], runs: int) -> dict[str, dict[str, float]]:
    """The same command on two trees, one run of each in turn (after one untimed run of each)."""
    new.run(args)
    old.run(args)
    samples: dict[str, list[tuple[float, float]]] = {"after": [], "before": []}
    for _ in range(runs):
        samples["after"].append(new.run(args)[:2])
        samples["before"].append(old.run(args)[:2])
    return {key: summary(found) for key, found in samples.items()}


def build_demo(runner: Runner, where: Path) -> Path:
    target = where / "demo.cotheme"
    runner.run(["demo", "--no-serve", "--out", str(target)])
    return target


def script_rows(demo: Path, src: Path, count: int) -> list[dict[str, str]]:
    """``count`` codings: the first sentence of participants' turns, round-robin over the documents."""
    code = (
        "import json, sys, cotheme\n"
        "with cotheme.open_project(sys.argv[1]) as p:\n"
        "    docs = [p.document(d.id) for d in p.documents()]\n"
        "    print(json.dumps([[d.title, [[t.start, t.end] for t in d.turns if t.speaker and t.speaker != 'Interviewer'],"
        " d.text] for d in docs]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(demo)], env={**os.environ, "PYTHONPATH": str(src)},
                         capture_output=True, text=True, check=True).stdout
    docs = json.loads(out)
    rows: list[dict[str, str]] = []
    turn = 0
    while len(rows) < count:
        for title, turns, text in docs:
            if len(rows) == count:
                break
            start, end = turns[turn % len(turns)]
            stop = min(end, start + 80)
            cut = text.find(". ", start, stop)
            rows.append({"document": title, "code": CODE, "start": str(start),
                         "end": str(cut + 1 if cut > start else stop), "coder": CODER})
        turn += 1
    return rows


def count_codings(runner: Runner, project: Path) -> int:
    _w, _c, out, _e = runner.run(["codings", str(project), "--json"])
    return len(json.loads(out))


def script(runner: Runner, demo: Path, src: Path, where: Path, count: int) -> dict[str, Any]:
    rows = script_rows(demo, src, count)
    one_by_one, batch = where / "calls.cotheme", where / "batch.cotheme"
    shutil.copy(demo, one_by_one)
    shutil.copy(demo, batch)
    before = count_codings(runner, demo)
    log(f"script: {count} 'cotheme code' calls")
    walls, cpus = 0.0, 0.0
    for row in rows:
        wall, cpu, _o, _e = runner.run(["code", str(one_by_one), "--doc", row["document"], "--code", row["code"],
                                        "--start", row["start"], "--end", row["end"], "--coder", row["coder"]])
        walls += wall
        cpus += cpu
    result: dict[str, Any] = {"codings": count, "calls_s": round(walls, 3), "calls_cpu_s": round(cpus, 3),
                              "calls_added": count_codings(runner, one_by_one) - before}
    _w, _c, helptext, _e = runner.run(["code", "--help"])
    if "--from-csv" not in helptext:
        result["from_csv_s"] = None
        return result
    sheet = where / "codings.csv"
    with sheet.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    log("script: one 'cotheme code --from-csv' call")
    wall, cpu, _o, _e = runner.run(["code", str(batch), "--from-csv", str(sheet)])
    result.update({"from_csv_s": round(wall, 3), "from_csv_cpu_s": round(cpu, 3),
                   "from_csv_added": count_codings(runner, batch) - before,
                   "speed_up": round(walls / wall, 1)})
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--src", default=str(HERE.parent / "src"), help="the source tree to measure")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--demo", help="an existing demo project (default: build one in a temp dir)")
    parser.add_argument("--script", type=int, default=48, help="codings in the script (0: skip it)")
    parser.add_argument("--compare", help="an older source tree: start-up figures for both, alternated")
    parser.add_argument("--out", help="also write the JSON here")
    args = parser.parse_args()
    src = Path(args.src).resolve()
    runner = Runner(args.python, src)
    with tempfile.TemporaryDirectory(prefix="cli-bench-") as tmp:
        where = Path(tmp)
        demo = Path(args.demo) if args.demo else build_demo(runner, where)
        commands = {"version": ["--version"], "help": ["--help"], "docs_list": ["docs", "list", str(demo)],
                    "codings_code": ["codings", str(demo), "--code", CODE]}
        figures: dict[str, Any] = {}
        for name, argv in commands.items():
            log(f"{name}: {args.runs} runs")
            figures[name] = runner.timed(argv, args.runs)
        imports = {name: runner.imports(argv) for name, argv in commands.items()}
        compared: dict[str, Any] = {}
        if args.compare:
            old = Runner(args.python, Path(args.compare).resolve())
            for name, argv in commands.items():
                log(f"{name}: {args.runs} runs of each tree, alternated")
                compared[name] = alternated(runner, old, argv, args.runs)
        result: dict[str, Any] = {
            "machine": {"cpus": os.cpu_count(), "load_1m": round(os.getloadavg()[0], 2),
                        "python": platform.python_version()},
            "src": str(src), "runs": args.runs, "budget_s": BUDGET, "figures": figures, "imports": imports,
        }
        if compared:
            result["figures_compared"] = {"before_src": str(Path(args.compare).resolve()), **compared}
        if args.script:
            result["script"] = script(runner, demo, src, where, args.script)
    emit(result, Path(args.out) if args.out else None)


if __name__ == "__main__":
    main()
