from __future__ import annotations

import unicodedata

import pytest

from framing.lexicons.match import match_sentences
from framing.model import CleanCorpus, CleanDocument
from framing.text.segment import (
    INVISIBLE,
    segment_corpus,
    split_sentences,
    tokenize,
    tokenize_spans,
)


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


# Normalising before matching: NFKC, invisible characters, full-width forms


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("free\u200bdom fighters", ["freedom", "fighters"]),  # zero-width space
        ("free\u200cdom\u200d", ["freedom"]),  # zero-width non-joiner and joiner
        ("free\u2060dom \ufeffheroes", ["freedom", "heroes"]),  # word joiner, BOM
        ("free\u00addom", ["freedom"]),  # soft hyphen
        ("ｆｒｅｅｄｏｍ ＦＩＧＨＴＥＲＳ！", ["freedom", "fighters", "!"]),  # full width
        ("ﬁght for ｄｏｎ＇ｔ", ["fight", "for", "do", "n't"]),  # ligature, full-width quote
        ("war\u200b \u200b crimes", ["war", "crimes"]),  # an invisible character alone
        ("so…", ["so", "..."]),
    ],
)
def test_tokens_are_normalised_before_matching(text, tokens):
    assert tokenize(text) == tokens
    assert [t for t, _, _ in tokenize_spans(text)] == tokens


@pytest.mark.parametrize(
    "text",
    [
        "They fight for free\u200bdom, ｐｅｏｐｌｅ ｏｆ ｇｏｏｄｗｉｌｌ said.",
        "Ｕｋｒａｉｎｅ’ｓ ｈｅｒｏｅｓ ｄｏｎ’ｔ\u00ad stop",
        "İstanbul’s mayor, ﬁghting\u2060, said “no”…",
    ],
)
def test_spans_are_offsets_of_the_original_characters(text):
    spans = tokenize_spans(text)
    assert [t for t, _, _ in spans] == tokenize(text)
    drop = str.maketrans("", "", INVISIBLE)
    for token, start, end in spans:
        original = text[start:end]
        assert (
            unicodedata.normalize("NFKC", original.translate(drop)).lower().replace("’", "'")
            == token
        ), (original, token)


def test_a_match_inside_an_obfuscated_word_is_highlighted_on_its_characters(two_frames):
    from framing.analysis.evidence import locate_matches
    from framing.lexicons.load import load_lexicons
    from tests.conftest import make_sentence

    text = "They fought for free\u200bdom as ｈｅｒｏｅｓ."
    sentence = make_sentence(text)
    hits = match_sentences([sentence], load_lexicons(two_frames))
    spans = locate_matches(sentence, hits)
    assert [(s.term, s.surface) for s in spans] == [
        ("freedom", "free\u200bdom"),
        ("hero*", "ｈｅｒｏｅｓ"),
    ]
    assert [text[s.start : s.end] for s in spans] == ["free\u200bdom", "ｈｅｒｏｅｓ"]
