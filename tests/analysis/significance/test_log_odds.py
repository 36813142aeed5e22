"""Tests of framing.analysis.significance.log_odds, against values computed by hand."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from framing.analysis.significance.log_odds import log_odds_terms


def test_log_odds_by_hand():
    # Rows (sentences) x terms [x, y]: outlet a uses x 3 times and y once,
    # outlet b x once and y 5 times. y = 10 words, K = 2 outlets -> α0 = 5;
    # corpus frequencies x 4/10, y 6/10 -> α_x = 2, α_y = 3.
    counts = csr_matrix(np.array([[2, 1], [1, 0], [1, 2], [0, 3]]))
    rows = ["a", "a", "b", "b"]
    result = log_odds_terms(counts, ("x", "y"), rows, outlet_ids=("a", "b"))
    assert result.alpha0 == 5.0
    # a vs b on x: δ = log((3 + 2) / (4 + 5 - 3 - 2)) - log((1 + 2) / (6 + 5 - 1 - 2))
    #             = log(5/4) - log(3/8) = log(10/3) = 1.2039728
    # σ² = 1 / (3 + 2) + 1 / (1 + 2) = 8/15; z = 1.2039728 / sqrt(8/15) = 1.6486077.
    # a on y has δ = -log(10/3) < 0: not distinctive of a.
    (x,) = result.terms["a"]
    assert (x.term, x.count) == ("x", 3)
    assert x.delta == pytest.approx(1.2039728)
    assert x.z == pytest.approx(1.6486077)
    # b vs a on y: δ = log(8/3) - log(4/5) = log(10/3); σ² = 1/8 + 1/4 = 3/8; z = 1.9660794.
    (y,) = result.terms["b"]
    assert (y.term, y.count, y.delta, y.z) == (
        "y", 5, pytest.approx(1.2039728), pytest.approx(1.9660794),
    )  # fmt: skip


def test_log_odds_with_an_explicit_prior_scale():
    # α0 = 10 -> α_x = 4: δ = log(7 / 7) - log(5 / 11) = log(11/5) = 0.7884574;
    # σ² = 1/7 + 1/5 = 12/35; z = 0.7884574 / sqrt(12/35) = 1.3465473.
    counts = np.array([[3, 1], [1, 5]])
    result = log_odds_terms(counts, ("x", "y"), ["a", "b"], outlet_ids=("a", "b"), alpha0=10)
    (x,) = result.terms["a"]
    assert (x.delta, x.z) == (pytest.approx(0.7884574), pytest.approx(1.3465473))


def test_log_odds_ranks_by_z_breaks_ties_by_vocabulary_order_and_limits_n():
    # Columns 0 ("q") and 1 ("p") are identical, so their z-scores tie: column order decides.
    counts = np.array([[2, 2, 1, 0], [0, 0, 3, 1], [1, 1, 1, 1]])
    vocabulary = ("q", "p", "r", "s")
    outlet_ids = ("a", "b", "c")
    full = log_odds_terms(counts, vocabulary, ["a", "b", "c"], outlet_ids=outlet_ids)
    assert [t.term for t in full.terms["a"]] == ["q", "p"]
    assert full.terms["a"][0].z == full.terms["a"][1].z > 0
    assert [t.term for t in full.terms["b"]] == ["r", "s"]
    assert all(t.z > 0 for terms in full.terms.values() for t in terms)
    top = log_odds_terms(counts, vocabulary, ["a", "b", "c"], outlet_ids=outlet_ids, n=1)
    assert [t.term for t in top.terms["a"]] == ["q"]
    with pytest.raises(ValueError, match="'z'"):
        log_odds_terms(counts, vocabulary, ["a", "b", "z"], outlet_ids=outlet_ids)
    with pytest.raises(ValueError, match="shape"):
        log_odds_terms(counts, vocabulary[:3], ["a", "b", "c"], outlet_ids=outlet_ids)
    # One outlet: nothing to compare it with.
    assert log_odds_terms(counts, vocabulary, ["a"] * 3, outlet_ids=("a",)).terms == {"a": ()}
