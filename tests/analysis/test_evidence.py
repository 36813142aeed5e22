from __future__ import annotations

from framing.analysis.evidence import select_evidence
from framing.lexicons.load import load_lexicons
from framing.lexicons.match import match_sentences
from framing.model import OutletSummary
from tests.conftest import make_sentence


def test_evidence_ranked_deduplicated_and_located(two_frames):
    texts = [
        "A hero.",
        "Heroes fight for freedom, said people of goodwill.",
        "A hero.",  # the same sentence again: cited once
        "It was not heroic.",  # negated only: not evidence
    ]
    sentences = tuple(make_sentence(t, id=i, outlet="a") for i, t in enumerate(texts))
    lexicons = load_lexicons(two_frames)
    hits = match_sentences(sentences, lexicons)
    outlets = (OutletSummary("a", "A", 1, 4, 20),)
    evidence = select_evidence(sentences, hits, outlets=outlets, lexicons=lexicons, per_cell=5)
    heroic = [e for e in evidence if e.frame == "heroic"]
    assert [e.sentence for e in heroic] == [1, 0]
    assert [e.rank for e in heroic] == [1, 2]
    top = heroic[0]
    assert top.score == 3.0
    assert [(m.surface, m.negated) for m in top.matches] == [
        ("Heroes", False),
        ("freedom", False),
        ("people of goodwill", False),
    ]
    for m in top.matches:
        assert top.text[m.start : m.end] == m.surface
    assert not [e for e in evidence if e.frame == "legal"]


def test_per_cell_limits_the_list(two_frames):
    sentences = tuple(make_sentence(f"Hero number {i}.", id=i, outlet="a") for i in range(9))
    lexicons = load_lexicons(two_frames)
    hits = match_sentences(sentences, lexicons)
    outlets = (OutletSummary("a", "A", 1, 9, 27),)
    evidence = select_evidence(sentences, hits, outlets=outlets, lexicons=lexicons, per_cell=3)
    assert [e.sentence for e in evidence] == [0, 1, 2]


def test_denials_are_sentences_with_only_negated_hits(two_frames):
    from framing.analysis.evidence import select_denials

    texts = ["They are not heroes.", "Not heroes, but freedom.", "Heroes all."]
    sentences = tuple(make_sentence(t, id=i, outlet="a") for i, t in enumerate(texts))
    lexicons = load_lexicons(two_frames)
    hits = match_sentences(sentences, lexicons)
    outlets = (OutletSummary("a", "A", 1, 3, 9),)
    denials = select_denials(sentences, hits, outlets=outlets, lexicons=lexicons, per_cell=5)
    # Sentence 1 also supports the frame ("freedom"), so it is evidence, not a denial.
    assert [(d.sentence, d.frame, d.score) for d in denials] == [(0, "heroic", 1.0)]
    assert all(m.negated for m in denials[0].matches)
