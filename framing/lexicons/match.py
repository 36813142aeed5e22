"""Finding a lexicon set's terms in tokenized sentences, with negation.

Terms are tokenized exactly like article text (:func:`framing.text.segment.tokenize`),
so case and typographic quotes never matter. A wildcard's ``*`` stands for
any ending of the last word (``radicali*`` catches radicalized and
radicalization).

Matching is negation-aware. A negation cue (``not``, ``no``, ``never``,
``n't``, ``without``, ``neither``/``nor`` …) opens a scope that runs to the
next punctuation mark or clause boundary ("but", "although", …); a hit
inside it is *negated*: reported separately, never counted as support. In
"This is not mercenaries who are coming to earn money", "mercenaries" is
negated. A cue that is part of a term ("no POW status") does not negate
that term.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter

from framing.model import DEFAULT_SCOPE_BREAKERS, Hit, LexiconSet, Sentence, Term
from framing.text.marks import CLOSING_DOUBLE, STRAIGHT_DOUBLE, STRAIGHT_SINGLE
from framing.text.segment import is_word

#: Punctuation that ends a negation's scope. A closing quotation mark ends it
#: too ('"They're not going to get any breaks" under international law'); an
#: opening one does not ('so as not to make them "mercenaries"').
SCOPE_PUNCTUATION = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "[", "]", "-", "—", "–"})
#: Tokens are folded (’ is '), so the single straight quote stands for ’ too;
#: it alternates like the double one.
_STRAIGHT_QUOTES = frozenset({STRAIGHT_DOUBLE, STRAIGHT_SINGLE})

#: Cue + next word pairs that do not negate ("not only", "no doubt").
PSEUDO_NEGATIONS = frozenset(
    {
        ("not", "only"),
        ("not", "just"),
        ("not", "merely"),
        ("not", "least"),
        ("no", "doubt"),
        ("nothing", "but"),
    }
)


#: Words never used to anchor a multi-word term (they occur in most sentences).
_WEAK_ANCHORS = frozenset(
    {"a", "an", "the", "of", "to", "and", "or", "in", "on", "for", "at", "by", "with", "as",
     "do", "does", "did", "have", "has", "had", "be", "is", "are", "was", "were", "it", "its",
     "not", "no", "n't", "'s", "that", "this", "their", "your", "our", "his", "her", "them"}
)  # fmt: skip


@dataclass(frozen=True)
class _Pattern:
    frame: str
    term: Term
    anchor: int  # index of the term token that is looked up first


def _anchor(tokens: Sequence[str]) -> int:
    """The index of the term's most selective token: a long, exact, strong word."""
    return max(
        range(len(tokens)),
        key=lambda i: (
            not tokens[i].endswith("*"),
            tokens[i] not in _WEAK_ANCHORS and is_word(tokens[i]),
            len(tokens[i]),
            -i,
        ),
    )


class Matcher:
    """Finds every frame's terms in tokenized sentences.

    Built once per lexicon set. Each term is indexed by one of its tokens,
    its anchor (the longest exact content word; for a lone wildcard, its
    prefix). Exact anchors are kept in a set; wildcard prefixes are grouped
    by their first few letters (a *head*, as long as the shortest prefix), so
    whether a sentence can hold any term at all is two set tests done in C,
    and a token is compared only with the few prefixes that share its head.
    Matching time therefore barely grows with the size of the lexicon.
    """

    def __init__(self, lexicons: LexiconSet) -> None:
        self.lexicons = lexicons
        self._negation_cues = frozenset(lexicons.negation_cues)
        self._scope_breakers = frozenset(lexicons.scope_breakers)
        exact: dict[str, list[_Pattern]] = defaultdict(list)
        prefixed: dict[str, list[_Pattern]] = defaultdict(list)
        for frame in lexicons.frames:
            for term in frame.terms:
                anchor = _anchor(term.tokens)
                key = term.tokens[anchor]
                pattern = _Pattern(frame.id, term, anchor)
                if key.endswith("*"):
                    prefixed[key[:-1]].append(pattern)
                else:
                    exact[key].append(pattern)
        self._exact = dict(exact)
        self._exact_keys = frozenset(exact)
        self._prefixed = dict(prefixed)
        self._head_length = min((len(p) for p in prefixed), default=0)
        heads: dict[str, list[str]] = defaultdict(list)
        for prefix in sorted(prefixed):
            heads[prefix[: self._head_length]].append(prefix)
        self._heads = dict(heads)
        self._head_keys = frozenset(heads)
        self._head_of = itemgetter(slice(0, self._head_length))

    def _candidates(self, token: str) -> Iterable[_Pattern]:
        yield from self._exact.get(token, ())
        for prefix in self._heads.get(token[: self._head_length], ()):
            if token.startswith(prefix) and is_word(token):
                yield from self._prefixed[prefix]

    def match(self, sentence: Sentence) -> list[Hit]:
        """All hits in one sentence, ordered by position then frame."""
        return self.match_tokens(sentence.tokens, sentence_id=sentence.id)

    def match_tokens(self, tokens: Sequence[str], *, sentence_id: int = 0) -> list[Hit]:
        """All hits in one tokenized sentence, ordered by position then frame."""
        exact, heads = self._exact_keys, self._head_keys
        has_prefix = bool(heads) and not heads.isdisjoint(map(self._head_of, tokens))
        if has_prefix:
            length = self._head_length
            starts = [i for i, t in enumerate(tokens) if t in exact or t[:length] in heads]
        elif not exact.isdisjoint(tokens):
            starts = [i for i, t in enumerate(tokens) if t in exact]
        else:
            return []
        found: dict[str, list[tuple[int, int, Term]]] = defaultdict(list)
        for i in starts:
            for pattern in self._candidates(tokens[i]):
                start = i - pattern.anchor
                end = _match_at(tokens, start, pattern.term.tokens) if start >= 0 else None
                if end is not None:
                    found[pattern.frame].append((start, end, pattern.term))
        if not found:
            return []
        if self._negation_cues.isdisjoint(tokens):
            negation: list[int | None] = [None] * len(tokens)
        else:
            negation = negation_scope(tokens, self._negation_cues, self._scope_breakers)
        hits: list[Hit] = []
        for frame_id, spans in found.items():
            for start, end, term in _longest_non_overlapping(spans):
                # Only a cue before the term can negate it: a cue inside the
                # term belongs to the term ("no POW status").
                cue = negation[start]
                negated = cue is not None
                hits.append(
                    Hit(
                        sentence=sentence_id,
                        frame=frame_id,
                        term=term.text,
                        surface=" ".join(tokens[start:end]),
                        start=start,
                        end=end,
                        weight=term.weight,
                        negated=negated,
                        cue=tokens[cue] if cue is not None else None,
                    )
                )
        hits.sort(key=lambda h: (h.start, h.frame, h.end))
        return hits


def _match_at(tokens: Sequence[str], start: int, pattern: Sequence[str]) -> int | None:
    """End index when ``pattern`` matches ``tokens`` at ``start``, else None."""
    end = start + len(pattern)
    if end > len(tokens):
        return None
    for token, expected in zip(tokens[start:end], pattern, strict=True):
        if expected.endswith("*"):
            if not (token.startswith(expected[:-1]) and is_word(token)):
                return None
        elif token != expected:
            return None
    return end


def _longest_non_overlapping(
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


def negation_scope(
    tokens: Sequence[str],
    cues: frozenset[str],
    breakers: frozenset[str] = frozenset(DEFAULT_SCOPE_BREAKERS),
) -> list[int | None]:
    """For each token, the index of the negation cue whose scope covers it, or None.

    A scope starts at the token after a cue and ends before the next
    punctuation mark in :data:`SCOPE_PUNCTUATION`, closing quotation mark, or
    word in ``breakers``. Straight quotes alternate between opening
    and closing within a sentence. A cue token itself lies in the
    scope of an earlier cue only if one is open.

    >>> toks = ["this", "is", "not", "mercenaries", ",", "it", "is", "people"]
    >>> negation_scope(toks, frozenset({"not"}))
    [None, None, None, 2, None, None, None, None]
    """
    scope: list[int | None] = [None] * len(tokens)
    open_cue: int | None = None
    inside_straight_quote = False
    for i, token in enumerate(tokens):
        closes_quote = token in CLOSING_DOUBLE
        if token in _STRAIGHT_QUOTES:
            closes_quote = inside_straight_quote
            inside_straight_quote = not inside_straight_quote
        if closes_quote or token in SCOPE_PUNCTUATION or token in breakers:
            open_cue = None
            continue
        if not is_word(token):
            continue
        scope[i] = open_cue
        if token in cues:
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            if (token, following) not in PSEUDO_NEGATIONS:
                open_cue = i
    return scope


def match_sentences(sentences: Iterable[Sentence], lexicons: LexiconSet) -> tuple[Hit, ...]:
    """Every hit of every frame in ``sentences``, in sentence order."""
    matcher = Matcher(lexicons)
    hits: list[Hit] = []
    for sentence in sentences:
        hits.extend(matcher.match(sentence))
    return tuple(hits)
