"""Tests of framing.analysis.significance.readings."""

from __future__ import annotations

from framing.analysis.significance.readings import describe_frame_mix, describe_pair
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
    assert describe_frame_mix(matrix, outlets=outlets) == (
        "Arab News and People mix the frames most alike (Jensen-Shannon distance 0.05, on a "
        "scale from 0, the same mix, to 1, no frame in common) and Military.com and People "
        "least alike (0.62). Silent invokes none of the frames, so its mix cannot be compared."
    )
    two = FrameMixDivergence(ids[:2], ((0.0, 0.3), (0.3, 0.0)))
    assert describe_frame_mix(two, outlets=outlets).startswith(
        "Military.com and Arab News mix the frames at a Jensen-Shannon distance of 0.30"
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
    assert _describe(0.41, 0.08, (0.17, 0.48), 0.0012) == (
        "Military.com gives 41% of its sentences to Legally unprotected civilians and People "
        "8%: a difference of 33 points (95% interval 17 to 48), unlikely to be chance "
        "(adjusted p = 0.001)."
    )


def test_describe_pair_puts_the_larger_share_first_and_handles_edges():
    assert _describe(0.08, 0.41, (-0.48, -0.17), 0.34) == (
        "People gives 41% of its sentences to Legally unprotected civilians and Military.com "
        "8%: a difference of 33 points (95% interval 17 to 48), could be chance "
        "(adjusted p = 0.34)."
    )
    assert _describe(0.0, 0.13, (-0.2, 0.05), 0.00001) == (
        "People gives 13% of its sentences to Legally unprotected civilians and Military.com "
        f"none: a difference of 13 points (95% interval {MINUS}5 to 20), unlikely to be chance "
        "(adjusted p < 0.001)."
    )
    assert _describe(0.0, 0.0, (0.0, 0.0), 1.0) == (
        "Neither Military.com nor People has a sentence invoking Legally unprotected "
        "civilians: no difference (adjusted p = 1)."
    )
    assert _describe(0.2, 0.2, (-0.031, 0.004), 1.0) == (
        "Military.com and People both give 20% of their sentences to Legally unprotected "
        f"civilians: no difference (95% interval {MINUS}3 to 0.4; adjusted p = 1)."
    )
    assert "difference of 0.4 points" in _describe(0.006, 0.002, (0.001, 0.008), 0.04)
    assert "difference of less than 0.1 points" in _describe(0.2004, 0.2, (-0.01, 0.01), 1.0)
    assert "gives 0.6% of its sentences" in _describe(0.006, 0.002, (0.001, 0.008), 0.04)
