"""Writing REFI-QDA files: the exchange model into ``project.qde`` XML, a ``.qdpx`` zip, a ``.qdc`` codebook.

Owns the element order the schemas require (``Project-mrt2019.xsd``, ``Codebook-mrt2019.xsd``), where
each note's ``NoteRef`` goes (project, source, selection, coding or code; REFI-QDA has no note reference
on a case or a set, so a note about a set is written as the set's ``MemberNote``), and the archive
layout: ``project.qde``, ``Sources/<guid>.txt`` (UTF-8 without a byte-order mark, ``\\n`` line ends, the
canonical text itself, so positions are code points as §10.2 says and, for text without characters
outside the Basic Multilingual Plane, equal to NVivo's UTF-16 count too), ``Sources/<note guid>.txt``
for each project memo (a named note with ``plainTextPath``: the form QualCoder reads as a journal) and
the optional ``cotheme/extension.json``. On request the archive takes NVivo 12's own form instead (see
``write_qdpx``). Characters XML 1.0 cannot carry (control characters) are replaced by U+FFFD in names,
descriptions and notes, and counted.

Must not read storage nor decide what is exported (the exchange service does).
"""

from __future__ import annotations

import re
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import BinaryIO

from cotheme.domain.exchange import ExCode, ExCoding, ExchangeProject, ExMedia, ExNote, ExSelection, ExSet, ExSource
from cotheme.domain.positions import nvivo_offsets
from cotheme.formats.refi_archive import EXTENSION_ENTRY

__all__ = ["CODEBOOK_NS", "NVIVO_FORM", "PROJECT_NS", "Written", "is_journal", "write_codebook_xml", "write_project_xml",
           "write_qdpx"]

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
#: Appended to ``origin`` in the NVivo form: readers (cotheme's among them) that recognise NVivo by its
#: origin then count positions as NVivo does.
NVIVO_FORM = " (NVivo form)"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class Written:
    """Counts of what writing had to change (characters XML cannot carry)."""

    def __init__(self) -> None:
        self.replaced_characters = 0

    def clean(self, text: str) -> str:
        cleaned, count = _NOT_XML.subn("\ufffd", text)
        self.replaced_characters += count
        return cleaned


def write_qdpx(project: ExchangeProject, target: BinaryIO, extension: bytes | None = None, *,
               nvivo: bool = False, media_bytes: Callable[[ExMedia], Iterable[bytes]] | None = None) -> Written:
    """Write ``project`` as a QDPX archive to ``target`` (a binary file opened for writing).

    With ``nvivo`` the archive takes the form NVivo 12 itself writes: each text UTF-8 with a byte-order
    mark and CRLF line ends, positions in UTF-16 code units over that text (the mark not counted), and
    an ``origin`` naming NVivo's form so that a REFI-QDA reader that knows NVivo reads it right."""
    written = Written()
    xml = write_project_xml(project, written, nvivo=nvivo)
    # Level 1: a tenth of the time of the default level for a few per cent more bytes (texts, XML).
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("project.qde", xml)
        for source in project.sources:
            data = ("\ufeff" + source.text.replace("\n", "\r\n")).encode("utf-8") if nvivo else source.text.encode("utf-8")
            archive.writestr(f"Sources/{source.guid}.txt", data)
        for note in project.notes:
            if is_journal(note):
                archive.writestr(f"Sources/{note.guid}.txt", written.clean(note.text).encode("utf-8"))
        if extension is not None:
            archive.writestr(EXTENSION_ENTRY, extension)
        for media in project.media if media_bytes is not None else ():
            # Stored as they are (media is compressed already), a piece at a time, never whole in memory.
            from cotheme.formats.refi_media import media_file_name  # lxml: only when recordings travel
            info = zipfile.ZipInfo(f"Sources/{media_file_name(media)}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED
            with archive.open(info, "w", force_zip64=True) as entry:
                for piece in media_bytes(media):
                    entry.write(piece)
    return written


def write_project_xml(project: ExchangeProject, written: Written | None = None, *, nvivo: bool = False) -> bytes:
    """``project.qde``: the project as REFI-QDA 1.0 project XML (UTF-8); ``nvivo``: see ``write_qdpx``."""
    return _ProjectXml(project, written or Written(), nvivo).build()


def write_codebook_xml(codes: tuple[ExCode, ...], origin: str, sets: tuple[ExSet, ...] = (),
                       written: Written | None = None) -> bytes:
    """A ``.qdc`` codebook (REFI-QDA 1.0 codebook XML)."""
    out = _Out((written or Written()).clean)
    out.open("CodeBook", {"xmlns": CODEBOOK_NS, "origin": origin})
    out.open("Codes", {})
    _code_tree(out, codes, {})
    out.close("Codes")
    if sets:
        out.open("Sets", {})
        for item in sets:
            out.open("Set", {"guid": item.guid, "name": item.name})
            out.element("Description", item.description)
            for code in item.codes:
                out.open("MemberCode", {"guid": code}, empty=True)
            out.close("Set")
        out.close("Sets")
    out.close("CodeBook")
    return out.bytes()


_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;",
                            "\t": "&#9;"})
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


class _Out:
    """XML written as strings: attribute values and text are cleaned (``Written.clean``) and escaped."""

    def __init__(self, clean: Callable[[str], str]) -> None:
        self.parts: list[str] = ['<?xml version="1.0" encoding="utf-8"?>\n']
        self.clean = clean

    def attrs(self, values: dict[str, str | int | None]) -> str:
        return "".join(
            f' {k}="{self.clean(str(v)).translate(_ATTRIBUTE)}"' for k, v in values.items() if v is not None
        )

    def open(self, tag: str, values: dict[str, str | int | None], *, empty: bool = False) -> None:
        self.parts.append(f"<{tag}{self.attrs(values)}{'/' if empty else ''}>")

    def close(self, tag: str) -> None:
        self.parts.append(f"</{tag}>")

    def element(self, tag: str, text: str, *, always: bool = False) -> None:
        if text or always:
            self.parts.append(f"<{tag}>{self.clean(text).translate(_TEXT)}</{tag}>")

    def refs(self, tag: str, guids: list[str] | tuple[str, ...]) -> None:
        self.parts.extend(f'<{tag} targetGUID="{g}"/>' for g in guids)

    def bytes(self) -> bytes:
        return "\n".join(self.parts).encode("utf-8")


def is_journal(note: ExNote) -> bool:
    """Whether a note is about the whole project and named: written as a text file
    (``plainTextPath``), the form QualCoder reads as a journal (it drops ``PlainTextContent`` notes)."""
    return bool(note.name) and all(t.kind == "project" for t in note.targets)


def stamp(value: datetime | None) -> str | None:
    """A datetime as ``xsd:dateTime`` in UTC to the second (``2024-03-01T10:00:00Z``); naive is UTC."""
    if value is None:
        return None
    if value.tzinfo is not None and value.utcoffset():
        value = value.astimezone(UTC)
    return value.isoformat(timespec="seconds")[:19] + "Z"


def _code_tree(out: _Out, codes: tuple[ExCode, ...], notes: dict[tuple[str, str | None], list[str]]) -> None:
    """Codes (parents before children in ``codes``) as nested ``<Code>`` elements."""
    children: dict[str | None, list[ExCode]] = defaultdict(list)
    known = {c.guid for c in codes}
    for code in codes:
        children[code.parent if code.parent in known else None].append(code)

    def write(code: ExCode) -> None:
        out.open("Code", {"guid": code.guid, "name": code.name, "isCodable": "true" if code.codable else "false",
                          "color": code.colour})
        out.element("Description", code.description)
        out.refs("NoteRef", notes.get(("code", code.guid), []))
        for sub in children.get(code.guid, ()):
            write(sub)
        out.close("Code")

    for top in children.get(None, ()):
        write(top)


class _ProjectXml:
    def __init__(self, project: ExchangeProject, written: Written, nvivo: bool) -> None:
        self.project = project
        self.out = _Out(written.clean)
        self.nvivo = nvivo
        self.notes: dict[tuple[str, str | None], list[str]] = defaultdict(list)
        for note in project.notes:
            for target in note.targets:
                self.notes[(target.kind, target.guid)].append(note.guid)

    def build(self) -> bytes:
        project, out = self.project, self.out
        out.open("Project", {
            "xmlns": PROJECT_NS, "name": project.name, "origin": project.origin + (NVIVO_FORM if self.nvivo else ""),
            "creatingUserGUID": project.creating_user, "creationDateTime": stamp(project.created),
        })
        if project.users:
            out.open("Users", {})
            for user in project.users:
                out.open("User", {"guid": user.guid, "name": user.name}, empty=True)
            out.close("Users")
        if project.codes:
            out.open("CodeBook", {})
            out.open("Codes", {})
            _code_tree(out, project.codes, self.notes)
            out.close("Codes")
            out.close("CodeBook")
        self._variables_and_cases()
        if project.sources:
            out.open("Sources", {})
            for source in project.sources:
                self._source(source)
            texts = {source.guid: source for source in project.sources}
            for media in project.media:
                text = texts[media.source]
                from cotheme.formats.refi_media import write_media  # lxml: only when recordings travel
                write_media(out, media, text.name, nvivo_offsets(text.text) if self.nvivo else None)
            out.close("Sources")
        self._notes()
        self._sets()
        out.element("Description", project.description)
        out.refs("NoteRef", self.notes.get(("project", None), []))
        out.close("Project")
        return out.bytes()

    def _variables_and_cases(self) -> None:
        project, out = self.project, self.out
        if project.variables:
            out.open("Variables", {})
            for variable in project.variables:
                out.open("Variable", {"guid": variable.guid, "name": variable.name, "typeOfVariable": variable.type})
                out.element("Description", variable.description)
                out.close("Variable")
            out.close("Variables")
        if not project.cases:
            return
        out.open("Cases", {})
        for case in project.cases:
            out.open("Case", {"guid": case.guid, "name": case.name})
            out.element("Description", case.description)
            out.refs("CodeRef", case.codes)
            for variable, value in case.values:
                if value is None:
                    continue  # no value element at all: "not available"
                out.open("VariableValue", {})
                out.refs("VariableRef", [variable])
                out.element("TextValue", value, always=True)
                out.close("VariableValue")
            out.refs("SourceRef", case.sources)
            out.refs("SelectionRef", case.selections)
            out.close("Case")
        out.close("Cases")

    def _source(self, source: ExSource) -> None:
        out = self.out
        out.open("TextSource", {
            "guid": source.guid, "name": source.name, "plainTextPath": f"internal://{source.guid}.txt",
            "creatingUser": source.creating_user, "creationDateTime": stamp(source.created),
            "modifiedDateTime": stamp(source.modified),
        })
        out.element("Description", source.description)
        position = nvivo_offsets(source.text) if self.nvivo else None
        for selection in source.selections:
            self._selection(selection, position)
        for coding in source.codings:
            self._coding(coding)
        out.refs("NoteRef", self.notes.get(("source", source.guid), []))
        out.close("TextSource")

    def _selection(self, selection: ExSelection, position: Callable[[int], int] | None) -> None:
        """The hot path of a large export (one per coding): one string, names escaped only if given."""
        start, end = (position(selection.start), position(selection.end)) if position else (selection.start, selection.end)
        name = self.out.attrs({"name": selection.name}) if selection.name else ""
        user = f' creatingUser="{selection.creating_user}"' if selection.creating_user else ""
        created = f' creationDateTime="{stamp(selection.created)}"' if selection.created else ""
        modified = f' modifiedDateTime="{stamp(selection.modified)}"' if selection.modified else ""
        self.out.parts.append(
            f'<PlainTextSelection guid="{selection.guid}"{name} startPosition="{start}" endPosition="{end}"'
            f"{user}{created}{modified}>"
        )
        self.out.element("Description", selection.description)
        for coding in selection.codings:
            self._coding(coding)
        self.out.refs("NoteRef", self.notes.get(("selection", selection.guid), []))
        self.out.parts.append("</PlainTextSelection>")

    def _coding(self, coding: ExCoding) -> None:
        user = f' creatingUser="{coding.creating_user}"' if coding.creating_user else ""
        when = f' creationDateTime="{stamp(coding.created)}"' if coding.created else ""
        notes = self.notes.get(("coding", coding.guid))
        self.out.parts.append(
            f'<Coding guid="{coding.guid}"{user}{when}><CodeRef targetGUID="{coding.code}"/>'
            + ("".join(f'<NoteRef targetGUID="{n}"/>' for n in notes) if notes else "") + "</Coding>"
        )

    def _sets(self) -> None:
        """Sets after notes (the schema's order: ... Notes, Links, Sets, Graphs, Description)."""
        if not self.project.sets:
            return
        out = self.out
        out.open("Sets", {})
        for item in self.project.sets:
            out.open("Set", {"guid": item.guid, "name": item.name})
            out.element("Description", item.description)
            out.refs("MemberCode", item.codes)
            out.refs("MemberSource", item.sources)
            out.refs("MemberNote", list(dict.fromkeys((*item.notes, *self.notes.get(("set", item.guid), [])))))
            out.close("Set")
        out.close("Sets")

    def _notes(self) -> None:
        if not self.project.notes:
            return
        out = self.out
        out.open("Notes", {})
        for note in self.project.notes:
            journal = is_journal(note)
            out.open("Note", {"guid": note.guid, "name": note.name, "creatingUser": note.creating_user,
                              "creationDateTime": stamp(note.created), "modifiedDateTime": stamp(note.modified),
                              "plainTextPath": f"internal://{note.guid}.txt" if journal else None})
            out.element("Description", note.description)
            if not journal:
                out.element("PlainTextContent", note.text, always=True)
            out.close("Note")
        out.close("Notes")
