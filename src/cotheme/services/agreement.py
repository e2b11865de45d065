"""Agreement between coders on a set of documents, per code and overall, and reflexive mode.

Owns which codings are compared (the chosen coders' codings on the current revision of the chosen
documents; codings waiting in the review queue are left out and counted), the default document set
(every document each chosen coder has coded), and the project setting "reflexive mode": when on, the
report carries the differences only and no score (``cotheme.domain.agreement_report``). A blind
document is compared only by those who may see every coder's codings there (leads, until it is
revealed): anyone else would be comparing against codings hidden from them. The coefficients are ``cotheme.domain.agreement`` (units from ``agreement_units``) and
``cotheme.domain.unitizing``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from cotheme.domain.agreement_report import AgreementReport, CodeAgreement, Difference, excerpt
from cotheme.domain.agreement_units import CodedSpan, Segment, UnitKind, segments
from cotheme.domain.documents import Document
from cotheme.domain.project import Member
from cotheme.errors import Conflict, InvalidArgument, NotFound
from cotheme.services.codebook import code_paths
from cotheme.services.coding import resolve_document
from cotheme.storage import agreement as repo
from cotheme.storage import documents as docs_repo
from cotheme.storage import study
from cotheme.storage.store import Store
from cotheme.storage.visibility import scope

if TYPE_CHECKING:  # numpy and the coefficients load when agreement is computed, not with the services
    import numpy as np
    from numpy.typing import NDArray

    from cotheme.domain.agreement import Reliability
    from cotheme.domain.unitizing import Continuum, UnitizingResult

#: The settings key of reflexive mode ("on"/"off").
REFLEXIVE_KEY = "reflexive_mode"


def set_reflexive_mode(store: Store, on: bool) -> None:
    """Turn reflexive mode on (agreement shows differences only, no scores) or off."""
    with store.write() as conn:
        study.write_settings(conn, {REFLEXIVE_KEY: "on" if on else "off"})


def reflexive_mode(store: Store) -> bool:
    with store.read() as conn:
        return study.read_setting(conn, REFLEXIVE_KEY) == "on"


def find_member(conn: Connection, ref: str) -> Member:
    """A member by id (digits) or name (ignoring case)."""
    ref = ref.strip()
    everyone = study.list_members(conn)
    found = next((m for m in everyone if ref.isdigit() and m.id == int(ref)), None) or study.find_member(conn, ref)
    if found is None:
        names = ", ".join(m.name for m in everyone) or "none yet"
        raise NotFound(f"No member is called '{ref}' (members: {names}).")
    return found


def resolve_coders(conn: Connection, refs: Sequence[str], *, exactly: int | None = None) -> list[Member]:
    """The distinct members named in ``refs`` (at least two, or ``exactly`` that many)."""
    people: list[Member] = []
    for ref in (r for r in refs if r.strip()):
        member = find_member(conn, ref)
        if member.id not in {p.id for p in people}:
            people.append(member)
    if exactly is not None and len(people) != exactly:
        raise InvalidArgument(f"Name exactly {exactly} different coders, e.g. --coders \"NAME,NAME\".")
    if len(people) < 2:
        raise InvalidArgument("Name at least two different coders, e.g. --coders \"NAME,NAME\".")
    return people


def refuse_blind(conn: Connection, document_ids: Sequence[int]) -> None:
    """Comparing coders needs everyone's codings: refuse a blind document to whoever may not see them
    (everyone but leads, until a lead reveals it), rather than compare against codings hidden from them."""
    if scope() is None:
        return
    hidden = repo.blind_titles(conn, document_ids)
    if hidden:
        raise Conflict(f"{', '.join(hidden)} is blind: only a lead can compare coders there until it is revealed.")


def _documents(conn: Connection, refs: Sequence[str] | None, coders: list[Member]) -> list[Document]:
    if refs:
        ids = list(dict.fromkeys(resolve_document(conn, r) for r in refs if r.strip()))
    else:
        ids = repo.documents_coded_by(conn, [c.id for c in coders])
        if not ids:
            raise InvalidArgument(
                f"{' and '.join(c.name for c in coders)} have not all coded any same document; "
                "choose the documents to compare (--docs)."
            )
    refuse_blind(conn, ids)
    return [docs_repo.read_document(conn, i) for i in ids]


@dataclass(frozen=True, slots=True)
class _Table:
    """The reliability data of one run: units, their (codes, units, coders) values, weights, groups."""

    units: list[Segment]
    values: NDArray[np.int64]
    weights: NDArray[np.int64]
    groups: NDArray[np.int64]


def _table(docs: Sequence[Document], spans: Sequence[CodedSpan], codes: Sequence[int], coders: int,
           kind: UnitKind) -> _Table:
    import numpy as np

    from cotheme.domain.agreement_units import coded_values

    by_doc: dict[int, list[CodedSpan]] = {}
    for s in spans:
        by_doc.setdefault(s.document_id, []).append(s)
    units: list[Segment] = []
    for doc in docs:
        units += segments(doc.id, doc.text, doc.turns, kind, by_doc.get(doc.id, []))
    weights = np.array([u.weight for u in units], dtype=np.int64)
    if kind is UnitKind.CHAR:  # resample whole turns: neighbouring characters are not independent
        keys = {key: i for i, key in enumerate(dict.fromkeys((u.document_id, u.turn) for u in units))}
        groups = np.array([keys[(u.document_id, u.turn)] for u in units], dtype=np.int64)
    else:
        groups = np.arange(len(units), dtype=np.int64)
    return _Table(units, coded_values(units, spans, codes, coders), weights, groups)


def _continua(docs: Sequence[Document], spans: Sequence[CodedSpan], codes: Sequence[int], coders: int
              ) -> dict[object, list[Continuum]]:
    """For alpha_u: per code, per document, each coder's spans."""
    from cotheme.domain.unitizing import Continuum

    placed: dict[tuple[int, int, int], list[tuple[int, int]]] = {}
    for s in spans:
        placed.setdefault((s.code_id, s.document_id, s.coder), []).append((s.start, s.end))
    return {code: [Continuum(len(doc.text), tuple(tuple(placed.get((code, doc.id, i), ())) for i in range(coders)))
                   for doc in docs] for code in codes}


def agreement(
    store: Store,
    coders: Sequence[str],
    documents: Sequence[str] | None = None,
    *,
    unit: str | UnitKind = UnitKind.TURN,
    bootstrap: int = 1000,
    seed: int = 0,
) -> AgreementReport:
    """Agreement of ``coders`` (names or ids) on ``documents`` (default: every document all of them
    coded): per code and overall, with bootstrap intervals; differences only in reflexive mode."""
    import numpy as np

    from cotheme.domain.agreement import reliability
    from cotheme.domain.agreement_units import differences
    from cotheme.domain.unitizing import alpha_u_by_code

    kind = unit if isinstance(unit, UnitKind) else UnitKind.parse(unit)
    if bootstrap < 0 or bootstrap > 100_000:
        raise InvalidArgument("--bootstrap must be between 0 and 100000 resamples.")
    with store.read() as conn:
        people = resolve_coders(conn, coders)
        docs = _documents(conn, documents, people)
        rows = repo.coding_rows(conn, [d.id for d in docs], [p.id for p in people])
        paths = code_paths(conn)
        reflexive = study.read_setting(conn, REFLEXIVE_KEY) == "on"
    index = {p.id: i for i, p in enumerate(people)}
    names = [p.name for p in people]
    spans = [CodedSpan(r.id, r.document_id, r.code_id, index[r.coder_id], r.start, r.end)
             for r in rows if r.current and r.coder_id in index]
    codes = sorted({s.code_id for s in spans}, key=lambda c: paths.get(c, ""))
    table = _table(docs, spans, codes, len(people), kind)
    found = differences(table.units, table.values, codes, join_runs=kind is UnitKind.CHAR)
    by_id = {d.id: d for d in docs}
    diffs = tuple(
        Difference(d.document_id, by_id[d.document_id].title, d.start, d.end, d.speaker, d.code_id,
                   paths.get(d.code_id, ""), tuple(names[i] for i in d.coded_by),
                   tuple(names[i] for i in d.not_coded_by), excerpt(by_id[d.document_id].text[d.start:d.end]))
        for d in found
    )
    counted = Counter(d.code_id for d in found)
    scores: dict[int, Reliability] = {}
    overall: Reliability | None = None
    unitizing: UnitizingResult | None = None
    if not reflexive and codes:  # reflexive mode: no score is even computed
        for c, code in enumerate(codes):
            scores[code] = reliability(table.values[c], categories=(0, 1), weights=table.weights,
                                       groups=table.groups, bootstrap=bootstrap, seed=seed)
        overall = reliability(table.values.reshape(-1, len(people)), categories=(0, 1),
                              weights=np.tile(table.weights, len(codes)), groups=np.tile(table.groups, len(codes)),
                              bootstrap=bootstrap, seed=seed)
        unitizing = alpha_u_by_code(_continua(docs, spans, codes, len(people)), bootstrap=bootstrap, seed=seed)
    per_code = tuple(
        CodeAgreement(
            code_id=code, code=paths.get(code, ""),
            units_coded=tuple(int((table.values[c][:, i] * table.weights).sum()) for i in range(len(people))),
            differences=counted[code], scores=scores.get(code),
            alpha_u=unitizing.by_code[code] if unitizing is not None else None,
        )
        for c, code in enumerate(codes)
    )
    return AgreementReport(
        coders=tuple(names), documents=tuple(d.title for d in docs), unit=kind, units=int(table.weights.sum()),
        bootstrap=bootstrap, reflexive=reflexive, overall=overall,
        overall_alpha_u=unitizing.overall if unitizing is not None else None,
        codes=per_code, differences=diffs,
        left_out=sum(1 for r in rows if not r.current and r.coder_id in index),
    )
