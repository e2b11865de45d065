"""Walking the REFI-QDA element tree of a ``project.qde`` or a ``.qdc`` into the exchange model.

Owns what each element means to cotheme (users, the code tree, variables, cases, text sources with
their selections and codings, notes and every ``NoteRef`` pointing at them, an annotation's span in its
source (a note holding a ``PlainTextSelection`` without a coding, as QualCoder writes one), sets), the
per-kind GUID uniqueness check, the resolution of code, note, user and source references, the position
conversion of each text source (see ``refi_read``), and checking the cotheme extension's turns against
the texts. Elements cotheme does not hold (picture, PDF, audio and video sources, links, graphs,
variable values on sources) are counted into ``ExchangeProject.skipped``.

Must not open archives (``refi_archive``) nor parse bytes as XML (``refi_xml``).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import replace

from lxml import etree

from cotheme.domain.exchange import (
    CothemeExtension, ExCase, ExCode, ExchangeProject, ExNote, ExSet, ExSource, ExUser, ExVariable, NoteTarget,
)
from cotheme.domain.positions import PositionMap, canonical_map, utf16_length, utf16_map
from cotheme.formats.refi_archive import QdpxArchive
from cotheme.formats.refi_media import read_media
from cotheme.formats.refi_selections import SelectionReader, whole
from cotheme.formats.refi_xml import Attrs, Findings, child, children, local, namespace, text_of

__all__ = ["ProjectWalker", "read_codebook_root"]

_VALUE_ELEMENTS = ("TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue", "DateTimeValue")
_SKIPPED_SOURCES = {"PictureSource": "picture source", "PDFSource": "PDF source"}
_MEDIA_SOURCES = ("AudioSource", "VideoSource")


def is_nvivo(origin: str) -> bool:
    """NVivo writes positions as UTF-16 code units (see ``refi_read``); its ``origin`` names it."""
    return "nvivo" in origin.lower()


class ProjectWalker:
    """One pass over a ``<Project>`` element; problems go to ``findings``."""

    def __init__(self, entry: str, findings: Findings, archive: QdpxArchive | None) -> None:
        self.entry = entry
        self.findings = findings
        self.archive = archive
        # Where things are is kept as elements and worded only for a problem: a large file has many.
        self.seen: dict[str, dict[str, etree._Element]] = defaultdict(dict)
        self.note_targets: dict[str, list[NoteTarget]] = defaultdict(list)
        self.note_refs: list[tuple[str, etree._Element]] = []
        self.code_refs: list[tuple[str, etree._Element, bool]] = []  # guid, where, required
        self.users_used: dict[str, etree._Element] = {}
        self.skipped: Counter[str] = Counter()
        self.utf16 = False
        self.selections = SelectionReader(self)
        self.maps: dict[str, tuple[PositionMap, int]] = {}  # each text source's positions
        self.spans: dict[str, tuple[int, int, etree._Element]] = {}  # a note's own selection, as written
        self.media_elements: list[etree._Element] = []  # audio and video sources, read once texts are
        self.text_paths: dict[str, str] = {}  # a text source's plainTextPath (lower case) -> its GUID

    # -- the walk ----------------------------------------------------------------------------------
    def walk(self, root: etree._Element, extension: CothemeExtension | None) -> ExchangeProject:
        where = f"{self.entry}:{root.sourceline}"
        if local(root) != "Project":
            raise self.findings.stop(where, f"the root element is <{local(root)}>, not <Project>; this is not a REFI-QDA project")
        self._check_namespace(root, "project")
        top = Attrs(root, self.entry, self.findings)
        origin = top.text("origin")
        self.utf16 = is_nvivo(origin)
        if top.element.get("name") is None:
            self.findings.error(where, "<Project> has no name attribute")
        users = tuple(self._user(u) for u in self._items(root, "Users", "User"))
        codes: list[ExCode] = []
        for code in self._items(root, "CodeBook", "Codes", "Code"):
            self._code(code, None, codes, with_notes=True)
        variables = tuple(self._variable(v) for v in self._items(root, "Variables", "Variable"))
        cases = tuple(self._case(c) for c in self._items(root, "Cases", "Case"))
        read = [s for s in (self._source(e) for e in self._items(root, "Sources", None)) if s is not None]
        media = tuple(read_media(self, self.media_elements, read, self.text_paths))
        sources = tuple(read)
        notes_raw = [self._note_raw(n) for n in self._items(root, "Notes", "Note")]
        sets = tuple(self._set(s, "targetGUID") for s in self._items(root, "Sets", "Set"))
        for name in ("Links", "Graphs"):
            if child(root, name) is not None:
                self.skipped[name.lower()] += len(child(root, name) or [])
        self._note_refs(root, NoteTarget("project"))
        known_users = {u.guid for u in users}
        self._resolve(known_users)
        notes = tuple(self._placed(n) for n in notes_raw)
        if extension is not None:
            extension = self._checked_extension(extension, sources)
        return ExchangeProject(
            name=top.text("name"), origin=origin, description=text_of(root, "Description"),
            creating_user=top.guid("creatingUserGUID", required=False), created=top.datetime("creationDateTime"),
            users=users, codes=tuple(codes), variables=variables, cases=cases, sources=sources,
            notes=notes, sets=sets, extension=extension, skipped=self._skipped_sentences(),
            positions="UTF-16 code units (NVivo)" if self.utf16 else "code points", media=media,
        )

    def _items(self, root: etree._Element, outer: str, *path: str | None) -> list[etree._Element]:
        node = child(root, outer)
        if node is None:
            return []
        for name in path[:-1]:
            node = child(node, name) if name else node
            if node is None:
                return []
        last = path[-1]
        return [e for e in node if isinstance(e.tag, str) and (last is None or local(e) == last)]

    def _check_namespace(self, root: etree._Element, kind: str) -> None:
        uri = namespace(root)
        if uri and not uri.startswith("urn:QDA-XML:"):
            self.findings.warn(f"{self.entry}:{root.sourceline}", f"uses the namespace '{uri}', not a REFI-QDA one ('urn:QDA-XML:{kind}:1.0')")

    def _register(self, kind: str, guid: str | None, attrs: Attrs, label: str) -> None:
        if guid is None:
            return
        before = self.seen[kind].get(guid)
        if before is not None:
            self.findings.error(attrs.where, f"{label} has the GUID {guid}, already used by the {kind} at "
                                f"{self._where(before)}; GUIDs must be unique")
        else:
            self.seen[kind][guid] = attrs.element

    def _where(self, element: etree._Element) -> str:
        return f"{self.entry}:{element.sourceline}"

    # -- elements ----------------------------------------------------------------------------------
    def _user(self, element: etree._Element) -> ExUser:
        attrs = Attrs(element, self.entry, self.findings)
        guid = attrs.guid() or ""
        self._register("user", guid, attrs, f"User '{attrs.text('name')}'")
        return ExUser(guid=guid, name=attrs.text("name").strip())

    def _code(self, element: etree._Element, parent: str | None, out: list[ExCode], *, with_notes: bool) -> None:
        attrs = Attrs(element, self.entry, self.findings)
        guid = attrs.guid() or ""
        name = attrs.text("name")
        if element.get("name") is None:
            self.findings.error(attrs.where, "<Code> has no name attribute")
        self._register("code", guid, attrs, f"Code '{name}'")
        out.append(ExCode(guid=guid, name=name, parent=parent, description=text_of(element, "Description"),
                          colour=attrs.colour(), codable=attrs.boolean("isCodable", True)))
        if with_notes:
            self._note_refs(element, NoteTarget("code", guid))
        for sub in children(element, "Code"):
            self._code(sub, guid, out, with_notes=with_notes)

    def _variable(self, element: etree._Element) -> ExVariable:
        attrs = Attrs(element, self.entry, self.findings)
        guid = attrs.guid() or ""
        self._register("variable", guid, attrs, f"Variable '{attrs.text('name')}'")
        return ExVariable(guid=guid, name=attrs.text("name").strip(), type=attrs.text("typeOfVariable", "Text"),
                          description=text_of(element, "Description"))

    def _case(self, element: etree._Element) -> ExCase:
        attrs = Attrs(element, self.entry, self.findings)
        guid = attrs.guid() or ""
        self._register("case", guid, attrs, f"Case '{attrs.text('name')}'")
        codes = self._refs(element, "CodeRef")
        self.code_refs.extend((g, element, False) for g in codes)
        return ExCase(guid=guid, name=attrs.text("name").strip(), description=text_of(element, "Description"),
                      values=tuple(v for v in (self._value(e) for e in children(element, "VariableValue")) if v),
                      sources=self._refs(element, "SourceRef"), selections=self._refs(element, "SelectionRef"),
                      codes=codes)

    def _value(self, element: etree._Element) -> tuple[str, str | None] | None:
        ref = child(element, "VariableRef")
        target = Attrs(ref, self.entry, self.findings).guid("targetGUID") if ref is not None else None
        if target is None:
            if ref is None:
                self.findings.error(f"{self.entry}:{element.sourceline}", "<VariableValue> has no <VariableRef>")
            return None
        for name in _VALUE_ELEMENTS:
            found = child(element, name)
            if found is not None:
                text = found.text or ""
                return target, (text if name == "TextValue" else text.strip())
        return target, None

    def _refs(self, element: etree._Element, name: str) -> tuple[str, ...]:
        found = []
        for ref in children(element, name):
            guid = Attrs(ref, self.entry, self.findings).guid("targetGUID")
            if guid is not None:
                found.append(guid)
        return tuple(found)

    def _note_refs(self, element: etree._Element, target: NoteTarget) -> None:
        for ref in children(element, "NoteRef"):
            self._note_ref(ref, target)

    def _note_ref(self, ref: etree._Element, target: NoteTarget) -> None:
        guid = Attrs(ref, self.entry, self.findings).guid("targetGUID")
        if guid is not None:
            self.note_targets[guid].append(target)
            self.note_refs.append((guid, ref))

    def _set(self, element: etree._Element, ref_attribute: str) -> ExSet:
        attrs = Attrs(element, self.entry, self.findings)
        guid = attrs.guid() or ""
        self._register("set", guid, attrs, f"Set '{attrs.text('name')}'")

        def members(name: str) -> tuple[str, ...]:
            found = []
            for ref in children(element, name):
                ref_attrs = Attrs(ref, self.entry, self.findings)
                key = ref_attribute if ref.get(ref_attribute) is not None else "guid"
                value = ref_attrs.guid(key if ref.get(key) is not None else ref_attribute)
                if value is not None:
                    found.append(value)
            return tuple(found)

        codes = members("MemberCode")
        self.code_refs.extend((g, element, False) for g in codes)
        notes = members("MemberNote")
        for note in notes:  # a note in a set is about it (REFI-QDA has no NoteRef on a set)
            self.note_targets[note].append(NoteTarget("set", guid))
            self.note_refs.append((note, element))
        return ExSet(guid=guid, name=attrs.text("name").strip(), description=text_of(element, "Description"),
                     codes=codes, sources=members("MemberSource"), notes=notes)

    # -- sources and notes -----------------------------------------------------------------------
    def _source(self, element: etree._Element) -> ExSource | None:
        kind = local(element)
        if kind in _MEDIA_SOURCES:
            self.media_elements.append(element)
            return None
        if kind != "TextSource":
            self.skipped[_SKIPPED_SOURCES.get(kind, f"<{kind}>")] += 1
            return None
        attrs = Attrs(element, self.entry, self.findings)
        guid = attrs.guid() or ""
        name = attrs.text("name").strip() or f"Source {guid[:8]}"
        self._register("source", guid, attrs, f"TextSource '{name}'")
        raw = self._text(element, attrs, f"TextSource '{name}'")
        if raw is None:
            return None
        text, position_map, length = self._positions(raw)
        self.maps[guid] = (position_map, length)
        if element.get("plainTextPath"):
            self.text_paths[element.get("plainTextPath", "").lower()] = guid
        selections = tuple(
            s for s in (self.selections.selection(e, name, position_map, length)
                        for e in children(element, "PlainTextSelection")) if s
        )
        self._note_refs(element, NoteTarget("source", guid))
        if children(element, "VariableValue"):
            self.skipped["variable values on sources"] += len(children(element, "VariableValue"))
        return ExSource(
            guid=guid, name=name, text=text, selections=selections,
            codings=tuple(self.selections.coding(e) for e in children(element, "Coding")),
            description=text_of(element, "Description"), creating_user=self._user_ref(attrs, "creatingUser"),
            created=attrs.datetime("creationDateTime"), modified=attrs.datetime("modifiedDateTime"),
        )

    def _positions(self, raw: str) -> tuple[str, PositionMap, int]:
        text, to_canonical = canonical_map(raw)
        if self.utf16:
            return text, utf16_map(raw).then(to_canonical), utf16_length(raw)
        return text, to_canonical, len(raw)

    def _text(self, element: etree._Element, attrs: Attrs, label: str) -> str | None:
        """The raw text of a source or note: its ``plainTextPath`` file, else ``PlainTextContent``."""
        path = element.get("plainTextPath")
        content = child(element, "PlainTextContent")
        if path:
            if self.archive is None:
                self.findings.error(attrs.where, f"{label} refers to a file, but there is no archive")
                return None
            entry = self.archive.source_entry(path)
            if entry is None:
                where = "outside the archive" if not path.lower().startswith("internal://") else "missing from the archive"
                self.findings.error(attrs.where, f"{label} has its text in '{path}', which is {where}")
                return None
            try:
                return self.archive.read(entry).decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                self.findings.error(entry, f"the text of {label} is not UTF-8 (byte {exc.start}); REFI-QDA text must be UTF-8")
                return None
        if content is not None:
            return content.text or ""
        if element.get("richTextPath"):
            self.findings.error(attrs.where, f"{label} has only a rich-text file ({element.get('richTextPath')}) and no plain-text representation")
            return None
        if local(element) == "TextSource":
            self.findings.error(attrs.where, f"{label} has neither plainTextPath nor PlainTextContent")
            return None
        return ""  # a note may be all name

    def _note_raw(self, element: etree._Element) -> ExNote:
        attrs = Attrs(element, self.entry, self.findings)
        guid = attrs.guid() or ""
        name = attrs.text("name").strip()
        self._register("note", guid, attrs, f"Note '{name}'")
        text = self._text(element, attrs, f"Note '{name}'") or ""
        span = child(element, "PlainTextSelection")
        if span is not None and child(span, "Coding") is None:
            start, end = whole(span.get("startPosition")), whole(span.get("endPosition"))
            if start is not None and end is not None:
                self.spans[guid] = (start, end, span)
        return ExNote(guid=guid, text=text.replace("\r\n", "\n"), name=name, description=text_of(element, "Description"),
                      creating_user=self._user_ref(attrs, "creatingUser"), created=attrs.datetime("creationDateTime"),
                      modified=attrs.datetime("modifiedDateTime"))

    def _user_ref(self, attrs: Attrs, name: str) -> str | None:
        guid = attrs.guid(name, required=False)
        if guid is not None and guid not in self.users_used:
            self.users_used[guid] = attrs.element
        return guid

    # -- after the walk ----------------------------------------------------------------------------
    def _placed(self, note: ExNote) -> ExNote:
        """``note`` with what it is attached to and, for an annotation, its span in the source's text.

        QualCoder writes an annotation as a note holding a ``PlainTextSelection`` (no coding) with the
        span in the text of the source whose ``NoteRef`` points at the note."""
        targets = tuple(self.note_targets.get(note.guid, ()))
        raw = self.spans.get(note.guid)
        source = next((t.guid for t in targets if t.kind == "source" and t.guid in self.maps), None)
        if raw is None:
            return replace(note, targets=targets)
        start, end, element = raw
        if source is None:  # QualCoder refers to the first annotation of each source only
            self.findings.warn(self._where(element), f"the annotation {note.guid} is not referred to by any source; "
                               "it is kept on the project with its characters")
            return replace(note, targets=targets, span=(start, end) if start < end else None)
        positions, length = self.maps[source]
        if not 0 <= start < end <= length:
            self.findings.warn(self._where(element), f"the annotation {note.guid} runs {start}-{end}, outside its "
                               f"text (0-{length}); it is kept on the whole document")
            return replace(note, targets=targets)
        return replace(note, targets=targets, span=positions.span(start, end))

    def _resolve(self, known_users: set[str]) -> None:
        codes = self.seen["code"]
        for guid, element, required in self.code_refs:
            if guid not in codes:
                message = f"refers to the code {guid}, which the file does not define"
                (self.findings.error if required else self.findings.warn)(self._where(element), message)
        notes = self.seen["note"]
        for guid, element in self.note_refs:
            if guid not in notes:
                self.findings.warn(self._where(element), f"refers to the note {guid}, which the file does not define; ignored")
        for guid, element in self.users_used.items():
            if guid not in known_users:
                self.findings.warn(self._where(element), f"names the user {guid}, who is not in <Users>; the coder is left unknown")

    def _checked_extension(self, extension: CothemeExtension, sources: tuple[ExSource, ...]) -> CothemeExtension:
        """The extension with turns kept only where they fit the text they were written for."""
        texts = {s.guid: s.text for s in sources}
        documents = {}
        for guid, extra in extension.documents.items():
            text = texts.get(guid)
            fits = text is not None and hashlib.sha256(text.encode("utf-8")).hexdigest() == extra.text_sha256
            last = 0
            for turn in extra.turns if fits else ():
                if not (last <= turn.start <= turn.end <= len(text or "")):
                    fits = False
                    break
                last = turn.end
            if not fits and extra.turns:
                self.findings.warn("cotheme/extension.json", f"the turns of '{extra.title}' do not fit its text any more; they are ignored")
                extra = replace(extra, turns=())
            documents[guid] = extra
        return replace(extension, documents=documents)

    def _skipped_sentences(self) -> tuple[str, ...]:
        return tuple(f"{count} {what}{'s' if count != 1 and not what.endswith('s') else ''}"
                     for what, count in sorted(self.skipped.items()))


def read_codebook_root(root: etree._Element, entry: str, findings: Findings) -> ExchangeProject:
    """The codes and sets of a ``<CodeBook>`` root (a ``.qdc`` file)."""
    walker = ProjectWalker(entry, findings, None)
    where = f"{entry}:{root.sourceline}"
    if local(root) != "CodeBook":
        raise findings.stop(where, f"the root element is <{local(root)}>, not <CodeBook>; this is not a REFI-QDA codebook")
    walker._check_namespace(root, "codebook")
    codes: list[ExCode] = []
    for code in walker._items(root, "Codes", "Code"):
        walker._code(code, None, codes, with_notes=False)
    if child(root, "Codes") is None:
        findings.error(where, "<CodeBook> has no <Codes>")
    sets = tuple(walker._set(s, "guid") for s in walker._items(root, "Sets", "Set"))
    walker._resolve(set())
    return ExchangeProject(name="", origin=root.get("origin", ""), codes=tuple(codes), sets=sets)
