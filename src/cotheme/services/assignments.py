"""Sharing the transcripts out: assigning documents to coders, each coder's queue, progress per coder
and per document, and blind documents (each coder sees only their own codings until a lead reveals).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from cotheme.domain.project import Permission
from cotheme.domain.team import Assignment, Progress
from cotheme.errors import InvalidArgument
from cotheme.services.coding import resolve_document
from cotheme.services.members import resolve_coder
from cotheme.storage import assignments as repo
from cotheme.storage import study
from cotheme.storage.store import Store
from cotheme.storage.tracking import ACTOR


def assign(store: Store, document: str | int, coders: Sequence[str], *, remove: bool = False,
           blind: bool | None = None, everyone: bool = False) -> list[Assignment]:
    """Give ``document`` to each of ``coders`` (or every coder with ``everyone``: a calibration
    transcript), or take it back with ``remove``; ``blind`` sets the document blind or open too."""
    if not coders and not everyone and blind is None:
        raise InvalidArgument("Name at least one coder (--coder NAME), or --all-coders.")
    actor = ACTOR.get()
    with store.write() as conn:
        doc_id = resolve_document(conn, str(document))
        people = [resolve_coder(conn, name) for name in coders]
        if everyone:
            people += [m for m in study.list_members(conn) if m.permission is Permission.CODER and m not in people]
        for member in people:
            if member.permission is Permission.VIEWER and not remove:
                raise InvalidArgument(f"{member.name} is a viewer; make them a coder before assigning work.")
            if remove:
                repo.unassign(conn, doc_id, member.id)
            else:
                repo.assign(conn, doc_id, member.id, actor[0] if actor else None, datetime.now(UTC))
        if blind is not None:
            repo.set_blind(conn, doc_id, blind)
        return [a for a in repo.list_assignments(conn) if a.document_id == doc_id]


def assignments(store: Store, member_id: int | None = None) -> list[Assignment]:
    with store.read() as conn:
        return repo.list_assignments(conn, member_id)


def set_blind(store: Store, document: str | int, blind: bool) -> bool:
    """Make a document blind, or reveal it (open) to everyone; returns the new state."""
    with store.write() as conn:
        repo.set_blind(conn, resolve_document(conn, str(document)), blind)
    return blind


def blind_documents(store: Store) -> set[int]:
    with store.glance() as conn:  # one statement, asked by every coder's read: no BEGIN/COMMIT
        return repo.blind_documents(conn)


def progress(store: Store, coder: str | None = None) -> list[Progress]:
    """Per (document, coder): assigned or not, turns with at least one coding by that coder, codings."""
    with store.read() as conn:
        rows = repo.progress(conn)
        wanted = resolve_coder(conn, coder).id if coder is not None else None
    return [r for r in rows if wanted is None or r.member_id == wanted]


def queue(store: Store, member_id: int) -> list[Progress]:
    """The documents assigned to one member, with how far they are."""
    with store.read() as conn:
        return [r for r in repo.progress(conn) if r.member_id == member_id and r.assigned]
