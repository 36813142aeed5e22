from __future__ import annotations

import pytest

from framing.analysis.prominence import HEADLINE_WEIGHT, LEDE_WEIGHT, score_prominence
from framing.model import Frame, LexiconSet, OutletSummary, Sentence, Term


def _s(i: int, part: str, lede: bool = False, outlet: str = "o") -> Sentence:
    return Sentence(i, "d", outlet, i, part, lede, f"s{i}", (f"w{i}",), 1)


LEX = LexiconSet(
    "t",
    tuple(Frame(f, f, "", "#000000", (Term("x", ("x",)),), "") for f in ("f", "g")),
    "",
    (),
)


def test_weighted_share_by_hand():
    sentences = [_s(0, "headline"), _s(1, "deck"), _s(2, "body", True), _s(3, "body")]
    invoked = {0: {"f"}, 2: {"f", "g"}, 3: {"g"}}
    result = score_prominence(
        sentences, invoked, outlets=[OutletSummary("o", "O", 1, 4, 4)], lexicons=LEX
    )
    total = 2 * HEADLINE_WEIGHT + LEDE_WEIGHT + 1
    f, g = result[("o", "f")], result[("o", "g")]
    assert f.weighted_share == pytest.approx((HEADLINE_WEIGHT + LEDE_WEIGHT) / total)
    assert g.weighted_share == pytest.approx((LEDE_WEIGHT + 1) / total)
    assert (f.headlines, f.ledes) == ((0,), (2,))
    assert (g.headlines, g.ledes) == ((), (2,))
    assert (f.n_headlines, f.n_ledes) == (2, 1)


def test_outlets_are_weighted_separately():
    sentences = [_s(0, "headline", outlet="a"), _s(1, "body", outlet="b")]
    outlets = [OutletSummary("a", "A", 1, 1, 1), OutletSummary("b", "B", 1, 1, 1)]
    result = score_prominence(sentences, {1: {"f"}}, outlets=outlets, lexicons=LEX)
    assert result[("a", "f")].weighted_share == 0.0
    assert result[("b", "f")].weighted_share == 1.0
