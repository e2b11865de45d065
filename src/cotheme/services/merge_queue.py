"""The lead's queue of what offline check-ins left: proposals to the codebook and conflicts, decided one
by one. Accepting takes the copy's side (a proposal's change, the copy's version of a conflict);
rejecting keeps the project as it is — except a code added offline, which has codings: rejecting it
moves them into another code (``move_to``) before the code goes. Each decision goes through the
ordinary service (so permissions, the codebook's history and the audit trail see it) and is recorded
with who made it.

Must not merge copies (``services/checkin.py`` does).
"""

from __future__ import annotations

from sqlalchemy import select

from cotheme.domain.checkout import MergeItem
from cotheme.domain.text import Anchor
from cotheme.errors import Conflict, InvalidArgument, NotFound
from cotheme.services import codebook, codebook_changes, revisions
from cotheme.storage import checkout as repo
from cotheme.storage import codings as codings_repo
from cotheme.storage.schema import codes, codings, documents, members
from cotheme.storage.store import Store, now
from cotheme.storage.tracking import ACTOR


def list_items(store: Store, status: str | None = "open") -> list[MergeItem]:
    if status not in (None, "open", "accepted", "rejected"):
        raise InvalidArgument("Status is one of open, accepted, rejected (or all).")
    with store.read() as conn:
        return repo.items(conn, status)


def decide(store: Store, item_id: int, accept: bool, *, move_to: str | int | None = None) -> MergeItem:
    """Accept (take the copy's side) or reject (keep the project's) queued item ``item_id``."""
    with store.read() as conn:
        item = repo.item(conn, item_id)
        if item is None:
            raise NotFound(f"There is no queued item {item_id}.")
        if item.status != "open":
            raise Conflict(f"Item {item_id} was already {item.status} by {item.decided_by or 'someone'}.")
        code_id = conn.execute(select(codes.c.id).where(codes.c.guid == item.subject_guid)).scalar_one_or_none()
    rationale = f"from {item.member}'s offline copy"
    if item.subject == "code":
        _decide_code(store, item, accept, code_id, move_to, rationale)
    elif accept and item.subject == "document":
        revisions.edit_document(store, _document_id(store, item.subject_guid), new_text=item.theirs["text"],
                                author=item.member, reason=f"corrected in {item.member}'s offline copy")
    elif accept and item.subject == "coding":
        _take_coding(store, item)
    actor = ACTOR.get()
    with store.write() as conn:
        repo.decide(conn, item_id, "accepted" if accept else "rejected", actor[1] if actor else "")
        return repo.item(conn, item_id)  # type: ignore[return-value]


def _decide_code(store: Store, item: MergeItem, accept: bool, code_id: int | None, move_to: str | int | None,
                 rationale: str) -> None:
    if code_id is None:
        if accept:
            raise Conflict("That code is not in the project any more; reject the proposal instead.")
        return
    if item.field == "add" and not accept:
        codebook_changes.delete(store, code_id, move_to=move_to, rationale=f"rejected: added in {item.member}'s offline copy")
    elif item.field == "delete" and accept:
        codebook_changes.delete(store, code_id, move_to=move_to, rationale=rationale)
    elif accept and item.field == "name":
        codebook.edit_code(store, code_id, name=item.theirs["name"], rationale=rationale)
    elif accept and item.field == "definition":
        codebook.edit_code(store, code_id, rationale=rationale, **item.theirs)
    elif accept and item.field == "parent":
        parent = item.theirs["parent"]
        with store.read() as conn:
            parent_id = (conn.execute(select(codes.c.id).where(codes.c.guid == parent)).scalar_one_or_none()
                         if parent else None)
        if parent and parent_id is None:
            raise Conflict("The code it was moved under is not in the project; reject the proposal instead.")
        codebook.move_code(store, code_id, parent_id, rationale=rationale)


def _document_id(store: Store, guid: str) -> int:
    with store.read() as conn:
        found = conn.execute(select(documents.c.id).where(documents.c.guid == guid)).scalar_one_or_none()
    if found is None:
        raise Conflict("That transcript is not in the project any more; reject the item instead.")
    return int(found)


def _take_coding(store: Store, item: MergeItem) -> None:
    """Make the coding as the copy has it: deleted, or its code and span (found on the text now)."""
    with store.write() as conn:
        row = conn.execute(select(codings.c.id, codings.c.revision_id).where(codings.c.guid == item.subject_guid)).first()
        if item.theirs is None:
            if row is not None:
                codings_repo.delete_coding(conn, row.id)
            return
        theirs = item.theirs
        code_id = conn.execute(select(codes.c.id).where(codes.c.guid == theirs["code"])).scalar_one_or_none()
        doc = conn.execute(select(documents.c.id, documents.c.current_revision_id)
                           .where(documents.c.guid == theirs["document"])).first()
        if code_id is None or doc is None:
            raise Conflict("Its code or transcript is not in the project any more; reject the item instead.")
        anchor = Anchor(theirs["start"], theirs["end"], theirs["quote"], theirs["prefix"], theirs["suffix"])
        if row is not None:
            codings_repo.update_coding(conn, row.id, code_id=code_id, anchor=anchor, stamp=now())
        else:
            member = conn.execute(select(members.c.id).where(members.c.name == item.member)).scalar_one_or_none()
            codings_repo.insert_coding(conn, document_id=doc.id, revision_id=doc.current_revision_id, code_id=code_id,
                                       coder_id=member, anchor=anchor, stamp=now())
