"""Cue phrases found in a sentence: the set tests that skip a sentence never skip a cue."""

from __future__ import annotations

from framing.lexicons.cues import Cues, affirms, token_is
from framing.lexicons.load import load_lexicons
from framing.lexicons.match import Matcher
from framing.resources import default_lexicons
from framing.text.segment import cased_tokens, tokenize


def _every_span(cues: list[str], tokens: list[str]) -> list[tuple[int, int]]:
    """Each cue tried at each position, without any index."""
    phrases = [[w for word in c.split() for w in _words(word)] for c in cues]
    spans = set()
    for i in range(len(tokens)):
        for words in phrases:
            end = i + len(words)
            if end <= len(tokens) and all(token_is(tokens[i + k], w) for k, w in enumerate(words)):
                undoing = ("a", "quite", "the", "this", "that", "these", "those", "his", "her")
                undoing += ("its", "our", "their", "my", "your")
                if words[0] in ("few", "little") and i > 0 and tokens[i - 1] in undoing:
                    continue
                spans.add((i, end))
    return sorted(spans)


def _words(word: str) -> list[str]:
    parts = tokenize(word.rstrip("*"))
    if word.endswith("*") and parts:
        parts[-1] += "*"
    return parts


CUES = ["the definition of", "deni*", "in breach of", "so-called", "few", "claim* that"]
SENTENCES = [
    "The definition of a mercenary is narrow.",
    "The ministry denied it; few believe the claims that they are mercenaries.",
    "They were in breach of the law, the so-called volunteers said.",
    "A few volunteers came.",
    "The few who came were brave; their little unit held.",
    "Nothing here at all.",
    "the the the of of definition",
]


def test_cues_are_found_as_a_scan_of_every_position_finds_them():
    index = Cues(CUES)
    for sentence in SENTENCES:
        tokens = tokenize(sentence)
        assert sorted(index.find(tokens)) == _every_span(CUES, tokens), sentence


def test_a_minimizer_before_a_doubt_is_no_cue():
    index = Cues(["few", "little"])
    assert index.find(tokenize("Few doubt that they are heroes.")) == []
    assert index.find(tokenize("There is little doubt.")) == []
    assert index.find(tokenize("Few of them doubt it.")) == [(0, 1)]


def test_a_cue_affirms_when_it_negates_a_doubt_or_a_surprise():
    def at(text: str, cue: str) -> bool:
        tokens = tokenize(text)
        return affirms(tokens, tokens.index(cue))

    assert at("There is no doubt that they came.", "no")
    assert at("It is not a surprise that they came.", "not")
    assert at("No one doubts they came.", "no")
    assert at("There is no question that they came.", "no")
    assert not at("There is no question of prosecution.", "no")
    assert at("Officials have not ruled out prosecution.", "not")
    assert at("He never denied it.", "never")
    assert not at("Officials have not ruled on prosecution.", "not")
    assert not at("They are not heroes.", "not")
    assert not at("It is not", "not")


def test_a_cue_of_short_wildcards_only_is_still_found():
    index = Cues(["n*", "so*"])
    tokens = tokenize("No, so be it.")
    assert sorted(index.find(tokens)) == _every_span(["n*", "so*"], tokens)


def test_the_matcher_reads_the_same_with_written_forms_as_with_offsets():
    matcher = Matcher(load_lexicons(default_lexicons()))
    texts = [
        "Volunteers in the Azov Regiment were called extremists by Moscow.",
        "They are not mercenaries, the Foreign Legion said.",
        "The so-called mercenaries have no protection as prisoners of war.",
        "American volunteers help defend Ukrainian homes.",
        "The volunteers met the State Protection Service of Ukraine.",
    ]
    for text in texts:
        tokens, written = cased_tokens(text)
        assert written is not None
        with_forms = matcher.match_tokens(tokens, text=text, part="body", written=written)
        from_offsets = matcher.match_tokens(tokens, text=text, part="body")
        assert with_forms == from_offsets
    # a term inside a capitalised name is about someone else, read from the written forms
    text = texts[-1]
    tokens, written = cased_tokens(text)
    hits = matcher.match_tokens(tokens, text=text, part="body", written=written)
    assert [(h.term, h.reading) for h in hits] == [("protection", "other")]


def test_a_cue_occurs_where_one_is_found():
    index = Cues([*CUES, "they", "foreign fighter*", "veteran*"])
    for sentence in [*SENTENCES, "They left.", "A foreign fighters' unit.", "Veterans", "a few"]:
        tokens = tokenize(sentence)
        assert index.occurs(tokens) == bool(index.find(tokens)), sentence
    assert not Cues(["few"]).occurs(tokenize("a few came"))
    assert Cues(["few"]).occurs(tokenize("few came"))
