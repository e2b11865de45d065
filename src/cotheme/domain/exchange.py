"""A project in REFI-QDA exchange form: plain dataclasses between the QDPX/QDC files and our storage.

Owns the exchange model (``ExchangeProject`` and its users, codes, sources with selections and codings,
notes with what they are attached to, cases, variables and sets, all identified by GUID), the cotheme
extension that carries what REFI-QDA cannot hold (speaker turns with timestamps, interview metadata, the
codebook's inclusion/exclusion/example, study metadata, member roles, the theme hierarchy with status,
order, map positions and exemplars), a ``Problem`` found in a file, and four small rules: how a GUID is
written (lower case, no braces), how a code's definition and its extra fields share one REFI
``Description``, how a text without known turns is cut into searchable turns, and in which order sets
that stand for nested themes are created (parents first, a cycle broken).

Positions here are always code points of the canonical text (NFC, ``\\n``); converting another
program's count happens while reading. Must not do I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from cotheme.domain.documents import SourceInfo
from cotheme.domain.transcript import TurnDraft

__all__ = [
    "CothemeExtension",
    "ExCase",
    "ExCode",
    "ExCodeExtra",
    "ExCoding",
    "ExDocumentExtra",
    "ExMedia",
    "ExMemberExtra",
    "ExNote",
    "ExSelection",
    "ExSet",
    "ExSource",
    "ExThemeExtra",
    "ExUser",
    "ExVariable",
    "ExchangeProject",
    "NoteTarget",
    "Problem",
    "compose_description",
    "join_memos",
    "norm_guid",
    "paragraph_turns",
    "parents_first",
    "split_description",
    "split_memos",
]

_PLAIN_GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_GUID = re.compile(r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$")
#: Between memos written as one ``Description`` (several memos on one document or coding): a line other
#: programs show as a divider and a memo is unlikely to hold on its own.
MEMO_SEPARATOR = "\n\n\u2013 \u2013 \u2013\n\n"
#: A searchable turn cut from a text without speaker structure is kept under about this many characters
#: (a long paragraph of an interview); a search hit then shows a readable unit, not a whole document.
TURN_CHARS = 2000


def norm_guid(value: str | None) -> str | None:
    """``value`` as we store GUIDs (lower case, no braces), or ``None`` when it is not a GUID."""
    if value is None:
        return None
    if _PLAIN_GUID.fullmatch(value):  # the usual case, checked first because files hold many GUIDs
        return value.lower()
    match = _GUID.match(value.strip())
    if match is None or value.strip().count("{") != value.strip().count("}"):
        return None
    return match.group(1).lower()


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a file: ``where`` names the entry and line or object, ``message`` says what."""

    where: str
    message: str
    severity: str = "error"  # "error" | "warning"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True, slots=True)
class ExUser:
    guid: str
    name: str


@dataclass(frozen=True, slots=True)
class ExCode:
    """A code; ``parent`` is the parent's GUID. Codes come parents first, siblings in file order."""

    guid: str
    name: str
    parent: str | None = None
    description: str = ""
    colour: str | None = None
    codable: bool = True


@dataclass(frozen=True, slots=True)
class ExCoding:
    guid: str
    code: str
    creating_user: str | None = None
    created: datetime | None = None


@dataclass(frozen=True, slots=True)
class ExSelection:
    """A text selection, ``start``-``end`` in code points of the canonical text (end exclusive)."""

    guid: str
    start: int
    end: int
    name: str = ""
    description: str = ""
    creating_user: str | None = None
    created: datetime | None = None
    modified: datetime | None = None
    codings: tuple[ExCoding, ...] = ()


@dataclass(frozen=True, slots=True)
class ExSource:
    """A text source with its canonical text; ``codings`` are codings of the whole source."""

    guid: str
    name: str
    text: str
    selections: tuple[ExSelection, ...] = ()
    codings: tuple[ExCoding, ...] = ()
    description: str = ""
    creating_user: str | None = None
    created: datetime | None = None
    modified: datetime | None = None


@dataclass(frozen=True, slots=True)
class ExMedia:
    """An ``AudioSource`` or ``VideoSource``: a recording in the archive (``entry``, under ``Sources/``)
    and the text source holding its transcript (``source``), linked by ``SyncPoint``s, each a (code
    point position in that text, milliseconds) pair, in order."""

    guid: str
    name: str
    kind: str  # "audio" | "video"
    entry: str
    source: str
    transcript: str
    sync: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class NoteTarget:
    """What a note is attached to: ``project``, ``source``, ``code``, ``coding``, ``selection``,
    ``case`` or ``set``, with that object's GUID (``None`` for the project)."""

    kind: str
    guid: str | None = None


@dataclass(frozen=True, slots=True)
class ExNote:
    """A note; ``span`` is set for an annotation: a note about a passage of the source it is attached
    to, ``start``-``end`` in code points of that source's canonical text (QualCoder writes the span as a
    ``PlainTextSelection`` inside the note, MAXQDA as a selection without a coding)."""

    guid: str
    text: str
    name: str = ""
    description: str = ""
    creating_user: str | None = None
    created: datetime | None = None
    modified: datetime | None = None
    targets: tuple[NoteTarget, ...] = ()
    span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class ExVariable:
    guid: str
    name: str
    type: str = "Text"
    description: str = ""


@dataclass(frozen=True, slots=True)
class ExCase:
    """A case; ``values`` pairs a variable GUID with its value as text (``None`` = no value)."""

    guid: str
    name: str
    description: str = ""
    values: tuple[tuple[str, str | None], ...] = ()
    sources: tuple[str, ...] = ()
    selections: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ExSet:
    guid: str
    name: str
    description: str = ""
    codes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ExMemberExtra:
    role_label: str = ""
    permission: str = "coder"


@dataclass(frozen=True, slots=True)
class ExCodeExtra:
    definition: str = ""
    inclusion: str = ""
    exclusion: str = ""
    example: str = ""


@dataclass(frozen=True, slots=True)
class ExDocumentExtra:
    """What cotheme knows of a transcript beyond its text; ``text_sha256`` guards the turns against a
    text another program changed."""

    title: str
    text_sha256: str
    source: SourceInfo = field(default_factory=SourceInfo)
    turns: tuple[TurnDraft, ...] = ()


@dataclass(frozen=True, slots=True)
class ExThemeExtra:
    """What a REFI-QDA ``Set`` cannot say about the theme it stands for (a set cannot nest).

    ``parent`` is the GUID of the parent theme's set (``None``: top level); ``position`` its order among
    its siblings; ``map`` a position saved on the thematic map; ``exemplars`` the illustrative codings
    in the team's order, each as (coding GUID, GUID of the user who chose it or ``None``)."""

    parent: str | None = None
    status: str = "candidate"
    position: int = 0
    map: tuple[float, float] | None = None
    exemplars: tuple[tuple[str, str | None], ...] = ()


@dataclass(frozen=True, slots=True)
class CothemeExtension:
    """The sidecar ``cotheme/extension.json`` of a QDPX written by cotheme."""

    version: int = 1
    study: dict[str, str] = field(default_factory=dict)
    members: dict[str, ExMemberExtra] = field(default_factory=dict)
    codes: dict[str, ExCodeExtra] = field(default_factory=dict)
    documents: dict[str, ExDocumentExtra] = field(default_factory=dict)
    themes: dict[str, ExThemeExtra] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ExchangeProject:
    """Everything a QDPX (or, with only ``codes`` and ``sets``, a QDC) holds that cotheme reads.

    ``skipped`` are sentences about what the reader left out (picture or audio sources, links, graphs);
    ``positions`` says how the file counted text positions (``code points`` or the NVivo UTF-16 count).
    """

    name: str
    origin: str = ""
    description: str = ""
    creating_user: str | None = None
    created: datetime | None = None
    users: tuple[ExUser, ...] = ()
    codes: tuple[ExCode, ...] = ()
    variables: tuple[ExVariable, ...] = ()
    cases: tuple[ExCase, ...] = ()
    sources: tuple[ExSource, ...] = ()
    notes: tuple[ExNote, ...] = ()
    sets: tuple[ExSet, ...] = ()
    extension: CothemeExtension | None = None
    skipped: tuple[str, ...] = ()
    positions: str = "code points"
    media: tuple[ExMedia, ...] = ()


_EXTRA_LABELS = (("inclusion", "Include when: "), ("exclusion", "Exclude when: "), ("example", "Example: "))


def compose_description(definition: str, inclusion: str = "", exclusion: str = "", example: str = "") -> str:
    """One REFI ``Description`` for a code: the definition, then a block other programs show as text::

        Definition text.

        Include when: ...
        Exclude when: ...
        Example: ...
    """
    values = {"inclusion": inclusion, "exclusion": exclusion, "example": example}
    block = [label + values[key].strip() for key, label in _EXTRA_LABELS if values[key].strip()]
    if not block:
        return definition
    return (definition.rstrip() + "\n\n" if definition.strip() else "") + "\n".join(block)


def split_description(text: str) -> ExCodeExtra:
    """The inverse of ``compose_description``: the trailing labelled block, when there is one, gives
    inclusion, exclusion and example (each label at most once, in that order, without blank lines);
    the rest is the definition. A description without the block is all definition."""
    lines = text.split("\n")
    for first in range(len(lines)):
        if (first == 0 or lines[first - 1].strip() == "") and _labelled_block(lines[first:]) is not None:
            found = _labelled_block(lines[first:])
            assert found is not None
            definition = "\n".join(lines[: max(first - 1, 0)]).rstrip()
            return ExCodeExtra(definition=definition, **found)
    return ExCodeExtra(definition=text)


def _labelled_block(lines: list[str]) -> dict[str, str] | None:
    """The fields of ``lines`` when every line starts a label (in order, once each) or continues one."""
    found: dict[str, list[str]] = {}
    order = [key for key, _ in _EXTRA_LABELS]
    current: str | None = None
    for line in lines:
        label = next((key for key, text in _EXTRA_LABELS if line.startswith(text)), None)
        if label is not None:
            if label in found or (current is not None and order.index(label) < order.index(current)):
                return None
            current = label
            found[label] = [line[len(dict(_EXTRA_LABELS)[label]) :]]
        elif current is None or not line.strip():
            return None  # a blank line ends a block, so a trailing block has none inside
        else:
            found[current].append(line)
    if not found:
        return None
    return {key: "\n".join(value).strip() for key, value in found.items()}


def join_memos(texts: list[str]) -> str:
    """Several memos as one ``Description`` text (see ``MEMO_SEPARATOR``)."""
    return MEMO_SEPARATOR.join(t.strip() for t in texts if t.strip())


def split_memos(text: str) -> list[str]:
    """The memos ``join_memos`` joined (a description from another program is one memo)."""
    parts = re.split(r"\n[ \t]*\u2013 \u2013 \u2013[ \t]*\n", text.replace("\r\n", "\n"))
    return [part.strip() for part in parts if part.strip()]


def paragraph_turns(text: str) -> tuple[TurnDraft, ...]:
    """Turns (speaker unknown) over ``text`` when nothing says where speakers change: one per paragraph
    (blank-line separated), and a long paragraph cut at line ends into pieces of about ``TURN_CHARS``."""
    turns: list[TurnDraft] = []
    for match in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        start, stop = match.start(), match.end()
        while stop - start > TURN_CHARS:
            cut = text.rfind("\n", start + 1, start + TURN_CHARS)
            if cut <= start:
                cut = text.find("\n", start + TURN_CHARS, stop)
                if cut < 0:
                    break
            turns.append(TurnDraft(None, start, cut))
            start = cut + 1
        turns.append(TurnDraft(None, start, stop))
    return tuple(turns)


def parents_first(sets: tuple[ExSet, ...], parent_of: dict[str, str | None]) -> list[tuple[ExSet, str | None]]:
    """``sets`` ordered so that a set comes after the set it is nested under, each with its parent's GUID.

    ``parent_of`` gives a set's parent (the cotheme extension's theme hierarchy). A parent that is not
    among ``sets`` is returned as it is (the caller may know it already); a set that would be its own
    ancestor is placed at the top level (parent ``None``) so a hostile file cannot loop. Siblings keep
    the order of ``sets``."""
    by_guid = {s.guid: s for s in sets}
    placed: dict[str, str | None] = {}
    ordered: list[tuple[ExSet, str | None]] = []
    for item in sets:
        chain: list[ExSet] = []  # item, its parent, ... up to the first placed or outside one (no recursion:
        inside: set[str] = set()  # a hostile file may nest thousands deep)
        current = item
        while current.guid not in placed and current.guid not in inside:
            chain.append(current)
            inside.add(current.guid)
            parent = parent_of.get(current.guid)
            if parent is None or parent not in by_guid:
                break
            current = by_guid[parent]
        for at, node in enumerate(reversed(chain)):
            parent = parent_of.get(node.guid)
            if at == 0 and parent in inside:
                parent = None  # the top of a cycle: break it here
            placed[node.guid] = parent
            ordered.append((node, parent))
    return ordered
