"""A cap on the size of request bodies: anything larger is refused with 413 and one JSON sentence
before the application reads it.

``COTHEME_MAX_REQUEST_MB`` sets the cap (default 10 MB: the largest JSON the pages send is a memo or a
map layout, a few KB; transcripts are imported with the CLI). A declared ``Content-Length`` over the cap
is refused without reading a byte; a chunked body is counted as it arrives and refused when it passes
the cap. Must not look at what the body means.
"""

from __future__ import annotations

import json
import os

from starlette.types import ASGIApp, Message, Receive, Scope, Send

DEFAULT_MAX_REQUEST_MB = 10
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

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None:
            if not declared.isdigit() or int(declared) > self.max_bytes:
                await self._refuse(send)
                return
            await self.app(scope, receive, send)  # the server stops reading at the declared length
            return
        # No length declared (chunked): take the body in, at most max_bytes of it, then hand it on.
        messages: list[Message] = []
        seen = 0
        while True:
            message = await receive()
            messages.append(message)
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                await self._refuse(send)
                return
            if message["type"] != "http.request" or not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        limit = self.max_bytes / _MB
        body = json.dumps(
            {"error": f"The request is larger than the {round(limit, 2):g} MB this server accepts "
                      "(COTHEME_MAX_REQUEST_MB); send less at once."}
        ).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"x-content-type-options", b"nosniff"), (b"cache-control", b"no-store")]})
        await send({"type": "http.response.body", "body": body})
