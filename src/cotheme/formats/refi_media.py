"""REFI-QDA ``AudioSource`` and ``VideoSource`` with their ``Transcript`` and ``SyncPoint``s.

Writing: each recording becomes an ``AudioSource``/``VideoSource`` whose media file travels in the
archive's ``Sources/`` (stored, not deflated: media is compressed already), with one ``Transcript`` that
points at the same ``Sources/<guid>.txt`` as the transcript's ``TextSource`` (where its codings are) and
a ``SyncPoint`` at the start and end of every timed turn (position in the text, time in ms).

Reading: the recording's entry, the text source its first ``Transcript`` shares a text file with (else
the transcript becomes a text source of its own, named after the recording), and the sync points in
code points of our canonical text. Other transcripts, and audio or video selections, are counted as
skipped. Must not touch storage; the exchange service stores the media.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from lxml import etree

from cotheme.domain.exchange import ExMedia, ExSource, norm_guid
from cotheme.domain.recordings import MEDIA_TYPES
from cotheme.formats.refi_xml import Attrs, children, local

if TYPE_CHECKING:
    from cotheme.formats.refi_tree import ProjectWalker
    from cotheme.formats.refi_write import _Out

__all__ = ["media_file_name", "read_media", "write_media"]

_SYNC_NS = uuid.UUID("6f1c3a52-8d9e-4b7a-9a43-2c0b5e1f7d10")


def media_file_name(media: ExMedia) -> str:
    """The media file's name inside ``Sources/`` (its GUID and its own extension)."""
    suffix = PurePosixPath(media.entry).suffix.lower()
    return f"{media.guid}{suffix if suffix in MEDIA_TYPES else ''}"


def write_media(out: _Out, media: ExMedia, transcript_name: str, position: Callable[[int], int] | None) -> None:
    """The ``AudioSource``/``VideoSource`` element of ``media``."""
    tag = "VideoSource" if media.kind == "video" else "AudioSource"
    out.open(tag, {"guid": media.guid, "name": media.name, "path": f"internal://{media_file_name(media)}"})
    out.open("Transcript", {"guid": media.transcript, "name": transcript_name,
                            "plainTextPath": f"internal://{media.source}.txt"})
    for n, (at, ms) in enumerate(media.sync):
        guid = str(uuid.uuid5(_SYNC_NS, f"{media.guid}/{n}"))  # the same on every export of the recording
        out.open("SyncPoint", {"guid": guid, "position": position(at) if position else at, "timeStamp": ms},
                 empty=True)
    out.close("Transcript")
    out.close(tag)


def read_media(walker: ProjectWalker, elements: list[etree._Element], sources: list[ExSource],
               text_paths: dict[str, str]) -> list[ExMedia]:
    """The recordings of ``elements`` (``AudioSource``/``VideoSource``); a transcript that is no text
    source's text is appended to ``sources``."""
    found = []
    for element in elements:
        media = _one(walker, element, sources, text_paths)
        if media is not None:
            found.append(media)
    return found


def _one(walker: ProjectWalker, element: etree._Element, sources: list[ExSource],
         text_paths: dict[str, str]) -> ExMedia | None:
    kind = "video" if local(element) == "VideoSource" else "audio"
    attrs = Attrs(element, walker.entry, walker.findings)
    guid = attrs.guid() or ""
    name = attrs.text("name").strip() or f"Recording {guid[:8]}"
    label = f"{local(element)} '{name}'"
    path = element.get("path") or ""
    entry = walker.archive.source_entry(path) if walker.archive is not None else None
    transcripts = children(element, "Transcript")
    extra = len(transcripts) - 1 + len(children(element, f"{kind.capitalize()}Selection"))
    if extra > 0:
        walker.skipped[f"{kind} transcripts and selections"] += extra
    if entry is None or not transcripts:
        walker.skipped[f"{kind} source"] += 1  # a file outside the archive, or nothing to read it with
        return None
    transcript = transcripts[0]
    t_attrs = Attrs(transcript, walker.entry, walker.findings)
    t_guid = t_attrs.guid() or ""
    shared = text_paths.get((transcript.get("plainTextPath") or "").lower())
    if shared is None:
        source = _transcript_source(walker, transcript, t_attrs, t_guid, name, label)
        if source is None:
            return None
        sources.append(source)
        shared = source.guid
    positions, length = walker.maps[shared]
    sync = []
    for point in children(transcript, "SyncPoint"):
        p_attrs = Attrs(point, walker.entry, walker.findings)
        at, ms = p_attrs.integer("position"), p_attrs.integer("timeStamp")
        if at is None or ms is None:
            continue
        if not 0 <= at <= length or ms < 0:
            walker.findings.warn(p_attrs.where, f"a sync point of {label} lies outside its transcript; ignored")
            continue
        sync.append((positions.map(at), ms))
    return ExMedia(guid=guid, name=name, kind=kind, entry=entry, source=shared, transcript=t_guid,
                   sync=tuple(sorted(set(sync))))


def _transcript_source(walker: ProjectWalker, transcript: etree._Element, attrs: Attrs, guid: str,
                       name: str, label: str) -> ExSource | None:
    raw = walker._text(transcript, attrs, f"the transcript of {label}")
    if raw is None:
        return None
    text, position_map, length = walker._positions(raw)
    own = norm_guid(guid) or guid
    walker.maps[own] = (position_map, length)
    return ExSource(guid=own, name=attrs.text("name").strip() or name, text=text)
