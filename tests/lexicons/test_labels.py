"""Tests of framing.lexicons.labels: where a sentence gives a term as someone's label."""

from __future__ import annotations

from framing.lexicons.cues import Cues
from framing.lexicons.labels import called_by_others, label_stance, labelled_as
from framing.lexicons.terms import DEFAULT_LABEL_NOUNS, DEFAULT_REBUTTAL_CUES
from framing.text.segment import tokenize

LABELS = Cues(DEFAULT_LABEL_NOUNS)
BREAKERS = frozenset({"but", "however", "because"})


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in tokenize(text)]


def test_called_by_others_spans_the_clause_from_what_to_the_verb():
    tokens = _tokens("They punish what Russian state media call foreign mercenaries")
    span = called_by_others(tokens, tokens.index("mercenaries"), BREAKERS)
    assert span is not None and tokens[slice(*span)] == [
        "what",
        "russian",
        "state",
        "media",
        "call",
    ]
    tokens = _tokens("what officials describe as violent extremists")
    span = called_by_others(tokens, tokens.index("extremists"), BREAKERS)
    assert span is not None and tokens[slice(*span)][-1] == "describe"


def test_called_by_others_needs_a_namer_who_is_not_the_speaker_and_one_phrase():
    for text in (
        "what I would call mercenaries",  # the speaker's own name
        "what call mercenaries",  # no namer
        "what officials, they say, call mercenaries",  # not one phrase
        "what five of the many senior officials call mercenaries",  # namer too long
        "what officials call the rest of the group mercenaries",  # too far from the term
    ):
        tokens = _tokens(text)
        assert called_by_others(tokens, tokens.index("mercenaries"), BREAKERS) is None, text


def test_label_stance_names_the_cue_it_found():
    def stance(text: str, term: str) -> str | None:
        tokens = _tokens(text)
        start = tokens.index(term)
        rejections = Cues(DEFAULT_REBUTTAL_CUES).find(tokens)
        return label_stance(
            tokens, start, start + 1, LABELS, rejections, {"not", "never"}, BREAKERS, 6
        )

    assert (
        stance("Moscow calls them mercenaries, a label Kyiv rejects.", "mercenaries") == "rejects"
    )
    assert stance("their portrayal as mercenaries", "mercenaries") == "portrayal … as"
    assert stance("what Moscow calls mercenaries", "mercenaries") == "what moscow calls"
    assert stance("They are mercenaries, a label that fits.", "mercenaries") is None
    tokens = _tokens("a description of mercenaries who came")
    assert labelled_as(tokens, tokens.index("mercenaries"), LABELS, BREAKERS) is None
