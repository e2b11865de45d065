"""A project file's write lock: waiting for it fairly and within a bound, and saying who holds it.

SQLite lets one writer at a time. Owns: recognising SQLite's "database is locked" errors, taking the
write lock (``BEGIN IMMEDIATE``) with a bounded wait, the order in which one process's writers take
turns (``TurnLock``), the note a running ``cotheme serve`` leaves beside
the project file (``study.cotheme-server``) so that other processes can name it, and the one sentence a
writer gets when the wait runs out — a busy project is never reported as a damaged one.

Must not know about tables or business rules.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cotheme.errors import ProjectBusy

#: The environment variable that sets how long a change waits for another process's (seconds).
WAIT_ENV = "COTHEME_BUSY_WAIT"
#: Far beyond one coding (~1-5 ms) or a typical import, short enough that a stuck lock gets a sentence.
DEFAULT_WAIT_S = 30.0
#: SQLITE_BUSY and SQLITE_LOCKED (primary result codes; extended codes carry them in the low byte).
_BUSY_CODES = (5, 6)
_BUSY_TEXTS = ("database is locked", "database is busy", "database table is locked")
#: Polling steps while another process writes (s): a coding holds the lock ~1-5 ms.
_FIRST_STEP_S, _LONGEST_STEP_S = 0.0005, 0.004


def wait_seconds() -> float:
    """How long a change waits for the write lock: ``COTHEME_BUSY_WAIT`` seconds, else 30."""
    try:
        given = float(os.environ.get(WAIT_ENV, ""))
    except ValueError:
        return DEFAULT_WAIT_S
    return given if given >= 0 else DEFAULT_WAIT_S


def is_busy(exc: BaseException | None) -> bool:
    """True when ``exc`` (a DB-API error) is SQLite saying another connection holds a lock."""
    if exc is None:
        return False
    code = getattr(exc, "sqlite_errorcode", None)  # sqlcipher3's errors carry only the text
    if code is not None:
        return code & 0xFF in _BUSY_CODES
    return str(exc).startswith(_BUSY_TEXTS)


def begin_immediate(raw: Any, path: Path, busy_timeout_ms: int) -> None:
    """``BEGIN IMMEDIATE`` on the DB-API connection ``raw``, retried until ``wait_seconds()`` passed.

    SQLite's own busy handler sleeps in growing steps up to 100 ms, so among ten writer processes a
    waiting one mostly sleeps while the others, polling sooner, take the lock again: at ten writers a
    write waited up to 8 s and now and then past the busy timeout, failing with a raw "database is
    locked" (bench/team_bench.py --mode api). Polling every 0.5-4 ms here keeps each waiter's chance
    fair; only the BEGIN is retried, so no work is ever done twice.
    """
    raw.execute("PRAGMA busy_timeout = 0")
    try:
        deadline = time.monotonic() + wait_seconds()
        step = _FIRST_STEP_S
        while True:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except Exception as exc:
                if not is_busy(exc):
                    raise
            if time.monotonic() >= deadline:
                raise ProjectBusy(sentence(path, wait_seconds()))
            time.sleep(step * random.uniform(0.5, 1.5))
            step = min(step * 2, _LONGEST_STEP_S)
    finally:
        raw.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")


def sentence(path: Path | str, waited: float) -> str:
    """What a user reads when ``path`` stayed locked for ``waited`` seconds."""
    return (
        f"{path} is busy: {holder(Path(path))} is changing it, and cotheme waited {waited:.0f} s for it. "
        "Try again in a moment; nothing was changed, and the project is not damaged."
    )


def holder(path: Path) -> str:
    """Who probably holds the lock: the running cotheme server, when one has left its note."""
    note = server_note(path)
    if note is None or note["pid"] == os.getpid():  # the server itself waiting: someone else holds it
        return "another program (another cotheme command, a script, or a database tool that has it open)"
    return f"a running 'cotheme serve' (process {note['pid']}, port {note['port']}, since {note['started']})"


def note_path(path: Path) -> Path:
    """The file a running server keeps beside the project file ``path``."""
    return path.with_name(path.name + "-server")


@contextmanager
def serving(path: Path, port: int) -> Iterator[None]:
    """Leave a note beside ``path`` saying this process serves it on ``port`` (no token, no URL), for
    as long as the block runs; a note left by a killed server is recognised as stale."""
    note = note_path(path)
    body = {"pid": os.getpid(), "port": port, "started": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}
    try:
        descriptor = os.open(note, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(body, handle)
    except OSError:  # a read-only folder: the server still runs, busy sentences are vaguer
        yield
        return
    try:
        yield
    finally:
        if (server_note(path) or {}).get("pid") == os.getpid():
            note.unlink(missing_ok=True)


def server_note(path: Path) -> dict[str, Any] | None:
    """The note of the server running for ``path``, or ``None`` when there is none or it is stale."""
    try:
        note = json.loads(note_path(path).read_text(encoding="utf-8"))
        pid = int(note["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return note if _alive(pid) else None


def _alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill(pid, 0) would send CTRL_C_EVENT there: trust the note
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


class TurnLock:
    """A reentrant lock handed to its waiters in the order they came: this process's writers queue
    here before SQLite's lock. A plain ``RLock`` lets a thread that arrives as another releases it
    jump the queue, so under ten coders one request waited 5.9 s while the median waited 90 ms
    (bench/team_bench.py, web mode)."""

    def __init__(self) -> None:
        self._changed = threading.Condition(threading.Lock())
        self._queue: deque[int] = deque()
        self._owner: int | None = None
        self._depth = 0
        self._tickets = itertools.count()

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        me = threading.get_ident()
        with self._changed:
            if self._owner == me:
                self._depth += 1
                return True
            if self._owner is None and not self._queue:
                self._owner, self._depth = me, 1
                return True
            if not blocking:
                return False
            ticket = next(self._tickets)
            self._queue.append(ticket)
            deadline = None if timeout < 0 else time.monotonic() + timeout
            while self._owner is not None or self._queue[0] != ticket:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    self._queue.remove(ticket)
                    self._changed.notify_all()  # the next in line may be free to go now
                    return False
                self._changed.wait(remaining)
            self._queue.popleft()
            self._owner, self._depth = me, 1
            return True

    def release(self) -> None:
        with self._changed:
            if self._owner != threading.get_ident():
                raise RuntimeError("release of a TurnLock this thread does not hold")
            self._depth -= 1
            if self._depth == 0:
                self._owner = None
                self._changed.notify_all()
