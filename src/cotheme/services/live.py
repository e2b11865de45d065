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
from cotheme.errors import InvalidArgument
from cotheme.storage import live
from cotheme.storage.tracking import ACTOR
from cotheme.storage.visibility import scope

if TYPE_CHECKING:
    from cotheme.storage.store import Store

_WAKERS: WeakKeyDictionary[object, live.Waker] = WeakKeyDictionary()


@dataclass(frozen=True, slots=True)
class LiveBatch:
    events: list[LiveEvent]
    cursor: int  # where the next call continues: after the last row looked at


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
        with self._store.read() as conn:
            events, cursor = live.events_after(conn, after, scope(), limit=max(1, min(limit, 1000)))
        return LiveBatch(events, cursor)

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
        live.touch(self._store.engine, token, actor[0], document)

    def clear_presence(self, token: str) -> None:
        """The page ``token`` was closed."""
        live.leave(self._store.engine, token)

    def present(self, document: int) -> list[Presence]:
        """Who has transcript ``document`` open now, by name and role label."""
        with self._store.read() as conn:
            return live.present(conn, document)
