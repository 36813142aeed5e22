"""explain: why one sentence counts (or not) for a frame."""

from __future__ import annotations

import pytest

from framing.errors import InputError
from framing.lexicon_tools.explain import explain_sentence
from framing.lexicons.load import parse_term
from framing.model import Frame, LexiconSet


def test_explain_shows_the_negation_scope_of_not(default_lexicon_set):
    text = "This is not mercenaries who are coming to earn money"
    explanation = explain_sentence(text, default_lexicon_set)
    tokens = [t.token for t in explanation.tokens]
    assert tokens[2:4] == ["not", "mercenaries"]
    (cue,) = explanation.cues
    assert (cue.index, cue.cue, cue.scope, cue.note) == (2, "not", (3, 4, 5, 6, 7, 8, 9), "")
    assert [t.negated_by for t in explanation.tokens] == [None, None, None] + [2] * 7
    assert (explanation.tokens[3].start, explanation.tokens[3].end) == (12, 23)
    mercenary = next(m for m in explanation.matches if m.term == "mercenar*")
    assert (mercenary.surface, mercenary.start, mercenary.end) == ("mercenaries", 3, 4)
    assert (mercenary.negated, mercenary.cue, mercenary.cue_index) == (True, "not", 2)
    (frame,) = explanation.frames
    assert (frame.frame, frame.invoked, frame.score, frame.terms) == (
        "possible_extremists",
        False,
        0,
        (),
    )
    assert "mercenar*" in frame.negated_terms


def test_explain_sums_weights_and_uses_the_sets_cues(good_set):
    explanation = explain_sentence("Brave heroes fight for freedom, not only for glory.", good_set)
    (heroic,) = explanation.frames
    assert heroic.invoked and heroic.score == 2.5  # brave 0.5 + hero* 1 + freedom 1
    assert heroic.terms == ("brave", "hero*", "freedom")
    (cue,) = explanation.cues
    assert cue.scope == () and '"not only" is not a negation' in cue.note
    # "no" is not a cue of this set (its _set.toml lists not, never, n't) ...
    assert explain_sentence("No heroes here.", good_set).frames[0].invoked
    # ... while "n't" is.
    negated = explain_sentence("They aren't heroes but fight for freedom.", good_set)
    assert negated.frames[0].invoked and negated.frames[0].negated_terms == ("hero*",)
    assert negated.frames[0].terms == ("freedom",)  # "but" ends the scope of "n't"
    (cue,) = negated.cues
    assert (cue.cue, cue.scope) == ("n't", (3,))


def test_explain_refuses_an_empty_sentence(good_set):
    with pytest.raises(InputError):
        explain_sentence("   ", good_set)


def test_frames_built_in_code_work_too():
    frame = Frame("f", "F", "", "#000000", (parse_term("brave*", line=None),), "<code>")
    lexicons = LexiconSet("code", (frame,), "<code>", ("not",))
    assert explain_sentence("Not brave.", lexicons).matches[0].negated


def test_explain_lists_a_match_its_terms_context_sets_aside():
    """A match next to an ``unless_followed_by`` phrase is shown as ``set_aside``, not counted."""
    term = parse_term("shelter*", unless_followed_by=["from {0,1} rain"])
    frame = Frame("f", "F", "", "#000000", (term, parse_term("refuge")), "<code>")
    lexicons = LexiconSet("code", (frame,), "<code>", ("not",))
    explanation = explain_sentence("Shelter from the rain, and shelter as refuge.", lexicons)
    assert [(m.surface, m.start, m.reading) for m in explanation.matches] == [
        ("shelter", 0, "set_aside"),
        ("shelter", 6, "support"),
        ("refuge", 8, "support"),
    ]
    (outcome,) = explanation.frames
    assert outcome.terms == ("shelter*", "refuge") and outcome.negated_terms == ()
    plain = explain_sentence("Shelter from the rain.", LexiconSet("c", (frame,), "<c>", ()))
    assert [m.reading for m in plain.matches] == ["set_aside"] and plain.frames == ()
