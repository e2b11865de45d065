"""A text kept as its UTF-8 bytes and read by code-point offsets, as cotheme's offsets count.

Owns finding the byte where a code point starts, through a checkpoint every ``STEP`` bytes, so that
a long transcript can be compared piece by piece without turning it into a Python ``str``: a ``str``
takes up to 4 bytes per character (all of them, once one emoji is in it), its UTF-8 bytes about 1.
Must not read or write anything; it is handed the bytes.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right

#: Bytes between checkpoints: finding an offset decodes at most this much, and 200 MB of text needs
#: 200,000 checkpoints (3 MB).
STEP = 1024
#: Every byte that is not a UTF-8 continuation byte (10xxxxxx): deleting them leaves the continuations.
_LEADS = bytes(b for b in range(256) if b & 0xC0 != 0x80)


class Utf8Text:
    """``data`` (valid UTF-8) addressed by code point: ``reads(start, end, expected)``."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._points = array("q", [0])  # the code-point offset at each checkpoint
        self._bytes = array("q", [0])  # the byte offset of each checkpoint (a character's first byte)
        point, at = 0, 0
        while at < len(data):
            end = _boundary(data, min(len(data), at + STEP))
            chunk = data[at:end]
            point += len(chunk) - len(chunk.translate(None, _LEADS))
            at = end
            self._points.append(point)
            self._bytes.append(at)
        self.length = point

    def byte_at(self, offset: int) -> int:
        """The byte where the character at code-point ``offset`` starts (``0 <= offset <= length``)."""
        i = bisect_right(self._points, offset) - 1
        point, at = self._points[i], self._bytes[i]
        if point == offset:
            return at
        following = self._bytes[i + 1] if i + 1 < len(self._bytes) else len(self.data)
        piece = self.data[at:following].decode("utf-8", "surrogateescape")  # a damaged file must not raise
        return at + len(piece[: offset - point].encode("utf-8", "surrogateescape"))

    def reads(self, start: int, end: int, expected: str) -> bool:
        """Whether the text between code points ``start`` and ``end`` is exactly ``expected``."""
        if not 0 <= start <= end <= self.length:
            return False
        return self.data[self.byte_at(start) : self.byte_at(end)] == expected.encode("utf-8")


def _boundary(data: bytes, at: int) -> int:
    """``at`` moved back to the first byte of the character it falls in."""
    while at < len(data) and data[at] & 0xC0 == 0x80:
        at -= 1
    return at
