"""How many server processes serve a project: the default, and what is refused.

Owns the rule only; starting the processes is the web layer's (``web/workers.py``). One Python process
answers one request's Python at a time (the GIL), and an add-coding over HTTP costs a team server ~4 ms
of CPU (bench/team_bench.py), so one process stops near 200-250 writes/s. On PostgreSQL several
processes share the work, each with its own connections; a project file is served by one process,
because SQLite has one writer at a time and a server's writers queue inside its process
(``Store.write``) rather than in SQLite's polling busy handler across processes. Must not start anything.
"""

from __future__ import annotations

import os

from cotheme.errors import InvalidArgument
from cotheme.storage.engine import is_url

#: Server processes on PostgreSQL by default: one per two cores, at most this many. The database and
#: everything else on the machine need the other half: on 2 cores one process wrote 219 codings/s and
#: two 166/s (bench/team_bench.py, medians of 3 runs of 20 s, load 9-16, the 10 clients on the machine
#: too). Past four, a team's writes wait on the database's CPU and the rows they share, not on Python.
MAX_DEFAULT_WORKERS = 4
#: More processes than this is a typing slip, not a plan: each keeps up to 40 database connections.
MAX_WORKERS = 32


def default_workers(target: str, cpus: int | None = None) -> int:
    """``min(4, cores // 2)`` processes (at least one) for a PostgreSQL project, one for a project file."""
    if not is_url(target):
        return 1
    return max(1, min(MAX_DEFAULT_WORKERS, (cpus if cpus is not None else os.cpu_count() or 1) // 2))


def checked_workers(target: str, workers: int | None) -> int:
    """``workers`` when the project can be served by that many processes (``None``: the default)."""
    if workers is None:
        return default_workers(target)
    if workers < 1 or workers > MAX_WORKERS:
        raise InvalidArgument(f"--workers must be between 1 and {MAX_WORKERS}; {workers} was given.")
    if workers > 1 and not is_url(target):
        raise InvalidArgument(
            "A project file is served by one process (SQLite writes one change at a time); serve it "
            "without --workers, or move the team to PostgreSQL (docs/team.md) to use several."
        )
    return workers
