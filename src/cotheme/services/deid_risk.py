"""The residual risk report for an ethics committee: per transcript, what kinds de-identification
replaced (counts only) and what is left in the text that still looks like an identifier.

Owns running the detectors (patterns, the team's list, the named-entity model when installed) over
each current, de-identified text, and leaving out what is not a risk: the placeholders written there
and the strings the team rejected (on the reject list, or rejected candidates of that revision).
Never reads the key file and never reports an original that was replaced: replaced things appear only
as kinds and counts; leftovers are shown because they are still in the text. Detection runs outside any
transaction and nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence

from cotheme.domain.deid import speaker_score
from cotheme.domain.deid_groups import (
    PLACEHOLDER, DocumentRisk, Leftover, RiskReport, group_key, placeholder_spans, sentence_around,
)
from cotheme.services import deid, deid_gazetteer, deid_model
from cotheme.services.coding import resolve_document
from cotheme.storage import deid as repo
from cotheme.storage import deid_review
from cotheme.storage import documents as docs_repo
from cotheme.storage import study
from cotheme.storage.store import Store


def report(store: Store, documents: Sequence[str | int] | None = None, *, use_model: bool = True) -> RiskReport:
    """The residual risk of each transcript (all when none named) at its current revision."""
    with store.read() as conn:
        ids = [resolve_document(conn, str(d)) for d in documents] if documents else [
            s.id for s in docs_repo.summaries(conn)]
        docs = [docs_repo.read_document(conn, i) for i in ids]
        listed = repo.list_terms(conn)
        replaced = deid_review.replaced_by_document(conn)
        written = deid_review.replacements(conn)
        status = repo.deidentified_documents(conn)
        rejected_rows = repo.candidate_rows(conn, statuses=["rejected"])
        title = study.read_info(conn).title
    model, note = _model(use_model)
    ignored = {group_key(t.term) for t in listed if t.decision == "ignore"}
    identify = [t for t in listed if t.decision == "identify"]
    out = []
    for doc in docs:
        rejected_spans = [(r.start_offset, r.end_offset) for r in rejected_rows
                          if r.document_id == doc.id and r.field == "text"]
        rejected_labels = {group_key(r.original) for r in rejected_rows if r.document_id == doc.id and r.field == "speaker"}
        covered = placeholder_spans(doc.text, written)
        leftovers, dropped = [], 0
        found = deid.detect(doc.text, [(t.start, t.end) for t in doc.turns], identify, use_model=model is not None,
                            speakers=doc.speakers)
        for f in found:
            if any(s < f.end and f.start < e for s, e in covered):
                continue
            if group_key(f.text) in ignored or any(s < f.end and f.start < e for s, e in rejected_spans):
                dropped += 1
                continue
            sentence, start, end = sentence_around(doc.text, f.start, f.end)
            leftovers.append(Leftover(f.text, f.kind.value, round(f.score, 3), f.source,
                                      f"{sentence[:start]}«{sentence[start:end]}»{sentence[end:]}"))
        for label in doc.speakers:
            if PLACEHOLDER.fullmatch(label.strip()) or label in written:
                continue
            score = speaker_score(label, identify)
            if score is None:
                continue
            if group_key(label) in ignored or group_key(label) in rejected_labels:
                dropped += 1
                continue
            leftovers.append(Leftover(label, "person", score, "label", f"Speaker label: {label}", "speaker"))
        out.append(DocumentRisk(doc.id, doc.title, doc.revision, status.get(doc.id, ("", False))[1],
                                dict(sorted(replaced.get(doc.id, {}).items())), tuple(leftovers), dropped))
    detectors = "patterns+list+rules+" + deid_gazetteer.describe() + (f"+{model}" if model else "")
    return RiskReport(title, tuple(out), detectors, note)


def _model(use_model: bool) -> tuple[str | None, str]:
    if not use_model:
        return None, "The named-entity model was not used (--no-model): patterns and the project's list only."
    if deid_model.model_version() is None:
        return None, ("No named-entity model is installed, so names, places and organisations were looked for "
                      "only with patterns and the project's list; "
                      f"{deid_model.HOW_TO_ENABLE} for a fuller check.")
    try:
        deid_model.load()
    except (ImportError, OSError) as exc:
        return None, f"The named-entity model could not be loaded ({exc}); patterns and the project's list only."
    return deid_model.describe(), ""
