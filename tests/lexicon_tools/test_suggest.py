"""suggest: the log-odds statistic, and the terms it ranks for a frame."""

from __future__ import annotations

import math

import pytest

from framing.analysis.stats import log_odds_dirichlet
from framing.lexicon_tools.suggest import suggest_terms
from framing.lexicons.match import match_sentences
from tests.conftest import make_sentence


def test_log_odds_matches_a_hand_computed_example():
    # y_i = [3, 1, 0], y_j = [1, 2, 5]: n_i = 4, n_j = 8, n = 12.
    # Default prior scale alpha0 = n = 12, so alpha_w = y_w = [4, 3, 5].
    odds = log_odds_dirichlet([3, 1, 0], [1, 2, 5])
    # term 0: log((3+4)/(4+12-3-4)) - log((1+4)/(8+12-1-4)) = log(7/9) - log(5/15)
    # term 1: log((1+3)/(4+12-1-3)) - log((2+3)/(8+12-2-3)) = log(4/12) - log(5/15)
    # term 2: log((0+5)/(4+12-0-5)) - log((5+5)/(8+12-5-5)) = log(5/11) - log(10/10)
    delta = [
        math.log(7 / 9) - math.log(5 / 15),
        math.log(4 / 12) - math.log(5 / 15),
        math.log(5 / 11) - math.log(10 / 10),
    ]
    variance = [1 / 7 + 1 / 5, 1 / 4 + 1 / 5, 1 / 5 + 1 / 10]
    assert list(odds.delta) == pytest.approx(delta)
    assert list(odds.variance) == pytest.approx(variance)
    assert list(odds.z) == pytest.approx(
        [d / math.sqrt(v) for d, v in zip(delta, variance, strict=True)]
    )
    # The same numbers written out: delta_0 = -0.251314 + 1.098612 = 0.847298,
    # z_0 = 0.847298 / sqrt(0.342857) = 1.447036; term 1 is neutral;
    # z_2 = log(5/11) / sqrt(0.3) = -0.788457 / 0.547723 = -1.439520.
    assert odds.delta[0] == pytest.approx(0.847298, abs=1e-6)
    assert odds.z[0] == pytest.approx(1.447036, abs=1e-6)
    assert odds.delta[1] == pytest.approx(0.0, abs=1e-12)
    assert odds.z[2] == pytest.approx(-1.439520, abs=1e-6)


def test_log_odds_with_a_weaker_prior():
    # alpha0 = 1.2: alpha_w = 1.2 * y_w / 12 = [0.4, 0.3, 0.5].
    odds = log_odds_dirichlet([3, 1, 0], [1, 2, 5], alpha0=1.2)
    delta_0 = math.log(3.4 / (4 + 1.2 - 3 - 0.4)) - math.log(1.4 / (8 + 1.2 - 1 - 0.4))
    variance_0 = 1 / 3.4 + 1 / 1.4
    assert odds.delta[0] == pytest.approx(delta_0)
    assert odds.z[0] == pytest.approx(delta_0 / math.sqrt(variance_0))


SUGGEST_TEXTS = [
    ("Freedom needs solidarity, solidarity and courage.", "d1"),
    ("They fight for freedom with solidarity.", "d1"),
    ("Freedom, solidarity.", "d2"),
    ("Freedom and courage and democracy.", "d2"),
    ("Freedom demands courage.", "d3"),
    ("The weather was cold in March.", "d3"),
    ("Cold weather slowed the convoy.", "d1"),
    ("The convoy reached the border in March.", "d2"),
    ("Officials counted the convoy trucks.", "d3"),
    ("Solidarity rallies were held in March.", "d1"),
]


def test_suggest_ranks_new_terms_with_examples(good_set):
    sentences = [
        make_sentence(text, id=i, document=doc, outlet=doc)
        for i, (text, doc) in enumerate(SUGGEST_TEXTS)
    ]
    hits = match_sentences(sentences, good_set)
    result = suggest_terms("heroic", good_set, sentences, hits, top=5)
    assert (result.frame_sentences, result.other_sentences) == (5, 5)
    # courage: 3 in the frame's sentences, none elsewhere; solidarity: 4 vs 1.
    # freedom is the frame's own term; democracy occurs once only (min_count 2).
    assert [s.term for s in result.suggestions] == ["courage", "solidarity"]
    courage, solidarity = result.suggestions
    assert (courage.in_frame, courage.elsewhere, courage.sentences) == (3, 0, 3)
    assert (solidarity.in_frame, solidarity.elsewhere, solidarity.sentences) == (4, 1, 3)
    assert courage.z > solidarity.z > 0
    # Ties on count go to the shortest sentence; a higher count wins over length.
    assert courage.example == "Freedom demands courage."
    assert solidarity.example == "Freedom needs solidarity, solidarity and courage."
    assert suggest_terms("heroic", good_set, sentences, hits, top=1).suggestions == (courage,)


def test_suggest_for_a_frame_no_sentence_invokes(good_set):
    sentences = [make_sentence("The weather was cold.", id=0)]
    result = suggest_terms("legal", good_set, sentences, (), top=5)
    assert result.frame_sentences == 0 and result.suggestions == ()


def test_suggest_on_the_seeds_leaves_out_covered_terms(seeds_sentences, default_lexicon_set):
    from framing.analysis.features import term_coverage_checker

    sentences = seeds_sentences.sentences
    hits = match_sentences(sentences, default_lexicon_set)
    result = suggest_terms("goodwill_fighters", default_lexicon_set, sentences, hits, top=10)
    covered = term_coverage_checker(default_lexicon_set)
    assert len(result.suggestions) == 10
    assert not any(covered("goodwill_fighters", s.term) for s in result.suggestions)
    zs = [s.z for s in result.suggestions]
    assert zs == sorted(zs, reverse=True)
    texts = {s.id: s.text for s in sentences}
    for s in result.suggestions:
        assert texts[s.example_sentence] == s.example
        assert s.term.split()[0] in s.example.lower().replace("’", "'")
