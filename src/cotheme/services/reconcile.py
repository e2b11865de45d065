"""Reconciliation use cases: compare two coders on one document; accept, merge or reject into the
consensus layer without touching the originals.

The consensus layer is the codings of the member "consensus" (created on first use, permission
coder, role label "consensus"); which originals a consensus coding came from is kept in a memo on it,
and a rejection in a memo on the rejected original (formats in ``cotheme.domain.reconcile``). No
table is needed, so no migration: the memo is written in the same transaction as the consensus
coding, memos cannot be edited, and deleting a consensus coding deletes its memo with it, which
returns its originals to "pending". Undo an accept or merge by deleting the consensus coding.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import Connection

from cotheme.domain.codings import Extract
from cotheme.domain.memos import MemoTarget
from cotheme.domain.project import Member, Permission
from cotheme.domain.reconcile import (
    CONSENSUS, PREFIX, Comparison, Decision, compare, counts, merged_span, parse, provenance, rejection,
)
from cotheme.errors import Conflict, InvalidArgument, NotFound
from cotheme.services.agreement import find_member, refuse_blind, resolve_coders
from cotheme.services.codebook import code_paths, resolve_code
from cotheme.services.coding import resolve_document
from cotheme.storage import agreement as repo
from cotheme.storage import codings as codings_repo
from cotheme.storage import documents as docs_repo
from cotheme.storage import memos as memos_repo
from cotheme.storage import study
from cotheme.storage.store import Store, now


def consensus_member(conn: Connection, *, create: bool = True) -> Member | None:
    """The member whose codings are the consensus layer (made on first use when ``create``)."""
    found = study.find_member(conn, CONSENSUS)
    if found is None and create:
        found = study.insert_member(conn, CONSENSUS, CONSENSUS, Permission.CODER)
    return found


def _extracts(conn: Connection, document_id: int, coder_id: int, current: set[int],
              paths: dict[int, str]) -> list[Extract]:
    return [e for e in codings_repo.extracts(conn, document_id=document_id, coder_id=coder_id, code_paths=paths)
            if e.id in current]


def decisions(conn: Connection, coding_ids: Sequence[int], consensus_ids: Sequence[int]
              ) -> dict[int, tuple[Decision, tuple[int, ...]]]:
    """Per original coding: accepted/merged (with the consensus codings made from it) or rejected."""
    found: dict[int, tuple[Decision, tuple[int, ...]]] = {}
    wanted = set(coding_ids)
    for _memo, on, text in repo.coding_notes(conn, [*coding_ids, *consensus_ids], PREFIX):
        said = parse(text)
        if said is None:
            continue
        decision, ids = said
        if decision is Decision.REJECTED:
            if on in ids and on in wanted and on not in found:
                found[on] = (Decision.REJECTED, ())
            continue
        if on not in consensus_ids:
            continue
        for source in (i for i in ids if i in wanted):
            before, made = found.get(source, (decision, ()))
            kind = Decision.MERGED if Decision.MERGED in (decision, before) else decision
            found[source] = (kind, (*made, on))
    return found


def comparison(store: Store, document: str, coders: Sequence[str]) -> Comparison:
    """Two coders' codings of ``document`` side by side, with what the consensus decided so far."""
    with store.read() as conn:
        doc_id = resolve_document(conn, document)
        first, second = resolve_coders(conn, coders, exactly=2)
        refuse_blind(conn, [doc_id])
        consensus = consensus_member(conn, create=False)
        ids = [first.id, second.id, *([consensus.id] if consensus else [])]
        current = {r.id for r in repo.coding_rows(conn, [doc_id], ids) if r.current}
        paths = code_paths(conn)
        ours = _extracts(conn, doc_id, first.id, current, paths)
        theirs = _extracts(conn, doc_id, second.id, current, paths)
        agreed = _extracts(conn, doc_id, consensus.id, current, paths) if consensus else []
        known = decisions(conn, [e.id for e in (*ours, *theirs)], [e.id for e in agreed])
        title = docs_repo.read_document(conn, doc_id).title
    items = compare(ours, theirs, known)
    return Comparison(doc_id, title, (first.name, second.name), tuple(items), tuple(agreed), counts(items))


def _author(conn: Connection, member: str | None) -> int | None:
    if member is not None:
        return find_member(conn, member).id
    lead = next((m for m in study.list_members(conn) if m.permission is Permission.LEAD), None)
    return lead.id if lead else None


def _originals(conn: Connection, coding_ids: Sequence[int]) -> list[Extract]:
    """The codings, checked: they exist, are not consensus codings, lie on the current revision of
    one document, and have no decision yet."""
    paths = code_paths(conn)
    found = []
    for coding_id in dict.fromkeys(coding_ids):
        got = codings_repo.extracts(conn, coding_id=coding_id, code_paths=paths)
        if not got:
            raise NotFound(f"There is no coding {coding_id}; see 'cotheme reconcile PROJECT --doc DOC --coders A,B'.")
        found.append(got[0])
    if len({e.document_id for e in found}) > 1:
        raise InvalidArgument("The codings are in different documents; reconcile one document at a time.")
    refuse_blind(conn, [found[0].document_id])
    consensus = consensus_member(conn, create=False)
    rows = {r.id: r for r in repo.coding_rows(conn, [found[0].document_id], None)}
    for e in found:
        if consensus is not None and rows[e.id].coder_id == consensus.id:
            raise InvalidArgument(f"Coding {e.id} is itself a consensus coding; choose a coder's coding.")
        if not rows[e.id].current:
            raise Conflict(f"Coding {e.id} waits in the review queue after a transcript edit; place it first.")
    agreed = [r.id for r in rows.values() if consensus is not None and r.coder_id == consensus.id]
    for coding_id, (decision, made) in decisions(conn, [e.id for e in found], agreed).items():
        if decision is Decision.REJECTED:
            raise Conflict(f"Coding {coding_id} was already rejected from the consensus.")
        raise Conflict(f"Coding {coding_id} is already in the consensus (coding {', '.join(map(str, made))}); "
                       "delete that consensus coding to undo it.")
    return found


def _make(conn: Connection, sources: Sequence[Extract], code_id: int, span: tuple[int, int],
          member: str | None) -> Extract:
    author = _author(conn, member)
    consensus = consensus_member(conn)
    assert consensus is not None
    doc_id = sources[0].document_id
    revision = docs_repo.current_revision(conn, doc_id)
    new_id = codings_repo.insert_coding(
        conn, document_id=doc_id, revision_id=revision, code_id=code_id, coder_id=consensus.id,
        anchor=docs_repo.anchor(conn, revision, *span), stamp=now(),
    )
    memos_repo.insert_memo(conn, provenance(sources), author, MemoTarget.CODING, new_id)
    (made,) = codings_repo.extracts(conn, coding_id=new_id)
    return replace(made, code_path=code_paths(conn)[code_id])


def accept(store: Store, coding_id: int, *, member: str | None = None) -> Extract:
    """Copy one coder's coding (code and span) into the consensus layer; the original stays."""
    with store.write() as conn:
        (source,) = _originals(conn, [coding_id])
        return _make(conn, [source], source.code_id, (source.start, source.end), member)


def merge(store: Store, coding_ids: Sequence[int], *, code: str | None = None, member: str | None = None) -> Extract:
    """One consensus coding over the union of the codings' spans (which must form one stretch of
    text); the code is theirs when they share one, else ``code`` must say which."""
    if len(set(coding_ids)) < 2:
        raise InvalidArgument("Merging needs at least two different codings, e.g. --merge 12,15.")
    with store.write() as conn:
        sources = _originals(conn, coding_ids)
        span = merged_span(sources)
        if span is None:
            raise InvalidArgument(
                f"Codings {', '.join(str(e.id) for e in sources)} do not overlap, so their union is not one "
                "stretch of text; accept them one by one."
            )
        codes = {e.code_id for e in sources}
        if code is not None:
            code_id = int(code) if code.isdigit() and int(code) in code_paths(conn) else resolve_code(conn, code)
        elif len(codes) == 1:
            code_id = codes.pop()
        else:
            names = ", ".join(sorted({f"'{e.code_path}'" for e in sources}))
            raise InvalidArgument(f"The codings have different codes ({names}); say which the merged coding gets "
                                  "with --code.")
        return _make(conn, sources, code_id, span, member)


def reject(store: Store, coding_id: int, *, member: str | None = None) -> None:
    """Record that a coding is not taken into the consensus (a memo on it; the coding stays)."""
    with store.write() as conn:
        (source,) = _originals(conn, [coding_id])
        memos_repo.insert_memo(conn, rejection(source), _author(conn, member), MemoTarget.CODING, source.id)
