"""Canonical transcript text and the anchors that tie a coding to it.

Canonical text is Unicode NFC with ``\\n`` line ends; offsets are code points from 0 (REFI-QDA §10.2,
Python ``str``). An anchor keeps a coding's position *and* its quote with ~32 characters of context on
each side (W3C TextPositionSelector + TextQuoteSelector), so a later edit can find the span again.
Must not do I/O.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from cotheme.errors import InvalidArgument

#: Characters of context kept on each side of a quote; 32 disambiguates a repeated phrase in practice
#: while keeping a coding row small.
CONTEXT_CHARS = 32

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def canonical(text: str) -> str:
    """Return ``text`` as canonical transcript text: NFC, ``\\n`` line ends, no BOM."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def refuse_nul(value: str, what: str = "text") -> None:
    """Raise ``InvalidArgument`` when ``value`` holds U+0000: PostgreSQL cannot store it in text, so a
    project on either engine refuses it, and the two answer alike. ``what`` names the field."""
    if "\x00" in value:
        raise InvalidArgument(
            f"The {what} contains a NUL character (U+0000), which a cotheme project cannot store; "
            "remove it and try again."
        )


def word_count(text: str) -> int:
    """Words as a reader counts them: runs of letters/digits, with inner apostrophes."""
    # Counted one match at a time: ``findall`` kept every word as a string at once, about 9 times the
    # size of the file in memory (a 4 MB transcript holds ~700,000 words), and was no faster.
    return sum(1 for _ in _WORD.finditer(text))


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a coding sits: ``start``/``end`` in code points and the quote with its context."""

    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


def check_span(start: int, end: int, length: int) -> None:
    """Raise ``InvalidArgument`` unless ``0 <= start < end <= length``."""
    if not (0 <= start < end <= length):
        raise InvalidArgument(
            f"The span {start}-{end} is not inside the text (0-{length}); start must be before end."
        )


def anchor_in(text: str, start: int, end: int) -> Anchor:
    """The anchor of ``text[start:end]`` with its context."""
    check_span(start, end, len(text))
    return Anchor(
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )
