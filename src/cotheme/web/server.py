"""Serving a project on the local machine: the token URL and uvicorn."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable

import uvicorn

from cotheme.services.project import Project
from cotheme.web.app import create_app
from cotheme.web.security import new_token

LOOPBACK = "127.0.0.1"


def url_for(host: str, port: int, token: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/?token={token}"


def serve(project: Project, *, host: str = LOOPBACK, port: int = 8765,
          announce: Callable[[str], None] = print, token: str | None = None, team: bool | None = None) -> None:
    """Serve ``project`` until interrupted, announcing the URL that carries the access token (or, on a
    team server, the login address: issue #4)."""
    token = token or new_token()
    app = create_app(project, token, team=team)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False, **proxy_settings())
    server = uvicorn.Server(config)
    # Everything built so far (modules, the app, its schemas and templates) lives as long as the
    # server: kept out of the collector's full passes, which otherwise walk it all each time a page
    # of 10,000 extracts allocates enough to set one off (30-40 ms pauses measured).
    gc.freeze()
    shown = f"[{host}]" if ":" in host else host
    announce(f"http://{shown}:{port}/login" if app.state.team else url_for(host, port, token))
    server.run()


def proxy_settings() -> dict[str, object]:
    """Trust X-Forwarded-Proto/-For only from the proxies named in ``COTHEME_TRUSTED_PROXIES`` (e.g.
    ``127.0.0.1`` for a TLS proxy on the same machine); by default no proxy header is believed, so
    nobody can make the server think a plain-http request came over TLS."""
    trusted = os.environ.get("COTHEME_TRUSTED_PROXIES", "").strip()
    if not trusted:
        return {"proxy_headers": False}
    return {"proxy_headers": True, "forwarded_allow_ips": trusted}
