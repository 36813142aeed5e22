"""Tests of framing.analysis.significance.gaps: divergences in words that hold."""

from __future__ import annotations

from framing.analysis.compare import compare_outlets
from framing.analysis.significance.gaps import describe_divergence
from framing.analysis.stats import wilson_interval
from framing.model import FrameScore, LexiconSet, OutletSummary, PairDifference
from tests.analysis.significance.helpers import make_frame

LEXICONS = LexiconSet("t", (make_frame("f", "Legal risk"),), "", ())
MINUS = "\u2212"


def _setup(counts: dict[str, tuple[int, int, int]]):
    """Outlets and scores from ``name -> (articles, invoking sentences, sentences)``."""
    outlets = tuple(
        OutletSummary(name.lower(), name, articles, n, 10 * n)
        for name, (articles, _, n) in counts.items()
    )
    scores = {
        (name.lower(), "f"): FrameScore(
            name.lower(), "f", k, k / n, wilson_interval(k, n), k, 0.0, 0
        )
        for name, (_, k, n) in counts.items()
    }
    (divergence,) = compare_outlets(scores, outlets=outlets, lexicons=LEXICONS)
    return divergence, scores, outlets


def _read(counts, pairs=()):
    divergence, scores, outlets = _setup(counts)
    return describe_divergence(divergence, scores=scores, outlets=outlets, pairs=pairs)


def _pair(divergence, q: float) -> PairDifference:
    return PairDifference(
        "f", divergence.most, divergence.least, divergence.most_share, divergence.least_share,
        divergence.gap, divergence.gap_ci95, q, q, "sentences",
    )  # fmt: skip


def test_one_article_per_outlet_speaks_of_articles_and_holds_the_gap():
    counts = {"Military": (1, 12, 29), "Arab": (1, 4, 41), "People": (1, 3, 38)}
    divergence, scores, outlets = _setup(counts)
    reading = describe_divergence(
        divergence, scores=scores, outlets=outlets, pairs=(_pair(divergence, 0.01),)
    )
    assert reading.finding == "gap"
    assert reading.text("Legal risk") == (
        "In Military's article, 41% of sentences (12 of 29) invoke Legal risk; in People's "
        "article, 8% (3 of 38). A gap of 33 percentage points (95% interval 13 to 52), "
        "unlikely to be chance (adjusted p = 0.01)."
    )
    # Without the pairwise tests (quick mode), the interval alone decides.
    quick = describe_divergence(divergence, scores=scores, outlets=outlets)
    assert quick.verdict == "A gap of 33 percentage points (95% interval 13 to 52)."


def test_an_interval_that_includes_zero_is_no_clear_difference():
    reading = _read({"Arab": (1, 5, 41), "Military": (1, 0, 29)})
    assert reading.finding == "no_clear_difference"
    assert reading.text("Legal risk") == (
        "In Arab's article, 12% of sentences (5 of 41) invoke Legal risk; in Military's "
        f"article, none (0 of 29). No clear difference: 12 percentage points, but its 95% "
        f"interval, {MINUS}1 to 26, includes zero, so chance alone could give a difference "
        "this large."
    )
    assert "gap" not in reading.text("Legal risk")


def test_an_interval_that_excludes_zero_with_a_high_adjusted_p_could_be_chance():
    divergence, scores, outlets = _setup({"Arab": (1, 6, 41), "Military": (1, 0, 29)})
    assert divergence.gap_ci95[0] > 0
    pairs = (_pair(divergence, 0.11),) * 9
    reading = describe_divergence(divergence, scores=scores, outlets=outlets, pairs=pairs)
    assert reading.finding == "could_be_chance"
    assert reading.verdict == (
        "A difference of 15 percentage points (95% interval 0.6 to 28) that could still be "
        "chance, given the 9 comparisons made (adjusted p = 0.11)."
    )


def test_ties_are_named_as_ties():
    # Two outlets never use the frame: both are named, with their counts.
    two = _read({"Arab": (1, 12, 40), "Military": (1, 0, 29), "People": (1, 0, 38)})
    assert two.least == ("military", "people")
    assert two.after == "; in Military's article and People's article, none (0 of 29 and 0 of 38)."
    # Seven of eight never use it: they are counted and named, never one of them as the least.
    counts = {name: (1, 0, 30) for name in "ABDEFGH"} | {"C": (1, 15, 30)}
    eight = _read(counts)
    assert len(eight.least) == 7
    assert eight.after == "; in the articles of 7 outlets (A, B, D, E, F, G and H), none."
    assert eight.finding == "gap"
    # Ties at the top too.
    top = _read({"A": (4, 10, 40), "B": (5, 5, 20), "C": (3, 0, 30)})
    assert top.most == ("b", "a")
    assert top.before == "In B and A, 25% of sentences (5 of 20 and 10 of 40) invoke "
    assert top.after == "; in C, none (0 of 30)."


def test_no_difference_at_all():
    zero = _read({"A": (1, 0, 10), "B": (2, 0, 20), "C": (3, 0, 30)})
    assert zero.finding == "no_difference"
    assert (
        zero.text("Legal risk")
        == "No sentence in any of the 3 outlets' articles invokes Legal risk."
    )
    same = _read({"A": (4, 2, 10), "B": (4, 4, 20)})
    assert same.text("Legal risk") == (
        "In every outlet, 20% of sentences invoke Legal risk. No difference between the outlets."
    )
    alone = _read({"People": (2, 3, 30)})
    assert alone.text("Legal risk") == (
        "With one outlet there is nothing to compare: in People's two articles, 10% of "
        "sentences (3 of 30) invoke Legal risk."
    )
