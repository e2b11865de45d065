"""The outcome of ``cotheme check``: each check's name and the problems it found.

Pure data; the checks themselves are SQL in ``cotheme.storage.integrity``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CheckReport:
    """Which checks ran on ``location`` and what each found (an empty tuple when it passed)."""

    location: str
    engine: str
    checks: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def problems(self) -> list[str]:
        return [problem for _name, found in self.checks for problem in found]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """A backup written: where, from which engine, whether it is encrypted, and its size."""

    path: str
    source: str
    engine: str
    encrypted: bool
    bytes: int
