"""Budgets of coding suggestions (issue #8), printed as JSON: indexing a large study, suggesting codes
for one passage, and finding similar passages for a code.

1. A child process builds the study: ``--interviews`` synthetic interviews of ``--words`` words
   (``bench/corpus.py``) in a fresh SQLite project, a codebook of ``--codes`` codes with definitions,
   and ``--codings`` codings per code on sentences of the interviews.
2. This process indexes it (``Project.index``, the real service): wall time, CPU time (user + system;
   on a busy machine the wall time also counts other people's work) and the peak resident memory of
   this process (``ru_maxrss``: the model, the runtime and the indexing itself).
3. ``suggest`` for 20 different passages after a first warm-up call (which loads the model and reads
   the cached vectors once), median and max milliseconds; ``similar`` for each code likewise.
4. ``configurations`` (``--compare``): on 3 interviews, the embedding time of sentences only (turn
   vectors the mean of their sentences: cotheme's way), turns only, and both embedded by the model,
   for both runtimes.

    .venv/bin/python bench/assist_bench.py [--interviews 300] [--words 10000] [--compare] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

BUILD = """
import random, sys
sys.path.insert(0, {here!r})
from corpus import interviews
from cotheme.services.project import Project
from cotheme.services.importing import SourceFile
project = Project.create({path!r}, title="assist bench", lead="Lead")
files = [SourceFile(name + ".txt", data) for name, data in interviews({n}, {words}, 1)]
project.import_sources(files)
rng = random.Random(8)
docs = project.documents()
for c in range({codes}):
    project.create_code(f"Code {{c:02d}}", definition=f"Passages about topic {{c}} and what people said of it.")
for c in range({codes}):
    for _ in range({codings}):
        doc = project.document(rng.choice(docs).id)
        turn = rng.choice([t for t in doc.turns if t.end - t.start > 80])
        project.code(doc.id, f"Code {{c:02d}}", start=turn.start, end=min(turn.end, turn.start + 200))
project.close()
"""


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _ms(values: list[float]) -> dict[str, float]:
    return {"median_ms": round(statistics.median(values) * 1000, 1), "max_ms": round(max(values) * 1000, 1)}


def _compare(words: int) -> dict[str, object]:
    """Embedding time of one set of interviews under each configuration and runtime."""
    from corpus import interviews

    from cotheme.domain.assist import Kind, passages
    from cotheme.domain.transcript import ParsedTranscript  # noqa: F401 - documents the input type
    from cotheme.formats.registry import read_transcript
    from cotheme.services import assist_model

    texts: list[tuple[str, list[str], list[str]]] = []
    for name, data in interviews(3, words, 99):
        parsed = read_transcript(name + ".txt", data)
        spans = passages(parsed.text, [(t.start, t.end) for t in parsed.turns])
        texts.append((parsed.text, [parsed.text[s.start:s.end] for s in spans if s.kind is Kind.SENTENCE],
                      [parsed.text[s.start:s.end] for s in spans if s.kind is Kind.TURN]))
    out: dict[str, object] = {"interviews": 3, "words": words}
    for runtime in ("onnx", "torch"):
        os.environ[assist_model.BACKEND_ENV] = runtime
        encoder = assist_model.load()
        encoder.encode(["warm up"])
        figures = {}
        for label, pick in (("sentences", lambda t: t[1]), ("turns", lambda t: t[2]),
                            ("turns+sentences", lambda t: t[1] + t[2])):
            wall, cpu = time.perf_counter(), _cpu()
            count = sum(len(encoder.encode(pick(t))) for t in texts)
            figures[label] = {"texts": count, "wall_s": round(time.perf_counter() - wall, 1),
                              "cpu_s": round(_cpu() - cpu, 1)}
        out[runtime] = figures
    os.environ.pop(assist_model.BACKEND_ENV, None)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=300)
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--codes", type=int, default=20)
    parser.add_argument("--codings", type=int, default=30)
    parser.add_argument("--compare", action="store_true")
    parser.add_argument("--keep", type=Path, default=None, help="Build the project here and keep it.")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    result: dict[str, object] = {"interviews": args.interviews, "words": args.words, "cores": os.cpu_count(),
                                 "load_average_at_start": os.getloadavg()}
    folder = Path(tempfile.mkdtemp(prefix="assist-bench-"))
    path = args.keep or folder / "bench.cotheme"
    if not path.exists():
        started = time.perf_counter()
        script = BUILD.format(here=str(HERE), path=str(path), n=args.interviews, words=args.words,
                              codes=args.codes, codings=args.codings)
        subprocess.run([sys.executable, "-c", script], check=True)
        result["build_seconds"] = round(time.perf_counter() - started, 1)
    from cotheme.services.project import Project

    project = Project.open(path)
    wall, cpu = time.perf_counter(), _cpu()
    last = [0.0]

    def progress(done: int, total: int, _title: str) -> None:
        if time.perf_counter() - last[0] > 30:
            last[0] = time.perf_counter()
            print(f"indexed {done}/{total} passages after {last[0] - wall:.0f} s", file=sys.stderr, flush=True)

    report = project.index(progress)
    result["index"] = {
        "model": report.model, "documents": report.embedded, "passages": report.passages,
        "wall_s": round(time.perf_counter() - wall, 1), "cpu_s": round(_cpu() - cpu, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "db_mb": round(path.stat().st_size / 2**20, 1),
    }
    rng = random.Random(3)
    docs = project.documents()
    samples = []
    for _ in range(21):
        doc = project.document(rng.choice(docs).id)
        turn = rng.choice(doc.turns)
        samples.append(doc.text[turn.start:turn.end][:400])
    first = time.perf_counter()
    project.suggest(samples[0])
    result["suggest_first_call_s"] = round(time.perf_counter() - first, 2)
    times = []
    for text in samples[1:]:
        started = time.perf_counter()
        project.suggest(text, top=5)
        times.append(time.perf_counter() - started)
    result["suggest"] = _ms(times)
    codes = [c.code.path_text for c in project.codes()]
    first = time.perf_counter()
    project.similar(codes[0])
    result["similar_first_call_s"] = round(time.perf_counter() - first, 2)
    times = []
    for code in codes[1:]:
        started = time.perf_counter()
        project.similar(code, top=10)
        times.append(time.perf_counter() - started)
    result["similar"] = _ms(times)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    project.close()
    if args.compare:
        result["configurations"] = _compare(args.words)
    result["load_average_at_end"] = os.getloadavg()
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
