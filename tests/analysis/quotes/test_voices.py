"""Speakers per outlet, frames in own voice vs quoted, readings (quotes.voices)."""

from __future__ import annotations

import pytest

from framing.analysis.quotes.extraction import extract_quotes
from framing.analysis.quotes.voices import (
    count_words,
    describe_voices,
    frames_by_voice,
    speaker_table,
)
from framing.model import FrameVoice, Hit, Sentence, SpeakerStat
from framing.text.segment import is_word, tokenize
from tests.analysis.quotes.conftest import doc

# --------------------------------------------------------------------------
# An invented corpus
# --------------------------------------------------------------------------


@pytest.fixture
def small() -> list[Sentence]:
    return doc(
        "“The law does not protect them,” said Olga Ivanova.",
        "The volunteers were heroes of freedom.",
        "Kyiv is fighting for freedom, the ministry said.",
        outlet="a",
    ) + doc("“They are heroes,” said Olga Ivanova.", outlet="b", document="e", first=3)


def hit(sentence: Sentence, frame: str, word: str, *, negated: bool = False) -> Hit:
    index = sentence.tokens.index(word)
    return Hit(sentence.id, frame, word, word, index, index + 1, 1.0, negated)


def test_speaker_table_counts_words_and_shares(small):
    q = extract_quotes(small)
    table = speaker_table(q, small)
    total_a = sum(s.n_words for s in small if s.outlet == "a")
    assert total_a == 9 + 6 + 8
    assert table["a"] == (
        SpeakerStat("Olga Ivanova", 1, 6, 6 / total_a),
        SpeakerStat("the ministry", 1, 5, 5 / total_a),
    )
    assert table["b"] == (SpeakerStat("Olga Ivanova", 1, 3, 3 / small[3].n_words),)


def test_frames_by_voice_separates_own_voice_from_quoted(small):
    q = extract_quotes(small)
    hits = [
        hit(small[0], "legal", "law"),
        hit(small[0], "legal", "protect", negated=True),
        hit(small[1], "heroic", "heroes"),
        hit(small[1], "heroic", "freedom"),
        hit(small[2], "heroic", "freedom"),
        hit(small[3], "heroic", "heroes"),
    ]
    voices = frames_by_voice(q, small, hits)
    assert voices == {
        ("a", "heroic"): FrameVoice(1, 1, (("the ministry", 1),)),
        ("a", "legal"): FrameVoice(0, 1, (("Olga Ivanova", 1),)),
        ("b", "heroic"): FrameVoice(0, 1, (("Olga Ivanova", 1),)),
    }


def test_describe_voices_reads_the_table(small):
    q = extract_quotes(small)
    hits = [hit(small[0], "legal", "law"), hit(small[3], "heroic", "heroes")]
    readings = describe_voices(
        q, small, hits, outlet_names={"a": "Outlet A"}, frame_labels={"legal": "Legal risk"}
    )
    assert readings == {
        "a": "Outlet A quotes Olga Ivanova most (6 words, 26% of its words); the speaker's "
        "statements carry Legal risk (1 sentence). 1 other speaker quoted.",
        "b": "b quotes Olga Ivanova most (3 words, 50% of its words); the speaker's "
        "statements carry heroic (1 sentence).",
    }


# --------------------------------------------------------------------------
# The seed articles
# --------------------------------------------------------------------------


def test_seeds_finkelstein_is_military_com_main_voice_and_carries_legal_risk(seeds):
    sentences, q, hits = seeds
    table = speaker_table(q, sentences)
    assert table["military-com"][0].speaker == "Claire Finkelstein"
    assert table["military-com"][0].n_words > 3 * table["military-com"][1].n_words
    voice = frames_by_voice(q, sentences, hits)[("military-com", "unprotected_civilians")]
    assert voice.top_speakers[0][0] == "Claire Finkelstein"
    assert voice.n_sentences_quoted > voice.n_sentences_own_voice
    reading = describe_voices(q, sentences, hits)["military-com"]
    assert reading.startswith("military-com quotes Claire Finkelstein most (")
    assert "her statements carry unprotected_civilians" in reading


def test_count_words_agrees_with_the_tokenizer_on_every_seed_sentence(seeds):
    sentences, q, _ = seeds
    assert [count_words(s.text) for s in sentences] == [s.n_words for s in sentences]
    for quote in q.quotes:
        tokens = tokenize(quote.text)
        assert count_words(quote.text) == sum(map(is_word, tokens)), quote.text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "'",
        "n't N’T’",  # clitics standing alone, next to each other
        "DON'T stop; it's the men's n't",
        "  N’T.N’T.U.S.b’Sdon't x.b'don'tdon't .",
    ],
)
def test_count_words_agrees_with_the_tokenizer_on_clitics_at_the_edges(text):
    assert count_words(text) == sum(map(is_word, tokenize(text)))
