"""The cotheme extension of a QDPX: ``cotheme/extension.json``, read and written.

Owns the JSON layout (documented in ``docs/refi-qda.md``): a ``format`` marker and ``version``, the study
metadata, member roles and permissions, each code's definition with inclusion, exclusion and example,
each document's title, interview metadata, speaker turns with timestamps and the SHA-256 of the
text the turns lie on, and what a ``Set`` cannot say about the theme it stands for (parent, status,
order, map position, exemplars). Everything is keyed by the GUIDs of ``project.qde``, so the sidecar adds to the
standard file without changing it: other programs open the archive and ignore the entry.

Reading is defensive: the file may come from anywhere, so each part of a wrong shape is ignored with a
warning rather than trusted. Checking turns against the texts is ``refi_tree``'s job. Must not do I/O.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from cotheme.domain.documents import SourceInfo
from cotheme.domain.exchange import (
    CothemeExtension, ExCodeExtra, ExDocumentExtra, ExMemberExtra, ExThemeExtra, norm_guid,
)
from cotheme.domain.project import STUDY_FIELDS
from cotheme.domain.themes import ThemeStatus
from cotheme.domain.transcript import TurnDraft
from cotheme.formats.refi_archive import EXTENSION_ENTRY
from cotheme.formats.refi_xml import Findings

__all__ = ["FORMAT", "VERSION", "read_extension", "write_extension"]

FORMAT = "cotheme.refi-extension"
VERSION = 1
_PERMISSIONS = ("lead", "coder", "viewer")
_CODE_FIELDS = ("definition", "inclusion", "exclusion", "example")
_SOURCE_TEXT = ("file_name", "format", "mode", "interviewer", "setting", "field_notes")
_STATUSES = tuple(s.value for s in ThemeStatus)


def write_extension(extension: CothemeExtension, written_by: str) -> bytes:
    """The extension as UTF-8 JSON (keys sorted, so the same project gives the same bytes)."""
    payload = {
        "format": FORMAT,
        "version": VERSION,
        "written_by": written_by,
        "study": extension.study,
        "members": {g: {"role_label": m.role_label, "permission": m.permission} for g, m in extension.members.items()},
        "codes": {
            g: {"definition": c.definition, "inclusion": c.inclusion, "exclusion": c.exclusion, "example": c.example}
            for g, c in extension.codes.items()
        },
        "documents": {g: _document_json(d) for g, d in extension.documents.items()},
        "themes": {g: _theme_json(t) for g, t in extension.themes.items()},
    }
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _document_json(extra: ExDocumentExtra) -> dict[str, Any]:
    source = extra.source
    return {
        "title": extra.title,
        "text_sha256": extra.text_sha256,
        "source": {
            "file_name": source.file_name,
            "format": source.format,
            "interview_date": source.interview_date.isoformat() if source.interview_date else None,
            "mode": source.mode,
            "duration_minutes": source.duration_minutes,
            "interviewer": source.interviewer,
            "setting": source.setting,
            "field_notes": source.field_notes,
        },
        "turns": [[t.speaker, t.start, t.end, t.t_start_ms, t.t_end_ms] for t in extra.turns],
    }


def _theme_json(extra: ExThemeExtra) -> dict[str, Any]:
    return {
        "parent": extra.parent,
        "status": extra.status,
        "position": extra.position,
        "map": list(extra.map) if extra.map is not None else None,
        "exemplars": [list(e) for e in extra.exemplars],
    }


def read_extension(payload: Any, findings: Findings) -> CothemeExtension | None:
    """The extension in ``payload`` (parsed JSON), or ``None`` when it is not one cotheme can use."""
    where = EXTENSION_ENTRY
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        findings.warn(where, "is not a cotheme extension; ignored")
        return None
    version = payload.get("version")
    if not isinstance(version, int) or version > VERSION:
        findings.warn(where, f"has version {version!r}, which this cotheme does not know; its extras are ignored")
        return None
    return CothemeExtension(
        version=version,
        study=_study(payload.get("study"), findings),
        members=_keyed(payload.get("members"), "members", _member, findings),
        codes=_keyed(payload.get("codes"), "codes", _code, findings),
        documents=_keyed(payload.get("documents"), "documents", _document, findings),
        themes=_keyed(payload.get("themes"), "themes", _theme, findings),
    )


def _study(value: Any, findings: Findings) -> dict[str, str]:
    if not isinstance(value, dict):
        if value is not None:
            findings.warn(EXTENSION_ENTRY, "'study' is not an object; ignored")
        return {}
    return {k: v for k, v in value.items() if k in STUDY_FIELDS and isinstance(v, str)}


def _keyed(value: Any, part: str, read: Any, findings: Findings) -> dict[str, Any]:
    """``{guid: item}`` of one part, each item read by ``read`` (``None`` = wrong shape, skipped)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        findings.warn(EXTENSION_ENTRY, f"'{part}' is not an object; ignored")
        return {}
    result: dict[str, Any] = {}
    for key, item in value.items():
        guid = norm_guid(key) if isinstance(key, str) else None
        parsed = read(item) if guid is not None and isinstance(item, dict) else None
        if parsed is None:
            findings.warn(EXTENSION_ENTRY, f"the {part} entry '{key}' has a shape cotheme does not know; ignored")
            continue
        result[guid] = parsed  # type: ignore[index]
    return result


def _member(item: dict[str, Any]) -> ExMemberExtra | None:
    role, permission = item.get("role_label", ""), item.get("permission", "coder")
    if not isinstance(role, str) or permission not in _PERMISSIONS:
        return None
    return ExMemberExtra(role_label=role, permission=permission)


def _code(item: dict[str, Any]) -> ExCodeExtra | None:
    values = {f: item.get(f, "") for f in _CODE_FIELDS}
    if not all(isinstance(v, str) for v in values.values()):
        return None
    return ExCodeExtra(**values)


def _document(item: dict[str, Any]) -> ExDocumentExtra | None:
    title, sha = item.get("title"), item.get("text_sha256")
    source = _source(item.get("source") or {})
    turns = _turns(item.get("turns") or [])
    if not isinstance(title, str) or not isinstance(sha, str) or source is None or turns is None:
        return None
    return ExDocumentExtra(title=title, text_sha256=sha, source=source, turns=turns)


def _source(item: Any) -> SourceInfo | None:
    if not isinstance(item, dict):
        return None
    texts = {k: item.get(k) or "" for k in _SOURCE_TEXT}
    when, minutes = item.get("interview_date"), item.get("duration_minutes")
    if not all(isinstance(v, str) for v in texts.values()):
        return None
    if minutes is not None and (not isinstance(minutes, int) or isinstance(minutes, bool)):
        return None
    try:
        day = date.fromisoformat(when) if isinstance(when, str) and when else None
    except ValueError:
        return None
    return SourceInfo(interview_date=day, duration_minutes=minutes, **texts)


def _turns(items: Any) -> tuple[TurnDraft, ...] | None:
    if not isinstance(items, list):
        return None
    turns = []
    for item in items:
        if not isinstance(item, list) or len(item) != 5:
            return None
        speaker, start, end, t0, t1 = item
        numbers_ok = all(isinstance(n, int) and not isinstance(n, bool) for n in (start, end))
        times_ok = all(t is None or (isinstance(t, int) and not isinstance(t, bool)) for t in (t0, t1))
        if not numbers_ok or not times_ok or not (speaker is None or isinstance(speaker, str)):
            return None
        turns.append(TurnDraft(speaker, start, end, t0, t1))
    return tuple(turns)


def _theme(item: dict[str, Any]) -> ExThemeExtra | None:
    parent, status, position = item.get("parent"), item.get("status", "candidate"), item.get("position", 0)
    point, exemplars = item.get("map"), item.get("exemplars") or []
    parent_guid = norm_guid(parent) if isinstance(parent, str) else None
    if (parent is not None and parent_guid is None) or status not in _STATUSES:
        return None
    if not isinstance(position, int) or isinstance(position, bool):
        return None
    if point is not None and not (isinstance(point, list) and len(point) == 2 and all(_number(n) for n in point)):
        return None
    chosen = _exemplars(exemplars)
    if chosen is None:
        return None
    return ExThemeExtra(parent=parent_guid, status=status, position=position,
                        map=(float(point[0]), float(point[1])) if point is not None else None, exemplars=chosen)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value and abs(value) != float("inf")


def _exemplars(items: Any) -> tuple[tuple[str, str | None], ...] | None:
    if not isinstance(items, list):
        return None
    found = []
    for item in items:
        if not isinstance(item, list) or len(item) != 2:
            return None
        coding = norm_guid(item[0]) if isinstance(item[0], str) else None
        chooser = norm_guid(item[1]) if isinstance(item[1], str) else None
        if coding is None or (item[1] is not None and chooser is None):
            return None
        found.append((coding, chooser))
    return tuple(found)
