"""Reading text selections and their codings: the part of a REFI-QDA file that grows with the project.

Owns the fast path over ``<PlainTextSelection>`` and ``<Coding>`` elements (a large project holds a
hundred thousand of each): attributes are read directly, the GUIDs of users and codes and the
``dateTime`` values, which repeat, are normalised once and remembered, and references to codes are
checked on the spot (the code book is read before the sources). Anything unusual falls back to the
checked readers of ``refi_xml.Attrs``, which word the problem; the rules are the same as theirs.

Must not open archives nor decide what a selection means to a project.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from lxml import etree

from cotheme.domain.exchange import ExCoding, ExSelection, NoteTarget, norm_guid
from cotheme.domain.positions import PositionMap
from cotheme.formats.refi_xml import Attrs, local, parse_datetime

if TYPE_CHECKING:
    from cotheme.formats.refi_tree import ProjectWalker

__all__ = ["SelectionReader", "whole"]

#: Remembered GUIDs and date strings; a file has few users, codes and distinct seconds, and the bound
#: keeps a hostile file from growing the caches without end.
_CACHE_LIMIT = 50_000


class SelectionReader:
    """Reads selections and codings for one ``ProjectWalker`` (which holds the findings and indexes)."""

    def __init__(self, walker: ProjectWalker) -> None:
        self.walker = walker
        self.codes = walker.seen["code"]  # filled before any source is read
        self.refs: dict[str, str | None] = {}
        self.dates: dict[str, datetime | None] = {}

    def attrs(self, element: etree._Element) -> Attrs:
        return Attrs(element, self.walker.entry, self.walker.findings)

    def selection(self, element: etree._Element, source: str, positions: PositionMap, length: int) -> ExSelection | None:
        get = element.get
        guid = self._own_guid(element, "selection", "PlainTextSelection")
        start, end = whole(get("startPosition")), whole(get("endPosition"))
        if start is None:
            start = self.attrs(element).integer("startPosition")
        if end is None:
            end = self.attrs(element).integer("endPosition")
        codings: list[ExCoding] = []
        description = ""
        for item in element:  # one pass in Python beats three filtered scans in lxml (measured)
            kind = local(item)
            if kind == "Coding":
                codings.append(self.coding(item))
            elif kind == "NoteRef":
                self.walker._note_ref(item, NoteTarget("selection", guid))
            elif kind == "Description":
                description = item.text or ""
        if start is None or end is None:
            return None
        if not 0 <= start <= end <= length:
            self.walker.findings.error(
                self.attrs(element).where, f"the selection {guid} of '{source}' runs {start}-{end}, outside its text (0-{length})"
            )
            return None
        begin, stop = positions.span(start, end)
        if begin >= stop:
            self.walker.findings.warn(self.attrs(element).where, f"the selection {guid} of '{source}' is empty ({start}-{end}); skipped")
            return None
        return ExSelection(
            guid, begin, stop, get("name", ""), description, self._user(element, get("creatingUser")),
            self._date(element, "creationDateTime"), self._date(element, "modifiedDateTime"), tuple(codings),
        )

    def coding(self, element: etree._Element) -> ExCoding:
        guid = self._own_guid(element, "coding", "Coding")
        code: str | None = None
        has_ref = False
        for item in element:
            kind = local(item)
            if kind == "CodeRef" and not has_ref:
                has_ref = True
                code = self._ref(item.get("targetGUID"))
                if code is None:
                    self.attrs(item).guid("targetGUID")  # words the problem
                elif code not in self.codes:
                    self.walker.findings.error(self.attrs(element).where,
                                               f"refers to the code {code}, which the file does not define")
            elif kind == "NoteRef":
                self.walker._note_ref(item, NoteTarget("coding", guid))
        if not has_ref:
            self.walker.findings.error(self.attrs(element).where, f"the coding {guid} has no <CodeRef>")
        return ExCoding(guid, code or "", self._user(element, element.get("creatingUser")),
                        self._date(element, "creationDateTime"))

    def _own_guid(self, element: etree._Element, kind: str, label: str) -> str:
        guid = norm_guid(element.get("guid"))
        if guid is None:
            self.attrs(element).guid()  # words the problem
            return ""
        seen = self.walker.seen[kind]
        if guid in seen:
            self.walker._register(kind, guid, self.attrs(element), label)  # words the duplicate
        else:
            seen[guid] = element
        return guid

    def _ref(self, raw: str | None) -> str | None:
        if raw is None:
            return None
        found = self.refs.get(raw, "")
        if found == "":
            found = norm_guid(raw)
            if len(self.refs) < _CACHE_LIMIT:
                self.refs[raw] = found
        return found

    def _user(self, element: etree._Element, raw: str | None) -> str | None:
        if raw is None:
            return None
        if not raw.strip():
            return self.attrs(element).guid("creatingUser", required=False)  # words the warning
        guid = self._ref(raw)
        if guid is None:
            self.attrs(element).guid("creatingUser", required=False)  # words the problem
        elif guid not in self.walker.users_used:
            self.walker.users_used[guid] = element
        return guid

    def _date(self, element: etree._Element, name: str) -> datetime | None:
        raw = element.get(name)
        if not raw:
            return None
        if raw in self.dates:
            return self.dates[raw]
        value = parse_datetime(raw)
        if value is None:
            self.attrs(element).datetime(name)  # words the problem
        if len(self.dates) < _CACHE_LIMIT:
            self.dates[raw] = value
        return value


def whole(raw: str | None) -> int | None:
    """A plain non-negative whole number quickly; anything else is left to ``Attrs.integer``."""
    return int(raw) if raw is not None and raw.isascii() and raw.isdigit() else None
