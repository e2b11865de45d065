"""Ranking codes for a passage (``assist_heads``), pure numpy: which codes may be suggested, and scores
that treat a code with one extract and a code with fifty alike."""

from __future__ import annotations

import numpy as np

from cotheme.services.assist_heads import RIDGE, Candidate, Ranker, _fit_rows, fit_heads, prototypes, suggestible, why_not
from cotheme.services.assist_rank import unit

DIM = 48


def _around(rng: np.random.Generator, centre: np.ndarray, n: int, noise: float) -> np.ndarray:
    # ``noise`` is the length of the noise vector relative to the unit centre
    return unit((centre[None, :] + noise / np.sqrt(DIM) * rng.standard_normal((n, DIM))).astype(np.float32))


def test_folders_unused_parents_and_codes_with_nothing_to_go_by_are_never_suggestible() -> None:
    assert not suggestible(Candidate(codable=False, parent_unused=False, described=True, extracts=9))
    assert not suggestible(Candidate(codable=True, parent_unused=True, described=True, extracts=0))
    assert not suggestible(Candidate(codable=True, parent_unused=False, described=False, extracts=0))
    assert suggestible(Candidate(codable=True, parent_unused=False, described=True, extracts=0))
    assert suggestible(Candidate(codable=True, parent_unused=False, described=False, extracts=1))
    assert why_not(Candidate(False, False, True, 3)) == "is a folder that cannot hold codings"
    assert why_not(Candidate(True, False, False, 0)) == "has neither a definition nor a coded extract"
    assert why_not(Candidate(True, False, True, 0)) is None


def test_one_extract_competes_with_fifty() -> None:
    rng = np.random.default_rng(3)
    a, b, c = unit(rng.standard_normal((3, DIM)).astype(np.float32))
    cards = np.vstack([_around(rng, v, 1, 0.8) for v in (a, b, c)])
    many = _around(rng, a + 0.5 * b, 50, 0.6)  # a big code leaning toward b's ground
    one = _around(rng, b, 1, 0.3)
    ranker = Ranker(cards, [many, one, np.zeros((0, DIM), np.float32)])
    near_b = _around(rng, b, 40, 0.5)
    near_a = _around(rng, a, 40, 0.5)
    assert (np.argmax(ranker.scores(near_b), axis=1) == 1).mean() >= 0.9
    assert (np.argmax(ranker.scores(near_a), axis=1) == 0).mean() >= 0.9
    # A passage fits its code about as well whether the code has one extract or fifty.
    own_b = ranker.scores(near_b)[:, 1].mean()
    own_a = ranker.scores(near_a)[:, 0].mean()
    assert abs(own_a - own_b) < 0.25 * max(own_a, own_b)


def test_prototype_weighs_the_card_like_one_extract() -> None:
    card = np.eye(DIM, dtype=np.float32)[:1]
    extracts = np.eye(DIM, dtype=np.float32)[1:4]
    proto = prototypes(card, [extracts])[0]
    assert np.allclose(proto[:4], 0.5) and np.isclose(np.linalg.norm(proto), 1.0)


def test_heads_learn_each_code_from_its_rows() -> None:
    rng = np.random.default_rng(5)
    centres = unit(rng.standard_normal((4, DIM)).astype(np.float32))
    examples = [_around(rng, centres[i], n, 0.4) for i, n in enumerate((1, 2, 5, 50))]
    heads = fit_heads(centres, examples)
    tests = np.vstack([_around(rng, centres[i], 10, 0.4) for i in range(4)])
    assert (np.argmax(heads(tests), axis=1) == np.repeat(np.arange(4), 10)).mean() >= 0.9


def test_few_rows_solve_the_same_ridge_problem() -> None:
    rng = np.random.default_rng(9)
    cards = unit(rng.standard_normal((3, DIM)).astype(np.float32))
    few = [_around(rng, cards[i], n, 0.5) for i, n in enumerate((1, 2, 3))]  # 9 rows < 48 dimensions
    x, owner, w = _fit_rows(cards, few)
    y = np.eye(3)[owner]
    mx, my = (w[:, None] * x).sum(0) / w.sum(), (w[:, None] * y).sum(0) / w.sum()
    xc, yc = x - mx, y - my
    primal = np.linalg.solve((xc * w[:, None]).T @ xc + RIDGE * w.sum() * np.eye(DIM), (xc * w[:, None]).T @ yc)
    tests = _around(rng, cards[0], 5, 0.5)
    expected = tests @ primal + (my - mx @ primal)
    assert np.allclose(fit_heads(cards, few)(tests), expected, atol=1e-4)
