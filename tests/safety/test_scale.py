"""Importing and checking a transcript take time in proportion to its size, not to its square.

Each is timed on one transcript of about 128 kB and on one 8 times as long: linear work takes at most
8 times as long (less, with the fixed costs), quadratic work up to 64 times. The bound, 20 times, sits
between the two with room on both sides, so a busy machine does not fail it and a quadratic step
cannot pass it (before the check became linear, it took 9.6 times as long on 4 times the text at these
sizes on SQLite, and 45 s for 1 MB on PostgreSQL).
Each figure is the fastest of a few runs; SQLite's is CPU time (the engine runs in this process), the
PostgreSQL server's work shows only in wall-clock time. ``bench/scale_bench.py`` measures large sizes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import cotheme
from tests.conftest import PgSchemas

SMALL = 128_000
FACTOR = 8
RUNS = 3
#: Linear work is at most 8 times slower on 8 times the text, quadratic up to 64 times.
BOUND = 20.0


def transcript(size: int) -> bytes:
    """An interview of about ``size`` bytes: question and answer turns, with accents and an emoji."""
    turns: list[str] = []
    total, i = 0, 0
    while total < size:
        turn = (f"Interviewer: What happened at visit {i}, and who was there?\n\n"
                f"P01: Honestly, visit {i} at the café was hard 🙂. The nurse (Zoë) said {i * 7} times "
                "that waiting is normal, but I felt nobody actually listened to me that day.\n\n")
        turns.append(turn)
        total += len(turn.encode("utf-8"))
        i += 1
    return "".join(turns).encode("utf-8")


def fastest(run: Callable[[], object], clock: Callable[[], float]) -> float:
    best = float("inf")
    for _ in range(RUNS):
        start = clock()
        run()
        best = min(best, clock() - start)
    return best


def timings(target: str, tmp_path: Path, size: int, clock: Callable[[], float]) -> tuple[float, float]:
    """(import seconds, check seconds) for a transcript of ``size`` bytes, each the fastest run (the
    same file imported again as a copy: the check then reads each copy, all of the same size)."""
    path = tmp_path / f"long-{size}.txt"
    path.write_bytes(transcript(size))
    with cotheme.create_project(target, lead="Lead") as project:
        import_s = fastest(lambda: project.import_files([path], allow_duplicate=True), clock)
        check_s = fastest(project.check, clock)
        assert project.check().ok
    return import_s, check_s


def assert_linear(target: Callable[[], str], tmp_path: Path, clock: Callable[[], float]) -> None:
    small = timings(target(), tmp_path, SMALL, clock)
    large = timings(target(), tmp_path, FACTOR * SMALL, clock)
    for step, s, l in zip(("import", "check"), small, large, strict=True):
        assert l < BOUND * s, f"{step}: {l:.3f} s for {FACTOR} times the text of {s:.3f} s ({l / s:.1f} times)"


def test_import_and_check_are_linear_on_sqlite(tmp_path: Path) -> None:
    names = iter(range(100))
    assert_linear(lambda: str(tmp_path / f"p{next(names)}.cotheme"), tmp_path, time.process_time)


def test_import_and_check_are_linear_on_postgresql(tmp_path: Path, pg_schemas: PgSchemas) -> None:
    assert_linear(pg_schemas.new_url, tmp_path, time.perf_counter)
