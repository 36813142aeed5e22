"""Tests of framing.lexicons.scope: asides between a cue and its term."""

from __future__ import annotations

import framing.lexicons.scope as scope
from framing.lexicons.scope import (
    MAX_ASIDES,
    NEGATION_SCOPE_WORDS,
    asides,
    negation_scope,
    reaches_across_asides,
)
from framing.text.segment import tokenize

BREAKERS = frozenset({"but", "however"})


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in tokenize(text)]


def test_asides_are_short_and_closed_by_their_own_mark():
    tokens = _tokens("few, if any, of them, officials say, are (mostly) mercenaries")
    found = [tokens[span.start : span.stop] for span in asides(tokens, 1, len(tokens), BREAKERS)]
    assert found == [
        [",", "if", "any", ","],
        [",", "of", "them", ","],  # a closing comma may open the next
        [",", "officials", "say", ","],
        ["(", "mostly", ")"],
    ]
    tokens = _tokens("few, if any — are mercenaries")  # opened by a comma, closed by a dash
    assert asides(tokens, 1, len(tokens), BREAKERS) == []


def test_a_cue_reaches_across_at_most_max_asides():
    text = "few" + ", they say" * MAX_ASIDES + ", are mercenaries"
    tokens = _tokens(text)
    assert reaches_across_asides(tokens, 1, tokens.index("mercenaries"), BREAKERS, 6)
    tokens = _tokens("few" + ", they say" * (MAX_ASIDES + 1) + ", are mercenaries")
    assert not reaches_across_asides(tokens, 1, tokens.index("mercenaries"), BREAKERS, 6)


def test_a_long_stretch_is_refused_without_being_scanned(monkeypatch):
    """A cue and a term far apart in a huge run-on sentence cost nothing (no scan per pair)."""

    def scanned(*args: object) -> list[range]:
        raise AssertionError("asides scanned")

    monkeypatch.setattr(scope, "asides", scanned)
    tokens = _tokens("few, " + "if any, officials say, " * 50 + "are mercenaries")
    assert not reaches_across_asides(tokens, 1, tokens.index("mercenaries"), BREAKERS, 6)


def test_a_reporting_cue_reaches_that_directly_or_across_one_short_aside():
    def reports(text: str, cue: str) -> bool:
        tokens = _tokens(text)
        return scope.reports_that(tokens, tokens.index(cue) + 1, BREAKERS)

    assert reports("Moscow claims that they are mercenaries", "claims")
    assert reports("Moscow claims, without evidence, that they are mercenaries", "claims")
    assert reports("Moscow claims (falsely) that they are mercenaries", "claims")
    assert not reports("Moscow claims they are mercenaries", "claims")
    assert not reports("Moscow claims, but Kyiv denies, that they are mercenaries", "claims")
    assert not reports("Moscow claims, as it has for years and years, that they are", "claims")


def test_none_of_negates_the_clause_it_is_the_subject_of():
    cues = frozenset({"not", "none", "neither"})
    tokens = _tokens("None of the volunteers we spoke to had any far-right ties.")
    assert negation_scope(tokens, cues)[tokens.index("far-right")] == 0
    # a modal verb is the quantified subject's, not a new predicate
    tokens = _tokens("None of them would be called mercenaries.")
    assert negation_scope(tokens, cues)[tokens.index("mercenaries")] == 0
    # "not" keeps its shorter scope, ended by a modal verb
    tokens = _tokens("Not the volunteers we met would be called mercenaries.")
    assert negation_scope(tokens, cues)[tokens.index("mercenaries")] is None
    # twice the words at most, and a comma still ends it
    far = "none of " + " ".join(["them"] * (2 * NEGATION_SCOPE_WORDS)) + " heroes"
    assert negation_scope(_tokens(far), cues)[-1] is None
    tokens = _tokens("None of them came, and they are heroes.")
    assert negation_scope(tokens, cues)[tokens.index("heroes")] is None
