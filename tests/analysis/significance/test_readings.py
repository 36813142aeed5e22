"""Tests of framing.analysis.significance.readings."""

from __future__ import annotations

from framing.analysis.significance.readings import describe_frame_mix, describe_pair, is_clear
from framing.model import FrameMixDivergence, LexiconSet, PairDifference
from tests.analysis.significance.helpers import make_frame, make_outlets

MINUS = "\u2212"


def test_describe_frame_mix():
    outlets = make_outlets(("Military.com", 1), ("Arab News", 1), ("People", 1), ("Silent", 1))
    ids = tuple(o.id for o in outlets)
    matrix = FrameMixDivergence(
        ids,
        (
            (0.0, 0.30, 0.62, None),
            (0.30, 0.0, 0.05, None),
            (0.62, 0.05, 0.0, None),
            (None, None, None, None),
        ),
    )
    # One article each: the reading is about the articles, not the outlets.
    assert describe_frame_mix(matrix, outlets=outlets) == (
        "Arab News's article and People's article mix the frames most alike (Jensen-Shannon "
        "distance 0.05, on a scale from 0, the same mix, to 1, no frame in common) and "
        "Military.com's article and People's article least alike (0.62). Silent's article "
        "invokes none of the frames, so its mix cannot be compared."
    )
    two = FrameMixDivergence(ids[:2], ((0.0, 0.3), (0.3, 0.0)))
    assert describe_frame_mix(two, outlets=outlets).startswith(
        "Military.com's article and Arab News's article mix the frames at a Jensen-Shannon "
        "distance of 0.30"
    )
    # Outlets with three articles or more are named as outlets.
    many = make_outlets(("Military.com", 3), ("Arab News", 5), ("People", 2), ("Silent", 4))
    assert describe_frame_mix(matrix, outlets=many) == (
        "Arab News and People's two articles mix the frames most alike (Jensen-Shannon "
        "distance 0.05, on a scale from 0, the same mix, to 1, no frame in common) and "
        "Military.com and People's two articles least alike (0.62). Silent invokes none of "
        "the frames, so its mix cannot be compared."
    )
    alone = FrameMixDivergence(ids[:1], ((0.0,),))
    assert "only one outlet" in describe_frame_mix(alone, outlets=outlets)
    tie = FrameMixDivergence(ids[:3], ((0.0, 0.2, 0.2), (0.2, 0.0, 0.5), (0.2, 0.5, 0.0)))
    assert "most alike (Jensen-Shannon distance 0.20" in describe_frame_mix(tie, outlets=outlets)
    assert "tied with 1 other pair)" in describe_frame_mix(tie, outlets=outlets)


OUTLETS = make_outlets(("Military.com", 1), ("People", 1))
PAIR_LEXICONS = LexiconSet("t", (make_frame("civ", "Legally unprotected civilians"),), "", ())


def _difference(share_a, share_b, ci, q) -> PairDifference:
    return PairDifference(
        "civ", "military-com", "people", share_a, share_b, share_a - share_b, ci, q, q,
        "sentences",
    )  # fmt: skip


def _describe(*args) -> str:
    return describe_pair(_difference(*args), outlets=OUTLETS, lexicons=PAIR_LEXICONS)


def test_describe_pair():
    # One article each (OUTLETS): the reading speaks of the articles.
    assert _describe(0.41, 0.08, (0.17, 0.48), 0.0012) == (
        "In Military.com's article, 41% of sentences invoke Legally unprotected civilians; "
        "in People's article, 8%: a difference of 33 points (95% interval 17 to 48), unlikely "
        "to be chance (adjusted p = 0.001)."
    )
    many = make_outlets(("Military.com", 7), ("People", 2))
    assert describe_pair(
        _difference(0.41, 0.08, (0.17, 0.48), 0.0012), outlets=many, lexicons=PAIR_LEXICONS
    ).startswith("In Military.com, 41% of sentences invoke Legally unprotected civilians; in "
                 "People's two articles, 8%:")  # fmt: skip


def test_describe_pair_calls_chance_only_what_both_interval_and_test_allow():
    # The interval excludes zero but the adjusted p-value does not clear 0.05.
    multiple = _difference(0.15, 0.0, (0.006, 0.28), 0.11)
    assert not is_clear(multiple)
    assert describe_pair(multiple, outlets=OUTLETS, lexicons=PAIR_LEXICONS).endswith(
        "a difference of 15 points (95% interval 0.6 to 28), could be chance, given how many "
        "comparisons were made (adjusted p = 0.11)."
    )
    # The test clears 0.05 but the interval includes zero: not called unlikely to be chance.
    disagree = _difference(0.15, 0.0, (-0.01, 0.28), 0.03)
    assert not is_clear(disagree)
    assert describe_pair(disagree, outlets=OUTLETS, lexicons=PAIR_LEXICONS).endswith(
        "could be chance: its interval includes zero, though the test gives adjusted p = 0.03."
    )
    assert is_clear(_difference(0.15, 0.0, (0.01, 0.28), 0.03))


def test_describe_pair_puts_the_larger_share_first_and_handles_edges():
    # An interval that excludes zero (the 33-point difference) with q = 0.34
    # could be chance given the comparisons made.
    assert _describe(0.08, 0.41, (-0.48, -0.17), 0.34) == (
        "In People's article, 41% of sentences invoke Legally unprotected civilians; in "
        "Military.com's article, 8%: a difference of 33 points (95% interval 17 to 48), could "
        "be chance, given how many comparisons were made (adjusted p = 0.34)."
    )
    # Was "unlikely to be chance" although the interval (-5 to 20) includes zero.
    assert _describe(0.0, 0.13, (-0.2, 0.05), 0.00001) == (
        "In People's article, 13% of sentences invoke Legally unprotected civilians; in "
        f"Military.com's article, none: a difference of 13 points (95% interval {MINUS}5 to "
        "20), could be chance: its interval includes zero, though the test gives adjusted "
        "p < 0.001."
    )
    assert _describe(0.0, 0.0, (-0.15, 0.12), 1.0) == (
        "Neither Military.com's article nor People's article has a sentence invoking Legally "
        "unprotected civilians: no difference (adjusted p = 1)."
    )
    assert _describe(0.2, 0.2, (-0.031, 0.004), 1.0) == (
        "In Military.com's article and People's article alike, 20% of sentences invoke Legally "
        f"unprotected civilians: no difference (95% interval {MINUS}3 to 0.4; adjusted p = 1)."
    )
    assert "difference of 0.4 points" in _describe(0.006, 0.002, (0.001, 0.008), 0.04)
    assert "difference of 1 point " in _describe(0.03, 0.02, (-0.01, 0.03), 0.5)
    assert "difference of less than 0.1 points" in _describe(0.2004, 0.2, (-0.01, 0.01), 1.0)
    assert ", 0.6% of sentences invoke" in _describe(0.006, 0.002, (0.001, 0.008), 0.04)
