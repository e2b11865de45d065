"""Serving one project from several server processes (``cotheme serve --workers N``).

Owns the uvicorn configuration a worker process is started from (``WorkerConfig``: it opens the
project and builds the app in the worker, never in the parent), and the supervisor that starts them on one shared socket and stops them all on a
signal (``Supervisor``, uvicorn's own, minus its restart-on-SIGHUP).

Why several: one Python process runs one request's Python at a time (the GIL), and an add-coding over
HTTP costs a team server ~4 ms of CPU, so one process stops near 200-250 writes/s whatever the database
could take. Everything a request relies on is in the database or shared here, so any process can answer
any request: sessions and login failures are rows; caches are keyed by the data version, which every
process's writes raise (``storage/data_version.py``); the live feed wakes each process through
PostgreSQL's ``LISTEN``; the CSRF key and the local server's access token are made once, in the parent,
and handed to every worker. What stays in one process: the daily backup schedule runs in the parent
(``cli/serve.py``); a transcription job lives in the process that runs it, so a server of several
processes refuses to start one (``api_transcribe.py``). How many processes: ``services/serving.py``.
Must not decide what a request may do.
"""

from __future__ import annotations

import gc
import signal
from collections.abc import Callable
from typing import Any

import uvicorn
from uvicorn.supervisors import Multiprocess


class WorkerConfig(uvicorn.Config):
    """uvicorn's configuration for a worker process; what the worker needs to open the project and build
    its app travels with it (pickled to each process the supervisor spawns)."""

    def __init__(self, *, target: str, token: str, team: bool, csrf_key: bytes, workers: int,
                 **settings: Any) -> None:
        super().__init__("cotheme.web.app:create_app", workers=workers, **settings)
        self.cotheme_target = target
        self.cotheme_token = token
        self.cotheme_team = team
        self.cotheme_csrf_key = csrf_key

    def load(self) -> None:
        """In the worker: open the project, build its app, and then let uvicorn load it."""
        if isinstance(self.app, str):
            self.app = worker_app(self.cotheme_target, self.cotheme_token, self.cotheme_team,
                                  self.cotheme_csrf_key, self.workers)
        super().load()


def worker_app(target: str, token: str, team: bool, csrf_key: bytes, workers: int) -> Any:
    """The app of one worker process, on its own connection to the project, closed when it stops."""
    import cotheme
    from cotheme.services.allocator import settle_for_serving
    from cotheme.web import security
    from cotheme.web.app import create_app
    from cotheme.web.memory_keeper import MemoryKeeper

    settle_for_serving()  # a spawned process starts with the allocator's defaults
    security.use_csrf_key(csrf_key)
    project = cotheme.open_project(target)
    app = create_app(project, token, team=team)
    app.state.workers = workers
    keeper = MemoryKeeper().start()

    def close() -> None:
        keeper.stop()
        project.close()

    # At the app's shutdown, which uvicorn runs on a clean stop before it ends the process with the
    # signal it was sent (so an atexit hook would never run).
    app.router.on_shutdown.append(close)
    gc.freeze()  # as in server.serve: what lives as long as the server stays out of full collections
    return app


class Supervisor(Multiprocess):
    """uvicorn's process supervisor, stopping on SIGHUP (a closed terminal) as on SIGINT and SIGTERM
    instead of restarting its workers, and leaving ignored signals ignored (under nohup)."""

    def __init__(self, config: uvicorn.Config, sockets: list[Any]) -> None:
        ignored = [sig for sig in (getattr(signal, "SIGHUP", None),) if sig is not None
                   and signal.getsignal(sig) is signal.SIG_IGN]
        super().__init__(config, sockets)
        for sig in ignored:
            signal.signal(sig, signal.SIG_IGN)

    def handle_hup(self) -> None:
        self.handle_term()


def serve_workers(config: WorkerConfig, bound: Callable[[], None] = lambda: None) -> None:
    """Bind the socket once (then call ``bound``) and run ``config.workers`` worker processes on it until
    a signal stops them."""
    sock = config.bind_socket()
    sock.listen(config.backlog)  # uvicorn listens in each worker; until then connections would be refused
    bound()
    try:
        Supervisor(config, sockets=[sock]).run()
    finally:
        sock.close()
