"""Applying accepted de-identification replacements: one new revision per document, all documents in
one transaction, every coding carried through ``services.revisions`` (no coding is lost).

Owns choosing each replacement (a person's, else the project list's pseudonym, else the key's earlier
choice for the same string (any case, with or without a possessive "'s", which the replacement keeps)
so the same person is the same pseudonym in every transcript, else the next
"[Person X]" letter or a bracketed descriptor), ``--min-score`` (undecided candidates at or above it are
applied too), marking a revision de-identified (scanned, and nothing left undecided), and writing the key.

The key is written last, inside the transaction: if the commit then failed the key would only hold
entries for replacements not made, which changes nothing in any transcript. A failure anywhere before
leaves the project and the key as they were.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from cotheme.domain.deid import AppliedDocument, ApplyReport, Kind, Term, descriptor, key_of, pseudonym
from cotheme.domain.deid_groups import group_key, with_possessive
from cotheme.domain.reanchor import from_edits
from cotheme.errors import InvalidArgument
from cotheme.services import deid_key, revisions
from cotheme.services.coding import resolve_document
from cotheme.storage import deid as repo
from cotheme.storage import deid_review
from cotheme.storage import documents as docs_repo
from cotheme.storage import revisions as rev_repo
from cotheme.storage.store import Store
from cotheme.domain.plural import counted

_PERSON_LABEL = re.compile(r"^\[Person ([A-Z]+)\]$")


def apply(
    store: Store, *, passphrase: str | None, key_path: Path, min_score: float | None = None,
    author: str | None = None, documents: list[str] | None = None,
) -> ApplyReport:
    """Apply accepted (and proposed) replacements, plus undecided ones scoring at least ``min_score``."""
    if not passphrase:
        raise InvalidArgument(f"deid apply needs the key's passphrase: type it when asked, or set {deid_key.PASSPHRASE_ENV}.")
    if min_score is not None and not 0 <= min_score <= 1:
        raise InvalidArgument("--min-score is a confidence between 0 and 1, e.g. 0.8.")
    key = deid_key.load(key_path, passphrase)  # a wrong passphrase stops here, before any change
    applied = []
    with store.write() as conn:
        ids = ([resolve_document(conn, d) for d in documents] if documents
               else list(repo.deidentified_documents(conn)))
        listed = {key_of(t.term): t for t in repo.list_terms(conn)}
        author_id = revisions.author_id_of(conn, author)
        for doc_id in ids:
            applied.append(_apply_one(conn, doc_id, key, listed, min_score, author_id))
        deid_key.save(key_path, key, passphrase)
    return ApplyReport(tuple(a for a in applied if a is not None), str(key_path), len(key.entries))


def _apply_one(conn: Connection, doc_id: int, key: deid_key.Key, listed: dict[str, Term],
               min_score: float | None, author_id: int | None) -> AppliedDocument | None:
    rev_id, number, text = rev_repo.lock_current(conn, doc_id)
    title = docs_repo.read_document(conn, doc_id).title
    rows = repo.candidate_rows(conn, doc_id=doc_id)
    chosen = [r for r in rows if r.status in ("accepted", "proposed")
              or (r.status == "open" and min_score is not None and r.score >= min_score)]
    undecided = sum(1 for r in rows if r.status == "open" and r not in chosen)
    scan = repo.scan_of(conn, rev_id)
    done = scan is not None and undecided == 0
    edits: list[tuple[int, int, str]] = []
    speakers: dict[str, str] = {}
    counts: Counter[tuple[str, str]] = Counter()
    for r in sorted(chosen, key=lambda r: (r.field, r.start_offset or 0, -(r.end_offset or 0))):
        replacement = _replacement(r, key, listed)
        key.add(r.original, replacement, r.kind, title)
        written = with_possessive(replacement, r.original)
        if r.field == "speaker":
            speakers[r.original] = written
            counts[(r.kind, written)] += 1
        elif not edits or r.start_offset >= edits[-1][1]:
            edits.append((r.start_offset, r.end_offset, written))
            counts[(r.kind, written)] += 1
    if not edits and not speakers:
        if done and scan is not None:
            rev_repo.set_deidentified(conn, rev_id)
        return None if scan is None else AppliedDocument(doc_id, title, 0, number, done, undecided, {})
    change = from_edits(text, edits)
    result = revisions.apply_change(
        conn, doc_id, title, rev_id, number, change, author_id=author_id,
        reason=f"de-identified: {counted(len(edits) + len(speakers), 'replacement')}", replacements=len(edits) + len(speakers),
        deidentified=done, speakers=speakers,
    )
    repo.delete_candidates(conn, [r.id for r in chosen])
    deid_review.record_replaced(conn, result.revision_id, doc_id, counts)
    repo.record_scan(conn, result.revision_id, scan or "patterns+list")
    return AppliedDocument(doc_id, title, len(edits) + len(speakers), result.revision, done, undecided, result.codings)


def _replacement(row: Any, key: deid_key.Key, listed: dict[str, Term]) -> str:
    if row.replacement:
        return str(row.replacement)
    term = listed.get(key_of(row.original)) or listed.get(group_key(row.original))
    if term is not None and term.replacement:
        return term.replacement
    earlier = key.replacement(row.original)
    if earlier is not None:
        return earlier
    if row.kind != Kind.PERSON:
        return descriptor(row.kind)
    used = {m.group(1) for label in key.labels() if (m := _PERSON_LABEL.match(label))}
    return pseudonym("", len(used))
