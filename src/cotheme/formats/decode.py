"""Bytes to canonical text: size limits, encoding detection and line-end/Unicode normalisation.

Owns the import size limit (``DEFAULT_MAX_BYTES``, ``check_size``), the refusal of empty and binary
input, and the encoding order every text reader uses: UTF-8 (with or without BOM), UTF-16 with BOM,
then Windows-1252 when the result looks like text. The result is NFC with ``\\n`` line ends.

A file pasted together from two programs can hold lines in UTF-8 and lines in Windows-1252 ("café" from
one, "na\\xefve" and smart quotes 0x93/0x94 from the other); read whole as either it becomes mojibake.
When some line is UTF-8 beyond ASCII and another is not UTF-8, each line is read in its own encoding;
a line that holds both (or a byte neither has) is refused by its number, since it cannot be told apart.

Must not know about speakers, turns or any particular file format; it only turns bytes into text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from cotheme.errors import InputError, TooLarge

__all__ = [
    "DEFAULT_MAX_BYTES", "check_size", "decode_exact", "decode_lines", "decode_text", "describe_size",
    "normalise_text",
]

#: The default import limit: 200 MB (binary megabytes). Interview transcripts are well under 5 MB;
#: the limit only stops accidents such as importing a video file.
DEFAULT_MAX_BYTES = 200 * 1024 * 1024

_MB = 1024 * 1024
#: Text is refused as binary when more than 5% of its first characters are control characters:
#: real transcripts have next to none (tabs, form feeds and line ends are not counted).
_MAX_CONTROL_RATIO = 0.05
#: Windows-1252 is accepted only when at most 30% of the characters are non-ASCII: even Icelandic or
#: Portuguese prose stays far below that, while random bytes decode to mostly non-ASCII letters.
_MAX_NON_ASCII_RATIO = 0.30
#: How much of a document the binary sniffing looks at (1 M characters is plenty to tell).
_SNIFF_CHARS = 1_000_000

#: A byte that is not UTF-8, as ``surrogateescape`` decoding leaves it; and any other non-ASCII character.
_STRAY_BYTE = re.compile("[\udc80-\udcff]")
_UTF8_CHARACTER = re.compile("[\u0080-\udc7f\udd00-\U0010ffff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_LINE_ENDS = re.compile(r"\r\n?")


def describe_size(n_bytes: int) -> str:
    """``n_bytes`` as a short human figure: ``"230.1 MB"``, ``"12 KB"``, ``"512 bytes"``."""
    if n_bytes >= _MB:
        return f"{_trim(n_bytes / _MB)} MB"
    if n_bytes >= 1024:
        return f"{_trim(n_bytes / 1024)} KB"
    return f"{n_bytes} bytes"


def _trim(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def check_size(filename: str, data: bytes, max_bytes: int) -> None:
    """Raise ``TooLarge`` when ``data`` is over ``max_bytes``, ``InputError`` when it is empty."""
    if len(data) > max_bytes:
        raise TooLarge(
            f"{filename}: is {describe_size(len(data))}, over the {describe_size(max_bytes)} import limit; "
            "split it or raise the limit with COTHEME_MAX_IMPORT_MB."
        )
    if not data or data.isspace():
        raise InputError(f"{filename}: is empty; nothing to import.")


def normalise_text(text: str) -> str:
    """``\\r\\n`` and ``\\r`` to ``\\n``, a leading BOM dropped, Unicode NFC."""
    text = _LINE_ENDS.sub("\n", text).removeprefix("\ufeff")
    return unicodedata.normalize("NFC", text)


def decode_text(filename: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode a text file to canonical text (NFC, ``\\n`` line ends, no trailing whitespace).

    Raises ``TooLarge`` over ``max_bytes`` and ``InputError`` for empty, binary or undecodable input;
    every message starts with ``filename`` and ends with what to do.
    """
    check_size(filename, data, max_bytes)
    text = normalise_text(_decode(filename, data, trim=True)).rstrip()
    if not text.strip():
        raise InputError(f"{filename}: is empty; nothing to import.")
    if _control_ratio(text) > _MAX_CONTROL_RATIO:
        raise _binary(filename, "it is mostly control characters")
    return text


#: Bytes of a UTF-8 file decoded at a time by ``decode_lines`` (then cut at the next line end).
_CHUNK_BYTES = 1 << 16


def decode_lines(filename: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[str]:
    """``decode_text(...).split("\\n")``, the same lines with the same checks, made without the whole
    text ever being one ``str``: a UTF-8 file is decoded a slice at a time, each slice cut after a line
    end and split into its lines at once. A ``str`` takes 4 bytes a character once one emoji is in it,
    so the whole text decoded was four times a mostly-English file; its lines are each as wide as
    their own characters. Normalising a slice at a time gives the text normalising it whole would:
    a line end starts a slice, and NFC never joins anything to a line end. Any other file (UTF-16, a
    BOM-less file that is not UTF-8) is decoded whole by ``decode_text``."""
    check_size(filename, data, max_bytes)
    lines = _utf8_lines(data) if not data.startswith(_UTF16_BOMS) and b"\x00" not in data else None
    if lines is None:
        return decode_text(filename, data, max_bytes=max_bytes).split("\n")
    while lines and (not lines[-1] or lines[-1].isspace()):  # what ``rstrip`` takes off the whole text
        lines.pop()
    if not lines:
        raise InputError(f"{filename}: is empty; nothing to import.")
    lines[-1] = lines[-1].rstrip()
    if _lines_control_ratio(lines) > _MAX_CONTROL_RATIO:
        raise _binary(filename, "it is mostly control characters")
    return lines


_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _utf8_lines(data: bytes) -> list[str] | None:
    """The normalised lines of ``data`` read as UTF-8, or ``None`` when some slice is not UTF-8 (a BOM
    file then gets ``decode_text``'s sentence; another goes on to Windows-1252 there)."""
    view = memoryview(data)
    at = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    lines: list[str] = []
    while at < len(data):
        cut = data.find(b"\n", at + _CHUNK_BYTES)
        end = len(data) if cut < 0 else cut + 1
        try:
            piece = str(view[at:end], "utf-8")
        except UnicodeDecodeError:
            return None
        piece = _LINE_ENDS.sub("\n", piece)
        if not lines:
            piece = piece.removeprefix("\ufeff")
        parts = unicodedata.normalize("NFC", piece).split("\n")
        del piece
        if lines:  # the previous slice ended with a line end: its last, empty, line starts this one
            lines[-1] = parts[0]
            lines.extend(parts[1:])
        else:
            lines = parts
        at = end
    return lines


def _lines_control_ratio(lines: list[str]) -> float:
    """``_control_ratio`` of the text these lines make, joined by line ends (which are not control)."""
    found = seen = 0
    last = len(lines) - 1
    for number, line in enumerate(lines):
        sample = line[: _SNIFF_CHARS - seen]
        found += len(_CONTROL.findall(sample))
        seen += len(sample) + (number < last)  # the line end after it
        if seen >= _SNIFF_CHARS:
            break
    return found / max(min(seen, _SNIFF_CHARS), 1)


def decode_exact(filename: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode a text file keeping every character (only a leading byte-order mark, which is no text,
    is dropped): the same checks as ``decode_text``, none of its normalisation."""
    check_size(filename, data, max_bytes)
    text = _decode(filename, data).removeprefix("\ufeff")
    if not text.strip():
        raise InputError(f"{filename}: is empty; nothing to import.")
    if _control_ratio(text) > _MAX_CONTROL_RATIO:
        raise _binary(filename, "it is mostly control characters")
    return text


#: ASCII whitespace, which ``str.rstrip`` would take off the end of the text anyway.
_TRAILING_SPACE = frozenset(b" \t\n\r\x0b\x0c")


def _decode(filename: str, data: bytes, *, trim: bool = False) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(filename, data, "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(filename, data, "utf-16")
        if "\x00" in text:  # a UTF-32 file also starts with FF FE; its text is full of NULs
            raise _binary(filename, "it contains NUL characters")
        return text
    if b"\x00" in data:
        guessed = _bomless_utf16(data)
        if guessed is None:
            raise _binary(filename, "it contains NUL bytes")
        return guessed
    try:
        return str(memoryview(data)[: _content_end(data) if trim else len(data)], "utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _line_by_line(filename, data)
    try:
        text = mixed if mixed is not None else data.decode("cp1252")
    except UnicodeDecodeError:
        raise _not_text(filename) from None
    if _non_ascii_ratio(text) > _MAX_NON_ASCII_RATIO:
        raise _not_text(filename)
    return text


def _content_end(data: bytes) -> int:
    """Where ``data`` ends without its trailing ASCII whitespace: decoding only that far spares the
    copy of the whole text that stripping it after decoding makes (``rstrip`` of a file ending in a
    line end copies it)."""
    end = len(data)
    while end and data[end - 1] in _TRAILING_SPACE:
        end -= 1
    return end


def _line_by_line(filename: str, data: bytes) -> str | None:
    """Each line in its own encoding when the file mixes UTF-8 and Windows-1252 lines; ``None`` when no
    line is UTF-8 beyond ASCII (then the whole file is one encoding, or none).

    Decoded with ``surrogateescape`` a byte that is not UTF-8 becomes one lone surrogate and each UTF-8
    sequence one character: a line with no surrogate is UTF-8, and a line with both a surrogate and
    another non-ASCII character mixes the two (Windows-1252 text rarely forms a UTF-8 sequence)."""
    text = data.decode("utf-8", "surrogateescape")
    if len(text) == len(data):  # the common case, one pass in C: no UTF-8 character anywhere
        return None
    lines = _LINE_ENDS.sub("\n", text).split("\n")  # line ends as normalise_text will make them anyway
    stray = [_STRAY_BYTE.search(line) is not None for line in lines]
    if all(bad or line.isascii() for line, bad in zip(lines, stray, strict=True)):
        return None
    parts: list[str] = []
    run: list[str] = []  # consecutive Windows-1252 lines, decoded together (one call, not one per line)
    for number, (line, bad) in enumerate(zip(lines, stray, strict=True), start=1):
        if not bad:
            if run:
                parts.append(_from_cp1252(filename, run, number - len(run)))
                run = []
            parts.append(line)
        elif _UTF8_CHARACTER.search(line):
            raise InputError(
                f"{filename}: line {number} mixes UTF-8 and Windows-1252 characters, so its accented letters "
                "cannot be told apart; save the file as UTF-8 and import again."
            )
        else:
            run.append(line)
    if run:
        parts.append(_from_cp1252(filename, run, len(lines) + 1 - len(run)))
    return "\n".join(parts)


def _from_cp1252(filename: str, lines: list[str], first: int) -> str:
    """``lines`` (stray bytes as surrogates) read as Windows-1252; ``first`` is the first one's number."""
    try:
        return "\n".join(lines).encode("utf-8", "surrogateescape").decode("cp1252")
    except UnicodeDecodeError:
        for number, line in enumerate(lines, start=first):
            try:
                line.encode("utf-8", "surrogateescape").decode("cp1252")
            except UnicodeDecodeError:
                raise InputError(
                    f"{filename}: line {number} is neither UTF-8 nor Windows-1252 text; save the file as "
                    "UTF-8 and import again."
                ) from None
        raise  # pragma: no cover - a line failed together, so one fails alone


def _strict(filename: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise _not_text(filename) from None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM, recognised only in its common mostly-ASCII form (every other byte NUL)."""
    if len(data) % 2 or len(data) < 4:
        return None
    # 90%: a mostly-ASCII UTF-16 text has a NUL in nearly every high byte; binary files do not.
    for encoding, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if high.count(0) >= 0.9 * len(high):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return None if "\x00" in text else text
    return None


def _control_ratio(text: str) -> float:
    sample = text[:_SNIFF_CHARS]
    return len(_CONTROL.findall(sample)) / max(len(sample), 1)


def _non_ascii_ratio(text: str) -> float:
    sample = text[:_SNIFF_CHARS]
    return sum(1 for ch in sample if ord(ch) > 127) / max(len(sample), 1)


def _binary(filename: str, why: str) -> InputError:
    return InputError(
        f"{filename}: looks like a binary file, not text ({why}); "
        "export the transcript as .txt, .docx, .pdf, .vtt or .srt and import that."
    )


def _not_text(filename: str) -> InputError:
    return InputError(
        f"{filename}: is not UTF-8, UTF-16 or Windows-1252 text; save it as UTF-8 and import again."
    )
