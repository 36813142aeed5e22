from __future__ import annotations

import pytest

from framing.analysis.compare import compare_outlets
from framing.model import Frame, FrameScore, LexiconSet, OutletSummary, Term


def _frame(fid: str) -> Frame:
    return Frame(fid, fid, "", "#000000", (Term("x", ("x",)),), "")


def _score(outlet: str, frame: str, k: int, n: int) -> FrameScore:
    return FrameScore(outlet, frame, k, k / n, (0.0, 1.0), k, 0.0, 0)


def test_divergence_names_most_and_least_and_orders_by_gap():
    outlets = (
        OutletSummary("a", "A", 1, 100, 1000),
        OutletSummary("b", "B", 1, 50, 500),
        OutletSummary("c", "C", 1, 40, 400),
    )
    lexicons = LexiconSet("t", (_frame("f1"), _frame("f2")), "", ())
    scores = {
        ("a", "f1"): _score("a", "f1", 10, 100),  # 0.10
        ("b", "f1"): _score("b", "f1", 10, 50),  # 0.20
        ("c", "f1"): _score("c", "f1", 2, 40),  # 0.05
        ("a", "f2"): _score("a", "f2", 50, 100),  # 0.50
        ("b", "f2"): _score("b", "f2", 5, 50),  # 0.10
        ("c", "f2"): _score("c", "f2", 20, 40),  # 0.50 (tie with a: a comes first)
    }
    result = compare_outlets(scores, outlets=outlets, lexicons=lexicons, n_bootstrap=4000, seed=3)
    assert [d.frame for d in result] == ["f2", "f1"]
    f2, f1 = result
    assert (f2.most, f2.least) == ("a", "b")
    assert f2.gap == pytest.approx(0.40)
    assert (f1.most, f1.least, f1.gap) == ("b", "c", pytest.approx(0.15))
    low, high = f2.gap_ci95
    # Normal approximation of the gap's 95% interval, for comparison.
    se = (0.5 * 0.5 / 100 + 0.1 * 0.9 / 50) ** 0.5
    assert low == pytest.approx(0.40 - 1.96 * se, abs=0.03)
    assert high == pytest.approx(0.40 + 1.96 * se, abs=0.03)
    again = compare_outlets(scores, outlets=outlets, lexicons=lexicons, n_bootstrap=4000, seed=3)
    assert again == result


def test_single_outlet_has_no_gap():
    outlets = (OutletSummary("a", "A", 1, 10, 100),)
    lexicons = LexiconSet("t", (_frame("f"),), "", ())
    (d,) = compare_outlets(
        {("a", "f"): _score("a", "f", 3, 10)},
        outlets=outlets,
        lexicons=lexicons,
        n_bootstrap=100,
        seed=1,
    )
    assert d.most == d.least == "a" and d.gap == 0.0 and d.gap_ci95 == (0.0, 0.0)
