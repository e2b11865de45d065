"""Scoring passages against one code: the numbers behind "similar" (and the code vectors of candidate
themes). "Suggest", which ranks codes for one passage, uses ``assist_heads``.

A code is described by two kinds of vector: its *card* (its name, its parents' names, definition,
inclusion note and example, embedded as one text; the exclusion note is left out, as it names what
the code is not) and its *examples* (the passages the team has coded with it). A
passage's raw score for a code blends the cosine with the card, with the examples' centroid and with
its nearest examples (mean of the top ``KNN``), the examples weighing more as a code gathers them
(weight ``n / (n + PRIOR)``). Scores are then *calibrated per code* (``Weights.calibrate``, default
"card"): the card's cosine becomes a z-score over a reference sample of the project's passages (its
mean and spread for that code), so a code whose definition resembles everything does not win every
passage; the examples' score is put on one scale shared by all codes, because how often a code's
examples resemble passages carries how common the code is, which a per-code z-score would flatten.
On the NHS comments and the PDPilot segments (``bench/assist_eval.py``, figures in docs/assist.md)
this beat no calibration, a per-code z-score of the blend, and centring; a logistic-regression
re-ranker helped the NHS data and hurt PDPilot's (few examples of many codes), so it is not used.

Pure numpy on arrays; must not read the database or load the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Matrix = NDArray[np.float32]

#: Examples count as much as the card once a code has this many (the NHS data preferred 10, PDPilot's 1;
#: 3 lies between, within 0.03 top-1 of the best on both).
PRIOR = 3.0
#: Nearest examples averaged for the kNN part (1 overfits to one odd extract; 5 blurs into the centroid).
KNN = 3
#: At most this many examples per code are compared one by one (the centroid uses all of them).
MAX_EXAMPLES = 200


@dataclass(frozen=True)
class Weights:
    """How the parts are blended; the defaults are the measured best (see the module docstring)."""

    card: float = 1.0
    centroid: float = 0.5
    knn: float = 0.5
    prior: float = PRIOR
    #: "z": the blended score minus the code's mean over reference passages, divided by their spread;
    #: "center": minus the mean only; "card": the card's cosine z-scored per code and the examples' score
    #: on one scale for all codes (a code's examples carry how common it is; a per-code z-score would
    #: flatten that); "none".
    calibrate: str = "card"


def unit(rows: Matrix) -> Matrix:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return (rows / np.maximum(norms, 1e-9)).astype(np.float32)


def to_bytes(vector: Matrix) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


class Profiles:
    """Every code's card vector and example vectors, with per-code calibration."""

    def __init__(self, cards: Matrix, examples: Sequence[Matrix], weights: Weights = Weights()) -> None:
        self.cards = unit(cards)
        self.weights = weights
        dim = cards.shape[1]
        self.counts = np.array([len(e) for e in examples], dtype=np.float32)
        self.centroids = np.zeros_like(self.cards)
        kept: list[Matrix] = []
        owners: list[int] = []
        for i, own in enumerate(examples):
            if len(own):
                self.centroids[i] = unit(own.mean(axis=0, keepdims=True))[0]
                chosen = own if len(own) <= MAX_EXAMPLES else own[np.linspace(0, len(own) - 1, MAX_EXAMPLES).astype(int)]
                kept.append(chosen)
                owners.extend([i] * len(chosen))
        self.examples = np.vstack(kept).astype(np.float32) if kept else np.zeros((0, dim), np.float32)
        self.owners = np.array(owners, dtype=np.int64)
        # Examples are stacked code by code: each code's rows are one slice (no mask per call).
        bounds = np.searchsorted(self.owners, np.arange(len(self.cards) + 1))
        self._rows = [slice(int(a), int(b)) for a, b in zip(bounds[:-1], bounds[1:])]
        self.mean = np.zeros(len(self.cards), dtype=np.float32)
        self.spread = np.ones(len(self.cards), dtype=np.float32)
        self.learned_mean, self.learned_spread = 0.0, 1.0

    def parts(self, passages: Matrix, codes: Sequence[int] | None = None) -> tuple[Matrix, Matrix, Matrix]:
        """(card cosine, example score, the examples' share), passages x codes (or the ``codes``)."""
        chosen = np.arange(len(self.cards)) if codes is None else np.asarray(codes, dtype=np.int64)
        w = self.weights
        card = passages @ self.cards[chosen].T
        n = self.counts[chosen]
        share = n / (n + w.prior) if w.prior > 0 else (n > 0).astype(np.float32)
        learned = np.zeros_like(card)
        if w.centroid:
            learned += w.centroid * (passages @ self.centroids[chosen].T)
        if w.knn:
            learned += w.knn * self._knn(passages, chosen)
        total = w.centroid + w.knn
        learned = learned / total if total else card
        if w.card == 0:  # examples alone; a code without any keeps its card
            share = (n > 0).astype(np.float32)
        return card, learned.astype(np.float32), np.broadcast_to(share, card.shape).astype(np.float32)

    def raw(self, passages: Matrix, codes: Sequence[int] | None = None) -> Matrix:
        """Raw blended scores, one row per passage, one column per code (or per code in ``codes``)."""
        card, learned, share = self.parts(passages, codes)
        return ((1 - share) * card + share * learned).astype(np.float32)

    def _knn(self, passages: Matrix, chosen: NDArray[np.int64]) -> Matrix:
        out = np.zeros((len(passages), len(chosen)), dtype=np.float32)
        if not len(self.examples):
            return out
        for column, code in enumerate(chosen):
            own = self.examples[self._rows[code]]
            if not len(own):
                continue
            sims = passages @ own.T
            top = min(KNN, own.shape[0])
            out[:, column] = np.sort(sims, axis=1)[:, -top:].mean(axis=1)
        return out

    def calibrate(self, reference: Matrix) -> None:
        """Learn each code's mean and spread over ``reference`` passages (a sample of the project)."""
        if self.weights.calibrate == "none" or len(reference) < 20:
            return
        if self.weights.calibrate == "card":
            card, learned, share = self.parts(reference)
            self.mean = card.mean(axis=0).astype(np.float32)
            self.spread = np.maximum(card.std(axis=0), 1e-3).astype(np.float32)
            used = share[0] > 0
            if used.any():  # one scale for every code's example score: it keeps how common a code is
                self.learned_mean = float(learned[:, used].mean())
                self.learned_spread = max(float(learned[:, used].std()), 1e-3)
            return
        scores = self.raw(reference)
        self.mean = scores.mean(axis=0).astype(np.float32)
        if self.weights.calibrate == "z":
            self.spread = np.maximum(scores.std(axis=0), 1e-3).astype(np.float32)

    def scores(self, passages: Matrix, codes: Sequence[int] | None = None) -> Matrix:
        """Calibrated scores, passages x codes (see ``Weights.calibrate``)."""
        chosen = slice(None) if codes is None else np.asarray(codes, dtype=np.int64)
        if self.weights.calibrate != "card":
            return ((self.raw(passages, codes) - self.mean[chosen]) / self.spread[chosen]).astype(np.float32)
        card, learned, share = self.parts(passages, codes)
        card_z = (card - self.mean[chosen]) / self.spread[chosen]
        learned_z = (learned - self.learned_mean) / self.learned_spread
        return ((1 - share) * card_z + share * learned_z).astype(np.float32)


def reference_sample(count: int, size: int = 2000, seed: int = 8) -> NDArray[np.int64]:
    """Indices of a fixed pseudo-random sample of ``size`` among ``count`` passages."""
    if count <= size:
        return np.arange(count)
    return np.sort(np.random.default_rng(seed).choice(count, size=size, replace=False))
