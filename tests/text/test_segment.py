from __future__ import annotations

from framing.model import CleanCorpus, CleanDocument
from framing.text.segment import segment_corpus, split_sentences, tokenize, tokenize_spans


def test_military_titles_do_not_end_a_sentence():
    text = "“They feel it,” said Maj. Gen. Borys Kremenetskyi. Next one."
    assert split_sentences(text) == [
        "“They feel it,” said Maj. Gen. Borys Kremenetskyi.",
        "Next one.",
    ]


def test_dc_and_us_stay_inside_sentences():
    text = (
        "A spokesman for the Ukrainian Embassy in Washington, D.C., did not respond. "
        "The U.S. Navy had ships. He went home."
    )
    assert split_sentences(text) == [
        "A spokesman for the Ukrainian Embassy in Washington, D.C., did not respond.",
        "The U.S. Navy had ships.",
        "He went home.",
    ]


def test_abbreviation_before_a_sentence_starter_ends_the_sentence():
    assert split_sentences("He lives in the U.S. The war goes on.") == [
        "He lives in the U.S.",
        "The war goes on.",
    ]


def test_curly_closing_quote_stays_with_its_sentence():
    text = "“They feel that they have to go and help.” It went on."
    assert split_sentences(text) == ["“They feel that they have to go and help.”", "It went on."]


def test_tokenize_splits_clitics_and_keeps_acronyms():
    assert tokenize("Ukraine’s U.S. fighters don't stop, 16-year-old") == [
        "ukraine", "'s", "u.s.", "fighters", "do", "n't", "stop", ",", "16-year-old",
    ]  # fmt: skip


def test_token_spans_point_into_the_text():
    text = "They’re “white supremacists.”"
    for token, start, end in tokenize_spans(text):
        assert text[start:end].lower().replace("’", "'") == token


def test_segment_marks_headline_deck_and_lede():
    doc = CleanDocument(
        id="d",
        outlet="Out",
        source="d.txt",
        title="T",
        date=None,
        url=None,
        headline="Big News Today",
        deck=("A deck line.",),
        paragraphs=("First. Second. Third. Fourth.", "Later paragraph."),
    )
    sentences = segment_corpus(
        CleanCorpus(documents=(doc, doc.__class__(**{**doc.__dict__, "id": "e"})), removed=()),
        outlet_ids={"Out": "out"},
    )
    parts = [(s.part, s.is_lede) for s in sentences[:7]]
    assert parts == [
        ("headline", False),
        ("deck", False),
        ("body", True),
        ("body", True),
        ("body", True),
        ("body", False),
        ("body", False),
    ]
    assert [s.id for s in sentences] == list(range(14))
    assert sentences[7].document == "e" and sentences[7].position == 0
    assert all(s.outlet == "out" for s in sentences)
    assert sentences[2].n_words == 1


def test_spans_and_tokens_agree_whatever_the_case():
    text = "THEY DON'T KNOW UKRAINE’S U.S. “Heroes” can’t—won't"
    assert [t for t, _, _ in tokenize_spans(text)] == tokenize(text)
    assert tokenize("DON'T") == ["do", "n't"]
