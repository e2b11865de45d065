"""The assistant evaluated as a coder on the project's own codings: each coded passage is hidden in turn,
the codes are ranked for it from everything else, and the first choice is compared with what people
coded (top-1, top-3, and Cohen's kappa per code, with the number of codings each code had).

A passage is a span coded once or more (the same start and end in the same revision); hiding it hides all
its codings. Up to ``ONE_AT_A_TIME`` passages each is hidden on its own (leave one out); beyond that,
the passages are hidden in ``GROUPS`` interleaved groups, each ranked from the other groups' codings
(each group lacks 5% of them): one ranking is fitted per group, 0.3 CPU s for 285 codes and 2,850
codings, so a large project takes seconds rather than the hours of one fit per passage.

The last evaluation is kept in the project (a settings row) so the methods report can quote it without
loading the model. Must not change codings.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime

import numpy as np

from cotheme.domain.assist import AssistEvaluation, CodeAgreement
from cotheme.errors import Conflict
from cotheme.services import assist, assist_setting
from cotheme.services.assist_heads import Candidate, Ranker, suggestible
from cotheme.storage.store import Store

#: Passages hidden one at a time up to this many; beyond, in ``GROUPS`` interleaved groups.
ONE_AT_A_TIME = 200
GROUPS = 20


def _kappa(pred: np.ndarray, truth: np.ndarray) -> float | None:
    if not truth.any():
        return None
    po = float((pred == truth).mean())
    pe = float(pred.mean() * truth.mean() + (1 - pred.mean()) * (1 - truth.mean()))
    return 0.0 if pe >= 1 else round((po - pe) / (1 - pe), 3)


def evaluate(store: Store) -> AssistEvaluation:
    """Leave-one-out agreement between the assistant's first choice and the people who coded."""
    encoder = assist._encoder(store)
    made, _index = assist._profiled(store, encoder)
    position = {c.id: i for i, c in enumerate(made.codes)}
    by_span: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    for i, span in enumerate(made.spans):
        by_span[(span.revision_id, span.start, span.end)].append(i)
    passages = list(by_span.values())
    if not passages:
        raise Conflict("Nothing is coded yet: the assistant can only be evaluated on the project's own codings.")
    labels = np.zeros((len(passages), len(made.codes)), dtype=bool)
    for p, spans in enumerate(passages):
        labels[p, [position[made.spans[i].code_id] for i in spans]] = True
    owner = np.array([position[s.code_id] for s in made.spans])
    vectors = np.array(made.vectors, dtype=np.float32).reshape(len(made.spans), -1)
    folds = len(passages) if len(passages) <= ONE_AT_A_TIME else min(GROUPS, len(passages))
    ranking = np.full((len(passages), 3), -1, dtype=np.int64)
    for fold in range(folds):
        hidden = np.arange(fold, len(passages), folds)
        gone = np.zeros(len(made.spans), dtype=bool)
        gone[[i for p in hidden for i in passages[p]]] = True
        ranking[hidden] = _ranked(made, owner, vectors, gone, vectors[[passages[p][0] for p in hidden]])
    result = _summary(made, labels, ranking, encoder.name, folds)
    _keep(store, result)
    return result


def _ranked(made: assist._Profiled, owner: np.ndarray, vectors: np.ndarray, gone: np.ndarray,
            queries: np.ndarray) -> np.ndarray:
    """The first three codes (positions in ``made.codes``, -1 for none) for each query, the ``gone``
    codings hidden."""
    examples = [vectors[(owner == c) & ~gone] for c in range(len(made.codes))]
    candidates = [Candidate(c.codable, c.parent_unused and not len(e), c.described, len(e))
                  for c, e in zip(made.candidates, examples)]
    ranked = np.array([i for i, c in enumerate(candidates) if suggestible(c)], dtype=np.int64)
    out = np.full((len(queries), 3), -1, dtype=np.int64)
    if not len(ranked):
        return out
    ranker = Ranker(made.cards[ranked], [examples[i] for i in ranked], background=made.background)
    order = np.argsort(-ranker.scores(queries), axis=1)[:, :3]
    out[:, : order.shape[1]] = ranked[order]
    return out


def _summary(made: assist._Profiled, labels: np.ndarray, ranking: np.ndarray, model: str, folds: int) -> AssistEvaluation:
    rows = np.arange(len(labels))
    first = ranking[:, 0]
    hit1 = (first >= 0) & labels[rows, np.maximum(first, 0)]
    in3 = np.zeros_like(labels)
    for column in range(ranking.shape[1]):
        valid = ranking[:, column] >= 0
        in3[rows[valid], ranking[valid, column]] = True
    hit3 = (in3 & labels).any(axis=1)
    per_code = []
    for c, code in enumerate(made.codes):
        tested = int(labels[:, c].sum())
        if not tested and not made.candidates[c].extracts:
            continue
        pred = first == c
        per_code.append(CodeAgreement(
            code.id, code.path_text, made.candidates[c].extracts, tested,
            round(float(pred[labels[:, c]].mean()), 3) if tested else None,
            round(float(in3[labels[:, c], c].mean()), 3) if tested else None,
            _kappa(pred, labels[:, c]), suggestible(made.candidates[c]),
        ))
    kappas = [a.kappa for a in per_code if a.kappa is not None]
    return AssistEvaluation(model, len(labels), sum(1 for a in per_code if a.tested),
                            round(float(hit1.mean()), 3), round(float(hit3.mean()), 3),
                            round(float(np.mean(kappas)), 3) if kappas else None, folds, tuple(per_code))


def _keep(store: Store, result: AssistEvaluation) -> None:
    assist_setting.keep_evaluation(store, {
        "model": result.model, "passages": result.passages, "codes": result.codes, "top1": result.top1,
        "top3": result.top3, "kappa": result.kappa, "folds": result.folds,
        "at": datetime.now(UTC).strftime("%Y-%m-%d"),
    })
