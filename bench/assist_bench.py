"""Budgets of coding suggestions, printed as JSON: indexing a large study, suggesting codes
for one passage, and finding similar passages for a code.

1. A child process builds each study: synthetic interviews of ``--words`` words (``bench/corpus.py``)
   in a fresh SQLite project, a codebook of ``--codes`` codes with definitions, and ``--codings``
   codings per code on parts of turns.
2. Indexing with the real service and model (``Project.index``): wall time, CPU time (user + system;
   on a busy machine the wall time also counts other people's work) and the peak resident memory of
   this process (``ru_maxrss``: the model, the runtime and the indexing). Indexing is per document, so
   its time grows linearly with the words: ``--index-interviews`` (default 30) are indexed and the time
   is also given scaled to ``--interviews``; ``--index-interviews 0`` indexes the large study itself.
3. Lookups at full size (``--interviews``, default 300): when the index was measured on fewer
   interviews, the large study's index holds every document's real passages with random unit vectors
   (stand-ins: the lookups read and multiply the same amount whatever the numbers). ``suggest`` for 20
   different passages after a first call (which loads the model and reads the cached vectors once),
   median and max milliseconds; ``similar`` for each code.
4. ``configurations`` (``--compare``): on 3 interviews, the embedding time of sentences only (turn
   vectors the mean of their sentences: cotheme's way), turns only, and both embedded by the model,
   for both runtimes.

    .venv/bin/python bench/assist_bench.py [--interviews 300] [--index-interviews 30] [--compare] [--out FILE]
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


def _ms(values: list[float], cpu: list[float]) -> dict[str, float]:
    """Wall milliseconds (median, max) and the median CPU milliseconds of this process per call (ONNX
    Runtime uses both cores, so CPU can exceed wall on an idle machine)."""
    return {"median_ms": round(statistics.median(values) * 1000, 1), "max_ms": round(max(values) * 1000, 1),
            "median_cpu_ms": round(statistics.median(cpu) * 1000, 1)}


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


def _build(path: Path, interviews: int, words: int, codes: int, codings: int) -> float:
    started = time.perf_counter()
    script = BUILD.format(here=str(HERE), path=str(path), n=interviews, words=words, codes=codes, codings=codings)
    subprocess.run([sys.executable, "-c", script], check=True)
    return round(time.perf_counter() - started, 1)


def _index(path: Path) -> dict[str, object]:
    """Index with the real service and model; wall, CPU and peak memory of this process."""
    from cotheme.services.project import Project

    project = Project.open(path)
    wall, cpu = time.perf_counter(), _cpu()
    last = [wall]

    def progress(done: int, total: int, _title: str) -> None:
        if time.perf_counter() - last[0] > 60:
            last[0] = time.perf_counter()
            print(f"indexed {done}/{total} texts after {last[0] - wall:.0f} s", file=sys.stderr, flush=True)

    report = project.assist.index(progress)
    project.close()
    return {"model": report.model, "documents": report.embedded, "passages": report.passages,
            "wall_s": round(time.perf_counter() - wall, 1), "cpu_s": round(_cpu() - cpu, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "db_mb": round(path.stat().st_size / 2**20, 1)}


def _stand_in_index(path: Path) -> int:
    """Every document's real passages (turns and sentences) with random unit vectors, stored as the
    current model's: what "suggest" and "similar" read and multiply costs the same whatever the numbers."""
    import numpy as np

    from cotheme.domain.assist import passages
    from cotheme.services import assist_model
    from cotheme.storage import assist as repo
    from cotheme.storage.store import Store

    encoder = assist_model.load()
    rng = np.random.default_rng(5)
    store = Store.open(str(path))
    total = 0
    with store.read() as conn:
        docs = repo.current_revisions(conn)
    for doc_id, _title, rev_id in docs:
        with store.read() as conn:
            text, turns = repo.revision_text(conn, rev_id)
        spans = passages(text, turns)
        vectors = rng.standard_normal((len(spans), encoder.dim)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        with store.write() as conn:
            total += repo.replace_passages(conn, doc_id, rev_id, encoder.name, [
                (span.kind.value, span.start, span.end, vector.astype("<f4").tobytes())
                for span, vector in zip(spans, vectors)])
    store.close()
    return total


def _lookups(path: Path) -> dict[str, object]:
    from cotheme.services.project import Project

    project = Project.open(path)
    rng = random.Random(3)
    docs = project.documents.list()
    samples = []
    for _ in range(21):
        doc = project.documents.get(rng.choice(docs).id)
        turn = rng.choice(doc.turns)
        samples.append(doc.text[turn.start:turn.end][:400])
    out: dict[str, object] = {}
    first = time.perf_counter()
    project.assist.suggest(samples[0])
    out["suggest_first_call_s"] = round(time.perf_counter() - first, 2)
    times, cpu = [], []
    for text in samples[1:]:
        started, used = time.perf_counter(), _cpu()
        project.assist.suggest(text, top=5)
        times.append(time.perf_counter() - started)
        cpu.append(_cpu() - used)
    out["suggest"] = _ms(times, cpu)
    codes = [c.code.path_text for c in project.codes.list()]
    times, cpu = [], []
    for code in codes:
        started, used = time.perf_counter(), _cpu()
        project.assist.similar(code, top=10)
        times.append(time.perf_counter() - started)
        cpu.append(_cpu() - used)
    out["similar"] = _ms(times, cpu)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    project.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=300, help="Size of the study for the lookups.")
    parser.add_argument("--index-interviews", type=int, default=30,
                        help="Interviews indexed with the model (time scaled to --interviews); 0: all of them.")
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--codes", type=int, default=20)
    parser.add_argument("--codings", type=int, default=30)
    parser.add_argument("--compare", action="store_true")
    parser.add_argument("--keep", type=Path, default=None, help="Build the large project here (and reuse it).")
    parser.add_argument("--lookups-only", action="store_true", help="Only the lookups, on the --keep study.")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    result: dict[str, object] = {"interviews": args.interviews, "words": args.words, "cores": os.cpu_count(),
                                 "load_average_at_start": os.getloadavg()}
    folder = Path(tempfile.mkdtemp(prefix="assist-bench-"))
    large = args.keep or folder / "large.cotheme"
    if not large.exists():
        result["build_seconds"] = _build(large, args.interviews, args.words, args.codes, args.codings)
    indexed = args.index_interviews or args.interviews
    if args.lookups_only:
        pass
    elif indexed == args.interviews:
        result["index"] = _index(large)
    else:
        small = folder / "small.cotheme"
        _build(small, indexed, args.words, args.codes, args.codings)
        figures = _index(small)
        scale = args.interviews / indexed
        figures.update({"interviews": indexed, f"wall_s_scaled_to_{args.interviews}": round(figures["wall_s"] * scale, 1),
                        f"cpu_s_scaled_to_{args.interviews}": round(figures["cpu_s"] * scale, 1)})
        result["index"] = figures
        result["stand_in_passages"] = _stand_in_index(large)
    result["lookups"] = _lookups(large)
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
