"""Tests of framing.analysis.significance against values computed by hand (written out below)."""

from __future__ import annotations

import math
import re
from itertools import combinations

import numpy as np
import pytest
from scipy.sparse import csr_matrix
from scipy.stats import fisher_exact

from framing.analysis import significance as sig
from framing.analysis.significance import (
    FrameMixDivergence,
    PairDifference,
    benjamini_hochberg,
    compare_pairs,
    describe_frame_mix,
    describe_pair,
    fisher_two_sided,
    frame_mix_divergence,
    log_odds_terms,
    small_sample_caveat,
)
from framing.analysis.stats import bootstrap_share_draws, percentile_interval, rng_for
from framing.model import Frame, FrameScore, Hit, LexiconSet, OutletSummary, Sentence, Term

MINUS = "\u2212"


def _frame(fid: str, label: str | None = None) -> Frame:
    return Frame(fid, label or fid, "", "#000000", (Term("x", ("x",)),), "")


LEXICONS = LexiconSet("t", (_frame("f", "Legal risk"), _frame("g", "Heroism")), "", ())


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


# --------------------------------------------------------------------------
# Exact (sentence-level) test
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# Benjamini-Hochberg
# --------------------------------------------------------------------------


def test_benjamini_hochberg_by_hand():
    # Sorted: 0.01 (rank 1), 0.03 (2), 0.04 (3), 0.2 (4); m p / rank = 0.04, 0.06, 0.0533.., 0.2;
    # running minimum from the largest rank down: 0.2, 0.0533.., 0.0533.., 0.04.
    q = benjamini_hochberg([0.01, 0.04, 0.03, 0.2])
    assert q == pytest.approx([0.04, 0.16 / 3, 0.16 / 3, 0.2])
    assert benjamini_hochberg([]) == ()


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


# --------------------------------------------------------------------------
# Units, intervals, determinism
# --------------------------------------------------------------------------


def test_article_unit_needs_five_articles_in_both_outlets():
    five = [["f", ""], ["", ""], ["f", "g"], [""], ["f"]]
    result = _compare({"a": five, "b": five, "c": five[:4]})
    units = {(d.outlet_a, d.outlet_b): d.unit for d in result if d.frame == "f"}
    assert units == {("a", "b"): "articles", ("a", "c"): "sentences", ("b", "c"): "sentences"}
    # The threshold is a parameter.
    lowered = _compare({"a": five, "b": five, "c": five[:4]}, min_articles_for_article_bootstrap=4)
    assert {d.unit for d in lowered} == {"articles"}


def test_sentence_interval_reuses_the_outlets_own_bootstrap_draws():
    spec = {"a": [["f", "", "", "f", "g"]], "b": [["", "f", "", "", "", "", ""]]}
    (f, _g) = _compare(spec, n_bootstrap=300, seed=11)
    # score_frames draws outlet i, frame j from rng_for(seed, i, j); the pair's
    # interval is the percentile interval of the differences of those draws.
    draws_a = bootstrap_share_draws(2, 5, n_resamples=300, rng=rng_for(11, 0, 0))
    draws_b = bootstrap_share_draws(1, 7, n_resamples=300, rng=rng_for(11, 1, 0))
    assert f.ci95 == percentile_interval(draws_a - draws_b)


def test_article_interval_is_a_cluster_bootstrap():
    # Every article of A has 1 of its 2 sentences invoking f, every article of
    # B none of its 3: however articles are redrawn the shares stay 0.5 and 0,
    # so the interval is a point. A sentence bootstrap would be wide.
    spec = {"a": [["f", ""]] * 5, "b": [["", "", "g"]] * 6}
    f, g = _compare(spec)
    assert f.unit == "articles"
    assert f.ci95 == (0.5, 0.5)
    assert g.ci95 == pytest.approx((-1 / 3, -1 / 3))


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
    assert [d.ci95 for d in other] != [d.ci95 for d in first]


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
    monkeypatch.setattr(sig, "_PERMUTATION_CHUNK", 37)
    monkeypatch.setattr(sig, "_BOOTSTRAP_CHUNK", 13)
    assert _compare(spec, seed=5) == first
    assert _compare(spec, seed=6) != first


def test_zero_shares_give_p_one():
    spec = {"a": [["", "f"]], "b": [["", "", ""]]}
    f, g = _compare(spec)
    assert (f.share_a, f.share_b) == (0.5, 0.0)
    assert (g.share_a, g.share_b, g.diff) == (0.0, 0.0, 0.0)
    assert g.p_value == 1.0 and g.ci95 == (0.0, 0.0)
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


# --------------------------------------------------------------------------
# Small samples
# --------------------------------------------------------------------------


def _outlets(*sizes: tuple[str, int]) -> tuple[OutletSummary, ...]:
    return tuple(
        OutletSummary(re.sub(r"[^a-z0-9]+", "-", name.lower()), name, n, 10 * n, 100 * n)
        for name, n in sizes
    )


def test_small_sample_caveat_names_single_article_outlets():
    outlets = _outlets(("Military.com", 1), ("Reuters", 12), ("Arab News", 1), ("People", 1))
    caveat = small_sample_caveat(outlets)
    assert caveat.message == (
        "Military.com, Arab News and People are each represented by a single article: "
        "the differences describe these articles, not the outlets."
    )
    assert dict(caveat.small) == {
        "military-com": True, "reuters": False, "arab-news": True, "people": True,
    }  # fmt: skip
    assert caveat.outlets == ("military-com", "arab-news", "people")


def test_small_sample_caveat_plurals():
    one = small_sample_caveat(_outlets(("People", 1), ("Reuters", 3)))
    assert one.message == (
        "People is represented by a single article: "
        "the differences describe this article, not the outlet."
    )
    two = small_sample_caveat(_outlets(("People", 2), ("Reuters", 3)))
    assert two.message == (
        "People is represented by only two articles: "
        "the differences describe these articles, not the outlet."
    )
    mixed = small_sample_caveat(_outlets(("A", 2), ("B", 1), ("C", 1), ("D", 9), ("E", 2)))
    assert mixed.message == (
        "B and C are each represented by a single article and A and E each by only two "
        "articles: the differences describe these articles, not the outlets."
    )
    none = small_sample_caveat(_outlets(("A", 3), ("B", 4)))
    assert none.message is None and none.outlets == ()
    assert small_sample_caveat(_outlets(("A", 4)), min_articles=5).outlets == ("a",)


# --------------------------------------------------------------------------
# Jensen-Shannon
# --------------------------------------------------------------------------


def _scores(hits: dict[str, tuple[int, ...]], frames: tuple[str, ...]):
    return {
        (o, f): FrameScore(o, f, n, 0.0, (0.0, 0.0), n, 0.0, 0)
        for o, counts in hits.items()
        for f, n in zip(frames, counts, strict=True)
    }


def test_jensen_shannon_by_hand():
    frames = ("f", "g", "h")
    lexicons = LexiconSet("t", tuple(_frame(f) for f in frames), "", ())
    hits = {"a": (2, 2, 0), "b": (0, 1, 1), "c": (3, 0, 0), "d": (1, 1, 0), "e": (0, 0, 0)}
    outlets = _outlets(*((o.upper(), 1) for o in hits))
    result = frame_mix_divergence(_scores(hits, frames), outlets=outlets, lexicons=lexicons)
    assert result.outlets == ("a", "b", "c", "d", "e")
    # a = (1/2, 1/2, 0), b = (0, 1/2, 1/2), M = (1/4, 1/2, 1/4):
    # KL(a||M) = 1/2 log2 2 + 1/2 log2 1 = 1/2 = KL(b||M) -> JSD = 1/2 bit, distance sqrt(1/2).
    assert result.distance[0][1] == pytest.approx(math.sqrt(0.5))
    assert result.divergence[0][1] == pytest.approx(0.5)
    # c = (1, 0, 0), d = (1/2, 1/2, 0), M = (3/4, 1/4, 0):
    # KL(c||M) = log2(4/3) = 0.415037; KL(d||M) = 1/2 log2(2/3) + 1/2 log2 2 = 0.207519;
    # JSD = (0.415037 + 0.207519) / 2 = 0.311278; distance = 0.557923.
    assert result.divergence[2][3] == pytest.approx(0.311278, abs=1e-6)
    assert result.distance[2][3] == pytest.approx(0.557923, abs=1e-6)
    # Same mix, different amounts: distance 0 (a and d).
    assert result.distance[0][3] == pytest.approx(0.0)
    # No frame in common: distance 1 (b and c).
    assert result.distance[1][2] == pytest.approx(1.0)
    # Symmetric, zero diagonal; the outlet without hits has no distances.
    assert all(result.distance[i][j] == result.distance[j][i] for i in range(4) for j in range(4))
    assert [result.distance[i][i] for i in range(4)] == [0.0] * 4
    assert result.distance[4] == (None,) * 5
    assert all(row[4] is None for row in result.distance)
    assert len(result.pairs()) == 6


def test_describe_frame_mix():
    outlets = _outlets(("Military.com", 1), ("Arab News", 1), ("People", 1), ("Silent", 1))
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


# --------------------------------------------------------------------------
# Log-odds with an informative Dirichlet prior
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# Plain-language readings
# --------------------------------------------------------------------------

OUTLETS = _outlets(("Military.com", 1), ("People", 1))
PAIR_LEXICONS = LexiconSet("t", (_frame("civ", "Legally unprotected civilians"),), "", ())


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
