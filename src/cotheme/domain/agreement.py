"""Agreement coefficients for nominal reliability data, with bootstrap 95% intervals.

Reliability data is a table of units (rows) by coders (columns); a cell holds the category a coder
gave the unit, or ``None`` when that coder gave none (missing). Every coefficient is computed from
sums of per-unit quantities, so identical units are counted once with a multiplicity and the
bootstrap (resampling units, or groups of units, with replacement) is a multinomial draw over the
distinct ones: exact, seeded, and fast even with one unit per character.

Implemented (``m_u`` = values in unit u, ``n_uk`` = of them in category k, "pairable" = m_u >= 2):

* Percent agreement: the mean over pairable units of the share of coder pairs that agree,
  sum_k n_uk(n_uk-1) / (m_u(m_u-1)); for two coders, the share of units both coded alike.
* Cohen's kappa (two coders; units both coded): (p_o - p_e) / (1 - p_e), p_e from each coder's own
  margins. Cohen, J. (1960). A coefficient of agreement for nominal scales. EPM 20(1), 37-46.
* Fleiss' kappa: (P - P_e) / (1 - P_e), P the mean pairwise agreement above, P_e = sum_k p_k^2 with
  p_k the share of category k among the values of pairable units. Fleiss, J. L. (1971). Measuring
  nominal scale agreement among many raters. Psychological Bulletin 76(5), 378-382. With a varying
  number of coders per unit this is the usual generalisation; with a constant number it is Fleiss'.
* Gwet's AC1: (p_a - p_e) / (1 - p_e), p_a as P above, p_e = sum_k pi_k(1 - pi_k) / (K - 1), pi_k the
  mean over units with any value of n_uk/m_u, K the number of categories (two for "coded or not").
  Gwet, K. L. (2008). Computing inter-rater reliability and its variance in the presence of high
  agreement. BJMSP 61(1), 29-48; Gwet (2014), Handbook of Inter-Rater Reliability, 4th ed., ch. 4.
* Krippendorff's alpha, nominal, any number of coders, missing data: the coincidence matrix
  o_ck = sum_u n_uc(n_uk - [c=k]) / (m_u - 1) over pairable units, n_c its margins, n its total, and
  alpha = 1 - (n - 1)(n - sum_c o_cc) / (n^2 - sum_c n_c^2). Krippendorff, K. (2011). Computing
  Krippendorff's alpha-reliability. Annenberg School for Communication, University of Pennsylvania.

A coefficient whose chance term leaves nothing to correct (e.g. every unit in one category) is
undefined and reported as ``None``. Intervals are bootstrap percentile intervals (2.5th and 97.5th
percentiles of the coefficients of ``bootstrap`` resamples; resamples where the coefficient is
undefined are left out). Must not do I/O.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from cotheme.domain.agreement_scores import MEASURES, Estimate, Reliability
from cotheme.errors import InvalidArgument

__all__ = ["MEASURES", "Estimate", "Reliability", "reliability"]  # the results live in agreement_scores

Floats = NDArray[np.float64]

# -- encoding and per-unit sums ------------------------------------------------------------------
def encode(data: Sequence[Sequence[Hashable | None]], categories: Sequence[Hashable] | None = None
           ) -> tuple[NDArray[np.int64], tuple[Hashable, ...]]:
    """Reliability data as integer category indices (-1 = missing) and the category order."""
    rows = [list(row) for row in data]
    if categories is None:
        seen = {v for row in rows for v in row if v is not None}
        categories = tuple(sorted(seen, key=lambda v: (str(type(v)), v)))  # type: ignore[arg-type,return-value]
    index = {c: i for i, c in enumerate(categories)}
    width = max((len(r) for r in rows), default=0)
    table = np.full((len(rows), width), -1, dtype=np.int64)
    for u, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                if value not in index:
                    raise InvalidArgument(f"The value {value!r} is not one of the categories.")
                table[u, c] = index[value]
    return table, tuple(categories)


def _layout(k: int, coders: int) -> dict[str, slice]:
    sizes = [("pairable", 1), ("agree", 1), ("rated", 1), ("fleiss", k), ("fleiss_n", 1),
             ("share", k), ("coincide", k * k), ("cohen", k * k if coders == 2 else 0)]
    out, at = {}, 0
    for name, size in sizes:
        out[name] = slice(at, at + size)
        at += size
    return out


def unit_sums(table: NDArray[np.int64], k: int) -> Floats:
    """Per unit (row of ``table``), the quantities every coefficient sums over units."""
    n, coders = table.shape
    lay = _layout(k, coders)
    counts = np.stack([(table == c).sum(axis=1) for c in range(k)], axis=1).astype(np.float64)
    m = counts.sum(axis=1)
    pairable = m >= 2
    safe = np.where(pairable, m * (m - 1), 1.0)
    out = np.zeros((n, lay["cohen"].stop))
    out[:, lay["pairable"]] = pairable[:, None]
    out[:, lay["agree"]] = (np.where(pairable, (counts * (counts - 1)).sum(axis=1) / safe, 0.0))[:, None]
    out[:, lay["rated"]] = (m >= 1)[:, None]
    out[:, lay["fleiss"]] = counts * pairable[:, None]
    out[:, lay["fleiss_n"]] = (m * pairable)[:, None]
    out[:, lay["share"]] = counts / np.where(m >= 1, m, 1.0)[:, None]
    pairs = counts[:, :, None] * counts[:, None, :] - np.eye(k)[None] * counts[:, :, None]
    weight = np.where(pairable, 1.0 / np.where(pairable, m - 1, 1.0), 0.0)
    out[:, lay["coincide"]] = (pairs * weight[:, None, None]).reshape(n, k * k)
    if coders == 2:
        both = (table[:, 0] >= 0) & (table[:, 1] >= 0)
        cells = np.where(both, table[:, 0] * k + table[:, 1], 0)
        cohen = np.zeros((n, k * k))
        cohen[np.arange(n), cells] = both
        out[:, lay["cohen"]] = cohen
    return out


# -- coefficients from summed quantities (vectorised over bootstrap resamples) --------------------
def _ratio(num: Floats, den: Floats) -> Floats:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 1e-12, num / np.where(den > 1e-12, den, 1.0), np.nan)


def coefficients(totals: Floats, k: int, coders: int) -> dict[str, Floats]:
    """Each measure from summed per-unit quantities; ``totals`` is (resamples, quantities)."""
    lay = _layout(k, coders)
    pairable = totals[:, lay["pairable"]][:, 0]
    observed = _ratio(totals[:, lay["agree"]][:, 0], pairable)
    result = {"percent_agreement": observed}
    share_k = _ratio(totals[:, lay["fleiss"]], totals[:, lay["fleiss_n"]])
    chance = (share_k ** 2).sum(axis=1)
    result["fleiss_kappa"] = _ratio(observed - chance, 1.0 - chance)
    pi = _ratio(totals[:, lay["share"]], totals[:, lay["rated"]])
    gwet_chance = (pi * (1 - pi)).sum(axis=1) / (k - 1) if k > 1 else np.full(len(totals), np.nan)
    result["gwet_ac1"] = _ratio(observed - gwet_chance, 1.0 - gwet_chance)
    o = totals[:, lay["coincide"]].reshape(-1, k, k)
    n_c = o.sum(axis=2)
    n = n_c.sum(axis=1)
    agree_o = np.trace(o, axis1=1, axis2=2)
    alpha = 1.0 - _ratio((n - 1) * (n - agree_o), n ** 2 - (n_c ** 2).sum(axis=1))
    result["krippendorff_alpha"] = np.where(n - 1 > 0, alpha, np.nan)
    if coders == 2:
        table = totals[:, lay["cohen"]].reshape(-1, k, k)
        size = table.sum(axis=(1, 2))
        p_o = _ratio(np.trace(table, axis1=1, axis2=2), size)
        p_e = _ratio((table.sum(axis=2) * table.sum(axis=1)).sum(axis=1), size ** 2)
        result["cohen_kappa"] = _ratio(p_o - p_e, 1.0 - p_e)
    return result


# -- the bootstrap ------------------------------------------------------------------------------
def _value(x: float) -> float | None:
    return None if np.isnan(x) else float(x)


def interval(samples: Floats) -> tuple[float | None, float | None]:
    """The 95% percentile interval of the defined resampled values."""
    defined = samples[~np.isnan(samples)]
    if defined.size == 0:
        return None, None
    low, high = np.percentile(defined, [2.5, 97.5])
    return float(low), float(high)


def resampled_totals(groups: Floats, multiplicity: NDArray[np.int64], bootstrap: int, seed: int) -> Floats:
    """Summed quantities of ``bootstrap`` resamples: as many groups as there are, drawn with
    replacement, each distinct group vector (row of ``groups``) ``multiplicity`` times as likely."""
    seen: dict[bytes, int] = {}
    inverse = np.array([seen.setdefault(row.tobytes(), len(seen)) for row in np.ascontiguousarray(groups)],
                       dtype=np.int64)
    first = np.zeros(len(seen), dtype=np.int64)
    first[inverse[::-1]] = np.arange(len(inverse))[::-1]
    unique = groups[first]
    weight = np.bincount(inverse, weights=multiplicity, minlength=len(seen))
    total = int(weight.sum())
    rng = np.random.default_rng(seed)
    if len(seen) > 64 and total * bootstrap <= 50_000_000:  # many kinds: drawing one by one is faster
        picked = np.repeat(np.arange(len(seen)), weight.astype(np.int64))[rng.integers(0, total, (bootstrap, total))]
        offsets = (np.arange(bootstrap)[:, None] * len(seen) + picked).ravel()
        draws = np.bincount(offsets, minlength=bootstrap * len(seen)).reshape(bootstrap, len(seen))
    else:
        draws = rng.multinomial(total, weight / total, size=bootstrap)
    return draws.astype(np.float64) @ unique  # type: ignore[no-any-return]


def reliability(
    data: Sequence[Sequence[Hashable | None]] | NDArray[np.int64],
    *,
    categories: Sequence[Hashable] | None = None,
    weights: Sequence[int] | NDArray[np.int64] | None = None,
    groups: Sequence[int] | NDArray[np.int64] | None = None,
    multiplicity: Sequence[int] | NDArray[np.int64] | None = None,
    bootstrap: int = 1000,
    seed: int = 0,
) -> Reliability:
    """Every measure for ``data`` (units x coders; ``None`` = missing) with bootstrap intervals.

    ``data`` may also be an already encoded integer table (-1 = missing; then give ``categories``
    or at least their number as ``range(K)``). ``weights`` says how many identical units each row
    stands for (default 1). ``groups`` gives each row's group id (0..G-1): the bootstrap resamples
    whole groups (default: every row is its own group); ``multiplicity`` says how many identical
    copies of each group there are (default 1 each). ``bootstrap=0`` gives no intervals.
    """
    if isinstance(data, np.ndarray):
        table = data.astype(np.int64)
        cats = tuple(categories) if categories is not None else tuple(range(int(table.max(initial=-1)) + 1))
    else:
        table, cats = encode(data, categories)
    k, coders = len(cats), table.shape[1] if table.ndim == 2 else 0
    if table.size == 0 or k == 0 or coders < 2:
        raise InvalidArgument("Agreement needs at least two coders and one coded unit.")
    per_unit = unit_sums(table, k)
    if weights is not None:
        per_unit = per_unit * np.asarray(weights, dtype=np.float64)[:, None]
    ids = np.arange(len(table)) if groups is None else np.asarray(groups, dtype=np.int64)
    count = int(ids.max()) + 1
    grouped = np.zeros((count, per_unit.shape[1]))
    np.add.at(grouped, ids, per_unit)
    mult = np.ones(count, dtype=np.int64) if multiplicity is None else np.asarray(multiplicity, dtype=np.int64)
    point = coefficients((mult[:, None] * grouped).sum(axis=0)[None, :], k, coders)
    spread = (coefficients(resampled_totals(grouped, mult, bootstrap, seed), k, coders)
              if bootstrap > 0 else {})
    lay = _layout(k, coders)

    def estimate(name: str) -> Estimate:
        low, high = interval(spread[name]) if name in spread else (None, None)
        return Estimate(_value(point[name][0]), low, high)

    return Reliability(
        units=int(round(float((mult[:, None] * grouped)[:, lay["pairable"]].sum()))),
        percent_agreement=estimate("percent_agreement"),
        cohen_kappa=estimate("cohen_kappa") if coders == 2 else None,
        fleiss_kappa=estimate("fleiss_kappa"),
        gwet_ac1=estimate("gwet_ac1"),
        krippendorff_alpha=estimate("krippendorff_alpha"),
    )


# -- one coefficient at a time (no intervals), for readers and tests ---------------------------
def _point(data: Sequence[Sequence[Hashable | None]], name: str,
           categories: Sequence[Hashable] | None = None) -> float | None:
    table, cats = encode(data, categories)
    k, coders = len(cats), table.shape[1]
    totals = unit_sums(table, k).sum(axis=0)[None, :]
    return _value(coefficients(totals, k, coders)[name][0])


def percent_agreement(data: Sequence[Sequence[Hashable | None]]) -> float | None:
    return _point(data, "percent_agreement")


def cohen_kappa(data: Sequence[Sequence[Hashable | None]]) -> float | None:
    """Cohen's kappa of two coders (rows are units: ``(value_a, value_b)``)."""
    if any(len(row) != 2 for row in data):
        raise InvalidArgument("Cohen's kappa compares exactly two coders.")
    return _point(data, "cohen_kappa")


def fleiss_kappa(data: Sequence[Sequence[Hashable | None]]) -> float | None:
    return _point(data, "fleiss_kappa")


def gwet_ac1(data: Sequence[Sequence[Hashable | None]], categories: Sequence[Hashable] | None = None
             ) -> float | None:
    """Gwet's AC1; give ``categories`` when some category of the scale was never used."""
    return _point(data, "gwet_ac1", categories)


def krippendorff_alpha(data: Sequence[Sequence[Hashable | None]]) -> float | None:
    """Krippendorff's alpha for nominal data (rows are units, ``None`` = missing)."""
    return _point(data, "krippendorff_alpha")
