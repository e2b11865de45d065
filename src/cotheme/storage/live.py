"""Live changes for the team server: the audit trail read as an event feed, who is where, and waking up.

Owns three things:

- ``trail_after``: the audit rows after an id (the feed's cursor: an SSE ``Last-Event-ID``) for the
  tables a page shows live (codings, memos, codes, themes, documents), read in id order without
  passing a hole that a commit in progress may still fill (``HOLE_WAIT``), each turned into a small
  ``LiveEvent`` — the same for every viewer, so one read serves every open page; ``visible_events``
  keeps those the given viewer may see. The rule is ``visibility``'s own
  (``visible_given`` for codings, ``memo_visible`` for memos), applied to the row as it was (a deleted
  coding's document and coder come from the trail's "before"), so a blind coder is never told of
  another's coding, not even that it was deleted.
- the ``presence`` table: which member has which transcript open, by connection, with a heartbeat;
  written on its own connection, outside ``Store.write`` (a heartbeat is not a change to the data and
  must not raise the data version nor enter the audit trail).
- ``Waker``: one thread per server process that notices new events — PostgreSQL ``LISTEN`` on the
  channel a trigger on ``audit_log`` and ``presence`` notifies (migration 0023), so several server
  processes see each other's writes at once; on SQLite a cheap poll of the newest audit id — and calls
  back whoever waits.

Must not decide who is restricted (``services/acting.py`` does) nor format events for the wire.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (Connection, Engine, Integer, and_, case, delete, func, insert, literal, select,
                        update)

from cotheme.domain.live import LiveEvent, Presence, event_of
from cotheme.storage.schema import audit_log, codings, documents, members, presence
from cotheme.storage.visibility import memo_visible, visible_given

#: The audit trail's tables whose changes pages show as they happen.
LIVE_TABLES = ("codings", "memos", "codes", "themes", "documents")
#: The PostgreSQL notification channel (migration 0023's triggers).
CHANNEL = "cotheme_live"
INTERNAL = {"cotheme_internal": True}


def latest_id(conn: Connection) -> int:
    """The newest audit row's id (0 for none): where a new feed starts."""
    return int(conn.execute(select(func.coalesce(func.max(audit_log.c.id), 0)).execution_options(**INTERNAL)).scalar_one())


#: How long a hole in the trail's ids is waited for. An audit row's id is taken as its transaction
#: commits (``tracking._flush``), so on PostgreSQL two writers can commit out of order: a reader may see
#: id 101 while 100 is still being committed. The feed stops before such a hole until it fills or until
#: the row after it was saved this long ago: a commit takes milliseconds after its trail is written (a
#: 100,000-coding import about a second), and a commit that failed after taking its ids leaves a hole
#: for ever. (Server processes on several machines must agree on the time to well within this.)
HOLE_WAIT = timedelta(seconds=5)


@dataclass(frozen=True, slots=True)
class Change:
    """One live row of the trail: its event, and the row's values the visibility rules read."""

    event: LiveEvent
    table: str
    values: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Read:
    """What ``trail_after`` found: the changes, where to continue after, and whether it stopped before a
    hole that may still fill (ask again shortly rather than at the next change). The same for every
    viewer: ``visible_events`` keeps what one of them may see."""

    changes: list[Change]
    cursor: int
    waiting: bool
    #: The blind transcripts, read just after the changes (when any is a coding's or a memo's): as new
    #: as they are.
    blind: frozenset[int] = frozenset()


def trail_after(conn: Connection, after: int, *, limit: int = 200) -> Read:
    """The live changes after audit id ``after``, in the order of the trail and without passing a row
    that is still being committed."""
    live = audit_log.c.table_name.in_(LIVE_TABLES)
    rows = conn.execute(
        select(audit_log.c.id, audit_log.c.at, audit_log.c.actor, audit_log.c.action, audit_log.c.table_name,
               audit_log.c.row_id, case((live, audit_log.c.before)).label("before"),
               case((live, audit_log.c.after)).label("after"))
        .where(audit_log.c.id > after).order_by(audit_log.c.id).limit(limit).execution_options(**INTERNAL)
    ).all()
    # A project file has one writer at a time: its ids are committed in order and a rolled-back id is
    # used again, so a hole there is never waited for.
    holes_may_fill = conn.dialect.name == "postgresql"
    changes: list[Change] = []
    cursor = after
    now = datetime.now(UTC)
    for row in rows:
        at = row.at if row.at.tzinfo else row.at.replace(tzinfo=UTC)
        if row.id > cursor + 1 and holes_may_fill and now - at < HOLE_WAIT:
            return _with_blind(conn, Read(changes, cursor, True))
        cursor = row.id
        if row.table_name not in LIVE_TABLES:
            continue  # the trail's other rows are passed over: the cursor moves past them
        before = _values(row.before)
        values = _values(row.after) or before
        changes.append(Change(event_of(row.id, at, row.actor or "", row.action, row.table_name, row.row_id,
                                       values, before), row.table_name, values))
    return _with_blind(conn, Read(changes, cursor, False))


def _with_blind(conn: Connection, read: Read) -> Read:
    if not any(c.table in ("codings", "memos") for c in read.changes):
        return read
    return Read(read.changes, read.cursor, read.waiting, blind_documents(conn))


def blind_documents(conn: Connection) -> frozenset[int]:
    """The ids of the blind transcripts now: what ``visible_events`` needs to decide codings."""
    return frozenset(conn.execute(select(documents.c.id).where(documents.c.blind)
                                  .execution_options(**INTERNAL)).scalars())


def visible_events(conn: Connection | None, read: Read, viewer: int | None) -> list[LiveEvent]:
    """The events of ``read`` that ``viewer`` may see (``None``: all), by the visibility rule of each
    row's table applied to the row as it was; codings by ``visibility.visible_given`` from the blind
    transcripts read with them, so every open page of one wake shares one reading."""
    if viewer is None:
        return [c.event for c in read.changes]
    shown = []
    for change in read.changes:
        if change.table == "codings":
            seen = visible_given(_int_or_none(change.values.get("document_id")),
                                 _int_or_none(change.values.get("coder_id")), viewer, read.blind)
        elif change.table == "memos":
            if conn is None:
                raise ValueError("A memo's visibility is read from the database: pass a connection.")
            seen = _memo_visible(conn, change.values, viewer, read.blind)
        else:
            seen = True  # the codebook, themes and transcripts' existence are the whole team's
        if seen:
            shown.append(change.event)
    return shown


def _values(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        loaded = json.loads(text)
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _memo_visible(conn: Connection, values: dict[str, Any], viewer: int, blind: frozenset[int]) -> bool:
    """Whether ``viewer`` may see a memo with ``values``, by ``visibility.memo_visible``."""
    document_id = values.get("document_id")
    if values.get("coding_id") is not None:
        # A memo on a coding goes with the coding, which may be gone by now: read it as it was.
        coding = _coding_values(conn, int(values["coding_id"]))
        if not visible_given(_int_or_none(coding.get("document_id")), _int_or_none(coding.get("coder_id")),
                             viewer, blind):
            return False
        document_id = document_id if document_id is not None else coding.get("document_id")
    row = select(literal(document_id, Integer).label("document_id"), literal(None, Integer).label("coding_id"),
                 literal(values.get("author_id"), Integer).label("author_id")).subquery("cotheme_live_row")
    return conn.execute(select(literal(1)).select_from(row).where(memo_visible(row, viewer))
                        .execution_options(**INTERNAL)).first() is not None


def _coding_values(conn: Connection, coding_id: int) -> dict[str, Any]:
    """A coding's document and coder: from its row, or, once deleted, from its last trail entry."""
    found = conn.execute(select(codings.c.document_id, codings.c.coder_id).where(codings.c.id == coding_id)
                         .execution_options(**INTERNAL)).first()
    if found is not None:
        return {"document_id": found.document_id, "coder_id": found.coder_id}
    last = conn.execute(select(audit_log.c.before, audit_log.c.after)
                        .where(audit_log.c.table_name == "codings", audit_log.c.row_id == str(coding_id))
                        .order_by(audit_log.c.id.desc()).limit(1).execution_options(**INTERNAL)).first()
    return (_values(last.after) or _values(last.before)) if last is not None else {}


# -- presence -------------------------------------------------------------------------------------
#: A connection not heard from for this long has gone (the stream beats every 10 s).
STALE = timedelta(seconds=35)


def touch(engine: Engine, token: str, member_id: int, document_id: int | None) -> None:
    """Record that connection ``token`` of ``member_id`` has ``document_id`` open (or none) now."""
    now = datetime.now(UTC)
    with engine.begin() as conn:
        done = conn.execute(update(presence).where(presence.c.token == token)
                            .values(member_id=member_id, document_id=document_id, seen_at=now)
                            .execution_options(**INTERNAL)).rowcount
        if not done:
            conn.execute(insert(presence).values(token=token, member_id=member_id, document_id=document_id,
                                                 seen_at=now).execution_options(**INTERNAL))
        conn.execute(delete(presence).where(presence.c.seen_at < now - STALE).execution_options(**INTERNAL))


def document_exists(conn: Connection, document_id: int) -> bool:
    return conn.execute(select(documents.c.id).where(documents.c.id == document_id)
                        .execution_options(**INTERNAL)).first() is not None


def leave(engine: Engine, token: str) -> None:
    with engine.begin() as conn:
        conn.execute(delete(presence).where(presence.c.token == token).execution_options(**INTERNAL))


def present(conn: Connection, document_id: int) -> list[Presence]:
    """Who has ``document_id`` open (heard from recently), once per member, by name."""
    since = datetime.now(UTC) - STALE
    rows = conn.execute(
        select(members.c.id, members.c.name, members.c.role_label, members.c.permission)
        .select_from(presence.join(members, members.c.id == presence.c.member_id))
        .where(and_(presence.c.document_id == document_id, presence.c.seen_at >= since))
        .group_by(members.c.id, members.c.name, members.c.role_label, members.c.permission)
        .order_by(members.c.name).execution_options(**INTERNAL)
    ).all()
    return [Presence(r.id, r.name, r.role_label or "", str(r.permission)) for r in rows]


# -- waking -----------------------------------------------------------------------------------------
class Waker:
    """Calls every registered callback soon after the project's audit trail or presence changes."""

    def __init__(self, engine: Engine, *, poll_s: float = 0.2) -> None:
        self._engine = engine
        self._poll_s = poll_s
        self._callbacks: set[Callable[[], None]] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        #: Raised at every wake: what was read between two wakes is the same for every reader.
        self.generation = 0

    @property
    def listening(self) -> bool:
        """Whether pages follow the feed here (so every change raises ``generation``)."""
        return self._thread is not None and bool(self._callbacks)

    def subscribe(self, callback: Callable[[], None]) -> None:
        with self._lock:
            self._callbacks.add(callback)
            if self._thread is None:
                target = self._listen if self._engine.dialect.name == "postgresql" else self._poll
                self._thread = threading.Thread(target=target, name="cotheme-live", daemon=True)
                self._thread.start()

    def unsubscribe(self, callback: Callable[[], None]) -> None:
        with self._lock:
            self._callbacks.discard(callback)

    def stop(self) -> None:
        self._stop.set()

    def _wake(self) -> None:
        with self._lock:
            self.generation += 1
            callbacks: Iterable[Callable[[], None]] = list(self._callbacks)
        for callback in callbacks:
            callback()

    def _poll(self) -> None:
        """SQLite (one file, any number of processes): the newest audit id and presence change."""
        last: tuple[Any, ...] | None = None
        while not self._stop.is_set():
            try:
                with self._engine.connect() as conn:
                    now = (latest_id(conn), *conn.execute(
                        select(func.count(), func.max(presence.c.seen_at)).select_from(presence)
                        .execution_options(**INTERNAL)).one())
            except Exception:  # a busy or closing database: try again at the next tick
                self._stop.wait(self._poll_s)
                continue
            # The first reading wakes too: a change made before the watcher read anything is not missed.
            if now != last:
                self._wake()
            last = now
            self._stop.wait(self._poll_s)

    def _listen(self) -> None:
        """PostgreSQL: LISTEN on the channel the triggers notify, on a connection of its own."""
        while not self._stop.is_set():
            try:
                raw = self._engine.raw_connection()
                try:
                    driver = raw.driver_connection
                    driver.autocommit = True
                    driver.execute(f"LISTEN {CHANNEL}")
                    self._wake()  # whatever was committed before listening began is read now
                    while not self._stop.is_set():
                        # Up to a second for the first notice, then the rest already queued: one wake.
                        if any(True for _ in driver.notifies(timeout=1.0, stop_after=1)):
                            for _ in driver.notifies(timeout=0):
                                pass
                            self._wake()
                            # At most one wake per ``poll_s``, as on a project file: a busy team's commits
                            # come in small batches, read once by every open page at the same moment.
                            self._stop.wait(self._poll_s)
                finally:
                    raw.invalidate()
            except Exception:  # the server restarted or the connection dropped: listen again
                time.sleep(1.0)
