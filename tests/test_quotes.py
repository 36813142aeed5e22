"""Who is quoted: direct quotations, reported statements and their speakers."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from framing.analysis.pipeline import build_outlet_ids
from framing.analysis.quotes import (
    DIRECT,
    REPORTED,
    FrameVoice,
    Quotations,
    Quote,
    SpeakerStat,
    count_words,
    describe_voices,
    extract_quotes,
    frames_by_voice,
    speaker_table,
)
from framing.io.corpus import load_corpus
from framing.lexicons.load import load_lexicons
from framing.lexicons.match import match_sentences
from framing.model import Hit, Sentence
from framing.resources import default_lexicons, seeds_dir
from framing.text.clean import clean_corpus
from framing.text.segment import is_word, segment_corpus, tokenize
from tests.conftest import make_sentence


def doc(*texts: str, document: str = "d", outlet: str = "o", first: int = 0) -> list[Sentence]:
    """One document's sentences, numbered from ``first``."""
    return [
        make_sentence(text, id=first + i, outlet=outlet, document=document)._replace(position=i)
        for i, text in enumerate(texts)
    ]


def found(quotations: Quotations, sentence: int) -> list[tuple[str | None, str, str, int, int]]:
    """(speaker, kind, text, start, end) of each quote of one sentence."""
    return [(q.speaker, q.kind, q.text, q.start, q.end) for q in quotations.in_sentence(sentence)]


def span(text: str, part: str) -> tuple[str, int, int]:
    start = text.index(part)
    return part, start, start + len(part)


# --------------------------------------------------------------------------
# Direct quotations
# --------------------------------------------------------------------------


def test_quote_before_inverted_attribution_strips_title_and_description():
    text = "“We will hold the line,” said Kherson’s chief nurse, Dr. Maria Lopez."
    q = extract_quotes(doc(text))
    assert found(q, 0) == [("Maria Lopez", DIRECT, "We will hold the line", 1, 22)]
    assert q.sentence_speaker[0] == "Maria Lopez"


def test_quote_after_attribution_with_straight_quotes():
    text = 'Maria Lopez, a nurse in Kherson, said: "We will hold the line."'
    q = extract_quotes(doc(text))
    assert found(q, 0) == [("Maria Lopez", DIRECT, "We will hold the line.", 40, 62)]


def test_quote_then_surname_said():
    text = '"We will hold the line," Lopez said.'
    q = extract_quotes(doc(text))
    assert found(q, 0) == [("Lopez", DIRECT, "We will hold the line", 1, 22)]


def test_nested_single_quotes_stay_inside_the_double_quotation():
    text = "“They told us ‘leave now’ and we left,” said Olga Ivanova."
    q = extract_quotes(doc(text))
    assert found(q, 0) == [
        ("Olga Ivanova", DIRECT, *span(text, "They told us ‘leave now’ and we left"))
    ]


def test_continuation_sentence_takes_the_previous_speaker():
    sentences = doc(
        "“We will hold the line,” said Gen. Oleh Marchenko.",
        "“They feel that they have to go and help.”",
    )
    q = extract_quotes(sentences)
    assert found(q, 1) == [
        ("Oleh Marchenko", DIRECT, "They feel that they have to go and help.", 1, 41)
    ]
    assert q.sentence_speaker[1] == "Oleh Marchenko"


def test_quotation_running_over_two_sentences_takes_the_later_attribution():
    first, second = "“We waited for days.", "Nobody came,” said Olga Ivanova, a resident."
    q = extract_quotes(doc(first, second))
    assert found(q, 0) == [("Olga Ivanova", DIRECT, "We waited for days.", 1, 20)]
    assert found(q, 1) == [("Olga Ivanova", DIRECT, "Nobody came", 0, 11)]
    assert q.sentence_speaker == {0: "Olga Ivanova", 1: "Olga Ivanova"}


def test_unclosed_quote_ends_with_its_sentence():
    text = "Olga Ivanova said “we will never leave."
    q = extract_quotes(doc(text, "The town was quiet on Tuesday.", "It rained."))
    assert found(q, 0) == [("Olga Ivanova", DIRECT, "we will never leave.", 19, 39)]
    assert found(q, 1) == [] and found(q, 2) == []
    assert q.sentence_speaker[1] is None


def test_scare_quotes_in_the_outlet_voice_have_no_speaker():
    text = 'The group calls itself a "legion" of volunteers.'
    q = extract_quotes(doc(text))
    assert found(q, 0) == [(None, DIRECT, "legion", 26, 32)]
    assert q.sentence_speaker[0] is None


def test_sentence_without_quote_is_in_the_outlet_voice():
    sentences = doc(
        "The town was quiet on Tuesday.",
        "Others said they would go.",
        "The volunteers were told they must bring their own gear.",
    )
    q = extract_quotes(sentences)
    assert q.quotes == ()
    assert q.sentence_speaker == {0: None, 1: None, 2: None}


# --------------------------------------------------------------------------
# Reported statements
# --------------------------------------------------------------------------


def test_said_that_reports_the_clause_after_the_verb():
    text = "The ministry said on Monday that the convoy had been stopped."
    q = extract_quotes(doc(text))
    assert found(q, 0) == [("the ministry", REPORTED, *span(text, "the convoy had been stopped"))]
    assert q.sentence_speaker[0] == "the ministry"


def test_statement_before_the_attribution():
    text = "The convoy had been stopped at the border, the ministry said."
    q = extract_quotes(doc(text))
    assert found(q, 0) == [
        ("the ministry", REPORTED, "The convoy had been stopped at the border", 0, 41)
    ]


def test_according_to_at_the_end_and_at_the_start():
    sentences = doc(
        "About 40 people were evacuated, according to a regional official.",
        "According to the Red Cross, the shelter is full.",
    )
    q = extract_quotes(sentences)
    assert found(q, 0) == [
        ("a regional official", REPORTED, "About 40 people were evacuated", 0, 30)
    ]
    assert found(q, 1) == [("the Red Cross", REPORTED, "the shelter is full", 28, 47)]


def test_told_names_the_speaker_not_the_addressee():
    sentences = doc(
        "John Smith told Reuters that the border was closed.",
        "Half the applicants were rejected, Smith told the AP, adding that two were too young.",
    )
    q = extract_quotes(sentences)
    assert found(q, 0) == [
        ("John Smith", REPORTED, *span(sentences[0].text, "the border was closed"))
    ]
    assert found(q, 1) == [
        ("John Smith", REPORTED, "Half the applicants were rejected", 0, 33),
        ("John Smith", REPORTED, *span(sentences[1].text, "two were too young")),
    ]
    assert "the Associated Press" not in q.speakers()


def test_pronoun_goes_to_the_latest_person_of_that_gender():
    sentences = doc(
        "Anna Petrova said the school was shelled.",
        "Mr. Ivan Petrov said the bridge was down.",
        "“We hid in the basement,” she said.",
        "“We ran,” he added.",
    )
    q = extract_quotes(sentences)
    assert found(q, 2) == [("Anna Petrova", DIRECT, "We hid in the basement", 1, 23)]
    assert found(q, 3) == [("Ivan Petrov", DIRECT, "We ran", 1, 7)]
    assert q.genders == {"Anna Petrova": "f", "Ivan Petrov": "m"}


def test_role_noun_and_surname_refer_back_to_the_full_name():
    sentences = doc(
        "“The line held,” said Ukraine’s army chief, Gen. Oleh Marchenko.",
        "The attack failed, the general said.",
        "Marchenko said the reserves were ready.",
        "The Pentagon said the aid had arrived.",
    )
    q = extract_quotes(sentences)
    assert [q.sentence_speaker[i] for i in range(4)] == [
        "Oleh Marchenko",
        "Oleh Marchenko",
        "Oleh Marchenko",
        "the Pentagon",
    ]


def test_people_are_not_carried_across_documents():
    sentences = doc("Anna Petrova said the school was shelled.") + doc(
        "“We hid,” she said.", document="other", first=1
    )
    q = extract_quotes(sentences)
    assert found(q, 1) == [(None, DIRECT, "We hid", 1, 7)]


def test_quote_records_are_frozen_dataclasses():
    q = extract_quotes(doc("“We stay,” said Olga Ivanova."))
    assert q.quotes == (Quote(0, "d", "o", "Olga Ivanova", "We stay", 1, 8, DIRECT),)
    with pytest.raises(AttributeError):
        q.quotes[0].speaker = "someone"  # type: ignore[misc]


# --------------------------------------------------------------------------
# Aggregation on an invented corpus
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


@pytest.fixture(scope="module")
def seeds() -> tuple[tuple[Sentence, ...], Quotations, tuple[Hit, ...]]:
    clean = clean_corpus(load_corpus([seeds_dir()]))
    sentences = segment_corpus(
        clean, outlet_ids=build_outlet_ids(d.outlet for d in clean.documents)
    )
    hits = match_sentences(sentences, load_lexicons(default_lexicons()))
    return sentences, extract_quotes(sentences), hits


def sentence_with(sentences: Sequence[Sentence], outlet: str, part: str) -> Sentence:
    (match,) = [s for s in sentences if s.outlet == outlet and part in s.text]
    return match


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


def test_seeds_pronouns_and_mixed_quotes_go_to_finkelstein(seeds):
    sentences, q, _ = seeds
    for part in (
        "she added in an interview",
        "she added.",
        "Finkelstein noted that",
        "she explained",
    ):
        assert q.sentence_speaker[sentence_with(sentences, "military-com", part).id] == (
            "Claire Finkelstein"
        ), part
    mixed = sentence_with(sentences, "military-com", "says any volunteers")
    assert [(x.speaker, x.kind, x.text[:20]) for x in q.in_sentence(mixed.id)] == [
        ("Claire Finkelstein", REPORTED, 'any volunteers "will'),
        ("Claire Finkelstein", DIRECT, "will fall into the c"),
    ]


def test_seeds_kremenetskyi_is_one_person_in_arab_news_and_people(seeds):
    sentences, q, _ = seeds
    for outlet in ("arab-news", "people"):
        assert "Borys Kremenetskyi" in q.speakers(outlet)
        continuation = sentence_with(sentences, outlet, "They feel that they have to go and help.")
        assert found(q, continuation.id) == [
            ("Borys Kremenetskyi", DIRECT, "They feel that they have to go and help.", 1, 41)
        ]
        assert q.sentence_speaker[continuation.id] == "Borys Kremenetskyi"
    assert "Borys Kremenetskyi" not in q.speakers("military-com")


def test_seeds_told_the_ap_is_kremenetskyi_not_the_ap(seeds):
    sentences, q, _ = seeds
    told = sentence_with(sentences, "people", "Kremenetskyi told the AP")
    assert {x.speaker for x in q.in_sentence(told.id)} == {"Borys Kremenetskyi"}
    assert q.sentence_speaker[told.id] == "Borys Kremenetskyi"
    # "the AP" is a source where it is one
    now = sentence_with(sentences, "people", "according to the AP,")
    assert found(q, now.id) == [
        ("the Associated Press", REPORTED, *span(now.text, "there are more than 20,000"))
    ]


def test_seeds_speckhard_and_blinken_in_arab_news_only(seeds):
    _, q, _ = seeds
    assert "Anne Speckhard" in q.speakers("arab-news")
    assert "Antony Blinken" in q.speakers("arab-news")
    for outlet in ("military-com", "people"):
        assert "Anne Speckhard" not in q.speakers(outlet)
        assert "Antony Blinken" not in q.speakers(outlet)


def test_seeds_roles_sources_and_pronouns(seeds):
    sentences, q, _ = seeds
    expected = {
        ("arab-news", "the general said"): "Borys Kremenetskyi",
        ("arab-news", "the attaché said"): "Borys Kremenetskyi",
        ("arab-news", "according to a senior federal"): "a senior federal law enforcement official",
        ("arab-news", "said the official, who spoke"): "a senior federal law enforcement official",
        ("arab-news", "The State Department says"): "the State Department",
        ("people", "he wrote"): "Dmytro Kuleba",
        ("people", "the State Department said"): "the U.S. State Department",
        ("people", "he told the European Union"): "Volodymyr Zelenskyy",
        ("people", "And light will win over darkness"): "Volodymyr Zelenskyy",
        ("people", "the United Nations says"): "the United Nations",
    }
    actual = {key: q.sentence_speaker[sentence_with(sentences, *key).id] for key in expected}
    assert actual == expected
    european_union = sentence_with(sentences, "people", "he told the European Union")
    assert [x.text for x in q.in_sentence(european_union.id)] == [
        "Nobody is going to break us, we're strong, we're Ukrainians",
        "Life will win over death.",
    ]


def test_count_words_agrees_with_the_tokenizer_on_every_seed_sentence(seeds):
    sentences, q, _ = seeds
    assert [count_words(s.text) for s in sentences] == [s.n_words for s in sentences]
    for quote in q.quotes:
        tokens = tokenize(quote.text)
        assert count_words(quote.text) == sum(map(is_word, tokens)), quote.text


def test_seeds_outlet_voice_sentences_have_no_speaker(seeds):
    sentences, q, _ = seeds
    for outlet, part in [
        ("military-com", "Others said they plan to go"),
        ("military-com", "One specific protection Finkelstein noted"),
        ("arab-news", "The general didn’t disclose"),
        ("people", "the volunteers were told they must"),
    ]:
        sentence = sentence_with(sentences, outlet, part)
        assert q.in_sentence(sentence.id) == (), part
        assert q.sentence_speaker[sentence.id] is None, part
    assert len(q.sentence_speaker) == len(sentences)
