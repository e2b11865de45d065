"""A multipart upload whose last part is a recording, read as it arrives: the fields and the transcript
before it are kept in memory (they are small), and the recording part is handed on as a file that the
import reads a piece at a time, straight into the project store, in the same transaction as its
transcript. Nothing is spooled to a temporary file, so an encrypted project's recording never lies in
plain on the disk. Must not know what the files mean.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator

import anyio.from_thread
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from cotheme.errors import InputError, TooLarge
from cotheme.web.uploads import Upload, max_upload_bytes, safe_name, too_large

#: Raw body bytes read per step.
_STEP = 256 * 1024


class RequestBody(io.RawIOBase):
    """The request body as a blocking file for a worker thread: each read waits for the next piece the
    event loop receives."""

    def __init__(self, stream: AsyncIterator[bytes]) -> None:
        super().__init__()
        self._stream = stream
        self._left = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def _next(self) -> bytes:
        async def pull() -> bytes:
            try:
                return await self._stream.__anext__()
            except StopAsyncIteration:
                return b""

        return anyio.from_thread.run(pull)

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._left and not self._done:
            self._left = self._next()
            self._done = not self._left
        n = min(len(buffer), len(self._left))
        buffer[:n] = self._left[:n]
        self._left = self._left[n:]
        return n


class StreamedForm(io.RawIOBase):
    """``multipart/form-data`` read from ``body``: ``head()`` reads up to the part named ``streamed`` and
    returns what came before; then the object reads as that part's bytes."""

    def __init__(self, body: io.RawIOBase, content_type: str, streamed: str) -> None:
        super().__init__()
        kind, options = parse_options_header(content_type)
        boundary = options.get(b"boundary")
        if kind != b"multipart/form-data" or not boundary:
            raise InputError("Send the transcript and its recording as multipart/form-data.")
        self._body, self._streamed, self._limit = body, streamed, max_upload_bytes()
        self._parser = MultipartParser(boundary, {
            "on_part_begin": self._begin, "on_header_field": self._field, "on_header_value": self._value,
            "on_header_end": self._header_end, "on_headers_finished": self._headers_done,
            "on_part_data": self._data, "on_part_end": self._end,
        })
        self._headers: dict[bytes, bytes] = {}
        self._name, self._value_buf, self._field_buf = b"", b"", b""
        self._filename: str | None = None
        self._part: list[bytes] = []
        self._size = 0
        self._streaming = self._stream_open = self._stream_done = False
        self._out: list[bytes] = []
        self.files: list[tuple[str, bytes]] = []
        self.fields: dict[str, list[str]] = {}
        self.stream_name = ""

    # -- the parser's callbacks ------------------------------------------------------------------
    def _begin(self) -> None:
        self._headers, self._part, self._size = {}, [], 0

    def _field(self, data: bytes, start: int, end: int) -> None:
        self._field_buf += data[start:end]

    def _value(self, data: bytes, start: int, end: int) -> None:
        self._value_buf += data[start:end]

    def _header_end(self) -> None:
        self._headers[self._field_buf.lower()] = self._value_buf
        self._field_buf = self._value_buf = b""

    def _headers_done(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        self._name = options.get(b"name", b"")
        raw = options.get(b"filename")
        self._filename = raw.decode("utf-8", "replace") if raw is not None else None
        if self._name.decode() == self._streamed and not self._stream_done:
            self._streaming = self._stream_open = True
            self.stream_name = safe_name(self._filename)

    def _data(self, data: bytes, start: int, end: int) -> None:
        piece = data[start:end]
        if self._streaming:
            self._out.append(piece)
            return
        self._size += len(piece)
        if self._size > self._limit:
            raise too_large(self._limit)
        self._part.append(piece)

    def _end(self) -> None:
        if self._streaming:
            self._streaming, self._stream_done = False, True
            return
        value = b"".join(self._part)
        name = self._name.decode("utf-8", "replace")
        if self._filename is not None:
            self.files.append((safe_name(self._filename), value))
        else:
            self.fields.setdefault(name, []).append(value.decode("utf-8", "replace"))

    # -- reading -----------------------------------------------------------------------------------
    def _feed(self) -> bool:
        chunk = self._body.read(_STEP)
        if not chunk:
            return False
        try:
            self._parser.write(chunk)
        except MultipartParseError as exc:
            raise InputError(f"The upload is not a well-formed multipart form ({exc}); nothing was imported.") from None
        return True

    def head(self) -> Upload:
        """Everything before the streamed part; ``InputError`` when the body ends without it."""
        while not self._stream_open:
            if not self._feed():
                raise InputError(f"No '{self._streamed}' file came with the request; send it as the last part.")
        return Upload(self.files, self.fields)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._out and not self._stream_done:
            if not self._feed():
                raise InputError("The upload was cut off before it was complete; nothing was imported.")
        data = b"".join(self._out)
        n = min(len(buffer), len(data))
        buffer[:n] = data[:n]
        self._out = [data[n:]] if n < len(data) else []
        return n


__all__ = ["RequestBody", "StreamedForm", "TooLarge"]
