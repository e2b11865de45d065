"""The nominal agreement coefficients against published reference values, and the bootstrap.

Sources of the reference values:

* Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability (section C: nominal data, 4
  observers x 12 units, missing values): alpha = 0.743.
* Wikipedia, "Krippendorff's alpha", A computational example (3 coders x 15 units, missing values):
  alpha nominal = 0.691. (The issue attributes 0.691 to the 2011 paper's 4 x 12 data; that data gives
  0.743 and the 0.691 belongs to this 3 x 15 example. Both are tested.)
* Cohen, J. (1960). A coefficient of agreement for nominal scales, EPM 20, p. 45 example (200 units,
  3 categories): p_o = .70, p_e = .41, kappa = .492.
* Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters, Psychological Bulletin
  76, p. 379 (30 subjects, 6 raters, 5 categories): P = .556, P_e = .220, kappa = .430; and the
  Wikipedia "Fleiss' kappa" worked example (10 subjects, 14 raters): P = .378, kappa = .210.
* Gwet's AC1: the irrCAC R package by Gwet (version 1.4, gwet.ac1.raw), 2 x 2 table [[80, 7], [8, 5]]:
  p_a = .85, p_e = .21875, AC1 = .808; irrCAC's documented example gwet.ac1.raw(cac.raw4raters), which
  is Krippendorff's 4 x 12 data above: p_a = .8182, p_e = .1903, AC1 = .7754; and a hand-checkable
  2 x 2 case (8 yes-yes, 1 no-no, 1 yes-no): p_a = .9, p_e = .255, AC1 = .8658.
"""

from __future__ import annotations

import pytest

from cotheme.domain.agreement import (
    cohen_kappa, fleiss_kappa, gwet_ac1, krippendorff_alpha, percent_agreement, reliability,
)

N = None
KRIPPENDORFF_2011 = [  # units x observers A, B, C, D
    [1, 1, N, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
    [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [N, 5, 5, 5], [N, N, 1, 1], [N, 3, N, N],
]
WIKIPEDIA_ALPHA = [list(unit) for unit in zip(
    [N, N, N, N, N, 3, 4, 1, 2, 1, 1, 3, 3, N, 3],
    [1, N, 2, 1, 3, 3, 4, 3, N, N, N, N, N, N, N],
    [N, N, 2, 1, 3, 4, 4, N, 2, 1, 1, 3, 3, N, 4],
)]
FLEISS_1971 = [
    (4, 4, 4, 4, 4, 4), (2, 2, 2, 5, 5, 5), (2, 3, 3, 3, 3, 5), (5, 5, 5, 5, 5, 5), (2, 2, 2, 4, 4, 4),
    (1, 1, 3, 3, 3, 3), (3, 3, 3, 3, 5, 5), (1, 1, 3, 3, 3, 4), (1, 1, 4, 4, 4, 4), (5, 5, 5, 5, 5, 5),
    (1, 4, 4, 4, 4, 4), (1, 2, 4, 4, 4, 4), (2, 2, 2, 3, 3, 3), (1, 4, 4, 4, 4, 4), (2, 2, 4, 4, 4, 5),
    (3, 3, 3, 3, 3, 5), (1, 1, 1, 4, 5, 5), (1, 1, 1, 1, 1, 2), (2, 2, 4, 4, 4, 4), (1, 3, 3, 5, 5, 5),
    (5, 5, 5, 5, 5, 5), (2, 4, 4, 4, 4, 4), (2, 2, 4, 5, 5, 5), (1, 1, 4, 4, 4, 4), (1, 4, 4, 4, 4, 5),
    (2, 2, 2, 2, 2, 4), (1, 1, 1, 1, 5, 5), (2, 2, 4, 4, 4, 4), (1, 3, 3, 3, 3, 3), (5, 5, 5, 5, 5, 5),
]
FLEISS_WIKIPEDIA = [  # subjects x how many of the 14 raters chose categories 1..5
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
]


def pairs(*cells: tuple[int, object, object]) -> list[list[object]]:
    """Two coders' units from a contingency table: (count, value of A, value of B)."""
    return [[a, b] for count, a, b in cells for _ in range(count)]


def test_krippendorff_alpha_nominal_reference_values() -> None:
    assert krippendorff_alpha(KRIPPENDORFF_2011) == pytest.approx(0.743, abs=0.0005)
    assert krippendorff_alpha(WIKIPEDIA_ALPHA) == pytest.approx(0.691, abs=0.0005)


def test_cohen_kappa_reference_value() -> None:
    data = pairs((88, 1, 1), (14, 1, 2), (18, 1, 3), (10, 2, 1), (40, 2, 2), (10, 2, 3), (2, 3, 1), (6, 3, 2),
                 (12, 3, 3))
    assert percent_agreement(data) == pytest.approx(0.70)
    assert cohen_kappa(data) == pytest.approx(0.492, abs=0.0005)


def test_fleiss_kappa_reference_values() -> None:
    assert percent_agreement(FLEISS_1971) == pytest.approx(0.5556, abs=0.0001)
    assert fleiss_kappa(FLEISS_1971) == pytest.approx(0.430, abs=0.0005)
    rows = [[c for c, n in enumerate(counts, 1) for _ in range(n)] for counts in FLEISS_WIKIPEDIA]
    assert percent_agreement(rows) == pytest.approx(0.378, abs=0.0005)
    assert fleiss_kappa(rows) == pytest.approx(0.210, abs=0.0005)


def test_gwet_ac1_reference_values() -> None:
    assert gwet_ac1(pairs((80, 1, 1), (7, 1, 2), (8, 2, 1), (5, 2, 2))) == pytest.approx(0.808, abs=0.0005)
    assert gwet_ac1(pairs((8, "y", "y"), (1, "n", "n"), (1, "y", "n"))) == pytest.approx(0.8658, abs=0.0001)
    assert percent_agreement(KRIPPENDORFF_2011) == pytest.approx(0.8182, abs=0.0001)
    assert gwet_ac1(KRIPPENDORFF_2011) == pytest.approx(0.7754, abs=0.0001)


def test_two_coders_binary_cases() -> None:
    same = [[1, 1], [0, 0], [1, 1], [0, 0]]
    assert cohen_kappa(same) == krippendorff_alpha(same) == fleiss_kappa(same) == pytest.approx(1.0)
    opposite = [[1, 0], [0, 1], [1, 0], [0, 1]]
    assert percent_agreement(opposite) == 0.0 and cohen_kappa(opposite) == pytest.approx(-1.0)
    # nobody ever coded: nothing to correct for chance, so the chance-corrected measures are undefined
    empty = [[0, 0]] * 5
    assert percent_agreement(empty) == 1.0
    assert cohen_kappa(empty) is None and krippendorff_alpha(empty) is None and fleiss_kappa(empty) is None
    # ...but AC1 knows the scale has two categories
    assert gwet_ac1(empty, categories=(0, 1)) == pytest.approx(1.0)


def test_reliability_reports_every_measure_with_intervals() -> None:
    result = reliability(KRIPPENDORFF_2011, bootstrap=400, seed=7)
    assert result.units == 11 and result.cohen_kappa is None  # four coders: no Cohen's kappa
    alpha = result.krippendorff_alpha
    assert alpha.value == pytest.approx(0.743, abs=0.0005)
    assert alpha.low is not None and alpha.high is not None and alpha.low < alpha.value <= alpha.high <= 1.0
    again = reliability(KRIPPENDORFF_2011, bootstrap=400, seed=7)
    assert again == result  # seeded: the same intervals every time
    assert reliability(KRIPPENDORFF_2011, bootstrap=400, seed=8) != result
    bare = reliability(KRIPPENDORFF_2011, bootstrap=0)
    assert bare.gwet_ac1.low is None and bare.gwet_ac1.value == pytest.approx(0.7754, abs=0.0001)


def test_weights_and_groups_equal_expanded_units() -> None:
    """A row standing for several identical units gives the coefficients of the expanded table."""
    import numpy as np

    rows = np.array([[1, 1], [0, 1], [0, 0]])
    weighted = reliability(rows, categories=(0, 1), weights=[3, 1, 6], bootstrap=0)
    expanded = reliability([[1, 1]] * 3 + [[0, 1]] + [[0, 0]] * 6, categories=(0, 1), bootstrap=0)
    assert weighted.cohen_kappa == expanded.cohen_kappa
    assert weighted.krippendorff_alpha.value == pytest.approx(expanded.krippendorff_alpha.value or 0)
    grouped = reliability(rows, categories=(0, 1), weights=[3, 1, 6], groups=[0, 0, 1], bootstrap=200)
    assert grouped.cohen_kappa is not None and grouped.cohen_kappa.value == pytest.approx(
        expanded.cohen_kappa.value or 0)  # type: ignore[union-attr]


def test_bad_input_is_refused() -> None:
    from cotheme.errors import InvalidArgument

    with pytest.raises(InvalidArgument):
        cohen_kappa([[1, 1, 1]])
    with pytest.raises(InvalidArgument):
        reliability([[1], [2]])
