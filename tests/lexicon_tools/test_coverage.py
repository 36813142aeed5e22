"""coverage: how often each term matched in a corpus."""

from __future__ import annotations

from framing.lexicon_tools.coverage import measure_coverage
from framing.lexicons.match import match_sentences
from tests.conftest import make_sentence


def test_coverage_counts_hits_negated_documents_outlets_and_forms(good_set):
    sentences = [
        make_sentence("Heroes and a hero.", id=0, document="d1", outlet="a"),
        make_sentence("They were never heroic, but freedom won.", id=1, document="d2", outlet="b"),
        make_sentence("Heroism.", id=2, document="d2", outlet="b"),
    ]
    hits = match_sentences(sentences, good_set)
    coverage = measure_coverage(good_set, sentences, hits, corpus="tiny")
    assert (coverage.corpus, coverage.n_documents, coverage.n_sentences) == ("tiny", 2, 3)
    by_term = {t.term: t for t in coverage.terms}
    hero = by_term["hero*"]
    assert (hero.matches, hero.negated, hero.documents) == (3, 1, 2)
    assert [(o.outlet, o.count) for o in hero.outlets] == [("a", 2), ("b", 2)]
    assert [(f.surface, f.count) for f in hero.forms] == [
        ("hero", 1),
        ("heroes", 1),
        ("heroic", 1),
        ("heroism", 1),
    ]
    freedom = by_term["freedom"]
    assert (freedom.matches, freedom.negated, freedom.forms) == (1, 0, ())
    assert coverage.never_matched("heroic") == ("people of goodwill", "brave")
    assert coverage.never_matched("legal") == (
        "geneva convention*",
        "pow status",
        "prosecut*",
        "law",
    )


def test_coverage_on_the_seeds(seeds_sentences, default_lexicon_set):
    sentences = seeds_sentences.sentences
    hits = match_sentences(sentences, default_lexicon_set)
    coverage = measure_coverage(default_lexicon_set, sentences, hits)
    by_term = {(t.frame, t.term): t for t in coverage.terms}
    radical = by_term[("possible_extremists", "radicali*")]
    assert "radicalized" in {f.surface for f in radical.forms}
    assert radical.matches >= 2 and radical.documents >= 2
    supremacist = [t for t in coverage.terms if "supremacist" in t.term]
    assert any(t.matched for t in supremacist)
    assert {o.outlet for t in supremacist for o in t.outlets} == {"arab-news"}
    mercenary = by_term[("possible_extremists", "mercenar*")]
    assert mercenary.matches == 0 and mercenary.negated >= 2
    assert all(
        t.matches + t.negated + t.neutral == sum(o.count for o in t.outlets) for t in coverage.terms
    )
