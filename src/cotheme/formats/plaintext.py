"""Plain-text transcripts (.txt, .md): which layout a file uses, and its turns.

Owns sniffing the four plain-text layouts, tried in this order:
``timestamped`` (``[mm:ss] SPEAKER: text``), ``otter`` (a ``Name  m:ss`` header line above each
utterance), ``speaker-prefix`` (``Name: text``) and ``paragraphs`` (one turn per blank-line-separated
paragraph, speaker unknown). Markdown is read as plain text; a leading ``# title`` stays in the text.

Must not decode bytes itself (``decode.py`` does) nor hold the ``Name:`` grammar (``turns.py`` does).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TypeVar

from cotheme.domain.transcript import ParsedTranscript
from cotheme.formats.decode import DEFAULT_MAX_BYTES, decode_lines
from cotheme.formats.turns import (
    TurnBuilder,
    add_labelled_lines,
    add_paragraphs,
    choose_speaker_labels,
    find_label,
    join_lines,
    parse_clock,
)

__all__ = ["parse_lines", "parse_plaintext", "read_plaintext"]

T = TypeVar("T")

_STAMPED = re.compile(
    r"^[ \t]*[\[(](?P<clock>[0-9]{1,3}(?::[0-9]{2}){1,2}(?:[.,][0-9]{1,3})?)[\])][ \t]*(?P<rest>.*)$",
    re.DOTALL,
)
_OTTER_HEADER = re.compile(
    r"^(?P<name>[^\W\d_][^\n:]{0,50}?)[ \t]+(?P<clock>(?:[0-9]{1,2}:)?[0-9]{1,2}:[0-9]{2})[ \t]*$"
)
#: An Otter speaker name is 1-5 words and does not end like a sentence ("We met at 10:30" is prose).
_MAX_NAME_WORDS = 5
_SENTENCE_END = (".", ",", ";", "!", "?")


def read_plaintext(filename: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedTranscript:
    """Read a .txt or .md transcript; ``metadata["variant"]`` names the layout that was recognised."""
    # Decoded straight into lines, and the file's bytes let go before the turns are built (the caller
    # hands them over: nothing else holds them when the importer reads a file only to parse it). The
    # lines are handed on in a list that ``_parse`` empties, so that this frame does not hold them.
    handed = [decode_lines(filename, data, max_bytes=max_bytes)]
    del data
    return _parse(filename, handed, format="md" if filename.lower().endswith(".md") else "txt")


def parse_plaintext(filename: str, text: str, *, format: str = "txt", merge: bool = True) -> ParsedTranscript:
    """Turns from already-decoded canonical text (see ``read_plaintext``); ``merge=False`` keeps
    consecutive turns of one speaker apart, as the file writes them."""
    handed = [text.split("\n")]
    # Only the lines are read from here on; the whole text is let go (when the caller holds no other
    # reference to it) so that the text and its lines are not both held while the turns are built.
    del text
    return _parse(filename, handed, format=format, merge=merge)


def parse_lines(filename: str, lines: list[str], *, format: str = "txt", merge: bool = True) -> ParsedTranscript:
    """``parse_plaintext`` of the text these lines make (joined by ``\\n``)."""
    return _parse(filename, [list(lines)], format=format, merge=merge)


def _parse(filename: str, handed: list[list[str]], *, format: str, merge: bool = True) -> ParsedTranscript:
    """Turns from the lines in ``handed`` (taken out of it: this function then holds them alone)."""
    lines = handed.pop()
    builder = TurnBuilder(merge=merge)
    if _is_dominant(lines, [_STAMPED.match(line) is not None for line in lines]):
        _add_timestamped(builder, lines)
        return builder.build(filename, format=format, metadata={"variant": "timestamped"})
    if _looks_like_otter(lines):
        _add_otter(builder, lines)
        return builder.build(filename, format="otter", metadata={"variant": "otter"})
    labelled = [find_label(line) for line in lines]
    labels = choose_speaker_labels(labelled)
    if labels is not None:
        # The labelled lines hold every line; each is let go once its turn has it, so the lines and the
        # text the builder writes out are not both held whole at the end.
        del lines
        add_labelled_lines(builder, _let_go(labelled), labels)
        return builder.build(filename, format=format, metadata={"variant": "speaker-prefix"})
    del labelled
    add_paragraphs(builder, lines)
    return builder.build(filename, format=format, metadata={"variant": "paragraphs"})


def _let_go(items: list[T]) -> Iterator[T]:
    """Each item in order, its place in ``items`` emptied as it is handed out."""
    for i, item in enumerate(items):
        items[i] = None  # type: ignore[call-overload]
        yield item


def _is_dominant(lines: Sequence[str], flags: Sequence[bool]) -> bool:
    """At least two flagged lines, making up half the non-empty lines or 60% of paragraph starts."""
    hits = sum(flags)
    if hits < 2:
        return False
    nonempty = sum(1 for line in lines if line.strip())
    starts = [i for i, line in enumerate(lines) if line.strip() and (i == 0 or not lines[i - 1].strip())]
    flagged_starts = sum(1 for i in starts if flags[i])
    return hits >= 0.5 * nonempty or (len(starts) >= 3 and flagged_starts >= 0.6 * len(starts))


def _add_timestamped(builder: TurnBuilder, lines: Sequence[str]) -> None:
    speaker: str | None = None
    start: int | None = None
    buffer: list[str] = []
    for line in lines:
        match = _STAMPED.match(line)
        if match is None:
            buffer.append(line)
            continue
        builder.add(speaker, join_lines(buffer), start)
        labelled = find_label(match.group("rest"))
        speaker, buffer = labelled.label, [labelled.rest]
        start = parse_clock(match.group("clock"))
    builder.add(speaker, join_lines(buffer), start)


def _otter_header(line: str) -> tuple[str, int] | None:
    match = _OTTER_HEADER.match(line)
    if match is None:
        return None
    name = match.group("name").strip()
    clock = parse_clock(match.group("clock"))
    if clock is None or len(name.split()) > _MAX_NAME_WORDS or name.endswith(_SENTENCE_END):
        return None
    return name, clock


def _looks_like_otter(lines: Sequence[str]) -> bool:
    """Two or more headers, a quarter of the non-empty lines, and 80% of them followed by an utterance."""
    nonempty = [line for line in lines if line.strip()]
    headers = [_otter_header(line) is not None for line in nonempty]
    count = sum(headers)
    if count < 2 or count < 0.25 * len(nonempty):
        return False
    followed = sum(
        1 for i, is_header in enumerate(headers) if is_header and i + 1 < len(headers) and not headers[i + 1]
    )
    return followed >= 0.8 * count


def _add_otter(builder: TurnBuilder, lines: Sequence[str]) -> None:
    speaker: str | None = None
    start: int | None = None
    buffer: list[str] = []
    for line in lines:
        header = _otter_header(line)
        if header is None:
            buffer.append(line)
            continue
        builder.add(speaker, join_lines(buffer), start)
        (speaker, start), buffer = header, []
    builder.add(speaker, join_lines(buffer), start)
