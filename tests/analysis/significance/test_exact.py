"""Tests of framing.analysis.significance.exact, against values computed by hand."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import fisher_exact

from framing.analysis.significance.exact import benjamini_hochberg, fisher_two_sided


def test_fisher_two_sided_by_hand():
    # A: 4 sentences, B: 6; 3 invoking sentences in all. Under relabelling,
    # A's count x is hypergeometric: P(x) = C(3, x) C(7, 4 - x) / C(10, 4)
    #   P(0) = 35/210, P(1) = 105/210, P(2) = 63/210, P(3) = 7/210.
    # Two-sided p = total probability of the x with P(x) <= P(observed):
    #   x = 3 -> 7/210; x = 0 -> (35 + 7)/210; x = 2 -> (35 + 63 + 7)/210; x = 1 (mode) -> 1.
    # (Doubling the one-sided p would give 14/210 for x = 3, not 7/210.)
    p = fisher_two_sided([3, 0, 2, 1], [4, 4, 4, 4], [0, 3, 1, 2], [6, 6, 6, 6])
    assert p == pytest.approx([7 / 210, 42 / 210, 105 / 210, 1.0], rel=1e-9)


def test_fisher_two_sided_single_table_is_one():
    # No invoking sentence, or an empty group: only one table is possible.
    assert list(fisher_two_sided([0, 0, 3], [5, 0, 3], [0, 4, 4], [7, 9, 4])) == [1.0, 1.0, 1.0]


def test_fisher_two_sided_matches_scipy_fisher_exact():
    rng = np.random.default_rng(0)
    n_a = rng.integers(1, 3000, size=300)
    n_b = rng.integers(1, 3000, size=300)
    k_a = rng.binomial(n_a, rng.uniform(0, 0.4, size=300))
    k_b = rng.binomial(n_b, rng.uniform(0, 0.4, size=300))
    expected = [
        fisher_exact([[ka, na - ka], [kb, nb - kb]]).pvalue
        for ka, na, kb, nb in zip(k_a, n_a, k_b, n_b, strict=True)
    ]
    got = fisher_two_sided(k_a, n_a, k_b, n_b)
    assert got == pytest.approx(expected, rel=1e-6, abs=1e-300)


def test_benjamini_hochberg_by_hand():
    # Sorted: 0.01 (rank 1), 0.03 (2), 0.04 (3), 0.2 (4); m p / rank = 0.04, 0.06, 0.0533.., 0.2;
    # running minimum from the largest rank down: 0.2, 0.0533.., 0.0533.., 0.04.
    q = benjamini_hochberg([0.01, 0.04, 0.03, 0.2])
    assert q == pytest.approx([0.04, 0.16 / 3, 0.16 / 3, 0.2])
    assert benjamini_hochberg([]) == ()
