"""How far a cue before a term reaches (framing.lexicons.reach), on tokens written for the tests."""

from __future__ import annotations

from framing.lexicons.reach import (
    DOUBT_TOKENS,
    cue_reaching,
    doubt_before,
    in_attributed_quote,
    in_governed_list,
    in_reported_clause,
    within_phrase,
    words_between,
)
from framing.text.segment import tokenize

BREAKERS = frozenset({"but", "because", "although"})


def _at(tokens: list[str], word: str) -> int:
    return tokens.index(word)


def test_a_cue_reaches_a_few_words_in_its_phrase():
    tokens = tokenize("They were accused of being mercenaries.")
    cue = (_at(tokens, "accused"), _at(tokens, "of") + 1)
    term = _at(tokens, "mercenaries")
    assert cue_reaching(tokens, [cue], term, term + 1, BREAKERS) == "accused of"


def test_a_cue_after_the_term_or_too_far_reaches_nothing():
    tokens = tokenize("Mercenaries, they were later accused of nothing at all in the end.")
    cue = (_at(tokens, "accused"), _at(tokens, "of") + 1)
    assert cue_reaching(tokens, [cue], 0, 1, BREAKERS) is None
    tokens = tokenize("They were accused of going on to fight for years as mercenaries.")
    cue = (_at(tokens, "accused"), _at(tokens, "of") + 1)
    term = _at(tokens, "mercenaries")
    assert cue_reaching(tokens, [cue], term, term + 1, BREAKERS) is None


def test_a_that_clause_is_reached_to_its_end_reasons_included():
    tokens = tokenize("Officials fear that this will grow because of the chance for extremists.")
    fear = _at(tokens, "fear")
    term = _at(tokens, "extremists")
    assert in_reported_clause(tokens, fear + 2, term, BREAKERS)
    assert cue_reaching(tokens, [(fear, fear + 2)], term, term + 1, BREAKERS) == "fear that"
    tokens = tokenize("Officials fear that this will pass, but extremists came anyway.")
    term = _at(tokens, "extremists")
    assert not in_reported_clause(tokens, _at(tokens, "that") + 1, term, BREAKERS)


def test_a_quotation_right_after_the_cue_is_reached_whole():
    tokens = tokenize('Accused of "spying, smuggling, and planning terrorist attacks," it says.')
    a = _at(tokens, "of") + 1
    assert in_attributed_quote(tokens, a, _at(tokens, "terrorist"))
    assert not in_attributed_quote(tokens, a, _at(tokens, "says"))


def test_an_enumeration_is_reached_but_not_a_new_clause():
    tokens = tokenize("Accused of spying, smuggling, and terrorism.")
    a, term = _at(tokens, "of") + 1, _at(tokens, "terrorism")
    assert in_governed_list(tokens, a, term, term + 1, BREAKERS)
    tokens = tokenize("Instead of POW status, they could face prosecution.")
    a, term = _at(tokens, "of") + 1, _at(tokens, "prosecution")
    assert not in_governed_list(tokens, a, term, term + 1, BREAKERS)


def test_words_between_and_within_phrase_stop_at_a_clause_boundary():
    tokens = tokenize("called them, but not mercenaries")
    assert words_between(tokens, 0, 2, BREAKERS) == 2
    assert words_between(tokens, 0, _at(tokens, "mercenaries"), BREAKERS) >= 1_000
    assert within_phrase(tokens, 0, 2, BREAKERS)
    assert not within_phrase(tokens, 0, _at(tokens, "mercenaries"), BREAKERS)


def test_a_doubt_is_found_earlier_in_the_terms_stretch_of_clause():
    doubts = frozenset({"whether", "unclear"})
    tokens = tokenize("Nobody said whether they would be treated as prisoners of war.")
    term = _at(tokens, "prisoners")
    assert doubt_before(tokens, term, doubts, BREAKERS) == "whether"
    tokens = tokenize("Though the law is unclear, they are treated as prisoners of war.")
    assert doubt_before(tokens, _at(tokens, "prisoners"), doubts, BREAKERS) is None
    tokens = tokenize("whether " + "very " * DOUBT_TOKENS + "protected")
    assert doubt_before(tokens, len(tokens) - 1, doubts, BREAKERS) is None
    assert doubt_before(tokens[1:], len(tokens) - 2, doubts, BREAKERS) is None
    tokens = tokenize("whether " + "very " * (DOUBT_TOKENS - 1) + "protected")
    assert doubt_before(tokens, len(tokens) - 1, doubts, BREAKERS) == "whether"
