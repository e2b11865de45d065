"""Importing one large transcript holds it only a few times over in memory (the import limit rests on it)."""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path

from cotheme.services.project import Project

#: 2 MB: large enough that the per-import constant (statements, ORM objects) is small beside the text,
#: small enough to run in a few seconds under tracemalloc.
SIZE = 2_000_000
#: Measured: about 5.3 times the file on SQLite and 7.3 on PostgreSQL (13.1 on both before the copies
#: were cut; tracemalloc counts Python objects only, not the database's own buffers). The bound keeps
#: a margin over both without letting back the copies that were removed (the list of words alone was
#: ~9 times the file).
BOUND = 8.0
#: Fixed costs that do not grow with the file: statements, the project's objects, SQLite's caches.
CONSTANT = 3_000_000
WORDS = "the and she said nurse waiting appointment clinic anxious kind family felt really".split()
EXTRAS = (" Café’s “nice”, naïve — she said.", " São Paulo, Zoë, Ångström.")


def _transcript(path: Path) -> int:
    rng = random.Random(7)
    parts: list[str] = []
    size = 0
    turn = 0
    while size < SIZE:
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 200)))
        extra = rng.choice(EXTRAS) if turn % 7 == 1 else ""
        paragraph = f"{'Interviewer' if turn % 2 == 0 else 'P01'}: {words.capitalize()}.{extra}\n\n"
        parts.append(paragraph)
        size += len(paragraph.encode("utf-8"))
        turn += 1
    path.write_text("".join(parts), encoding="utf-8")
    return path.stat().st_size


def test_import_peak_memory_stays_a_few_times_the_file(project: Project, tmp_path: Path) -> None:
    file = tmp_path / "long.txt"
    size = _transcript(file)
    tracemalloc.start()
    try:
        (doc,) = project.import_files([file])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert doc.turns > 1000
    assert peak <= BOUND * size + CONSTANT, f"peak {peak / size:.1f} times the file"
