"""Automatic backups for a team server: one backup a day into a folder, keeping the newest N.

Owns the schedule and the rotation only (``safekeeping.backup`` writes each file). Backups are named
``<project>-YYYYMMDD-HHMMSS.cotheme`` in UTC, so the newest sort last and a restarted server sees when
the last one was made and does not make another before a day has passed. The clock is injectable so the
rotation is tested without waiting a day.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cotheme.errors import CothemeError, InvalidArgument
from cotheme.services import safekeeping
from cotheme.storage.cipher import PASSPHRASE_ENV
from cotheme.storage.store import Store

log = logging.getLogger("cotheme.backup")

DAY = timedelta(days=1)
#: How often the background thread wakes to see whether a backup is due (a day has 1,440 minutes, so a
#: backup is at most 10 minutes late).
WAKE_SECONDS = 600.0
_STAMP = "%Y%m%d-%H%M%S"


class BackupSchedule:
    """Daily backups of ``store`` into ``folder``, keeping the newest ``keep``."""

    def __init__(self, store: Store, folder: Path, keep: int, *, every: timedelta = DAY,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        if keep < 1:
            raise InvalidArgument("--keep must be at least 1.")
        if not folder.is_dir():
            raise InvalidArgument(f"The backup folder {folder} does not exist; create it first.")
        self.store, self.folder, self.keep, self.every, self.clock = store, folder, keep, every, clock
        name = Path(store.target).stem if store.dialect == "sqlite" else "project"
        self.stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", name)
        self._pattern = re.compile(rf"^{re.escape(self.stem)}-(\d{{8}}-\d{{6}})\.cotheme$")
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def backups(self) -> list[Path]:
        """This project's backups in the folder, oldest first."""
        found = [p for p in self.folder.iterdir() if self._pattern.match(p.name)]
        return sorted(found, key=lambda p: p.name)

    def last_time(self) -> datetime | None:
        names = self.backups()
        if not names:
            return None
        match = self._pattern.match(names[-1].name)
        assert match is not None
        return datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)

    def due(self) -> bool:
        last = self.last_time()
        return last is None or self.clock() - last >= self.every

    def run_once(self) -> Path | None:
        """Make a backup when one is due, then keep only the newest ``keep``; the new file or ``None``."""
        if not self.due():
            return None
        out = self.folder / f"{self.stem}-{self.clock().astimezone(UTC).strftime(_STAMP)}.cotheme"
        # A project file's backup keeps its own key; a PostgreSQL one is encrypted when the server has
        # COTHEME_PASSPHRASE set.
        key = None if self.store.dialect == "sqlite" else os.environ.get(PASSPHRASE_ENV) or None
        safekeeping.backup(self.store, out, passphrase=key)
        self.prune()
        return out

    def prune(self) -> list[Path]:
        """Delete all but the newest ``keep`` backups; the deleted paths."""
        old = self.backups()[: -self.keep]
        for path in old:
            path.unlink(missing_ok=True)
        return old

    def start(self, wake_seconds: float = WAKE_SECONDS) -> threading.Thread:
        """Run the schedule in a daemon thread until ``stop()``."""
        self._thread = threading.Thread(target=self._loop, args=(wake_seconds,), name="cotheme-backup", daemon=True)
        self._thread.start()
        return self._thread

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def _loop(self, wake_seconds: float) -> None:
        while not self._stop.is_set():
            try:
                made = self.run_once()
                if made is not None:
                    log.warning("cotheme: backed up to %s", made)
            except CothemeError as exc:  # keep serving; say why this backup failed and try again later
                log.error("cotheme: the daily backup failed: %s", exc)
            self._stop.wait(wake_seconds)
