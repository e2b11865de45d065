"""Krippendorff's alpha_u against hand computation and the literature.

* Krippendorff (2004), Content Analysis, 2nd ed., p. 254: two coders on a continuum 150-450 with
  categories c and k. alpha_u(c) = .7286 (D_o = .0144, D_e = .0532), alpha_u(k) = 1 (D_e = .0490),
  alpha_u = .859 over both. (The values are as reproduced in DKPro Statistics' Krippendorff2004Test,
  which reports the overall value as .8591 +/- .0005; the exact value of the formula is .85867.)
* Krippendorff (1995), Sociological Methodology 25, p. 57: four pairs of coders on 24 units of length
  (examples A-D). D_o is exact (A .03125, B 2.26736, C .02778, D .38715). The paper treats the
  continuum as continuous, so the expected disagreement is compared on the example stretched 1000
  times (24,000 characters), where the character-level formula reaches the published alpha_u of A
  (.553), B (-.926) and D (.066). Example C's published .679 is not reproduced (.693 here): DKPro notes a
  slip in the paper's D_e, and we do not assert it.
* A case small enough to do by hand (in the docstring of ``test_hand_computed_case``).
"""

from __future__ import annotations

import pytest

from cotheme.domain.unitizing import Continuum, alpha_u, alpha_u_by_code, disagreement, joined, sections


def doc(length: int, *coders: list[tuple[int, int]]) -> Continuum:
    return Continuum(length, tuple(tuple(spans) for spans in coders))


def shifted(spans: list[tuple[int, int]], by: int = 150) -> list[tuple[int, int]]:
    """(begin, length) on the book's continuum 150..450 as (start, end) from 0."""
    return [(b - by, b - by + n) for b, n in spans]


C_2004 = doc(300, shifted([(225, 70), (370, 30)]), shifted([(220, 80), (355, 20), (400, 20)]))
K_2004 = doc(300, shifted([(180, 60), (300, 50)]), shifted([(180, 60), (300, 50)]))


def test_krippendorff_2004_example() -> None:
    c = disagreement([C_2004])
    assert c.observed == pytest.approx(0.0144, abs=0.00005)
    assert c.expected == pytest.approx(0.0532, abs=0.00005)
    assert c.alpha == pytest.approx(0.7286, abs=0.00005)
    k = disagreement([K_2004])
    assert k.observed == 0 and k.expected == pytest.approx(0.0490, abs=0.00005) and k.alpha == 1.0
    both = alpha_u_by_code({"c": [C_2004], "k": [K_2004]}, bootstrap=0)
    assert both.overall.value == pytest.approx(0.859, abs=0.0005)
    assert both.by_code["c"].value == pytest.approx(0.7286, abs=0.00005)


def example_1995(stretch: int) -> dict[str, Continuum]:
    def s(begin: int, length: int) -> tuple[int, int]:
        return begin * stretch, (begin + length) * stretch

    return {
        "A": doc(24 * stretch, [s(2, 8), s(14, 6)], [s(4, 4), s(15, 2)]),
        "B": doc(24 * stretch, [s(0, 18)], [s(0, 2), s(2, 1), s(3, 1), s(4, 1), s(5, 1), s(6, 3), s(9, 1)]),
        "C": doc(24 * stretch, [s(2, 6), s(10, 2), s(14, 4), s(20, 2)],
                 [s(0, 2), s(4, 4), s(10, 4), s(16, 2), s(20, 2)]),
        "D": doc(24 * stretch, [s(0, 2), s(2, 8), s(10, 4), s(14, 6), s(20, 4)],
                 [s(0, 4), s(4, 4), s(8, 7), s(15, 2), s(17, 7)]),
    }


def test_krippendorff_1995_examples() -> None:
    observed = {"A": 0.03125, "B": 2.26736, "C": 0.02777, "D": 0.38715}
    for name, continuum in example_1995(1).items():
        assert disagreement([continuum]).observed == pytest.approx(observed[name], abs=0.00001), name
    stretched = example_1995(1000)
    published = {"A": 0.553, "B": -0.926, "D": 0.066}
    for name, value in published.items():
        assert alpha_u([stretched[name]]) == pytest.approx(value, abs=0.005), name
    assert disagreement([stretched["A"]]).expected == pytest.approx(0.06990, abs=0.0001)
    assert disagreement([stretched["D"]]).expected == pytest.approx(0.41445, abs=0.0002)


def test_hand_computed_case() -> None:
    """L = 4; coder 1 codes 0-2, coder 2 codes 0-1.

    D_o: the units overlap: (0-0)^2 + (2-1)^2 = 1, counted for both orders, over m(m-1)L^2 = 32: 1/16.
    D_e: units of 2 and 1 (N = 2), gaps of 2 and 3. Unit 2: (2*8 - 3*4 + 2)/3 = 2, plus 2^2 * ((2-2+1) +
    (3-2+1)) = 12; unit 1: 0, plus 1 * (2 + 3) = 5. (2/4) * 19 / (8*7 - (2 + 0)) = 9.5/54.
    alpha_u = 1 - (1/16)/(9.5/54) = 0.644737.
    """
    d = disagreement([doc(4, [(0, 2)], [(0, 1)])])
    assert d.observed == pytest.approx(1 / 16)
    assert d.expected == pytest.approx(9.5 / 54)
    assert d.alpha == pytest.approx(1 - (1 / 16) / (9.5 / 54))


def test_simple_cases() -> None:
    assert alpha_u([doc(100, [(10, 20), (50, 70)], [(10, 20), (50, 70)])]) == 1.0  # identical spans
    disjoint = alpha_u([doc(100, [(10, 20)], [(50, 60)])])
    assert disjoint is not None and disjoint < 0  # worse than chance
    assert alpha_u([doc(100, [], [])]) is None  # nobody coded: nothing to agree on
    one_only = alpha_u([doc(100, [(10, 30)], [])])
    assert one_only is not None and one_only < 0
    # a second document where both coded nothing adds agreeing gap and lifts the coefficient
    both = alpha_u([doc(100, [(10, 30)], [(12, 30)]), doc(100, [], [])])
    assert both is not None and both > (alpha_u([doc(100, [(10, 30)], [(12, 30)])]) or 0)


def test_overlapping_spans_of_one_coder_are_joined() -> None:
    assert joined([(5, 10), (0, 6), (10, 12)]) == [(0, 10), (10, 12)]  # touching spans stay apart
    assert sections([(5, 10), (0, 6)], 12) == [(0, 10, True), (10, 12, False)]
    assert alpha_u([doc(50, [(0, 6), (5, 10)], [(0, 10)])]) == 1.0


def test_bootstrap_over_documents() -> None:
    docs = [doc(100, [(10, 30)], [(12, 30)]), doc(100, [(40, 60)], [(40, 60)]), doc(100, [(5, 9)], [(50, 70)])]
    result = alpha_u_by_code({"x": docs, "y": list(reversed(docs))}, bootstrap=300, seed=3)
    x = result.by_code["x"]
    assert x.value is not None and x.low is not None and x.high is not None and x.low <= x.value <= x.high
    assert result == alpha_u_by_code({"x": docs, "y": list(reversed(docs))}, bootstrap=300, seed=3)
    single = alpha_u_by_code({"x": docs[:1]}, bootstrap=300)
    assert single.overall.value is not None and single.overall.low is None  # one document: no interval
