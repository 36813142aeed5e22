"""FastPunkt decides every sentence boundary as nltk's Punkt does.

:class:`~framing.text.punkt.FastPunkt` re-implements Punkt's decision
procedure for the parameters the package ships, so each test compares it
with nltk's own tokenizer built from the same parameters: on chosen texts,
and on generated texts full of what Punkt has to decide about
(abbreviations, initials, ellipses, quotes, brackets, numbers, line breaks).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from framing.text.marks import FOLD_TO_ASCII
from framing.text.punkt import FastPunkt
from framing.text.segment import build_sentence_splitter, split_sentences

FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def nltk_spans(text: str) -> list[tuple[int, int]]:
    return list(build_sentence_splitter().span_tokenize(text))


def nltk_split_sentences(text: str) -> list[str]:
    """split_sentences as it was written on nltk's tokenizer."""
    plain = text
    for curly, ascii_quote in FOLD_TO_ASCII.items():
        plain = plain.replace(curly, ascii_quote)
    spans = build_sentence_splitter().span_tokenize(plain)
    return [text[start:end].strip() for start, end in spans if text[start:end].strip()]


def fast_spans(text: str) -> list[tuple[int, int]]:
    return FastPunkt(build_sentence_splitter()).span_tokenize(text)


CHOSEN = [
    "",
    "   ",
    "No boundary at all",
    "One sentence.",
    "Maj. Gen. Borys Kremenetskyi said. They agreed.",
    "He lives in the U.S. The war goes on.",
    "He lives in the U.S. and the war goes on.",
    "The embassy in Washington, D.C., did not respond.",
    "He met J. Smith. Then he left.",
    "He met J. smith. then he left.",
    "It cost $5. He paid 3,000. The rest was 1.5 million.",
    "It was the 5. of May. On the 6. he left.",
    "Wait... The end. Or not... and more.",
    "Wait . . . The end.",
    "Gen.\u00a0. . . The end.",  # ". . ." is one word for Punkt, even after a period
    "x.\u00a0.\n. The end.",  # ... but not across lines
    "Very bad acting!!! I promise. Really?! Yes.",
    "(He left.) Then she came. [Yes.] \"Quoted.\" 'Single.' Next.",
    '"They feel it," said Gen. Smith. "We go."',
    "Line one.\nLine two.\n\nA new paragraph. Ex-Gen. Jones spoke.",
    "Dr. No. 5 was there; Mr. Ré spoke. Ö. Ünal agreed.",
    "The U.S.-led effort. Next.",
    "It ended.) Then.",
    "A. B. C. D.",
    "x.. y. Z.",
    "Tab\tseparated. Sentence\u00a0here. And\u2003there.",
]


@pytest.mark.parametrize("text", CHOSEN)
def test_fast_punkt_matches_nltk_on_chosen_texts(text):
    assert fast_spans(text) == nltk_spans(text)


#: What sentences are made of here: words (capitalised or not, sentence
#: starters), abbreviations, initials, numbers, ellipses, quotes, brackets and
#: other marks, in one piece or with a period or comma glued on.
_WORDS = ["he", "The", "But", "war", "Ukraine", "said", "é", "Über", "_", "x", "ex-gen"]
_DOTTED = ["Gen.", "Maj.", "U.S.", "D.C.", "Dr.", "No.", "Feb.", "Inc.", "etc.", "Mr.", "e.g."]
_MARKS = [".", "..", "...", ". . .", "…", ",", ";", ":", "!", "?", "?!", "--", "-", "(",
          ")", "[", "]", "{", "}", '"', "'", "“", "”", "‘", "’", "«", "»", "&", "#", "*", "@",
          "`"]  # fmt: skip
_NUMBERS = ["5", "5.", "3,000", "1.5", "-3", ".5", "2022.", "1st", "#1", "10%"]
_INITIALS = ["J.", "A.", "z.", "Ö.", "_."]
_SPACES = [" ", " ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2003", "\r\n", ""]

_piece = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_DOTTED),
    st.sampled_from(_MARKS),
    st.sampled_from(_NUMBERS),
    st.sampled_from(_INITIALS),
    st.builds(lambda w, m: w + m, st.sampled_from(_WORDS + _NUMBERS), st.sampled_from(_MARKS)),
    st.text(alphabet="aA.,!?\"' \n-)(", min_size=1, max_size=4),
)
punkt_texts = st.lists(st.tuples(_piece, st.sampled_from(_SPACES)), max_size=30).map(
    lambda parts: "".join(piece + space for piece, space in parts)
)


@FUZZ
@given(text=punkt_texts)
def test_fast_punkt_matches_nltk_on_generated_texts(text):
    assert fast_spans(text) == nltk_spans(text)


@FUZZ
@given(text=st.one_of(punkt_texts, st.text(max_size=60)))
def test_split_sentences_matches_nltk_on_generated_texts(text):
    assert split_sentences(text) == nltk_split_sentences(text)


def test_fast_punkt_refuses_parameters_it_does_not_decide_with():
    params = PunktParameters()
    params.collocations = {("s", "bach")}
    with pytest.raises(ValueError, match="collocations"):
        FastPunkt(PunktSentenceTokenizer(params))
    params = PunktParameters()
    params.add_ortho_context("bach", 2)
    with pytest.raises(ValueError, match="orthographic"):
        FastPunkt(PunktSentenceTokenizer(params))
