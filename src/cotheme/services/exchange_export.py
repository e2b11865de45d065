"""A cotheme project in REFI-QDA exchange form: what an export writes, read in one transaction.

Owns the mapping from our tables to the exchange model: members -> users; the code tree -> codes (a
code's definition with its inclusion, exclusion and example composed into one ``Description``, and
exactly in the extension; ``isCodable`` false only for codes another program marked so); attributes ->
text variables; cases with their values and documents; each document's current revision -> a text
source; each coding -> one selection holding one coding (the selection's GUID derived from the
coding's, so exporting twice gives the same file); themes -> sets of codes (``exchange_themes``); memos
-> notes attached to the project, a source, a code, a coding or (as a member note) a theme's set, and
memos on a document or coding also as its source's or selection's ``Description`` (where QualCoder
reads them); the member behind each ``creatingUser`` (a document's: who made its current revision,
else the first lead, who also stands as the project's creator). The
extension carries study metadata, member roles, code fields, document titles, interview metadata,
turns, and the theme hierarchy with status, order, map positions and exemplars.

Codings still on an earlier revision of their document are not exported (they are counted), nor are
exemplars chosen among them. Must not write files.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from cotheme import __version__
from cotheme.domain.exchange import (
    CothemeExtension, ExCase, ExCode, ExCodeExtra, ExCoding, ExchangeProject, ExDocumentExtra, ExMemberExtra,
    ExMedia, ExNote, ExSelection, ExSet, ExSource, ExUser, ExVariable, NoteTarget, compose_description, join_memos,
)
from cotheme.domain.memos import MemoTarget
from cotheme.domain.project import STUDY_FIELDS, Permission
from cotheme.domain.transcript import TurnDraft
from cotheme.services.exchange_themes import theme_sets
from cotheme.storage import codes as codes_repo
from cotheme.storage import exchange as repo
from cotheme.storage import recordings as recordings_repo
from cotheme.storage import study
from cotheme.storage.schema import attributes, cases, codes, members
from cotheme.storage.store import as_utc

#: Flips the last 48 bits of a coding's GUID to give its selection's (any fixed non-zero mask would do).
_SELECTION_MASK = 0x5E1EC7105E1E
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
#: A note's name is the first line of the memo, cut here.
NOTE_NAME_CHARS = 60


@dataclass
class ExportContent:
    project: ExchangeProject
    extension: CothemeExtension
    stats: dict[str, int] = field(default_factory=dict)
    astral_documents: list[str] = field(default_factory=list)
    old_codings: int = 0
    #: Each exported recording's media GUID -> its id in the store (the bytes are read while writing).
    recordings: dict[str, int] = field(default_factory=dict)


def exchange_media(conn: Connection, doc_guids: dict[int, str], turns: dict[str, Any]
                   ) -> tuple[tuple[ExMedia, ...], dict[str, int]]:
    """The recordings of the exported documents, each with a sync point at every timed turn's start and
    end; GUIDs derived from the document's, so that exporting again names them the same."""
    media, ids = [], {}
    for info in recordings_repo.all_recordings(conn):
        doc = doc_guids.get(info.document_id)
        if doc is None:
            continue
        sync = sorted({point for t in turns.get(doc, ()) for point in _sync_points(t)})
        guid = str(uuid.uuid5(uuid.UUID(doc), "recording"))
        media.append(ExMedia(
            guid=guid, name=info.filename, kind="video" if info.is_video else "audio", entry=info.filename,
            source=doc, transcript=str(uuid.uuid5(uuid.UUID(doc), "transcript")), sync=tuple(sync),
        ))
        ids[guid] = info.id
    return tuple(media), ids


def _sync_points(row: Any) -> list[tuple[int, int]]:
    points = []
    if row.t_start_ms is not None:
        points.append((row.start_offset, row.t_start_ms))
    if row.t_end_ms is not None:
        points.append((row.end_offset, row.t_end_ms))
    return points


def origin() -> str:
    return f"cotheme {__version__}"


def read_project(conn: Connection) -> ExportContent:
    """The whole project in exchange form."""
    info = study.read_info(conn)
    member_rows = repo.ordered(conn, members, members.c.id)
    member_guid = {r.id: r.guid for r in member_rows}
    code_list, code_extra, code_guid = _codes(conn)
    variables, attribute_guid = _variables(conn)
    documents = repo.documents_by_guid(conn)
    doc_guid = {d.id: d.guid for d in documents.values()}
    by_doc: dict[int, list[Any]] = defaultdict(list)
    codings = repo.current_codings(conn)
    for row in codings:
        by_doc[row[2]].append(row)
    turns = repo.turns_by_revision(conn, [d.revision_id for d in documents.values()])
    coding_guid = {r[0]: r[1] for r in codings}
    themed = theme_sets(conn, code_guid, coding_guid, {r.name: r.guid for r in member_rows})
    guids = _Guids(member_guid, doc_guid, code_guid, coding_guid, themed.guid)
    notes = tuple(_note(r, guids) for r in repo.all_memos(conn))
    described = _descriptions(notes)
    maker = _project_maker(member_rows)
    sources, doc_extra = [], {}
    for doc in documents.values():
        selections = tuple(_selection(r, code_guid, member_guid, described) for r in by_doc.get(doc.id, ()))
        sources.append(ExSource(
            guid=doc.guid, name=doc.title, text=doc.text, selections=selections, created=doc.created_at,
            description=described.get(("source", doc.guid), ""),
            creating_user=member_guid.get(doc.author_id) if doc.author_id is not None else maker,
        ))
        doc_extra[doc.guid] = ExDocumentExtra(
            title=doc.title, text_sha256=doc.sha256, source=doc.source,
            turns=tuple(_turn(t) for t in turns.get(doc.revision_id, ())),
        )
    media, recorded = exchange_media(conn, {d.id: d.guid for d in documents.values()},
                                     {d.guid: turns.get(d.revision_id, ()) for d in documents.values()})
    project = ExchangeProject(
        name=info.title, origin=origin(), description=info.description, creating_user=maker,
        users=tuple(ExUser(r.guid, r.name) for r in member_rows), codes=code_list, variables=variables,
        cases=_cases(conn, attribute_guid, documents.values()), sources=tuple(sources),
        notes=notes, sets=themed.sets, media=media,
    )
    extension = CothemeExtension(
        study={f: getattr(info, f) for f in STUDY_FIELDS},
        members={r.guid: ExMemberExtra(r.role_label, r.permission) for r in member_rows},
        codes=code_extra, documents=doc_extra, themes=themed.extras,
    )
    stats = {"members": len(member_rows), "codes": len(code_list), "documents": len(sources),
             "codings": len(codings), "memos": len(project.notes), "cases": len(project.cases),
             "attributes": len(variables), "themes": len(themed.sets)}
    return ExportContent(
        project, extension, stats, astral_documents=[d.title for d in documents.values() if _ASTRAL.search(d.text)],
        old_codings=repo.count_old_codings(conn), recordings=recorded,
    )


def read_codebook(conn: Connection) -> tuple[tuple[ExCode, ...], tuple[ExSet, ...]]:
    """The codebook and the themes as sets of its codes (a ``.qdc`` has no extension: themes go flat)."""
    code_list, _, code_guid = _codes(conn)
    return code_list, theme_sets(conn, code_guid, {}, {}).sets


def _codes(conn: Connection) -> tuple[tuple[ExCode, ...], dict[str, ExCodeExtra], dict[int, str]]:
    rows = {r.id: r for r in repo.by_guid(conn, codes).values()}
    guid = {i: r.guid for i, r in rows.items()}
    uncodable = repo.uncodable(conn)
    result, extras = [], {}
    for code in codes_repo.all_codes(conn):  # tree order: parents first
        g = guid[code.id]
        result.append(ExCode(
            guid=g, name=code.name, parent=guid.get(code.parent_id) if code.parent_id else None,
            description=compose_description(code.definition, code.inclusion, code.exclusion, code.example),
            colour=code.colour, codable=g not in uncodable,
        ))
        extras[g] = ExCodeExtra(code.definition, code.inclusion, code.exclusion, code.example)
    return tuple(result), extras, guid


def _variables(conn: Connection) -> tuple[tuple[ExVariable, ...], dict[int, str]]:
    rows = repo.ordered(conn, attributes, attributes.c.position)
    return tuple(ExVariable(r.guid, r.name) for r in rows), {r.id: r.guid for r in rows}


def _cases(conn: Connection, attribute_guid: dict[int, str], documents: Any) -> tuple[ExCase, ...]:
    values = repo.case_values_by_case(conn)
    docs_of: dict[int, list[str]] = defaultdict(list)
    for doc in documents:
        if doc.case_id is not None:
            docs_of[doc.case_id].append(doc.guid)
    result = []
    for row in repo.ordered(conn, cases, cases.c.pid):
        own = values.get(row.id, {})
        result.append(ExCase(
            guid=row.guid, name=row.pid, sources=tuple(docs_of.get(row.id, ())),
            values=tuple((attribute_guid[a], own.get(a)) for a in attribute_guid),
        ))
    return tuple(result)


def _selection(row: Any, code_guid: dict[int, str], member_guid: dict[int, str],
               described: dict[tuple[str, str], str]) -> ExSelection:
    """One coding as a selection (a large project has a hundred thousand: positional, no keywords)."""
    _id, guid, _doc, code_id, coder_id, start, end, created, updated = row
    coder = member_guid.get(coder_id)
    coding = ExCoding(guid, code_guid[code_id], coder, created)
    memo = described.get(("coding", guid), "") if described else ""
    return ExSelection(selection_guid(guid), start, end, "", memo, coder, created, updated, (coding,))


def _descriptions(notes: tuple[ExNote, ...]) -> dict[tuple[str, str], str]:
    """The memos on each document and coding as one text, for the ``Description`` of its source or
    selection: QualCoder (and MAXQDA) read a document's and a coding's memo only there, not from notes.
    The notes are written too, so the import drops a description that repeats them."""
    texts: dict[tuple[str, str], list[str]] = defaultdict(list)
    for note in sorted(notes, key=lambda n: (n.created is None, n.created, n.guid)):
        target = note.targets[0]
        if target.kind in ("source", "coding") and target.guid is not None:
            texts[(target.kind, target.guid)].append(note.text)
    return {key: join_memos(value) for key, value in texts.items()}


def _project_maker(member_rows: list[Any]) -> str | None:
    """Who is named as having made the project, and each document whose importer is not recorded:
    the first lead (every project has one; the member who created it, unless the lead changed), so
    other programs need not invent a user for them (QualCoder would call them "default")."""
    leads = [r for r in member_rows if r.permission == Permission.LEAD.value]
    first = leads[0] if leads else (member_rows[0] if member_rows else None)
    return first.guid if first is not None else None


def selection_guid(coding_guid: str) -> str:
    """The GUID of the selection that holds one coding: the coding's GUID with its last 48 bits
    flipped by a fixed mask. One to one (two codings never share a selection GUID), stable across
    exports, and as unlikely as any random GUID to meet another object's."""
    tail = int(coding_guid[24:], 16) ^ _SELECTION_MASK
    return f"{coding_guid[:24]}{tail:012x}"


def _turn(row: Any) -> TurnDraft:
    return TurnDraft(row.speaker, row.start_offset, row.end_offset, row.t_start_ms, row.t_end_ms)


@dataclass(frozen=True, slots=True)
class _Guids:
    """The GUID of each exported object by its id, per kind (what a memo can be attached to)."""

    member: dict[int, str]
    document: dict[int, str]
    code: dict[int, str]
    coding: dict[int, str]
    theme: dict[int, str]


def _note(row: Any, guids: _Guids) -> ExNote:
    kind = MemoTarget(row.target)
    if kind is MemoTarget.PROJECT:
        target = NoteTarget("project")
    elif kind is MemoTarget.DOCUMENT:
        target = NoteTarget("source", guids.document[row.document_id])
    elif kind is MemoTarget.CODE:
        target = NoteTarget("code", guids.code[row.code_id])
    elif kind is MemoTarget.THEME:
        target = NoteTarget("set", guids.theme[row.theme_id])  # written as the set's MemberNote
    elif row.coding_id in guids.coding:
        target = NoteTarget("coding", guids.coding[row.coding_id])
    else:  # a memo on a coding of an earlier revision: the coding is not exported, keep the memo
        target = NoteTarget("project")
    first_line = row.text.strip().split("\n", 1)[0]
    return ExNote(
        guid=row.guid, text=row.text, name=first_line[:NOTE_NAME_CHARS],
        creating_user=guids.member.get(row.author_id) if row.author_id is not None else None,
        created=as_utc(row.created_at), modified=as_utc(row.updated_at), targets=(target,),
    )

