"""Sentences and tokens, with nltk and no downloaded data.

Sentences come from nltk's Punkt algorithm with parameters shipped in the
package (``framing/data/abbreviations.txt`` and ``sentence_starters.txt``)
instead of a trained model, so nothing is downloaded: "Maj. Gen. Borys
Kremenetskyi said." and "the embassy in Washington, D.C., did not respond"
stay one sentence each, and "U.S." does not end one unless a capitalised
sentence starter such as "The" follows it.

Punkt does not know typographic quotes, so it reads a copy of the text in
which they are replaced one-for-one by ASCII quotes
(:data:`framing.text.marks.FOLD_TO_ASCII`); the offsets are the same, and
sentences are cut from the original text.

Tokens come from one regular expression in the Penn Treebank's spirit:
acronyms ("U.S.") stay whole, clitics split off ("don't" -> "do", "n't";
"Ukraine's" -> "ukraine", "'s"), hyphenated words stay whole, and
punctuation marks are tokens of their own (negation scope ends at them).
Tokens are lower-cased, with the typographic apostrophe normalised to ``'``.

Text is matched as it reads, not as it is encoded: each token is normalised
to Unicode's NFKC form (full-width ``ｆｒｅｅｄｏｍ`` and the ligature in
``ﬁght`` become ``freedom`` and ``fight``; ``…`` becomes ``...``), and
invisible characters (:data:`INVISIBLE`: zero-width space, joiners, word
joiner, byte-order mark, soft hyphen) are dropped, so ``free\u200bdom`` is
the one token ``freedom``. An invisible character never splits a word, nor is
a token of its own. Normalising each token, not the text, keeps the offsets
of :func:`tokenize_spans` those of the original text, which the report
highlights. Text that needs none of this (ASCII, or already NFKC without
invisible characters: nearly all news) takes the path it always took.

Speed: since nltk 3.10, every nltk regular expression runs through a ReDoS
guard (the ``regex`` engine with a per-call timeout), which costs more than
the matching itself on short strings. The patterns here, and Punkt's own,
are fixed and linear, so they are compiled with the standard ``re`` module
(``_PlainLanguageVars``, ``_PlainToken``); Punkt's algorithm and
parameters are unchanged. This made segmentation about twice as fast. Then
:class:`framing.text.punkt.FastPunkt` took Punkt's decisions off nltk's
per-word objects and generators (the same decisions, compared with nltk's by
``tests/text/test_punkt.py``), and the tokenizer runs its pattern only on
the whitespace-separated chunks that are not one word whole
(:func:`_pattern_tokens`): sentence splitting and tokenizing together
became about twice as fast again.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from framing.model import BODY, DECK, HEADLINE, CleanCorpus, CleanDocument, Sentence
from framing.text.marks import FOLD_TO_ASCII, TYPOGRAPHIC
from framing.text.punkt import FastPunkt

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

#: How many sentences of the first body paragraph count as the lede.
LEDE_SENTENCES = 3

#: Characters that are invisible inside a word and dropped from tokens: soft
#: hyphen, zero-width space, zero-width non-joiner and joiner, word joiner,
#: and the byte-order mark (a zero-width no-break space inside a text).
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
TOKEN_PATTERN = r"""(?x)
      (?:[A-Za-z]\.){2,}                # acronyms: U.S., D.C.
    | \w+(?:[INVISIBLE]+\w+)*           # words (an invisible character joins, never splits)
      (?:[-'’－＇]\w+(?:[INVISIBLE]+\w+)*)*  # hyphenated words, don't, Ukraine's
    | [^\w\sINVISIBLE]                  # any other visible mark is a token of its own
""".replace("INVISIBLE", INVISIBLE.encode("unicode_escape").decode())
_TOKEN_RE = re.compile(TOKEN_PATTERN)
_NEEDS_FOLDING_RE = re.compile(f"[{INVISIBLE}]")
_DROP_INVISIBLE = str.maketrans("", "", INVISIBLE)
#: Clitics split off a word token: (ending, how many characters it has).
_CLITICS = (("n't", 3), ("'s", 2))
_WORD_CHAR = re.compile(r"\w")


def _read_word_list(name: str) -> set[str]:
    text = resources.files("framing.text.data").joinpath(name).read_text(encoding="utf-8")
    return {
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    }


def _plain_language_vars() -> Any:
    """Punkt's language variables with its fixed patterns compiled by ``re``."""
    from nltk.tokenize.punkt import PunktLanguageVars

    class _PlainLanguageVars(PunktLanguageVars):
        re_boundary_realignment = re.compile(
            PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE
        )

        def _word_tokenizer_re(self) -> re.Pattern[str]:
            if not hasattr(self, "_plain_word_tokenizer"):
                self._plain_word_tokenizer = re.compile(
                    self._word_tokenize_fmt
                    % {
                        "NonWord": self._re_non_word_chars,
                        "MultiChar": self._re_multi_char_punct,
                        "WordStart": self._re_word_start,
                    },
                    re.UNICODE | re.VERBOSE,
                )
            return self._plain_word_tokenizer

        def period_context_re(self) -> re.Pattern[str]:
            if not hasattr(self, "_plain_period_context"):
                self._plain_period_context = re.compile(
                    self._period_context_fmt
                    % {
                        "NonWord": self._re_non_word_chars,
                        "SentEndChars": self._re_sent_end_chars,
                    },
                    re.UNICODE | re.VERBOSE,
                )
            return self._plain_period_context

    return _PlainLanguageVars()


def _plain_token_class() -> Any:
    """Punkt's token class with its fixed patterns compiled by ``re``."""
    from nltk.tokenize.punkt import PunktToken

    class _PlainToken(PunktToken):
        _RE_ELLIPSIS = re.compile(r"\.\.+$")
        _RE_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
        _RE_INITIAL = re.compile(r"[^\W\d]\.$", re.UNICODE)
        _RE_ALPHA = re.compile(r"[^\W\d]+$", re.UNICODE)

    return _PlainToken


@cache
def build_sentence_splitter() -> PunktSentenceTokenizer:
    """A Punkt tokenizer configured from the shipped abbreviation lists."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = _read_word_list("abbreviations.txt")
    params.sent_starters = _read_word_list("sentence_starters.txt")
    splitter = PunktSentenceTokenizer(params, lang_vars=_plain_language_vars())
    splitter._Token = _plain_token_class()
    return splitter


def split_sentences(text: str) -> list[str]:
    """Split one paragraph into sentences.

    >>> split_sentences("Maj. Gen. Borys Kremenetskyi said. They agreed.")
    ['Maj. Gen. Borys Kremenetskyi said.', 'They agreed.']
    """
    plain = text
    if not text.isascii() and _TYPOGRAPHIC_RE.search(text):
        for curly, ascii_quote in FOLD_TO_ASCII.items():  # one-for-one, so offsets are kept
            plain = plain.replace(curly, ascii_quote)
    spans = _fast_splitter().span_tokenize(plain)
    return [text[start:end].strip() for start, end in spans if text[start:end].strip()]


_TYPOGRAPHIC_RE = re.compile(f"[{''.join(sorted(TYPOGRAPHIC))}]")


@cache
def _fast_splitter() -> FastPunkt:
    """Punkt's decisions with :func:`build_sentence_splitter`'s parameters, without its objects."""
    return FastPunkt(build_sentence_splitter())


def _normalise(text: str) -> str:
    return text.lower().replace("’", "'")


def _needs_folding(text: str) -> bool:
    """Whether ``text`` has invisible characters or characters NFKC changes."""
    if text.isascii():
        return False
    return not unicodedata.is_normalized("NFKC", text) or bool(_NEEDS_FOLDING_RE.search(text))


@lru_cache(maxsize=1 << 16)
def _fold(token: str) -> str:
    """A token as it reads: invisible characters dropped, NFKC, lower-cased, ``’`` as ``'``."""
    if token.isascii():
        return _normalise(token)
    return _normalise(unicodedata.normalize("NFKC", token.translate(_DROP_INVISIBLE)))


def _split_clitic(token: str) -> int:
    """Length of the clitic ending ``token`` ("n't", "'s"), or 0."""
    for ending, length in _CLITICS:
        if len(token) > length and token.endswith(ending):
            return length
    return 0


#: Marks that end a whitespace-separated chunk of text after a plain word
#: ("war," "said."): none is a word character, a space, an invisible
#: character, a hyphen or an apostrophe, so the word and the mark are the
#: pattern's two tokens.
_TRAILING_MARKS = frozenset(',.;:?!)"')


def _pattern_tokens(text: str, *, clitics: bool = False) -> list[str]:
    """``_TOKEN_RE.findall(text)``, with the pattern run only where it is needed.

    No token spans white space, nor does the pattern look behind or ahead of
    a token, so the matches in a text are those in each of its
    whitespace-separated chunks. A chunk of word characters only (what
    ``str.isalnum`` accepts; the pattern's ``\\w`` adds only ``_``) is one
    token whole, and such a chunk followed by one of :data:`_TRAILING_MARKS`
    is two; other chunks go through the pattern. ``str.split`` and ``\\s``
    agree on what white space is (both use ``Py_UNICODE_ISSPACE``).

    With ``clitics``, tokens with an apostrophe ``'`` have their clitic split
    off (:func:`_with_clitic_split`); only chunks that go through the
    pattern can have one.
    """
    tokens: list[str] = []
    add, extend, findall = tokens.append, tokens.extend, _TOKEN_RE.findall
    for chunk in text.split():
        if chunk.isalnum():
            add(chunk)
        elif chunk[-1] in _TRAILING_MARKS and chunk[:-1].isalnum():
            add(chunk[:-1])
            add(chunk[-1])
        elif clitics and "'" in chunk:
            extend([part for token in findall(chunk) for part in _with_clitic_split(token)])
        else:
            extend(findall(chunk))
    return tokens


def _tokens(text: str) -> Iterator[str]:
    """Interned tokens of ``text`` (see :func:`tokenize`)."""
    lowered = _normalise(text)
    if len(lowered) == len(text) and not _needs_folding(text):
        # "’" is "'" in lowered, and "＇" needs folding
        return map(sys.intern, _pattern_tokens(lowered, clitics=True))
    return _folded_tokens(text)


def _folded_tokens(text: str) -> Iterator[str]:
    """Interned tokens of a text that needs folding, or whose lower case changes its length."""
    # token by token, as tokenize_spans does ("İ" lower-cases to two characters)
    tokens = list(map(_fold, _TOKEN_RE.findall(text)))
    if "'" in text or "’" in text or "＇" in text:
        tokens = [part for token in tokens for part in _with_clitic_split(token)]
    return map(sys.intern, tokens)


def _with_clitic_split(token: str) -> tuple[str, ...]:
    cut = _split_clitic(token.lower()) if "'" in token else 0
    return (token[:-cut], token[-cut:]) if cut else (token,)


def cased_tokens(text: str) -> tuple[tuple[str, ...], tuple[str, ...] | None]:
    """The tokens of ``text`` (:func:`tokenize`'s, interned), and each as it is written.

    The written forms keep their case ("U.S.", "Kremenetskyi"), with ``’``
    as ``'``: what :mod:`framing.analysis.names` and the matcher's name
    check read, without the offsets of :func:`tokenize_spans`. They come
    from the same pass as the tokens: on a text whose lower case is its
    lower-cased characters one for one (no folding, no capital sigma,
    nearly all news), a token is its written form lower-cased. Otherwise
    the written forms are None, and readers fall back on
    :func:`tokenize_spans`.

    >>> cased_tokens("Don't tell NATO.")
    (('do', "n't", 'tell', 'nato', '.'), ('Do', "n't", 'tell', 'NATO', '.'))
    """
    if _SIGMA not in text and not _needs_folding(text):
        written = text.replace("’", "'")
        lowered = written.lower()
        if len(lowered) == len(text):
            surfaces = _pattern_tokens(written, clitics=True)
            return tuple(map(_LOWERED.__getitem__, surfaces)), tuple(surfaces)
    return tuple(_tokens(text)), None


class _Lowered(dict[str, str]):
    """token as written -> its token (lower case, interned), made once per distinct form.

    Bounded like :class:`_WordTokens`: it forgets everything at :data:`TOKEN_MEMO` forms.
    """

    def __missing__(self, surface: str) -> str:
        if len(self) >= TOKEN_MEMO:
            self.clear()
        token = self[surface] = sys.intern(surface.lower())
        return token


_LOWERED = _Lowered()


def tokenize(text: str) -> list[str]:
    """Lower-cased word and punctuation tokens of a text.

    >>> tokenize("They don't want Ukraine's U.S. visas.")
    ['they', 'do', "n't", 'want', 'ukraine', "'s", 'u.s.', 'visas', '.']
    """
    return list(_tokens(text))


def tokenize_spans(text: str) -> list[tuple[str, int, int]]:
    """Tokens with their character offsets in ``text`` (end exclusive).

    The tokens are those of :func:`tokenize`, so hit positions map to offsets.
    A token's offsets are those of the characters it was made from, before
    normalising (see the module's docstring): ``free\u200bdom`` is
    ``("freedom", 0, 8)``. A clitic's offsets count back from the token's end
    in its original characters.
    """
    folding = _needs_folding(text)
    if not folding and _SIGMA not in text:
        lowered = _normalise(text)
        if len(lowered) == len(text):
            return _plain_spans(text, lowered)
    return _pattern_spans(text, _fold if folding else _normalise)


def _pattern_spans(text: str, normalise: Callable[[str], str]) -> list[tuple[str, int, int]]:
    """:func:`tokenize_spans` match by match, each token normalised on its own."""
    spans: list[tuple[str, int, int]] = []
    for m in _TOKEN_RE.finditer(text):
        token, start, end = normalise(m.group()), m.start(), m.end()
        cut = _split_clitic(token) if "'" in token else 0
        if cut:
            # the clitic's characters in the original: "’s", "n＇t" (after an invisible one, none)
            original_cut = _original_length(m.group(), cut)
            spans.append((token[:-cut], start, end - original_cut))
            spans.append((token[-cut:], end - original_cut, end))
        else:
            spans.append((token, start, end))
    return spans


#: Capital sigma, the one character whose lower case depends on its neighbours
#: (final "ς" or "σ"), so a token lower-cased alone may differ from its slice
#: of the lower-cased text.
_SIGMA = "\u03a3"


def _plain_spans(text: str, lowered: str) -> list[tuple[str, int, int]]:
    """:func:`tokenize_spans` for a text that needs no folding.

    ``lowered`` is ``_normalise(text)``, character for character (same
    length, no capital sigma), so a token's normalised form is its slice of
    ``lowered``. The chunks are those of :func:`_pattern_tokens`. When single
    spaces separate them (nearly always), each starts one after the end of
    the previous one and ``lowered.split(" ")`` gives their lower-cased
    forms; otherwise :func:`_found_spans` finds each.
    """
    chunks = text.split()
    if not chunks:
        return []
    if " ".join(chunks) != text:
        return _found_spans(text, lowered, chunks)
    spans: list[tuple[str, int, int]] = []
    add = spans.append
    end = -1
    for chunk, low in zip(chunks, lowered.split(" "), strict=True):
        start = end + 1
        end = start + len(chunk)
        if chunk.isalnum():
            add((low, start, end))
        else:
            _compound_spans(spans, chunk, start, lowered)
    return spans


def _found_spans(text: str, lowered: str, chunks: list[str]) -> list[tuple[str, int, int]]:
    """:func:`_plain_spans` for any white space: each chunk found after the previous one."""
    spans: list[tuple[str, int, int]] = []
    find = text.find
    end = 0
    for chunk in chunks:
        start = find(chunk, end)
        end = start + len(chunk)
        if chunk.isalnum():
            spans.append((lowered[start:end], start, end))
        else:
            _compound_spans(spans, chunk, start, lowered)
    return spans


def _compound_spans(
    spans: list[tuple[str, int, int]], chunk: str, start: int, lowered: str
) -> None:
    """Add the spans of a chunk that is not one word whole, found at ``start``."""
    end = start + len(chunk)
    if chunk[-1] in _TRAILING_MARKS and chunk[:-1].isalnum():
        spans.append((lowered[start : end - 1], start, end - 1))
        spans.append((lowered[end - 1 : end], end - 1, end))
        return
    for m in _TOKEN_RE.finditer(chunk):
        a, b = start + m.start(), start + m.end()
        token = lowered[a:b]
        cut = _split_clitic(token) if "'" in token else 0
        if cut:
            original_cut = _original_length(m.group(), cut)
            spans.append((token[:-cut], a, b - original_cut))
            spans.append((token[-cut:], b - original_cut, b))
        else:
            spans.append((token, a, b))


def _original_length(original: str, folded: int) -> int:
    """How many characters at the end of ``original`` fold to its last ``folded`` characters."""
    if original.isascii() or len(original) == len(_fold(original)):
        return folded
    n = 0
    while len(_fold(original[len(original) - n :])) < folded and n < len(original):
        n += 1
    return n


#: How many distinct tokens the per-token decisions remember. A corpus's
#: vocabulary grows without end (names, numbers, typos); a memo that grew with
#: it would hold hundreds of megabytes per process at a million articles.
TOKEN_MEMO = 1 << 18


@lru_cache(maxsize=TOKEN_MEMO)
def is_word(token: str) -> bool:
    """True for word tokens (anything with a letter or digit), False for punctuation."""
    return _WORD_CHAR.search(token) is not None


class _WordTokens(dict[str, bool]):
    """token -> :func:`is_word`, decided once per distinct token.

    ``map(_WORD_TOKENS.__getitem__, tokens)`` stays in C for tokens seen
    before. It forgets everything when it holds :data:`TOKEN_MEMO` tokens,
    so that it stays bounded; decisions do not change.
    """

    def __missing__(self, token: str) -> bool:
        if len(self) >= TOKEN_MEMO:
            self.clear()
        decision = self[token] = _WORD_CHAR.search(token) is not None
        return decision


_WORD_TOKENS = _WordTokens()
#: token -> whether it is a word, for other modules' C-level maps (see :class:`_WordTokens`).
WORD_TOKENS: Mapping[str, bool] = _WORD_TOKENS


#: A sentence before numbering: (part, is_lede, text, tokens, n_words).
SentencePiece = tuple[str, bool, str, tuple[str, ...], int]
_Piece = SentencePiece


class SegmentMemo:
    """What segmenting found for each distinct text, within one chunk of documents.

    A paragraph's sentences depend on its text alone, and so do a sentence's
    tokens, written forms and word count: a text seen again in the chunk
    (wire copy, boilerplate, a resampled benchmark corpus) is not segmented
    again. One memo serves one chunk and is dropped with it, so it stays as
    small as the chunk.
    """

    __slots__ = ("paragraphs", "sentences")

    def __init__(self) -> None:
        self.paragraphs: dict[str, list[str]] = {}
        self.sentences: dict[str, tuple[tuple[str, ...], tuple[str, ...] | None, int]] = {}

    def split(self, paragraph: str) -> list[str]:
        """:func:`split_sentences` of ``paragraph``, remembered."""
        found = self.paragraphs.get(paragraph)
        if found is None:
            found = self.paragraphs[paragraph] = split_sentences(paragraph)
        return found

    def cased(self, text: str) -> tuple[tuple[str, ...], tuple[str, ...] | None, int]:
        """:func:`cased_tokens` of ``text`` and its number of words, remembered."""
        found = self.sentences.get(text)
        if found is None:
            tokens, surfaces = cased_tokens(text)
            n_words = sum(map(_WORD_TOKENS.__getitem__, tokens))
            found = self.sentences[text] = (tokens, surfaces, n_words)
        return found


def _pieces(
    doc: CleanDocument,
    written: list[tuple[str, ...] | None] | None = None,
    memo: SegmentMemo | None = None,
) -> list[_Piece]:
    """The sentences of one document, before they get their ids.

    With ``written``, each sentence's tokens as written (:func:`cased_tokens`)
    are appended to it; with ``memo`` too, texts seen before are looked up.
    """
    pieces: list[_Piece] = []
    split = split_sentences if memo is None else memo.split

    def add(text: str, part: str, is_lede: bool) -> None:
        if written is None:
            tokens = tuple(_tokens(text))
            n_words = sum(map(_WORD_TOKENS.__getitem__, tokens))
        elif memo is None:
            tokens, surfaces = cased_tokens(text)
            n_words = sum(map(_WORD_TOKENS.__getitem__, tokens))
            written.append(surfaces)
        else:
            tokens, surfaces, n_words = memo.cased(text)
            written.append(surfaces)
        pieces.append((part, is_lede, text, tokens, n_words))

    if doc.headline and doc.headline.strip():
        add(doc.headline.strip(), HEADLINE, False)
    for paragraph in doc.deck:
        for text in split(paragraph):
            add(text, DECK, False)
    for index, paragraph in enumerate(doc.paragraphs):
        for k, text in enumerate(split(paragraph)):
            add(text, BODY, index == 0 and k < LEDE_SENTENCES)
    return pieces


def _sentences(
    doc: CleanDocument, pieces: list[_Piece], *, outlet_id: str, first_id: int
) -> list[Sentence]:
    return [
        Sentence(
            id=first_id + position,
            document=doc.id,
            outlet=outlet_id,
            position=position,
            part=part,
            is_lede=is_lede,
            text=text,
            tokens=tokens,
            n_words=n_words,
        )
        for position, (part, is_lede, text, tokens, n_words) in enumerate(pieces)
    ]


def sentence_pieces(doc: CleanDocument) -> list[SentencePiece]:
    """A document's sentences as plain tuples, before they get ids.

    The cheap, picklable form in which worker processes return their work;
    :func:`build_sentences` turns it into :class:`Sentence` objects.
    """
    return _pieces(doc)


def cased_sentence_pieces(
    doc: CleanDocument, memo: SegmentMemo | None = None
) -> tuple[list[SentencePiece], list[tuple[str, ...] | None]]:
    """:func:`sentence_pieces`, and each sentence's tokens as written (:func:`cased_tokens`).

    For the map step (:mod:`framing.analysis.records`), which reads case for
    names and keeps neither. With ``memo`` (one per chunk of documents),
    paragraphs and sentences seen before are not segmented again: the same
    pieces, the tuples of tokens shared.
    """
    written: list[tuple[str, ...] | None] = []
    return _pieces(doc, written, memo), written


def build_sentences(
    documents: Sequence[CleanDocument],
    pieces: Sequence[list[SentencePiece]],
    *,
    outlet_ids: Mapping[str, str],
) -> tuple[Sentence, ...]:
    """Number the documents' sentence pieces 0..n-1, in document order."""
    sentences: list[Sentence] = []
    for doc, doc_pieces in zip(documents, pieces, strict=True):
        sentences.extend(
            _sentences(doc, doc_pieces, outlet_id=outlet_ids[doc.outlet], first_id=len(sentences))
        )
    return tuple(sentences)


def segment_corpus(corpus: CleanCorpus, *, outlet_ids: Mapping[str, str]) -> tuple[Sentence, ...]:
    """All sentences of a cleaned corpus, numbered 0..n-1 in document order.

    ``outlet_ids`` maps each outlet name to its id.
    """
    pieces = [_pieces(doc) for doc in corpus.documents]
    return build_sentences(corpus.documents, pieces, outlet_ids=outlet_ids)
