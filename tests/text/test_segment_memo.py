"""What the map step remembers per chunk or per process changes no sentence nor token.

:class:`SegmentMemo` (a chunk's paragraphs and sentences, by text), the
written forms' lower case (per process, bounded) and :class:`FastPunkt`'s
decisions per context (bounded) are each checked against the way without them.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.model import CleanDocument
from framing.text import punkt as punkt_module
from framing.text import segment as segment_module
from framing.text.punkt import FastPunkt
from framing.text.segment import (
    SegmentMemo,
    build_sentence_splitter,
    cased_sentence_pieces,
    cased_tokens,
    tokenize,
)
from tests.text.test_punkt import nltk_spans, punkt_texts
from tests.text.test_tokens import token_texts

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Paragraphs drawn from a few, so that a chunk repeats some of them and their sentences.
_PARAGRAPHS = [
    "Maj. Gen. Borys Kremenetskyi said. They agreed.",
    "They agreed. The war goes on in the U.S. and beyond.",
    "Ukraine’s fighters don't stop. They agreed.",
    "free\u200bdom ｆｒｅｅｄｏｍ. ΟΔΟΣ x.",
    "VOLUNTEERS HEAD EAST",
]
paragraphs = st.one_of(st.sampled_from(_PARAGRAPHS), token_texts, punkt_texts)


def _document(k: int, headline: str, deck: list[str], body: list[str]) -> CleanDocument:
    return CleanDocument(
        id=f"d{k}",
        outlet="Out",
        source=f"d{k}.txt",
        title="T",
        date=None,
        url=None,
        headline=headline,
        deck=tuple(deck),
        paragraphs=tuple(body),
    )


@FUZZ
@given(
    documents=st.lists(
        st.tuples(
            paragraphs,
            st.lists(paragraphs, max_size=2),
            st.lists(paragraphs, max_size=5),
        ),
        max_size=6,
    )
)
def test_a_chunk_memo_gives_each_document_its_own_pieces(documents):
    memo = SegmentMemo()
    for k, (headline, deck, body) in enumerate(documents):
        doc = _document(k, headline, deck, body)
        assert cased_sentence_pieces(doc, memo) == cased_sentence_pieces(doc)


def test_a_repeated_sentence_shares_its_tokens():
    memo = SegmentMemo()
    doc = _document(0, "They agreed.", [], ["They agreed. They agreed.", "They agreed."])
    pieces, _ = cased_sentence_pieces(doc, memo)
    assert len({id(p[3]) for p in pieces}) == 1
    assert len(memo.sentences) == 1 and len(memo.paragraphs) == 2


@FUZZ
@given(texts=st.lists(st.one_of(token_texts, st.text(max_size=40)), max_size=8))
def test_the_lower_case_memo_stays_bounded_and_right(texts):
    lowered = segment_module._LOWERED
    saved = segment_module.TOKEN_MEMO
    segment_module.TOKEN_MEMO = 5
    lowered.clear()
    try:
        for text in texts * 2:
            tokens, written = cased_tokens(text)
            assert list(tokens) == tokenize(text)
            if written is not None:
                assert tokens == tuple(w.lower() for w in written)
            assert len(lowered) <= 5
    finally:
        segment_module.TOKEN_MEMO = saved


@FUZZ
@given(texts=st.lists(punkt_texts, max_size=6))
def test_punkt_decides_as_nltk_with_its_decisions_remembered(texts):
    saved = punkt_module.CONTEXT_MEMO
    punkt_module.CONTEXT_MEMO = 3
    try:
        fast = FastPunkt(build_sentence_splitter())
        for text in texts * 2:  # the second time, the contexts seen are remembered
            assert fast.span_tokenize(text) == nltk_spans(text)
            assert len(fast._breaks) <= 3
    finally:
        punkt_module.CONTEXT_MEMO = saved
