"""QualCoder's REFI-QDA round trip, reproduced for tests (QualCoder is not on PyPI and cannot run here).

``qualcoder_round_trip`` reads a ``.qdpx`` the way QualCoder's importer does and writes what QualCoder's
exporter then writes, so a test can send a cotheme export through "QualCoder" and import the result.
The behaviour follows QualCoder's ``src/qualcoder/refi.py`` (``RefiImport`` and ``RefiExport``, read in
ccbogel/QualCoder; QualCoder's ``origin`` is its version string, ``"QualCoder 4.0 ..."``). Only the
behaviour is reproduced; no QualCoder code is copied. What matters for cotheme:

Import (QualCoder's ``RefiImport.import_project``):
* users are names only (QualCoder has no user table); an element's ``creatingUser`` (else
  ``modifyingUser``) that names no ``<User>`` becomes the owner ``"default"``;
* a ``TextSource``'s memo is its ``<Description>``; a selection's coding memo is the
  ``PlainTextSelection``'s ``<Description>``; one coding row per ``<Coding>``;
* a ``<Note>`` is read as a journal only when it has ``plainTextPath`` and a name; it is read as an
  annotation (a memo on a span) only when a ``TextSource`` holds a ``NoteRef`` to it and the note holds
  a ``PlainTextSelection`` with the span. Every other note (``PlainTextContent`` notes on a project,
  code or coding) is dropped;
* a codable ``Code`` is a code (nested under its parent code), ``isCodable="false"`` a category
  (earlier releases: a code with child codes is a category of its name holding a code of that name);
  cases keep their name, description and values, not their ``SourceRef``s; sets are not kept.

Export (QualCoder's ``RefiExport.project_xml``):
* a new GUID for every object on every export (users, codes, variables, cases, sources, selections,
  codings, notes), and a second new GUID for each source's plain-text file;
* ``<User>``: each distinct owner of a coding or a source; ``creatingUser`` names its GUID;
* each text file written as UTF-8 with a byte-order mark into a lower-case ``sources/`` folder;
* each coding as its own ``PlainTextSelection`` with ``name`` = the coded text and the coding memo as
  its ``<Description>``; the ``<Coding>`` has a ``creatingUser`` and no date;
* annotations as ``<Note>``s holding ``<PlainTextContent>`` and a ``<PlainTextSelection>`` with the
  annotated span; only the first annotation of a source gets a ``NoteRef`` in that source (QualCoder's
  own loop stops at the first), the others are written with no reference at all;
* journals as ``<Note name=... plainTextPath=...>`` with the text in ``sources/<guid>.txt``.
"""

from __future__ import annotations

import html
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

NS = "{urn:QDA-XML:project:1.0}"
ORIGIN = "QualCoder 4.0 beta"
DEFAULT_OWNER = "default"


@dataclass
class QcCode:
    name: str
    memo: str
    colour: str
    parent: str | None  # the parent's key (QualCoder's code names are unique, and its category names)
    category: bool = False

    @property
    def key(self) -> str:
        return f"{'category' if self.category else 'code'}:{self.name}"


@dataclass
class QcCoding:
    code: str
    start: int
    end: int
    owner: str
    memo: str
    date: str


@dataclass
class QcSource:
    name: str
    text: str
    memo: str
    owner: str
    date: str
    codings: list[QcCoding] = field(default_factory=list)


@dataclass
class QcAnnotation:
    source: str
    start: int
    end: int
    memo: str
    owner: str
    date: str = "2024-05-01 10:00:00"


@dataclass
class QcProject:
    """QualCoder's tables after its import, as far as they matter here."""

    name: str
    memo: str = ""
    codes: list[QcCode] = field(default_factory=list)
    sources: list[QcSource] = field(default_factory=list)
    annotations: list[QcAnnotation] = field(default_factory=list)
    journals: list[tuple[str, str, str, str]] = field(default_factory=list)  # name, text, owner, date
    cases: list[tuple[str, str, list[tuple[str, str]]]] = field(default_factory=list)
    variables: list[str] = field(default_factory=list)


def qualcoder_import(qdpx: Path, project_name: str = "study.qda", *, mirror_categories: bool = False) -> QcProject:
    """What QualCoder holds after importing ``qdpx`` into a new project.

    ``mirror_categories``: the code tree as earlier QualCoder releases read it (``RefiImport.sub_codes``
    before sub-codes): a code with child codes becomes a category of its name holding a code of the same
    name (when codable) and its children."""
    with zipfile.ZipFile(qdpx) as archive:
        names = {n.lower(): n for n in archive.namelist()}
        root = etree.fromstring(archive.read(names["project.qde"]))

        def read(path: str) -> str:
            inner = path.split("internal://", 1)[1]
            return archive.read(names[f"sources/{inner}".lower()]).decode("utf-8-sig").replace("\r\n", "\n")

        users = {u.get("guid"): u.get("name") for u in root.iter(f"{NS}User")}

        def owner(element: etree._Element) -> str:
            return users.get(element.get("creatingUser") or element.get("modifyingUser"), DEFAULT_OWNER)

        def description(element: etree._Element) -> str:
            found = element.find(f"{NS}Description")
            return (found.text or "") if found is not None else ""

        project = QcProject(name=project_name, memo=description(root))
        code_names: dict[str, str] = {}

        def walk(element: etree._Element, parent: str | None) -> None:
            name, subs = element.get("name"), element.findall(f"{NS}Code")
            colour = element.get("color") or "#999999"
            taken = {c.key for c in project.codes}
            if mirror_categories and (subs or element.get("isCodable") == "false"):
                category = QcCode(name, description(element), colour, parent, category=True)
                if category.key not in taken:
                    project.codes.append(category)
                if element.get("isCodable") != "false" and f"code:{name}" not in taken:
                    project.codes.append(QcCode(name, description(element), colour, category.key))
                code_names[element.get("guid")] = name
                for sub in subs:
                    walk(sub, category.key)
                return
            code = QcCode(name, description(element), colour, parent, category=element.get("isCodable") == "false")
            if code.key not in taken:
                project.codes.append(code)
            code_names[element.get("guid")] = name
            for sub in subs:
                walk(sub, code.key)

        codes = root.find(f"{NS}CodeBook/{NS}Codes")
        for code in codes if codes is not None else ():
            walk(code, None)
        project.variables = [v.get("name") for v in root.iter(f"{NS}Variable")]
        variable_names = {v.get("guid"): v.get("name") for v in root.iter(f"{NS}Variable")}
        for case in root.iter(f"{NS}Case"):
            values = [(variable_names[v.find(f"{NS}VariableRef").get("targetGUID")], v.find(f"{NS}TextValue").text or "")
                      for v in case.findall(f"{NS}VariableValue")]
            project.cases.append((case.get("name"), description(case), values))
        source_refs: dict[str, str] = {}
        for element in root.iter(f"{NS}TextSource"):
            when = (element.get("creationDateTime") or "2024-01-01T00:00:00Z").replace("T", " ").replace("Z", "")
            source = QcSource(element.get("name"), read(element.get("plainTextPath")), description(element),
                              owner(element), when)
            for selection in element.findall(f"{NS}PlainTextSelection"):
                for coding in selection.findall(f"{NS}Coding"):
                    source.codings.append(QcCoding(
                        code_names[coding.find(f"{NS}CodeRef").get("targetGUID")], int(selection.get("startPosition")),
                        int(selection.get("endPosition")), owner(selection), description(selection),
                        (selection.get("creationDateTime") or "2024-01-01T00:00:00Z").replace("T", " ").replace("Z", "")))
            for ref in element.findall(f"{NS}NoteRef"):
                source_refs[ref.get("targetGUID")] = source.name
            project.sources.append(source)
        for note in root.iter(f"{NS}Note"):
            span = note.find(f"{NS}PlainTextSelection")
            content = note.find(f"{NS}PlainTextContent")
            if note.get("guid") in source_refs:
                if span is not None and content is not None:
                    project.annotations.append(QcAnnotation(source_refs[note.get("guid")], int(span.get("startPosition")),
                                                            int(span.get("endPosition")), content.text or "", owner(note)))
            elif note.get("plainTextPath") and note.get("name"):
                project.journals.append((note.get("name"), read(note.get("plainTextPath")), owner(note),
                                         (note.get("creationDateTime") or "").replace("T", " ").replace("Z", "")))
    return project


def qualcoder_export(project: QcProject, out: Path) -> Path:
    """The ``.qdpx`` QualCoder writes for ``project``."""
    guid = lambda: str(uuid.uuid4())  # noqa: E731 - a new GUID everywhere, as QualCoder makes
    stamp = lambda when: f"{when[0:10]}T{when[11:]}Z"  # noqa: E731
    owners = sorted({c.owner for s in project.sources for c in s.codings} | {s.owner for s in project.sources})
    user_guid = {name: guid() for name in owners}
    code_guid = {c.key: guid() for c in project.codes}
    files: dict[str, str] = {}
    xml = ['<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           f'name="{html.escape(project.name)}" origin="{ORIGIN}" creatingUserGUID="{guid()}" '
           'creationDateTime="2024-05-01T09:00:00Z" xmlns="urn:QDA-XML:project:1.0">\n<Users>\n']
    xml += [f'<User guid="{user_guid[n]}" name="{html.escape(n)}" />\n' for n in owners]
    xml.append("</Users>\n")

    def code_xml(code: QcCode) -> str:
        kids = [c for c in project.codes if c.parent == code.key]
        head = (f'<Code guid="{code_guid[code.key]}" name="{html.escape(code.name)}" '
                f'isCodable="{"false" if code.category else "true"}"'
                + ("" if code.category else f' color="{code.colour}"'))
        if not code.memo and not kids:
            return head + " />\n"
        body = f"<Description>{html.escape(code.memo)}</Description>\n" if code.memo else ""
        return head + ">\n" + body + "".join(code_xml(k) for k in kids) + "</Code>\n"

    if project.codes:
        xml.append("<CodeBook>\n<Codes>\n")
        xml += [code_xml(c) for c in project.codes if c.parent is None]
        xml.append("</Codes>\n</CodeBook>\n")
    variable_guid = {name: guid() for name in project.variables}
    if project.variables:
        xml.append("<Variables>\n")
        xml += [f'<Variable guid="{variable_guid[v]}" name="{html.escape(v)}" typeOfVariable="Text" >\n'
                "<Description />\n</Variable>\n" for v in project.variables]
        xml.append("</Variables>\n")
    if project.cases:
        xml.append("<Cases>\n")
        for name, memo, values in project.cases:
            xml.append(f'<Case guid="{guid()}" name="{html.escape(name)}">\n')
            xml.append(f"<Description>{html.escape(memo)}</Description>\n" if memo else "<Description />\n")
            xml += [f'<VariableValue>\n<VariableRef targetGUID="{variable_guid[v]}" />\n'
                    f"<TextValue>{html.escape(value)}</TextValue>\n</VariableValue>\n" for v, value in values]
            xml.append("</Case>\n")
        xml.append("</Cases>\n")
    note_refs: dict[int, str] = {}
    xml.append("<Sources>\n")
    for source in project.sources:
        plain = f"{guid()}.txt"
        files[f"{guid()}.txt"] = source.text  # the "document" copy QualCoder also writes, referenced by nothing
        files[plain] = source.text
        xml.append(f'<TextSource plainTextPath="internal://{plain}" creatingUser="{user_guid[source.owner]}" '
                   f'creationDateTime="{stamp(source.date)}" guid="{guid()}" name="{html.escape(source.name)}">\n')
        if source.memo:
            xml.append(f"<Description>{html.escape(source.memo)}</Description>\n")
        for c in source.codings:
            xml.append(f'<PlainTextSelection guid="{guid()}" startPosition="{c.start}" endPosition="{c.end}" '
                       f'name="{html.escape(source.text[c.start:c.end])}" creatingUser="{user_guid[c.owner]}" '
                       f'creationDateTime="{stamp(c.date)}">\n')
            if c.memo:
                xml.append(f"<Description>{html.escape(c.memo)}</Description>\n")
            xml.append(f'<Coding guid="{guid()}" creatingUser="{user_guid[c.owner]}" >\n'
                       f'<CodeRef targetGUID="{code_guid["code:" + c.code]}" />\n</Coding>\n</PlainTextSelection>\n')
        for at, annotation in enumerate(project.annotations):
            if annotation.source == source.name:
                note_refs[at] = guid()
                xml.append(f'<NoteRef targetGUID="{note_refs[at]}" />\n')
                break  # QualCoder refers to the first annotation of a source only
        xml.append("</TextSource>\n")
    xml.append("</Sources>\n")
    if project.journals or project.annotations:
        xml.append("<Notes>\n")
        for name, text, owner, when in project.journals:
            note = guid()
            files[f"{note}.txt"] = text
            xml.append(f'<Note guid="{note}" creatingUser="{user_guid.get(owner, "")}" creationDateTime="{stamp(when)}" '
                       f'name="{html.escape(name)}"  plainTextPath="internal://{note}.txt" >\n<Description /></Note>\n')
        for at, a in enumerate(project.annotations):
            # QualCoder writes the annotation text unescaped; the tests' annotations hold no markup.
            xml.append(f'<Note guid="{note_refs.get(at) or guid()}" creatingUser="{user_guid.get(a.owner, "")}" '
                       f'creationDateTime="{stamp(a.date)}" >\n<PlainTextContent>{a.memo}</PlainTextContent>\n'
                       f'<PlainTextSelection guid="{guid()}" startPosition="{a.start}" endPosition="{a.end}" />\n</Note>\n')
        xml.append("</Notes>\n")
    xml.append(f"<Description>{html.escape(project.memo)}</Description>\n</Project>")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", "".join(xml).encode("utf-8"))
        archive.writestr("sources/", b"")
        for name, text in files.items():
            archive.writestr(f"sources/{name}", text.encode("utf-8-sig"))
    return out


def qualcoder_round_trip(qdpx: Path, out: Path, *, annotations: tuple[QcAnnotation, ...] = (),
                         mirror_categories: bool = False) -> QcProject:
    """Import ``qdpx`` into "QualCoder", add ``annotations`` there, and export the project to ``out``."""
    project = qualcoder_import(qdpx, mirror_categories=mirror_categories)
    project.annotations += annotations
    qualcoder_export(project, out)
    return project
