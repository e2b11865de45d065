"""What ``cotheme check`` verifies in the database, as SQL: one function per check, each returning the
problems it found as sentences.

The checks: SQLite's own ``integrity_check`` and ``foreign_key_check`` (PostgreSQL enforces both
itself), every document's current revision belongs to it, every coding's quote equals the text of its
revision between its offsets (``substr`` counts code points on both engines, as our offsets do), every
coding is on its document's current revision unless it waits in the review queue, and the
search index agrees with the texts (FTS5's ``integrity-check`` on SQLite; on both, every indexed turn and
memo reads as the text it was taken from). Must not repair anything.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from cotheme.domain.utf8_text import Utf8Text
from cotheme.errors import ProjectBusy
from cotheme.storage import busy, recordings

#: Problems listed per check before the rest are summed up (a broken file can have thousands).
_SHOWN = 50
#: Rows fetched at a time from a streamed query (PostgreSQL's server-side cursor).
_BATCH = 2000


def sqlite_integrity(conn: Connection) -> list[str]:
    rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
    if rows == ["ok"]:
        return []
    lines = [line.strip() for row in rows for line in str(row).splitlines()]
    return [f"SQLite integrity check: {line}" for line in lines if line and not line.startswith("***")]


def sqlite_foreign_keys(conn: Connection) -> list[str]:
    return [
        f"Table {table} row {rowid} points at a {parent} row that does not exist."
        for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    ]


def current_revisions(conn: Connection) -> list[str]:
    rows = conn.execute(
        text(
            "SELECT d.id, d.title, d.current_revision_id FROM documents d "
            "LEFT JOIN revisions r ON r.id = d.current_revision_id AND r.document_id = d.id "
            "WHERE r.id IS NULL ORDER BY d.id"
        )
    ).all()
    return [
        f"Document {doc_id} '{title}': its current revision ({rev}) is not one of its revisions."
        for doc_id, title, rev in rows
    ]


def coding_quotes(conn: Connection) -> list[str]:
    rows = _stream(conn,
        "SELECT c.id, d.title, c.start_offset, c.end_offset, c.quote, r.id FROM codings c "
        "JOIN documents d ON d.id = c.document_id "
        "LEFT JOIN revisions r ON r.id = c.revision_id AND r.document_id = c.document_id "
        "ORDER BY c.revision_id, c.id"
    )
    texts = _Texts(conn)
    found = [
        (cid, f"Coding {cid} on '{title}' ({start}-{end}): its quote is not the text at its offsets.")
        for cid, title, start, end, quote, rev in rows
        if not _reads(texts.of(rev), start, end, quote)
    ]
    return [problem for _, problem in sorted(found)]


def coding_revisions(conn: Connection) -> list[str]:
    """Each coding sits on its document's current revision, or waits in the review queue (``review``)
    on the earlier revision where its text still is: any other coding was left behind by an edit, and
    its offsets no longer point at its text in the transcript everyone reads."""
    rows = conn.execute(
        text(
            "SELECT c.id, d.title, r.number, cur.number FROM codings c "
            "JOIN documents d ON d.id = c.document_id "
            "LEFT JOIN revisions r ON r.id = c.revision_id "
            "LEFT JOIN revisions cur ON cur.id = d.current_revision_id "
            "WHERE c.revision_id <> d.current_revision_id AND c.anchor_status <> 'review' ORDER BY c.id"
        )
    ).all()
    return [
        f"Coding {cid} on '{title}' is on revision {on}, not on its document's current revision {current}, "
        "and is not in the review queue."
        for cid, title, on, current in rows
    ]


def coding_speakers(conn: Connection) -> list[str]:
    """Each coding's stored speaker (migration 0006) against its turn's label."""
    rows = conn.execute(
        text(
            "SELECT c.id, c.speaker, (SELECT t.speaker FROM turns t WHERE t.revision_id = c.revision_id "
            "AND t.start_offset <= c.start_offset ORDER BY t.start_offset DESC LIMIT 1) AS turn_speaker "
            "FROM codings c ORDER BY c.id"
        )
    ).all()
    return [
        f"Coding {cid}: its stored speaker {stored!r} is not its turn's ({actual!r})."
        for cid, stored, actual in rows
        if stored != actual
    ]


def search_units(conn: Connection) -> list[str]:
    turns = _stream(conn,
        "SELECT u.id, d.title, u.start_offset, u.body, r.id FROM search_units u "
        "JOIN documents d ON d.id = u.document_id LEFT JOIN revisions r ON r.id = d.current_revision_id "
        "WHERE u.kind = 'turn' ORDER BY u.document_id, u.id"
    )
    texts = _Texts(conn)
    stale = sorted(
        (uid, title) for uid, title, start, body, rev in turns
        if not _reads(texts.of(rev), start, start + len(body), body)
    )
    memos = conn.execute(
        text(
            "SELECT u.id, u.memo_id FROM search_units u LEFT JOIN memos m ON m.id = u.memo_id "
            "WHERE u.kind = 'memo' AND (m.id IS NULL OR m.text <> u.body) ORDER BY u.id"
        )
    ).all()
    return [f"Search index entry {uid} for '{title}' no longer matches the transcript." for uid, title in stale] + [
        f"Search index entry {uid} for memo {memo} no longer matches the memo." for uid, memo in memos
    ]


def _stream(conn: Connection, sql: str) -> Iterator[Any]:
    """The rows of ``sql`` as they come (a server-side cursor on PostgreSQL), not all in memory at once:
    a long transcript has hundreds of thousands of turns."""
    return iter(conn.execution_options(stream_results=True, yield_per=_BATCH).execute(text(sql)))


class _Texts:
    """Revision texts read from the database, one held at a time: rows come ordered by revision, so
    each text is read once. Comparing here, not with ``substr`` in SQL, is what keeps the checks
    linear: the engine reads a long text whole (and counts characters from its start) for every row
    that takes a ``substr`` of it, so a transcript of n characters with n/400 turns cost n^2/400. The
    text is held as its UTF-8 bytes (``Utf8Text``), about a quarter of a ``str`` with an emoji in it."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._id: int | None = None
        self._text: Utf8Text | None = None

    def of(self, revision_id: int | None) -> Utf8Text | None:
        if revision_id is None:
            return None
        if revision_id != self._id:
            self._text = None  # let the previous text go before the next one is read
            self._text = Utf8Text(self._utf8(revision_id))
            self._id = revision_id
        return self._text

    def _utf8(self, revision_id: int) -> bytes:
        if self._conn.dialect.name != "postgresql":
            query = text("SELECT CAST(text AS BLOB) FROM revisions WHERE id = :r")
            return bytes(self._conn.execute(query, {"r": revision_id}).scalar_one())
        # In binary: a bytea in text form comes as hex, twice its size, before it is decoded.
        with self._conn.connection.driver_connection.cursor(binary=True) as cursor:  # type: ignore[union-attr]
            cursor.execute("SELECT convert_to(text, 'UTF8') FROM revisions WHERE id = %s", (revision_id,))
            return bytes(cursor.fetchone()[0])


def _reads(body: Utf8Text | None, start: int, end: int, expected: str) -> bool:
    """Whether ``body`` holds ``expected`` between ``start`` and ``end`` (code points)."""
    return body is not None and body.reads(start, end, expected)


_FTS_BUSY = ("The full-text search index could not be checked: another program kept the project busy; "
             "try again in a moment (this says nothing about damage).")


def sqlite_fts(conn: Connection) -> list[str]:
    """FTS5's own integrity check. It is written as an INSERT, so it needs the write lock: while another
    connection holds it (a write, or the idle checkpoint folding the WAL in) it waits, up to the busy
    wait, and a lock that outlasts that is told as busy, never as a damaged index. Each try runs on a
    connection of its own: the check's read transaction may predate another's commit, and SQLite never
    lets such a transaction take the write lock, however long it waits."""
    deadline = time.monotonic() + busy.wait_seconds()
    while True:
        with conn.engine.connect() as own:
            own = own.execution_options(cotheme_internal=True)
            try:
                with own.begin() as attempt:
                    # rank=1 also compares the index with its content table (search_units).
                    own.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
                    attempt.rollback()
                return []
            except ProjectBusy:  # a write's own bounded wait for the lock has run out
                return [_FTS_BUSY]
            except DBAPIError as exc:
                if not busy.is_busy(exc.orig):
                    return [f"The full-text search index is damaged ({exc.orig}); rebuild it."]
        if time.monotonic() >= deadline:
            return [_FTS_BUSY]
        time.sleep(0.02)


Check = tuple[str, Callable[[Connection], list[str]]]

#: Every check, by the name ``cotheme check --json`` reports it under, for each engine.
CHECKS: dict[str, list[Check]] = {
    "sqlite": [
        ("integrity", sqlite_integrity),
        ("foreign_keys", sqlite_foreign_keys),
        ("current_revisions", current_revisions),
        ("coding_quotes", coding_quotes),
        ("coding_revisions", coding_revisions),
        ("coding_speakers", coding_speakers),
        ("search_index", lambda conn: sqlite_fts(conn) + search_units(conn)),
        ("recordings", recordings.problems),
    ],
    "postgresql": [
        ("current_revisions", current_revisions),
        ("coding_quotes", coding_quotes),
        ("coding_revisions", coding_revisions),
        ("coding_speakers", coding_speakers),
        ("search_index", search_units),
        ("recordings", recordings.problems),
    ],
}


def run_checks(conn: Connection, dialect: str) -> dict[str, list[str]]:
    """Each check's name and the problems it found (an empty list when it passed). The checks read
    every row whoever runs them (past ``visibility``): a coding hidden from someone is still checked."""
    conn = conn.execution_options(cotheme_internal=True)
    found = {}
    for name, check in CHECKS[dialect]:
        try:
            problems = check(conn)
        except DBAPIError as exc:  # a damaged file can fail a query outright
            problems = [f"The check could not run: {exc.orig}."]
        if len(problems) > _SHOWN:
            problems = problems[:_SHOWN] + [f"... and {len(problems) - _SHOWN} more of this kind."]
        found[name] = problems
    return found
