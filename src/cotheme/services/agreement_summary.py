"""The methods report's "Agreement between coders" section, from what the project holds.

Owns choosing what to report without being asked: the pair of coders who double-coded the most
transcripts (``domain.double_coding`` says what counts: assigned to both, or coded by both with at least
one code in common), their agreement on those transcripts only (as ``cotheme agreement`` computes it,
turn units, no bootstrap), and saying plainly when nothing can be or was computed (reflexive mode; no
transcript double-coded, even if several people coded one with different codes).
"""

from __future__ import annotations

from cotheme.domain.double_coding import coded_by_several, double_coded
from cotheme.errors import CothemeError
from cotheme.services.agreement import REFLEXIVE_KEY, agreement
from cotheme.storage import agreement as repo
from cotheme.storage import assignments, study
from cotheme.storage.store import Store
from cotheme.domain.plural import counted


def _fmt(value: float | None) -> str:
    return "undefined" if value is None else f"{value:.2f}"


def agreement_lines(store: Store) -> tuple[str, ...]:
    with store.read() as conn:
        reflexive = study.read_setting(conn, REFLEXIVE_KEY) == "on"
        codes = repo.codes_by_document(conn)
        assigned: dict[int, set[int]] = {}
        for given in assignments.list_assignments(conn):
            assigned.setdefault(given.document_id, set()).add(given.member_id)
        names = {m.id: m.name for m in study.list_members(conn)}
    if reflexive:
        return ("The project is in reflexive mode: agreement between coders was deliberately not computed; "
                "coders' differences were listed for discussion ('cotheme agreement').",)
    shared = double_coded(codes, assigned)
    if not shared:
        return _none_double_coded(coded_by_several(codes))
    double = len({doc for docs in shared.values() for doc in docs})
    (a, b), docs = max(shared.items(), key=lambda kv: (len(kv[1]), [-x for x in kv[0]]))
    try:
        report = agreement(store, [str(a), str(b)], [str(d) for d in sorted(docs)], bootstrap=0)
    except CothemeError as refused:  # e.g. blind transcripts, which only their coders may compare
        return (f"Agreement between coders was not computed: {refused}",)
    lines = [f"{double} of {len(codes)} coded transcripts were double-coded (assigned to more than one coder, or "
             "coded by two people who applied at least one same code to it)."]
    overall = report.overall
    if overall is None:
        lines.append(f"{names.get(a, a)} and {names.get(b, b)} coded {counted(len(docs), 'transcript')} in common, "
                     "with no code to compare.")
        return tuple(lines)
    kappa = f", Cohen's kappa {_fmt(overall.cohen_kappa.value)}" if overall.cohen_kappa is not None else ""
    lines.append(
        f"{names.get(a, a)} and {names.get(b, b)} both coded {counted(len(docs), 'transcript')} "
        f"({', '.join(report.documents)}): Krippendorff's alpha {_fmt(overall.krippendorff_alpha.value)}{kappa} "
        f"over {report.units} speaker turns "
        f"x {len(report.codes)} codes (each code present or absent in each turn; 'cotheme agreement')."
    )
    return tuple(lines)


def _none_double_coded(several: int) -> tuple[str, ...]:
    lines = ["No transcript was double-coded, so no agreement between coders is reported."]
    if several:
        lines.append(f"{counted(several, 'transcript')} were coded by more than one person, but with different codes and "
                     "not assigned to more than one coder, so their codings are not compared.")
    return tuple(lines)
