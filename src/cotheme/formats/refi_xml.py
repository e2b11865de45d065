"""Safe XML parsing for REFI-QDA files and the small readers every element needs.

Owns the one parser configuration (lxml with entity resolution, DTD loading and network access off and
the huge-tree switch off, so an entity bomb or an external entity cannot act; any document type
declaration is refused outright, since REFI-QDA files never need one), ``Findings`` (problems collected
while reading, so ``cotheme validate`` can list them all and an import can refuse with the first), and
readers for GUIDs, booleans, integers, colours and ``xsd:dateTime`` values that record a problem
instead of raising.

Must not know the REFI-QDA element tree; ``refi_read`` walks it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from lxml import etree

from cotheme.domain.exchange import Problem, norm_guid
from cotheme.errors import InputError

__all__ = ["Findings", "Stop", "local", "parse_xml"]

_RGB = re.compile(r"^#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})$")
_INTEGER = re.compile(r"^[+-]?[0-9]+$")


class Stop(Exception):
    """Reading cannot go on; the reason is already in the ``Findings``."""


@dataclass
class Findings:
    """Problems found in one file, in the order found."""

    file: str
    problems: list[Problem] = field(default_factory=list)

    def error(self, where: str, message: str) -> None:
        self.problems.append(Problem(where, message, "error"))

    def warn(self, where: str, message: str) -> None:
        self.problems.append(Problem(where, message, "warning"))

    def stop(self, where: str, message: str) -> Stop:
        self.error(where, message)
        return Stop(message)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def raise_errors(self) -> None:
        """Refuse the file with its first error, naming how many more there are."""
        errors = self.errors
        if not errors:
            return
        first = errors[0]
        more = (
            f" ({len(errors) - 1} more {'problem' if len(errors) == 2 else 'problems'}; 'cotheme validate {self.file}' lists them all)"
            if len(errors) > 1
            else ""
        )
        raise InputError(f"{self.file}: {first}{more}. Nothing was imported.")


def parse_xml(data: bytes, where: str, findings: Findings) -> etree._Element:
    """The root element of ``data``; a DOCTYPE, malformed XML or an empty file stops the reading."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_comments=True, remove_pis=True,
    )
    if not data.strip():
        raise findings.stop(where, "is empty")
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = getattr(exc, "lineno", None) or (exc.position[0] if exc.position else None)
        raise findings.stop(f"{where}:{line}" if line else where, f"is not well-formed XML ({exc.msg})") from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise findings.stop(
            where, "declares a document type (DOCTYPE); REFI-QDA files never need one and entity "
            "declarations can be used to attack the reader, so the file is refused"
        )
    return root


_LOCAL: dict[str, str] = {}


def local(element: etree._Element) -> str:
    """The element's name without its namespace (cached: a file uses a few dozen tags)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    name = _LOCAL.get(tag)
    if name is None:
        name = tag.rpartition("}")[2]
        if len(_LOCAL) < 1000:  # a hostile file could invent tags without end
            _LOCAL[tag] = name
    return name


def namespace(element: etree._Element) -> str:
    tag = element.tag
    return tag[1:].partition("}")[0] if isinstance(tag, str) and tag.startswith("{") else ""


def children(element: etree._Element, name: str) -> list[etree._Element]:
    return [item for item in element if local(item) == name]


def child(element: etree._Element, name: str) -> etree._Element | None:
    for item in element:
        if local(item) == name:
            return item
    return None


def text_of(element: etree._Element, name: str) -> str:
    """The text of the child ``name`` (``""`` when absent or empty)."""
    found = child(element, name)
    return (found.text or "") if found is not None else ""


class Attrs:
    """Reading attributes of one element, recording problems at ``where`` (``entry:line``)."""

    __slots__ = ("element", "entry", "findings")

    def __init__(self, element: etree._Element, entry: str, findings: Findings) -> None:
        self.element = element
        self.entry = entry
        self.findings = findings

    @property
    def where(self) -> str:
        return f"{self.entry}:{self.element.sourceline}"

    @property
    def kind(self) -> str:
        return local(self.element)

    def text(self, name: str, default: str = "") -> str:
        return self.element.get(name, default)

    def guid(self, name: str = "guid", *, required: bool = True) -> str | None:
        raw = self.element.get(name)
        if raw is None:
            if required:
                self.findings.error(self.where, f"<{self.kind}> has no {name} attribute")
            return None
        if not raw.strip() and not required:
            # QualCoder writes creatingUser="" for an owner it lists in no <User>: the user is unknown,
            # which an absent attribute says too.
            self.findings.warn(self.where, f"<{self.kind}> has an empty {name}; the user is left unknown")
            return None
        value = norm_guid(raw)
        if value is None:
            self.findings.error(self.where, f"<{self.kind}> {name}='{raw}' is not a GUID")
        return value

    def integer(self, name: str) -> int | None:
        raw = self.element.get(name)
        if raw is None or not _INTEGER.match(raw.strip()):
            self.findings.error(self.where, f"<{self.kind}> {name}='{raw}' is not a whole number")
            return None
        return int(raw)

    def boolean(self, name: str, default: bool) -> bool:
        raw = self.element.get(name)
        if raw is None:
            self.findings.warn(self.where, f"<{self.kind}> has no {name} attribute; taken as {str(default).lower()}")
            return default
        if raw.strip() in ("true", "1"):
            return True
        if raw.strip() in ("false", "0"):
            return False
        self.findings.error(self.where, f"<{self.kind}> {name}='{raw}' is not true or false")
        return default

    def colour(self, name: str = "color") -> str | None:
        raw = self.element.get(name)
        if raw is None or not raw.strip():
            return None
        value = raw.strip()
        if not _RGB.match(value):
            self.findings.warn(self.where, f"<{self.kind}> {name}='{raw}' is not a #RRGGBB colour; ignored")
            return None
        if len(value) == 4:
            value = "#" + "".join(c * 2 for c in value[1:])
        return value.upper()

    def datetime(self, name: str) -> datetime | None:
        raw = self.element.get(name)
        if raw is None or not raw.strip():
            return None
        value = parse_datetime(raw)
        if value is None:
            self.findings.warn(self.where, f"<{self.kind}> {name}='{raw}' is not a date and time; ignored")
        return value


def parse_datetime(raw: str) -> datetime | None:
    """An ``xsd:dateTime`` as an aware UTC datetime; a value without a zone is taken as UTC."""
    text = raw.strip()
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
