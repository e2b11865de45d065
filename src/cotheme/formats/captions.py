"""Caption files (.vtt WebVTT and .srt SubRip) as transcripts, with a small parser of our own.

Owns cue parsing (ids, timing lines ``hh:mm:ss.mmm --> hh:mm:ss.mmm`` or ``mm:ss.mmm``, SRT's ``,``),
the three caption layouts - ``zoom`` (``Name: text`` inside cues; a cue without a name keeps speaker
``None`` and its text), ``teams`` (``<guid>/32-0`` cue ids and ``<v Name>`` voice tags, two voices in one
cue becoming two turns with the same times) and plain ``captions`` (no speakers) - and stripping of
other markup (``<c>``, ``<i>``, ``<b>``, timestamp tags, SRT ``{\\an8}``).

Must not decode bytes itself (``decode.py``) nor merge turns itself (``turns.py`` does).
"""

from __future__ import annotations

import html
import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from cotheme.domain.transcript import ParsedTranscript
from cotheme.errors import InputError
from cotheme.formats.decode import DEFAULT_MAX_BYTES, decode_lines
from cotheme.formats.linespool import LineSpool
from cotheme.formats.turns import TurnBuilder, find_label, parse_clock

__all__ = ["Cue", "parse_cues", "read_srt", "read_vtt"]

T = TypeVar("T")

_TIMING = re.compile(r"^\s*(?P<start>[0-9:.,]+)\s*-->\s*(?P<end>[0-9:.,]+)(?:\s.*)?$")
_TEAMS_ID = re.compile(r"^[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}/[0-9]+-[0-9]+$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:[ \t]+(?P<name>[^>]*))?>")
_TAG = re.compile(r"<[^>\n]*>")
_SRT_STYLE = re.compile(r"\{\\[^}\n]*\}")
_NON_CUE_BLOCKS = ("NOTE", "STYLE", "REGION")
#: Zoom writes ``Name: text`` in every cue it can attribute; when half the cues carry a label the file is
#: read as speaker-labelled (a live-caption file has next to none).
_LABELLED_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue: its id line (or ``""``), times in milliseconds, payload lines and the line it starts on."""

    ident: str
    start_ms: int
    end_ms: int
    lines: tuple[str, ...]
    line_no: int


def read_vtt(filename: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedTranscript:
    """Read a WebVTT file (Zoom, Teams or plain captions)."""
    lines = decode_lines(filename, data, max_bytes=max_bytes)
    del data  # handed over by the caller: let go once decoded
    first = lines[0].strip()
    if not (first == "WEBVTT" or first.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise InputError(
            f"{filename}, line 1: '{_clip(first)}' is not the 'WEBVTT' header a WebVTT file starts with; "
            "export the captions again or, if it is SubRip, rename it to .srt."
        )
    return _to_transcript(filename, [parse_cues(filename, _let_go(lines), vtt=True)], "vtt")


def read_srt(filename: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedTranscript:
    """Read a SubRip (.srt) file."""
    lines = decode_lines(filename, data, max_bytes=max_bytes)
    del data
    return _to_transcript(filename, [parse_cues(filename, _let_go(lines), vtt=False)], "srt")


def _let_go(items: list[T]) -> Iterator[T]:
    """Each item in order, its place in ``items`` emptied as it is handed out (a cue keeps only its
    payload lines, so ids, timings and blank lines go as soon as they are read; a cue goes once its
    text is read)."""
    for i, item in enumerate(items):
        items[i] = None  # type: ignore[call-overload]
        yield item


def parse_cues(filename: str, lines: Iterable[str], *, vtt: bool) -> list[Cue]:
    """The cues of a caption file; ``InputError`` naming the line of the first malformed cue."""
    cues: list[Cue] = []
    for line_no, block in _blocks(lines):
        if vtt and line_no == 1:
            block = _after_header(block)  # header lines ("Kind: captions") are not cues
            if not block:
                continue
        if vtt and block[0][1].split(maxsplit=1)[0] in _NON_CUE_BLOCKS:
            continue
        cues.append(_cue(filename, block))
    return cues


def _blocks(lines: Iterable[str]) -> Iterator[tuple[int, list[tuple[int, str]]]]:
    """Blank-line-separated blocks as (first line number, [(line number, line), ...])."""
    block: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            block.append((number, line.rstrip()))
        elif block:
            yield block[0][0], block
            block = []
    if block:
        yield block[0][0], block


def _after_header(block: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Drop the WEBVTT line and header metadata; a cue glued to the header (no blank line) is kept."""
    for index, (_, line) in enumerate(block):
        if "-->" in line:
            has_id = index >= 2 and "-->" not in block[index - 1][1] and ":" not in block[index - 1][1]
            return block[index - 1:] if has_id else block[index:]
    return []


def _cue(filename: str, block: list[tuple[int, str]]) -> Cue:
    if "-->" in block[0][1]:
        ident, timing_at = "", 0
    elif len(block) > 1 and "-->" in block[1][1]:
        ident, timing_at = block[0][1].strip(), 1
    else:
        number, line = block[1] if len(block) > 1 and block[0][1].strip().isdigit() else block[0]
        raise _bad_timing(filename, number, line)
    number, timing = block[timing_at]
    match = _TIMING.match(timing)
    start = parse_clock(match.group("start")) if match else None
    end = parse_clock(match.group("end")) if match else None
    if start is None or end is None:
        raise _bad_timing(filename, number, timing)
    if end < start:
        raise InputError(
            f"{filename}, line {number}: the cue '{_clip(timing)}' ends before it starts; "
            "fix its times and import again."
        )
    payload = tuple(line for _, line in block[timing_at + 1:])
    return Cue(ident, start, end, payload, block[0][0])


def _bad_timing(filename: str, number: int, line: str) -> InputError:
    return InputError(
        f"{filename}, line {number}: '{_clip(line)}' is not a cue timing line "
        "(like '00:01:02.500 --> 00:01:04.000'); fix or remove that cue and import again."
    )


def _clip(line: str) -> str:
    line = line.strip()
    return line if len(line) <= 60 else line[:57] + "..."


def _to_transcript(filename: str, handed: list[list[Cue]], format: str) -> ParsedTranscript:
    """Turns from the cues in ``handed`` (taken out of it, and each let go once its text is read)."""
    cues = handed.pop()
    builder = TurnBuilder()
    # Each cue's payload is made when it is read, never all of them at once (nor their plain texts:
    # those wait in a ``LineSpool``, as UTF-8, until it is known whether the file names its speakers).
    if any(_TEAMS_ID.match(c.ident) for c in cues) or any(_VOICE.search(_payload(c)) for c in cues):
        variant = "teams"
        for cue in _let_go(cues):
            for speaker, text in _voices(_payload(cue)):
                builder.add(speaker, _plain(text), cue.start_ms, cue.end_ms)
    else:
        spool, starts, ends = LineSpool(), array("q"), array("q")
        for cue in _let_go(cues):
            spool.append(find_label(_plain(_payload(cue))))
            starts.append(cue.start_ms)
            ends.append(cue.end_ms)
        with_label = sum(1 for line in spool.outline() if line.label is not None)
        variant = "zoom" if len(spool) and with_label >= _LABELLED_SHARE * len(spool) else "captions"
        for start, end, line in zip(starts, ends, spool.drain(), strict=True):
            if variant == "zoom":
                builder.add(line.label, line.rest, start, end)
            else:
                builder.add(None, line.text, start, end)
    return builder.build(filename, format=format, metadata={"variant": variant})


def _payload(cue: Cue) -> str:
    return "\n".join(cue.lines)


def _voices(payload: str) -> list[tuple[str | None, str]]:
    """Split a payload at ``<v Name>`` tags: text before the first tag has no speaker."""
    parts: list[tuple[str | None, str]] = []
    matches = list(_VOICE.finditer(payload))
    head = payload[: matches[0].start()] if matches else payload
    parts.append((None, head))
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(payload)
        parts.append((match.group("name") or None, payload[match.end():end]))
    return parts


def _plain(payload: str) -> str:
    """Payload without markup or entities; caption line wraps become spaces."""
    text = html.unescape(_TAG.sub("", _SRT_STYLE.sub("", payload)))
    return " ".join(text.split())
