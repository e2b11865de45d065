"""Text PDFs (.pdf) as transcripts, read with pypdf.

Owns opening a PDF safely (not a PDF, encrypted, malformed or without a text layer -> ``InputError``),
dropping page furniture (``1/5`` page numbers, a column of line numbers at the end of a page), joining
wrapped lines back into paragraphs, collapsing runs of tabs and spaces (the PDPilot transcripts put a
tab between every two words), and then reading ``Name:`` speaker labels like the plain-text reader.

pypdf's own log lines are kept quiet while it parses: a damaged file gets cotheme's one sentence only.
Must not run OCR, decode text files or hold the ``Name:`` grammar (``turns.py`` does).
"""

from __future__ import annotations

import gc
import io
import logging
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from cotheme.domain.transcript import ParsedTranscript
from cotheme.errors import InputError
from cotheme.formats.decode import DEFAULT_MAX_BYTES, check_size, normalise_text
from cotheme.formats.linespool import LineSpool
from cotheme.formats.turns import (
    TurnBuilder,
    add_labelled_lines,
    add_paragraphs,
    choose_speaker_labels,
    find_label,
)

__all__ = ["join_lines", "read_pdf"]

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?[0-9]+\s*(?:(?:/|of)\s*[0-9]+)?\s*$", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^\s*[0-9]+\s*$")
_SPACES = re.compile(r"[ \t\u00a0]+")
_PARAGRAPH_END = (".", "?", "!", ":", '"', "”", ")", "]")
#: A line shorter than 60% of a typical (90th-percentile) line that ends a sentence ends its paragraph:
#: wrapped lines run nearly full width, so only a paragraph's last line is that short.
_SHORT_LINE = 0.6
#: How many bytes a PDF may carry before its ``%PDF-`` marker (the PDF reference allows 1024).
_HEADER_WINDOW = 1024
_MIN_STRADDLE = 20


def read_pdf(filename: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedTranscript:
    """Read a text PDF; ``metadata`` gives the ``variant`` and the number of ``pages``."""
    check_size(filename, data, max_bytes)
    lines: list[str] = []
    pages = 0
    # A page's text is split into lines as soon as it is extracted: the pages are never all held.
    for page in _page_texts(filename, data):
        pages += 1
        page_lines = _drop_furniture(normalise_text(page).split("\n"))
        del page
        if lines and page_lines and _straddles(lines[-1], page_lines[0]):
            del page_lines[0]
        lines.extend(page_lines)
    del data  # handed over by the caller; its text is read
    if not any(line.strip() for line in lines):
        raise InputError(
            f"{filename}: has no text layer (a scanned PDF?); run OCR first or import a text export."
        )
    # The paragraphs wait as UTF-8 (a ``LineSpool``) until it is known whether they name speakers.
    spool = LineSpool()
    for paragraph in join_lines(lines):
        spool.append(find_label(_SPACES.sub(" ", paragraph).strip()))
    del lines
    builder = TurnBuilder()
    labels = choose_speaker_labels(spool.outline())
    if labels is not None:
        add_labelled_lines(builder, spool.drain(), labels)
        variant = "speaker-prefix"
    else:
        add_paragraphs(builder, (text for line in spool.drain() for text in (line.text, "")))
        variant = "paragraphs"
    return builder.build(filename, format="pdf", metadata={"variant": variant, "pages": str(pages)})


class _QuietPypdf:
    """pypdf tells of damage it worked around ("EOF marker not found") through ``logging``; with no
    handler configured Python prints that to standard error ahead of cotheme's one sentence. While any
    thread parses, the ``pypdf`` logger (its children inherit its level) lets nothing through."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._parsing = 0
        self._level = logging.NOTSET
        self._logger = logging.getLogger("pypdf")

    @contextmanager
    def parsing(self) -> Iterator[None]:
        with self._lock:
            if self._parsing == 0:
                self._level = self._logger.level
                self._logger.setLevel(logging.CRITICAL + 1)
            self._parsing += 1
        try:
            yield
        finally:
            with self._lock:
                self._parsing -= 1
                if self._parsing == 0:
                    self._logger.setLevel(self._level)


_QUIET = _QuietPypdf()


def _page_texts(filename: str, data: bytes) -> Iterator[str]:
    """Each page's text in order, extracted as it is asked for."""
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        raise InputError(f"{filename}: is not a PDF file (it does not start with %PDF); check the file and import again.")
    with _QUIET.parsing():
        yield from _read_pages(filename, data)


def _read_pages(filename: str, data: bytes) -> Iterator[str]:
    try:
        from pypdf import PdfReader  # imported here: ~0.25 s that every other command would pay

        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(
                f"{filename}: is password-protected; save an unprotected copy and import that."
            )
        for page in reader.pages:
            yield page.extract_text() or ""
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many types on damaged files; none may reach the user raw
        raise InputError(
            f"{filename}: could not be read as a PDF ({type(exc).__name__}); "
            "open it in a PDF viewer, save or print it to a new PDF and import that."
        ) from exc
    # pypdf's objects point back at their reader: only the cycle collector frees them, and the text of
    # a long PDF is then held beside the whole parsed file until it runs on its own.
    del reader
    gc.collect()


def _drop_furniture(lines: list[str]) -> list[str]:
    """Without page numbers at the top or bottom and without a trailing column of line numbers."""
    while lines and not lines[-1].strip():
        lines.pop()
    run = len(lines)
    while run > 0 and _BARE_NUMBER.match(lines[run - 1]):
        run -= 1
    if len(lines) - run >= 2:  # two or more bare numbers in a row: a line-number column, not speech
        del lines[run:]
    if lines and _PAGE_NUMBER.match(lines[-1]):
        lines.pop()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and _PAGE_NUMBER.match(lines[first]):
        del lines[first]
    return lines


def _straddles(last: str, first: str) -> bool:
    """True when a page starts with the previous page's last line again.

    Some exporters (the Qt-made PDPilot PDFs) draw a line that straddles a page break on both pages;
    a real repeated line of 20+ characters at exactly that spot is far less likely than the artefact.
    """
    return len(last.strip()) >= _MIN_STRADDLE and last.strip() == first.strip()


def join_lines(lines: Sequence[str]) -> list[str]:
    """Re-join wrapped lines into paragraphs.

    A paragraph starts after a blank line, at an indented line, at a ``Name:`` label, and after a short
    line that ends a sentence. A paragraph that is only a label (``Dan:``) takes the next line with it.
    """
    widths = sorted(len(_SPACES.sub(" ", line).strip()) for line in lines if line.strip())
    typical = widths[int(0.9 * (len(widths) - 1))] if widths else 0
    paragraphs: list[str] = []
    current: str | None = None
    previous = ""
    for line in lines:
        if not line.strip():
            _flush(paragraphs, current)
            current = None
        elif current is not None and _continues(current, previous, line, typical):
            current = _glue(current, line)
        else:
            _flush(paragraphs, current)
            current = line
        previous = line
    _flush(paragraphs, current)
    return paragraphs


def _continues(current: str, previous: str, line: str, typical: int) -> bool:
    head = find_label(current)
    if head.label is not None and not head.rest.strip():
        return True
    if line[:1] in (" ", "\t") or find_label(line).label is not None:
        return False
    last = _SPACES.sub(" ", previous).strip()
    return not (last.endswith(_PARAGRAPH_END) and len(last) < _SHORT_LINE * typical)


def _glue(current: str, line: str) -> str:
    left, right = current.rstrip(), line.strip()
    if len(left) >= 2 and left.endswith("-") and left[-2].isalpha() and right[:1].isalpha():
        return left + right
    return f"{left} {right}"


def _flush(paragraphs: list[str], current: str | None) -> None:
    if current is not None and current.strip():
        paragraphs.append(current)
