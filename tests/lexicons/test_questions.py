"""Tests of framing.lexicons.questions, and of how the matcher reads a term asked about.

Small sentences written for these tests: a yes-no or either-or question
raises a label without asserting it; a wh-question, a relative clause and a
tag question take their content as given.
"""

from __future__ import annotations

import pytest

from framing.lexicons.match import Matcher
from framing.lexicons.questions import QUESTION_CUE, QUESTION_TOKENS, asks_about
from framing.lexicons.terms import DEFAULT_NEGATION_CUES, parse_term
from framing.model import Frame, LexiconSet
from framing.text.segment import tokenize
from tests.lexicons.test_readings import readings

BREAKERS = frozenset({"but", "although", "however"})


def _asked(text: str, term: str) -> bool:
    tokens = tokenize(text)
    start = tokens.index(term)
    return asks_about(tokens, start, start + 1, BREAKERS)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Heroes or mercenaries?", "heroes"),
        ("Heroes or mercenaries?", "mercenaries"),
        ("Are the recruits mercenaries?", "mercenaries"),
        ("Aren't they heroes?", "heroes"),  # a negated question does not deny
        ("So are they extremists?", "extremists"),
        ("If captured, will they be treated as mercenaries?", "mercenaries"),
        ("“Are they mercenaries?” the official asked.", "mercenaries"),
        ("They are heroes. But are they mercenaries?", "mercenaries"),
        ("Will those who came be treated as mercenaries?", "mercenaries"),
    ],
)
def test_a_term_in_a_yes_no_or_either_or_question_is_asked_about(text, term):
    assert _asked(text, term)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("They are mercenaries.", "mercenaries"),
        ("Why are the heroes there?", "heroes"),  # a wh-question presupposes
        ("And why are they heroes?", "heroes"),
        ("Will those who came as heroes be protected?", "heroes"),  # a relative clause
        ("They are heroes, aren't they?", "heroes"),  # a tag asserts its clause
        ("They are heroes, but are they protected?", "heroes"),  # another clause asks
        ("They are mercenaries, if captured, will they be tried?", "mercenaries"),
        ("They are heroes. Are they protected?", "heroes"),  # another sentence asks
        ("Heroes: what will happen to them?", "heroes"),
    ],
)
def test_a_term_outside_the_question_or_taken_as_given_is_not(text, term):
    assert not _asked(text, term)


def test_the_matcher_reads_a_term_asked_about_as_uncertain():
    assert readings("Heroes or mercenaries?") == [
        ("heroes", "uncertain"),
        ("mercenaries", "uncertain"),
    ]
    # Not a denial, though "n't" precedes it.
    assert readings("Aren't they heroes?") == [("heroes", "uncertain")]
    assert readings("Why are these heroes fighting?") == [("heroes", "support")]
    assert readings("They are heroes, aren't they?") == [("heroes", "support")]


def test_a_term_whose_doubt_is_its_frame_supports_it_when_asked_about():
    """ "Will they have any protection?" raises the doubt the frame is about."""
    doubted = Frame(
        "unprotected",
        "Unprotected",
        "",
        "#D55E00",
        (parse_term("protection", on_uncertainty="supports"), parse_term("combatant*")),
        "unprotected.toml",
    )
    matcher = Matcher(LexiconSet("t", (doubted,), "t", DEFAULT_NEGATION_CUES))
    for text, expected in (
        ("Will they have any protection?", ("support", QUESTION_CUE)),
        ("Are they combatants?", ("uncertain", QUESTION_CUE)),
        ("They are combatants.", ("support", None)),
    ):
        hits = matcher.match_tokens(tokenize(text), text=text)
        assert [(h.reading, h.cue) for h in hits] == [expected], text


def test_a_clause_longer_than_the_bound_is_not_read_as_a_question():
    """A run-on clause is no question a reader would hear; the scan of each hit stays bounded."""
    at_bound = " ".join(["word"] * QUESTION_TOKENS)
    past_bound = " ".join(["word"] * (QUESTION_TOKENS + 1))
    assert _asked(f"Are they mercenaries {at_bound}?", "mercenaries")
    assert _asked(f"Really: {at_bound} mercenaries?", "mercenaries")
    assert _asked(f"{at_bound} mercenaries?", "mercenaries")
    assert not _asked(f"Are they mercenaries {past_bound}?", "mercenaries")  # "?" too far on
    assert not _asked(f"Really: {past_bound} mercenaries?", "mercenaries")  # start too far back
    assert not _asked(f"{past_bound} mercenaries?", "mercenaries")
