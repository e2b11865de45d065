"""What a format reader hands to the importer: canonical text plus speaker turns.

A ``ParsedTranscript`` is produced by ``cotheme.formats`` from bytes and consumed by the import service.
It owns the invariants of a parsed transcript (NFC text with ``\\n`` line ends, turns that lie inside the
text in order and do not overlap) and checks them when it is made. It must not do any I/O.

The text is held either as a ``str`` (what a plugin reader gives) or as its UTF-8 bytes with each turn's
byte span (what cotheme's own readers build): a ``str`` takes 4 bytes a character once one emoji is in
it, the UTF-8 bytes of a mostly-English transcript about 1, and importing a long file holds its text at
the peak. Either way ``text`` gives the ``str`` and ``utf8`` the bytes; the importer reads ``utf8``,
``length``, ``turn_texts()`` and ``text_pieces()``, which never make the whole text a ``str``.
"""

from __future__ import annotations

import unicodedata
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from io import BytesIO
from typing import Any


@dataclass(frozen=True, slots=True)
class TurnDraft:
    """One speaker turn: ``text[start:end]`` in code points, with optional timestamps in milliseconds."""

    speaker: str | None
    start: int
    end: int
    t_start_ms: int | None = None
    t_end_ms: int | None = None


#: Characters (or bytes) of text handled at a time by ``text_pieces`` and ``utf8`` of a ``str`` text:
#: enough that the per-piece cost is nothing, small enough that a piece is no memory.
PIECE = 1 << 16


class ParsedTranscript:
    """Canonical text (NFC, ``\\n`` line ends) and its turns, as read from one source file.

    ``format`` names the reader (``txt``, ``md``, ``docx``, ``pdf``, ``vtt``, ``srt``, ``otter``);
    ``metadata`` carries what the file itself says (e.g. ``{"variant": "zoom"}``). Immutable.
    """

    __slots__ = ("format", "metadata", "_turns", "_text", "_utf8", "_length", "_spans")

    format: str
    metadata: dict[str, str]

    def __init__(self, text: str, turns: Iterable[TurnDraft], format: str,
                 metadata: dict[str, str] | None = None) -> None:
        if "\r" in text:
            raise ValueError("canonical text must use \\n line ends")
        if not unicodedata.is_normalized("NFC", text):
            raise ValueError("canonical text must be NFC")
        self._set(turns, format, metadata, text, None, len(text), None)

    @classmethod
    def from_utf8(cls, utf8: bytes, length: int, turns: Iterable[TurnDraft], spans: array[int], format: str,
                  metadata: dict[str, str] | None = None) -> ParsedTranscript:
        """A transcript whose text is ``utf8`` (``length`` code points); ``spans`` holds each turn's
        first and end byte, two numbers a turn. Checked as the ``str`` form is, a piece at a time."""
        if b"\r" in utf8:
            raise ValueError("canonical text must use \\n line ends")
        turns = _Turns(turns)
        if len(spans) != 2 * len(turns):
            raise ValueError("every turn needs its byte span")
        made = cls.__new__(cls)
        made._set(turns, format, metadata, None, utf8, length, spans)
        if not all(unicodedata.is_normalized("NFC", piece) for piece in made.text_pieces()):
            raise ValueError("canonical text must be NFC")
        return made

    def _set(self, turns: Iterable[TurnDraft], format: str, metadata: dict[str, str] | None,
             text: str | None, utf8: bytes | None, length: int, spans: array[int] | None) -> None:
        held = turns if isinstance(turns, _Turns) else _Turns(turns)
        last_end = 0
        for i, (start, end) in enumerate(zip(held.starts, held.ends, strict=True)):
            if not (last_end <= start <= end <= length):
                raise ValueError(f"turn {held[i]} is out of order or outside the text")
            last_end = end
        for name, value in (("_turns", held), ("format", format), ("metadata", dict(metadata or {})),
                            ("_text", text), ("_utf8", utf8), ("_length", length), ("_spans", spans)):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"a ParsedTranscript cannot be changed ({name}); make a new one")

    @property
    def text(self) -> str:
        """The whole text as a ``str`` (decoded on each read when it is held as UTF-8: read it once)."""
        return self._text if self._text is not None else str(self._utf8, "utf-8")  # type: ignore[arg-type]

    @property
    def utf8(self) -> bytes:
        """The whole text as UTF-8 (encoded a slice at a time when it is held as a ``str``)."""
        if self._utf8 is not None:
            return self._utf8
        buffer = BytesIO()
        for piece in self.text_pieces():
            buffer.write(piece.encode("utf-8"))
        return buffer.getvalue()  # the buffer's own bytes, not a copy

    @property
    def turns(self) -> tuple[TurnDraft, ...]:
        """Every turn, as a tuple made on each read (iterate ``iter_turns()`` to make one at a time)."""
        return tuple(self._turns)

    def iter_turns(self) -> Iterator[TurnDraft]:
        """Each turn in order, made as it is handed out."""
        return iter(self._turns)

    @property
    def turn_count(self) -> int:
        return len(self._turns)

    @property
    def length(self) -> int:
        """The text's length in code points."""
        return self._length

    def text_pieces(self) -> Iterator[str]:
        """The text in order as pieces of about ``PIECE`` characters, each cut after a line end (or at
        the end): no word, and no character with its combining marks, is ever cut in two."""
        if self._text is not None:
            text, at = self._text, 0
            while at < len(text):
                cut = text.find("\n", at + PIECE)
                end = len(text) if cut < 0 else cut + 1
                yield text[at:end]
                at = end
            return
        data, at = memoryview(self._utf8), 0  # type: ignore[arg-type]
        while at < len(data):
            cut = self._utf8.find(b"\n", at + PIECE)  # type: ignore[union-attr]
            end = len(data) if cut < 0 else cut + 1
            yield str(data[at:end], "utf-8")
            at = end

    def utf8_pieces(self) -> Iterator[bytes | memoryview]:
        """The text's UTF-8 bytes in order, a piece at a time (views of the bytes when it is held so)."""
        if self._utf8 is not None:
            view = memoryview(self._utf8)
            for at in range(0, len(view), PIECE):
                yield view[at : at + PIECE]
            return
        for piece in self.text_pieces():
            yield piece.encode("utf-8")

    def turn_texts(self) -> Iterator[str]:
        """Each turn's text, in order, made one at a time."""
        if self._text is not None:
            for start, end in zip(self._turns.starts, self._turns.ends, strict=True):
                yield self._text[start:end]
            return
        data, spans = memoryview(self._utf8), self._spans  # type: ignore[arg-type]
        for i in range(len(self._turns)):
            yield str(data[spans[2 * i] : spans[2 * i + 1]], "utf-8")  # type: ignore[index]

    def with_turns(self, turns: Iterable[TurnDraft]) -> ParsedTranscript:
        """The same text with ``turns`` over the same offsets (e.g. speakers renamed)."""
        held = _Turns(turns)
        if held.starts != self._turns.starts or held.ends != self._turns.ends:
            raise ValueError("with_turns keeps every turn's offsets")
        made = self.__class__.__new__(self.__class__)
        made._set(held, self.format, self.metadata, self._text, self._utf8, self._length, self._spans)
        return made

    @property
    def speakers(self) -> list[str]:
        """Distinct speaker labels in order of first appearance (``None`` excluded)."""
        return [name for name in self._turns.names if name is not None]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ParsedTranscript):
            return NotImplemented
        return (self._turns, self.format, self.metadata, self.length) == (
            other.turns, other.format, other.metadata, other.length) and self.utf8 == other.utf8

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"ParsedTranscript(length={self._length}, turns={len(self._turns)}, format={self.format!r}, "
                f"metadata={self.metadata!r})")


#: A missing time in the time arrays (the one 64-bit number no clock time is).
_NO_TIME = -(2**63)


class _Turns:
    """Turns held as columns of machine integers, each speaker's name once: a ``TurnDraft`` with its two
    offsets took about 200 bytes a turn (a long transcript's turns, half its file size again); these
    take about 40. Behaves as a sequence of ``TurnDraft``, each made as it is read."""

    __slots__ = ("starts", "ends", "t_starts", "t_ends", "who", "names")

    def __init__(self, turns: Iterable[TurnDraft]) -> None:
        self.starts, self.ends = array("q"), array("q")
        self.t_starts, self.t_ends = array("q"), array("q")
        self.who = array("l")
        numbers: dict[str | None, int] = {}
        for turn in turns:
            self.starts.append(turn.start)
            self.ends.append(turn.end)
            self.t_starts.append(_NO_TIME if turn.t_start_ms is None else turn.t_start_ms)
            self.t_ends.append(_NO_TIME if turn.t_end_ms is None else turn.t_end_ms)
            self.who.append(numbers.setdefault(turn.speaker, len(numbers)))
        self.names = tuple(numbers)  # in order of first appearance

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i: int) -> TurnDraft:
        t_start, t_end = self.t_starts[i], self.t_ends[i]
        return TurnDraft(self.names[self.who[i]], self.starts[i], self.ends[i],
                         None if t_start == _NO_TIME else t_start, None if t_end == _NO_TIME else t_end)

    def __iter__(self) -> Iterator[TurnDraft]:
        return (self[i] for i in range(len(self.starts)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Turns):
            return NotImplemented
        return list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]
