from __future__ import annotations

import pytest

from framing.analysis.features import (
    build_analyzer,
    build_tfidf,
    count_terms,
    distinctive_terms,
    invoked_frames,
    lexicon_candidates,
    outlet_similarity,
    score_frames,
    term_coverage_checker,
)
from framing.analysis.stats import wilson_interval
from framing.errors import InputError
from framing.lexicons.load import load_lexicons
from framing.lexicons.match import match_sentences
from framing.model import OutletSummary
from tests.conftest import make_sentence

TEXTS = [
    ("a", "d1", "Heroes fight for freedom."),
    ("a", "d1", "The hero is not a hero."),
    ("a", "d1", "Nothing here at all."),
    ("a", "d1", "Plain words only."),
    ("b", "d2", "The Geneva Conventions protect prisoners."),
    ("b", "d2", "Prosecutors will prosecute the prisoners."),
]


@pytest.fixture
def corpus(two_frames):
    sentences = tuple(
        make_sentence(text, id=i, outlet=outlet, document=doc)
        for i, (outlet, doc, text) in enumerate(TEXTS)
    )
    lexicons = load_lexicons(two_frames)
    outlets = tuple(
        OutletSummary(
            id=o,
            name=o.upper(),
            n_documents=1,
            n_sentences=sum(1 for s in sentences if s.outlet == o),
            n_tokens=sum(s.n_words for s in sentences if s.outlet == o),
        )
        for o in ("a", "b")
    )
    return sentences, lexicons, outlets, match_sentences(sentences, lexicons)


def test_shares_rates_and_negations_by_hand(corpus):
    sentences, lexicons, outlets, hits = corpus
    scores = score_frames(
        sentences, hits, outlets=outlets, lexicons=lexicons, n_bootstrap=500, seed=1
    )
    heroic_a = scores[("a", "heroic")]
    # Sentence 0 invokes heroic (heroes, freedom); sentence 1 has one counted
    # "hero" and one negated "hero": 2 of 4 sentences.
    assert heroic_a.n_sentences == 2
    assert heroic_a.share == pytest.approx(0.5)
    assert heroic_a.n_hits == 3 and heroic_a.n_negated == 1
    n_words_a = outlets[0].n_tokens
    assert n_words_a == 4 + 6 + 4 + 3
    assert heroic_a.per_1k_tokens == pytest.approx(1000 * 3 / n_words_a)
    # Wilson's interval for 2 of 4 (one article: sentences as independent).
    assert heroic_a.ci95 == pytest.approx((0.15004, 0.84996), abs=1e-5)
    assert scores[("b", "legal")].share == pytest.approx(1.0)
    # 2 of 2: the interval reaches down to n / (n + z²), never the point "100–100%"
    # a bootstrap gives.
    z2 = 1.959963984540054**2
    assert scores[("b", "legal")].ci95 == pytest.approx((2 / (2 + z2), 1.0))
    assert scores[("a", "legal")].share == 0.0
    # 0 of 4: from 0 up to z² / (n + z²), never "0–0%".
    assert scores[("a", "legal")].ci95 == pytest.approx((0.0, z2 / (4 + z2)))


def test_intervals_are_computed_whatever_the_seed(corpus):
    sentences, lexicons, outlets, hits = corpus
    kwargs = dict(outlets=outlets, lexicons=lexicons, n_bootstrap=300)
    first = score_frames(sentences, hits, seed=7, **kwargs)
    assert first == score_frames(sentences, hits, seed=7, **kwargs)
    assert first == score_frames(sentences, hits, seed=8, **kwargs)
    assert first == score_frames(sentences, hits, outlets=outlets, lexicons=lexicons)


def test_outlets_with_five_articles_get_intervals_that_allow_for_their_articles(two_frames):
    # Outlet "a": five two-sentence articles, three all heroic, two not at all
    # (all-or-nothing articles, so its 10 sentences are worth its 5 articles);
    # outlet "b": four such articles, below the threshold, sentences independent.
    texts = [("a", f"a{i}", "Heroes fight." if i < 3 else "Plain words.") for i in range(5)]
    texts += [("b", f"b{i}", "Heroes fight." if i < 2 else "Plain words.") for i in range(4)]
    sentences = tuple(
        make_sentence(text, id=2 * i + j, outlet=outlet, document=doc)
        for i, (outlet, doc, text) in enumerate(texts)
        for j in range(2)
    )
    lexicons = load_lexicons(two_frames)
    outlets = (OutletSummary("a", "A", 5, 10, 40), OutletSummary("b", "B", 4, 8, 32))
    scores = score_frames(
        sentences, match_sentences(sentences, lexicons), outlets=outlets, lexicons=lexicons
    )
    assert scores[("a", "heroic")].share == pytest.approx(0.6)
    assert scores[("a", "heroic")].ci95 == pytest.approx(wilson_interval(3, 5))
    assert scores[("b", "heroic")].ci95 == pytest.approx(wilson_interval(4, 8))
    # At 0, articles cannot differ: the sentences count in full.
    assert scores[("a", "legal")].ci95 == pytest.approx(wilson_interval(0, 10))


def test_analyzer_skips_stop_words_numbers_and_punctuation():
    analyze = build_analyzer()
    assert analyze(["they", "said", "3,000", "white", "supremacists", "."]) == [
        "white",
        "supremacists",
        "white supremacists",
    ]


def test_tfidf_of_sentences_without_a_term_is_an_input_error():
    sentences = [
        make_sentence("!!! ... ???", id=0, outlet="a", document="d1"),
        make_sentence("It was 2022, they said.", id=1, outlet="b", document="d2"),
    ]
    with pytest.raises(InputError, match="no words to compare"):
        build_tfidf(sentences, outlet_ids=["a", "b"])


def test_tfidf_distinctive_terms_and_similarity(corpus):
    sentences, _, outlets, _ = corpus
    features = build_tfidf(sentences, outlet_ids=[o.id for o in outlets])
    distinct = distinctive_terms(features, n=5)
    a_terms = {t.term for t in distinct["a"]}
    b_terms = {t.term for t in distinct["b"]}
    assert "prisoners" in b_terms and "prisoners" not in a_terms
    assert "hero" in a_terms
    assert all(t.score > 0 for t in distinct["a"])
    sim = outlet_similarity(features)
    assert sim[0][0] == pytest.approx(1.0) and sim[1][1] == pytest.approx(1.0)
    assert sim[0][1] == pytest.approx(0.0)  # no shared term


def test_candidates_are_associated_terms_the_lexicon_lacks(corpus):
    sentences, lexicons, outlets, hits = corpus
    features = build_tfidf(
        sentences, outlet_ids=[o.id for o in outlets], invoked=invoked_frames(hits)
    )
    candidates = lexicon_candidates(
        features,
        lexicons=lexicons,
        covered=term_coverage_checker(lexicons),
        n=5,
    )
    legal = [c.term for c in candidates["legal"]]
    # "prisoners" occurs in both legal sentences and nowhere else; "prosecute"
    # and "geneva conventions" are already in the lexicon.
    assert legal[0] == "prisoners"
    assert "prosecute" not in legal and "geneva conventions" not in legal
    assert candidates["legal"][0].n_sentences == 2


def test_counts_merged_from_parts_equal_counts_made_at_once(corpus):
    from framing.analysis.features import count_terms, merge_term_counts

    sentences = corpus[0]
    tokens = [s.tokens for s in sentences]
    whole = count_terms(tokens)
    merged = merge_term_counts([count_terms(tokens[:2]), count_terms(tokens[2:])])
    assert merged.vocabulary == whole.vocabulary
    assert (merged.matrix != whole.matrix).nnz == 0


def test_fragments_of_lexicon_phrases_are_covered(two_frames):
    covered = term_coverage_checker(load_lexicons(two_frames))
    assert covered("legal", "geneva")  # a fragment of "geneva convention*"
    assert covered("legal", "geneva conventions")  # matched by the entry
    assert covered("legal", "prosecutors")  # matched by "prosecut*"
    assert not covered("legal", "prisoners")
    assert not covered("heroic", "geneva")
    assert covered("heroic", "people")  # a fragment of "people of goodwill"


def test_term_counts_are_those_of_scikit_learns_count_vectorizer():
    from sklearn.feature_extraction.text import CountVectorizer

    from framing.text.segment import tokenize

    texts = [
        "White supremacists and white supremacists joined the legion.",
        "The legion said nothing.",
        "",
        "3,000 volunteers , 3,000 volunteers: prisoners of war.",
        "They they they.",
    ]
    token_lists = [tokenize(t) for t in texts]
    ours = count_terms(token_lists)
    vectorizer = CountVectorizer(analyzer=build_analyzer(), lowercase=False)
    theirs = vectorizer.fit_transform(token_lists).tocsr()
    assert ours.vocabulary == tuple(vectorizer.get_feature_names_out())
    assert ours.matrix.dtype == theirs.dtype and ours.matrix.shape == theirs.shape
    assert (ours.matrix != theirs).nnz == 0
    assert ours.matrix[0, ours.vocabulary.index("white supremacists")] == 2
    empty = count_terms([tokenize("They said it."), []])
    assert empty.vocabulary == () and empty.matrix.shape == (2, 0)


def test_count_terms_counts_a_shared_tuple_of_tokens_as_its_copies():
    from framing.analysis.features import count_terms

    shared = ("foreign", "volunteers", "fight", ",", "volunteers", "said")
    other = ("legal", "protection", "for", "foreign", "fighters")
    together = count_terms([shared, other, shared, shared])
    apart = count_terms([tuple(shared), other, tuple(list(shared)), tuple(list(shared))])
    assert together.vocabulary == apart.vocabulary
    assert (together.matrix != apart.matrix).nnz == 0
    assert together.matrix[2].sum() == together.matrix[0].sum() > 0
