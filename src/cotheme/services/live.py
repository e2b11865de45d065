"""``LiveMixin``: the project's live feed for ``Project`` — changes as they happen, and who is where.

A page on the team server follows the feed from a cursor (the last event id it saw): ``live_events``
returns what changed since, as the acting member may see it (the blind rule is applied in storage,
from the same ``VIEWER`` that restricts every read), and the cursor to continue from. ``live_waker``
is the process's one watcher that says when to ask again (PostgreSQL LISTEN/NOTIFY, so several server
processes on one database hear each other; a poll on SQLite). ``mark_present`` / ``clear_presence`` /
``present`` keep who has which transcript open.

Must not hold events in memory for anyone: the audit trail is the feed, so a page that reconnects
after a dropped line, or reaches another server process, resumes exactly where it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from cotheme.domain.live import LiveEvent, Presence
from cotheme.errors import InvalidArgument, NotFound
from cotheme.storage import live
from cotheme.storage.tracking import ACTOR
from cotheme.storage.visibility import member_in_view

if TYPE_CHECKING:
    from cotheme.storage.store import Store

_WAKERS: WeakKeyDictionary[object, live.Waker] = WeakKeyDictionary()
#: Per engine: answers shared by every page between two wakes (a handful of recent keys).
_SHARED: WeakKeyDictionary[object, dict[tuple[object, ...], object]] = WeakKeyDictionary()
_SHARED_KEYS = 64


def _remember(engine: object, key: tuple[object, ...], value: object) -> None:
    kept = _SHARED.setdefault(engine, {})
    if len(kept) >= _SHARED_KEYS:
        kept.clear()
    kept[key] = value


@dataclass(frozen=True, slots=True)
class LiveBatch:
    events: list[LiveEvent]
    cursor: int  # where the next call continues: after the last row looked at
    #: Stopped before a change still being committed: ask again shortly, not only at the next change.
    waiting: bool = False


class LiveMixin:
    _store: Store

    def live_cursor(self) -> int:
        """The feed's current end: a page that starts following now starts here."""
        with self._store.read() as conn:
            return live.latest_id(conn)

    def live_events(self, after: int, limit: int = 200) -> LiveBatch:
        """Changes to codings, memos, codes, themes and transcripts after event ``after`` that the acting
        member may see, oldest first, at most ``limit`` rows looked at."""
        if after < 0:
            raise InvalidArgument("The event id to continue after cannot be negative.")
        limit = max(1, min(limit, 1000))
        # The rule itself lets everything through when no document is blind: whether one is need not be
        # asked apart (that would be one more read per page per wake).
        viewer = member_in_view()
        # Fifty open pages woken by one write ask the same question: one read of the trail answers them
        # all until the next wake; each then keeps what its member may see (one query for a restricted
        # view, none for a lead's).
        waker = self.live_waker()
        key = ("trail", after, limit, waker.generation) if waker.listening else None
        read = _SHARED.get(self._store.engine, {}).get(key) if key else None
        if not isinstance(read, live.Read):
            with self._store.read() as conn:
                read = live.trail_after(conn, after, limit=limit)
            if key and not read.waiting:  # a wait ends without a wake: the next read must look again
                _remember(self._store.engine, key, read)
        if viewer is None or not read.changes:
            events = [c.event for c in read.changes]
        elif not any(c.table == "memos" for c in read.changes):
            events = live.visible_events(None, read, viewer)  # decided from the read itself: no query
        else:
            with self._store.read() as conn:
                events = live.visible_events(conn, read, viewer)
        return LiveBatch(events, read.cursor, read.waiting)

    def live_poll(self, after: int, document: int | None = None) -> tuple[LiveBatch, list[Presence]]:
        """``live_events(after)`` and, for a page with a transcript open, ``present(document)``: what an
        open page asks at each wake, in one operation."""
        return self.live_events(after), (self.present(document) if document is not None else [])

    def live_waker(self) -> live.Waker:
        """This process's watcher of the project's changes (started on first subscription)."""
        engine = self._store.engine
        waker = _WAKERS.get(engine)
        if waker is None:
            waker = _WAKERS.setdefault(engine, live.Waker(engine))
        return waker

    def mark_present(self, token: str, document: int | None) -> None:
        """Say that the acting member's page ``token`` has transcript ``document`` open (a heartbeat)."""
        actor = ACTOR.get()
        if actor is None:
            raise InvalidArgument("Only a member can be shown as present; act as one (acting_as).")
        if not token or len(token) > 64:
            raise InvalidArgument("A page's presence token is 1 to 64 characters.")
        if document is not None:
            with self._store.read() as conn:
                if not live.document_exists(conn, document):
                    raise NotFound(f"There is no transcript {document}.")
        live.touch(self._store.engine, token, actor[0], document)

    def clear_presence(self, token: str) -> None:
        """The page ``token`` was closed."""
        live.leave(self._store.engine, token)

    def present(self, document: int) -> list[Presence]:
        """Who has transcript ``document`` open now, by name and role label."""
        waker = self.live_waker()
        key = ("present", document, waker.generation) if waker.listening else None
        found = _SHARED.get(self._store.engine, {}).get(key) if key else None
        if found is None:
            with self._store.read() as conn:
                found = live.present(conn, document)
            if key:
                _remember(self._store.engine, key, found)
        return list(found)
