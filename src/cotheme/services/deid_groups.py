"""Review of de-identification candidates by string: every candidate of one string (any case, any
spacing, with or without a possessive "'s") across all transcripts is one group, accepted or rejected
everywhere in one action, and a rejected string goes on the project's reject list so later scans leave
it out.

Owns grouping (count, kind, confidence, status, placeholder and the sentence around each hit),
filtering by kind and confidence, the decision on a whole group (with its undo) and the reject list.
Must not detect anything (``services.deid`` scans) nor write transcripts (``services.deid_apply``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import Connection

from cotheme.domain.deid import Found, Kind, Term, key_of
from cotheme.domain.deid_groups import (
    CandidateGroup, GroupContext, GroupDecision, base_form, group_key, sentence_around,
)
from cotheme.domain.text import canonical
from cotheme.errors import InvalidArgument, NotFound
from cotheme.services.deid import default_replacement
from cotheme.services.members import resolve_coder
from cotheme.storage import deid as repo
from cotheme.storage import deid_review
from cotheme.storage import documents as docs_repo
from cotheme.storage import study
from cotheme.storage.store import Store

GROUP_STATUSES = ("undecided", "open", "proposed", "accepted", "rejected", "mixed")
DECISIONS = ("accept", "reject", "undo")
#: Sentences kept per group (the page shows a few and expands to the rest).
MAX_CONTEXTS = 20


def check_kind(kind: str | None) -> str | None:
    if kind is None or not kind.strip():
        return None
    value = kind.strip().lower()
    if value not in Kind._value2member_map_:
        raise InvalidArgument(f"'{kind}' is not a kind; use one of {', '.join(k.value for k in Kind)}.")
    return value


def check_confidence(value: float | None) -> float | None:
    if value is not None and not 0 <= value <= 1:
        raise InvalidArgument("--min-confidence is a confidence between 0 and 1, e.g. 0.7.")
    return value


def groups(store: Store, *, kind: str | None = None, min_confidence: float | None = None,
           status: str | None = None) -> list[CandidateGroup]:
    """Candidates of the current revisions grouped by string, most confident first."""
    kind, min_confidence = check_kind(kind), check_confidence(min_confidence)
    if status is not None and status not in GROUP_STATUSES:
        raise InvalidArgument(f"'{status}' is not a status; use one of {', '.join(GROUP_STATUSES)}.")
    with store.read() as conn:
        rows = deid_review.current_candidates(conn)
        listed = {key_of(t.term): t for t in repo.list_terms(conn)}
        by_key: dict[str, list[Any]] = defaultdict(list)
        for r in rows:
            by_key[group_key(r.original)].append(r)
        shown = {key: _spread(members)[:MAX_CONTEXTS] for key, members in by_key.items()}
        texts = deid_review.revision_texts(conn, [r.revision_id for s in shown.values() for r in s if r.field == "text"])
    out = [_group(key, members, shown[key], texts, listed) for key, members in by_key.items() if key]
    out = [g for g in out if (kind is None or g.kind == kind)
           and (min_confidence is None or g.confidence >= min_confidence)
           and (status is None or g.status == status
                or (status == "undecided" and g.status in ("open", "proposed", "mixed")))]
    return sorted(out, key=lambda g: (-g.confidence, -g.count, g.key))


def _group(key: str, rows: list[Any], shown: list[Any], texts: dict[int, str], listed: dict[str, Term]) -> CandidateGroup:
    string = Counter(base_form(r.original) for r in rows).most_common(1)[0][0]
    kind = Counter(r.kind for r in rows).most_common(1)[0][0]
    statuses = {r.status for r in rows}
    status = statuses.pop() if len(statuses) == 1 else "mixed"
    chosen = next((r.replacement for r in rows if r.status in ("accepted", "proposed") and r.replacement), None)
    placeholder = chosen or default_replacement(string, kind, listed)
    contexts = []
    for r in shown:
        if r.field == "speaker":
            contexts.append(GroupContext(r.id, r.title, f"Speaker label: {r.original}", None, None))
        else:
            sentence, start, end = sentence_around(texts[r.revision_id], r.start_offset, r.end_offset)
            contexts.append(GroupContext(r.id, r.title, sentence, start, end))
    return CandidateGroup(
        key=key, string=string, kind=kind, count=len(rows), documents=len({r.document_id for r in rows}),
        confidence=round(max(r.score for r in rows), 3), status=status, placeholder=placeholder,
        sources=tuple(sorted({r.source for r in rows})), contexts=tuple(contexts),
    )


def _spread(rows: list[Any]) -> list[Any]:
    """Occurrences in turn from each transcript (first of each, then second of each, ...), so the few
    contexts shown come from as many transcripts as possible."""
    seen: Counter[int] = Counter()
    ranked = []
    for r in rows:
        ranked.append((seen[r.document_id], r.document_id, r.field != "speaker", r.start_offset or 0, r))
        seen[r.document_id] += 1
    return [item[-1] for item in sorted(ranked, key=lambda t: t[:4])]


def decide_string(store: Store, string: str, decision: str, *, placeholder: str | None = None,
                  member: str | None = None) -> GroupDecision:
    """Accept (with an optional placeholder of one's own), reject or undo every candidate of ``string``.

    Accepting also finds the string where no scan proposed it (a name the model missed in another
    transcript) and takes it off the reject list; rejecting puts it on the reject list, so later scans
    leave it out; undo makes the group undecided again and takes it off the reject list.
    """
    if decision not in DECISIONS:
        raise InvalidArgument(f"'{decision}' is not a decision; use accept, reject or undo.")
    base = base_form(string)
    key = group_key(string)
    if not key:
        raise InvalidArgument("Give the string to decide on, e.g. \"Priya\".")
    chosen: str | None = None
    shown: str | None = None
    if placeholder is not None:
        chosen = canonical(placeholder).strip()
        if not chosen:
            raise InvalidArgument("A replacement cannot be empty; write e.g. \"[participant's sister]\".")
    with store.write() as conn:
        rows = [r for r in deid_review.current_candidates(conn) if group_key(r.original) == key]
        if not rows and decision != "reject":
            raise NotFound(f"No candidate is '{base}'; see 'cotheme deid review PROJECT --by-string'.")
        who = _member_id(conn, member) if decision != "undo" else None
        ids = [r.id for r in rows]
        if rows:
            base = Counter(base_form(r.original) for r in rows).most_common(1)[0][0]
        added = 0
        listed = repo.find_term(conn, base)
        if decision == "accept":
            deid_review.set_status(conn, ids, "accepted", chosen, who)
            if listed is not None and listed.decision == "ignore":
                repo.delete_term(conn, base)
            kind = Counter(r.kind for r in rows).most_common(1)[0][0]
            added = _elsewhere(conn, base, Kind(kind), max(r.score for r in rows), chosen)
            terms = {key_of(t.term): t for t in repo.list_terms(conn)}
            shown = chosen or next((r.replacement for r in rows if r.replacement), None) or default_replacement(
                base, kind, terms)
        elif decision == "reject":
            deid_review.set_status(conn, ids, "rejected", None, who)
            repo.save_term(conn, base, "ignore", "", "")
        else:
            deid_review.set_status(conn, ids, "open", None, None)
            if listed is not None and listed.decision == "ignore":
                repo.delete_term(conn, base)
        on_list = decision == "reject"
    return GroupDecision(base, decision, len(ids) + added, added, shown, on_list)


def _elsewhere(conn: Connection, base: str, kind: Kind, score: float, replacement: str | None) -> int:
    """Occurrences of an accepted string that no scan proposed: whole words, any case, in every
    document's current revision (a possessive "'s" stays in the text)."""
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in base.split()) + r"(?!\w)", re.I)
    added = 0
    for summary in docs_repo.summaries(conn):
        doc = docs_repo.read_document(conn, summary.id)
        found = [Found(m.start(), m.end(), m.group(), kind, "same", score, replacement)
                 for m in pattern.finditer(doc.text)]
        added += repo.add_found(conn, doc.id, doc.revision_id, found, "accepted")
    return added


def _member_id(conn: Connection, member: str | None) -> int | None:
    if member is None and len(study.list_members(conn)) != 1:
        return None
    return resolve_coder(conn, member, asking="who decides with --member NAME").id


# -- the reject list ---------------------------------------------------------------------------------
def rejected(store: Store) -> list[Term]:
    """The strings later scans leave out (the project list's ``ignore`` entries)."""
    with store.read() as conn:
        return [t for t in repo.list_terms(conn) if t.decision == "ignore"]


def unreject(store: Store, string: str) -> None:
    """Take ``string`` off the reject list (later scans propose it again)."""
    with store.write() as conn:
        term = repo.find_term(conn, base_form(string))
        if term is None or term.decision != "ignore":
            raise NotFound(f"'{string}' is not on the reject list; see 'cotheme deid names PROJECT'.")
        repo.delete_term(conn, term.term)
