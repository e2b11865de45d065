"""Import memory benchmark: how much resident memory importing ONE transcript adds, per size and engine.

Prints ONE JSON document to stdout (progress goes to stderr). For each size (MB, 10^6 bytes) it writes
one speaker-prefixed interview transcript as ``scale_bench.py`` does (``Interviewer:`` / ``P01:``
paragraphs, every seventh answer with accents, curly quotes, a dash or an emoji; ``--no-emoji`` leaves
the emoji out, so the text fits two bytes a character in Python), and optionally one ``.docx`` of the
same text (``--docx MB``). Each case runs ``--runs`` times, each in a fresh child process that opens an
empty project (SQLite file, or a throw-away PostgreSQL schema with ``--pg``), resets the peak resident
size (``/proc/self/clear_refs`` 5 resets VmHWM), and runs ``Project.import_files([file])``.

Per case: ``ratio`` = (peak resident - resident before the import) / file size, the median of the runs
(``ratios`` lists each), the budget being 4; ``cpu_s`` the median CPU seconds of the import. On
PostgreSQL only the client's memory is measured (the server is another process).

    PYTHONPATH=src .venv/bin/python bench/import_memory_bench.py --sizes 1,2,8,32 --pg --docx 8
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale_bench  # noqa: E402
from engines import project_target  # noqa: E402

PG_DEFAULT = os.environ.get("COTHEME_TEST_PG_URL", "postgresql://root@127.0.0.1:5432/test")
BUDGET = 4.0


def child(target: str, file: str) -> dict[str, Any]:
    """One import in this (fresh) process: resident memory before, peak during, CPU seconds."""
    import cotheme

    project = cotheme.create_project(target, title="Memory", lead="Lead")
    project.documents()  # the project's first read, so its one-off costs come before the baseline
    base = scale_bench._reset_peak()
    cpu = time.process_time()
    (doc,) = project.import_files([file])
    cpu_s = time.process_time() - cpu
    peak = scale_bench._rss_mb()
    project.close()
    return {"base_mb": base, "peak_mb": peak, "cpu_s": cpu_s, "turns": doc.turns}


def run_child(target: str, file: Path) -> dict[str, Any]:
    env = {**os.environ, "COTHEME_MAX_IMPORT_MB": os.environ.get("COTHEME_MAX_IMPORT_MB", "1000")}
    done = subprocess.run([sys.executable, __file__, "--child", target, str(file)], capture_output=True,
                          text=True, check=False, env=env, timeout=900)
    if done.returncode != 0:
        raise SystemExit(f"child failed: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def as_docx(text_file: Path, out: Path) -> None:
    import docx

    document = docx.Document()
    for paragraph in text_file.read_text("utf-8").split("\n\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    out.write_bytes(buffer.getvalue())


def measure(engine: str, file: Path, folder: Path, runs: int, pg_url: str) -> dict[str, Any]:
    size = file.stat().st_size
    found = []
    for run in range(runs):
        with project_target(engine, folder, pg_url, f"mem{run}") as target:
            found.append(run_child(target, file))
        for suffix in ("", "-wal", "-shm"):
            (folder / f"mem{run}.cotheme{suffix}").unlink(missing_ok=True)
    ratios = [round((f["peak_mb"] - f["base_mb"]) * 2**20 / size, 2) for f in found]
    ratio = statistics.median(ratios)
    print(f"{engine} {file.name}: {ratios}", file=sys.stderr, flush=True)
    return {"engine": engine, "file": file.suffix[1:], "file_mb": round(size / 1e6, 2), "ratio": ratio,
            "ratios": ratios, "within_budget": ratio <= BUDGET,
            "added_mb": round(statistics.median(f["peak_mb"] - f["base_mb"] for f in found), 1),
            "base_mb": round(statistics.median(f["base_mb"] for f in found), 1),
            "cpu_s": round(statistics.median(f["cpu_s"] for f in found), 2), "turns": found[0]["turns"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,8,32", help="transcript sizes in MB, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pg", action="store_true", help="also PostgreSQL (client memory)")
    parser.add_argument("--pg-only", action="store_true", help="PostgreSQL only")
    parser.add_argument("--pg-url", default=PG_DEFAULT)
    parser.add_argument("--docx", type=float, default=0, help="also a .docx of this many MB of text")
    parser.add_argument("--no-emoji", action="store_true", help="leave the emoji out of the text")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(*args.child)))
        return 0
    if args.no_emoji:
        scale_bench.EXTRAS = tuple(e for e in scale_bench.EXTRAS if "🙂" not in e)
    engines = (["postgresql"] if args.pg_only else ["sqlite"] + (["postgresql"] if args.pg else []))
    result: dict[str, Any] = {"bench": "import_memory", "budget": BUDGET, "emoji": not args.no_emoji,
                              "runs": args.runs, "load_average_1min": os.getloadavg()[0], "cases": []}
    with tempfile.TemporaryDirectory(prefix="cotheme-importmem-") as tmp:
        folder = Path(tmp)
        files = []
        for size in [float(s) for s in args.sizes.split(",") if s.strip()]:
            files.append(folder / f"T{size:g}MB.txt")
            scale_bench.write_transcript(files[-1], size)
        if args.docx:
            text = folder / "D.txt"
            scale_bench.write_transcript(text, args.docx)
            files.append(folder / f"D{args.docx:g}MB.docx")
            as_docx(text, files[-1])
        for file in files:
            for engine in engines:
                result["cases"].append(measure(engine, file, folder, args.runs, args.pg_url))
    result["load_average_1min_after"] = os.getloadavg()[0]
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
