"""Tests of framing.analysis.significance.pairs, against values computed by hand."""

from __future__ import annotations

import math
from itertools import combinations

import numpy as np
import pytest

from framing.analysis.significance import pairs
from framing.analysis.significance.exact import benjamini_hochberg
from framing.analysis.significance.pairs import compare_pairs
from framing.analysis.stats import newcombe_interval, wilson_interval
from framing.model import Hit, LexiconSet, OutletSummary, Sentence
from tests.analysis.significance.helpers import make_frame

LEXICONS = LexiconSet("t", (make_frame("f", "Legal risk"), make_frame("g", "Heroism")), "", ())


def _corpus(spec: dict[str, list[list[str]]], *, negated: str = ""):
    """Sentences, hits and outlets from ``outlet -> articles -> sentences``.

    Each sentence is the string of frame ids it invokes ("" for none, "fg"
    for both). Every sentence also gets a negated hit of each frame in
    ``negated``, which must never count.
    """
    sentences, hits, outlets = [], [], []
    for outlet, articles in spec.items():
        n = 0
        for a, article in enumerate(articles):
            for position, frames in enumerate(article):
                sid = len(sentences)
                sentences.append(
                    Sentence(sid, f"{outlet}-{a}", outlet, position, "body", False, "", (), 5)
                )
                hits.extend(Hit(sid, f, "x", "x", 0, 1, 1.0) for f in frames)
                hits.extend(Hit(sid, f, "x", "x", 1, 2, 1.0, True, "not") for f in negated)
                n += 1
        outlets.append(OutletSummary(outlet, outlet.upper(), len(articles), n, 5 * n))
    return tuple(sentences), tuple(hits), tuple(outlets)


def _compare(spec, **kwargs):
    sentences, hits, outlets = _corpus(spec, negated=kwargs.pop("negated", ""))
    options = {"n_bootstrap": 500, "n_permutations": 500, "seed": 7} | kwargs
    return compare_pairs(sentences, hits, outlets=outlets, lexicons=LEXICONS, **options)


def test_compare_pairs_sentence_unit_uses_the_exact_test():
    # Same tables as the hand computation: A invokes f in 3 of 4 sentences, B in 0 of 6.
    (f, g) = _compare({"a": [["f", "f", "f", ""]], "b": [["", "", "", "", "", "g"]]}, negated="f")
    assert (f.frame, f.outlet_a, f.outlet_b, f.unit) == ("f", "a", "b", "sentences")
    assert (f.share_a, f.share_b, f.diff) == (0.75, 0.0, 0.75)
    assert f.p_value == pytest.approx(7 / 210)
    # g: A 0 of 4, B 1 of 6: P(x) = C(1, x) C(9, 4 - x) / C(10, 4): P(0) = 0.6, P(1) = 0.4 -> p = 1.
    assert g.p_value == pytest.approx(1.0)
    # Two tests: q = BH([1/30, 1]) = [2/30, 1].
    assert (f.q_value, g.q_value) == (pytest.approx(2 / 30), pytest.approx(1.0))


def test_q_values_adjust_over_every_frame_and_pair():
    spec = {
        "a": [["f", "f", "", "g"]] * 2,
        "b": [["", "", "f", "g", "g"]] * 2,
        "c": [["f", "g", "", ""]] * 1,
    }
    result = _compare(spec)
    # Frame-major, pairs in outlet order.
    assert [(d.frame, d.outlet_a, d.outlet_b) for d in result] == [
        ("f", "a", "b"), ("f", "a", "c"), ("f", "b", "c"),
        ("g", "a", "b"), ("g", "a", "c"), ("g", "b", "c"),
    ]  # fmt: skip
    assert [d.q_value for d in result] == pytest.approx(
        benjamini_hochberg([d.p_value for d in result])
    )
    assert all(d.q_value >= d.p_value for d in result)


def test_article_unit_needs_five_articles_in_both_outlets():
    five = [["f", ""], ["", ""], ["f", "g"], [""], ["f"]]
    result = _compare({"a": five, "b": five, "c": five[:4]})
    units = {(d.outlet_a, d.outlet_b): d.unit for d in result if d.frame == "f"}
    assert units == {("a", "b"): "articles", ("a", "c"): "sentences", ("b", "c"): "sentences"}
    # The threshold is a parameter.
    lowered = _compare({"a": five, "b": five, "c": five[:4]}, min_articles_for_article_bootstrap=4)
    assert {d.unit for d in lowered} == {"articles"}


def test_sentence_interval_is_newcombe_from_the_outlets_wilson_intervals():
    spec = {"a": [["f", "", "", "f", "g"]], "b": [["", "f", "", "", "", "", ""]]}
    (f, _g) = _compare(spec, n_bootstrap=300, seed=11)
    # A: 2 of 5, B: 1 of 7, both single articles: Wilson over sentences, by hand.
    z = 1.959963984540054
    for (k, n), (low, high) in (((2, 5), wilson_interval(2, 5)), ((1, 7), wilson_interval(1, 7))):
        p = k / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
        assert (low, high) == pytest.approx((centre - half, centre + half))
    (la, ha), (lb, hb) = wilson_interval(2, 5), wilson_interval(1, 7)
    d = 2 / 5 - 1 / 7
    assert f.ci95 == pytest.approx(
        (d - math.hypot(2 / 5 - la, hb - 1 / 7), d + math.hypot(ha - 2 / 5, 1 / 7 - lb))
    )
    assert f.ci95 == newcombe_interval(2 / 5, (la, ha), 1 / 7, (lb, hb))
    assert f.ci95[0] < 0 < f.ci95[1]  # 2 of 5 against 1 of 7 is no clear difference


def test_article_interval_allows_for_how_much_articles_differ():
    # A's articles are all-or-nothing: 3 of its 5 two-sentence articles
    # invoke f in both sentences, 2 in neither. The design effect reaches its
    # ceiling, the mean article length (2), so A's 10 sentences count as 5
    # (its articles): Wilson(3, 5) instead of Wilson(6, 10).
    spec = {"a": [["f", "f"]] * 3 + [["", ""]] * 2, "b": [["", "", "g"]] * 6}
    f, g = _compare(spec)
    assert f.unit == "articles"
    a_interval = wilson_interval(3, 5)
    b_interval = wilson_interval(0, 18)
    assert f.ci95 == pytest.approx(newcombe_interval(0.6, a_interval, 0.0, b_interval))
    assert f.ci95[0] < newcombe_interval(0.6, wilson_interval(6, 10), 0.0, b_interval)[0]
    # Articles that agree (every article of B has the same share of g) are
    # worth their sentences: never more than independent sentences.
    assert g.ci95 == pytest.approx(
        newcombe_interval(0.0, wilson_interval(0, 10), 1 / 3, wilson_interval(6, 18))
    )
    # Unlike a cluster bootstrap, the interval is never a point.
    homogeneous = _compare({"a": [["f", ""]] * 5, "b": [["", "", "g"]] * 6})[0]
    assert homogeneous.ci95[0] < 0.5 < homogeneous.ci95[1]


def test_article_permutation_p_value_matches_full_enumeration():
    # A and B have 5 articles each: there are C(10, 5) = 252 relabellings.
    # Enumerate them all for the exact permutation p-value, and check that
    # the Monte-Carlo p-value is within its sampling error of it.
    a = [["f", "f", ""], ["f"], ["f", ""], ["", "", "", "f"], ["f", "f"]]
    b = [["", ""], ["f", "", ""], [""], ["", "", "f", ""], ["", ""]]
    pooled = [(len(article), sum("f" in x for x in article)) for article in a + b]
    n_total = sum(n for n, _ in pooled)
    k_total = sum(k for _, k in pooled)

    def diff(group: tuple[int, ...]) -> float:
        n = sum(pooled[i][0] for i in group)
        k = sum(pooled[i][1] for i in group)
        return k / n - (k_total - k) / (n_total - n)

    observed = abs(diff(tuple(range(5))))
    splits = list(combinations(range(10), 5))
    exact = sum(abs(diff(s)) >= observed * (1 - 1e-9) for s in splits) / len(splits)
    (f, _g) = _compare({"a": a, "b": b}, n_permutations=20000)
    assert f.unit == "articles"
    assert f.p_value * 20001 == pytest.approx(round(f.p_value * 20001))  # (1 + count) / (1 + n)
    assert f.p_value == pytest.approx(exact, abs=4 * math.sqrt(exact * (1 - exact) / 20000))


def test_article_p_value_for_complete_separation():
    # A: every sentence invokes f; B: none. |diff| = 1 only for the observed
    # split and its mirror image: p = 2 / C(10, 5) = 2 / 252.
    spec = {"a": [["f", "f"]] * 5, "b": [["", "g"]] * 5}
    (f, g) = _compare(spec, n_permutations=4000)
    assert f.diff == 1.0
    assert f.p_value == pytest.approx(2 / 252, abs=4 * math.sqrt(2 / 252 / 4000))
    assert g.diff == -0.5


def test_same_seed_same_result_other_seed_same_exact_p_values():
    spec = {
        "a": [["f", "", "g", "f"], ["", "f"]],
        "b": [["", "", "g"], ["f", "", "", ""]],
        "c": [["f", "f", "f"]],
    }
    first = _compare(spec, seed=1)
    assert _compare(spec, seed=1) == first
    other = _compare(spec, seed=2)
    assert {d.unit for d in first} == {"sentences"}
    assert [d.p_value for d in other] == [d.p_value for d in first]
    assert [d.q_value for d in other] == [d.q_value for d in first]
    # The intervals are computed, not resampled: the seed does not move them.
    assert [d.ci95 for d in other] == [d.ci95 for d in first]


def test_article_results_are_deterministic_and_chunking_does_not_matter(monkeypatch):
    rng = np.random.default_rng(3)
    spec = {
        o: [["f" * int(rng.random() < rate) + "g" * int(rng.random() < 0.2) for _ in range(4)]
            for _ in range(6 + i)]
        for i, (o, rate) in enumerate([("a", 0.2), ("b", 0.4), ("c", 0.3)])
    }  # fmt: skip
    first = _compare(spec, seed=5)
    assert {d.unit for d in first} == {"articles"}
    assert _compare(spec, seed=5) == first
    monkeypatch.setattr(pairs, "_PERMUTATION_CHUNK", 37)
    assert _compare(spec, seed=5) == first
    assert _compare(spec, seed=6) != first


def test_article_results_do_not_depend_on_the_threads(monkeypatch):
    rng = np.random.default_rng(4)
    spec = {
        o: [["f" * int(rng.random() < rate) + "g" * int(rng.random() < 0.3) for _ in range(3)]
            for _ in range(5 + 2 * i)]
        for i, (o, rate) in enumerate([("a", 0.1), ("b", 0.5), ("c", 0.3), ("d", 0.2)])
    }  # fmt: skip
    monkeypatch.setattr(pairs, "_PERMUTATION_CHUNK", 150)  # several blocks of permutations
    first = _compare(spec, seed=9)
    assert {d.unit for d in first} == {"articles"}
    assert len({d.p_value for d in first}) > 3  # the p-values differ from pair to pair
    for threads in (2, 3, 8):
        assert _compare(spec, seed=9, threads=threads) == first


def test_zero_shares_give_p_one():
    spec = {"a": [["", "f"]], "b": [["", "", ""]]}
    f, g = _compare(spec)
    assert (f.share_a, f.share_b) == (0.5, 0.0)
    assert (g.share_a, g.share_b, g.diff) == (0.0, 0.0, 0.0)
    assert g.p_value == 1.0
    # 0 of 2 against 0 of 3 is no evidence of equality either: the interval
    # reaches each outlet's Wilson upper bound, never "0 to 0".
    assert g.ci95 == pytest.approx((-wilson_interval(0, 3)[1], wilson_interval(0, 2)[1]))
    assert f.ci95[0] < 0 < f.ci95[1]
    # With the article unit as well.
    five = {"a": [["", ""]] * 5, "b": [[""]] * 6}
    assert all(d.p_value == 1.0 and d.diff == 0.0 for d in _compare(five))


def test_one_outlet_has_no_pairs_and_bad_counts_are_refused():
    assert _compare({"a": [["f"]]}) == ()
    with pytest.raises(ValueError):
        _compare({"a": [["f"]], "b": [[""]]}, n_permutations=0)


def test_sentence_of_an_unknown_outlet_is_refused():
    sentences, hits, outlets = _corpus({"a": [["f"]], "b": [[""]]})
    with pytest.raises(ValueError, match="'b'"):
        compare_pairs(
            sentences, hits, outlets=outlets[:1], lexicons=LEXICONS, n_bootstrap=10, seed=1
        )
