"""How far a cue before a term reaches: a few words, a list, a quotation, a reported clause.

A distancing cue ("accused of", "so-called") or a concern cue ("officials
fear that") governs the term after it only when the term is what the cue
introduces: its object, a few words on in the same phrase; an item of an
enumeration it governs ("accused of spying, smuggling and terrorism"); a
quotation that opens right after it ("accused of “being mercenaries”"); or,
for a cue ending in or followed by "that" ("claiming that …"), its whole
reported clause. :mod:`framing.lexicons.match` reads hits with
:func:`cue_reaching`; the other functions are its parts, and the matcher's
other rules measure distances with :func:`words_between` and
:func:`within_phrase`.

Token positions are indices into one sentence's tokens; ``breakers`` are the
set's scope breakers ("but", "although" …).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import framing.lexicons.scope as negation_scope
from framing.lexicons.cues import asks_if
from framing.lexicons.patterns import QUOTE_TOKENS
from framing.lexicons.scope import CLAUSE_WORDS, SCOPE_PUNCTUATION
from framing.text.segment import is_word

#: How many words a distancing cue ("accused of") reaches forward; ending in
#: or followed by "that" ("claiming that …", "the worry was that …"), it
#: reaches to the end of the sentence's clause.
DISTANCING_WORDS = 4
#: How many words a distancing cue reaches at most through a list of phrases.
LIST_WORDS = 12
#: Scope breakers that stay inside a clause a distancing cue reports with
#: "that": a reason given for the reported worry is part of it.
REPORTED_REASONS = frozenset({"because"})
#: Marks that end a sentence's clause.
_CLAUSE_ENDS = frozenset({".", ";", "!", "?"})


def cue_reaching(
    tokens: Sequence[str],
    spans: Sequence[tuple[int, int]],
    start: int,
    end: int,
    breakers: Collection[str],
) -> str | None:
    """The first cue of ``spans`` before the term ``start``-``end`` that reaches it, as written.

    A cue ending in or followed by "that" ("claiming that …") reaches its
    whole clause; else a few words, a quotation it attributes, or a list of
    phrases it governs (across a short aside, as
    :func:`~framing.lexicons.scope.reaches_across_asides` allows).
    """
    for cue_start, cue_end in spans:
        if cue_end > start:
            continue
        that = negation_scope.reports_that(tokens, cue_end, breakers)
        if (
            (that and in_reported_clause(tokens, cue_end, start, breakers))
            or in_attributed_quote(tokens, cue_end, start)
            or in_governed_list(tokens, cue_end, start, end, breakers)
            or negation_scope.reaches_across_asides(
                tokens, cue_end, start, breakers, DISTANCING_WORDS, object_only=True
            )
        ):
            return " ".join(tokens[cue_start:cue_end])
    return None


def in_reported_clause(tokens: Sequence[str], a: int, b: int, breakers: Collection[str]) -> bool:
    """Whether token ``b`` is still in the clause a "that" at ``a`` reports.

    The clause ends with the sentence (``.``, ``;``, ``!``, ``?``) or at a
    scope breaker, except a reason: "the worry was that … because of the
    opportunities for extremists" reports the reason too.
    """
    for token in tokens[a:b]:
        if token in _CLAUSE_ENDS:
            return False
        if token in breakers and token not in REPORTED_REASONS:
            return False
    return True


def in_attributed_quote(tokens: Sequence[str], a: int, b: int) -> bool:
    """Whether a quotation opening at most one word after a cue's end ``a`` holds token ``b``.

    "accused of “being mercenaries, preparing terrorist acts”": the whole
    quotation is the accusation, commas and conjunctions included.
    """
    opening = next(
        (i for i in range(a, min(a + 2, b)) if tokens[i] in QUOTE_TOKENS),
        None,
    )
    if opening is None or any(not is_word(t) for t in tokens[a:opening]):
        return False
    closing = next(
        (i for i in range(opening + 1, len(tokens)) if tokens[i] in QUOTE_TOKENS),
        len(tokens),
    )
    return b < closing


def in_governed_list(
    tokens: Sequence[str], a: int, b: int, end: int, breakers: Collection[str]
) -> bool:
    """Whether the term ``b``-``end`` is in the phrase, or list, a cue ending at ``a`` governs.

    A cue reaches :data:`DISTANCING_WORDS` words in its phrase, and on
    through an enumeration ("accused of spying, smuggling and terrorism"):
    items of at most that many words each, separated by commas, the last
    after "and" or "or", :data:`LIST_WORDS` words in all. Without a comma,
    "and" ends the phrase: it may join another predicate; nor is a comma
    alone a list ("instead of POW status, they face prosecution", "rather
    than heroes, they are mercenaries, officials say").
    """
    span = tokens[a:b]
    if "," not in span:
        # No enumeration: "charged as mercenaries and sentenced to death"
        # joins two predicates, and "sentenced" is the outlet's.
        near = words_between(tokens, a, b, breakers) <= DISTANCING_WORDS
        return near and within_phrase(tokens, a, b, breakers)
    items = 0
    words = 0
    for token in span:
        if token in (",", "and", "or"):
            items = 0
            continue
        if token in SCOPE_PUNCTUATION or token in breakers:
            return False
        if token in CLAUSE_WORDS or token in QUOTE_TOKENS:
            return False
        if is_word(token):
            items += 1
            words += 1
            if items > DISTANCING_WORDS or words > LIST_WORDS:
                return False
    item = span[len(span) - span[::-1].index(",") :]  # the term's, up to it
    if negation_scope.says_a_clause(item):
        return False  # "…, they are mercenaries": a new clause, not an item
    if not {"and", "or"}.isdisjoint(item):
        return True  # the last item, after "and" or "or"
    return negation_scope.list_goes_on(tokens, end, breakers, LIST_WORDS)


def within_phrase(tokens: Sequence[str], a: int, b: int, breakers: Collection[str]) -> bool:
    """Whether tokens ``a`` to ``b`` stay in one phrase: no punctuation, no conjunction."""
    return not any(
        t in SCOPE_PUNCTUATION or t in CLAUSE_WORDS or t in breakers for t in tokens[a:b]
    )


def words_between(tokens: Sequence[str], a: int, b: int, breakers: Collection[str]) -> int:
    """Words between token ``a`` and ``b``; a clause boundary makes it infinite."""
    count = 0
    for token in tokens[a:b]:
        if token in _CLAUSE_ENDS or token in breakers:
            return 1_000
        count += is_word(token)
    return count


#: How many tokens before a claim :func:`doubt_before` looks back, at most.
DOUBT_TOKENS = 30


def doubt_before(
    tokens: Sequence[str], start: int, doubts: Collection[str], breakers: Collection[str]
) -> str | None:
    """An uncertainty cue earlier in the term's stretch of clause, or None.

    "Russia declined to say **whether** the volunteers would be treated as
    prisoners of war": the status is asked about, not claimed. The stretch
    runs back from token ``start`` to punctuation or a scope breaker,
    :data:`DOUBT_TOKENS` tokens at most; ``doubts`` are the set's
    uncertainty cues.
    """
    for i in range(start - 1, max(-1, start - 1 - DOUBT_TOKENS), -1):
        token = tokens[i]
        if token in SCOPE_PUNCTUATION or token in breakers:
            return None
        if token in doubts or (doubts and asks_if(tokens, i)):  # "not clear if"
            return token
    return None
