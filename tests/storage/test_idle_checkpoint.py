"""The write-ahead log is folded into the project file once writes have been quiet for ``idle_s``:
after the last of a run of writes, not after the first, and again after a later run."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from typing import Any

from cotheme.storage.checkpoint import IdleCheckpoint


class Recording(IdleCheckpoint):
    def __init__(self, idle_s: float) -> None:
        @contextlib.contextmanager
        def free() -> Iterator[bool]:
            yield True

        super().__init__(engine=None, writers=free, restore_timeout_ms=0, idle_s=idle_s)  # type: ignore[arg-type]
        self.folds: list[float] = []
        self.folded = threading.Event()

    def _fold(self) -> bool:
        self.folds.append(time.monotonic())
        self.folded.set()
        return True


def _writes(keeper: Any, count: int, every_s: float) -> float:
    for _ in range(count):
        keeper.wrote()
        time.sleep(every_s)
    return time.monotonic() - every_s  # when the last write was made


def test_the_fold_waits_for_quiet_after_the_last_write() -> None:
    keeper = Recording(idle_s=0.3)
    try:
        last = _writes(keeper, 12, 0.05)  # 0.6 s of writes, each well within idle_s of the one before
        assert keeper.folded.wait(5)
        assert len(keeper.folds) == 1
        assert keeper.folds[0] - last >= 0.3 - 0.02
        keeper.folded.clear()
        last = _writes(keeper, 3, 0.05)  # a later run is folded in as well
        assert keeper.folded.wait(5)
        assert len(keeper.folds) == 2 and keeper.folds[1] - last >= 0.3 - 0.02
    finally:
        keeper.close()
