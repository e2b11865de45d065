"""Files written out of a project (reports, codebook and theme exports, texts, maps, the audit trail)
for the commands and the Python API: created readable by their owner only (0600), since they hold
quotes from the interviews. Must not build their contents.
"""

from __future__ import annotations

from pathlib import Path

from cotheme.storage.private import write_private

__all__ = ["write_output"]


def write_output(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` (created 0600) and return the path."""
    target = Path(path)
    write_private(target, data)
    return target
