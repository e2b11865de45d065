"""De-identification use cases: scan transcripts for identifiers, review the candidates, keep the team's
list of names, and the "de-identified exports only" rule that exports and reports call.

Owns the scan (patterns + the team's list + the named-entity model when installed; detection runs
outside the write transaction, results are stored in one), the decisions (accepting a candidate
proposes the same replacement for the same string everywhere in the project; rejecting can ignore a
string for good), and ``require_deidentified``. Applying accepted replacements is ``deid_apply``.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from cotheme.domain.deid import (
    Candidate, Decision, Found, Kind, ScannedDocument, ScanReport, Term, descriptor, key_of, pseudonym, speaker_score,
)
from cotheme.domain.deid_groups import group_key
from cotheme.domain.documents import Document
from cotheme.domain.text import canonical, word_count
from cotheme.errors import Conflict, InvalidArgument, NotFound
from cotheme.services import deid_detect, deid_gazetteer, deid_model
from cotheme.services.coding import resolve_document
from cotheme.services.members import resolve_coder
from cotheme.storage import deid as repo
from cotheme.storage import documents as docs_repo
from cotheme.storage import study
from cotheme.storage.store import Store

STATUSES = ("open", "proposed", "accepted", "rejected")


# -- the team's list --------------------------------------------------------------------------------
def add_term(store: Store, term: str, *, role: str = "", replacement: str = "", ignore: bool = False) -> Term:
    """Add a name to find (with its role: participant, staff, family, ...) or a string to ignore. A name
    without a replacement gets the next pseudonym of its role: staff -> "[Staff member A]", "[Staff member B]"."""
    clean = " ".join(term.split())
    if not clean:
        raise InvalidArgument("Give the name or string to add.")
    with store.write() as conn:
        if not ignore and not replacement.strip():
            same_role = [t for t in repo.list_terms(conn) if t.decision == "identify" and t.role == role.strip().lower()
                         and key_of(t.term) != key_of(clean)]
            replacement = pseudonym(role, len(same_role))
        repo.save_term(conn, clean, "ignore" if ignore else "identify", role.strip().lower(), replacement.strip())
        found = repo.find_term(conn, clean)
        assert found is not None
        return found


def remove_term(store: Store, term: str) -> None:
    with store.write() as conn:
        if not repo.delete_term(conn, term):
            raise NotFound(f"'{term}' is not on the project's list; see 'cotheme deid names PROJECT'.")


def terms(store: Store) -> list[Term]:
    with store.read() as conn:
        return repo.list_terms(conn)


# -- scanning ---------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Scanned:
    document: Document
    found: list[Found]
    speakers: list[tuple[str, float]]


def scan(store: Store, documents: Sequence[str | int] | None = None, *, use_model: bool = True) -> ScanReport:
    """Find candidate identifiers in the current revision of each document (all when none named)."""
    began = time.perf_counter()
    with store.read() as conn:
        ids = [resolve_document(conn, str(d)) for d in documents] if documents else [
            s.id for s in docs_repo.summaries(conn)]
        docs = [docs_repo.read_document(conn, i) for i in ids]
        listed = repo.list_terms(conn)
    model, note = _model(use_model)
    ignored = {group_key(t.term) for t in listed if t.decision == "ignore"}
    results = [_scan_one(doc, listed, ignored, model is not None) for doc in docs]
    detectors = "patterns+list+rules+" + deid_gazetteer.describe() + (f"+{model}" if model else "")
    report = []
    with store.write() as conn:
        proposals = repo.accepted_strings(conn)
        for item in results:
            doc = item.document
            if docs_repo.current_revision(conn, doc.id) != doc.revision_id:
                raise Conflict(f"'{doc.title}' was edited during the scan; nothing was stored. Scan again.")
            repo.replace_open(conn, doc.id, doc.revision_id, "text", item.found, proposals, item.speakers)
            repo.record_scan(conn, doc.revision_id, detectors)
            kinds = Counter(f.kind.value for f in item.found) + Counter("speaker" for _ in item.speakers)
            report.append(ScannedDocument(doc.id, doc.title, doc.revision, len(item.found) + len(item.speakers), dict(kinds)))
    words = sum(word_count(r.document.text) for r in results)
    return ScanReport(tuple(report), model, note, round(time.perf_counter() - began, 3), words)


def _model(use_model: bool) -> tuple[str | None, str]:
    if not use_model:
        return None, "The named-entity model was not used (--no-model); patterns and the project's list only."
    if deid_model.model_version() is None:
        return None, ("No named-entity model is installed, so only patterns and the project's list were used; "
                      f"to find names, places and organisations too, {deid_model.HOW_TO_ENABLE}.")
    try:
        deid_model.load()
    except (ImportError, OSError) as exc:
        return None, f"The named-entity model could not be loaded ({exc}); patterns and the project's list only."
    return deid_model.describe(), ""


def detect(text: str, units: Sequence[tuple[int, int]], listed: Sequence[Term], *, use_model: bool,
           speakers: Sequence[str] = ()) -> list[Found]:
    """Every candidate in ``text``: patterns, the team's list and the speaker labels' names, context
    rules, gazetteers, and the model over each unit (turn); see ``services.deid_detect``."""
    return deid_detect.detect(text, units, listed, use_model=use_model, speakers=speakers)


def _scan_one(doc: Document, listed: Sequence[Term], ignored: set[str], use_model: bool) -> _Scanned:
    found = [f for f in detect(doc.text, [(t.start, t.end) for t in doc.turns], listed, use_model=use_model,
                               speakers=doc.speakers)
             if group_key(f.text) not in ignored]
    speakers = []
    for label in doc.speakers:
        score = speaker_score(label, listed)
        if score is not None and group_key(label) not in ignored:
            speakers.append((label, score))
    return _Scanned(doc, found, speakers)


# -- reviewing --------------------------------------------------------------------------------------
def candidates(store: Store, *, document: str | int | None = None, status: str | None = None) -> list[Candidate]:
    """Candidates on the current revision of each document, in reading order (speaker labels first)."""
    if status is not None and status not in STATUSES:
        raise InvalidArgument(f"'{status}' is not a status; use one of {', '.join(STATUSES)}.")
    with store.read() as conn:
        doc_id = resolve_document(conn, str(document)) if document is not None else None
        listed = {key_of(t.term): t for t in repo.list_terms(conn)}
        rows = repo.candidate_rows(conn, doc_id=doc_id, statuses=[status] if status else None)
        return [_candidate(r, listed) for r in rows]


def _candidate(r: Any, listed: dict[str, Term]) -> Candidate:
    proposed = r.replacement or default_replacement(r.original, r.kind, listed)
    context = ""
    if r.field == "text":
        before = r.text[max(0, r.start_offset - 30) : r.start_offset].split("\n")[-1]
        after = r.text[r.end_offset : r.end_offset + 30].split("\n")[0]
        context = f"{before}«{r.original}»{after}"
    return Candidate(id=r.id, document_id=r.document_id, document=r.title, revision=r.number, field=r.field,
                     start=r.start_offset, end=r.end_offset, original=r.original, kind=r.kind, source=r.source,
                     score=round(r.score, 3), status=r.status, replacement=r.replacement, proposed=proposed,
                     context=context)


def default_replacement(original: str, kind: str, listed: dict[str, Term]) -> str:
    """What a candidate becomes unless a person says otherwise: the list's pseudonym for a listed name,
    a consistent "[Person A]" chosen at apply for other people, a bracketed descriptor for the rest."""
    term = listed.get(key_of(original))
    if term is not None and term.replacement:
        return term.replacement
    return "[Person …]" if kind == Kind.PERSON else descriptor(kind)


def decide(store: Store, candidate_id: int, decision: str, *, replacement: str | None = None,
           member: str | None = None, everywhere: bool = False) -> Decision:
    """Accept (optionally with a replacement of one's own) or reject one candidate.

    Accepting proposes the same replacement for every undecided candidate of the same string in the
    project (``everywhere``: accepts them all at once). Rejecting with ``everywhere`` rejects them all
    and puts the string on the list of strings never to propose again.
    """
    if decision not in ("accept", "reject"):
        raise InvalidArgument(f"'{decision}' is not a decision; use accept or reject.")
    with store.write() as conn:
        row = _row(conn, candidate_id)
        who = _member_id(conn, member)
        if decision == "accept":
            chosen = canonical(replacement).strip() if replacement is not None else row.replacement
            if replacement is not None and not chosen:
                raise InvalidArgument("A replacement cannot be empty; write e.g. \"[participant's sister]\".")
            repo.decide(conn, candidate_id, "accepted", chosen, who)
            status = "accepted" if everywhere else "proposed"
            same = repo.propose_same(conn, row.original, chosen, candidate_id, status, who)
            same += _same_string_elsewhere(conn, row, chosen, status)
        else:
            repo.decide(conn, candidate_id, "rejected", row.replacement, who)
            same = 0
            if everywhere:
                same = repo.propose_same(conn, row.original, None, candidate_id, "rejected", who)
                repo.save_term(conn, row.original, "ignore", "", "")
        listed = {key_of(t.term): t for t in repo.list_terms(conn)}
        return Decision(_candidate(_row(conn, candidate_id), listed), same)


def _same_string_elsewhere(conn: Connection, row: Any, replacement: str | None, status: str) -> int:
    """Occurrences of an accepted string that no scan proposed (a name the model missed in another
    transcript): whole words, any case, in every document's current revision."""
    if row.field != "text" or not row.original.strip():
        return 0
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in row.original.split()) + r"(?!\w)", re.I)
    added = 0
    for summary in docs_repo.summaries(conn):
        doc = docs_repo.read_document(conn, summary.id)
        found = [Found(m.start(), m.end(), m.group(), Kind(row.kind), "same", row.score, replacement)
                 for m in pattern.finditer(doc.text)]
        added += repo.add_found(conn, doc.id, doc.revision_id, found, status)
    return added


def _row(conn: Connection, candidate_id: int) -> Any:
    rows = repo.candidate_rows(conn, candidate_id=candidate_id, current_only=False)
    if not rows:
        raise NotFound(f"There is no candidate {candidate_id}; see 'cotheme deid review PROJECT'.")
    return rows[0]


def _member_id(conn: Connection, member: str | None) -> int | None:
    if member is None and len(study.list_members(conn)) != 1:
        return None
    return resolve_coder(conn, member, asking="who decides with --member NAME").id


# -- the rule for exports and reports ---------------------------------------------------------------
def set_exports_only(store: Store, on: bool) -> None:
    """Set the project setting "de-identified exports only"."""
    with store.write() as conn:
        study.write_settings(conn, {repo.EXPORTS_ONLY_KEY: "true" if on else "false"})


def exports_only(store: Store) -> bool:
    with store.read() as conn:
        return study.read_setting(conn, repo.EXPORTS_ONLY_KEY) == "true"


def deidentified_documents(store: Store) -> set[int]:
    """Ids of the documents whose current revision is marked de-identified."""
    with store.read() as conn:
        return {i for i, (_, ok) in repo.deidentified_documents(conn).items() if ok}


def require_deidentified(store: Store, document_ids: Sequence[int] | None = None, *, always: bool = False,
                         action: str = "export") -> None:
    """Refuse (``Conflict``) when the project allows only de-identified exports (or ``always``, e.g. an
    export's ``--deidentified-only``) and a document to be used is not de-identified at its current
    revision. Exports and reports call this before writing anything."""
    with store.read() as conn:
        if not always and study.read_setting(conn, repo.EXPORTS_ONLY_KEY) != "true":
            return
        status = repo.deidentified_documents(conn)
    wanted = status if document_ids is None else {i: status[i] for i in document_ids if i in status}
    missing = [title for title, ok in wanted.values() if not ok]
    if missing:
        names = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        raise Conflict(
            f"This {action} may use only de-identified transcripts, and {len(missing)} are not de-identified at "
            f"their current revision: {names}. Run 'cotheme deid scan' and 'cotheme deid apply' first; "
            "nothing was written."
        )
