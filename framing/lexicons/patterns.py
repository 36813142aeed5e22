"""Lexicon terms compiled for matching: exact forms (inflected), word prefixes, gaps.

A term's tokens become elements: a word and, with the set's ``inflect``
setting, its inflected forms (lemminflect's tables, which ship with it); a
prefix for a word ending in ``*``; a gap of words for ``*`` alone or
``{m,n}``. :func:`match_from` tries a compiled term at one position,
skipping quotation marks inside a phrase. A term's ``unless_followed_by``
and ``unless_preceded_by`` phrases become two zero-width elements at its
end, *not followed by* and *not preceded by*: a match with one of those
phrases right after or right before it is no match ("protection" in
"protection against attacks" is another sense of the word).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from framing.model import Term, is_gap
from framing.text.marks import DOUBLE_MARKS, STRAIGHT_SINGLE
from framing.text.segment import TOKEN_MEMO, is_word

#: Quotation-mark tokens, skipped inside a phrase and seen around scare-quoted terms.
QUOTE_TOKENS = frozenset(DOUBLE_MARKS | {"‘", "’", STRAIGHT_SINGLE})
#: Words whose form never changes by inflection (function words are left alone).
_UNINFLECTED = frozenset(
    {"a", "an", "the", "of", "to", "and", "or", "in", "on", "for", "at", "by", "with", "as",
     "not", "no", "n't", "'s", "that", "this", "it", "its", "is", "are", "be", "was", "were"}
)  # fmt: skip

#: Words never used to anchor a multi-word term (they occur in most sentences).
_WEAK_ANCHORS = frozenset(
    {"a", "an", "the", "of", "to", "and", "or", "in", "on", "for", "at", "by", "with", "as",
     "do", "does", "did", "have", "has", "had", "be", "is", "are", "was", "were", "it", "its",
     "not", "no", "n't", "'s", "that", "this", "their", "your", "our", "his", "her", "them"}
)  # fmt: skip

EXACT, PREFIX, GAP, NOT_AHEAD, NOT_BEHIND = 0, 1, 2, 3, 4


@dataclass(frozen=True)
class Element:
    """One position of a compiled term: exact forms, a word prefix, or a gap of words.

    Or a zero-width check at the term's end: none of ``phrases`` (each
    compiled) right after the match (``NOT_AHEAD``) or right before it
    (``NOT_BEHIND``; those phrases are stored reversed).
    """

    kind: int
    forms: frozenset[str] = frozenset()
    prefix: str = ""
    low: int = 0
    high: int = 0
    phrases: tuple[tuple[Element, ...], ...] = ()


#: A term of words and prefixes, element by element: its forms (None for a prefix), its prefix.
Plain = tuple[tuple[frozenset[str] | None, str], ...]
#: The forms a sentence must hold for a term (:attr:`Pattern.required`).
Required = tuple[frozenset[str], ...]


@dataclass(frozen=True)
class Pattern:
    frame: str
    term: Term
    elements: tuple[Element, ...]
    anchor: int  # index of the element looked up first; no gap comes before it
    #: One word or prefix and no context check: a token its anchor accepts is the match.
    single: bool = False
    #: Words and prefixes only, no gap nor context check: each element's forms
    #: (None for a prefix) and prefix, for :func:`plain_end`.
    plain: Plain = ()
    #: The forms of each exact word but the anchor (quotation marks aside): a
    #: sentence without one of each cannot hold the term, which a set test
    #: tells before :func:`match_from` walks its gaps ("fight {0,2} for
    #: money" in a sentence without "money").
    required: Required = ()


def fast_paths(elements: Sequence[Element], anchor: int) -> tuple[bool, Plain, Required]:
    """A compiled term's :attr:`Pattern.single`, :attr:`Pattern.plain` and :attr:`Pattern.required`.

    ``anchor`` is the element the term is looked up by.
    """
    required = tuple(
        e.forms
        for k, e in enumerate(elements)
        if k != anchor and e.kind == EXACT and not _is_quote(e)
    )
    if any(e.kind not in (EXACT, PREFIX) for e in elements):
        return False, (), required
    plain = tuple((e.forms if e.kind == EXACT else None, e.prefix) for e in elements)
    return len(elements) == 1, plain, required


def plain_end(
    tokens: Sequence[str], start: int, plain: Sequence[tuple[frozenset[str] | None, str]]
) -> int | None:
    """Where a term of words and prefixes (:attr:`Pattern.plain`) starting at ``start`` ends.

    What :func:`match_from` finds for it in a sentence without quotation marks
    (so none to skip), without its recursion; None when it does not match.
    """
    end = start + len(plain)
    if start < 0 or end > len(tokens):
        return None
    for token, (forms, prefix) in zip(tokens[start:end], plain, strict=True):
        if forms is not None:
            if token not in forms:
                return None
        elif not (token.startswith(prefix) and is_word(token)):
            return None
    return end


class TokenPatterns(dict[str, tuple[Pattern, ...]]):
    """token -> the patterns anchored on it (:func:`anchored_patterns`), decided once per token.

    ``map(patterns.__getitem__, tokens)`` stays in C for tokens seen before,
    so a sentence without a term costs a lookup per token. It forgets
    everything when it holds :data:`~framing.text.segment.TOKEN_MEMO`
    tokens, so that it stays bounded; the decisions do not change.
    """

    def __init__(self, candidates: Callable[[str], Iterable[Pattern]]) -> None:
        super().__init__()
        self._of = candidates

    def __missing__(self, token: str) -> tuple[Pattern, ...]:
        if len(self) >= TOKEN_MEMO:
            self.clear()
        found = self[token] = tuple(self._of(token))
        return found


def anchored_patterns(
    exact: dict[str, list[Pattern]],
    heads: dict[str, list[str]],
    prefixed: dict[str, list[Pattern]],
    head_length: int,
    token: str,
) -> Iterator[Pattern]:
    """The patterns whose anchor ``token`` can be: exact forms, then prefixes."""
    yield from exact.get(token, ())
    for prefix in heads.get(token[:head_length], ()):
        if token.startswith(prefix) and is_word(token):
            yield from prefixed[prefix]


def compile_term(term: Term, inflect: bool) -> tuple[Element, ...]:
    """A term's elements, one per token, then its context checks (zero-width) if any."""
    elements = list(_compile_tokens(term.tokens, inflect))
    if term.unless_followed_by:
        elements.append(_context_check(NOT_AHEAD, term.unless_followed_by, inflect))
    if term.unless_preceded_by:
        elements.append(_context_check(NOT_BEHIND, term.unless_preceded_by, inflect))
    return tuple(elements)


@lru_cache(maxsize=1_000)
def _context_check(kind: int, contexts: tuple[tuple[str, ...], ...], inflect: bool) -> Element:
    """A zero-width check that none of the ``contexts`` phrases is next to the match.

    A set's or frame's contexts are shared by all its terms, so the check is
    compiled once (cached) and shared too. ``NOT_BEHIND`` phrases are stored
    reversed, to be matched on the tokens before the match, read backwards.

    ``high`` is how many tokens it looks at, at most (quotation marks allowed
    for); ``forms``, when every phrase has an exact word, holds those words'
    forms, so that a window holding none of them is passed in one set test;
    ``low`` is 1 when it does.
    """
    phrases = tuple(_compile_tokens(p, inflect) for p in contexts)
    if kind == NOT_BEHIND:
        phrases = tuple(p[::-1] for p in phrases)
    longest = max(sum(e.high if e.kind == GAP else 1 for e in p) for p in phrases)
    words = [next((e for e in p if e.kind != GAP), None) for p in phrases]
    exact = all(w is not None and w.kind == EXACT for w in words)
    forms = frozenset().union(*(w.forms for w in words if w is not None)) if exact else frozenset()
    return Element(kind, forms=forms, low=int(exact), high=2 * longest + 2, phrases=phrases)


def _compile_tokens(tokens: Sequence[str], inflect: bool) -> tuple[Element, ...]:
    elements = []
    for token in tokens:
        if token == "*":
            elements.append(Element(GAP, low=1, high=1))
        elif is_gap(token):
            low, high = (int(x) for x in token[1:-1].split(","))
            elements.append(Element(GAP, low=low, high=high))
        elif token.endswith("*") and len(token) > 1:
            elements.append(Element(PREFIX, prefix=token[:-1]))
        else:
            forms = inflections(token) if inflect else frozenset({token})
            elements.append(Element(EXACT, forms=forms))
    return tuple(elements)


@lru_cache(maxsize=100_000)
def inflections(word: str) -> frozenset[str]:
    """``word`` and its inflected forms (lemminflect's tables, shipped with it).

    A word that is a lemma itself for some part of speech keeps to it: the
    adjective "protected" does not match the verb "protect". A word the
    tables do not know (an acronym, a name) is taken for a noun and gets
    its regular plural: "pow" matches "POWs".

    >>> sorted(inflections("defend"))
    ['defend', 'defended', 'defending', 'defends']
    >>> sorted(inflections("pow"))
    ['pow', 'pows']
    >>> sorted(inflections("the"))
    ['the']
    """
    if word in _UNINFLECTED or len(word) < 3 or not word.isalpha():
        return frozenset({word})
    from lemminflect import getAllInflections, getAllInflectionsOOV, getAllLemmas

    forms = {word}
    readings = getAllLemmas(word)
    if not readings:
        for inflected in getAllInflectionsOOV(word, upos="NOUN").values():
            forms.update(f.lower() for f in inflected)
        return frozenset(forms)
    # A word that is a lemma of its own ("protected", "willing" as adjectives)
    # keeps to that part of speech: "protected" is a status, and "protect",
    # "protecting" are someone's act; "willing" is not "will" or "would".
    own = {pos: lemmas for pos, lemmas in readings.items() if word in lemmas}
    for pos, lemmas in (own or readings).items():
        for lemma in lemmas:
            for inflected in getAllInflections(lemma, upos=pos).values():
                forms.update(f.lower() for f in inflected)
    return frozenset(forms)


def anchor_of(elements: Sequence[Element], tokens: Sequence[str]) -> int:
    """The most selective element before any gap: a long, exact, strong word."""
    head = next((i for i, e in enumerate(elements) if e.kind >= GAP), len(elements))
    return max(
        range(head),
        key=lambda i: (
            elements[i].kind == EXACT,
            tokens[i] not in _WEAK_ANCHORS and is_word(tokens[i].rstrip("*")),
            len(tokens[i]),
            -i,
        ),
    )


def start_of(tokens: Sequence[str], position: int, elements: Sequence[Element], anchor: int) -> int:
    """Where a term starts when its element ``anchor`` is at ``position`` (quotes skipped)."""
    i = position
    for k in range(anchor, 0, -1):
        i -= 1
        if not _is_quote(elements[k]):
            while i >= 0 and tokens[i] in QUOTE_TOKENS:
                i -= 1
        if i < 0:
            return -1
    return i


def _is_quote(element: Element) -> bool:
    """Whether the term itself has a quotation mark here ("rock 'n' roll")."""
    return element.kind == EXACT and not element.forms.isdisjoint(QUOTE_TOKENS)


def match_from(
    tokens: Sequence[str], i: int, elements: Sequence[Element], k: int = 0, origin: int = -1
) -> int | None:
    """End index when ``elements[k:]`` match ``tokens`` from ``i``, else None.

    ``origin`` is where the match began (``i`` when ``k`` is 0), for a
    *not preceded by* check.
    """
    if k == len(elements):
        return i
    if origin < 0:
        origin = i
    element = elements[k]
    if element.kind >= NOT_AHEAD:
        # Quotation marks between the match and its context are skipped.
        if element.kind == NOT_AHEAD:
            around: Sequence[str] = tokens[i : i + element.high]
        else:
            around = tokens[max(0, origin - element.high) : origin][::-1]
        if element.low and element.forms.isdisjoint(around):
            return match_from(tokens, i, elements, k + 1, origin)
        j = 0
        while j < len(around) and around[j] in QUOTE_TOKENS:
            j += 1
        if any(match_from(around, j, phrase) is not None for phrase in element.phrases):
            return None
        return match_from(tokens, i, elements, k + 1, origin)
    if k and not _is_quote(element):
        while i < len(tokens) and tokens[i] in QUOTE_TOKENS:
            i += 1
    if element.kind == GAP:
        n = 0
        while True:
            if n >= element.low:
                end = match_from(tokens, i, elements, k + 1, origin)
                if end is not None:
                    return end
            if n == element.high or i >= len(tokens) or not is_word(tokens[i]):
                return None
            i += 1
            n += 1
    if i >= len(tokens):
        return None
    token = tokens[i]
    if element.kind == EXACT:
        ok = token in element.forms
    else:
        ok = token.startswith(element.prefix) and is_word(token)
    return match_from(tokens, i + 1, elements, k + 1, origin) if ok else None


def longest_non_overlapping(
    spans: list[tuple[int, int, Term]],
) -> list[tuple[int, int, Term]]:
    """Within one frame, keep the longest match where matches overlap."""
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0], s[2].text))
    taken: set[int] = set()
    kept: list[tuple[int, int, Term]] = []
    for start, end, term in spans:
        if taken.isdisjoint(range(start, end)):
            kept.append((start, end, term))
            taken.update(range(start, end))
    kept.sort(key=lambda s: s[0])
    return kept


def term_spans(
    tokens: Sequence[str], candidates: Sequence[tuple[Pattern, ...]]
) -> dict[str, list[tuple[int, int, Term]]]:
    """Where each frame's terms occur in ``tokens``: frame id -> (start, end, term) spans.

    ``candidates[i]`` are the patterns token ``i`` anchors
    (:class:`TokenPatterns`). A term of one word is its token; a term of
    words and prefixes in a sentence without quotation marks is read by
    :func:`plain_end`; a term missing one of its words
    (:attr:`Pattern.required`) is passed over by a set test; the rest go
    through :func:`start_of` and :func:`match_from`. Spans may overlap.
    """
    found: dict[str, list[tuple[int, int, Term]]] = defaultdict(list)
    quoted = not QUOTE_TOKENS.isdisjoint(tokens)  # quotation marks inside a term are skipped
    present: frozenset[str] | None = None  # the sentence's tokens, once a term needs them
    for i in compress(range(len(candidates)), candidates):
        for pattern in candidates[i]:
            if pattern.single:  # the token itself is the term
                found[pattern.frame].append((i, i + 1, pattern.term))
                continue
            if pattern.plain and not quoted:
                start = i - pattern.anchor
                end = plain_end(tokens, start, pattern.plain)
                if end is not None:
                    found[pattern.frame].append((start, end, pattern.term))
                continue
            if pattern.required:
                if present is None:
                    present = frozenset(tokens)
                if any(map(present.isdisjoint, pattern.required)):
                    continue  # a word of the term is missing from the sentence
            start = start_of(tokens, i, pattern.elements, pattern.anchor)
            end = match_from(tokens, start, pattern.elements) if start >= 0 else None
            if end is not None:
                found[pattern.frame].append((start, end, pattern.term))
    return found
