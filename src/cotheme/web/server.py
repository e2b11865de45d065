"""Serving a project on the local machine: the token URL, uvicorn, and a clean stop on a signal.

A server stops cleanly on Ctrl+C (SIGINT), ``kill`` (SIGTERM) and a closed terminal (SIGHUP): requests
in flight finish, then ``serve`` returns and its caller closes the project, which folds the project
file's write-ahead log into the file. uvicorn itself treats SIGHUP as fatal and, after its own clean
stop, raises SIGTERM again with the default action, killing the process before the project is closed
(the day's coding then stayed in ``study.cotheme-wal``); ``ProjectServer`` does neither.
"""

from __future__ import annotations

import contextlib
import gc
import os
import secrets
import signal
import threading
from collections.abc import Callable, Generator

import uvicorn

from cotheme.services.allocator import settle_for_serving
from cotheme.services.project import Project
from cotheme.web.app import create_app
from cotheme.web.memory_keeper import MemoryKeeper
from cotheme.web.security import new_token

LOOPBACK = "127.0.0.1"


#: The signals that stop a server cleanly (SIGHUP: its terminal was closed; SIGBREAK: Windows Ctrl+Break).
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK")
                     if hasattr(signal, name))


class ProjectServer(uvicorn.Server):
    """uvicorn's server, stopping cleanly on every signal in ``STOP_SIGNALS`` and then returning."""

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        if threading.current_thread() is not threading.main_thread():  # signals reach the main thread only
            yield
            return
        # A signal already ignored stays ignored: under nohup the server is meant to outlive its terminal.
        original = {sig: signal.signal(sig, self.handle_exit) for sig in STOP_SIGNALS
                    if signal.getsignal(sig) is not signal.SIG_IGN}
        try:
            yield
        finally:
            for sig, handler in original.items():
                signal.signal(sig, handler)


def url_for(host: str, port: int, token: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/?token={token}"


def serve(project: Project, *, host: str = LOOPBACK, port: int = 8765,
          announce: Callable[[str], None] = print, token: str | None = None, team: bool | None = None,
          workers: int = 1, target: str | None = None) -> None:
    """Serve ``project`` until interrupted, announcing the URL that carries the access token (or, on a
    team server, the login address). ``workers`` > 1: that many processes, each opening ``target``
    (the project's file or URL) itself (``workers.py``)."""
    settle_for_serving()  # before any worker thread has an arena of its own (services/allocator.py)
    token = token or new_token()
    if workers > 1:
        _serve_workers(project, host, port, announce, token, team, workers, target)
        return
    app = create_app(project, token, team=team)
    # Live pages hold a stream open: on a stop, uvicorn waits this long for them before closing them.
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False,
                            timeout_graceful_shutdown=3, **proxy_settings())
    server = ProjectServer(config)
    # Everything built so far (modules, the app, its schemas and templates) lives as long as the
    # server: kept out of the collector's full passes, which otherwise walk it all each time a page
    # of 10,000 extracts allocates enough to set one off (30-40 ms pauses measured).
    gc.freeze()
    shown = f"[{host}]" if ":" in host else host
    announce(f"http://{shown}:{port}/login" if app.state.team else url_for(host, port, token))
    keeper = MemoryKeeper().start()
    try:
        with project.team.serving(port):
            server.run()
    finally:
        keeper.stop()


def _serve_workers(project: Project, host: str, port: int, announce: Callable[[str], None], token: str,
                   team: bool | None, workers: int, target: str | None) -> None:
    from cotheme.web.workers import WorkerConfig, serve_workers

    if target is None:
        raise ValueError("serving from several processes needs the project's target")
    team = project.team.team_mode() if team is None else team
    config = WorkerConfig(target=target, token=token, team=team, csrf_key=secrets.token_bytes(32),
                          workers=workers, host=host, port=port, log_level="warning", access_log=False,
                          timeout_graceful_shutdown=3, **proxy_settings())
    shown = f"[{host}]" if ":" in host else host
    # Announced once the port is bound: a client that connects before the workers are up waits in the
    # socket's queue instead of being refused.
    serve_workers(config, lambda: announce(f"http://{shown}:{port}/login" if team else url_for(host, port, token)))


def proxy_settings() -> dict[str, object]:
    """Trust X-Forwarded-Proto/-For only from the proxies named in ``COTHEME_TRUSTED_PROXIES`` (e.g.
    ``127.0.0.1`` for a TLS proxy on the same machine); by default no proxy header is believed, so
    nobody can make the server think a plain-http request came over TLS."""
    trusted = os.environ.get("COTHEME_TRUSTED_PROXIES", "").strip()
    if not trusted:
        return {"proxy_headers": False}
    return {"proxy_headers": True, "forwarded_allow_ips": trusted}
