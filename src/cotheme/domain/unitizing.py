"""Krippendorff's alpha_u: agreement on where coders put free spans of text, at character level.

What is implemented is the unitizing alpha of Krippendorff (1995), "On the reliability of unitizing
continuous data", Sociological Methodology 25, 47-76, in the form worked through with an example in
Krippendorff (2004), Content Analysis: An Introduction to Its Methodology, 2nd ed., Sage, section
11.6 (pp. 251-256). For one category (code) c, each coder i cuts a continuum of length L into
sections: the spans they coded c (units, v = 1) and the gaps between them (v = 0). With m coders:

    D_o(c) = sum_{i != j} sum_g sum_h d(g, h) / (m (m - 1) L^2)

over ordered pairs of coders and every section g of coder i and h of coder j, where
d = (b_g - b_h)^2 + (e_g - e_h)^2 when both are units and overlap, d = l_g^2 when unit g lies inside
gap h (and symmetrically), and 0 otherwise (b begin, e end, l length, in characters).

    D_e(c) = (2 / L) * sum_units u [ (N_c - 1)(2 l_u^3 - 3 l_u^2 + l_u) / 3
                                      + l_u^2 * sum_{gaps g, l_g >= l_u} (l_g - l_u + 1) ]
             / ( m L (m L - 1) - sum_units u l_u (l_u - 1) )

over the units and gaps of all coders, N_c the number of units. alpha_u(c) = 1 - D_o(c) / D_e(c) and,
over several codes, alpha_u = 1 - sum_c D_o(c) / sum_c D_e(c). The 3rd edition (2013) and Krippendorff,
Mathet, Bouvry & Widlöcher (2016, Quality & Quantity 50, 2347-2364) define a family of unitizing
coefficients (u-alpha, |u-alpha, c|u-alpha, (c)u-alpha) with a different expected disagreement; those
are *not* what this module computes.

cotheme's choices: each document is one continuum (a coder's sections, gaps included, stop at its
end) and L is the total length of the documents; overlapping spans of one coder and one code are
joined into one unit (the formulation assumes a coder's units of a category do not overlap), while
spans that only touch stay two units. Every coder is taken to have read every document. The
bootstrap interval resamples whole documents. Must not do I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from cotheme.domain.agreement import Estimate, Floats, interval

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Continuum:
    """One document for one code: its length and, per coder, the spans they coded."""

    length: int
    spans: tuple[tuple[Span, ...], ...]


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Observed and expected disagreement of one code; ``alpha`` is ``None`` when D_e is 0."""

    observed: float
    expected: float

    @property
    def alpha(self) -> float | None:
        return None if self.expected <= 0 else 1.0 - self.observed / self.expected


def joined(spans: Sequence[Span]) -> list[Span]:
    """A coder's spans sorted, overlapping ones joined (touching ones kept apart)."""
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


def sections(spans: Sequence[Span], length: int) -> list[tuple[int, int, bool]]:
    """The continuum ``0..length`` cut into units (True) and gaps (False) in order."""
    out: list[tuple[int, int, bool]] = []
    at = 0
    for start, end in joined(spans):
        if start > at:
            out.append((at, start, False))
        out.append((start, end, True))
        at = end
    if at < length:
        out.append((at, length, False))
    return out


def distance(a: tuple[int, int, bool], b: tuple[int, int, bool]) -> int:
    """Krippendorff's squared distance between two sections of different coders."""
    (b1, e1, unit1), (b2, e2, unit2) = a, b
    if unit1 and unit2:
        return (b1 - b2) ** 2 + (e1 - e2) ** 2 if b1 < e2 and b2 < e1 else 0
    if unit1 and not unit2:
        return (e1 - b1) ** 2 if b2 <= b1 and e1 <= e2 else 0
    if unit2 and not unit1:
        return (e2 - b2) ** 2 if b1 <= b2 and e2 <= e1 else 0
    return 0


def _pair_sum(first: list[tuple[int, int, bool]], second: list[tuple[int, int, bool]]) -> int:
    """Sum of distances over every overlapping pair of sections (both partition the continuum)."""
    total, i, j = 0, 0, 0
    while i < len(first) and j < len(second):
        total += distance(first[i], second[j])
        if first[i][1] < second[j][1]:
            i += 1
        elif second[j][1] < first[i][1]:
            j += 1
        else:
            i, j = i + 1, j + 1
    return total


@dataclass(frozen=True, slots=True)
class _Parts:
    """One code over the documents: what both disagreements are summed from, as arrays."""

    lengths: Floats  # per document
    observed: Floats  # per document: sum over ordered coder pairs of the section distances
    units: Floats  # unit lengths, with the document each lies in
    unit_doc: NDArray[np.int64]
    gaps: Floats  # gap lengths, ascending, with their documents
    gap_doc: NDArray[np.int64]


def _parts(continua: Sequence[Continuum]) -> _Parts:
    observed, units, unit_doc, gaps, gap_doc = [], [], [], [], []
    for d, continuum in enumerate(continua):
        cut = [sections(spans, continuum.length) for spans in continuum.spans]
        observed.append(sum(2 * _pair_sum(a, b) for i, a in enumerate(cut) for b in cut[i + 1:]))
        for sec in cut:
            for s, e, unit in sec:
                (units if unit else gaps).append(e - s)
                (unit_doc if unit else gap_doc).append(d)
    order = np.argsort(np.asarray(gaps, dtype=np.float64), kind="stable")
    return _Parts(
        np.asarray([c.length for c in continua], dtype=np.float64), np.asarray(observed, dtype=np.float64),
        np.asarray(units, dtype=np.float64), np.asarray(unit_doc, dtype=np.int64),
        np.asarray(gaps, dtype=np.float64)[order], np.asarray(gap_doc, dtype=np.int64)[order],
    )


def _combine(p: _Parts, weights: Floats, coders: int) -> tuple[Floats, Floats]:
    """D_o and D_e for each row of document ``weights`` (resamples x documents)."""
    length = weights @ p.lengths
    wu, wg = weights[:, p.unit_doc], weights[:, p.gap_doc]
    # For each unit of size s: sum over gaps g >= s of w_g (g - s + 1), from suffix sums.
    tail_w = np.cumsum(wg[:, ::-1], axis=1)[:, ::-1]
    tail_g = np.cumsum((wg * p.gaps)[:, ::-1], axis=1)[:, ::-1]
    tail_w = np.concatenate([tail_w, np.zeros((len(weights), 1))], axis=1)
    tail_g = np.concatenate([tail_g, np.zeros((len(weights), 1))], axis=1)
    first = np.searchsorted(p.gaps, p.units, side="left")
    room = tail_g[:, first] - (p.units - 1) * tail_w[:, first]
    count = wu.sum(axis=1)
    s = p.units
    within = (wu * (2 * s ** 3 - 3 * s ** 2 + s)).sum(axis=1) * (count - 1) / 3
    across = (wu * s * s * room).sum(axis=1)
    denominator = coders * length * (coders * length - 1) - (wu * s * (s - 1)).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = np.where((denominator > 0) & (length > 0),
                            2 * (within + across) / np.where(length > 0, length, 1)
                            / np.where(denominator > 0, denominator, 1), 0.0)
        observed = np.where(length > 0, (weights @ p.observed)
                            / (coders * (coders - 1) * np.where(length > 0, length, 1) ** 2), 0.0)
    return observed, expected


def disagreement(continua: Sequence[Continuum]) -> Disagreement:
    """D_o and D_e of one code over several documents (each coder's spans per document)."""
    coders = len(continua[0].spans) if continua else 0
    if coders < 2:
        return Disagreement(0.0, 0.0)
    observed, expected = _combine(_parts(continua), np.ones((1, len(continua))), coders)
    return Disagreement(float(observed[0]), float(expected[0]))


def alpha_u(continua: Sequence[Continuum]) -> float | None:
    """Krippendorff's alpha_u of one code over the given documents."""
    return disagreement(continua).alpha


@dataclass(frozen=True, slots=True)
class UnitizingResult:
    """alpha_u per code and over all codes, each with a bootstrap interval over documents."""

    by_code: dict[object, Estimate]
    overall: Estimate


def _alphas(observed: Floats, expected: Floats) -> Floats:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(expected > 0, 1.0 - observed / np.where(expected > 0, expected, 1.0), np.nan)


def alpha_u_by_code(by_code: Mapping[object, Sequence[Continuum]], *, bootstrap: int = 1000,
                    seed: int = 0) -> UnitizingResult:
    """alpha_u of every code and overall; each code has one continuum per document, documents in
    the same order for every code. Documents are resampled together for every code, so the overall
    interval keeps the codes of a document together. No interval with fewer than two documents."""
    coders = next((len(c[0].spans) for c in by_code.values() if c), 0)
    docs = max((len(c) for c in by_code.values()), default=0)
    if coders < 2 or docs == 0:
        return UnitizingResult({code: Estimate(None) for code in by_code}, Estimate(None))
    rows = np.ones((1, docs))
    if bootstrap > 0 and docs >= 2:
        draws = np.random.default_rng(seed).multinomial(docs, [1 / docs] * docs, size=bootstrap)
        rows = np.concatenate([rows, draws.astype(np.float64)])
    by_code_est: dict[object, Estimate] = {}
    sum_o, sum_e = np.zeros(len(rows)), np.zeros(len(rows))
    for code, continua in by_code.items():
        observed, expected = _combine(_parts(continua), rows, coders)
        sum_o, sum_e = sum_o + observed, sum_e + expected
        by_code_est[code] = _estimate(_alphas(observed, expected))
    return UnitizingResult(by_code_est, _estimate(_alphas(sum_o, sum_e)))


def _estimate(alphas: Floats) -> Estimate:
    """The first value is the point estimate, the rest bootstrap resamples."""
    value = None if np.isnan(alphas[0]) else float(alphas[0])
    if len(alphas) == 1:
        return Estimate(value)
    low, high = interval(alphas[1:])
    return Estimate(value, low, high)
