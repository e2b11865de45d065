"""The methods report's "Agreement between coders" section, from what the project holds.

Owns choosing what to report without being asked: the pair of coders who coded the most transcripts in
common, their agreement on those transcripts (as ``cotheme agreement`` computes it, turn units, no
bootstrap), and saying plainly when nothing can be or was computed (reflexive mode; no transcript
coded twice).
"""

from __future__ import annotations

from itertools import combinations

from cotheme.errors import CothemeError
from cotheme.services.agreement import REFLEXIVE_KEY, agreement
from cotheme.storage import agreement as repo
from cotheme.storage import study
from cotheme.storage.store import Store


def _fmt(value: float | None) -> str:
    return "undefined" if value is None else f"{value:.2f}"


def agreement_lines(store: Store) -> tuple[str, ...]:
    with store.read() as conn:
        reflexive = study.read_setting(conn, REFLEXIVE_KEY) == "on"
        by_doc = repo.coders_by_document(conn)
        names = {m.id: m.name for m in study.list_members(conn)}
    if reflexive:
        return ("The project is in reflexive mode: agreement between coders was deliberately not computed; "
                "coders' differences were listed for discussion ('cotheme agreement').",)
    shared: dict[tuple[int, int], list[int]] = {}
    for doc_id, coders in by_doc.items():
        for pair in combinations(sorted(coders), 2):
            shared.setdefault(pair, []).append(doc_id)
    double = sum(1 for coders in by_doc.values() if len(coders) > 1)
    if not shared:
        return ("No transcript was coded by more than one person, so agreement between coders was not computed.",)
    (a, b), docs = max(shared.items(), key=lambda kv: (len(kv[1]), [-x for x in kv[0]]))
    try:
        report = agreement(store, [str(a), str(b)], [str(d) for d in sorted(docs)], bootstrap=0)
    except CothemeError as refused:  # e.g. blind transcripts, which only their coders may compare
        return (f"Agreement between coders was not computed: {refused}",)
    lines = [f"{double} of {len(by_doc)} coded transcripts were coded by more than one person."]
    overall = report.overall
    if overall is None:
        lines.append(f"{names.get(a, a)} and {names.get(b, b)} coded {len(docs)} transcript(s) in common, "
                     "with no code to compare.")
        return tuple(lines)
    kappa = f", Cohen's kappa {_fmt(overall.cohen_kappa.value)}" if overall.cohen_kappa is not None else ""
    lines.append(
        f"{names.get(a, a)} and {names.get(b, b)} both coded {len(docs)} transcript(s) "
        f"({', '.join(report.documents)}): Krippendorff's alpha {_fmt(overall.krippendorff_alpha.value)}{kappa} "
        f"over {report.units} speaker turns "
        f"x {len(report.codes)} codes (each code present or absent in each turn; 'cotheme agreement')."
    )
    return tuple(lines)
