"""Figures of recordings in the project store, printed as JSON, per engine (SQLite file, PostgreSQL):

1. attaching a ``--mb`` MB recording (a WAV of noise: its bytes do not compress, as real media does
   not): wall time, MB/s, and the peak of Python's own allocations while it ran (``tracemalloc``:
   the chunks held, never the whole file);
2. 200 range reads of 64 KiB at random offsets (what a player asks for while seeking): median and
   95th percentile, milliseconds;
3. reading the whole recording a chunk at a time (``recording_bytes``): MB/s;
4. (SQLite) a backup of the project (the online backup API) and (PostgreSQL) a backup through the
   row copy, which streams the chunks a few at a time: wall time and peak Python allocations.

    .venv/bin/python bench/recordings_bench.py [--mb 200] [--engines sqlite,postgresql] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import struct
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from engines import project_target  # noqa: E402

from cotheme.services.importing import RecordingSource, SourceFile  # noqa: E402
from cotheme.services.project import Project  # noqa: E402

VTT = b"WEBVTT\n\n00:00:00.000 --> 00:00:05.000\n<v Interviewer>Shall we start?\n"


def noise_wav(path: Path, mb: int) -> Path:
    """A mono 16-bit 16 kHz WAV of ``mb`` megabytes of random samples."""
    data = mb * 1024 * 1024
    header = b"RIFF" + struct.pack("<I", 36 + data) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 1, 16000, 32000, 2, 16)
    with path.open("wb") as out:
        out.write(header + b"data" + struct.pack("<I", data))
        for _ in range(mb):
            out.write(os.urandom(1024 * 1024))
    return path


def measure(engine: str, wav: Path, folder: Path, pg_url: str) -> dict[str, object]:
    size_mb = wav.stat().st_size / 1e6
    with project_target(engine, folder, pg_url, "recordings") as target:
        project = Project.create(target, lead="Lead")
        tracemalloc.start()
        began = time.perf_counter()
        doc = project.import_sources([SourceFile("talk.vtt", VTT, recording=RecordingSource.from_path(wav))])[0].id
        attach_s = time.perf_counter() - began
        attach_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        info = project.recording(doc)
        rng = random.Random(7)
        waits = []
        for _ in range(200):
            start = rng.randrange(0, info.size_bytes - 65536)
            t0 = time.perf_counter()
            project.read_recording(doc, start, start + 65536)
            waits.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        total = sum(len(c) for c in project.recording_bytes(doc))
        stream_s = time.perf_counter() - t0
        assert total == info.size_bytes
        tracemalloc.start()
        t0 = time.perf_counter()
        project.backup(folder / f"backup-{engine}.cotheme")
        backup_s = time.perf_counter() - t0
        backup_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        project.close()
    return {
        "recording_mb": round(size_mb, 1),
        "attach_s": round(attach_s, 2), "attach_mb_per_s": round(size_mb / attach_s, 1),
        "attach_peak_python_mb": round(attach_peak / 1e6, 1),
        "range_64k_median_ms": round(statistics.median(waits), 2),
        "range_64k_p95_ms": round(sorted(waits)[int(len(waits) * 0.95)], 2),
        "stream_mb_per_s": round(size_mb / stream_s, 1),
        "backup_s": round(backup_s, 2), "backup_peak_python_mb": round(backup_peak / 1e6, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=200)
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--pg-url", default=os.environ.get("COTHEME_TEST_PG_URL", "postgresql://root@127.0.0.1:5432/test"))
    parser.add_argument("--out")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cotheme-rec-bench-") as scratch:
        folder = Path(scratch)
        wav = noise_wav(folder / "talk.wav", args.mb)
        figures = {engine: measure(engine, wav, folder, args.pg_url) for engine in args.engines.split(",")}
    text = json.dumps(figures, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
