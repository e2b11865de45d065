"""The review queue: codings an edit could not carry with confidence, until a person places or removes
them.

Owns listing the queue (``review``: still on the revision where their text is; with ``everything``
also ``fuzzy`` and ``edited`` codings, placed but worth a look), suggesting a place in the current
revision (``cotheme.domain.reanchor.suggest``), placing (at a span given, or at the suggestion, or --
for a fuzzy or edited coding -- confirming where it is) and removing. Placing or removing is a
person's decision; nothing here happens on its own.
"""

from __future__ import annotations

from typing import Any

from cotheme.domain.reanchor import suggest
from cotheme.domain.revisions import ReviewItem
from cotheme.domain.text import Anchor
from cotheme.errors import InvalidArgument, NotFound
from cotheme.services import version_cache
from cotheme.services.coding import resolve_document
from cotheme.storage import codings as codings_repo
from cotheme.storage import documents as docs_repo
from cotheme.storage import revisions as repo
from cotheme.storage.store import Store

WAITING = ("review",)
EVERYTHING = ("review", "fuzzy", "edited")


def review_queue(store: Store, *, document: str | int | None = None, everything: bool = False) -> list[ReviewItem]:
    """Codings waiting for a person, in document and text order, each with a suggested place (kept
    while the data version holds: the reader asks which of a transcript's codings wait, each time)."""
    return version_cache.cached(store, "review", (None if document is None else str(document), everything),
                                lambda: _review_queue(store, document, everything))


def _review_queue(store: Store, document: str | int | None, everything: bool) -> list[ReviewItem]:
    with store.read() as conn:
        doc_id = resolve_document(conn, str(document)) if document is not None else None
        rows = repo.queue_rows(conn, EVERYTHING if everything else WAITING, doc_id)
        return [_item(r) for r in rows]


def waiting(store: Store) -> int:
    """How many codings wait in the review queue (counted, without suggesting places for them)."""
    with store.read() as conn:
        counts = repo.status_counts(conn)
    return sum(counts.get(status, 0) for status in WAITING)


def _item(r: Any) -> ReviewItem:
    suggestion = None
    if r.anchor_status == "review":
        anchor = Anchor(r.start_offset, r.end_offset, r.quote, r.prefix, r.suffix)
        found = suggest(r.current_text, anchor)
        if found is not None:
            start, end, score = found
            suggestion = (start, end, r.current_text[start:end], round(score, 3))
    return ReviewItem(
        coding_id=r.id, document_id=r.document_id, document=r.title, code=r.code, coder=r.coder,
        status=r.anchor_status, score=None if r.anchor_score is None else round(r.anchor_score, 3),
        start=r.start_offset, end=r.end_offset, quote=r.quote, old_quote=r.old_quote,
        on_revision=r.on_number, current_revision=r.current_number, suggestion=suggestion,
    )


def place(store: Store, coding_id: int, *, start: int | None = None, end: int | None = None) -> ReviewItem:
    """Put a coding from the queue at ``start``-``end`` of its document's current revision; without a
    span: at the suggested place (``review``) or where it is now (``fuzzy``/``edited``: confirmed)."""
    if (start is None) != (end is None):
        raise InvalidArgument("Give both --start and --end, or neither to take the suggested place.")
    with store.write() as conn:
        row = _queued(conn, coding_id)
        if start is None or end is None:
            start, end = _default_place(row)
        anchor = docs_repo.anchor(conn, row.current_id, start, end)
        old = row.old_quote if row.anchor_status != "review" else row.quote
        repo.place(conn, coding_id, row.current_id, anchor, old if old != anchor.quote else None)
        rows = repo.queue_rows(conn, ("ok",), coding_id=coding_id)
        return _item(rows[0])


def _default_place(row: Any) -> tuple[int, int]:
    if row.anchor_status != "review":
        return row.start_offset, row.end_offset
    found = suggest(row.current_text, Anchor(row.start_offset, row.end_offset, row.quote, row.prefix, row.suffix))
    if found is None:
        raise InvalidArgument(
            f"Coding {row.id} has no suggested place in the current text; give --start and --end "
            "(see 'cotheme docs show' for the text), or remove it."
        )
    return found[0], found[1]


def remove(store: Store, coding_id: int) -> None:
    """Delete a coding from the queue (a person decided its text is gone for good)."""
    with store.write() as conn:
        _queued(conn, coding_id)
        codings_repo.delete_coding(conn, coding_id)


def _queued(conn: Any, coding_id: int) -> Any:
    rows = repo.queue_rows(conn, EVERYTHING, coding_id=coding_id)
    if not rows:
        if codings_repo.get_row(conn, coding_id) is None:
            raise NotFound(f"There is no coding {coding_id}; it may have been deleted.")
        raise InvalidArgument(f"Coding {coding_id} is not in the review queue; change it with 'cotheme codings' instead.")
    return rows[0]
