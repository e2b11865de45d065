"""Crash safety: a coding load and an import are killed with SIGKILL at random moments, many times;
the project must open, pass ``check``, hold every coding the load acknowledged, and hold each import
whole or not at all. On SQLite and PostgreSQL (the ``target`` fixture).

The load runs in a forked worker of ``crash_zygote.py`` (see there); figures are printed with -s.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import cotheme
from tests.conftest import INTERVIEW

ZYGOTE = Path(__file__).with_name("crash_zygote.py")
#: Kills per engine, and the time they may take at most (each round is ~0.1-0.4 s).
KILLS = int(os.environ.get("COTHEME_CRASH_KILLS", "30"))
BUDGET_SECONDS = float(os.environ.get("COTHEME_CRASH_SECONDS", "7"))
MIN_KILLS, MIN_ACKNOWLEDGED, HARD_CAP_SECONDS = 8, 5, 180.0
IMPORT_ROUNDS = 5
IMPORT_FILES = 10


class Zygote:
    def __init__(self) -> None:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(Path(__file__).parents[2] / "src"), *sys.path]))
        self.proc = subprocess.Popen(
            [sys.executable, str(ZYGOTE)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
        )
        assert self.proc.stdout and self.proc.stdout.readline().strip() == "zygote"  # imports done

    def warm(self, target: str) -> None:
        """Let the zygote open ``target`` once, so the kills' time budget is spent on kills."""
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(f"warm {target}\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline().strip() == "warm"

    def round(self, command: str, kill_after: float | None) -> tuple[list[str], bool]:
        """Start a worker, kill it ``kill_after`` seconds after it is ready (``None``: let it finish);
        its output lines and whether the kill landed (False when the worker had already finished)."""
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        first = self.proc.stdout.readline().split()
        assert first and first[0] == "ready", first
        killed = False
        if kill_after is not None:
            time.sleep(kill_after)
            try:
                os.kill(int(first[1]), signal.SIGKILL)
                killed = True
            except ProcessLookupError:
                pass
        lines = []
        for line in self.proc.stdout:
            if line.strip() == "done":
                break
            if line.strip():  # the zygote starts "done" on a fresh line: skip the blank it may leave
                lines.append(line.strip())
        return lines, killed and "imported" not in lines

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def zygote() -> Iterator[Zygote]:
    started = Zygote()
    yield started
    started.close()


def _prepared(target: str, tmp_path: Path) -> None:
    path = tmp_path / "P01.txt"
    path.write_text(INTERVIEW * 20, encoding="utf-8")
    with cotheme.create_project(target, title="Crash", lead="Lead") as project:
        project.import_files([path])
        project.create_code("Crash")


def test_sigkill_during_coding_loses_no_acknowledged_coding(target: str, tmp_path: Path, zygote: Zygote) -> None:
    _prepared(target, tmp_path)
    zygote.warm(target)
    acknowledged: set[int] = set()
    kills = 0
    began = time.monotonic()
    rng = random.Random(9)
    # Kill until the minimums are met (whatever the machine's speed), then while the time budget
    # lasts; the hard cap only stops a load that acknowledges nothing at all.
    while kills < KILLS and time.monotonic() - began < HARD_CAP_SECONDS and (
        kills < MIN_KILLS or len(acknowledged) < MIN_ACKNOWLEDGED or time.monotonic() - began < BUDGET_SECONDS
    ):
        lines, _ = zygote.round(f"code {target}", rng.uniform(0.0, 0.3))
        acknowledged.update(int(line) for line in lines if line.isdigit())
        kills += 1
    with cotheme.open_project(target) as project:
        report = project.check()
        present = {e.id for e in project.codings()}
    print(f"\ncrash[{project.location[:10]}]: {kills} kills, {len(acknowledged)} acknowledged codings, "
          f"{len(acknowledged & present)} present, {time.monotonic() - began:.1f} s")
    assert kills >= MIN_KILLS  # 20-30 on a quiet machine
    assert len(acknowledged) >= MIN_ACKNOWLEDGED
    assert report.ok, report.problems
    assert acknowledged <= present


def test_sigkill_during_import_leaves_all_or_nothing(target: str, tmp_path: Path, zygote: Zygote) -> None:
    _prepared(target, tmp_path)
    zygote.warm(target)
    files = []
    for n in range(IMPORT_FILES):
        path = tmp_path / f"batch{n:02d}.txt"
        path.write_text(f"Interviewer: round {n}\n\n" + INTERVIEW * 10, encoding="utf-8")
        files.append(str(path))
    before = 1
    landed = 0
    rng = random.Random(4)
    command = f"import {target} {' '.join(files)}"
    # The first import runs whole and is timed; the others are killed at random moments inside that
    # time, so the kills land mid-import however fast the machine (and cotheme) is.
    for n in range(IMPORT_ROUNDS):
        started = time.monotonic()
        _, killed = zygote.round(command, None if n == 0 else rng.uniform(0.05, 0.8) * took)
        if n == 0:
            took = time.monotonic() - started
        landed += killed
        with cotheme.open_project(target) as project:
            count = len(project.documents())
        assert count in (before, before + IMPORT_FILES), (count, before)
        before = count
    with cotheme.open_project(target) as project:
        report = project.check()
    print(f"\nimport crash: {IMPORT_ROUNDS} rounds, {landed} killed mid-import, {before - 1} documents kept")
    assert report.ok, report.problems
    assert landed >= 2
    assert before == 1 + IMPORT_FILES * (IMPORT_ROUNDS - landed)
