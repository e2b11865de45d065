"""Keeping a project file whole: moving committed changes out of SQLite's write-ahead log into the
``.cotheme`` file itself once writes have been quiet for a moment, and when the project closes.

In WAL mode a commit lands in ``study.cotheme-wal``; SQLite copies it into the file only every 1,000
pages or when the last connection closes. A server that ran for an afternoon and was stopped by a
signal left a day's coding in the ``-wal`` file, and a copy of "the project file" lacked it. Here a
``wal_checkpoint(TRUNCATE)`` runs ``IDLE_S`` after the last write, retried while another connection
is reading, so that a few seconds after the last change the file alone holds every committed one.

Owns the idle watcher thread and the checkpoint statement. Must not know about tables; PostgreSQL
has nothing to do here (``Store`` makes a watcher for SQLite engines only).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from cotheme.storage.busy import is_busy

#: Quiet time after the last write before the log is folded into the file (s): the promise to users is
#: "5 s after the last change", which leaves room for one retry behind a reader.
IDLE_S = 2.0
#: How long the checkpoint waits for readers and writers of other connections (ms) before trying again
#: later: it holds the file's write lock meanwhile, so other writers must not queue behind it for long.
WAIT_MS = 200


def checkpoint(engine: Engine, restore_timeout_ms: int) -> bool:
    """Fold the whole log into the project file and empty it; True when that completed.

    False when another connection was reading an older snapshot or writing (it will be tried again)."""
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute(f"PRAGMA busy_timeout = {WAIT_MS}")
        try:
            blocked, _log, _moved = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except Exception as exc:  # the DB-API's own error class (sqlite3 or sqlcipher3)
            if not is_busy(exc):
                raise
            return False
        finally:
            raw.execute(f"PRAGMA busy_timeout = {restore_timeout_ms}")
    return not blocked


class IdleCheckpoint:
    """A daemon thread that checkpoints ``IDLE_S`` after the last ``wrote()``, until ``close()``.

    ``writers`` is the store's lock for this process's writers: held while checkpointing, and the
    checkpoint is put off while a write runs (writes going on means the project is not idle)."""

    def __init__(self, engine: Engine, writers: Callable[[], AbstractContextManager[bool]],
                 restore_timeout_ms: int, idle_s: float = IDLE_S) -> None:
        self._engine = engine
        self._writers = writers
        self._restore_timeout_ms = restore_timeout_ms
        self._idle_s = idle_s
        self._changed = threading.Condition()
        self._last_write: float | None = None  # None: nothing waiting to be folded in
        self._closed = False
        self._thread: threading.Thread | None = None

    def wrote(self) -> None:
        """A write committed: fold it in once things have been quiet for ``idle_s``."""
        with self._changed:
            if self._closed:
                return
            counting = self._last_write is not None
            self._last_write = time.monotonic()
            if self._thread is None:  # started on the first write: read-only use costs no thread
                self._thread = threading.Thread(target=self._watch, name="cotheme-checkpoint", daemon=True)
                self._thread.start()
            # Only a watcher asleep without a deadline needs waking. One already counting down to an
            # earlier write's quiet spell finds the later time when it wakes; waking it on every
            # write made it take the GIL in the middle of each request (a quarter of adding a coding).
            if not counting:
                self._changed.notify()

    def close(self) -> bool:
        """Stop watching; True when writes happened that may still be in the log."""
        with self._changed:
            self._closed = True
            pending = self._last_write is not None
            self._changed.notify()
        if self._thread is not None:
            self._thread.join(timeout=10)
        return pending or self._thread is not None

    def _watch(self) -> None:
        with self._changed:
            while not self._closed:
                if self._last_write is None:
                    self._changed.wait()
                    continue
                remaining = self._last_write + self._idle_s - time.monotonic()
                if remaining > 0:
                    self._changed.wait(remaining)
                    continue
                self._last_write = None
                self._changed.release()
                try:
                    done = self._fold()
                finally:
                    self._changed.acquire()
                if not done and self._last_write is None:
                    self._last_write = time.monotonic()  # try again after another quiet spell

    def _fold(self) -> bool:
        with self._writers() as free:
            if not free:  # one of this process's writes is running: not idle after all
                return False
            try:
                return checkpoint(self._engine, self._restore_timeout_ms)
            except SQLAlchemyError:
                return False  # the engine is being disposed of: close() checkpoints itself
