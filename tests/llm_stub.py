"""A tiny local language-model server for tests: OpenAI-compatible ``/v1/chat/completions`` (SSE
streaming) and Ollama's ``/api/chat`` (NDJSON) and ``/api/tags``, answering what a test tells it to.
It listens on 127.0.0.1 only and records every request it was sent."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

DIGEST = "sha256:5e1a0c0ffee0000000000000000000000000000000000000000000000000000"
FINGERPRINT = "fp_stub_42"


@dataclass
class Behaviour:
    """What the stub answers: ``text`` cut into ``pieces``; or a redirect; ``delay`` between pieces."""

    text: str = "DEFINITION: Waiting for care.\nINCLUDE: long waits [1], delays [2].\nEXCLUDE: staff manner."
    pieces: int = 5
    redirect: str = ""
    delay: float = 0.0
    model: str = "stub-model:1b"
    requests: list[dict[str, Any]] = field(default_factory=list)
    stopped_early: threading.Event = field(default_factory=threading.Event)


def _chunks(text: str, n: int) -> list[str]:
    size = max(1, -(-len(text) // max(1, n)))
    return [text[i:i + size] for i in range(0, len(text), size)]


def _handler(b: Behaviour) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:  # quiet
            pass

        def _body(self) -> dict[str, Any]:
            length = int(self.headers.get("Content-Length") or 0)
            data = json.loads(self.rfile.read(length) or b"{}")
            b.requests.append({"path": self.path, "body": data, "host": self.headers.get("Host")})
            return data

        def _redirected(self) -> bool:
            if not b.redirect:
                return False
            self.send_response(302)
            self.send_header("Location", b.redirect)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return True

        def _stream(self, content_type: str, lines: Iterator[bytes]) -> None:
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for line in lines:
                    self.wfile.write(line)
                    self.wfile.flush()
                    if b.delay:
                        time.sleep(b.delay)
            except (BrokenPipeError, ConnectionResetError):
                b.stopped_early.set()

        def do_GET(self) -> None:  # noqa: N802
            b.requests.append({"path": self.path, "body": None, "host": self.headers.get("Host")})
            if self._redirected():
                return
            body = json.dumps({"models": [{"name": b.model, "model": b.model, "digest": DIGEST}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:  # noqa: N802
            self._body()
            if self._redirected():
                return
            pieces = _chunks(b.text, b.pieces)
            if self.path.endswith("/chat/completions"):
                def sse() -> Iterator[bytes]:
                    for p in pieces:
                        chunk = {"model": b.model, "system_fingerprint": FINGERPRINT,
                                 "choices": [{"index": 0, "delta": {"content": p}}]}
                        yield b"data: " + json.dumps(chunk).encode() + b"\n\n"
                    yield b"data: [DONE]\n\n"
                self._stream("text/event-stream", sse())
            elif self.path == "/api/chat":
                def nd() -> Iterator[bytes]:
                    for p in pieces:
                        yield json.dumps({"model": b.model, "message": {"role": "assistant", "content": p},
                                          "done": False}).encode() + b"\n"
                    yield json.dumps({"model": b.model, "done": True}).encode() + b"\n"
                self._stream("application/x-ndjson", nd())
            else:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()

    return Handler


@contextmanager
def stub_server(behaviour: Behaviour | None = None) -> Iterator[tuple[str, Behaviour]]:
    """A running stub: yields its base URL (http://127.0.0.1:PORT) and its behaviour (change it freely)."""
    b = behaviour or Behaviour()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(b))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", b
    finally:
        server.shutdown()
        server.server_close()
