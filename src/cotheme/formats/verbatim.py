"""Verbatim plain-text transcripts: the file's text kept exactly, speakers as turns over it.

An ordinary import rewrites a ``.txt`` transcript (speaker labels, blank lines and outer spaces are
taken out of the text), so offsets another tool counted over the file no longer point at the same
characters. A verbatim import keeps every character of the decoded file, so an offset into the file is
an offset into the stored text; the speakers are still found (by the same sniffing as ``plaintext``)
and placed as turns over the text each turn's words occupy, the labels left between turns.

Owns placing the sniffed turns over the original text, and refusing a file whose text would have to
change to be stored (CR line ends, text not in Unicode NFC) rather than changing it silently. Must not
sniff layouts itself (``plaintext.py`` does) nor decode bytes (``decode.py`` does).
"""

from __future__ import annotations

import unicodedata

from cotheme.domain.transcript import ParsedTranscript, TurnDraft
from cotheme.errors import InputError, UnsupportedFormat
from cotheme.formats.decode import DEFAULT_MAX_BYTES, decode_exact
from cotheme.formats.plaintext import parse_plaintext

__all__ = ["VERBATIM_EXTENSIONS", "read_verbatim"]

#: Only plain text has characters another tool can count offsets over; Word, PDF and caption files
#: carry layout or cue timings that are not the transcript's text.
VERBATIM_EXTENSIONS = (".txt", ".md")
_ADVICE = "or import it without --verbatim"


def read_verbatim(filename: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedTranscript:
    """The file's decoded text unchanged, with speaker turns placed over it."""
    extension = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in VERBATIM_EXTENSIONS:
        raise UnsupportedFormat(
            f"{filename}: a verbatim import keeps the text of plain-text files (.txt, .md) exactly; "
            f"a {extension or 'file without an extension'} has no such text. Import it without --verbatim."
        )
    text = decode_exact(filename, data, max_bytes=max_bytes)
    if "\r" in text:
        raise InputError(
            f"{filename}: has Windows or old Mac line ends (CR), which would have to change to be stored, so "
            f"offsets counted over the file would no longer fit; save it with LF line ends, {_ADVICE}."
        )
    if not unicodedata.is_normalized("NFC", text):
        raise InputError(
            f"{filename}: has accented letters in decomposed form (not Unicode NFC), which would have to "
            f"change to be stored; save it as NFC (composed) UTF-8, {_ADVICE}."
        )
    fmt = "md" if extension == ".md" else "txt"
    parsed = parse_plaintext(filename, text, format=fmt, merge=False)
    turns = _place(filename, text, parsed)
    return ParsedTranscript(text, turns, parsed.format, {**parsed.metadata, "verbatim": "yes"})


def _place(filename: str, text: str, parsed: ParsedTranscript) -> tuple[TurnDraft, ...]:
    """Each turn of ``parsed`` over the characters of ``text`` its words came from.

    Every line of a parsed turn is the tail of one line of the file (a label and leading spaces cut
    off, trailing spaces perhaps), and the lines come in file order, so one pass finds them all."""
    lines = text.split("\n")
    starts = [0] * len(lines)
    for n in range(1, len(lines)):
        starts[n] = starts[n - 1] + len(lines[n - 1]) + 1
    row = 0
    placed = []
    for turn, turn_text in zip(parsed.iter_turns(), parsed.turn_texts(), strict=True):
        first = last = -1
        for piece in turn_text.split("\n"):
            tail = piece.rstrip()
            while row < len(lines) and not lines[row].rstrip().endswith(tail):
                row += 1
            if row == len(lines):
                raise _unplaced(filename)
            at = starts[row] + len(lines[row].rstrip()) - len(tail)
            if text[at : at + len(piece)] != piece:
                raise _unplaced(filename)
            first = at if first < 0 else first
            last = at + len(piece)
            row += 1
        placed.append(TurnDraft(turn.speaker, first, last, turn.t_start_ms, turn.t_end_ms))
    return tuple(placed)


def _unplaced(filename: str) -> InputError:
    return InputError(f"{filename}: its speaker turns could not be placed over its own text; {_ADVICE}.")
