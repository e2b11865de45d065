"""Word documents (.docx) as transcripts, and the safety checks for any Office zip package.

Owns ``check_package`` - refusing what is not a zip, zip bombs (too much unpacked data, or a member
over 1 MB compressed more than 100:1), entry paths that leave the package, packages without their main
part and XML with ``<!DOCTYPE`` or ``<!ENTITY`` (each part scanned a slice at a time) - which the .xlsx
reader uses too, and ``read_docx``: body paragraphs and table rows in order (streamed by
``wordstream``), speaker labels as ``Name:`` prefixes or as a bold leading run (``**Interviewer**`` or
``**Interviewer:**``), and one turn per paragraph when the document has no speaker labels. A paragraph's
text is what Word shows: runs inside tracked insertions, content controls, smart tags, simple fields and
custom XML count (python-docx's ``Paragraph.text`` reads only direct runs and hyperlinks); deleted and
moved-away text, text boxes' own paragraphs and the fallback copy of alternate content do not.

Must not parse a package that failed the checks, nor let any zipfile/python-docx/lxml exception reach
the user (they become ``InputError``).
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from cotheme.domain.transcript import ParsedTranscript
from cotheme.errors import InputError
from cotheme.formats.decode import DEFAULT_MAX_BYTES, check_size, describe_size
from cotheme.formats.linespool import LineSpool
from cotheme.formats.turns import (
    LabelledLine,
    TurnBuilder,
    add_labelled_lines,
    choose_speaker_labels,
    find_label,
)

if TYPE_CHECKING:  # python-docx (and lxml under it) is imported only to read a .docx: ~0.1 s
    from docx.table import _Cell, _Row
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    from cotheme.formats.wordstream import WordBody

__all__ = ["check_package", "read_docx"]

#: Unpacked data may be at most 10 times the import limit and never over 500 MB: a 5 MB transcript
#: unpacks to ~20 MB, so the cap only ever stops zip bombs.
_UNPACK_FACTOR = 10
_UNPACK_CEILING = 500 * 1024 * 1024
#: A member over 1 MB that compressed more than 100:1 is a bomb (Office XML compresses ~10:1).
_BOMB_MEMBER_BYTES = 1024 * 1024
_BOMB_RATIO = 100
_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DRIVE = re.compile(r"^[A-Za-z]:")
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, RuntimeError, OSError, EOFError, ValueError,
               NotImplementedError, zlib.error)


def check_package(filename: str, data: bytes, *, max_bytes: int, kind: str, main_part: str) -> None:
    """Raise ``InputError`` unless ``data`` is a sane zip package holding ``main_part``.

    ``kind`` names the file type in messages, e.g. ``"Word .docx"``.
    """
    redo = f"open it in the program that made it, save it again as {kind} and import that."
    a_kind = ("an " if kind[:1] in "AEIOU" else "a ") + kind
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
            _check_sizes(filename, infos, max_bytes)
            _check_names(filename, infos, kind, redo)
            if main_part not in {info.filename for info in infos}:
                raise InputError(f"{filename}: is a zip archive but not {a_kind} file (it has no {main_part}); {redo}")
            for info in infos:
                if info.filename.endswith((".xml", ".rels")) and _has_dtd(package, info):
                    raise InputError(
                        f"{filename}: contains an XML document type or entity declaration ({info.filename}), "
                        f"which {kind} files never need and attacks use; {redo}"
                    )
    except InputError:
        raise
    except zipfile.BadZipFile:
        raise InputError(f"{filename}: is not {a_kind} file (it is not a zip archive); {redo}") from None
    except _ZIP_ERRORS as exc:
        raise InputError(f"{filename}: is a damaged or encrypted zip archive ({exc}); {redo}") from None


def _check_names(filename: str, infos: list[zipfile.ZipInfo], kind: str, redo: str) -> None:
    """Refuse entries whose path would leave the package (``..``, absolute, a drive letter): Office
    never writes them, and a tool that unpacks the file could be made to write anywhere."""
    for info in infos:
        name = info.filename.replace("\\", "/")
        if name.startswith("/") or _DRIVE.match(name) or ".." in name.split("/"):
            raise InputError(
                f"{filename}: has an entry '{info.filename}' whose path leaves the package, which {kind} "
                f"files never have and attacks use; {redo}"
            )


def _check_sizes(filename: str, infos: list[zipfile.ZipInfo], max_bytes: int) -> None:
    cap = min(_UNPACK_FACTOR * max_bytes, _UNPACK_CEILING)
    total = sum(info.file_size for info in infos)
    advice = "it looks like a zip bomb; do not import it, or open it in its program and save a fresh copy."
    if total > cap:
        raise InputError(f"{filename}: unpacks to {describe_size(total)}, over the {describe_size(cap)} allowed; {advice}")
    for info in infos:
        if info.file_size > _BOMB_MEMBER_BYTES and info.file_size > _BOMB_RATIO * max(info.compress_size, 1):
            raise InputError(
                f"{filename}: its part {info.filename} is compressed more than {_BOMB_RATIO}:1 "
                f"({describe_size(info.file_size)} unpacked); {advice}"
            )


#: Decompressed bytes of a part looked at a time for a declaration: a long document part is never
#: held whole for it.
_SCAN_CHUNK = 1 << 16
#: The end of a piece that may be the start of a declaration the next piece finishes.
_DTD_START = re.compile(rb"<(?:!\s*[A-Za-z]{0,6})?\Z")


def _has_dtd(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether the part has a ``<!DOCTYPE`` or ``<!ENTITY``, read a slice at a time (a UTF-16 part,
    told by a NUL in its first 512 bytes, as its text)."""
    with package.open(info) as stream:
        head = stream.read(_SCAN_CHUNK)
        decoder = codecs.getincrementaldecoder("utf-16")("ignore") if b"\x00" in head[:512] else None
        carry = b""
        chunk = head
        while chunk:
            if decoder is not None:
                chunk = decoder.decode(chunk).encode("utf-8", errors="ignore")
            piece = carry + chunk
            if _DTD.search(piece) is not None:
                return True
            tail = _DTD_START.search(piece)
            carry = piece[tail.start():] if tail is not None else b""
            chunk = stream.read(_SCAN_CHUNK)
    return False


def read_docx(filename: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedTranscript:
    """Read a .docx transcript; ``metadata["variant"]`` is ``speaker-prefix`` or ``paragraphs``.

    The body is streamed (``WordBody``) a paragraph at a time into a ``LineSpool``, which holds the
    lines as UTF-8 until it is known whether the document is speaker-labelled; neither the XML, nor a
    tree of it, nor the paragraphs' texts as ``str`` objects are ever held whole."""
    check_size(filename, data, max_bytes)
    check_package(filename, data, max_bytes=max_bytes, kind="Word .docx", main_part="word/document.xml")
    spool = LineSpool()
    try:
        from cotheme.formats.wordstream import WordBody

        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for line in _document_lines(WordBody(package)):
                spool.append(line)
    except Exception as exc:  # zipfile, lxml and python-docx raise many types (and RecursionError) on odd files
        raise InputError(
            f"{filename}: could not be read as a Word document ({type(exc).__name__}); "
            "open it in Word, save it again as .docx and import that."
        ) from exc
    # The caller hands the file's bytes over (nothing else holds them when a file is read only to be
    # imported): let go of them before the turns are written out.
    del data
    builder = TurnBuilder()
    labels = choose_speaker_labels(spool.outline())
    if labels is not None:
        add_labelled_lines(builder, spool.drain(), labels)
        variant = "speaker-prefix"
    else:
        for line in spool.drain():
            builder.add(None, line.text)
        variant = "paragraphs"
    return builder.build(filename, format="docx", metadata={"variant": variant})


def _document_lines(body: WordBody) -> Iterator[LabelledLine]:
    # Whether each character style is bold, looked up once per document: python-docx finds a run's
    # default style by scanning every style, which was 90% of reading a 10,000-word transcript.
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    bold_styles: dict[str | None, bool] = {}
    for block in body.blocks():
        if isinstance(block, Paragraph):
            yield _paragraph_line(block, bold_styles, body)
        else:
            yield from _row_lines(block, bold_styles, body)


def _row_lines(row: _Row, bold_styles: dict[str | None, bool], body: WordBody) -> Iterator[LabelledLine]:
    """A row whose first cell is a short label reads as ``label: other cells``; else cell by cell."""
    cells: list[_Cell] = []
    for cell in row.cells:  # a merged cell appears once per grid column it spans
        if not cells or cell._tc is not cells[-1]._tc:
            cells.append(cell)
    texts = [_cell_text(cell).strip() for cell in cells]
    head = find_label(texts[0].rstrip(":") + ":") if len(texts) >= 2 and texts[0] else None
    if head is not None and head.label is not None and not head.rest:
        rest = "\n".join(t for t in texts[1:] if t)
        yield LabelledLine(f"{texts[0]} {rest}", head.label, rest)
        return
    for cell in cells:
        for paragraph in cell.paragraphs:
            yield _paragraph_line(paragraph, bold_styles, body)


#: Elements whose runs Word does not show as the paragraph's text: deleted or moved-away revisions,
#: text boxes (their paragraphs are separate stories) and the fallback half of alternate content.
_HIDDEN = frozenset({
    "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + name
    for name in ("del", "moveFrom", "txbxContent", "p")
} | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"})


def _visible_text(paragraph: Paragraph) -> str:
    """The paragraph's text as Word shows it (see the module docstring)."""
    p = paragraph._p
    parts: list[str] = []
    for run in p.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}r"):
        above = run.getparent()
        while above is not None and above is not p and above.tag not in _HIDDEN:
            above = above.getparent()
        if above is p:
            parts.append(run.text)
    return "".join(parts)


def _cell_text(cell: _Cell) -> str:
    return "\n".join(_visible_text(paragraph) for paragraph in cell.paragraphs)


def _paragraph_line(paragraph: Paragraph, bold_styles: dict[str | None, bool], body: WordBody) -> LabelledLine:
    text = _visible_text(paragraph)
    bold = _bold_label(paragraph, text, bold_styles, body)
    return bold if bold is not None else find_label(text)


def _bold_label(
    paragraph: Paragraph, text: str, bold_styles: dict[str | None, bool], body: WordBody
) -> LabelledLine | None:
    """A leading bold run as the speaker label: it ends with ':' or plain text follows it."""
    parts: list[str] = []
    for run in paragraph.runs:
        if not parts and not run.text.strip():
            continue
        if not _is_bold(run, bold_styles, body):
            break
        parts.append(run.text)
    label = "".join(parts).strip()
    at = text.find(label) if label else -1
    if at < 0:
        return None
    rest = text[at + len(label):]
    had_colon = label.endswith(":") or rest.lstrip().startswith(":")
    rest = rest.lstrip().removeprefix(":").lstrip()
    if not had_colon and not rest:
        return None  # a bold paragraph on its own is a heading, not a speaker
    checked = find_label(label.rstrip(":").strip() + ":")
    if checked.label is None or checked.rest:
        return None
    return LabelledLine(text, checked.label, rest)


def _is_bold(run: Run, bold_styles: dict[str | None, bool], body: WordBody) -> bool:
    if run.bold is not None:
        return bool(run.bold)
    style_id = run._r.style  # the run's character style id, None for the document's default
    if style_id not in bold_styles:
        from docx.enum.style import WD_STYLE_TYPE

        style = body.style(style_id, WD_STYLE_TYPE.CHARACTER)
        bold_styles[style_id] = bool(style is not None and style.font.bold)
    return bold_styles[style_id]
