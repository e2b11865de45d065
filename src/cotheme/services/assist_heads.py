"""Ranking codes for a passage ("suggest"): which codes may be suggested at all, each code's prototype,
and a light classifier learnt from the project's own coded extracts.

A code may be suggested when it can hold codings (not a REFI-QDA folder imported with
``isCodable="false"``, not a parent that groups other codes and was never used itself) and has a
definition, inclusion note, example note or at least one coded extract to be known by: a name alone is
too little to rank on, and such codes took half of all first places on real interviews.

Scores are built to be comparable between a code with one extract and a code with fifty:

* the *prototype* is the mean of the code's card (name, parents, notes) and each of its extracts,
  all weighing the same, at unit length; a passage's cosine with it is one part of the score;
* the *heads* are a ridge-regression classifier (one linear head per code, closed form, numpy only)
  trained on every extract and on every card as one more pseudo-extract, with each code's rows
  weighted so that every code counts the same in the fit however many extracts it has;
* the prototypes take ``STEPS`` soft k-means steps toward a sample of the project's own passages (each
  passage pulls the codes it would win, ``REFINE`` each): they learn how the team's transcripts say
  what the definitions say;
* the score is ``cosine with the prototype + HEADS x head output + CARD_Z x the card's cosine as a
  z-score over the project's passages``.

Measured on held-out data (``bench/assist_eval.py``, figures in docs/assist.md): on the NHS comments,
+0.09 top-3 over a plain name-and-examples baseline with 1-2 examples per code, +0.02-0.03 with 5-20;
the weights were chosen on the tuning split only. Tried and not kept (the grid of ``bench/assist_eval.py``): centring vectors on
the project's mean, smoothing with a passage's nearest passages, stronger refinement, heads alone;
and, learning more from the project's own codings (``bench/assist_adapter_eval.py``,
``bench/assist_setfit_eval.py``; docs/assist.md): the nearest example's cosine, a linear map of the
vectors trained contrastively, a logistic head, and SetFit-style fine-tuning of the encoder itself -
the adapters beat this ranking by about 0.01 top-3 on the tuning split on average, for far more CPU;
fine-tuning beat it by 0.07-0.17 on NHS with 1-2 examples per code (not on PDPilot) but costs minutes
of CPU per fit and a per-project model, so it is not wired in.

Pure numpy on arrays; must not read the database or load the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from cotheme.services.assist_rank import Matrix, unit

#: Weight of the heads' output beside the prototype's cosine (chosen on the tuning split).
HEADS = 0.5
#: Ridge penalty of the heads, per unit of total row weight (chosen on the tuning split).
RIDGE = 0.05
#: Weight of each project passage in the prototypes' refinement step (0: none; tuning split).
REFINE = 0.03
#: Softmax temperature of the refinement step (cosine units).
TEMPERATURE = 0.02
#: Refinement steps (tuning split).
STEPS = 3
#: Weight of the card's cosine as a z-score over the project's passages (tuning split; 0: unused).
CARD_Z = 0.01
#: Weight of the mean score of the passage's nearest project passages (tuning split; 0: unused).
SMOOTH = 0.0
#: How many nearest project passages ``SMOOTH`` averages.
NEIGHBOURS = 10
#: At most this many extracts per code go into the fit (the prototype uses all of them): a
#: regularly spaced sample keeps the fit's cost bounded on large projects.
MAX_FIT = 100


@dataclass(frozen=True)
class Candidate:
    """What decides whether a code may be suggested."""

    codable: bool
    parent_unused: bool  # it has child codes and no coding of its own
    described: bool  # a definition, inclusion note or example note
    extracts: int


def suggestible(candidate: Candidate) -> bool:
    """Whether the code may appear among suggestions (see the module docstring)."""
    if not candidate.codable or candidate.parent_unused:
        return False
    return candidate.described or candidate.extracts > 0


def why_not(candidate: Candidate) -> str | None:
    """One phrase saying why a code cannot be suggested, or ``None`` when it can."""
    if not candidate.codable:
        return "is a folder that cannot hold codings"
    if candidate.parent_unused:
        return "groups other codes and has no coding of its own"
    if not candidate.described and not candidate.extracts:
        return "has neither a definition nor a coded extract"
    return None


def prototypes(cards: Matrix, examples: Sequence[Matrix]) -> Matrix:
    """Each code's card and extracts averaged with equal weights, at unit length."""
    out = np.array(unit(cards), dtype=np.float32)
    for i, own in enumerate(examples):
        if len(own):
            out[i] = (out[i] + own.sum(axis=0)) / (1 + len(own))
    return unit(out)


def _fit_rows(cards: Matrix, examples: Sequence[Matrix]) -> tuple[Matrix, NDArray[np.int64], NDArray[np.float64]]:
    rows: list[Matrix] = [unit(cards)]
    owners: list[NDArray[np.int64]] = [np.arange(len(cards))]
    weights: list[NDArray[np.float64]] = []
    sizes = np.ones(len(cards))
    for i, own in enumerate(examples):
        if len(own) > MAX_FIT:
            own = own[np.linspace(0, len(own) - 1, MAX_FIT).astype(int)]
        if len(own):
            rows.append(own)
            owners.append(np.full(len(own), i))
            sizes[i] += len(own)
    owner = np.concatenate(owners)
    weights = 1.0 / sizes[owner]  # every code weighs 1 in all, whatever its number of extracts
    return np.vstack(rows).astype(np.float32), owner, weights


@dataclass
class Heads:
    """One linear head per code: ``passages @ weights + bias`` estimates "this code" (1) or not (0)."""

    weights: Matrix
    bias: Matrix

    def __call__(self, passages: Matrix) -> Matrix:
        return (passages @ self.weights + self.bias).astype(np.float32)


def fit_heads(cards: Matrix, examples: Sequence[Matrix], ridge: float = RIDGE) -> Heads:
    """Weighted ridge regression of one-hot targets on the rows, in closed form: one d x d solve, or
    one n x n solve when there are fewer rows than dimensions (early in a study: the same answer)."""
    x, owner, w = _fit_rows(cards, examples)
    n_codes = len(cards)
    y = np.zeros((len(x), n_codes), dtype=np.float64)
    y[np.arange(len(x)), owner] = 1.0
    x64 = x.astype(np.float64)
    total = w.sum()
    mean_x = (w[:, None] * x64).sum(axis=0) / total
    mean_y = (w[:, None] * y).sum(axis=0) / total
    xc, yc = x64 - mean_x, y - mean_y
    penalty = ridge * total
    if len(x) < x.shape[1]:  # (X'WX + pI)^-1 X'W = X'(WXX' + pI)^-1 W
        inner = w[:, None] * (xc @ xc.T) + penalty * np.eye(len(x))
        coef = xc.T @ np.linalg.solve(inner, w[:, None] * yc)
    else:
        gram = (xc * w[:, None]).T @ xc + penalty * np.eye(x.shape[1])
        coef = np.linalg.solve(gram, (xc * w[:, None]).T @ yc)
    bias = mean_y - mean_x @ coef
    return Heads(coef.astype(np.float32), bias.astype(np.float32)[None, :])


class Ranker:
    """Scores passages against the suggestible codes (columns in the order given)."""

    def __init__(self, cards: Matrix, examples: Sequence[Matrix], heads: float = HEADS,
                 ridge: float = RIDGE, background: Matrix | None = None, refine: float = REFINE,
                 temperature: float = TEMPERATURE, steps: int = STEPS, card_z: float = CARD_Z,
                 smooth: float = SMOOTH) -> None:
        base = prototypes(cards, examples)
        self.prototypes = base
        has_background = background is not None and len(background) >= 20
        if refine and has_background:
            assert background is not None
            sizes = np.array([1 + len(e) for e in examples], np.float32)
            for _ in range(steps):
                self.prototypes = self._refined(base, sizes, background, refine, temperature)
        self.weight = heads
        self.heads = fit_heads(cards, examples, ridge) if heads and len(cards) > 1 else None
        self.card_z = card_z if has_background else 0.0
        self.cards = unit(cards)
        if self.card_z:
            assert background is not None
            sims = background @ self.cards.T
            self.card_mean, self.card_spread = sims.mean(axis=0), np.maximum(sims.std(axis=0), 1e-3)
        self.smooth = smooth if has_background else 0.0
        self.background = background

    def _refined(self, base: Matrix, sizes: NDArray[np.float32], background: Matrix, refine: float,
                 temperature: float) -> Matrix:
        """A soft k-means step over the project's passages: each prototype moves toward the passages it
        would win, weighted by how surely (softmax at ``temperature``), ``refine`` per passage."""
        sims = background @ self.prototypes.T / temperature
        sims -= sims.max(axis=1, keepdims=True)
        soft = np.exp(sims)
        soft /= soft.sum(axis=1, keepdims=True)
        moved = base * sizes[:, None] + refine * (soft.T @ background)
        return unit(moved.astype(np.float32))

    def _direct(self, passages: Matrix) -> Matrix:
        out = passages @ self.prototypes.T
        if self.heads is not None:
            out = out + self.weight * self.heads(passages)
        if self.card_z:
            out = out + self.card_z * ((passages @ self.cards.T) - self.card_mean) / self.card_spread
        return out

    def scores(self, passages: Matrix) -> Matrix:
        out = self._direct(passages)
        if self.smooth and self.background is not None:
            near = passages @ self.background.T
            top = np.argpartition(-near, NEIGHBOURS - 1, axis=1)[:, :NEIGHBOURS]
            out = out + self.smooth * self._direct(self.background[top.ravel()]).reshape(
                len(passages), NEIGHBOURS, -1).mean(axis=1)
        return out.astype(np.float32)
