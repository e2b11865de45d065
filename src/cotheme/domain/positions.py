"""Mapping text positions between counting schemes: from what another program counted to our offsets.

Owns ``OffsetMap`` (one step of a mapping, described by the few regions where the two texts differ),
``PositionMap`` (steps applied in order), ``utf16_map`` (UTF-16 code units -> code points, the NVivo
count), ``nvivo_offsets`` (the way back, for writing what NVivo reads) and ``canonical_map`` (code points of a raw text -> code points of its canonical form: leading
byte-order marks dropped, ``\\r\\n`` and ``\\r`` -> ``\\n``, Unicode NFC). ``canonical_map`` gives
exactly the text ``cotheme.domain.text.canonical`` gives.

A position strictly inside a region that changed (between the two code units of a surrogate pair, inside
a combining sequence that NFC composed) has no exact image: a start moves to the region's start, an end
to its end, so a span never loses the characters it touched. A deleted character (the CR of a CRLF, a
BOM) maps to the position where it stood.

Must not do I/O nor know any file format.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = ["OffsetMap", "PositionMap", "canonical_map", "nvivo_offsets", "utf16_length", "utf16_map"]

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_CRLF_OR_CR = re.compile("\r\n?")


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """One mapping step. ``regions`` are ``(src_start, src_end, dst_start, dst_end)``, sorted and disjoint:
    ``src[src_start:src_end]`` became ``dst[dst_start:dst_end]``; outside them the texts agree."""

    regions: tuple[tuple[int, int, int, int], ...] = ()
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False, default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(r[0] for r in self.regions))

    def map(self, offset: int, *, end: bool = False) -> int:
        """The image of ``offset``; ``end=True`` rounds a position inside a changed region up."""
        k = bisect_right(self._starts, offset) - 1
        if k < 0:
            return offset
        src_start, src_end, dst_start, dst_end = self.regions[k]
        if offset >= src_end:
            return offset + (dst_end - src_end)
        if offset == src_start:
            return dst_start
        return dst_end if end else dst_start

    @property
    def identity(self) -> bool:
        return not self.regions


@dataclass(frozen=True, slots=True)
class PositionMap:
    """Several ``OffsetMap`` steps applied in order (e.g. UTF-16 units -> code points -> canonical)."""

    steps: tuple[OffsetMap, ...] = ()

    def map(self, offset: int, *, end: bool = False) -> int:
        for step in self.steps:
            offset = step.map(offset, end=end)
        return offset

    def span(self, start: int, stop: int) -> tuple[int, int]:
        """The image of the span ``start``-``stop`` (start rounded down, end rounded up)."""
        return self.map(start), self.map(stop, end=True)

    def then(self, other: PositionMap) -> PositionMap:
        return PositionMap(self.steps + other.steps)

    @property
    def identity(self) -> bool:
        return all(step.identity for step in self.steps)


def utf16_length(text: str) -> int:
    """How many UTF-16 code units ``text`` takes (an astral character takes two)."""
    return len(text) + len(_ASTRAL.findall(text))


def utf16_map(text: str) -> PositionMap:
    """UTF-16 code-unit offsets in ``text`` -> code-point offsets in ``text``."""
    regions = []
    for shift, match in enumerate(_ASTRAL.finditer(text)):
        point = match.start()
        unit = point + shift
        regions.append((unit, unit + 2, point, point + 1))
    return PositionMap((OffsetMap(tuple(regions)),))


def nvivo_offsets(text: str) -> Callable[[int], int]:
    """Code points of canonical ``text`` -> UTF-16 code units of ``text`` written with CRLF line ends,
    the count NVivo 12 uses: each ``\n`` before the position adds its CR, each astral character a unit."""
    newlines = [m.start() for m in re.finditer("\n", text)]
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    return lambda offset: offset + bisect_left(newlines, offset) + bisect_left(astral, offset)


def canonical_map(raw: str) -> tuple[str, PositionMap]:
    """The canonical form of ``raw`` and the map from code points of ``raw`` to code points of it."""
    lines, line_map = _line_ends(raw)
    text, nfc_map = _nfc(lines)
    return text, PositionMap((line_map, nfc_map))


def _line_ends(raw: str) -> tuple[str, OffsetMap]:
    """Leading BOMs deleted, each CRLF's CR deleted, a lone CR becomes LF (same length)."""
    regions: list[tuple[int, int, int, int]] = []
    boms = len(raw) - len(raw.lstrip("\ufeff"))
    if boms:
        regions.append((0, boms, 0, 0))
    removed = boms
    for match in _CRLF_OR_CR.finditer(raw, boms):
        if match.end() - match.start() == 2:
            at = match.start()
            regions.append((at, at + 1, at - removed, at - removed))
            removed += 1
    text = raw[boms:].replace("\r\n", "\n").replace("\r", "\n")
    return text, OffsetMap(tuple(regions))


def _nfc(text: str) -> tuple[str, OffsetMap]:
    """NFC of ``text`` with the regions it changed. NFC acts on segments (a starter and the characters
    that may combine with it) independently, so only segments holding a suspect character are touched."""
    if unicodedata.is_normalized("NFC", text):
        return text, OffsetMap()
    suspect = _suspect_pattern()
    pieces: list[str] = []
    regions: list[tuple[int, int, int, int]] = []
    done = 0  # text[:done] is handled
    delta = 0
    for match in suspect.finditer(text):
        if match.start() < done:
            continue
        start = match.start()
        while start > done and suspect.match(text, start - 1) is not None:
            start -= 1
        if start > done:  # include the starter the suspect characters may combine with
            start -= 1
        stop = match.end()
        while stop < len(text) and suspect.match(text, stop) is not None:
            stop += 1
        segment = text[start:stop]
        normal = unicodedata.normalize("NFC", segment)
        pieces.append(text[done:start])
        pieces.append(normal)
        if len(normal) != len(segment):  # same length: positions stay one to one
            regions.append((start, stop, start + delta, start + delta + len(normal)))
            delta += len(normal) - len(segment)
        done = stop
    pieces.append(text[done:])
    result = "".join(pieces)
    if result != unicodedata.normalize("NFC", text):  # pragma: no cover - a Unicode corner we missed
        return _nfc_whole(text)
    return result, OffsetMap(tuple(regions))


def _nfc_whole(text: str) -> tuple[str, OffsetMap]:
    """Fallback: one region over the whole text (positions inside round to its ends)."""
    normal = unicodedata.normalize("NFC", text)
    return normal, OffsetMap(((0, len(text), 0, len(normal)),))


@lru_cache(maxsize=1)
def _suspect_pattern() -> re.Pattern[str]:
    """Characters NFC may change or join to the character before: combining marks (ccc != 0),
    characters NFC replaces, second halves of canonical compositions and Hangul vowel/trailing jamo."""
    suspects: set[int] = set()
    for code in list(range(0x30000)) + list(range(0xE0000, 0xE1000)):
        char = chr(code)
        if unicodedata.combining(char) or unicodedata.normalize("NFC", char) != char:
            suspects.add(code)
        decomposition = unicodedata.decomposition(char)
        if decomposition and not decomposition.startswith("<"):
            parts = decomposition.split()
            if len(parts) == 2:
                suspects.add(int(parts[1], 16))
    suspects.update(range(0x1161, 0x1176))  # Hangul medial vowels compose with a leading consonant
    suspects.update(range(0x11A8, 0x11C3))  # and trailing consonants with an LV syllable
    return re.compile("[" + _ranges(sorted(suspects)) + "]")


def _ranges(codes: Sequence[int]) -> str:
    parts: list[str] = []
    first = prev = codes[0]
    for code in list(codes[1:]) + [-1]:
        if code == prev + 1:
            prev = code
            continue
        parts.append(re.escape(chr(first)) + ("-" + re.escape(chr(prev)) if prev > first else ""))
        first = prev = code
    return "".join(parts)
