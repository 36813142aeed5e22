"""Speakers: names and titles, speech verbs and their statements, references back.

:mod:`framing.analysis.quotes.names`, :mod:`~framing.analysis.quotes.attribution`
and :mod:`~framing.analysis.quotes.documents`, through
:func:`~framing.analysis.quotes.extract_quotes`.
"""

from __future__ import annotations

from framing.analysis.quotes.extraction import DIRECT, REPORTED, extract_quotes
from tests.analysis.quotes.conftest import doc, found, sentence_with, span

# --------------------------------------------------------------------------
# Names and the verb's position
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


# --------------------------------------------------------------------------
# References back within a document
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# The seed articles
# --------------------------------------------------------------------------


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
