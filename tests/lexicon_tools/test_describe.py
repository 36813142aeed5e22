"""list / show: what a lexicon set holds."""

from __future__ import annotations

import pytest

from framing.errors import LexiconError
from framing.lexicon_tools.describe import describe_frame, describe_set


def test_describe_set_counts_terms_by_kind(good_set):
    summary = describe_set(good_set)
    assert (summary.name, summary.description) == ("good", "A clean two-frame set for the tests.")
    assert summary.negation_cues == ("not", "never", "n't")
    heroic, legal = summary.frames
    assert (heroic.id, heroic.label, heroic.colour) == ("heroic", "Heroic", "#0072B2")
    assert (heroic.n_terms, heroic.n_words, heroic.n_phrases, heroic.n_wildcards) == (4, 2, 1, 1)
    assert (legal.n_terms, legal.n_words, legal.n_phrases, legal.n_wildcards) == (4, 1, 1, 2)
    assert legal.description == "Volunteers at legal risk."


def test_describe_frame_groups_terms_with_weights_and_lines(good_set):
    detail = describe_frame(good_set, "heroic")
    assert [(t.text, t.line, t.weight) for t in detail.words] == [
        ("freedom", 7, 1.0),
        ("brave", 10, 0.5),
    ]
    assert [(t.text, t.line) for t in detail.phrases] == [("people of goodwill", 8)]
    assert [(t.text, t.line, t.kind) for t in detail.wildcards] == [("hero*", 9, "wildcard")]


def test_unknown_frame_names_the_known_ones(good_set):
    with pytest.raises(LexiconError, match=r"unknown frame 'nope'; known frames: heroic, legal"):
        describe_frame(good_set, "nope")
