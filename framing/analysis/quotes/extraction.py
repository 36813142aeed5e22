"""The extractor: each sentence's parse, memoised, then its quotes and voice per document.

:func:`extract_quotes` reads a corpus document by document. A sentence's
parse (:func:`_parse_sentence`: quotations, attributions, statements)
depends on its text only and is memoised, so wire copy repeated across
outlets is parsed once; speakers are resolved and continuations followed
within the document.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

from framing.analysis.quotes.attribution import _Anchor, _anchors, _lead_name, _nearest, _Speaker
from framing.analysis.quotes.documents import _Document, _Entity
from framing.analysis.quotes.spans import (
    _marks,
    _mask,
    _merged,
    _Span,
    _spans,
    _starts_inside,
    _words,
)
from framing.analysis.quotes.words import _VERB_SET
from framing.model import Quotations, Quote, Sentence
from framing.text.marks import DOUBLE_MARKS

DIRECT = "direct"
REPORTED = "reported"

#: How many following sentences an unclosed quotation may run into while
#: looking for its closing mark; past that it ends with its own sentence.
MAX_CONTINUATION = 4

#: A sentence is in a speaker's voice when that speaker's quotations and
#: statements cover more than this share of its words outside the
#: attribution itself ("X said", "according to X, a professor").
ATTRIBUTED_SHARE = 0.5

#: How many distinct (text, starts-inside-a-quote) parses to memoise at once.
_CACHE_LIMIT = 200_000

#: Tokens without which a sentence starting outside a quotation has nothing to parse.
_TRIGGERS = _VERB_SET | DOUBLE_MARKS | {"according"}


class _Parse(NamedTuple):
    """What one sentence says on its own: quotations, attributions, statements.

    ``pieces`` are the quotes to report, in text order: (start, end, anchor
    index or -1 for a quotation with no attribution in the sentence, kind,
    text). ``anchor_words`` counts the words each anchor's pieces cover and
    ``anchor_extent`` the words of each attribution phrase.
    ``lead`` is a person opening a sentence that has no attribution (a
    referent for later pronouns).
    """

    spans: tuple[_Span, ...]
    open_at_end: bool
    anchors: tuple[_Anchor, ...]
    pieces: tuple[tuple[int, int, int, str, str], ...]
    anchor_words: tuple[int, ...]
    anchor_extent: tuple[int, ...]
    lead: _Speaker | None
    n_words: int
    quote_words: int
    quote_led: bool


#: The parse of a sentence with neither a quotation mark nor a speech verb.
_NO_PARSE = _Parse((), False, (), (), (), (), None, 0, 0, False)


def _parse_sentence(text: str, tokens: Sequence[str], inside: bool) -> _Parse:
    """Parse one sentence; ``inside`` says it starts inside an open quotation."""
    if not inside and _TRIGGERS.isdisjoint(tokens):
        lead = _lead_name(text)
        return _NO_PARSE if lead is None else _NO_PARSE._replace(lead=lead)
    marks = [] if DOUBLE_MARKS.isdisjoint(tokens) else _marks(text)
    span_list, open_at_end = _spans(text, marks, inside)
    spans = tuple(span_list)
    masked = _mask(text, spans) if spans else text
    verbs = _VERB_SET.intersection(tokens)
    according = "according" in tokens
    anchors = _anchors(masked, verbs, according) if verbs or according else ()
    pieces = [(s.start, s.end, _nearest(s, anchors) if anchors else -1, DIRECT) for s in spans]
    pieces.extend(
        (start, end, index, REPORTED)
        for index, anchor in enumerate(anchors)
        for start, end in anchor.regions
        if _words(masked, start, end) >= 2
    )
    pieces.sort(key=lambda piece: (piece[0], -piece[1]))
    covered: list[list[tuple[int, int]]] = [[] for _ in anchors]
    for start, end, index, _ in pieces:
        if index >= 0:
            covered[index].append((start, end))
    anchor_words = tuple(
        sum(len(text[a:b].split()) for a, b in _merged(ranges)) for ranges in covered
    )
    quote_words = sum(len(text[s.start : s.end].split()) for s in spans)
    quote_led = bool(spans) and (spans[0].open_in or not text[: spans[0].outer_start].strip())
    return _Parse(
        spans, open_at_end, anchors,
        tuple((a, b, i, kind, text[a:b]) for a, b, i, kind in pieces),
        anchor_words, tuple(_words(masked, a.start, a.end) for a in anchors),
        None, len(text.split()), quote_words, quote_led,
    )  # fmt: skip


def _documents(sentences: Sequence[Sentence]) -> Iterator[Sequence[Sentence]]:
    """Runs of consecutive sentences of the same document."""
    start = 0
    n = len(sentences)
    for i in range(1, n + 1):
        if i == n or sentences[i].document != sentences[start].document:
            yield sentences[start:i]
            start = i


class _Extractor:
    """Extraction state over a corpus: the memoised parses and the results."""

    def __init__(self) -> None:
        self.cache: dict[tuple[str, bool], _Parse] = {}
        self.quotes: list[Quote] = []
        self.voice: dict[int, str | None] = {}
        self.genders: dict[str, str] = {}

    def parse(self, sentence: Sentence, inside: bool) -> _Parse:
        """The sentence's parse, memoised by text (wire copy repeats across outlets)."""
        key = (sentence.text, inside)
        parsed = self.cache.get(key)
        if parsed is None:
            if len(self.cache) >= _CACHE_LIMIT:
                self.cache.clear()
            parsed = self.cache[key] = _parse_sentence(sentence.text, sentence.tokens, inside)
        return parsed

    def document(self, sentences: Sequence[Sentence]) -> None:
        """Read one document: parse and resolve in order, then attribute."""
        doc = _Document([s.text for s in sentences])
        parses: list[_Parse] = []
        resolved: list[list[_Entity | None]] = []
        inside = False
        n = len(sentences)
        for i, sentence in enumerate(sentences):
            p = self.parse(sentence, inside)
            parses.append(p)
            if p.lead is not None:
                doc.mention(p.lead, i)
            resolved.append([doc.resolve(anchor.speaker, i) for anchor in p.anchors])
            inside = p.open_at_end and _continues(sentences, i, n)
        self._attribute(sentences, parses, resolved)

    def _attribute(
        self,
        sentences: Sequence[Sentence],
        parses: Sequence[_Parse],
        resolved: Sequence[list[_Entity | None]],
    ) -> None:
        """Continuation speakers, then the quotes and each sentence's voice."""
        n = len(sentences)
        ahead: list[_Entity | None] = [None] * n  # the speaker a quotation runs on to
        for i in range(n - 2, -1, -1):
            nxt = parses[i + 1]
            if nxt.spans and nxt.spans[0].open_in:
                if nxt.anchors:
                    first = next(piece[2] for piece in nxt.pieces if piece[3] == DIRECT)
                    ahead[i] = resolved[i + 1][first]
                else:
                    ahead[i] = ahead[i + 1]
        previous: _Entity | None = None
        quotes, voice = self.quotes, self.voice
        quoted: set[_Entity] = set()
        for i, sentence in enumerate(sentences):
            p = parses[i]
            if not p.pieces:
                voice[sentence.id] = None
                previous = None
                continue
            entities = resolved[i]
            best: _Entity | None = None
            best_words = 0
            outside = p.n_words  # the sentence's words outside the best speaker's attributions
            if p.anchors:
                inherited = None
                words_of: dict[_Entity, list[int]] = {}
                for entity, words, extent in zip(
                    entities, p.anchor_words, p.anchor_extent, strict=True
                ):
                    if entity is not None:
                        counts = words_of.setdefault(entity, [0, 0])
                        counts[0] += words
                        counts[1] += extent
                for entity, (words, extent) in words_of.items():
                    if words > best_words:
                        best, best_words, outside = entity, words, p.n_words - extent
            else:
                inherited = ahead[i]
                if inherited is None and p.quote_led and 2 * p.quote_words >= p.n_words:
                    inherited = previous
                best, best_words = inherited, p.quote_words
            sid, document, outlet = sentence.id, sentence.document, sentence.outlet
            last: _Entity | None = None
            for start, end, index, kind, text in p.pieces:
                entity = entities[index] if index >= 0 else inherited
                if kind == DIRECT:
                    last = entity
                if entity is None:
                    quotes.append(Quote(sid, document, outlet, None, text, start, end, kind))
                else:
                    quoted.add(entity)
                    quotes.append(Quote(sid, document, outlet, entity.name, text, start, end, kind))
            if best is not None and best_words > ATTRIBUTED_SHARE * outside:
                voice[sid] = best.name
                previous = best
            else:
                voice[sid] = None
                previous = last
        for entity in quoted:
            if entity.gender:
                self.genders[entity.name] = entity.gender


def _continues(sentences: Sequence[Sentence], i: int, n: int) -> bool:
    """Whether a quotation open at the end of sentence ``i`` closes in a following one."""
    for j in range(i + 1, min(i + 1 + MAX_CONTINUATION, n)):
        if not DOUBLE_MARKS.isdisjoint(sentences[j].tokens):
            return _starts_inside(_marks(sentences[j].text))
    return False


def extract_quotes(sentences: Sequence[Sentence]) -> Quotations:
    """Direct quotations and reported statements of every sentence, with speakers.

    ``sentences`` are in document order, as
    :func:`framing.text.segment.segment_corpus` returns them: a document's
    sentences must be consecutive, since continuations and references back
    ("she added", "the general said") are read within a document. Any subset
    of whole documents may be passed (a chunk of a parallel run, say); sentence
    ids are kept. Linear in the number of sentences.

    >>> from framing.model import Sentence
    >>> from framing.text.segment import tokenize
    >>> texts = ["“We will stay,” said Gen. Ada Smith.", "“We have no choice.”"]
    >>> sents = [Sentence(i, "d", "o", i, "body", False, t, tuple(tokenize(t)), 0)
    ...          for i, t in enumerate(texts)]
    >>> [(q.speaker, q.text) for q in extract_quotes(sents).quotes]
    [('Ada Smith', 'We will stay'), ('Ada Smith', 'We have no choice.')]
    """
    extractor = _Extractor()
    for document in _documents(sentences):
        extractor.document(document)
    return Quotations(tuple(extractor.quotes), extractor.voice, extractor.genders)
