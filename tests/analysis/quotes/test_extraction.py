"""Direct quotations, their continuation over sentences and each sentence's voice.

:func:`framing.analysis.quotes.extraction.extract_quotes`; who the speakers are is
tested in ``test_attribution.py``.
"""

from __future__ import annotations

import pytest

from framing.analysis.quotes.extraction import DIRECT, extract_quotes
from framing.model import Quote
from tests.analysis.quotes.conftest import doc, found, sentence_with, span


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


def test_quote_records_are_frozen_dataclasses():
    q = extract_quotes(doc("“We stay,” said Olga Ivanova."))
    assert q.quotes == (Quote(0, "d", "o", "Olga Ivanova", "We stay", 1, 8, DIRECT),)
    with pytest.raises(AttributeError):
        q.quotes[0].speaker = "someone"  # type: ignore[misc]


# --------------------------------------------------------------------------
# The seed articles
# --------------------------------------------------------------------------


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
