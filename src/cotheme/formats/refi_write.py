"""Writing REFI-QDA files: the exchange model into ``project.qde`` XML, a ``.qdpx`` zip, a ``.qdc`` codebook.

Owns the element order the schemas require (``Project-mrt2019.xsd``, ``Codebook-mrt2019.xsd``), where
each note's ``NoteRef`` goes (project, source, selection, coding or code; REFI-QDA has no note reference
on a case or a set), and the archive layout: ``project.qde``, ``Sources/<guid>.txt`` (UTF-8 without a
byte-order mark, ``\\n`` line ends, the canonical text itself, so positions are code points as §10.2
says and, for text without characters outside the Basic Multilingual Plane, equal to NVivo's UTF-16
count too) and the optional ``cotheme/extension.json``. On request the archive takes NVivo 12's own form
instead (see ``write_qdpx``). Characters XML 1.0 cannot carry (control
characters) are replaced by U+FFFD in names, descriptions and notes, and counted.

Must not read storage nor decide what is exported (the exchange service does).
"""

from __future__ import annotations

import re
import zipfile
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from typing import BinaryIO

from lxml import etree

from cotheme.domain.exchange import ExCode, ExCoding, ExchangeProject, ExSelection, ExSet, ExSource
from cotheme.domain.positions import nvivo_offsets
from cotheme.formats.refi_archive import EXTENSION_ENTRY

__all__ = ["CODEBOOK_NS", "NVIVO_FORM", "PROJECT_NS", "Written", "write_codebook_xml", "write_project_xml", "write_qdpx"]

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
#: Appended to ``origin`` in the NVivo form: readers (cotheme's among them) that recognise NVivo by its
#: origin then count positions as NVivo does.
NVIVO_FORM = " (NVivo form)"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: A selection's ``name`` shows the start of its text in programs that list quotations by name.
_SELECTION_NAME_CHARS = 60


class Written:
    """Counts of what writing had to change (characters XML cannot carry)."""

    def __init__(self) -> None:
        self.replaced_characters = 0

    def clean(self, text: str) -> str:
        cleaned, count = _NOT_XML.subn("\ufffd", text)
        self.replaced_characters += count
        return cleaned


def write_qdpx(project: ExchangeProject, target: BinaryIO, extension: bytes | None = None, *,
               nvivo: bool = False) -> Written:
    """Write ``project`` as a QDPX archive to ``target`` (a binary file opened for writing).

    With ``nvivo`` the archive takes the form NVivo 12 itself writes: each text UTF-8 with a byte-order
    mark and CRLF line ends, positions in UTF-16 code units over that text (the mark not counted), and
    an ``origin`` naming NVivo's form so that a REFI-QDA reader that knows NVivo reads it right."""
    written = Written()
    xml = write_project_xml(project, written, nvivo=nvivo)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr("project.qde", xml)
        for source in project.sources:
            data = ("\ufeff" + source.text.replace("\n", "\r\n")).encode("utf-8") if nvivo else source.text.encode("utf-8")
            archive.writestr(f"Sources/{source.guid}.txt", data)
        if extension is not None:
            archive.writestr(EXTENSION_ENTRY, extension)
    return written


def write_project_xml(project: ExchangeProject, written: Written | None = None, *, nvivo: bool = False) -> bytes:
    """``project.qde``: the project as REFI-QDA 1.0 project XML (UTF-8); ``nvivo``: see ``write_qdpx``."""
    return _ProjectXml(project, written or Written(), nvivo).build()


def write_codebook_xml(codes: tuple[ExCode, ...], origin: str, sets: tuple[ExSet, ...] = (),
                       written: Written | None = None) -> bytes:
    """A ``.qdc`` codebook (REFI-QDA 1.0 codebook XML)."""
    clean = (written or Written()).clean
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS}, origin=clean(origin))
    _code_tree(etree.SubElement(root, _c("Codes")), codes, clean, _c, {})
    if sets:
        holder = etree.SubElement(root, _c("Sets"))
        for item in sets:
            node = etree.SubElement(holder, _c("Set"), guid=item.guid, name=clean(item.name))
            _description(node, item.description, clean, _c)
            for code in item.codes:
                etree.SubElement(node, _c("MemberCode"), guid=code)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _p(name: str) -> str:
    return f"{{{PROJECT_NS}}}{name}"


def _c(name: str) -> str:
    return f"{{{CODEBOOK_NS}}}{name}"


def stamp(value: datetime | None) -> str | None:
    """An aware datetime as ``xsd:dateTime`` in UTC, whole seconds."""
    if value is None:
        return None
    value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def _attrs(**values: str | int | None) -> dict[str, str]:
    return {k: str(v) for k, v in values.items() if v is not None}


def _description(node: etree._Element, text: str, clean: object, tag: object) -> None:
    if text:
        etree.SubElement(node, tag("Description")).text = clean(text)  # type: ignore[operator]


def _code_tree(holder: etree._Element, codes: tuple[ExCode, ...], clean: object, tag: object,
               notes: dict[tuple[str, str | None], list[str]]) -> None:
    """Codes (parents before children in ``codes``) as nested ``<Code>`` elements under ``holder``."""
    nodes: dict[str | None, etree._Element] = {None: holder}
    for code in codes:
        parent = nodes.get(code.parent, holder)
        node = etree.SubElement(parent, tag("Code"), _attrs(  # type: ignore[operator]
            guid=code.guid, name=clean(code.name), isCodable="true" if code.codable else "false",  # type: ignore[operator]
            color=code.colour,
        ))
        _description(node, code.description, clean, tag)
        for note in notes.get(("code", code.guid), ()):
            etree.SubElement(node, tag("NoteRef"), targetGUID=note)  # type: ignore[operator]
        nodes[code.guid] = node


class _ProjectXml:
    def __init__(self, project: ExchangeProject, written: Written, nvivo: bool) -> None:
        self.project = project
        self.clean = written.clean
        self.nvivo = nvivo
        self.notes: dict[tuple[str, str | None], list[str]] = defaultdict(list)
        for note in project.notes:
            for target in note.targets:
                self.notes[(target.kind, target.guid)].append(note.guid)

    def build(self) -> bytes:
        project = self.project
        root = etree.Element(_p("Project"), nsmap={None: PROJECT_NS}, attrib=_attrs(
            name=self.clean(project.name), origin=self.clean(project.origin + (NVIVO_FORM if self.nvivo else "")),
            creatingUserGUID=project.creating_user, creationDateTime=stamp(project.created),
        ))
        if project.users:
            users = etree.SubElement(root, _p("Users"))
            for user in project.users:
                etree.SubElement(users, _p("User"), guid=user.guid, name=self.clean(user.name))
        if project.codes:
            book = etree.SubElement(root, _p("CodeBook"))
            _code_tree(etree.SubElement(book, _p("Codes")), project.codes, self.clean, _p, self.notes)
        self._variables_and_cases(root)
        if project.sources:
            sources = etree.SubElement(root, _p("Sources"))
            for source in project.sources:
                self._source(sources, source)
        self._notes(root)
        _description(root, project.description, self.clean, _p)
        self._note_refs(root, "project", None)
        return etree.tostring(root, xml_declaration=True, encoding="utf-8")

    def _note_refs(self, node: etree._Element, kind: str, guid: str | None) -> None:
        for note in self.notes.get((kind, guid), ()):
            etree.SubElement(node, _p("NoteRef"), targetGUID=note)

    def _variables_and_cases(self, root: etree._Element) -> None:
        project = self.project
        if project.variables:
            holder = etree.SubElement(root, _p("Variables"))
            for variable in project.variables:
                node = etree.SubElement(holder, _p("Variable"), guid=variable.guid, name=self.clean(variable.name),
                                        typeOfVariable=variable.type)
                _description(node, variable.description, self.clean, _p)
        if project.cases:
            holder = etree.SubElement(root, _p("Cases"))
            for case in project.cases:
                node = etree.SubElement(holder, _p("Case"), guid=case.guid, name=self.clean(case.name))
                _description(node, case.description, self.clean, _p)
                for code in case.codes:
                    etree.SubElement(node, _p("CodeRef"), targetGUID=code)
                for variable, value in case.values:
                    if value is None:
                        continue  # no value element at all: "not available"
                    holder_value = etree.SubElement(node, _p("VariableValue"))
                    etree.SubElement(holder_value, _p("VariableRef"), targetGUID=variable)
                    etree.SubElement(holder_value, _p("TextValue")).text = self.clean(value)
                for source in case.sources:
                    etree.SubElement(node, _p("SourceRef"), targetGUID=source)
                for selection in case.selections:
                    etree.SubElement(node, _p("SelectionRef"), targetGUID=selection)

    def _source(self, holder: etree._Element, source: ExSource) -> None:
        node = etree.SubElement(holder, _p("TextSource"), _attrs(
            guid=source.guid, name=self.clean(source.name), plainTextPath=f"internal://{source.guid}.txt",
            creatingUser=source.creating_user, creationDateTime=stamp(source.created),
            modifiedDateTime=stamp(source.modified),
        ))
        _description(node, source.description, self.clean, _p)
        position = nvivo_offsets(source.text) if self.nvivo else None
        for selection in source.selections:
            self._selection(node, source.text, selection, position)
        for coding in source.codings:
            self._coding(node, coding)
        self._note_refs(node, "source", source.guid)

    def _selection(self, holder: etree._Element, text: str, selection: ExSelection,
                   position: Callable[[int], int] | None) -> None:
        quote = " ".join(text[selection.start : selection.end].split())
        start, end = (position(selection.start), position(selection.end)) if position else (selection.start, selection.end)
        name = selection.name or (quote[:_SELECTION_NAME_CHARS] + ("…" if len(quote) > _SELECTION_NAME_CHARS else ""))
        node = etree.SubElement(holder, _p("PlainTextSelection"), _attrs(
            guid=selection.guid, name=self.clean(name), startPosition=start, endPosition=end,
            creatingUser=selection.creating_user, creationDateTime=stamp(selection.created),
            modifiedDateTime=stamp(selection.modified),
        ))
        _description(node, selection.description, self.clean, _p)
        for coding in selection.codings:
            self._coding(node, coding)
        self._note_refs(node, "selection", selection.guid)

    def _coding(self, holder: etree._Element, coding: ExCoding) -> None:
        node = etree.SubElement(holder, _p("Coding"), _attrs(
            guid=coding.guid, creatingUser=coding.creating_user, creationDateTime=stamp(coding.created),
        ))
        etree.SubElement(node, _p("CodeRef"), targetGUID=coding.code)
        self._note_refs(node, "coding", coding.guid)

    def _notes(self, root: etree._Element) -> None:
        if not self.project.notes:
            return
        holder = etree.SubElement(root, _p("Notes"))
        for note in self.project.notes:
            node = etree.SubElement(holder, _p("Note"), _attrs(
                guid=note.guid, name=self.clean(note.name), creatingUser=note.creating_user,
                creationDateTime=stamp(note.created), modifiedDateTime=stamp(note.modified),
            ))
            _description(node, note.description, self.clean, _p)
            etree.SubElement(node, _p("PlainTextContent")).text = self.clean(note.text)
