"""Streaming a Word document's body: its paragraphs and table rows one by one, never the whole tree.

python-docx parses ``word/document.xml`` into one lxml tree and keeps every part of the package, so a
long transcript was held as XML (and as a tree of it) many times the size of its text. This module
finds the main document part as python-docx does (the package's ``officeDocument`` relationship, whose
content type must be a Word document's), then feeds that part, decompressed a slice at a time, to a
pull parser set up exactly like python-docx's own (the same custom element classes, blank text
removed, entities never resolved). Each top-level paragraph is handed out as a python-docx
``Paragraph`` and each row of a top-level table as a ``_Row``, so their text, runs, bold and merged
cells are read by python-docx's own code, as before; once handed out an element is cleared and
dropped from the tree. A table keeps only the rows a vertically merged cell may still reach back to.
Paragraphs and tables wrapped in body-level content controls (``w:sdt``) or custom XML count as
top-level: python-docx skips them, but Word shows their text (forms, templates, citations) like any other.

Owns ``WordBody``: the main part's name, its character styles and ``blocks()``. Must not check the
package for bombs or entity declarations (``wordfile.check_package`` does, before anything here runs)
nor know about speakers or turns.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PACKAGE_URI, PackURI
from docx.opc.pkgreader import _ContentTypeMap, _SerializedRelationships
from docx.oxml.ns import qn
from docx.oxml.parser import element_class_lookup, parse_xml
from docx.parts.styles import StylesPart
from docx.styles.styles import Styles
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph
from lxml import etree

__all__ = ["WordBody"]

#: Decompressed bytes of the document part handed to the parser at a time.
_CHUNK = 1 << 16
_BODY, _P, _TBL, _TR = qn("w:body"), qn("w:p"), qn("w:tbl"), qn("w:tr")
_DOCUMENT = qn("w:document")
#: Block-level wrappers whose paragraphs and tables Word shows as part of the body.
_CONTAINERS = frozenset({qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")})


class _StoryPart:
    """What python-docx's paragraphs and runs ask their document part for: only styles."""

    def __init__(self, styles: Styles) -> None:
        self._styles = styles

    def get_style(self, style_id: str | None, style_type: WD_STYLE_TYPE) -> Any:
        return self._styles.get_by_id(style_id, style_type)


class _Story:
    """The parent python-docx gives a body's blocks: it leads them to the (styles-only) part."""

    def __init__(self, part: _StoryPart) -> None:
        self.part = part


class WordBody:
    """The body of the Word document in an open zip ``package`` (already checked)."""

    def __init__(self, package: zipfile.ZipFile) -> None:
        self._package = package
        content_types = _ContentTypeMap.from_xml(self._read("/[Content_Types].xml"))
        main = _related(self._rels(PACKAGE_URI), RT.OFFICE_DOCUMENT)
        if content_types[main] != CT.WML_DOCUMENT_MAIN:
            raise ValueError(f"file is not a Word file, content type is '{content_types[main]}'")
        self.part_name = main.membername
        try:
            styles_xml = self._read(_related(self._rels(main), RT.STYLES))
        except KeyError:  # no styles part: python-docx then reads with its own default styles
            styles_xml = StylesPart._default_styles_xml()
        self._story = _Story(_StoryPart(Styles(parse_xml(styles_xml))))

    def style(self, style_id: str | None, style_type: WD_STYLE_TYPE) -> Any:
        """The style python-docx's ``DocumentPart.get_style`` finds for ``style_id``."""
        return self._story.part.get_style(style_id, style_type)

    def _read(self, uri: str) -> bytes:
        return self._package.read(uri.lstrip("/"))

    def _rels(self, source: PackURI) -> _SerializedRelationships:
        try:
            xml = self._read(source.rels_uri)
        except KeyError:
            xml = None
        return _SerializedRelationships.load_from_xml(source.baseURI, xml)

    def blocks(self) -> Iterator[Paragraph | _Row]:
        """Each top-level paragraph and each row of a top-level table, in document order."""
        # Only paragraphs, tables and rows are reported by the parser (every other element stays in C).
        parser = etree.XMLPullParser(events=("end",), tag=(_P, _TBL, _TR), remove_blank_text=True,
                                     resolve_entities=False)
        parser.set_element_class_lookup(element_class_lookup)
        body: Any = None
        with self._package.open(self.part_name) as stream:
            pending: list[bytes] = []
            while True:
                chunk = stream.read(_CHUNK)
                if chunk:
                    # Fed only up to a tag's end: with blank text removed, libxml2 keeps a text of only
                    # spaces (``<w:t> </w:t>``) when it sees the end tag after it, so a slice must
                    # never end inside such a text, as python-docx's parse of the whole never does.
                    cut = chunk.rfind(b">") + 1
                    if not cut:
                        pending.append(chunk)
                        continue
                    pending.append(chunk[:cut])
                    parser.feed(b"".join(pending))
                    pending = [chunk[cut:]]
                else:
                    parser.feed(b"".join(pending))
                    root = parser.close()
                for _, element in parser.read_events():
                    parent = element.getparent()
                    if body is None:
                        body = _find_body(element)
                    if body is None or parent is None:
                        continue
                    if _in_body(parent, body):
                        yield from self._top_level(element, parent)
                    elif element.tag == _TR and parent.tag == _TBL and _in_body(parent.getparent(), body):
                        yield _Row(element, Table(parent, self._story))
                        _forget_rows_above(element)
                if not chunk:
                    break
        if root.tag != _DOCUMENT or root.find(_BODY) is None:
            raise ValueError("the document part has no w:document root with a w:body")

    def _top_level(self, element: Any, parent: Any) -> Iterator[Paragraph]:
        """A finished paragraph or table of the body (or of a content control in it): a paragraph
        handed out; then it, and whatever came before it in ``parent`` (bookmarks, emptied content
        controls), dropped."""
        if element.tag == _P:
            yield Paragraph(element, self._story)
        element.clear()
        while (before := element.getprevious()) is not None:
            parent.remove(before)
        parent.remove(element)


def _in_body(parent: Any | None, body: Any) -> bool:
    """Whether a block whose parent is ``parent`` is part of the body: the body itself, or content
    controls and custom XML wrappers all the way up to it."""
    while parent is not None and parent is not body:
        if parent.tag not in _CONTAINERS:
            return False
        parent = parent.getparent()
    return parent is body


def _find_body(element: Any) -> Any:
    """The document's body when ``element`` is inside it (python-docx reads the first ``w:body`` of a
    ``w:document`` root), else ``None``."""
    above = element.getparent()
    while above is not None and above.tag != _BODY:
        above = above.getparent()
    if above is None:
        return None
    root = above.getparent()
    if root is None or root.getparent() is not None:
        return None
    if root.tag != _DOCUMENT:
        raise ValueError("the document part's root is not w:document")
    return root.find(_BODY)


def _forget_rows_above(row: Any) -> None:
    """Drop the rows above ``row`` that no later row can reach: a cell that continues a vertical merge
    reads the cell above it (and so on up), so the rows from the last one without such a cell stay."""
    if any(cell.vMerge == "continue" for cell in row.tc_lst):
        return
    table = row.getparent()
    while (above := row.getprevious()) is not None and above.tag == _TR:
        table.remove(above)


def _related(rels: _SerializedRelationships, reltype: str) -> PackURI:
    """The part the one internal relationship of ``reltype`` points at (python-docx's rules: none is
    a ``KeyError``, two a ``ValueError``)."""
    matching = [rel for rel in rels if rel.reltype == reltype and not rel.is_external]
    if not matching:
        raise KeyError(f"no relationship of type '{reltype}' in collection")
    if len(matching) > 1:
        raise ValueError(f"multiple relationships of type '{reltype}' in collection")
    target: PackURI = matching[0].target_partname  # already joined to the source's folder, normalised
    return target
