"""Files only their owner may read: the project file, its backups and what cotheme writes out of it.

Owns creating such a file with mode 0600 from its first moment (``os.open`` with the mode, so there is
no window in which the umask's usual 0644 lets another account on the machine read it): an empty file
SQLite then fills (SQLite gives the project's -wal and -shm the mode of the database file), a copy, and
bytes written out. An existing file being overwritten is narrowed to 0600 before anything is written.
Must not know what the files hold.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

__all__ = ["PRIVATE", "copy_private", "create_private", "write_private"]

#: Read and write for the owner, nothing for the group or others.
PRIVATE = 0o600


def create_private(path: Path) -> None:
    """Create ``path`` empty with mode 0600; an existing file is an error (``FileExistsError``)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE))


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (created 0600, or an existing file narrowed to 0600 first)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE)
    with os.fdopen(fd, "wb") as handle:
        os.fchmod(fd, PRIVATE)
        handle.write(data)


def copy_private(source: Path, target: Path) -> None:
    """Copy ``source`` to the new or replaced file ``target``, created 0600."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE)
    with os.fdopen(fd, "wb") as out, source.open("rb") as into:
        os.fchmod(fd, PRIVATE)
        shutil.copyfileobj(into, out)
