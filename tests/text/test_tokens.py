"""The tokenizer's fast paths give the tokens and offsets of the plain pattern.

:func:`~framing.text.segment.tokenize` and
:func:`~framing.text.segment.tokenize_spans` run the token pattern only on
the whitespace-separated chunks that need it, and take a text's normalised
tokens from its lower-cased copy when that is safe. Each test compares them
with the pattern run over the whole text, token by token, as the tokenizer
was first written, on chosen and generated texts (clitics, acronyms, hyphens,
invisible characters, full-width and accented letters, capital sigma, dotted
capital I, Unicode white space).
"""

from __future__ import annotations

import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.model import CleanDocument
from framing.text.segment import (
    _TOKEN_RE,
    _fold,
    _needs_folding,
    _normalise,
    _pattern_spans,
    _pattern_tokens,
    _with_clitic_split,
    cased_sentence_pieces,
    cased_tokens,
    is_word,
    sentence_pieces,
    tokenize,
    tokenize_spans,
)

FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def pattern_tokenize(text: str) -> list[str]:
    """tokenize as first written: the pattern over the whole text."""
    lowered = _normalise(text)
    if len(lowered) == len(text) and not _needs_folding(text):
        tokens = _TOKEN_RE.findall(lowered)
    else:
        tokens = list(map(_fold, _TOKEN_RE.findall(text)))
    if "'" in text or "’" in text or "＇" in text:
        tokens = [part for token in tokens for part in _with_clitic_split(token)]
    return list(map(sys.intern, tokens))


def pattern_spans(text: str) -> list[tuple[str, int, int]]:
    """tokenize_spans as first written: every match normalised on its own."""
    return _pattern_spans(text, _fold if _needs_folding(text) else _normalise)


CHOSEN = [
    "",
    "They don't want Ukraine's U.S. visas.",
    "Ukraine’s U.S. fighters don't stop, 16-year-old",
    'war, peace. said; (quoted) "yes" a.b.c. x_y 3,000 1.5',
    "free\u200bdom ｆｒｅｅｄｏｍ ﬁght n＇t don’t",
    "ΑΣ.Β ΟΔΟΣ. Σ,",  # a final sigma lower-cases by its neighbours: alone, "ας"; in "ασ.β", "σ"
    "İstanbul x",  # "İ" lower-cases to two characters
    "word\u00a0word\u2003word\u3000word\x1cword\x85word",
    "K\u212a. café café",
    "_ __ _. a_.",
]


@pytest.mark.parametrize("text", CHOSEN)
def test_tokens_match_the_pattern_on_chosen_texts(text):
    assert tokenize(text) == pattern_tokenize(text)
    assert tokenize_spans(text) == pattern_spans(text)
    assert _pattern_tokens(text) == _TOKEN_RE.findall(text)


_PIECES = ["war", "War", "U.S.", "u.s", "D.C.", "don't", "Ukraine’s", "n＇t", "16-year-old",
           "ex-Gen.", "Σ", "ΑΣ", "İ", "ß", "ｆｒｅｅ", "ﬁ", "free\u200bdom", "\u00ad", "é",
           "e\u0301", "_", "3,000", "1.5", "x_y", "K", "\u212a"]  # fmt: skip
_MARKS = [*".,;:?!)(\"'’＇-–—…[]{}", "", "", "", "..."]
_SPACES = [" ", " ", " ", "", "\n", "\t", "\u00a0", "\u2003", "\u3000", "\x1c", "\x85"]

token_texts = st.lists(
    st.tuples(
        st.sampled_from(_MARKS),
        st.one_of(st.sampled_from(_PIECES), st.text(max_size=4)),
        st.sampled_from(_MARKS),
        st.sampled_from(_SPACES),
    ),
    max_size=20,
).map(lambda parts: "".join("".join(part) for part in parts))


@settings(FUZZ)
@given(text=st.one_of(token_texts, st.text(max_size=60)))
def test_tokens_match_the_pattern_on_generated_texts(text):
    assert _pattern_tokens(text) == _TOKEN_RE.findall(text)
    assert tokenize(text) == pattern_tokenize(text)
    assert tokenize_spans(text) == pattern_spans(text)


@settings(FUZZ)
@given(text=token_texts)
def test_a_sentence_counts_its_word_tokens(text):
    doc = CleanDocument(
        id="d",
        outlet="Out",
        source="d.txt",
        title="T",
        date=None,
        url=None,
        headline=text,
        deck=(),
        paragraphs=(),
    )
    for _, _, _, tokens, n_words in sentence_pieces(doc):
        assert n_words == sum(1 for token in tokens if is_word(token))


def _check_cased(text: str) -> None:
    tokens, written = cased_tokens(text)
    assert list(tokens) == tokenize(text)
    if written is not None:
        # each written form is the token's own characters, case kept ("’" as "'")
        assert [w.lower() for w in written] == list(tokens)
        assert list(written) == [
            text[start:end].replace("’", "'") for _, start, end in tokenize_spans(text)
        ]


@pytest.mark.parametrize("text", CHOSEN)
def test_cased_tokens_are_the_tokens_as_written_on_chosen_texts(text):
    _check_cased(text)


def test_cased_tokens_keep_case_and_split_clitics_in_capitals():
    tokens, written = cased_tokens("DON'T tell NATO’s Gen. Ruiz")
    assert tokens == ("do", "n't", "tell", "nato", "'s", "gen", ".", "ruiz")
    assert written == ("DO", "N'T", "tell", "NATO", "'s", "Gen", ".", "Ruiz")
    # a capital sigma or an invisible character: the tokens, and no written forms
    assert cased_tokens("ΟΔΟΣ x")[1] is None
    assert cased_tokens("free\u200bdom")[1] is None


@settings(FUZZ)
@given(text=st.one_of(token_texts, st.text(max_size=60)))
def test_cased_tokens_are_the_tokens_as_written_on_generated_texts(text):
    _check_cased(text)


@settings(FUZZ)
@given(text=token_texts)
def test_cased_sentence_pieces_are_the_sentence_pieces(text):
    doc = CleanDocument(
        id="d",
        outlet="Out",
        source="d.txt",
        title="T",
        date=None,
        url=None,
        headline=text,
        deck=(),
        paragraphs=(text, "A second one. And a third."),
    )
    pieces, written = cased_sentence_pieces(doc)
    assert pieces == sentence_pieces(doc)
    assert len(written) == len(pieces)


def test_the_word_decisions_stay_bounded_and_right(monkeypatch):
    from framing.text import segment

    monkeypatch.setattr(segment, "TOKEN_MEMO", 8)
    memo = segment._WordTokens()
    tokens = [f"w{i}" for i in range(30)] + [".", "—", "x"]
    assert [memo[t] for t in tokens] == [is_word(t) for t in tokens]
    assert len(memo) <= 8
