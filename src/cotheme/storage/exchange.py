"""Repository for REFI-QDA exchange: reading a whole project by GUID, writing objects that arrive with
their own GUIDs and timestamps.

Owns the bulk reads an export needs (members, codes, documents with their current text and turns,
codings of current revisions, memos, cases with attribute values, each with its GUID), the GUID
look-ups an import merges by, and inserts that keep a given GUID and creation time (a theme too). Where an existing
repository already writes an object (a document with its revision, turns and search units; a memo with
its search unit; a case with a value for every attribute), it is called and the row then takes the
given GUID and times, so those rules live in one place.

Also keeps, as a setting, which codes another program marked not codable (folders): cotheme codes have
no such flag, and the setting lets an exchange give it back. Must not hold merge rules (the service does).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Row, String, Table, func, insert, select, type_coerce, update

from cotheme.domain.documents import SourceInfo
from cotheme.domain.memos import MemoTarget
from cotheme.domain.project import Permission
from cotheme.domain.themes import ThemeStatus
from cotheme.domain.transcript import ParsedTranscript
from cotheme.storage import bulk
from cotheme.storage import cases as cases_repo
from cotheme.storage import codings as codings_repo
from cotheme.storage import documents as docs_repo
from cotheme.storage import memos as memos_repo
from cotheme.storage import study
from cotheme.storage import themes as themes_repo
from cotheme.storage.schema import (
    attributes, case_values, cases, codes, codings, documents, members, memos, revisions, themes, turns,
)
from cotheme.storage.store import as_utc, now

#: The setting that lists the GUIDs of codes imported with ``isCodable="false"``.
UNCODABLE_KEY = "refi_uncodable_codes"
_BATCH = 500


@dataclass(frozen=True, slots=True)
class StoredDocument:
    id: int
    guid: str
    title: str
    case_id: int | None
    revision_id: int
    text: str
    sha256: str
    source: SourceInfo
    created_at: datetime
    author_id: int | None = None


# -- reading ---------------------------------------------------------------------------------------
def by_guid(conn: Connection, table: Table) -> dict[str, Row[Any]]:
    """Every row of ``table`` keyed by its GUID (members, codes, cases, attributes, memos)."""
    return {row.guid: row for row in conn.execute(select(table))}


def members_by_name(conn: Connection) -> dict[str, Row[Any]]:
    return {row.name.lower(): row for row in conn.execute(select(members))}


def documents_by_guid(conn: Connection, with_text: bool = True) -> dict[str, StoredDocument]:
    """Every document at its current revision, keyed by GUID (``text`` empty unless ``with_text``;
    ``author_id`` is who made that revision: the importer, or whoever edited the text last)."""
    query = select(documents, revisions.c.text if with_text else revisions.c.char_length, revisions.c.author_id).join(
        revisions, revisions.c.id == documents.c.current_revision_id
    )
    result = {}
    for row in conn.execute(query.order_by(documents.c.id)):
        result[row.guid] = StoredDocument(
            id=row.id, guid=row.guid, title=row.title, case_id=row.case_id, revision_id=row.current_revision_id,
            text=row.text if with_text else "", sha256=row.content_sha256,
            source=SourceInfo(file_name=row.file_name, format=row.format, interview_date=row.interview_date,
                              mode=row.mode, duration_minutes=row.duration_minutes, interviewer=row.interviewer,
                              setting=row.setting, field_notes=row.field_notes),
            created_at=as_utc(row.created_at), author_id=row.author_id,
        )
    return result


def turns_by_revision(conn: Connection, revision_ids: Sequence[int]) -> dict[int, list[Row[Any]]]:
    found: dict[int, list[Row[Any]]] = {}
    for first in range(0, len(revision_ids), _BATCH):
        chunk = list(revision_ids[first : first + _BATCH])
        query = select(turns).where(turns.c.revision_id.in_(chunk)).order_by(turns.c.revision_id, turns.c.idx)
        for row in conn.execute(query).all():
            found.setdefault(row.revision_id, []).append(row)
    return found


def current_codings(conn: Connection) -> list[tuple[Any, ...]]:
    """Codings of documents' current revisions, in document and text order, as tuples:
    (id, guid, document id, code id, coder id, start, end, created, updated), times aware UTC."""
    columns = [codings.c[name] for name in (
        "id", "guid", "document_id", "code_id", "coder_id", "start_offset", "end_offset")]
    sqlite = conn.dialect.name == "sqlite"
    # SQLite keeps times as text; reading them as text and parsing with fromisoformat (C) is several
    # times faster than SQLAlchemy's per-value conversion, which matters at 100,000 codings.
    stamps = [type_coerce(c, String) if sqlite else c for c in (codings.c.created_at, codings.c.updated_at)]
    query = (
        select(*columns, *stamps)
        .join(documents, (documents.c.id == codings.c.document_id) & (documents.c.current_revision_id == codings.c.revision_id))
        .order_by(codings.c.document_id, codings.c.start_offset, codings.c.id)
    )
    rows = conn.execute(query).all()
    if not sqlite:
        return [tuple(r) for r in rows]
    parse = datetime.fromisoformat
    return [(*r[:7], parse(r[7]).replace(tzinfo=UTC), parse(r[8]).replace(tzinfo=UTC)) for r in rows]


def count_old_codings(conn: Connection) -> int:
    """Codings that still point at an earlier revision than their document's current one."""
    return conn.execute(
        select(func.count()).select_from(codings)
        .join(documents, documents.c.id == codings.c.document_id)
        .where(documents.c.current_revision_id != codings.c.revision_id)
    ).scalar_one()


def has_codings(conn: Connection) -> bool:
    return conn.execute(select(codings.c.id).limit(1)).first() is not None


def codings_by_guid(conn: Connection, guids: Iterable[str]) -> dict[str, Row[Any]]:
    wanted = list(guids)
    found: dict[str, Row[Any]] = {}
    for first in range(0, len(wanted), _BATCH):
        chunk = wanted[first : first + _BATCH]
        for row in conn.execute(select(codings).where(codings.c.guid.in_(chunk))):
            found[row.guid] = row
    return found


def codings_of_documents(conn: Connection, document_ids: Iterable[int]) -> dict[tuple[Any, ...], int]:
    """The codings on the current revision of each of ``document_ids``, keyed by (document, code, coder,
    start, end); the first coding's id where several share a key."""
    found: dict[tuple[Any, ...], int] = {}
    wanted = sorted(document_ids)
    for first in range(0, len(wanted), _BATCH):
        query = (
            select(codings.c.id, codings.c.document_id, codings.c.code_id, codings.c.coder_id, codings.c.start_offset,
                   codings.c.end_offset)
            .join(documents, (documents.c.id == codings.c.document_id) & (documents.c.current_revision_id == codings.c.revision_id))
            .where(codings.c.document_id.in_(wanted[first : first + _BATCH])).order_by(codings.c.id)
        )
        for row in conn.execute(query):
            found.setdefault((row.document_id, row.code_id, row.coder_id, row.start_offset, row.end_offset), row.id)
    return found


def coding_spans(conn: Connection, document_ids: Iterable[int]) -> dict[tuple[int, int, int], int]:
    """The first coding (by id) of each span on the current revision of ``document_ids``, keyed by
    (document, start, end)."""
    return {(doc, start, end): coding_id for (doc, _code, _coder, start, end), coding_id
            in sorted(codings_of_documents(conn, document_ids).items(), key=lambda item: -item[1])}


def all_memos(conn: Connection) -> list[Row[Any]]:
    return list(conn.execute(select(memos).order_by(memos.c.created_at, memos.c.id)))


def case_values_by_case(conn: Connection) -> dict[int, dict[int, str | None]]:
    values: dict[int, dict[int, str | None]] = {}
    for case_id, attribute_id, value in conn.execute(select(case_values.c.case_id, case_values.c.attribute_id, case_values.c.value)):
        values.setdefault(case_id, {})[attribute_id] = value
    return values


def ordered(conn: Connection, table: Table, *order: Any) -> list[Row[Any]]:
    return list(conn.execute(select(table).order_by(*order)))


def uncodable(conn: Connection) -> set[str]:
    raw = study.read_setting(conn, UNCODABLE_KEY)
    return set(json.loads(raw)) if raw else set()


def set_uncodable(conn: Connection, guids: set[str]) -> None:
    study.write_settings(conn, {UNCODABLE_KEY: json.dumps(sorted(guids))})


# -- writing ---------------------------------------------------------------------------------------
def insert_member(conn: Connection, guid: str, name: str, role_label: str, permission: Permission) -> int:
    return conn.execute(  # type: ignore[no-any-return]
        insert(members).values(guid=guid, name=name, role_label=role_label, permission=permission.value, created_at=now())
    ).inserted_primary_key[0]  # type: ignore[index]


def insert_code(conn: Connection, guid: str, parent_id: int | None, name: str, fields: dict[str, str], position: int) -> int:
    return conn.execute(  # type: ignore[no-any-return]
        insert(codes).values(guid=guid, parent_id=parent_id, name=name, position=position, created_at=now(), **fields)
    ).inserted_primary_key[0]  # type: ignore[index]


def update_row(conn: Connection, table: Table, row_id: int, **values: Any) -> None:
    if values:
        conn.execute(update(table).where(table.c.id == row_id).values(**values))


def insert_document(
    conn: Connection, *, guid: str, title: str, case_id: int | None, source: SourceInfo, sha256: str,
    parsed: ParsedTranscript, created_at: datetime | None, author_id: int | None, later: bulk.Deferred | None = None,
) -> tuple[int, int]:
    """A document at revision 1 with ``guid``, its turns and search units (when ``later`` is flushed,
    if given); (document, revision) ids."""
    doc_id = docs_repo.insert_document(
        conn, title=title, case_id=case_id, source=source, sha256=sha256, parsed=parsed, author_id=author_id,
        later=later,
    )
    values: dict[str, Any] = {"guid": guid}
    if created_at is not None:
        values["created_at"] = created_at
        conn.execute(update(revisions).where(revisions.c.document_id == doc_id).values(created_at=created_at))
    update_row(conn, documents, doc_id, **values)
    return doc_id, docs_repo.current_revision(conn, doc_id)


def insert_codings(conn: Connection, rows: list[dict[str, object]]) -> None:
    """Codings with every column given (GUID and times included), in batches."""
    for first in range(0, len(rows), 5000):
        codings_repo.insert_many(conn, rows[first : first + 5000])


def insert_memo(
    conn: Connection, *, guid: str, text: str, author_id: int | None, target: MemoTarget, target_id: int | None,
    created_at: datetime | None, updated_at: datetime | None,
) -> int:
    memo_id = memos_repo.insert_memo(conn, text, author_id, target, target_id)
    values: dict[str, Any] = {"guid": guid}
    if created_at is not None:
        values["created_at"] = created_at
        values["updated_at"] = updated_at or created_at
    update_row(conn, memos, memo_id, **values)
    return memo_id


def insert_case(conn: Connection, guid: str, pid: str) -> int:
    case_id = cases_repo.insert_case(conn, pid)
    update_row(conn, cases, case_id, guid=guid)
    return case_id


def insert_attribute(conn: Connection, guid: str, name: str) -> int:
    attribute_id = cases_repo.ensure_attributes(conn, [name])[name]
    update_row(conn, attributes, attribute_id, guid=guid)
    return attribute_id


def insert_theme(conn: Connection, *, guid: str, parent_id: int | None, name: str, definition: str,
                 status: ThemeStatus, position: int) -> int:
    theme_id = themes_repo.insert_theme(conn, name=name, parent_id=parent_id, definition=definition, status=status,
                                        position=position)
    update_row(conn, themes, theme_id, guid=guid)
    return theme_id


def pids(conn: Connection) -> set[str]:
    return {pid.lower() for pid in conn.execute(select(cases.c.pid)).scalars()}


def titles(conn: Connection) -> set[str]:
    return set(conn.execute(select(documents.c.title)).scalars())
