"""Giving a served project's freed memory back to the operating system while the server is quiet.

Owns one daemon thread, started by ``serve``. Answering 9,000 extracts (their rows, objects and JSON
text) or writing a spreadsheet leaves ~20 MB of freed pages in glibc's arenas, which stay resident:
the server's size then sits at its largest answer so far. Once a second the thread compares the
resident size with what it was after the last hand-back and, when it has grown by ``SLACK_MB``, calls
``allocator.give_back`` (``malloc_trim``; a few milliseconds, off any request's path, the GIL
released). Measured on the 9,000-coding bench project: 115 -> ~100 MB after the extracts. Must not be
needed for correctness: without glibc it does nothing, and it never frees anything Python holds.
"""

from __future__ import annotations

import os
import threading

from cotheme.services.allocator import give_back

#: Growth of the resident size (MB) since the last hand-back that makes the next one worth its time.
SLACK_MB = 4
#: Seconds between looks at the resident size (reading /proc/self/statm costs microseconds).
EVERY_S = 1.0
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def resident_mb() -> float | None:
    """This process's resident size in MB (Linux ``/proc``; elsewhere ``None``)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE / 1e6
    except (OSError, IndexError, ValueError):
        return None


class MemoryKeeper:
    """The thread; ``stop()`` ends it (it is a daemon, so a server that exits does not wait for it)."""

    def __init__(self, every_s: float = EVERY_S, slack_mb: float = SLACK_MB) -> None:
        self.every_s, self.slack_mb = every_s, slack_mb
        self.trims = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="cotheme-memory-keeper", daemon=True)

    def start(self) -> MemoryKeeper:
        if resident_mb() is not None:
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def look(self, floor: float) -> float:
        """One look: hand the free pages back when the resident size has grown past ``floor`` + slack;
        the floor to compare with next time."""
        now = resident_mb()
        if now is None:
            return floor
        if now > floor + self.slack_mb:
            give_back()
            self.trims += 1
            return resident_mb() or now
        return min(floor, now)

    def _run(self) -> None:
        floor = resident_mb() or 0.0
        while not self._stop.wait(self.every_s):
            floor = self.look(floor)
