"""Which reader handles which transcript file: dispatch on the file extension.

Owns the table of transcript readers, keyed by lower-case extension. The built-in readers (.txt, .md,
.docx, .pdf, .vtt, .srt) are registered here exactly as a plugin would register one, through
``register_transcript_reader``; the import service calls the reader ``reader_for`` finds (so that the
reader alone holds the file's bytes), ``read_transcript`` does both in one call.

Must not parse anything itself nor sniff content across formats: a reader may sniff variants of its own
format (plain text does), but the extension alone chooses the reader.
"""

from __future__ import annotations

from typing import Protocol

from cotheme.domain.transcript import ParsedTranscript
from cotheme.errors import UnsupportedFormat
from cotheme.formats.captions import read_srt, read_vtt
from cotheme.formats.decode import DEFAULT_MAX_BYTES
from cotheme.formats.pdf import read_pdf
from cotheme.formats.plaintext import read_plaintext
from cotheme.formats.wordfile import read_docx

__all__ = [
    "TRANSCRIPT_EXTENSIONS",
    "TranscriptReader",
    "read_transcript",
    "reader_for",
    "register_transcript_reader",
    "registered_extensions",
]


class TranscriptReader(Protocol):
    """A transcript reader: bytes of one file in, ``ParsedTranscript`` out, ``InputError`` on bad input."""

    def __call__(self, filename: str, data: bytes, *, max_bytes: int) -> ParsedTranscript: ...


_READERS: dict[str, TranscriptReader] = {}

#: What to say for common files that are not transcripts we read, keyed by extension.
_ADVICE = {
    ".doc": "save it as .docx in Word",
    ".rtf": "save it as .docx or .txt",
    ".odt": "save it as .docx or .txt",
    ".pages": "export it as .docx or .txt",
    ".html": "save it as .txt",
    ".htm": "save it as .txt",
    ".sbv": "export the captions as .vtt or .srt",
    ".json": "export the transcript as .txt, .vtt or .srt",
}


def register_transcript_reader(extension: str, reader: TranscriptReader, *, replace: bool = False) -> None:
    """Make ``reader`` handle files ending in ``extension`` (e.g. ``".vtt"``, case-insensitive)."""
    key = _key(extension)
    if key in _READERS and not replace:
        raise ValueError(f"a transcript reader for {key} is already registered")
    _READERS[key] = reader


def registered_extensions() -> tuple[str, ...]:
    """Every extension a transcript reader is registered for, built-ins first."""
    return tuple(_READERS)


def read_transcript(filename: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedTranscript:
    """Read one transcript file with the reader registered for its extension.

    Raises ``UnsupportedFormat`` for an extension no reader handles, ``TooLarge`` over ``max_bytes`` and
    ``InputError`` for content the reader cannot make sense of.
    """
    return reader_for(filename)(filename, data, max_bytes=max_bytes)


def reader_for(filename: str) -> TranscriptReader:
    """The reader registered for ``filename``'s extension; ``UnsupportedFormat`` when there is none.
    Called directly with the file's bytes, a reader holds the only reference to them and can let
    them go once it has read their text (``read_transcript`` would hold them for the whole read)."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    extension = "." + base.rsplit(".", 1)[-1].lower() if "." in base.strip(".") else ""
    reader = _READERS.get(extension)
    if reader is not None:
        return reader
    known = ", ".join(_READERS)
    if not extension:
        raise UnsupportedFormat(
            f"{filename}: has no file extension, so its type is unknown; rename it to end in one of {known}."
        )
    advice = _ADVICE.get(extension, f"save it as one of {known}")
    raise UnsupportedFormat(f"{filename}: {extension} files cannot be imported as transcripts; {advice} and import again.")


def _key(extension: str) -> str:
    extension = extension.strip().lower()
    return extension if extension.startswith(".") else "." + extension


for _extension, _reader in (
    (".txt", read_plaintext),
    (".md", read_plaintext),
    (".docx", read_docx),
    (".pdf", read_pdf),
    (".vtt", read_vtt),
    (".srt", read_srt),
):
    register_transcript_reader(_extension, _reader)
del _extension, _reader

#: The built-in transcript extensions (plugins may add more; see ``registered_extensions``).
TRANSCRIPT_EXTENSIONS: tuple[str, ...] = registered_extensions()
