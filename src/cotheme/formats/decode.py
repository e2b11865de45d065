"""Bytes to canonical text: size limits, encoding detection and line-end/Unicode normalisation.

Owns the import size limit (``DEFAULT_MAX_BYTES``, ``check_size``), the refusal of empty and binary
input, and the encoding order every text reader uses: UTF-8 (with or without BOM), UTF-16 with BOM,
then Windows-1252 when the result looks like text. The result is NFC with ``\\n`` line ends.

Must not know about speakers, turns or any particular file format; it only turns bytes into text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from cotheme.errors import InputError, TooLarge

__all__ = [
    "DEFAULT_MAX_BYTES", "check_size", "decode_exact", "decode_text", "describe_size", "normalise_text",
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
    text = normalise_text(_decode(filename, data)).rstrip()
    if not text.strip():
        raise InputError(f"{filename}: is empty; nothing to import.")
    if _control_ratio(text) > _MAX_CONTROL_RATIO:
        raise _binary(filename, "it is mostly control characters")
    return text


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


def _decode(filename: str, data: bytes) -> str:
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
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise _not_text(filename) from None
    if _non_ascii_ratio(text) > _MAX_NON_ASCII_RATIO:
        raise _not_text(filename)
    return text


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
