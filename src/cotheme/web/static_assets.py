"""The workbench's own scripts and style sheets, served from memory.

Owns ``StaticAssets``, the ASGI app mounted at ``/static``. The reader's first load asks for about
twenty small files at once (its modules, preloaded together). Starlette's ``StaticFiles`` answers
each with a stat and reads of the file on the worker threads and a fresh gzip of the body: on a busy
machine the last of them arrived ~180 ms after the first was asked for, and the reader could not start
before (the reader part of bench/page_weight_bench.py, resource timing). These files are part of the
installed package and never change while a server runs: ~300 KB, read once at start with their gzip
made once, each answer written straight from the event loop. ``ETag`` and ``Last-Modified`` are sent
as before (a browser that has a file asks again with ``If-None-Match`` and gets a 304). Must not
serve anything outside its folder, nor anything that changes while the server runs (a project's
files, recordings).
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
from dataclasses import dataclass
from email.utils import formatdate
from pathlib import Path
from typing import Any

#: Bodies from this many bytes are kept gzipped too (the app's ``GZIP_FROM``: smaller gain nothing).
GZIP_FROM = 1024


@dataclass(frozen=True, slots=True)
class _Asset:
    body: bytes
    gzipped: bytes | None
    media_type: str
    etag: str
    modified: str


def _media_type(path: Path) -> str:
    found = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if path.suffix == ".js":  # some systems' tables still say application/x-javascript
        found = "text/javascript"
    return found + ("; charset=utf-8" if found.startswith("text/") or found.endswith("json") else "")


def _load(folder: Path) -> dict[str, _Asset]:
    assets = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        body = path.read_bytes()
        small = len(body) < GZIP_FROM or path.suffix in (".png", ".jpg", ".woff2", ".gz", ".ico")
        packed = None if small else gzip.compress(body, compresslevel=9, mtime=0)
        assets[path.relative_to(folder).as_posix()] = _Asset(
            body=body, gzipped=packed if packed is not None and len(packed) < len(body) else None,
            media_type=_media_type(path), etag=f'"{hashlib.sha256(body).hexdigest()[:20]}"',
            modified=formatdate(path.stat().st_mtime, usegmt=True))
    return assets


class StaticAssets:
    """Every file under ``folder`` by its relative path; anything else is a 404."""

    def __init__(self, folder: Path) -> None:
        self.assets = _load(folder)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        assert scope["type"] == "http"
        asset = self.assets.get(scope["path"].removeprefix(scope.get("root_path", "")).lstrip("/"))
        if scope["method"] not in ("GET", "HEAD"):
            await _answer(send, 405, [(b"allow", b"GET, HEAD")], b"Method Not Allowed", scope)
            return
        if asset is None:
            await _answer(send, 404, [], b"Not Found", scope)
            return
        headers = dict(scope["headers"])
        common = [(b"etag", asset.etag.encode()), (b"last-modified", asset.modified.encode()),
                  (b"vary", b"Accept-Encoding")]
        if asset.etag.encode() in [tag.strip() for tag in headers.get(b"if-none-match", b"").split(b",")]:
            await _answer(send, 304, common, b"", scope)
            return
        body, extra = asset.body, []
        if asset.gzipped is not None and b"gzip" in headers.get(b"accept-encoding", b""):
            body, extra = asset.gzipped, [(b"content-encoding", b"gzip")]
        await _answer(send, 200, [(b"content-type", asset.media_type.encode()), *common, *extra], body, scope)


async def _answer(send: Any, status: int, headers: list[tuple[bytes, bytes]], body: bytes, scope: Any) -> None:
    if status in (404, 405):
        headers = [(b"content-type", b"text/plain; charset=utf-8"), *headers]
    if status != 304:
        headers = [*headers, (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
