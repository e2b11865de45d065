"""A cap on the size of request bodies: anything larger is refused with 413 and one JSON sentence
before the application reads it.

``COTHEME_MAX_REQUEST_MB`` sets the cap (default 10 MB: the largest JSON the pages send is a memo or a
map layout, a few KB). Uploads to the import routes (``uploads.UPLOAD_PATHS``) have the import limit
instead (``COTHEME_MAX_IMPORT_MB``). A declared ``Content-Length`` over the cap is refused without
reading a byte; a chunked body is counted as it arrives and refused when it passes the cap (an upload
is not held here: it streams on, counted, and the route's reading stops at the cap). Must not look at
what the body means.
"""

from __future__ import annotations

import json
import os
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

DEFAULT_MAX_REQUEST_MB = 10
#: The uploads of a recording (its raw bytes as the body, to attach or to transcribe, or a transcript and
#: its recording as a form), capped by ``COTHEME_MAX_RECORDING_MB``.
RECORDING_UPLOAD = re.compile(r"^/api/v1/(documents/\d+/recording|imports/recorded|transcriptions)$")
_MB = 1024 * 1024


def max_request_bytes() -> int:
    raw = os.environ.get("COTHEME_MAX_REQUEST_MB", "").strip()
    try:
        value = float(raw) if raw else DEFAULT_MAX_REQUEST_MB
    except ValueError:
        value = DEFAULT_MAX_REQUEST_MB
    return int(max(value, 0.001) * _MB)


class BodyLimit:
    """ASGI middleware refusing request bodies over ``max_bytes`` with 413."""

    def __init__(self, app: ASGIApp, max_bytes: int, *, uploads: frozenset[str] = frozenset(),
                 upload_bytes: int = 0, media: re.Pattern[str] | None = None, media_bytes: int = 0) -> None:
        self.app = app
        self.media = media
        self.media_bytes = media_bytes
        self.max_bytes = max_bytes
        self.uploads = uploads
        self.upload_bytes = upload_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        media = self.media is not None and scope.get("method") in ("PUT", "POST") and bool(self.media.match(path))
        upload = path in self.uploads or media
        cap = self.media_bytes if media else self.upload_bytes if upload else self.max_bytes
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None:
            if not declared.isdigit() or int(declared) > cap:
                await self._refuse(send, cap)
                return
            await self.app(scope, receive, send)  # the server stops reading at the declared length
            return
        if upload:  # streamed on as it comes; web/uploads.py (a recording: its service) stops at the cap
            await self.app(scope, receive, send)
            return
        # No length declared (chunked): take the body in, at most max_bytes of it, then hand it on.
        messages: list[Message] = []
        seen = 0
        while True:
            message = await receive()
            messages.append(message)
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                await self._refuse(send, self.max_bytes)
                return
            if message["type"] != "http.request" or not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send, cap: int) -> None:
        limit = cap / _MB
        setting = ("COTHEME_MAX_REQUEST_MB" if cap == self.max_bytes
                   else "COTHEME_MAX_RECORDING_MB" if cap == self.media_bytes else "COTHEME_MAX_IMPORT_MB")
        body = json.dumps(
            {"error": f"The request is larger than the {round(limit, 2):g} MB this server accepts "
                      f"({setting}); send less at once. Nothing was imported or changed."}
        ).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"x-content-type-options", b"nosniff"), (b"cache-control", b"no-store")]})
        await send({"type": "http.response.body", "body": body})
