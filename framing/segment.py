"""Sentences and tokens, with nltk and no downloaded data.

Sentences come from nltk's Punkt algorithm with parameters shipped in the
package (``framing/data/abbreviations.txt`` and ``sentence_starters.txt``)
instead of a trained model, so nothing is downloaded: "Maj. Gen. Borys
Kremenetskyi said." and "the embassy in Washington, D.C., did not respond"
stay one sentence each, and "U.S." does not end one unless a capitalised
sentence starter such as "The" follows it.

Punkt does not know typographic quotes, so it reads a copy of the text in
which they are replaced one-for-one by ASCII quotes; the offsets are the
same, and sentences are cut from the original text.

Tokens come from nltk's :class:`~nltk.tokenize.RegexpTokenizer` with a
pattern in the Penn Treebank's spirit: acronyms ("U.S.") stay whole,
clitics split off ("don't" -> "do", "n't"; "Ukraine's" -> "ukraine",
"'s"), hyphenated words stay whole, and punctuation marks are tokens of
their own (negation scope ends at them). Tokens are lower-cased, with the
typographic apostrophe normalised to ``'``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from framing.model import BODY, DECK, HEADLINE, CleanCorpus, CleanDocument, Sentence

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

#: How many sentences of the first body paragraph count as the lede.
LEDE_SENTENCES = 3

TOKEN_PATTERN = r"""(?x)
      (?:[A-Za-z]\.){2,}                # acronyms: U.S., D.C.
    | \w+(?=n['’]t\b)                   # do|n't
    | n['’]t\b
    | ['’]s\b                           # possessive or clitic 's
    | \w+(?=['’]s\b)                    # Ukraine|'s
    | \w+(?:[-'’]\w+)*                  # words, hyphenated words, o'clock
    | [^\w\s]                           # any other mark is a token of its own
"""

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})
_WORD_CHAR = re.compile(r"\w")


def _read_word_list(name: str) -> set[str]:
    text = resources.files("framing.data").joinpath(name).read_text(encoding="utf-8")
    return {
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    }


@cache
def build_sentence_splitter() -> PunktSentenceTokenizer:
    """A Punkt tokenizer configured from the shipped abbreviation lists."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = _read_word_list("abbreviations.txt")
    params.sent_starters = _read_word_list("sentence_starters.txt")
    return PunktSentenceTokenizer(params)


@cache
def _build_tokenizer():  # type: ignore[no-untyped-def]
    from nltk.tokenize import RegexpTokenizer

    return RegexpTokenizer(TOKEN_PATTERN)


def split_sentences(text: str) -> list[str]:
    """Split one paragraph into sentences.

    >>> split_sentences("Maj. Gen. Borys Kremenetskyi said. They agreed.")
    ['Maj. Gen. Borys Kremenetskyi said.', 'They agreed.']
    """
    splitter = build_sentence_splitter()
    spans = splitter.span_tokenize(text.translate(_QUOTES))
    return [text[start:end].strip() for start, end in spans if text[start:end].strip()]


def _normalise_token(token: str) -> str:
    return sys.intern(token.lower().replace("’", "'"))


def tokenize(text: str) -> list[str]:
    """Lower-cased word and punctuation tokens of a text.

    >>> tokenize("They don't want Ukraine's U.S. visas.")
    ['they', 'do', "n't", 'want', 'ukraine', "'s", 'u.s.', 'visas', '.']
    """
    return [_normalise_token(t) for t in _build_tokenizer().tokenize(text)]


def tokenize_spans(text: str) -> list[tuple[str, int, int]]:
    """Tokens with their character offsets in ``text`` (end exclusive)."""
    tokenizer = _build_tokenizer()
    return [
        (_normalise_token(text[start:end]), start, end)
        for start, end in tokenizer.span_tokenize(text)
    ]


def is_word(token: str) -> bool:
    """True for word tokens (anything with a letter or digit), False for punctuation."""
    return _WORD_CHAR.search(token) is not None


def segment_document(
    doc: CleanDocument, *, outlet_id: str, first_id: int = 0
) -> list[Sentence]:
    """Sentences of one cleaned document: headline, deck, then body paragraphs.

    The headline is one sentence whatever its punctuation; deck and body
    paragraphs are split with Punkt. Sentences of the first body paragraph
    (at most :data:`LEDE_SENTENCES`) are marked as the lede.
    """
    sentences: list[Sentence] = []

    def add(text: str, part: str, is_lede: bool) -> None:
        tokens = tuple(tokenize(text))
        sentences.append(
            Sentence(
                id=first_id + len(sentences),
                document=doc.id,
                outlet=outlet_id,
                position=len(sentences),
                part=part,
                is_lede=is_lede,
                text=text,
                tokens=tokens,
                n_words=sum(1 for t in tokens if is_word(t)),
            )
        )

    if doc.headline and doc.headline.strip():
        add(doc.headline.strip(), HEADLINE, False)
    for paragraph in doc.deck:
        for text in split_sentences(paragraph):
            add(text, DECK, False)
    for index, paragraph in enumerate(doc.paragraphs):
        for k, text in enumerate(split_sentences(paragraph)):
            add(text, BODY, index == 0 and k < LEDE_SENTENCES)
    return sentences


def segment_corpus(corpus: CleanCorpus, *, outlet_ids: Mapping[str, str]) -> tuple[Sentence, ...]:
    """All sentences of a cleaned corpus, numbered 0..n-1 in document order.

    ``outlet_ids`` maps each outlet name to its id.
    """
    return tuple(_iter_sentences(corpus, outlet_ids))


def _iter_sentences(corpus: CleanCorpus, outlet_ids: Mapping[str, str]) -> Iterator[Sentence]:
    next_id = 0
    for doc in corpus.documents:
        sentences = segment_document(doc, outlet_id=outlet_ids[doc.outlet], first_id=next_id)
        next_id += len(sentences)
        yield from sentences
