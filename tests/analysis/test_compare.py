from __future__ import annotations

import pytest

from framing.analysis.compare import compare_outlets, tied_outlets
from framing.analysis.stats import newcombe_interval, wilson_interval
from framing.model import Frame, FrameScore, LexiconSet, OutletSummary, Term


def _frame(fid: str) -> Frame:
    return Frame(fid, fid, "", "#000000", (Term("x", ("x",)),), "")


def _score(outlet: str, frame: str, k: int, n: int) -> FrameScore:
    return FrameScore(outlet, frame, k, k / n, wilson_interval(k, n), k, 0.0, 0)


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
        ("c", "f2"): _score("c", "f2", 20, 40),  # 0.50, tied with a
    }
    result = compare_outlets(scores, outlets=outlets, lexicons=lexicons, n_bootstrap=4000, seed=3)
    assert [d.frame for d in result] == ["f2", "f1"]
    f2, f1 = result
    # a and c tie at 50%: the pair named is the one on which the gap is least
    # sure, c (40 sentences) against b, not a (100 sentences) by outlet order.
    assert (f2.most, f2.least) == ("c", "b")
    assert tied_outlets(scores, f2, outlets=outlets) == (("c", "a"), ("b",))
    assert f2.gap == pytest.approx(0.40)
    assert (f1.most, f1.least, f1.gap) == ("b", "c", pytest.approx(0.15))
    low, high = f2.gap_ci95
    # Newcombe's interval from the two shares' Wilson intervals.
    assert (low, high) == newcombe_interval(
        0.5, wilson_interval(20, 40), 0.1, wilson_interval(5, 50)
    )
    # Close to the normal approximation of the gap's 95% interval, for comparison.
    se = (0.5 * 0.5 / 40 + 0.1 * 0.9 / 50) ** 0.5
    assert low == pytest.approx(0.40 - 1.96 * se, abs=0.03)
    assert high == pytest.approx(0.40 + 1.96 * se, abs=0.03)
    # The less sure pair reaches lower than the one outlet order would name.
    assert low < newcombe_interval(0.5, wilson_interval(50, 100), 0.1, wilson_interval(5, 50))[0]
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


def test_ties_at_zero_are_all_named_and_the_interval_does_not_collapse():
    # Eight outlets; seven never use the frame. None of them is "the" least.
    outlets = tuple(OutletSummary(c, c.upper(), 1, 20 + i, 200) for i, c in enumerate("abcdefgh"))
    lexicons = LexiconSet("t", (_frame("f"),), "", ())
    scores = {(o.id, "f"): _score(o.id, "f", 6 if o.id == "c" else 0, o.n_sentences)
              for o in outlets}  # fmt: skip
    (d,) = compare_outlets(scores, outlets=outlets, lexicons=lexicons)
    most, least = tied_outlets(scores, d, outlets=outlets)
    assert most == ("c",)
    assert set(least) == set("abdefgh") and least[0] == d.least
    # The pair named is the least sure one: the zero outlet with fewest sentences, "a".
    assert d.least == "a"
    assert d.gap_ci95 == newcombe_interval(
        6 / 22, wilson_interval(6, 22), 0.0, wilson_interval(0, 20)
    )
    assert d.gap_ci95[0] > 0


def test_every_outlet_alike_is_a_difference_of_zero_between_two_outlets():
    outlets = (OutletSummary("a", "A", 1, 10, 100), OutletSummary("b", "B", 1, 30, 300))
    lexicons = LexiconSet("t", (_frame("f"),), "", ())
    scores = {("a", "f"): _score("a", "f", 0, 10), ("b", "f"): _score("b", "f", 0, 30)}
    (d,) = compare_outlets(scores, outlets=outlets, lexicons=lexicons)
    assert d.gap == 0.0 and d.most != d.least
    low, high = d.gap_ci95
    assert low < 0 < high  # 0 of 10 against 0 of 30 is not "0 to 0"
    assert tied_outlets(scores, d, outlets=outlets) == ((d.most, d.least), (d.least, d.most))
