"""Whether a lexicon entry can ever match."""

from __future__ import annotations

import pytest

from framing.lexicon_tools.matchable import unmatchable_reasons
from framing.lexicon_tools.problems import ERROR, WARNING
from framing.lexicons.load import parse_term


@pytest.mark.parametrize(
    ("text", "severity", "fragment"),
    [
        ("ukraine 's", ERROR, "apostrophe"),
        ("they 're", ERROR, "apostrophe"),
        ("'s", ERROR, "apostrophe"),
        ("far- right", ERROR, "hyphen"),
        ("-based", ERROR, "hyphen"),
        ("help! now", ERROR, "sentence boundary"),
        ("e.g", WARNING, "no '.' follows"),
    ],
)
def test_unmatchable_terms_are_found(text, severity, fragment):
    ((found_severity, message),) = unmatchable_reasons(parse_term(text))
    assert found_severity == severity and fragment in message


@pytest.mark.parametrize(
    "text",
    [
        *("war. peace", "War. Peace", "war . peace", 'war." peace', "war.) peace", "what? no"),
        *("help ! now", "war?! no", "ukraine. the", "x.y. z", "U.S. The", "Gen. The"),
        *("Sen. Smith. He", "u.s.-led. force", '"war." peace'),
        *("j. smith", "J. Smith", "No. 1", "1. first", "2022. then", "e.g. freedom"),
        *("u.s. troops", "u.s. the", "war... peace", "war.. peace", "war.peace", "help!now"),
        *("gen. smith", "mr. smith", "st. louis", "a.m. rally", "vs. russia", "oct. 5"),
    ],
)
def test_sentence_boundaries_agree_with_the_sentence_splitter(text):
    from framing.lexicon_tools.matchable import _sentence_boundary
    from framing.text.segment import split_sentences

    assert (_sentence_boundary(text) is not None) == (len(split_sentences(text)) > 1)


@pytest.mark.parametrize(
    "text",
    ["don't", "do n't", "ukraine's", "u.s. troops", "Mr. Smith", "neo-nazi*", "rock 'n' roll"],
)
def test_matchable_terms_pass(text):
    assert unmatchable_reasons(parse_term(text)) == []
