"""Correcting a transcript: every edit makes a new revision and carries every coding forward.

Owns the edit use case (replace a string once or everywhere, replace a span, or a whole corrected
text), the ``expected_revision`` guard (an edit made on a page loaded before someone else's edit is
refused, nothing changed), carrying turns and codings through the change in one transaction, and reading
earlier revisions. Where a coding lands is decided by ``cotheme.domain.reanchor``; no coding is ever
deleted here: one that cannot be placed with confidence stays on the revision where its text is and
waits in the review queue (``services.review_queue``). Every coding is carried, including those of a
blind document the acting member may not see; the result counts only the ones they may.

Turns are structure: each turn's start and end are carried like a span's; a turn whose whole text an
edit deleted is dropped from the new revision (it stays in the earlier one), since an empty turn has
nothing to read or code and would show as a blank speaker line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace as dc_replace

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from cotheme.domain.documents import Document, Turn
from cotheme.domain.reanchor import Status, TextChange, carry, diff, from_edits
from cotheme.domain.revisions import EditResult, RevisionInfo
from cotheme.domain.text import Anchor, canonical
from cotheme.errors import Conflict, InvalidArgument, NotFound
from cotheme.services.coding import resolve_document
from cotheme.storage import deid as deid_repo
from cotheme.storage import documents as docs_repo
from cotheme.storage import revisions as repo
from cotheme.storage import study
from cotheme.storage.store import Store

#: Statuses that stay until a person confirms the coding, even when a later edit does not touch it.
STICKY = (Status.FUZZY.value, Status.EDITED.value)


def edit_document(
    store: Store,
    document: str | int,
    *,
    replace: str | None = None,
    with_text: str | None = None,
    all: bool = False,  # noqa: A002 - the CLI's --all
    start: int | None = None,
    end: int | None = None,
    new_text: str | None = None,
    author: str | None = None,
    reason: str = "",
    expected_revision: int | None = None,
) -> EditResult:
    """Make a new revision of ``document`` by one of three edits, in one transaction:

    * ``replace=OLD, with_text=NEW`` (``all=True`` for every occurrence; otherwise OLD must occur once),
    * ``start=N, end=M, with_text=NEW`` (a span of the current text; ``start == end`` inserts),
    * ``new_text=TEXT`` (the whole corrected text; the change is found by a diff).

    ``expected_revision`` is the revision number the caller saw; a different current revision is a
    ``Conflict`` and nothing is changed.
    """
    kinds = sum((replace is not None, start is not None or end is not None, new_text is not None))
    if kinds != 1:
        raise InvalidArgument("Give one edit: --replace OLD --with NEW, a span (start, end) with new text, or --from-file.")
    with store.write() as conn:
        doc_id = resolve_document(conn, str(document))
        title = docs_repo.read_document(conn, doc_id).title
        rev_id, number, text = repo.lock_current(conn, doc_id)
        if expected_revision is not None and expected_revision != number:
            raise Conflict(
                f"'{title}' changed since the page loaded: it is at revision {number} now, the edit was made on "
                f"revision {expected_revision}. Nothing was changed; reload it and make the edit again."
            )
        if new_text is not None:
            change, count = _whole(text, new_text, title), 1
        elif replace is not None:
            change, count = _replacing(text, replace, with_text, all, title)
        else:
            change, count = _span(text, start, end, with_text), 1
        author_id = author_id_of(conn, author)
        return apply_change(conn, doc_id, title, rev_id, number, change, author_id=author_id,
                            reason=reason.strip() or "corrected", replacements=count)


def apply_change(
    conn: Connection, doc_id: int, title: str, rev_id: int, number: int, change: TextChange, *,
    author_id: int | None, reason: str, replacements: int, deidentified: bool = False,
    speakers: Mapping[str, str] | None = None,
) -> EditResult:
    """Write ``change.new`` as revision ``number + 1`` and carry turns, search units, codings and
    de-identification candidates to it (inside the caller's transaction)."""
    if not change.new.strip():
        raise InvalidArgument(f"The edit would leave '{title}' empty; nothing was changed.")
    try:
        new_id = repo.insert_revision(conn, doc_id, number + 1, change.new, author_id=author_id, reason=reason,
                                      deidentified=deidentified)
    except IntegrityError:
        raise Conflict(f"'{title}' was edited by someone else at the same moment; nothing was changed. Try again.") from None
    new_turns, dropped = carry_turns(change, docs_repo.read_turns(conn, rev_id), speakers or {})
    repo.make_current(conn, doc_id, new_id, change.new, new_turns)
    counts, review = _carry_codings(conn, rev_id, new_id, change)
    deid_repo.carry_candidates(conn, rev_id, new_id, change)
    return EditResult(document_id=doc_id, title=title, revision=number + 1, revision_id=new_id,
                      previous_revision=number, replacements=replacements, codings=counts,
                      review=tuple(review), turns_removed=dropped)


def carry_turns(change: TextChange, turns: Sequence[Turn], speakers: Mapping[str, str]) -> tuple[list[Turn], int]:
    """Turns mapped into the new text (start rounds down, end up, no overlap); empty ones dropped."""
    kept: list[Turn] = []
    last_end = 0
    for turn in turns:
        start = max(change.map_turn(turn.start, end=False), last_end)
        end = change.map_turn(turn.end, end=True)
        if end <= start:
            continue
        speaker = speakers.get(turn.speaker, turn.speaker) if turn.speaker is not None else None
        kept.append(dc_replace(turn, index=len(kept), start=start, end=end, speaker=speaker))
        last_end = end
    return kept, len(turns) - len(kept)


def _carry_codings(conn: Connection, old_id: int, new_id: int, change: TextChange) -> tuple[dict[str, int], list[int]]:
    """Carry every coding on the old revision, and count (and list for review) only those the acting
    member may see: in a blind document another coder's codings move too, but telling the editor how
    many there were, or which went to review, would show that coder's work."""
    counts: dict[str, int] = {}
    placed: list[tuple[int, Anchor, str, float, str | None]] = []
    review: list[tuple[int, float]] = []
    shown = repo.visible_on(conn, old_id)
    for row in repo.codings_on(conn, old_id):
        anchor = Anchor(row.start_offset, row.end_offset, row.quote, row.prefix, row.suffix)
        carried = carry(change, anchor)
        status = carried.status.value
        if row.id in shown:
            counts[status] = counts.get(status, 0) + 1
        if carried.anchor is None:
            review.append((row.id, carried.score))
        elif status in (Status.OK, Status.MOVED) and row.anchor_status in STICKY:
            placed.append((row.id, carried.anchor, row.anchor_status, row.anchor_score, row.old_quote))
        elif status in (Status.OK, Status.MOVED):
            placed.append((row.id, carried.anchor, status, 1.0, None))
        else:
            placed.append((row.id, carried.anchor, status, carried.score, carried.old_quote))
    repo.carry_codings(conn, new_id, placed)
    repo.mark_review(conn, review)
    return counts, [cid for cid, _ in review if cid in shown]


def _whole(text: str, new_text: str, title: str) -> TextChange:
    new = canonical(new_text)
    if new == text:
        raise InvalidArgument(f"The new text is the same as the current revision of '{title}'; nothing to change.")
    return diff(text, new)


def _replacing(text: str, old: str, new: str | None, every: bool, title: str) -> tuple[TextChange, int]:
    if new is None:
        raise InvalidArgument("Say what to put instead with --with NEW (it may be empty: --with '').")
    needle, repl = canonical(old), canonical(new)
    if not needle:
        raise InvalidArgument("--replace needs the text to replace; it is empty.")
    if needle == repl:
        raise InvalidArgument("--replace and --with are the same text; nothing to change.")
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + len(needle))
    if not found:
        raise NotFound(f"'{_short(needle)}' does not occur in '{title}'; check its exact wording (see 'cotheme docs show').")
    if len(found) > 1 and not every:
        where = ", ".join(str(a) for a in found[:5]) + (", ..." if len(found) > 5 else "")
        raise InvalidArgument(
            f"'{_short(needle)}' occurs {len(found)} times in '{title}' (at {where}); add --all to replace every "
            "one, or give more of the text around it."
        )
    return from_edits(text, [(a, a + len(needle), repl) for a in found]), len(found)


def _span(text: str, start: int | None, end: int | None, new: str | None) -> TextChange:
    if start is None or end is None or new is None:
        raise InvalidArgument("A span edit needs start, end and the new text.")
    if not 0 <= start <= end <= len(text):
        raise InvalidArgument(f"The span {start}-{end} is not inside the text (0-{len(text)}).")
    replacement = canonical(new)
    if text[start:end] == replacement:
        raise InvalidArgument("The new text is the same as the text it replaces; nothing to change.")
    return from_edits(text, [(start, end, replacement)])


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def author_id_of(conn: Connection, name: str | None) -> int | None:
    if name is not None:
        member = study.find_member(conn, name)
        if member is None:
            known = ", ".join(m.name for m in study.list_members(conn))
            raise NotFound(f"No member is called '{name}' (members: {known}); add them with 'cotheme members add'.")
        return member.id
    everyone = study.list_members(conn)
    if len(everyone) == 1:
        return everyone[0].id
    names = ", ".join(m.name for m in everyone)
    raise InvalidArgument(f"Say who is editing with --author NAME (members: {names}).")


def revisions(store: Store, document: str | int) -> list[RevisionInfo]:
    """Every revision of a document, oldest first, the current one marked."""
    with store.read() as conn:
        return repo.history(conn, resolve_document(conn, str(document)))


def read_revision(store: Store, document: str | int, number: int) -> Document:
    """The document as it read at revision ``number`` (its text and turns then)."""
    with store.read() as conn:
        doc_id = resolve_document(conn, str(document))
        rev_id = repo.revision_id_of(conn, doc_id, number)
        if rev_id is None:
            last = max(r.number for r in repo.history(conn, doc_id))
            raise NotFound(f"There is no revision {number} of that document; it has revisions 1-{last}.")
        return repo.read_at(conn, doc_id, rev_id)
