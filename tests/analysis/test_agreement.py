"""Agreement statistics, checked against figures computed by hand."""

import pytest

from framing.analysis.agreement import (
    cohen_kappa,
    confusion,
    f1_interval,
    krippendorff_alpha,
    prf,
)


def test_prf_from_counts_computed_by_hand():
    # 6 true positives, 2 false positives, 4 false negatives:
    # precision 6/8, recall 6/10, F1 = 2*6 / (2*6 + 2 + 4) = 12/18.
    precision, recall, f1 = prf(6, 2, 4)
    assert precision == pytest.approx(0.75)
    assert recall == pytest.approx(0.6)
    assert f1 == pytest.approx(2 / 3)


def test_prf_is_undefined_without_positives_and_zero_when_all_wrong():
    assert prf(0, 0, 0) == (None, None, None)
    assert prf(0, 3, 0) == (0.0, None, 0.0)
    assert prf(0, 0, 2) == (None, 0.0, 0.0)


def test_confusion_counts_each_cell():
    gold = [True, True, True, False, False, False, False]
    read = [True, True, False, True, False, False, False]
    assert confusion(gold, read) == (2, 1, 1, 3)


def test_kappa_of_three_categories_by_hand():
    first = ["support", "support", "none", "none", "deny"]
    second = ["support", "none", "none", "none", "deny"]
    # Observed agreement 4/5; chance agreement
    # .4*.2 (support) + .4*.6 (none) + .2*.2 (deny) = .36;
    # kappa = (.8 - .36) / (1 - .36) = .6875.
    assert cohen_kappa(first, second) == pytest.approx(0.6875)


def test_kappa_is_one_for_perfect_agreement_and_undefined_for_a_single_label():
    assert cohen_kappa(["a", "b", "a"], ["a", "b", "a"]) == pytest.approx(1.0)
    assert cohen_kappa(["none"] * 4, ["none"] * 4) is None
    assert cohen_kappa([], []) is None


def test_alpha_matches_krippendorffs_published_example():
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
    # the nominal example: 4 observers, 12 units, missing values; alpha = 0.743.
    rows = [
        "1 2 3 3 2 1 4 1 2 . . .",
        "1 2 3 3 2 2 4 1 2 5 . 3",
        ". 3 3 3 2 3 4 2 2 5 1 .",
        "1 2 3 3 2 4 4 1 2 5 1 .",
    ]
    coders = [[None if v == "." else v for v in r.split()] for r in rows]
    assert krippendorff_alpha(list(zip(*coders, strict=True))) == pytest.approx(0.743, abs=5e-4)


def test_alpha_by_hand_for_two_coders():
    # Two coders, four units: (a,a) (a,b) (b,b) (b,b). Coincidence matrix:
    # o_aa = 2, o_ab = o_ba = 1, o_bb = 4; n_a = 3, n_b = 5, n = 8.
    # D_o = 2/8; D_e = 2 * 3 * 5 / (8 * 7) = 30/56; alpha = 1 - (2/8)/(30/56) = 8/15.
    units = [("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")]
    assert krippendorff_alpha(units) == pytest.approx(8 / 15)


def test_alpha_is_undefined_without_pairable_variation():
    assert krippendorff_alpha([("a", "a"), ("a", "a")]) is None
    assert krippendorff_alpha([("a", None), ("b", None)]) is None


def test_f1_interval_is_seeded_resamples_clusters_and_brackets_the_estimate():
    gold = [True, True, False, True, False, True, False, False]
    read = [True, False, False, True, True, True, False, False]
    clusters = ["d1", "d1", "d1", "d2", "d2", "d3", "d3", "d4"]
    lo, hi = f1_interval(gold, read, clusters, seed=7, n_bootstrap=500)
    f1 = prf(*confusion(gold, read)[:3])[2]
    assert lo <= f1 <= hi
    assert (lo, hi) == f1_interval(gold, read, clusters, seed=7, n_bootstrap=500)
    # One cluster holding every row: every draw is the data itself.
    assert f1_interval(gold, read, ["d"] * 8, seed=1, n_bootstrap=50) == (f1, f1)
    assert f1_interval([False, False], [False, False], ["a", "b"], seed=1, n_bootstrap=50) is None
